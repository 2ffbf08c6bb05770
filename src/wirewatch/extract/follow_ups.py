"""What a follow-up story (a vigil, an arrest) tells of days other than its own: the old shooting it names, and
the protest an arrest was over."""

from __future__ import annotations

import re
from datetime import date

from ..timex import TimeExpression
from .classify import TriggerHit

PROTESTERS = "Protesters ({country})"
_CALM = "Peaceful protest"
# What a follow-up story tells of its own day (a vigil, an arrest) while it names an old shooting.
_UNREST = frozenset({"Strategic developments", "Protests"})
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_MONTHS = tuple(_MONTH[3:-1].lower().split("|"))
# A year tied to the trigger's own words: "the 2019 shooting", "shot and killed in Detroit in 2019", "a shooting
# three years ago". Read in the trigger's clause only: the sentence's other date words are a vigil's or an
# arrest's ("gathered Tuesday for a man shot dead in 2019").
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_IN_MONTH = rf"(?:(?:early|late|mid-?)\s*)?(?:(?P<month>{_MONTH})\s+(?:\d{{1,2}},?\s+)?)?"
_THEN = r"\s*,?\s+(?:that|which)\s+(?:[\w-]+\s+)?$"
_TIED_BEFORE = (re.compile(rf"\b(?:the|a|an|that|this)\s+{_IN_MONTH}{_YEAR}\s+(?:[\w-]+\s+)?$"),
                re.compile(rf"\b(?:in|during)\s+{_IN_MONTH}{_YEAR}{_THEN}"),
                re.compile(rf"\byears\s+ago{_THEN}"))
_TIED_AFTER = (re.compile(rf"^[^.;,]{{0,60}}?\b(?:in|during)\s+{_IN_MONTH}{_YEAR}\b"),
               re.compile(r"^[^.;,]{0,60}?\b(?:(?:a|one|two|three|four|five|six|seven|eight|nine|ten|several|many|\d+)\s+"
                          r"years\s+ago|last\s+year)\b"))
# The trigger's own day told before a year that tells of something else: "the shooting on Friday of a clerk who
# had moved to Detroit in 2019" is Friday's.
_OWN_DAY = re.compile(r"(?i)\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|"
                      r"today|tonight|(?:last|this)\s+(?:week|weekend|night|month|morning|afternoon|evening))\b")
# A story that only commemorates ("gathered to remember the 168 killed in the bombing in Oklahoma City in 1995")
# tells of no incident of its day, even with no vigil or march to type.
_COMMEMORATES = re.compile(r"(?i)\b(?:remember(?:ed|ing|s)?|commemorat\w+|anniversary|in memory of|mourn\w*)\b")
_RECENT_DAYS = 120   # "shot in December 2016" in a January 2017 report is the incident, a few weeks old
# "Sunday's protests", "Saturday's march against fuel prices": a protest told by the day it was held.
_DAYS_OWN = re.compile(r"^['’]s\s+(?:[\w-]+\s+){0,2}$")


def of_the_day(triggers: list[TriggerHit], sentence: str, reference: date | None, ontology) -> list[TriggerHit]:
    """A follow-up's triggers less the old shooting it names: where a vigil, an arrest or a protest is the
    sentence's news, or where the sentence commemorates, a shooting whose own words date it to an earlier year is
    background (README: a mention dated only to a year is not stored). Alone, it may be what the report is about
    (a trial story), and stays."""
    calm = [ontology.event_type_of[t.sub_event_type] in _UNREST for t in triggers]
    if reference is None or all(calm) or not (any(calm) or _COMMEMORATES.search(sentence)):
        return triggers
    return [t for t, quiet in zip(triggers, calm) if quiet or not _long_ago(sentence, t, reference)]


def _long_ago(sentence: str, trig: TriggerHit, reference: date) -> bool:
    """True for a trigger whose own words date it to an earlier year."""
    before, after = sentence[max(0, trig.start - 40):trig.start], sentence[trig.end:trig.end + 80]
    found = [m for m in (p.search(before) for p in _TIED_BEFORE) if m]
    found += [m for m in (p.search(after) for p in _TIED_AFTER) if m and not _OWN_DAY.search(after, 0, m.end())]
    return any(_before_the_year(m.groupdict(), reference) for m in found)


def _before_the_year(tied: dict[str, str | None], reference: date) -> bool:
    """Whether a tied year (and month) lies in an earlier year, and months back; no year ("years ago") does."""
    if not tied.get("year"):
        return True
    year = int(tied["year"])
    if not tied.get("month"):
        return year < reference.year
    told = date(year, _MONTHS.index(tied["month"].lower()) + 1, 1)
    return year < reference.year and (reference - told).days > _RECENT_DAYS


def protest_of_its_day(sentence: str, times: list[TimeExpression], trig: TriggerHit) -> TimeExpression | None:
    """The day words of a protest named by its own day in a sentence dated by other words ("Police on Tuesday
    arrested 12 people over Sunday's protests"), or None."""
    if trig.sub_event_type != _CALM or len(times) < 2:
        return None
    own = next((t for t in times if t.end <= trig.start and _DAYS_OWN.match(sentence[t.end:trig.start])), None)
    return own if own is not None and own is not times[0] else None
