"""Strategic developments in the everyday wordings of wire copy, typed by ACLED's codebook: a deal between armed
sides (a ceasefire reached, prisoners exchanged, fighters who surrender to the army) is an Agreement; a group that
dissolves, splits, merges, pledges allegiance or is formed is a Change to group/activity; an armed group that sets
up a base or a camp establishes one; and a razing or a demolition is property destruction only where people
destroyed property on purpose, not where a fire or a flood did or a building came down for works. Sentences
written for these tests in the style of wire reports."""

from __future__ import annotations

import pytest

from wirewatch.extract.classify import find_triggers
from wirewatch.extract.lexicons import load_lexicons

AGREEMENT, CHANGE = "Agreement", "Change to group/activity"
BASE, LOOTING = "Headquarters or base established", "Looting/property destruction"


def types(text: str) -> list[str]:
    return [h.sub_event_type for h in find_triggers(text, load_lexicons())]


@pytest.mark.parametrize("text", [
    "The army and the rebel alliance reached a 72-hour humanitarian truce on Sunday after talks in the capital.",
    "Tribal elders brokered a seven-day ceasefire between the two clans on Thursday, officials said.",
    "The warring parties exchanged 40 prisoners of war at a border crossing on Thursday, officials said.",
    "The separatist fighters and the government agreed on Monday to reopen the road to the port, both sides said.",
    "About 60 fighters of the armed group surrendered to the army with their weapons in the district, the governor said.",
])
def test_a_deal_between_armed_sides_is_an_agreement(text):
    assert AGREEMENT in types(text)


@pytest.mark.parametrize("text", [
    "The soldiers surrendered to the rebels after a two-day siege of the base.",   # a fall, not a deal
    "The government agreed to reopen schools in the capital next month.",          # no armed side
    "Shells struck the town on Sunday during the ceasefire, residents said.",
])
def test_no_agreement_without_a_deal_between_armed_sides(text):
    assert AGREEMENT not in types(text)


@pytest.mark.parametrize("text", [
    "The rebel movement announced its dissolution on Saturday and said its fighters would join the army.",
    "The militia commander pledged allegiance to the Islamic State in a video released on Friday.",
    "Two rebel factions merged into a single movement under a new commander, a statement said.",
    "The armed group announced its decision to lay down its arms and join the political process.",
])
def test_a_group_that_changes_is_a_change_to_group(text):
    assert CHANGE in types(text)


@pytest.mark.parametrize("text", [
    "The rebels also set up a new military base near the lake last week, according to local sources.",
    "The militants set up a training camp in the forest near the border.",
    "The insurgents established a new headquarters in the town after seizing it.",
])
def test_an_armed_group_setting_up_a_base(text):
    assert BASE in types(text)


def test_a_camp_for_displaced_people_is_no_base():
    assert BASE not in types("Aid workers set up a camp for displaced families near the stadium.")


@pytest.mark.parametrize("text", [
    "Bulldozers razed structures in the settlement on Tuesday, leaving hundreds of families without shelter.",
    "Municipal workers demolished dozens of shacks in an informal settlement on Monday, residents said.",
    "Soldiers razed the village after the militants withdrew, residents said.",
    "Dozens of homes were bulldozed in the camp on Wednesday, a local official said.",
])
def test_a_razing_or_demolition_by_people_is_property_destruction(text):
    assert types(text) == [LOOTING]


@pytest.mark.parametrize("text", [
    "A fire that broke out at the market razed more than 200 stalls on Sunday.",
    "A fire razed 40 homes in the slum on Tuesday night, firefighters said.",
    "The flood demolished several houses along the river.",
    "The old stadium was demolished last year to make way for a shopping centre.",
    "The council demolished the condemned building on Friday after an engineering report.",
])
def test_a_razing_by_fire_flood_or_works_is_no_event(text):
    assert types(text) == []
