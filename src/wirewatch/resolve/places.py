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
