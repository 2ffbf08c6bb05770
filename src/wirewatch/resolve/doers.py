"""A country or a people named as the doer of an event ("Russia shells", "Kenyan troops"), not as its ground."""

from __future__ import annotations

import re

from ..gazetteer import Gazetteer

# A country as the doer: its forces, or the subject of a verb ("Russia shells", "Turkey reinforces",
# "Uganda LRA rebels kill"), not the ground the event happened on.
_DOER_AFTER = re.compile(r"(?:[ \t]+[A-Z]{2,6})?[ \t]+(?:(?:[a-z]+[ \t]+)?(?:forces|troops|army|military|jets|"
                         r"warplanes|drones|navy|soldiers|rebels|militants|militia|police|shells|strikes|"
                         r"bombs|attacks|says|said|claims|denies|reinforces|sends|deploys|accuses|warns)\b)")


def a_doer_elsewhere(name: str, text: str, end: int, gazetteer: Gazetteer) -> bool:
    """Whether a country's name stands as the doer ("Turkish jets" are a demonym; "Russia shells ...",
    "Uganda LRA rebels kill ...") while the text names another country as well: the event lies on the other
    country's ground, so this mention places nothing."""
    readings = gazetteer.entries(name)
    if not readings or any(e.kind != "country" for e in readings) or not _DOER_AFTER.match(text, end):
        return False
    country = readings[0].country
    others, _ = gazetteer.context_without(text, name)
    return any(c != country for c in others)


def doer_peoples(text: str, gazetteer: Gazetteer) -> set[str]:
    """The countries whose people the text names as a doer ("Kenyan troops", "Turkish jets")."""
    return {h.demonym_of for h in gazetteer.names_in(text) if h.demonym_of and _DOER_AFTER.match(text, h.end)}


# A people named as invaders or occupiers fights on another country's ground ("Russian invaders shelled
# villages in Donetsk region"): its country says nothing of where a region it strikes lies.
_INVADERS_AFTER = re.compile(r"[ \t]+(?:invaders|occupiers)\b", re.IGNORECASE)


def invading_peoples(text: str, gazetteer: Gazetteer) -> set[str]:
    """The countries whose people the text names as invaders or occupiers."""
    return {h.demonym_of for h in gazetteer.names_in(text) if h.demonym_of and _INVADERS_AFTER.match(text, h.end)}
