"""Words that discuss a conflict rather than report an incident: analysis and opinion pieces, and
experts' views inside a report. There, an incident counts only where its own words date it to the day.
"""

from __future__ import annotations

import re
from datetime import date

from ..models import DatePrecision, Mention
from ..timex import TimeExpression, find_time_expressions, resolve


# Pieces that discuss a conflict rather than report on it: background there is not news.
_COMMENT_URL = re.compile(r"(?i)/(?:analysis|opinions?|comment|commentisfree|commentary|editorials?|"
                          r"explainers?|columns?|columnists?|outlook|perspectives?)/")
_COMMENT_TITLE = re.compile(r"(?i)^\s*(?:analysis|opinion|comment|commentary|explainer|editorial|outlook|"
                            r"column|perspective|view)\s*[:|—–]")


def is_commentary(url: str | None, title: str | None) -> bool:
    """True for an analysis, opinion or explainer piece, read from its URL path or title label."""
    return bool((url and _COMMENT_URL.search(url)) or (title and _COMMENT_TITLE.match(title)))


def dated_to_the_day(mention: Mention, reference: date | None) -> bool:
    """True when the mention's own passage dates it to a day ("on Tuesday", "on 3 May")."""
    field = mention.date_text
    if field is None or reference is None or not (
            mention.passage.start <= field.span.start < mention.passage.end):
        return False
    found = find_time_expressions(field.text)
    span = resolve(found[0], reference) if found else None
    return span is not None and span.precision is DatePrecision.DAY


# Speakers whose words are a view on the conflict, not a report of an incident.
_EXPERT = re.compile(r"(?i)\b(?:analysts?|experts?|researchers?|scholars?|professors?|academics?|sociologists?|"
                     r"historians?|think[- ]tanks?|commentators?|specialists?|consultants?)\b")


def is_expert_view(text: str) -> bool:
    """True for a sentence in which an analyst, expert or academic speaks."""
    return bool(_EXPERT.search(text))


# Words that make a sentence tell of a pattern across many incidents, or of years, rather than of one
# incident: "attacked many times over the past two decades", "kidnappings have risen", "occasional protests".
_BACKGROUND = re.compile(
    r"(?i)\b(?:many|several|numerous|countless|multiple) times\b|\brepeatedly\b|\boccasional(?:ly)?\b|"
    r"\bsporadic(?:ally)?\b|\byearly\b|\b(?:for|over) (?:the )?(?:past |last )?(?:more than |over |nearly |almost )?"
    r"(?:a|two|three|four|five|several|many|\d+) (?:years|decades?)\b|\bfor (?:years|decades)\b|"
    r"\bin (?:past|recent|previous) (?:years|months|decades)\b|"
    r"\b(?:a|one|two|three|four|five|six|seven|eight|nine|ten|several|many|\d+) (?:years|decades) ago\b|"
    # A state or a run of deeds that has lasted since a month or a year: "has been shaken by fighting since
    # September 2024", "have killed more than 250 people since May 2023", "has fought the rebels since August".
    # The deeds' run must be the sentence's own, in its first clause: not a side clause's ("an attack, the
    # latest in a wave that has displaced thousands since January"; "arrested a man who had been wanted since
    # March").
    r"\b(?:has|have) (?:\w+ )?been\b[^.;]{0,80}?\bsince (?:(?:early|late|mid-?)\s*)?(?:(?:January|February|March|April|"
    r"May|June|July|August|September|October|November|December)\b|(?:19|20)\d\d\b)|"
    r"^[^,;]{0,80}?\b(?:has|have) (?:\w+ )?\w+\b(?:(?!\b(?:who|whom|whose|which|that|where)\b)[^.;,]){0,80}?\bsince "
    r"(?:(?:early|late|mid-?)\s*)?(?:(?:January|February|March|April|"
    r"May|June|July|August|September|October|November|December)\b|(?:19|20)\d\d\b)|"
    # A war's toll to date, not one incident's: "the conflict has killed thousands of people".
    r"\b(?:have|has) (?:\w+ )?(?:killed|left dead|claimed the lives of)\s+(?:more than |over |at least |nearly |"
    r"almost |an estimated |about |some |many )?(?:thousands|tens of thousands|hundreds of thousands|millions|"
    r"\d{1,3}(?:,\d{3})+)\b|"
    r"\b(?:have|has) (?:risen|increased|grown|surged|soared|multiplied|"
    r"become (?:an? )?(?:daily|weekly|common|regular|routine|frequent|yearly|everyday)\b)")


def is_background(text: str, times: list[TimeExpression], reference: date | None) -> bool:
    """True for a sentence that tells of a pattern or of years ("attacked many times over the past two
    decades") and whose own date words do not pin an incident to a day or a week."""
    if not _BACKGROUND.search(text):
        return False
    for found in times:
        span = resolve(found, reference) if reference else None
        if span is not None and span.precision in (DatePrecision.DAY, DatePrecision.WEEK):
            return False
    return True
