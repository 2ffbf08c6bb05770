"""A local report's country: what the text says outright (a state after a town) decides a tie, a name that is a
unit abroad counts once, a main country resting on such a name does not hide the town the report opens with,
and a town abroad that nothing else points at is no place in a report whose other names point elsewhere."""

from __future__ import annotations

from wirewatch.models import Span, TextField
from wirewatch.resolve.places import lead_place, resolve_place


def _lead(gazetteer, text: str):
    place = lead_place("t", text, gazetteer.country_focus(text), gazetteer)
    return place and (place.name, place.admin1, place.iso)


def test_a_state_after_a_town_decides_a_tie_with_a_town_abroad(gazetteer):
    # Whitehaven is a town in England only; Kettering is one in England and in Ohio
    text = "A Whitehaven man was shot and killed in Kettering, OH, on Friday night, police said."
    assert gazetteer.country_focus(text).most_common(1)[0][0] == "US"
    assert _lead(gazetteer, text) == ("Kettering", "Ohio", "USA")


def test_a_given_name_that_is_a_unit_abroad_counts_once(gazetteer):
    # "Michael" is a unit of the Isle of Man: named three times, it must not outweigh Kalamazoo
    text = ("Police in Kalamazoo said Michael, 17, was shot on Friday. Michael's mother said Michael had left "
            "work early.")
    assert gazetteer.country_focus(text).most_common(1)[0][0] == "US"
    assert _lead(gazetteer, text) == ("Kalamazoo", "Michigan", "USA")


def test_a_main_country_of_place_names_alone_does_not_hide_the_opening_town(gazetteer):
    text = "Two men were shot in Cleveland on Friday night. Police said Michael, 19, died at the scene."
    assert gazetteer.country_focus(text).most_common(1)[0][0] == "IM"
    assert _lead(gazetteer, text) == ("Cleveland", "Ohio", "USA")


def test_a_country_named_outright_still_keeps_the_lead_town_in_it(gazetteer):
    # a people named is the country outright: no town of another country leads
    text = "Two men were shot in Cleveland on Friday night, police said. A Kenyan man was among the wounded."
    assert _lead(gazetteer, text) is None


def test_a_town_abroad_nothing_else_points_at_is_no_place_in_a_report_on_another_country(gazetteer):
    text = "DAYTON, Ohio — A man was shot while he sat in a Toyota outside a bar in Kalamazoo on Friday, police said."
    start = text.index("Toyota")
    field = TextField("Toyota", Span("t", start, start + len("Toyota")))
    assert resolve_place(field, text, gazetteer.country_focus(text), gazetteer) is None
    # with the country it lies in named, the town stands
    text = "A man was shot in Toyota, Japan, on Friday, police in Aichi said."
    start = text.index("Toyota")
    field = TextField("Toyota", Span("t", start, start + len("Toyota")))
    place = resolve_place(field, text, gazetteer.country_focus(text), gazetteer)
    assert (place.name, place.iso) == ("Toyota", "JPN")
