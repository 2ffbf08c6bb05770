"""Where this session's wordings stop: figurative fire, a death in a protest that nobody's force caused, counts
that a rise in crime or a stretch of road does not cancel, the dead among the wounded never below zero, a
victim a speaker tells, a man taken anywhere but to a hospital."""

from __future__ import annotations

import pytest

from wirewatch.extract.classify import find_triggers
from wirewatch.extract.fatalities import find_injuries, find_shot
from wirewatch.extract.injured import injured_in
from wirewatch.extract.lexicons import load_lexicons


def types_of(sentence: str) -> set[str]:
    return {h.sub_event_type for h in find_triggers(sentence, load_lexicons())}


def test_figurative_fire_is_no_clash_and_real_fire_still_is():
    assert "Armed clash" not in types_of("The police chief came under fire from critics over the budget on Monday.")
    assert "Armed clash" in types_of("Soldiers came under fire while delivering aid near the border on Monday.")


def test_a_protest_against_an_armed_groups_lockdown_is_still_a_protest():
    assert "Peaceful protest" in types_of("Hundreds of women protested in Kabul against the lockdown imposed by "
                                          "the Taliban.")


@pytest.mark.parametrize("sentence, wanted", [
    ("A protester died of a heart attack during the march on Sunday.", False),
    ("Two protesters died of their gunshot wounds on Sunday after the march.", True),
])
def test_only_a_protesters_death_of_wounds_is_excessive_force(sentence, wanted):
    assert ("Excessive force against protesters" in types_of(sentence)) is wanted


def test_the_dead_among_the_wounded_leave_no_negative_count():
    assert find_injuries("Two people were wounded, three of them fatally.").best == 0


def test_a_rise_in_shootings_or_a_stretch_of_road_cancels_no_count():
    assert find_injuries("Amid a rise in shootings, two men were wounded on Sunday.").best == 2
    assert find_shot("Two men were shot in a remote stretch of Highway 9 on Sunday.").best == 2


def test_a_victim_a_speaker_tells_is_no_second_victim():
    hit = find_shot("A man was shot in the leg; a police spokesman said the man was shot by a neighbor.")
    assert hit.best == 1


def test_a_man_taken_for_questioning_is_no_injured():
    dead = "A man was shot in the chest and died at the scene; another man was taken to "
    assert injured_in([(0, dead + "the police station for questioning.")], 1).best == 0
    assert injured_in([(0, dead + "an area hospital.")], 1).best == 1
