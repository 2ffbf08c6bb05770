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
    text = "Two men were wounded in Macon on Friday.\n\n" + _LATE_TOWN
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
