"""A passage that tells an incident in a village the gazetteer lacks is not placed at the dateline's town: it
goes to the admin1 unit the passage names, else to the country (resolve/villages.py, issue 4)."""

from __future__ import annotations

from datetime import date

from wirewatch.models import Article, Attribution, GeoPrecision, Mention, SourceKind, Span, TextField
from wirewatch.resolve import resolve_mentions

# Written for these tests in the style of wire reports; the villages and incidents are invented.
IN_STATE = ("MAIDUGURI, Nigeria — Suspected jihadist fighters killed at least 12 people in an attack on the "
            "village of Kwaramdi in Borno state on Tuesday, residents said.")
NO_UNIT = ("MAIDUGURI, Nigeria — Gunmen on motorcycles stormed Kwaramdi village on Tuesday, killing nine farmers "
           "and torching granaries, a local official said.")
DATELINE_STATE = ("KADUNA, Nigeria — Bandits killed seven people in the village of Kwaramdi in the Birnin Gwari "
                  "area on Tuesday, police said.")
KNOWN_VILLAGE = ("MAIDUGURI, Nigeria — Fighters attacked the village of Damboa in Borno state on Tuesday, killing "
                 "four soldiers, the army said.")
BODY_TOWN = "Gunmen stormed Kwaramdi village outside Damboa on Tuesday, killing nine farmers, a local official said."
TOLD_IN_TOWN = ("MAIDUGURI, Nigeria — Fighters from the village of Kwaramdi opened fire at a market in Maiduguri "
                "on Tuesday, killing three traders, police said.")


def _resolved(gazetteer, text: str, place_words: str | None, trigger: str):
    at = text.index(trigger)
    place = None
    if place_words is not None:
        start = text.index(place_words)
        place = TextField(place_words, Span("t", start, start + len(place_words)))
    mention = Mention(id="m", article_id="t", passage=Span("t", 0, len(text)),
                      event_type="Violence against civilians", sub_event_type="Attack",
                      trigger=TextField(trigger, Span("t", at, at + len(trigger))),
                      attribution=Attribution(SourceKind.MEDIA_REPORT), place_text=place)
    article = Article(id="t", url=None, outlet=None, title=None, published=date(2024, 3, 8), language="en", text=text)
    (resolved,) = resolve_mentions(article, [mention], gazetteer)
    return resolved.place


def test_an_unknown_village_in_a_named_state_is_placed_in_the_state(gazetteer):
    place = _resolved(gazetteer, IN_STATE, "MAIDUGURI", "attack")
    assert (place.name, place.admin1, place.precision) == ("Borno", "Borno", GeoPrecision.REGION)
    assert IN_STATE[place.span.start:place.span.end] == "Borno"


def test_an_unknown_village_with_no_unit_named_is_placed_in_the_country(gazetteer):
    for place_words in ("MAIDUGURI", None):
        place = _resolved(gazetteer, NO_UNIT, place_words, "stormed")
        assert (place.iso, place.precision) == ("NGA", GeoPrecision.COUNTRY), place_words


def test_the_datelines_own_name_is_no_unit_the_passage_names(gazetteer):
    place = _resolved(gazetteer, DATELINE_STATE, "KADUNA", "killed")
    assert (place.iso, place.precision) == ("NGA", GeoPrecision.COUNTRY)


def test_a_village_the_gazetteer_knows_or_a_town_the_passage_names_keeps_its_place(gazetteer):
    text = KNOWN_VILLAGE.replace("attacked the village", "attacked soldiers in the village")
    assert _resolved(gazetteer, text, "Damboa", "attacked").name == "Damboa"
    place = _resolved(gazetteer, TOLD_IN_TOWN, "Maiduguri", "opened fire")
    assert (place.name, place.precision) == ("Maiduguri", GeoPrecision.EXACT)


def test_a_known_village_an_attack_is_told_against_outranks_the_dateline_town(gazetteer):
    # town_roles.places_the_incident: "attacked the village of X" places it as "in X" does
    place = _resolved(gazetteer, KNOWN_VILLAGE, "Damboa", "attacked")
    assert (place.name, place.precision) == ("Damboa", GeoPrecision.EXACT)


def test_a_town_the_passage_itself_names_is_no_outlets_base(gazetteer):
    # "Kwaramdi village outside Damboa": the report places the village by the town; the town stays
    place = _resolved(gazetteer, BODY_TOWN, None, "stormed")
    assert (place.name, place.precision) == ("Damboa", GeoPrecision.NEAR)


def test_a_peoples_word_before_village_names_no_village(gazetteer):
    for text in ("MAIDUGURI, Nigeria — Gunmen attacked a Fulani village on Tuesday, killing six herders, police said.",
                 "MAIDUGURI, Nigeria — Gunmen attacked the Nigerian village on Tuesday, killing six herders."):
        assert _resolved(gazetteer, text, "MAIDUGURI", "attacked").name == "Maiduguri", text
