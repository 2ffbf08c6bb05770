"""A country's name in a report about that country is the country, however many towns abroad share it: it does
not outrank the region the sentence names as if it were a town."""

from __future__ import annotations

from collections import Counter
from datetime import date

from wirewatch.clean import article_id
from wirewatch.extract import extract
from wirewatch.extract.place_readings import as_the_country
from wirewatch.gazetteer import load_gazetteer
from wirewatch.models import Article
from wirewatch.resolve import resolve_mentions

# Written for these tests in the style of a wire report; the incident is invented.
SEGOU = ("BAMAKO, May 12 — Gunmen abducted five traders on Sunday near a weekly market in Mali's central Segou "
         "region, a local official said.")


def _resolved(text: str) -> list:
    art = Article(id=article_id(text), url="https://test.example/" + article_id(text), outlet="Test Wire",
                  title=None, published=date(2025, 5, 12), language="en", text=text, source="test")
    found, _ = extract(art)
    return resolve_mentions(art, found)


def test_a_region_of_the_country_named_beats_the_dateline_capital():
    places = {(m.place.name, m.place.admin1, int(m.place.precision)) for m in _resolved(SEGOU)}
    assert places == {("Segou", "Segou", 3)}


def test_a_country_name_loses_its_towns_abroad_only_where_the_article_is_about_that_country():
    gazetteer = load_gazetteer()
    mali = next(h for h in gazetteer.spot(SEGOU) if h.text == "Mali")
    assert any(e.kind == "city" for e in mali.entries)  # Mali, a town in Guinea
    kept = as_the_country([mali], Counter({"ML": 3}))[0]
    assert {e.kind for e in kept.entries} == {"country"}
    assert as_the_country([mali], Counter({"GN": 1}))[0] == mali


# The last word of each village's name is also a town elsewhere (Kalay in Myanmar, Wada in India).
VILLAGE_IN_PROVINCE = ("KABUL, May 3 — A roadside bomb killed four soldiers on Tuesday in the village of Tor Kalay "
                       "in Paktia province, a provincial official said.")
VILLAGE_IN_STATE = "ABUJA, June 4 — Gunmen killed 12 villagers on Monday in Tudun Wada village in Zamfara state, police said."


def test_a_village_the_gazetteer_lacks_is_placed_in_the_province_the_sentence_names():
    places = {(m.place.admin1, m.place.iso) for m in _resolved(VILLAGE_IN_PROVINCE)}
    assert places == {("Paktia", "AFG")}


def test_a_village_the_gazetteer_lacks_is_placed_in_the_state_the_sentence_names():
    places = {(m.place.name, int(m.place.precision)) for m in _resolved(VILLAGE_IN_STATE)}
    assert places == {("Zamfara", 3)}


# "Savo" alone is a town in Finland; the camp's name is unknown to the gazetteer.
CAMP_IN_PROVINCE = ("BUNIA, May 12 — Militiamen attacked a camp for displaced families at Lopa Savo in Ituri province "
                    "on Sunday, killing nine people, a local official said.")


def test_a_name_whose_last_word_is_a_town_only_abroad_gives_way_to_the_province():
    places = {(m.place.admin1, int(m.place.precision)) for m in _resolved(CAMP_IN_PROVINCE)}
    assert places == {("Ituri", 3)}
