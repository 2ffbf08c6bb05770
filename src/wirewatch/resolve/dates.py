"""Date resolution: the words of a mention -> a calendar range with ACLED's precision code."""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from ..extract.sentences import Sentence, sentence_of, sentences_of
from ..models import Article, DatePrecision, ResolvedDate, Span, TextField
from ..timex import TimeExpression, find_time_expressions, resolve

# With no date words at all, a news report tells the news of its day: what happened that day or the night
# before (a morning report of an evening's shooting). Precision stays 2 (a week's): no day is stated. (The
# fused event takes the report's own day, the likelier of the two: fuse/incidents.py _pick_date.)
_UNSTATED_DAYS = 1
# How far before publication the lede's date may lie and still be taken for an undated passage's date:
# further back, the article is a follow-up and its first date is as likely a hearing as the incident, so
# only a calendar day the incident's own words are given ("the April 2 shooting") dates it.
_LEAD_DAYS = 7
# "police said Monday": the day words date the statement, not what it reports. A page's stamp ("Posted:
# Jan. 4, 2015 11:02 PM", "Updated on March 3") dates the page in the same way, not the incident.
_SPEECH_BEFORE = re.compile(r"(?i)(?:\b(?:said|says|told\s+[\w ]{0,30}?|announced|confirmed|reported|stated|"
                            r"claimed(?: responsibility| credit)?|"
                            r"identified\s+[\w ]{0,30}?)\s+(?:on\s+)?|"
                            r"\b(?:posted|published|updated)(?:\s+on)?\s*:?\s*)$")
# A dateline ("BAMAKO, Sept 17 —", "KYIV, May 3 (Reuters) -") dates the dispatch, as a page's stamp does: it
# opens the text, a place name in capitals before it and a dash or a colon after it.
_DATELINE_BEFORE = re.compile(r"^\s*[A-Z][A-Z .'’-]+(?:,\s*[A-Z][\w .]{1,25})?,\s*$")
_DATELINE_AFTER = re.compile(r"^(?:,?\s*\d{4})?\s*(?:\([\w .]+\)\s*)?(?:—|–|--?\s|:)")
_DATELINE_REACH = 300
# "Since the junta seized power in July 2023, ...": the start of a long story, no date for the news after it.
_BACKGROUND = re.compile(r"(?i)\b(?:since|ever since|until|up to)\b[^.;\n]{0,60}$")

# Date words that move with publication ("on Tuesday", "last week"), against calendar dates ("Jan. 3").
_RELATIVE = {"weekday", "day_word", "week", "ago"}
_CALENDAR = {"mdy", "dmy", "iso"}
# How far from date words the word they date may stand ("was arrested Tuesday in the Jan. 3 shooting").
_REACH = 60
# Words telling of the incident itself, and of what followed it. Police copy tells a shooting as "the
# incident" that "happened" or "occurred" on a day; an arrest or a hearing is named as such. A vigil or a
# memorial is an event of its own (a protest) and keeps its own day; beside an incident's word, its day is
# no more the incident's than a funeral's. So are the days of a later state ("remained in jail Monday") and
# of the news put out since ("released his name Tuesday", "a warrant was issued", "posted on Facebook");
# "remains" as a noun ("the remains of the house", "human remains") is no later state.
_INCIDENT = re.compile(
    r"(?i)\b(?:shot|shots|shoot(?:ing|ings|out)|gunfight|drive-by|gunfire|gunshots?|gunman|gunmen|opened fire|"
    r"gunned down|incident|happened|occurred|"
    r"fired|killed|killing|slain|slaying|murder(?:ed)?|homicide|deaths?|stabb(?:ed|ing)|wounded|injured|"
    r"attack(?:ed)?|ambush(?:ed)?|stormed|overran|bomb(?:ed|ing)|blast|explo(?:sion|ded)|clash(?:ed|es)?|"
    r"robbery|robbed|"
    r"carjack(?:ed|ing))\b")
_AFTERMATH = re.compile(
    r"(?i)\b(?:arrest(?:ed|s)?|detain(?:ed|s)?|apprehended|(?:taken|took) into custody|rounded up|charged|"
    r"charges|booked|indicted|indictment|arraign(?:ed|ment)|court|hearing|trial|jury|judge|sentenc(?:ed|ing)|"
    r"pleaded|pleads?|plea|convicted|verdict|bond|bail|custody|surrendered|extradited|funeral|burial|buried|"
    r"laid to rest|died|dies|succumbed|autopsy|identified|lawsuit|sued|vigils?|memorial|"
    r"remain(?:s|ed)? (?:in|at|behind|under|on|hospitali[sz]ed|jailed|held|missing)|released|issued|published|"
    r"posted|scheduled)\b")


def resolve_date(field: TextField | None, ref: date, ref_is_publication: bool,
                 basis: str | None = None) -> ResolvedDate:
    """The range a mention's date words stand for, or `ref` and the day before when there are none; `basis`
    names what `ref` is when it is neither the publication nor the ingestion date (reference_of)."""
    basis = basis or ("publication" if ref_is_publication else "ingestion (no publication date)")
    if field is not None:
        expressions = find_time_expressions(field.text)
        found = resolve(expressions[0], ref) if expressions else None
        # A day after publication is impossible for a past event, even one day after ("died early Tuesday" on a
        # Monday page): it is rejected with a note naming the words, not kept as the page's next day.
        if found is not None and found.start <= ref:
            return ResolvedDate(found.start, min(found.end, ref), found.precision, field.span,
                                None if ref_is_publication else f"read against the {basis} date")
        reason = "is not a calendar date" if found is None else f"falls after the {basis} date"
        note = f"date words {field.text!r} {reason}; rejected"
    else:
        note = None
    fallback = f"date not stated; the {basis} date or the day before"
    return ResolvedDate(ref - timedelta(days=_UNSTATED_DAYS), ref, DatePrecision.WEEK, None,
                        f"{note}; {fallback}" if note else fallback)


def reference_of(article: Article) -> tuple[date, str]:
    """The date an article's relative words are read against, and what it is: the publication date; for an
    article without one, the day its dateline gives ("KABUL, May 14, 2021 —"), a day the text itself states;
    only then the day it was ingested, which may be long after the report."""
    if article.published is not None:
        return article.published, "publication"
    ingested = article.reference_date
    for expr in _expressions(article.text[:_DATELINE_REACH]):
        if expr.kind in _CALENDAR and _dateline(article.text, expr.start, expr.end):
            found = resolve(expr, ingested)
            if found is not None and found.precision == DatePrecision.DAY:
                return found.start, "dateline (no publication date)"
    return ingested, "ingestion (no publication date)"


def preceding_date(article: Article, before: int, ref: date) -> TextField | None:
    """For an article with no publication date: the last calendar date or month the text gives before
    offset `before` ("on March 3, 2023", "in May 2021"), which dates what the next paragraphs tell better
    than the day the article happened to be ingested."""
    found = None
    for expr in _expressions(article.text):
        if expr.start >= before:
            break
        if expr.kind in _CALENDAR | {"month"} and resolve(expr, ref) is not None \
                and not _BACKGROUND.search(article.text, max(0, expr.start - 60), expr.start):
            found = expr
    return TextField(found.text, Span(article.id, found.start, found.end)) if found else None


def lead_date(article: Article, ref: date | None = None, incident: bool = False) -> TextField | None:
    """The date of an article's passages that have no date words of their own: its first day-precise
    date words within a week before its reference date, if any ("Two men were shot early Sunday..."); for
    an incident's passage (`incident`, tells_an_incident), the first such words told of an incident, if any.

    In a follow-up (the text gives an incident's own calendar day more than a week before: "the Jan. 3
    shooting"), that day, unless day words of the last week tell of an incident first; the days of an
    arrest, a hearing or a funeral since then date those, not the incident."""
    ref, text = ref or article.reference_date, article.text
    older = next((e for e in _incident_days(text) if _days_back(e, ref) > _LEAD_DAYS), None)
    found = []
    for expr in _expressions(text):
        if older is not None and expr.start >= older.start:
            break
        if 0 <= _days_back(expr, ref) <= _LEAD_DAYS and (older is None or _tells_of(
                text, expr.start, expr.end, sentence_of(text, expr.start)) == "incident"):
            found.append(expr)
    # "Police said Monday that a man shot Saturday...", "was arrested Tuesday in Sunday's shooting": for an
    # incident, the first day words told of an incident, when there are any ("On Monday, officers searched
    # the house. ... Saturday's shooting": the search's day is no more the shooting's than an arrest's; a
    # march's or a meeting's day words tell of no incident, and stay theirs); then the first day words that
    # date neither a statement nor what followed the incident; then the incident's calendar day; then, in a
    # follow-up that tells its story without naming it, a calendar day weeks back that dates nothing else
    # ("On Aug. 3, the two men were sitting in a car...").
    untold = None if older else next((e for e in _untold_days(text) if _days_back(e, ref) > _LEAD_DAYS), None)
    roles = [_role(text, e.start, e.end) for e in found]
    told = next((e for e, role in zip(found, roles) if role == "incident" and not _another_incident(text, e.start)),
                None) if incident else None
    expr = told or next((e for e, role in zip(found, roles) if role not in _NOT_THE_INCIDENT), None) or \
        older or untold or (found[0] if found else None)
    return TextField(expr.text, Span(article.id, expr.start, expr.end)) if expr else None


_NOT_A_DAY = -999
# "another shooting Friday": day words of an incident the report marks as not its own date that incident, not the
# one whose passage has no day words. "Another man was wounded in Saturday's shooting" is the same incident's second
# victim: only another incident counts. ("In a separate incident" alone cost GVA date exact 0.839 -> 0.838.)
_ANOTHER = re.compile(r"(?i)\banother[ \t]+(?:[\w-]+[ \t]+)?(?:shootings?|attacks?|"
                      r"incidents?|homicides?|killings?|stabbings?|bombings?|explosions?|blasts?|robber(?:y|ies)|"
                      r"ambush(?:es)?|clash(?:es)?)\b")


def _another_incident(text: str, start: int) -> bool:
    """Whether the sentence of the date words at `start` tells of another incident than the report's own."""
    sentence = sentence_of(text, start)
    return bool(_ANOTHER.search(text, sentence.start, sentence.end))


def _days_back(expr: TimeExpression, ref: date) -> int:
    """How many days before `ref` a day-precise expression lies; _NOT_A_DAY for any other."""
    found = resolve(expr, ref)
    return (ref - found.start).days if found and found.precision == DatePrecision.DAY else _NOT_A_DAY


def event_date_words(field: TextField | None, passage: Span, text: str,
                     trigger: TextField | None = None) -> TextField | None:
    """The date words that date the event: past a speech verb's date ("said Monday") to another in the
    passage, when there is one; and, for an incident's trigger, past the day of an arrest, a hearing or
    a death that followed ("was charged Tuesday in the Jan. 3 shooting") to the calendar day the text
    gives the incident itself, when it gives one. An arrest's own trigger keeps its own day."""
    field = _past_speech(field, passage, text)
    kind = _kind(field.text) if field is not None else ""
    if field is None or trigger is None or kind not in _RELATIVE | _CALENDAR:
        return field
    if not tells_an_incident(trigger):
        return field  # an arrest, a vigil: the day beside them is their own
    # The words may come from an earlier sentence of the paragraph: what they date is read in their own.
    if _tells_of(text, field.span.start, field.span.end, sentence_of(text, field.span.start)) != "aftermath":
        return field
    if kind in _CALENDAR:
        # "was charged Oct. 20 in the Oct. 3 shooting": a calendar day names the charge as plainly as the
        # incident's; only another calendar day the text gives the incident's own words moves it.
        found = _incident_day(text, field.span.article_id)
        return found if found is not None and found.span != field.span else field
    # With no calendar day for the incident, day words elsewhere that tell of it ("Saturday's shooting")
    # date it: None hands the mention to lead_date, which picks them.
    return _incident_day(text, field.span.article_id) or (
        None if _has_incident_day_words(text) or _untold_days(text) else field)


def tells_an_incident(trigger: TextField | None) -> bool:
    """Whether a mention's trigger is an incident's own word (a shooting, an attack), not an arrest's or a vigil's."""
    return trigger is not None and bool(_INCIDENT.search(trigger.text)) and not _AFTERMATH.search(trigger.text)


def _past_speech(field: TextField | None, passage: Span, text: str) -> TextField | None:
    """The field, or another date in the passage when the field dates a statement ("said Monday")."""
    if field is None or not _dates_a_statement(text, passage.start, field.span.start, field.span.end):
        return field
    for expr in find_time_expressions(text[passage.start:passage.end]):
        start = passage.start + expr.start
        if start != field.span.start and not _spoken(expr, passage, text):
            return TextField(expr.text, Span(field.span.article_id, start, passage.start + expr.end))
    # No other date in the passage: the statement's day is the incident's only when the text has no day
    # words of its own for the incident; when it has, lead_date picks them (None hands the mention to it).
    return None if _has_incident_day_words(text) else field


# What day words may date other than the incident: a statement about it, or an arrest or hearing after it.
_NOT_THE_INCIDENT = {"spoken", "aftermath"}


def _role(text: str, start: int, end: int) -> str | None:
    """"spoken" for date words after a speech verb ("police said Monday"), else what _tells_of says."""
    sentence = sentence_of(text, start)
    if _dates_a_statement(text, sentence.start, start, end):
        return "spoken"
    return _tells_of(text, start, end, sentence)


@lru_cache(maxsize=64)
def _has_incident_day_words(text: str) -> bool:
    """True when the text has a weekday or day word ("Saturday's shooting", "was shot last night") that
    tells of an incident and dates no statement: such words always lie within lead_date's week."""
    return any(e.kind in {"weekday", "day_word"} and _role(text, e.start, e.end) == "incident"
               for e in _expressions(text))


def _kind(words: str) -> str:
    """Which timex rule reads the words ("weekday", "mdy"...)."""
    found = find_time_expressions(words)
    return found[0].kind if found else ""


def _tells_of(text: str, start: int, end: int, sentence: Sentence) -> str | None:
    """"incident" or "aftermath": what the word nearest the date words at text[start:end] tells of, looked
    for within _REACH characters either side inside the sentence; None when no such word is there."""
    lo, hi = max(sentence.start, start - _REACH), min(sentence.end, end + _REACH)
    best: tuple[int, str] | None = None
    for kind, pattern in (("incident", _INCIDENT), ("aftermath", _AFTERMATH)):
        for m in pattern.finditer(text, lo, start):
            best = min(best or (start - m.end(), kind), (start - m.end(), kind))
        m = pattern.search(text, end, hi)
        if m:
            best = min(best or (m.start() - end, kind), (m.start() - end, kind))
    return best[1] if best else None


@lru_cache(maxsize=64)
def _expressions(text: str) -> tuple[TimeExpression, ...]:
    """The time expressions of a whole article: lead_date and the tests of what its days tell each scan it."""
    return tuple(find_time_expressions(text))


@lru_cache(maxsize=64)
def _incident_days(text: str) -> tuple[TimeExpression, ...]:
    """Calendar dates in the text that date an incident's own words ("was shot on Jan. 3", "the Jan. 3
    shooting"), in text order."""
    found = []
    for sent in sentences_of(text):
        for expr in find_time_expressions(text[sent.start:sent.end]):
            start, end = sent.start + expr.start, sent.start + expr.end
            if expr.kind in _CALENDAR and _tells_of(text, start, end, sent) == "incident":
                found.append(TimeExpression(start, end, expr.text, expr.kind))
    return tuple(found)


@lru_cache(maxsize=64)
def _untold_days(text: str) -> tuple[TimeExpression, ...]:
    """Calendar dates that date no word of an incident, of what followed it or of a statement in their
    sentence, in text order: a follow-up about an arrest tells the incident's story under its own day
    ("On Aug. 3, the two men were sitting in a parked car when..."), far from the word "shooting"."""
    return tuple(e for e in _expressions(text)
                 if e.kind in _CALENDAR and _role(text, e.start, e.end) is None)


def _incident_day(text: str, article_id: str) -> TextField | None:
    """The first calendar date the text gives an incident's own words, if any."""
    days = _incident_days(text)
    return TextField(days[0].text, Span(article_id, days[0].start, days[0].end)) if days else None


def _spoken(expr: TimeExpression, passage: Span, text: str) -> bool:
    """True when a time expression in a passage follows a speech verb."""
    start = passage.start + expr.start
    return _dates_a_statement(text, passage.start, start, passage.start + expr.end)


def _dates_a_statement(text: str, lo: int, start: int, end: int) -> bool:
    """True when the date words at text[start:end] follow a speech verb or a page's stamp (looking back
    no further than `lo`), or are the dispatch's dateline."""
    return bool(_SPEECH_BEFORE.search(text[max(lo, start - 50):start])) or _dateline(text, start, end)


def _dateline(text: str, start: int, end: int) -> bool:
    """True when the date words at text[start:end] are the dateline opening the text."""
    if start > _DATELINE_REACH:
        return False
    line = text.rfind("\n", 0, start) + 1
    return bool(_DATELINE_BEFORE.match(text[line:start]) and _DATELINE_AFTER.match(text[end:end + 30]))
