"""A village the gazetteer lacks, where the passage says the incident was there: no lead town stands in for it.

A dispatch datelined in a state capital often tells an attack in a village of the countryside ("MAIDUGURI,
Nigeria — Fighters attacked the village of Kwaram in Borno state"). GeoNames holds no village that small, and
extract then gives the mention the dateline's town, or none. Put at the dateline's town, the attack would be
placed in a town it did not happen in, at town precision (issue 4: an unknown place stays unresolved, never a
wrong guess with high precision). It is placed instead in the admin1 unit the passage names, at region
precision, else in the lead town's country, at country precision.
"""

from __future__ import annotations

import re

from ..gazetteer import Entry, Gazetteer, fold
from ..models import GeoPrecision, Place, Span
from .places import to_place

# One to three capitalised words, as a village is written ("Kwaram", "Dar es Salaam" aside: no particles).
_NAME = r"[A-Z][a-z][\w'’-]*(?:[ \t][A-Z][a-z][\w'’-]*){0,2}"
# "the village of Kwaram", "the hamlet of ...", and the word after the name ("Kwaram village"), written in lower
# case: "Olympic Village" or "Village Green" name a place of a town, not a village. After "a" the word before
# "village" describes it ("a Fulani village", "a Christian village"): no name.
_VILLAGE = re.compile(rf"\b(?:village|hamlet|settlement)s?[ \t]+of[ \t]+({_NAME})|(?<!\b[Aa][ \t])(?<!\b[Aa]n[ \t])"
                      rf"\b({_NAME})[ \t]+village\b")
# "displaced from the village of X", "who had fled X village", "a native of the village of X": the village is
# where people came from, not where the incident the passage tells happened (a camp, a market in the town).
_ORIGIN_BEFORE = re.compile(r"(?i)\b(?:from|fled|fleeing|flee|native[ \t]+of|natives[ \t]+of)[ \t]+"
                            r"(?:(?:the|their|his|her|its|nearby|neighbou?ring|remote|small)[ \t]+){0,2}$")


def village_unit(passage: Span, text: str, town: Place, gazetteer: Gazetteer) -> tuple[str, Place] | None:
    """The village of the passage that the gazetteer lacks in the lead town's country, and the place to put
    the mention instead: the admin1 unit of that country which the passage names, else the country. None
    where the passage names no such village."""
    iso2 = _iso2(town.iso, gazetteer)
    if iso2 is None:
        return None
    village = _unknown_village(text, passage.start, passage.end, iso2, gazetteer)
    if village is None:
        return None
    unit = _named_unit(text, passage, town, iso2, gazetteer)
    if unit is not None:
        return village, to_place(unit[0], GeoPrecision.REGION, gazetteer, unit[1])
    country = gazetteer.country(iso2)
    return (village, to_place(country, GeoPrecision.COUNTRY, gazetteer, None)) if country else None


def _unknown_village(text: str, start: int, end: int, iso2: str, gazetteer: Gazetteer) -> str | None:
    """The first village named in text[start:end] with no gazetteer entry in the country (a village of that
    name abroad is no reading of it); None where every village named is known there."""
    for m in _VILLAGE.finditer(text, start, end):
        name = m.group(1) or m.group(2)
        if _ORIGIN_BEFORE.search(text, max(0, m.start() - 40), m.start()):
            continue
        if fold(name) in gazetteer.stopwords or fold(name) in gazetteer.demonyms:
            continue  # "the Palestinian village": a people's word, no village's name
        if not any(e.country == iso2 for e in gazetteer.entries(name)):
            return name
    return None


def _named_unit(text: str, passage: Span, town: Place, iso2: str,
                gazetteer: Gazetteer) -> tuple[Entry, Span] | None:
    """The first admin1 unit of the country that the passage names by its own name ("in Borno state"), with its
    span; the lead town's own words ("KADUNA, Nigeria —" also names Kaduna state) are not read as a unit."""
    for hit in gazetteer.names_in(text):
        if hit.start < passage.start or hit.end > passage.end:
            continue
        if town.span is not None and hit.start == town.span.start:
            continue
        unit = next((e for e in hit.entries if e.kind == "admin1" and e.country == iso2), None)
        if unit is not None:
            return unit, Span(passage.article_id, hit.start, hit.end)
    return None


def _iso2(iso3: str | None, gazetteer: Gazetteer) -> str | None:
    """The ISO2 code of an ISO3 one (a Place carries the ISO3)."""
    return next((code for code, c in gazetteer.countries.items() if c.get("iso3") == iso3), None) if iso3 else None
