"""Mentions that speak of an incident the article has already reported, rather than of a new one.

"The bombing in Quetta" points back at the bombing of the lede; shelling a governor reports at the
place and on the day of a ground clash is the fire of that clash (ACLED codes the two as one armed
clash); "in the region" is the region named last.
"""

from __future__ import annotations

import re
from datetime import date

from ..gazetteer import fold
from ..models import Mention, TextField
from ..timex import find_time_expressions, resolve
from .classify import TriggerHit

_SHELLING, _CLASH = "Shelling/artillery/missile attack", "Armed clash"
# A determiner that makes the trigger a known incident: "the blast", "Monday's attack", "this raid".
_DEFINITE = re.compile(r"(?i)\b(?:the|this|that|[a-z]+day['’]s|yesterday['’]s|last week['’]s)\s+"
                       r"(?:[\w-]+\s+){0,2}$")
_AGAIN = re.compile(r"(?i)\b(?:again|another|a second|a new|fresh|renewed)\b")
# A place noun with the definite article stands for the place named last ("fought in the region").
# "In the north of the department" and "at the entrance to the town" point back as well.
_TOWN_NOUN = re.compile(r"(?i)\b(?:town|city|village|municipality)$")
_PLACE_ANAPHOR = re.compile(r"(?i)\b(?:in|near|into|across|around|outside|on|to|at|inside|throughout) the "
                            r"(?:(?:north|south|east|west|centre|center|edge|outskirts|entrance|rest)(?:ern)? "
                            r"(?:part )?(?:of|to) the )?(?:region|area|province|district|oblast|town|city|village|"
                            r"department|state|county|territory|township|governorate|municipality)\b")


def refers_back(text: str, trigger: TriggerHit) -> bool:
    """True when a trigger word names an incident already known to the reader ("the bombing")."""
    return bool(_DEFINITE.search(text[max(0, trigger.start - 40):trigger.start]))


def place_anaphor(text: str) -> str | None:
    """"town" for a sentence placing its event by "the town", "the village" and the like, "region" for "the
    region", "the department" and the like, None for neither."""
    m = _PLACE_ANAPHOR.search(text)
    if m is None:
        return None
    return "town" if _TOWN_NOUN.search(m.group(0)) else "region"


def fold_fire_into_clashes(mentions: list[Mention], text: str, reference: date | None) -> list[Mention]:
    """The mentions without shelling reported where and when the article has a ground clash.

    Args:
        mentions: an article's mentions, in text order.
        text: the article text, to read each passage for "again" or "another".
        reference: the date relative date words are read against; None compares their words only.
    Returns:
        The mentions, less those shelling mentions.
    """
    clashes = [(_place_key(m.place_text), _day(m.date_text, reference)) for m in mentions
               if m.sub_event_type == _CLASH]
    if not clashes:
        return mentions
    kept = []
    for m in mentions:
        if m.sub_event_type == _SHELLING and not _AGAIN.search(text[m.passage.start:m.passage.end]):
            place, day = _place_key(m.place_text), _day(m.date_text, reference)
            if any(place == p and (day is None or c is None or day == c) for p, c in clashes):
                continue
        kept.append(m)
    return kept


def _place_key(field: TextField | None) -> str | None:
    """A place's words folded, without the "region" or "oblast" after the name."""
    if field is None:
        return None
    return re.sub(r"\s+(?:region|oblast|province|district)$", "", fold(field.text))


def _day(field: TextField | None, reference: date | None) -> date | str | None:
    """The first day a date field stands for, or its folded words when it cannot be read."""
    if field is None:
        return None
    found = find_time_expressions(field.text)
    span = resolve(found[0], reference) if found and reference else None
    return span.start if span else fold(field.text)

