"""Toponym resolution in context: which entry a name in a passage refers to, at which precision."""

from __future__ import annotations

import pytest

from wirewatch.models import GeoPrecision, Span, TextField
from wirewatch.resolve.places import resolve_place


def _resolve(gazetteer, text: str, name: str):
    """Resolve the first occurrence of name in text, in the text's own context."""
    start = text.index(name)
    field = TextField(name, Span("t", start, start + len(name)))
    return resolve_place(field, text, gazetteer.country_focus(text), gazetteer)


@pytest.mark.parametrize("text, name, iso, admin1, admin2", [
    ("Two men were shot outside a bar in Nacogdoches on Friday night.", "Nacogdoches", "USA", "Texas",
     "Nacogdoches County"),  # the town and its county share a name
    ("Riot police fired tear gas in Villeurbanne, near Lyon.", "Villeurbanne", "FRA",
     "Auvergne-Rhone-Alpes", "Rhône"),
    ("A deputy was wounded in Bay Minette, Alabama, police said.", "Bay Minette", "USA", "Alabama",
     "Baldwin County"),
])
def test_towns_carry_their_admin2(gazetteer, text, name, iso, admin1, admin2):
    place = _resolve(gazetteer, text, name)
    assert (place.iso, place.admin1, place.admin2) == (iso, admin1, admin2)
    assert place.precision == GeoPrecision.EXACT


@pytest.mark.parametrize("text, name", [
    ("Protesters gathered in Nigeria's capital on Monday.", "Nigeria"),
    ("Shelling was reported across Kharkiv region overnight.", "Kharkiv region"),
])
def test_countries_and_regions_have_no_admin2(gazetteer, text, name):
    place = _resolve(gazetteer, text, name)
    assert place is not None and place.admin2 is None
    assert place.precision in (GeoPrecision.COUNTRY, GeoPrecision.REGION)


def test_unknown_name_stays_unresolved(gazetteer):
    assert _resolve(gazetteer, "Gunmen attacked Zzyzqvx on Sunday.", "Zzyzqvx") is None
