"""Town names written the way local copy writes them: an abbreviated first word ("St. Louis", "Ft. Myers"), and
a large city's neighbourhoods that GeoNames lists as towns of their own ("Englewood" in a Chicago report)."""

from __future__ import annotations

from datetime import date

import pytest

from wirewatch.models import GeoPrecision
from wirewatch.resolve.places import lead_place

from test_lead_town import _resolved  # a shooting mention resolved in the whole text


def _lead(gazetteer, text: str):
    place = lead_place("t", text, gazetteer.country_focus(text), gazetteer)
    return place and (place.name, place.admin1)


@pytest.mark.parametrize("text, name, admin1", [
    ("A teenager was shot in north St. Louis late Saturday, police said.", "St. Louis", "Missouri"),
    ("Two men were wounded outside a bar in Ft. Lauderdale early Friday.", "Fort Lauderdale", "Florida"),
    ("A woman was found shot dead in her home in Mt. Vernon, Ill., on Tuesday.", "Mount Vernon", "Illinois"),
    ("Deputies said a man was shot twice at a gas station in St. Paul on Monday night.", "Saint Paul",
     "Minnesota"),
])
def test_an_abbreviated_first_word_finds_the_town(gazetteer, text, name, admin1):
    assert _lead(gazetteer, text) == (name, admin1)


def test_an_abbreviated_name_is_spotted_whole(gazetteer):
    hits = gazetteer.spot("He moved to St. Louis last year.")
    assert [h.text for h in hits] == ["St. Louis"]


def test_a_street_abbreviation_before_a_sentence_joins_no_name(gazetteer):
    # "Main St." ends one sentence; "Police" opens the next: no run "St. Police" or "St. Louis" is made of it
    hits = gazetteer.spot("A man was shot on Main St. Louis Smith, 40, was arrested.")
    assert "St. Louis" not in [h.text for h in hits]


@pytest.mark.parametrize("text, words, expected", [
    # a neighbourhood a few km from the centre of the city that the dateline declares: the city
    ("CHICAGO (WXYZ) — Four men were shot in Englewood late Friday, police said.", "Englewood",
     ("Chicago", "Illinois")),
    ("PHILADELPHIA (WXYZ) — Police say a man was shot in Germantown on Sunday night.", "Germantown",
     ("Philadelphia", "Pennsylvania")),
    # a town of its own beside the declared city keeps its place: farther off, or too large to be a quarter
    ("SEATTLE (WXYZ) — A man was shot and killed early Sunday in SeaTac, police said.", "SeaTac",
     ("SeaTac", "Washington")),
])
def test_a_quarter_of_the_declared_city_is_placed_in_the_city(gazetteer, text, words, expected):
    place = _resolved(gazetteer, text, words)
    assert (place.name, place.admin1) == expected


def test_a_body_that_names_no_town_takes_the_headlines(gazetteer):
    from wirewatch.resolve.places import headline_place
    title = "Teen wounded in drive-by shooting in Macon"
    text = ("A 16-year-old was wounded when someone fired from a passing car late Saturday, the Bibb County "
            "Sheriff's Office said. Deputies found the boy on a porch with a gunshot wound to the leg.")
    place = headline_place("t", title, text, gazetteer.country_focus(text), gazetteer)
    assert (place.name, place.admin1, place.span) == ("Macon", "Georgia", None)


def test_a_headline_without_a_town_gives_none(gazetteer):
    from wirewatch.resolve.places import headline_place
    text = "A man was shot Friday outside a store in Dayton, police said."
    assert headline_place("t", "Man shot outside store", text, gazetteer.country_focus(text), gazetteer) is None


def test_a_dateline_county_in_capitals_picks_the_towns_state(gazetteer):
    # Greenville lies in several states; the dateline's county says which
    text = "GREENVILLE, PITT COUNTY (WXYZ) - Two men were shot outside a convenience store Friday night, police said."
    assert _lead(gazetteer, text) == ("Greenville", "North Carolina")


@pytest.mark.parametrize("text, county, admin1", [
    ("STOKES COUNTY, N.C. (WXYZ) -- Deputies said a man shot his wife and two children at their home before "
     "turning the gun on himself.", "Stokes County", "North Carolina"),
    ("A 23-year-old man is in custody after deputies in Accomack County said he fired into a house and wounded "
     "four people.", "Accomack County", "Virginia"),
])
def test_a_report_naming_only_its_county_is_placed_in_the_county(gazetteer, text, county, admin1):
    place = lead_place("t", text, gazetteer.country_focus(text), gazetteer)
    assert (place.name, place.admin1, place.precision) == (county, admin1, GeoPrecision.REGION)


def test_a_county_many_states_have_is_no_lead_without_its_state(gazetteer):
    text = "A man was shot dead Friday at his home in Madison County, deputies said."
    place = lead_place("t", text, gazetteer.country_focus(text), gazetteer)
    assert place is None or place.precision == GeoPrecision.COUNTRY


def test_the_pipeline_places_a_report_by_its_headline_when_the_body_names_no_town(gazetteer):
    """resolve_mentions falls back on the headline's town, and the note says the town is in the headline."""
    from wirewatch.clean import article_id
    from wirewatch.extract import extract
    from wirewatch.models import Article
    from wirewatch.resolve import resolve_mentions

    title = "Teen wounded in drive-by shooting in Macon"
    text = ("A 16-year-old was wounded when someone fired from a passing car late Saturday, the Bibb County "
            "Sheriff's Office said. Deputies found the boy on a porch with a gunshot wound to the leg.")
    art = Article(id=article_id(text), url="https://test.example/macon", outlet="Test Wire", title=title,
                  published=date(2023, 6, 12), language="en", text=text, source="test")
    mentions, _ = extract(art)
    resolved = resolve_mentions(art, mentions, gazetteer)
    assert resolved and all((m.place.name, m.place.admin1) == ("Macon", "Georgia") for m in resolved)
    assert any("in the headline" in note for m in resolved for note in m.notes)
