"""A people named as invaders or occupiers fights on another country's ground: in a report that never names
that ground ("Russian invaders shelled villages in Donetsk region"), the region is the one the name means,
not a town of the invaders' country (Donetsk in Rostov oblast)."""

from __future__ import annotations

from wirewatch.models import GeoPrecision, Span, TextField
from wirewatch.resolve.places import resolve_place


def _place(gazetteer, text: str, words: str):
    start = text.index(words)
    field = TextField(words, Span("t", start, start + len(words)))
    return resolve_place(field, text, gazetteer.country_focus(text), gazetteer)


def test_invaders_do_not_place_the_region_they_shell(gazetteer):
    text = "Russian invaders shelled two villages in Donetsk region on Monday, killing three civilians."
    place = _place(gazetteer, text, "Donetsk region")
    assert (place.iso, place.admin1, place.precision) == ("UKR", "Donetsk", GeoPrecision.REGION)


def test_occupiers_likewise(gazetteer):
    text = "Russian occupiers fired on a ferry crossing in Donetsk oblast overnight, the regional governor said."
    assert _place(gazetteer, text, "Donetsk oblast").iso == "UKR"


def test_forces_of_a_country_still_point_at_their_own_units(gazetteer):
    # Plain "forces" say nothing of foreign ground: the region-word reading keeps the article's countries.
    text = "Russian forces said they repelled a raid on a village in Belgorod region on Monday."
    place = _place(gazetteer, text, "Belgorod region")
    assert (place.iso, place.precision) == ("RUS", GeoPrecision.REGION)
