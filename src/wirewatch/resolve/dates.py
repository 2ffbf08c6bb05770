"""Date resolution: the words of a mention -> a calendar range with ACLED's precision code."""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date, timedelta
from functools import lru_cache

from ..extract.sentences import split_sentences
from ..models import Article, DatePrecision, ResolvedDate, Span, TextField
from ..timex import TimeExpression, find_time_expressions, resolve

# With no date words at all, a news report is usually about the days just before it was published.
_UNSTATED_DAYS = 6
# How far before publication the lede's date may lie and still be taken for an undated passage's date:
# further back, the article is a follow-up and its first date is as likely a hearing as the incident, so
# only a calendar day the incident's own words are given ("the April 2 shooting") dates it.
_LEAD_DAYS = 7
# "police said Monday": the day words date the statement, not what it reports.
_SPEECH_BEFORE = re.compile(r"(?i)\b(?:said|says|told\s+[\w ]{0,30}?|announced|confirmed|reported|stated|"
                            r"identified\s+[\w ]{0,30}?)\s+(?:on\s+)?$")

# Date words that move with publication ("on Tuesday", "last week"), against calendar dates ("Jan. 3").
_RELATIVE = {"weekday", "day_word", "week", "ago"}
_CALENDAR = {"mdy", "dmy", "iso"}
# How far from date words the word they date may stand ("was arrested Tuesday in the Jan. 3 shooting").
_REACH = 60
# Words telling of the incident itself, and of what followed it. Marches and vigils are left out: they are
# events of their own (protests), dated by their own day.
_INCIDENT = re.compile(
    r"(?i)\b(?:shot|shots|shoot(?:ing|ings|out)|gunfight|drive-by|gunfire|gunshots?|gunman|gunmen|opened fire|"
    r"fired|killed|killing|slain|slaying|murder(?:ed)?|homicide|deaths?|stabb(?:ed|ing)|wounded|injured|"
    r"attack(?:ed)?|ambush(?:ed)?|bomb(?:ed|ing)|blast|explo(?:sion|ded)|clash(?:ed|es)?|robbery|robbed|"
    r"carjack(?:ed|ing))\b")
_AFTERMATH = re.compile(
    r"(?i)\b(?:arrest(?:ed|s)?|detain(?:ed|s)?|apprehended|(?:taken|took) into custody|rounded up|charged|"
    r"charges|booked|indicted|indictment|arraign(?:ed|ment)|court|hearing|trial|jury|judge|sentenc(?:ed|ing)|"
    r"pleaded|pleads?|plea|convicted|verdict|bond|bail|custody|surrendered|extradited|funeral|burial|buried|"
    r"laid to rest|died|dies|succumbed|autopsy|identified|lawsuit|sued)\b")


def resolve_date(field: TextField | None, ref: date, ref_is_publication: bool) -> ResolvedDate:
    """The range a mention's date words stand for, or the week before `ref` when there are none."""
    basis = "publication" if ref_is_publication else "ingestion (no publication date)"
    if field is not None:
        expressions = find_time_expressions(field.text)
        found = resolve(expressions[0], ref) if expressions else None
        if found is not None and found.start <= ref:
            return ResolvedDate(found.start, min(found.end, ref), found.precision, field.span,
                                None if ref_is_publication else f"read against the {basis} date")
        reason = "is not a calendar date" if found is None else f"falls after the {basis} date"
        note = f"date words {field.text!r} {reason}; rejected"
    else:
        note = None
    fallback = f"date not stated; the week before the {basis} date"
    return ResolvedDate(ref - timedelta(days=_UNSTATED_DAYS), ref, DatePrecision.WEEK, None,
                        f"{note}; {fallback}" if note else fallback)


def lead_date(article: Article) -> TextField | None:
    """The date of an article's passages that have no date words of their own: its first day-precise
    date words within a week before its reference date, if any ("Two men were shot early Sunday...").

    In a follow-up (the text gives an incident's own calendar day more than a week before: "the Jan. 3
    shooting"), that day, unless day words of the last week tell of an incident first; the days of an
    arrest, a hearing or a funeral since then date those, not the incident."""
    ref, text = article.reference_date, article.text
    older = next((e for e in _incident_days(text) if _days_back(e, ref) > _LEAD_DAYS), None)
    for expr in find_time_expressions(text):
        if older is not None and expr.start >= older.start:
            break
        if 0 <= _days_back(expr, ref) <= _LEAD_DAYS and (older is None or _tells_of(
                text, expr.start, expr.end, _sentence_of(text, expr.start)) == "incident"):
            return TextField(expr.text, Span(article.id, expr.start, expr.end))
    return TextField(older.text, Span(article.id, older.start, older.end)) if older else None


def _days_back(expr: TimeExpression, ref: date) -> int:
    """How many days before `ref` a day-precise expression lies; -1 for any other."""
    found = resolve(expr, ref)
    return (ref - found.start).days if found and found.precision == DatePrecision.DAY else -1


def event_date_words(field: TextField | None, passage: Span, text: str,
                     trigger: TextField | None = None) -> TextField | None:
    """The date words that date the event: past a speech verb's date ("said Monday") to another in the
    passage, when there is one; and, for an incident's trigger, past the day of an arrest, a hearing or
    a death that followed ("was charged Tuesday in the Jan. 3 shooting") to the calendar day the text
    gives the incident itself, when it gives one. An arrest's own trigger keeps its own day."""
    field = _past_speech(field, passage, text)
    if field is None or trigger is None or _kind(field.text) not in _RELATIVE:
        return field
    if _AFTERMATH.search(trigger.text) or not _INCIDENT.search(trigger.text):
        return field  # an arrest, a vigil: the day beside them is their own
    # The words may come from an earlier sentence of the paragraph: what they date is read in their own.
    if _tells_of(text, field.span.start, field.span.end, _sentence_of(text, field.span.start)) != "aftermath":
        return field
    return _incident_day(text, field.span.article_id) or field


def _past_speech(field: TextField | None, passage: Span, text: str) -> TextField | None:
    """The field, or another date in the passage when the field dates a statement ("said Monday")."""
    if field is None or not _SPEECH_BEFORE.search(text[max(passage.start, field.span.start - 50):field.span.start]):
        return field
    for expr in find_time_expressions(text[passage.start:passage.end]):
        start = passage.start + expr.start
        if start != field.span.start and not _spoken(expr, passage, text):
            return TextField(expr.text, Span(field.span.article_id, start, passage.start + expr.end))
    return field


def _kind(words: str) -> str:
    """Which timex rule reads the words ("weekday", "mdy"...)."""
    found = find_time_expressions(words)
    return found[0].kind if found else ""


def _tells_of(text: str, start: int, end: int, sentence: Span) -> str | None:
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
def _sentences(text: str) -> tuple[tuple[int, ...], tuple[Span, ...]]:
    """The text's sentence starts and spans; each article's mentions ask of the same text."""
    spans = tuple(Span("", s.start, s.end) for s in split_sentences(text))
    return tuple(s.start for s in spans), spans


def _sentence_of(text: str, offset: int) -> Span:
    """The sentence holding a text offset."""
    starts, spans = _sentences(text)
    return spans[max(0, bisect_right(starts, offset) - 1)] if spans else Span("", 0, len(text))


@lru_cache(maxsize=64)
def _incident_days(text: str) -> tuple[TimeExpression, ...]:
    """Calendar dates in the text that date an incident's own words ("was shot on Jan. 3", "the Jan. 3
    shooting"), in text order."""
    found = []
    for sent in _sentences(text)[1]:
        for expr in find_time_expressions(text[sent.start:sent.end]):
            start, end = sent.start + expr.start, sent.start + expr.end
            if expr.kind in _CALENDAR and _tells_of(text, start, end, sent) == "incident":
                found.append(TimeExpression(start, end, expr.text, expr.kind))
    return tuple(found)


def _incident_day(text: str, article_id: str) -> TextField | None:
    """The first calendar date the text gives an incident's own words, if any."""
    days = _incident_days(text)
    return TextField(days[0].text, Span(article_id, days[0].start, days[0].end)) if days else None


def _spoken(expr: TimeExpression, passage: Span, text: str) -> bool:
    """True when a time expression in a passage follows a speech verb."""
    start = passage.start + expr.start
    return bool(_SPEECH_BEFORE.search(text[max(passage.start, start - 50):start]))
