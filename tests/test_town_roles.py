"""Which of a local report's towns is the incident's: the role each mention of a town plays."""

from __future__ import annotations

import pytest

from wirewatch.resolve.places import lead_place
from wirewatch.resolve.town_roles import another_role, places_the_incident


def _at(text: str, name: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    return start, start + len(name)


@pytest.mark.parametrize("text, name", [
    ("A Fairborn man was shot Sunday night outside a bar, police said.", "Fairborn"),
    ("Deputies said a 19-year-old Xenia woman was wounded in the leg.", "Xenia"),
    ("Marcus Lee, 24, of Kettering, was arrested Monday.", "Kettering"),
    ("The boy was taken to a hospital in Dayton, where he died.", "Dayton"),
    ("He was flown to a Toledo hospital in critical condition.", "Toledo"),
    ("The victim was taken to Akron's Summa Health hospital.", "Akron"),
])
def test_a_home_town_or_a_hospitals_town_plays_another_role(text, name):
    assert another_role(text, *_at(text, name))


@pytest.mark.parametrize("text, name", [
    ("Two men were shot in Trotwood early Sunday, police said.", "Trotwood"),
    ("Police said the gunman fired from a car in Fairborn.", "Fairborn"),
])
def test_the_town_of_the_shots_plays_no_other_role(text, name):
    assert not another_role(text, *_at(text, name))


@pytest.mark.parametrize("text, name, expected", [
    # "in X" in the sentence that tells of the shooting
    ("A woman was shot and wounded in the 1200 block of Elm Street in Xenia on Friday.", "Xenia", True),
    ("Two teens were wounded in a shooting in Trotwood late Saturday.", "Trotwood", True),
    # a town named as an attribute, beside another, or without the incident in its sentence
    ("Police were called to an Englewood nightclub after midnight on Sunday.", "Englewood", False),
    ("Officers from Huber Heights and Vandalia searched for the gunman.", "Vandalia", False),
    ("The family moved here last year from a house in Springboro.", "Springboro", False),
    # "in X" for a hospital is no incident place, though the sentence tells of the wounded
    ("The wounded man was taken to a hospital in Kettering.", "Kettering", False),
])
def test_a_passage_places_the_incident_only_with_in_and_an_incident_word(text, name, expected):
    assert places_the_incident(text, *_at(text, name)) is expected


def test_the_lead_town_passes_over_the_hospitals_and_the_victims_towns(gazetteer):
    text = ("A Toledo man was taken to a Lima hospital after he was found shot early Sunday in a parked car "
            "outside a Findlay gas station.")
    place = lead_place("t", text, gazetteer.country_focus(text), gazetteer)
    assert place is not None and (place.name, place.admin1) == ("Findlay", "Ohio")


def _town(gazetteer, text: str, name: str):
    from wirewatch.models import Span, TextField
    from wirewatch.resolve.places import resolve_place
    start, end = _at(text, name)
    return resolve_place(TextField(name, Span("t", start, end)), text, gazetteer.country_focus(text), gazetteer)


def test_a_town_named_without_the_incident_yields_to_the_lead_town(gazetteer):
    from wirewatch.resolve.town_roles import the_lead_town_instead
    text = ("MACON, Ga. (WXYZ) — Deputies were called to a Warner Robins nightclub after midnight, where two men "
            "had been shot. Both were expected to survive, the sheriff said.")
    lead = lead_place("t", text, gazetteer.country_focus(text), gazetteer)
    named = _town(gazetteer, text, "Warner Robins")
    assert (lead.name, named.name) == ("Macon", "Warner Robins")
    assert the_lead_town_instead(text, *_at(text, "Warner Robins"), named, lead, gazetteer)
    # told as the place of the shooting, the passage's town stands
    told = "MACON, Ga. (WXYZ) — Two men were shot outside a nightclub in Warner Robins after midnight."
    assert not the_lead_town_instead(told, *_at(told, "Warner Robins"), _town(gazetteer, told, "Warner Robins"),
                                     lead_place("t", told, gazetteer.country_focus(told), gazetteer), gazetteer)


def test_a_namesake_in_a_state_nothing_points_at_yields_to_the_lead_town(gazetteer):
    from wirewatch.resolve.town_roles import the_lead_town_instead
    # Austin is a Chicago neighbourhood; the gazetteer's Austin of that size is Texas's
    text = ("CHICAGO (WXYZ) — A 17-year-old was shot and wounded in Austin late Friday, Chicago police said.")
    lead = lead_place("t", text, gazetteer.country_focus(text), gazetteer)
    named = _town(gazetteer, text, "Austin")
    assert lead.admin1 == "Illinois" and named.admin1 != "Illinois"
    assert the_lead_town_instead(text, *_at(text, "Austin"), named, lead, gazetteer)
    # a town in a state the text names keeps its own state
    qualified = ("BOSTON (WXYZ) — A Boston man was shot and wounded in Providence, R.I., late Friday, police said.")
    there = _town(gazetteer, qualified, "Providence")
    assert there.admin1 == "Rhode Island"
    assert not the_lead_town_instead(qualified, *_at(qualified, "Providence"), there,
                                     lead_place("t", qualified, gazetteer.country_focus(qualified), gazetteer),
                                     gazetteer)


def test_a_towns_own_police_is_no_longer_name_that_hides_it():
    from wirewatch.resolve.places import part_of_a_name
    text = "Memphis Police said the man was hit twice. The Memphis Grizzlies played that night."
    assert not part_of_a_name(text, *_at(text, "Memphis"))
    assert part_of_a_name(text, *_at(text, "Memphis", 1))


@pytest.mark.parametrize("text, name, state", [
    # a country's name, but the state's bureau names the state: Georgia's Columbus, not Ohio's larger one
    ("A man was shot in Columbus on Friday night. The Georgia Bureau of Investigation is helping local police.",
     "Columbus", "Georgia"),
    ("A man was killed in Jackson on Friday, Tennessee Bureau of Investigation agents said.", "Jackson",
     "Tennessee"),
])
def test_a_state_body_names_its_state(gazetteer, text, name, state):
    place = _town(gazetteer, text, name)
    assert (place.name, place.admin1) == (name, state)


@pytest.mark.parametrize("text, found", [
    ("A man was shot in Troy on Friday night, police said.", True),       # a shooting told "in" the word
    ("Troy police said the man was hit twice in the leg.", True),          # the town's own police
    ("Troy Smith, 19, was charged on Monday.", False),                     # a given name
    ("Deputies said the shooting in Warren County left one man dead.", False),  # a county, not a town
])
def test_a_word_mostly_no_place_is_a_town_where_the_text_uses_it_so(gazetteer, text, found):
    names = [h.text for h in gazetteer.names_in(text)]
    assert (("Troy" in names) or ("Warren" in names)) is found


def test_two_towns_of_one_state_the_declared_town_outranks_one_not_told_as_the_incidents(gazetteer):
    from wirewatch.resolve.town_roles import the_lead_town_instead
    declared = ("Macon police said two men were hurt early Sunday. Warner Robins officers helped search for the "
                "gunman.")
    undeclared = ("Two men were hurt early Sunday near Macon. Warner Robins officers helped search for the "
                  "gunman.")
    for text, expected in ((declared, True), (undeclared, False)):
        lead = lead_place("t", text, gazetteer.country_focus(text), gazetteer)
        named = _town(gazetteer, text, "Warner Robins")
        assert (lead.name, named.name, named.admin1) == ("Macon", "Warner Robins", lead.admin1)
        assert the_lead_town_instead(text, *_at(text, "Warner Robins"), named, lead, gazetteer) is expected
