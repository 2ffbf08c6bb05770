"""A county, a state and a police force whose names other places share: which one a US report means."""

from __future__ import annotations

from wirewatch.models import GeoPrecision, Span, TextField
from wirewatch.resolve.places import county_place, lead_place, resolve_place


def _field(text: str, name: str) -> TextField:
    start = text.index(name)
    return TextField(name, Span("t", start, start + len(name)))


def test_a_village_beside_a_county_tells_which_states_county_it_is(gazetteer):
    # DeKalb County is larger in Illinois by its seat, but Lithonia lies in Georgia's
    text = "A man was shot and killed Tuesday outside an apartment complex in Lithonia, DeKalb County police said."
    place = county_place(_field(text, "DeKalb"), text, gazetteer.country_focus(text), gazetteer)
    assert (place.admin2, place.admin1, place.precision) == ("DeKalb County", "Georgia", GeoPrecision.REGION)


def test_the_countys_own_first_word_names_no_state(gazetteer):
    # "DeKalb" of "DeKalb County" is no mention of DeKalb, Illinois: the dateline's Decatur is Georgia's county seat
    text = "DECATUR — DeKalb County police are investigating a shooting that left a teenager dead on Sunday."
    place = lead_place("t", text, gazetteer.country_focus(text), gazetteer)
    assert (place.name, place.admin1) == ("Decatur", "Georgia")


def test_a_town_of_the_county_still_picks_the_other_states_county(gazetteer):
    text = "The shooting happened Sunday in Sycamore, and DeKalb County deputies arrested a man hours later."
    place = county_place(_field(text, "DeKalb"), text, gazetteer.country_focus(text), gazetteer)
    assert place.admin1 == "Illinois"


def test_a_us_state_that_shares_a_countrys_name_in_a_report_on_american_places(gazetteer):
    text = ("A man was shot and killed at a home in Madison County, Georgia, on Thursday, deputies said. "
            "The sheriff said the suspect fled toward Athens.")
    place = resolve_place(_field(text, "Georgia"), text, gazetteer.country_focus(text), gazetteer)
    assert (place.iso, place.admin1, place.precision) == ("USA", "Georgia", GeoPrecision.REGION)


def test_the_country_georgia_where_the_text_points_there(gazetteer):
    text = "Russian troops moved deeper into Georgia on Tuesday, and shelling was reported near Gori, officials in Tbilisi said."
    place = resolve_place(_field(text, "Georgia"), text, gazetteer.country_focus(text), gazetteer)
    assert (place.iso, place.precision) == ("GEO", GeoPrecision.COUNTRY)


def test_metro_police_name_a_kind_of_force_not_a_town(gazetteer):
    # GeoNames lists a Metro in Indonesia; "Metro police" is the city's own force
    text = ("A man was shot and killed Sunday night in a parking lot, Metro police said. The shooting happened near "
            "an apartment complex in Nashville, officers said.")
    assert "ID" not in gazetteer.country_focus(text)
    place = lead_place("t", text, gazetteer.country_focus(text), gazetteer)
    assert (place.name, place.admin1) == ("Nashville", "Tennessee")


def test_a_town_whose_police_the_report_quotes_is_no_stray_among_surnames(gazetteer):
    # the surnames are towns of Texas and Indiana; the town with police of its own is still Georgia's Sylvester
    text = ("Sylvester police said Tuesday that an eighth teenager had been charged in the shooting. Investigators "
            "named the others charged as Jordan McKinney, Tasha Hooks and Marcus Anderson.")
    place = resolve_place(_field(text, "Sylvester"), text, gazetteer.country_focus(text), gazetteer)
    assert place is not None and (place.name, place.admin1) == ("Sylvester", "Georgia")


def test_a_report_naming_no_town_it_backs_is_placed_in_the_county_a_small_town_of_which_it_names(gazetteer):
    # several states have a Lucas County; Holland is a village of Ohio's (and a name for the Netherlands)
    text = ("Two women were indicted Monday by the Lucas County Prosecutor after a shooting at an apartment in "
            "Holland, where a man was wounded.")
    place = lead_place("t", text, gazetteer.country_focus(text), gazetteer)
    assert (place.admin2, place.admin1, place.precision) == ("Lucas County", "Ohio", GeoPrecision.REGION)


def test_a_name_with_a_senior_or_junior_suffix_is_a_persons_name(gazetteer):
    # "David" is also a town of Panama; "David Rutter Sr." is a police captain
    text = ("A Uniontown man was wounded in a shooting at an apartment complex on Thursday, said Capt. David "
            "Rutter Sr. of the Uniontown Police.")
    assert "PA" not in gazetteer.country_focus(text)
    place = resolve_place(_field(text, "Uniontown"), text, gazetteer.country_focus(text), gazetteer)
    assert (place.name, place.admin1) == ("Uniontown", "Pennsylvania")


def test_a_tie_between_two_countries_takes_the_town_of_the_one_that_holds_one(gazetteer):
    # the victim's people and the town's country are named as often: the tie does not leave the report townless
    text = ("An Australian tourist was shot and wounded Friday outside a bar, and the Australian consulate said it "
            "was helping his family. The shooting happened in Tacoma, police said.")
    focus = gazetteer.country_focus(text)
    assert focus["AU"] == focus["US"]
    place = lead_place("t", text, focus, gazetteer)
    assert (place.name, place.admin1) == ("Tacoma", "Washington")
