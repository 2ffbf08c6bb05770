"""A town the gazetteer knows only by another of its names, in a country the article never mentions, is no
place: the report names a village the gazetteer lacks."""

from __future__ import annotations

from wirewatch.models import Span, TextField
from wirewatch.resolve.places import resolve_place

_MALI = ("BAMAKO, Sept 17 — Gunmen ambushed a Malian army convoy near Boni on Tuesday, killing seven soldiers, "
         "the army said in a statement.")


def _resolve(gazetteer, text: str, name: str):
    start = text.index(name)
    return resolve_place(TextField(name, Span("t", start, start + len(name))), text, gazetteer.country_focus(text),
                         gazetteer)


def test_a_foreign_town_known_here_only_by_another_name_is_no_place(gazetteer):
    assert any(e.country == "DE" for e in gazetteer.entries("Boni"))   # Bonn, under one of its other names
    assert _resolve(gazetteer, _MALI, "Boni") is None


def test_the_same_town_by_its_own_name_or_in_its_own_country_is_still_placed(gazetteer):
    own = _MALI.replace("near Boni", "near Bonn")
    assert _resolve(gazetteer, own, "Bonn").iso == "DEU"
    german = ("BERLIN, Sept 17 — Police in Germany detained two men near Boni on Tuesday after a shop was set "
              "on fire, prosecutors said.")
    assert _resolve(gazetteer, german, "Boni").iso == "DEU"


def test_a_deep_strike_town_across_the_border_is_placed_where_the_report_names_its_country(gazetteer):
    text = "Ukrainian drones hit an oil refinery in Russia's Ryazan overnight, officials in Kyiv said, after " \
           "Russian strikes on Kharkiv and Odesa."
    assert _resolve(gazetteer, text, "Ryazan").iso == "RUS"
