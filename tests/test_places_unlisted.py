"""A town the gazetteer lacks, paired in the text with its state or region, is still the place the report names
(resolve/unlisted.py): it keeps its name, in that unit, at the unit's point and region precision. A quoted police
force's town outranks the dateline's as the lead town (resolve/town_roles.py)."""

from __future__ import annotations

from wirewatch.models import GeoPrecision, Span, TextField
from wirewatch.resolve.places import lead_place, resolve_place
from wirewatch.resolve.unlisted import dateline_town, unlisted_town


def _field(text: str, words: str) -> TextField:
    start = text.index(words)
    return TextField(words, Span("t", start, start + len(words)))


def _unlisted(gazetteer, text: str, words: str, place=None):
    return unlisted_town(_field(text, words), text, place, gazetteer.country_focus(text), gazetteer)


def test_a_town_written_with_its_state_keeps_its_name_in_that_state(gazetteer):
    text = "A 31-year-old man was shot dead in Quarryton, Ohio, late Friday, the county sheriff's office said."
    place = _unlisted(gazetteer, text, "Quarryton")
    assert (place.name, place.admin1, place.iso, place.precision) == ("Quarryton", "Ohio", "USA", GeoPrecision.REGION)
    assert place.geonameid is None and place.latitude is not None  # the state's point, never a town's
    assert text[place.span.start:place.span.end] == "Quarryton"


def test_the_state_read_alone_gives_way_to_the_town_before_it(gazetteer):
    text = "Two teenagers were wounded in a drive-by shooting in Quarryton, Pa., on Sunday night, police said."
    state = _unlisted(gazetteer, text, "Quarryton")
    assert (state.name, state.admin1) == ("Quarryton", "Pennsylvania")


def test_a_town_the_gazetteer_knows_is_left_to_the_resolver(gazetteer):
    text = "A man was shot dead in Columbus, Ohio, late Friday, police said."
    assert _unlisted(gazetteer, text, "Columbus") is None


def test_words_that_are_no_town_are_not_taken(gazetteer):
    for text, words in (
            ("Deputies found the car in Quarry County, Ohio, on Sunday.", "Quarry County"),
            ("A Quarryton, Ohio, man was shot in a parking lot on Sunday.", "Quarryton"),  # a home town
            ("The shooting happened at Quarryton High School, Ohio officials said.", "Quarryton"),
            ("Shots were fired on Monday, Ohio police said.", "Monday")):
        assert _unlisted(gazetteer, text, words) is None, text


def test_a_village_put_in_its_region_keeps_its_name(gazetteer):
    text = ("BAMAKO, March 3 — Gunmen attacked an army post near Kolondara in the Mopti region on Tuesday, killing "
            "four soldiers, the Malian army said.")
    place = _unlisted(gazetteer, text, "Kolondara")
    assert (place.name, place.admin1, place.iso, place.precision) == ("Kolondara", "Mopti", "MLI", GeoPrecision.REGION)


def test_a_dateline_town_the_gazetteer_lacks_is_the_lead_town(gazetteer):
    text = ("QUARRYTON, Ohio (AP) — A man was shot and killed outside a bar early Saturday, and a second man was "
            "wounded, the sheriff's office said.")
    place = dateline_town("t", text, gazetteer)
    assert (place.name, place.admin1, place.precision) == ("Quarryton", "Ohio", GeoPrecision.REGION)
    lead = lead_place("t", text, gazetteer.country_focus(text), gazetteer)
    assert (lead.name, lead.admin1) == ("Quarryton", "Ohio")


def test_a_quoted_police_force_outranks_the_dateline(gazetteer):
    text = ("DAYTON, Ohio (WXYZ) — A 19-year-old was shot in the leg outside an apartment complex on Friday night. "
            "Trotwood police said the shooter fled on foot.")
    lead = lead_place("t", text, gazetteer.country_focus(text), gazetteer)
    assert (lead.name, lead.admin1) == ("Trotwood", "Ohio")


def test_a_village_before_the_region_words_the_passage_names(gazetteer):
    text = ("NIAMEY, May 2 — Suspected jihadists killed nine villagers near Kolondara in the Tillaberi region on "
            "Sunday, a local official said.")
    region = _field(text, "Tillaberi region")
    focus = gazetteer.country_focus(text)
    place = unlisted_town(region, text, resolve_place(region, text, focus, gazetteer), focus, gazetteer)
    assert (place.name, place.admin1, place.precision) == ("Kolondara", "Tillaberi", GeoPrecision.REGION)


def test_a_month_before_a_day_is_no_town(gazetteer):
    text = "KABUL, Nov 4 — A roadside bomb killed two police officers in Kabul on Monday."
    assert [h.text for h in gazetteer.spot(text)] == ["KABUL", "Kabul"]


def test_an_unlisted_town_exports_as_its_name_at_the_units_point(gazetteer):
    from datetime import date

    from wirewatch.models import ClaimStatus, DatePrecision, Event, ResolvedDate
    from wirewatch.serve.export import ACLED_COLUMNS, EXTRA_COLUMNS, event_feature, event_row

    text = "A 31-year-old man was shot dead in Quarryton, Ohio, late Friday, the county sheriff's office said."
    place = _unlisted(gazetteer, text, "Quarryton")
    event = Event("ev-1", "Violence against civilians", "Attack",
                  ResolvedDate(date(2024, 4, 14), date(2024, 4, 14), DatePrecision.DAY), place, ClaimStatus.REPORTED)
    row = event_row(event)
    assert set(row) == set(ACLED_COLUMNS + EXTRA_COLUMNS)
    assert (row["location"], row["admin1"], row["geo_precision"]) == ("Quarryton", "Ohio", 3)
    feature = event_feature(event)
    assert feature["geometry"]["coordinates"] == [place.longitude, place.latitude]


def test_a_state_name_may_end_the_sentence_after_the_unlisted_town(gazetteer):
    # "Missouri." is the state's name and the sentence's full stop, not an abbreviation
    text = "Deputies said the woman was found shot to death at a home in Quarryton, Missouri. No arrest was made."
    place = _unlisted(gazetteer, text, "Quarryton")
    assert (place.name, place.admin1) == ("Quarryton", "Missouri")


def test_an_unlisted_town_told_as_the_incidents_outranks_the_police_and_dateline_town(gazetteer):
    text = ("KANSAS CITY, Mo. — A woman was found shot to death Saturday at a home in Quarryton, Mo., and Kansas City "
            "police said a neighbor had called 911.")
    place = lead_place("t", text, gazetteer.country_focus(text), gazetteer)
    assert (place.name, place.admin1, place.precision) == ("Quarryton", "Missouri", GeoPrecision.REGION)


def test_a_known_town_told_as_the_incidents_keeps_its_place(gazetteer):
    # the shooting is told in Springfield; the unlisted town is the hospital's, a later step
    text = ("SPRINGFIELD, Ill. (AP) — A man was shot and killed in Springfield on Friday after he had been wounded "
            "in Quarryton, Ill., a week before.")
    place = lead_place("t", text, gazetteer.country_focus(text), gazetteer)
    assert (place.name, place.admin1) == ("Springfield", "Illinois")


def test_a_county_in_the_passage_gives_way_to_the_unlisted_town_the_report_tells_the_incident_in(gazetteer):
    from wirewatch.resolve.places import county_place
    text = ("Deputies found a man shot to death Sunday at a home on Elm Street in Quarryton, Mo. Scott County "
            "Sheriff Wes Drury said the man had been shot twice.")
    field = _field(text, "Scott")
    county = county_place(field, text, gazetteer.country_focus(text), gazetteer)
    assert (county.admin2, county.admin1) == ("Scott County", "Missouri")
    place = unlisted_town(field, text, county, gazetteer.country_focus(text), gazetteer)
    assert (place.name, place.admin1, place.precision) == ("Quarryton", "Missouri", GeoPrecision.REGION)


def test_a_county_alone_stays_the_county(gazetteer):
    from wirewatch.resolve.places import county_place
    text = "Scott County deputies said a man was shot to death Sunday at a home on Elm Street."
    field = _field(text, "Scott")
    county = county_place(field, text, gazetteer.country_focus(text), gazetteer)
    assert unlisted_town(field, text, county, gazetteer.country_focus(text), gazetteer) is None
