"""A death told by what was done after it: a doctor who pronounced the victim dead, a victim who was dead when
help came, a charge of murder (capital or by degree, not an attempt). Sentences written for these tests in
the style of local crime news."""

from __future__ import annotations

import pytest

from wirewatch.extract.fatalities import find_fatalities


@pytest.mark.parametrize("text, killed", [
    ("Doctors pronounced him dead at Mercy Hospital shortly after midnight.", 1),
    ("Paramedics pronounced Dana Reyes dead at the scene.", 1),
    ("The boy was dead when deputies arrived, the sheriff said.", 1),
    ("A 4-month-old is dead after an apparent accidental shooting.", 1),
    ("The teen now faces a charge of capital murder.", 1),
    ("The woman was charged with capital murder on Tuesday.", 1),
    ("He faces a charge of attempted murder.", None),                     # no one died
    ("Police said the suspect is dead set against talking.", None),        # no death
])
def test_a_death_told_by_what_followed_it(text, killed):
    hit = find_fatalities(text)
    assert (hit.best if hit else None) == killed


@pytest.mark.parametrize("text, killed", [
    ("Two men were discovered dead in the apartment on Monday.", 2),
    ("A woman was discovered dead on the porch, police said.", 1),
    ("Police said he shot his 8-year-old brother to death.", 1),
    ("She stabbed the 30-year-old man to death after an argument.", 1),
    ("He shot the man in the leg during the robbery.", None),
])
def test_a_death_told_by_its_finding_or_the_deed(text, killed):
    hit = find_fatalities(text)
    assert (hit.best if hit else None) == killed
