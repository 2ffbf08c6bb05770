"""US local-news place rules: where a report's town is read when its opening names none, and a state's
name against a namesake town in another state."""

from __future__ import annotations

import pytest

from wirewatch.models import GeoPrecision, Span, TextField
from wirewatch.resolve.places import lead_place, resolve_place

# An opening about the victim, over 600 characters with no town in it; the town comes with the police.
_LATE_TOWN = (
    "A 19-year-old who had just finished his first year of college was shot and killed early Sunday while "
    "sitting in a parked car with two friends, his family said.\n\n"
    "His mother described him as a quiet young man who loved basketball, worked weekends at a grocery store "
    "and wanted to become a nurse. She said he had called her about an hour before the shooting to say he "
    "was on his way home.\n\n"
    "\"He never got into trouble. He was the one who kept everybody else out of it,\" she said, adding that "
    "the family was still waiting to hear from detectives about what had happened that night.\n\n"
    "Friends gathered on Monday evening to light candles and release balloons in his memory.\n\n"
    "Investigators with the Tuscaloosa Police Department said the two friends were not hurt. No arrests "
    "have been made, and anyone with information is asked to call the tip line."
)


def test_a_town_named_after_a_long_opening_is_the_reports_town(gazetteer):
    assert _LATE_TOWN.index("Tuscaloosa") > 600
    place = lead_place("t", _LATE_TOWN, gazetteer.country_focus(_LATE_TOWN), gazetteer)
    assert place is not None and (place.name, place.admin1, place.iso) == ("Tuscaloosa", "Alabama", "USA")


def test_a_town_in_the_opening_still_comes_first(gazetteer):
    # a town named later only as a place comes after the opening's; one whose police the report quotes does not
    # (tests/test_lead_town_police_later.py)
    text = "Two men were wounded in Macon on Friday.\n\n" + _LATE_TOWN.replace(
        "Investigators with the Tuscaloosa Police Department", "Investigators who drove in from Tuscaloosa")
    place = lead_place("t", text, gazetteer.country_focus(text), gazetteer)
    assert (place.name, place.admin1) == ("Macon", "Georgia")


def _resolve(gazetteer, text: str, name: str):
    start = text.index(name)
    return resolve_place(TextField(name, Span("t", start, start + len(name))), text,
                         gazetteer.country_focus(text), gazetteer)


@pytest.mark.parametrize("text, name, expected", [
    # the state, not the small namesake town in Pennsylvania
    ("The trooper was the third police officer shot in Indiana this year, the state's police union said.",
     "Indiana", ("Indiana", "Indiana", GeoPrecision.REGION)),
    # a qualifier after the town keeps the town
    ("The man was flown to a hospital in Indiana, Pa., where he died of his wounds.",
     "Indiana", ("Indiana", "Pennsylvania", GeoPrecision.EXACT)),
    # the capital of 690,000 is still the city where a report names it bare
    ("Police in Washington said the gunman fired at least a dozen shots outside a corner store.",
     "Washington", ("Washington", "Washington, D.C.", GeoPrecision.EXACT)),
])
def test_a_state_outranks_a_small_namesake_town_in_another_state(gazetteer, text, name, expected):
    place = _resolve(gazetteer, text, name)
    assert (place.name, place.admin1, place.precision) == expected


@pytest.mark.parametrize("text, name, expected", [
    # Springfield is Missouri's by size; Decatur and Bloomington, each in several states, both vote Illinois
    ("A man was shot and killed outside a convenience store in Springfield late Saturday, police said. "
     "Officers from Decatur and Bloomington helped search for the gunman.", "Springfield", "Illinois"),
    # a village of 2,900 where Bluffton and Newberry (each in two states) meet, not Minnesota's larger Hopkins
    ("A 17-year-old was shot in Hopkins on Sunday night. He was flown to a hospital in Bluffton, and his "
     "family drove in from Newberry, deputies said.", "Hopkins", "South Carolina"),
    # a country of seven million, but the report's other town is a Tennessee one: a local namesake
    ("Two teens were wounded in a shooting in Lebanon on Friday night. Both were taken to a hospital in "
     "Murfreesboro, police said.", "Lebanon", "Tennessee"),
    # Egypt's capital, but Thomasville and Bainbridge both have a Georgia reading
    ("A woman was shot in Cairo on Sunday. Deputies from Thomasville and Bainbridge searched the area "
     "for the gunman overnight.", "Cairo", "Georgia"),
])
def test_the_other_place_names_choose_among_namesakes(gazetteer, text, name, expected):
    place = _resolve(gazetteer, text, name)
    assert (place.name, place.admin1, place.iso) == (name, expected, "USA")


def test_a_foreign_place_the_text_points_at_stays_abroad(gazetteer):
    text = ("A Springfield man was arrested in Cairo, Egypt, on Monday, Egyptian police said, weeks after "
            "officers in Decatur and Bloomington named him a suspect.")
    assert _resolve(gazetteer, text, "Cairo").iso == "EGY"


_STRAY = ("Deputies were called to a home in Dentsville shortly after 11 p.m. Saturday and found a man with "
          "a gunshot wound. A witness told investigators the shooter drove off toward Oakwood in a gray "
          "sedan. The victim was taken to a hospital, where he later died. Cayce and Forest Acres officers "
          "helped search the area.")


def test_a_town_in_a_state_no_other_name_votes_for_is_no_place(gazetteer):
    assert _resolve(gazetteer, _STRAY, "Oakwood") is None
    place = lead_place("t", _STRAY, gazetteer.country_focus(_STRAY), gazetteer)
    assert (place.name, place.admin1) == ("Dentsville", "South Carolina")


def test_a_city_is_no_stray(gazetteer):
    text = _STRAY.replace("Oakwood", "Charlotte")  # a city of 800,000 is taken at its word
    assert _resolve(gazetteer, text, "Charlotte").admin1 == "North Carolina"


def test_a_report_whose_only_town_is_a_stray_is_placed_in_its_county_and_state(gazetteer):
    text = ("Richland County deputies are looking for a man who fired into a crowd outside a nightclub early "
            "Sunday, wounding three people. The gunman fled toward Oakwood, the sheriff's office said. "
            "South Carolina Law Enforcement Division agents are helping with the case.")
    place = lead_place("t", text, gazetteer.country_focus(text), gazetteer)
    assert (place.admin1, place.precision) == ("South Carolina", GeoPrecision.REGION)
    # the county the opening names, as South Carolina's is the only Richland County the text backs
    assert (place.name, text[place.span.start:place.span.end]) == ("Richland County", "Richland County")


def test_a_word_that_is_mostly_no_place_is_a_town_before_its_state(gazetteer):
    text = ("LIBERTY, Mo. (KMBC) — A man was shot in the parking lot of a gas station late Saturday, police "
            "said. Liberty officers found him with a wound to the leg.")
    place = lead_place("t", text, gazetteer.country_focus(text), gazetteer)
    assert (place.name, place.admin1, place.precision) == ("Liberty", "Missouri", GeoPrecision.EXACT)
    # the state after it is what makes the word a town: alone, it stays a word
    assert not [h for h in gazetteer.spot("Liberty was the word on every sign at the rally.") if h.entries]
    assert not [h for h in gazetteer.spot("Justice, the family said, has not been done.") if h.entries]
