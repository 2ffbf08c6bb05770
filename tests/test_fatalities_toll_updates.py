"""A toll told as an update ("the death toll from the attack rose to 9", "the number of people killed ... has
risen to 14"; a toll expected to rise gives no number), and one victim told by "a" after "beat ... to death" or
"shot dead"."""

from __future__ import annotations

from wirewatch.extract.fatalities import find_fatalities


def _best(text: str) -> int | None:
    hit = find_fatalities(text)
    return hit.best if hit else None


def test_a_death_toll_with_its_incident_before_the_verb():
    assert _best("The death toll from Sunday's attack on the market rose to 9, a hospital official said.") == 9


def test_the_number_killed_has_risen():
    assert _best("The number of people killed in the bombing at a cafe in Baidoa has risen to 14, the health "
                 "ministry said on Wednesday.") == 14
    assert _best("The number of dead climbed to 31 on Friday as rescuers searched the rubble.") == 31


def test_a_toll_expected_to_rise_has_no_number():
    assert _best("The death toll from last week's bombing in the capital is expected to rise.") is None


def test_one_victim_told_by_a_beaten_or_shot_dead():
    assert _best("A crowd beat a 30-year-old fruit seller to death in the market on Friday, police said.") == 1
    assert _best("Villagers hacked a suspected cattle thief to death on Sunday.") == 1
    assert _best("A sniper shot dead a 9-year-old girl in the old city on Tuesday, medics said.") == 1


def test_two_victims_are_not_read_as_one():
    assert _best("Gunmen shot dead a man and a woman outside a bar.") != 1
    assert _best("A mob beat a man and his son to death.") != 1
    assert _best("The crowd beat a man unconscious before police arrived.") is None
