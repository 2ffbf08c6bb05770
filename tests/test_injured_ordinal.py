"""A victim told by an ordinal who came to a hospital ("a second victim arrived at Mercy Hospital", "a third
man drove himself to the hospital") or is named after a comma ("a second victim, a 20-year-old woman, was
treated"): the ordinal tells how many were hit in all. Sentences written for these tests in the style of local
crime news."""

from __future__ import annotations

import pytest

from wirewatch.extract.fatalities import find_shot


def _best(hit):
    return hit.best if hit else None


@pytest.mark.parametrize("text, shot", [
    ("A second victim arrived at Mercy Hospital a short time later.", 2),
    ("A second victim, a 20-year-old woman, was treated for a graze wound.", 2),
    ("A third man drove himself to the hospital, police said.", 3),
    # an ordinal that names no victim
    ("A second suspect was arrested on Sunday.", None),
])
def test_a_victim_told_by_an_ordinal_who_came_to_a_hospital(text, shot):
    assert _best(find_shot(text)) == shot
