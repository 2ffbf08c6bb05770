"""Toponym resolution: a place name in context -> one gazetteer entry with a precision code.

Context is the article's country focus (countries named, demonyms, towns whose country is certain), the
admin1 units it names, a qualifier after the name ("Henderson, Texas"), the "X region" phrasing, and
population as the prior among equals. Small towns are candidates only where the text supports them.
"""

from __future__ import annotations

import math
import re
from collections import Counter

from ..gazetteer import NEAR_BEFORE, REGION_WORDS, Entry, Gazetteer
from ..models import GeoPrecision, Place, Span, TextField

_REGION_SUFFIX = re.compile(rf"\s+{REGION_WORDS}$", re.IGNORECASE)
_PAIRED_REGION = re.compile(rf"\s*(?:,|and|, and)\s+[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?\s+{REGION_WORDS}s\b", re.IGNORECASE)
_REGION_AFTER = re.compile(rf"\s+{REGION_WORDS}s?\b", re.IGNORECASE)
# Words that may stand next to a place name without making it part of a longer name.
_FREE_WORDS = (r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|"
               r"July|August|September|October|November|December|North|South|East|West|Northeast|Northwest|"
               r"Southeast|Southwest|Downtown|Central|Greater|In|At|On|Near|Of|From|To|The|And|But|Or|After|"
               r"Before|When|While|Where|As|By|Outside|Inside)")
_NAME_AFTER = re.compile(rf"[ \t]+(?!{_FREE_WORDS}\b)(?!(?i:{REGION_WORDS})s?\b)[A-Z][a-z]")
# A possessive ("Ukraine's Kharkiv region") introduces the place; it does not make it part of a name.
_NAME_BEFORE = re.compile(rf"\b(?!{_FREE_WORDS}\b)[A-Z][a-z'’]+(?<!['’]s)[ \t]+$")
_LEAD_CHARS = 600  # the opening in which a report names the town of its incident
_FOCUS_WEIGHT = 3.0  # one doubling of mentions of a country is worth ~8x population
_ADMIN1_WEIGHT = 5.5  # a town in an admin1 the article names is worth ~250x population


def resolve_place(field: TextField, text: str, focus: Counter[str], gazetteer: Gazetteer) -> Place | None:
    """The entry a place name refers to, or None when the gazetteer has no such name."""
    name = _REGION_SUFFIX.sub("", field.text)
    # "the Kursk and Bryansk regions": the first name's region word comes after the second name.
    after = text[field.span.end:field.span.end + 60]
    wants_region = name != field.text or bool(_PAIRED_REGION.match(after) or _REGION_AFTER.match(after))
    named = gazetteer.admin1_in(text)
    start, end = field.span.start, field.span.end
    entries = [e for e in gazetteer.entries(name) if gazetteer.supported(e, text, start, end, named, focus)]
    admin1s, countries = gazetteer.qualifier(text, end)
    # "Henderson, Texas": the qualifier decides among the towns it fits, whatever their size
    entries = [e for e in entries if e.admin1 in admin1s or (e.kind != "country" and e.country in countries)] \
        or entries
    if not entries:
        return None
    entry = max(entries, key=lambda e: _score(e, wants_region, focus, named))
    precision = {"city": GeoPrecision.EXACT, "admin1": GeoPrecision.REGION, "country": GeoPrecision.COUNTRY}[entry.kind]
    if precision == GeoPrecision.EXACT and NEAR_BEFORE.search(text[max(0, field.span.start - 60):field.span.start]):
        precision = GeoPrecision.NEAR
    return to_place(entry, precision, gazetteer, field.span)


def part_of_a_name(text: str, start: int, end: int) -> bool:
    """True for a place name inside a longer proper name: a street, a school, a person, a newspaper
    ("Salem Avenue", "Warren Township", "Tyrone Jackson", "the Dayton Daily News")."""
    return bool(_NAME_AFTER.match(text[end:end + 20]) or _NAME_BEFORE.search(text[max(0, start - 20):start]))


def lead_place(article_id: str, text: str, focus: Counter[str], gazetteer: Gazetteer) -> Place | None:
    """The first town the article's opening names in its main country, not inside a longer name: where
    a report with no place words in its passage most likely happened.

    The place keeps no span, as it was not read from the passage; the caller notes the words."""
    main = focus.most_common(1)[0][0] if focus else None
    for hit in gazetteer.spot(text[:_LEAD_CHARS], context=text):
        if not any(e.kind == "city" and e.country == main for e in hit.entries) \
                or part_of_a_name(text, hit.start, hit.end):
            continue
        place = resolve_place(TextField(hit.text, Span(article_id, hit.start, hit.end)), text, focus, gazetteer)
        if place is not None and place.precision <= GeoPrecision.NEAR and place.iso == _iso3(main, gazetteer):
            return place
    return None


def _iso3(iso2: str | None, gazetteer: Gazetteer) -> str | None:
    return gazetteer.countries.get(iso2, {}).get("iso3") if iso2 else None


def _score(entry: Entry, wants_region: bool, focus: Counter[str], named: frozenset[str]) -> tuple[float, ...]:
    """Order candidates: the asked-for level, then size weighed with the article's countries and admin1s.

    The country focus is a prior, not a rule: a capital of 1.5 million named in an article that mostly
    talks about another country is still the capital, not a village of the same name."""
    prior = math.log1p(entry.population) + _FOCUS_WEIGHT * math.log1p(focus.get(entry.country, 0))
    if entry.kind == "city" and entry.admin1 in named:
        prior += _ADMIN1_WEIGHT
    if wants_region:
        return entry.kind == "admin1", prior
    # A country outranks a town of the same name ("Mali"); a town outranks its own region ("Kharkiv").
    return entry.kind != "admin1", prior


def country_place(focus: Counter[str], gazetteer: Gazetteer) -> Place | None:
    """The article's main country, at country precision, for mentions with no place words."""
    if not focus:
        return None
    entry = gazetteer.country(focus.most_common(1)[0][0])
    return to_place(entry, GeoPrecision.COUNTRY, gazetteer, None) if entry else None


def to_place(entry: Entry, precision: GeoPrecision, gazetteer: Gazetteer, span: Span | None) -> Place:
    """A Place record for a gazetteer entry."""
    country = gazetteer.countries.get(entry.country, {})
    return Place(
        name=entry.name, precision=precision, country=country.get("name"), iso=country.get("iso3"),
        admin1=gazetteer.admin1_names.get(entry.admin1) if entry.admin1 else None, admin2=entry.admin2,
        latitude=entry.latitude, longitude=entry.longitude,
        geonameid=int(entry.key) if entry.kind == "city" else None, span=span,
    )
