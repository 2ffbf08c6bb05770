"""A count whose members are named between it and its verb: "Six rebels, among them a commander, were
killed" is six, not none and not seven; a breakdown that adds up to its count is that count; a list with a
comma before its "and" adds its parts; a count of a people by name or of a noun of war news ("three Marines",
"two peacekeepers") reaches its verb. Sentences written for these tests in the style of wire copy."""

from __future__ import annotations

import pytest

from wirewatch.extract.fatalities import find_fatalities, find_injuries, find_shot


def _best(hit):
    return hit.best if hit else None


@pytest.mark.parametrize("text, killed", [
    ("Six rebels, among them a commander, were killed in the raid on Sunday, the army said.", 6),
    ("Five militants, among them a local leader, were shot dead by troops near the border.", 5),
    ("Ten fighters, among whom two commanders, were killed in the fighting.", 10),
    ("Four policemen, a sergeant among them, died when the convoy was ambushed.", 4),
    ("Eight people, mostly women, were killed when the market was shelled.", 8),
    ("Seven villagers, mainly herders, were killed in the overnight attack.", 7),
    ("Two protesters, both students, were killed as police opened fire.", 2),
    ("Three policemen, one an inspector, died in the attack on the station.", 3),
    ("Four soldiers (including an officer) were killed in the raid.", 4),
    ("Two soldiers including an officer died when their vehicle struck a mine.", 2),
    ("Two soldiers, an officer and a private, were killed in the ambush.", 2),
    ("Five people, three women and two children, were killed in the blast.", 5),
])
def test_members_named_between_a_count_and_its_verb(text, killed):
    assert _best(find_fatalities(text)) == killed


@pytest.mark.parametrize("text, injured", [
    ("Three soldiers, among them a captain, were wounded in the attack.", 3),
    ("Eleven people, among them a photographer, were injured when the crowd was charged.", 11),
    ("Four people, two men and two women, were wounded.", 4),
])
def test_members_named_before_the_wounded_verb(text, injured):
    assert _best(find_injuries(text)) == injured


@pytest.mark.parametrize("text, killed", [
    ("Two soldiers, a policeman, and a civilian were killed in the bombing.", 4),   # a list: four
    ("Two soldiers, a policeman and a civilian were killed in the bombing.", 4),
    ("Two soldiers, including an officer, and a civilian were killed.", 3),
    ("The bomb killed two soldiers, and a civilian was wounded.", 2),               # a clause, not a list
])
def test_lists_still_add_up(text, killed):
    assert _best(find_fatalities(text)) == killed


@pytest.mark.parametrize("text, killed", [
    ("Three Marines were killed when their patrol was hit by a roadside bomb.", 3),
    ("Two peacekeepers, including an officer, died in the attack on their base.", 2),
    ("Two Palestinians were killed during the raid, the health ministry said.", 2),
    ("Four Somalis died in the crossfire.", 4),
])
def test_nouns_of_war_news_and_peoples(text, killed):
    assert _best(find_fatalities(text)) == killed


def test_three_people_broken_down_were_shot():
    assert _best(find_shot("Three people, two men and a woman, were shot outside the bar.")) == 3


@pytest.mark.parametrize("text, killed", [
    ("Four soldiers, all from the same unit, died in the blast.", 4),
    ("Seven militants, believed to be members of the group, were killed.", 7),
    ("Four soldiers, who were on patrol near the border, were killed.", 4),
    ("Two civilians, identified as local farmers, were killed.", 2),
    ("Ten soldiers, along with two civilians, were killed.", 12),        # more victims, not an aside
    ("The attack killed ten soldiers, as well as two civilians, officials said.", 12),
])
def test_asides_describing_a_count_and_victims_joined_to_it(text, killed):
    assert _best(find_fatalities(text)) == killed


def test_ages_as_an_aside():
    assert _best(find_shot("Three men, aged 20 to 25, were shot outside the club.")) == 3
