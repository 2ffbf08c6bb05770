"""A toll told as an update: "the death toll from the attack rose to 9", "the number of people killed ... has
risen to 14"; a toll expected to rise gives no number."""

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
