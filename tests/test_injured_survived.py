"""Victims told as alive by their wounds or by how they reached a hospital: a graze wound, minor or
non-life-threatening injuries, a victim who drove himself to a hospital (bare "minor injuries" are no wound); victims who arrived at a hospital
with no wound named; a victim named after a comma; an ordinal victim read before the count "a" would give.
Sentences written for these tests in the style of local crime news."""

from __future__ import annotations

import pytest

from wirewatch.extract.fatalities import find_injuries, find_shot
from wirewatch.extract.injured import injured_in

_KILLED = "A 30-year-old man was shot and killed outside a bar on Elm Street late Saturday, police said."


def _best(hit):
    return hit.best if hit else None


@pytest.mark.parametrize("text, injured", [
    ("A 17-year-old boy suffered a graze wound to the arm.", 1),
    ("Three others had non-life-threatening wounds.", 3),
    ("A passenger escaped with minor gunshot wounds.", 1),
    ("The victim, a 22-year-old woman, suffered non-life-threatening injuries.", 1),
    ("A man drove himself to Grady Memorial Hospital with a gunshot wound to the hand.", 1),
])
def test_wounds_lived_through_are_injuries(text, injured):
    assert _best(find_injuries(text)) == injured


@pytest.mark.parametrize("text, injured", [
    ("A 17-year-old boy suffered a graze wound to the arm.", 1),
    ("A man drove himself to Grady Memorial Hospital with a gunshot wound to the hand.", 1),
    ("A second man arrived at Mercy Hospital with a gunshot wound a short time later.", 1),
    ("A woman was treated for non-life-threatening injuries at the scene.", 1),
])
def test_a_survivor_beside_the_dead_is_injured(text, injured):
    assert _best(injured_in([(0, _KILLED), (len(_KILLED) + 1, text)], 1)) == injured


@pytest.mark.parametrize("text, shot", [
    ("Two victims later arrived at Mercy Hospital by private vehicle.", 2),
    ("A 24-year-old man arrived at the hospital in a private car, police said.", 1),
    ("A second man arrived at Mercy Hospital with a gunshot wound.", 2),
])
def test_victims_come_to_a_hospital(text, shot):
    assert _best(find_shot(text)) == shot


@pytest.mark.parametrize("text", [
    "He had minor injuries from the fall, police said.",
    "Two others had minor injuries from the crash.",
])
def test_bare_minor_injuries_are_no_wound(text):
    assert find_injuries(text) is None


@pytest.mark.parametrize("text, shot", [
    ("Three other victims, two women and a man, were shot.", 4),     # others beyond one told before
    ("Five people, three men and two teenage girls were shot.", 5),  # a breakdown, not ten
])
def test_a_count_broken_down_by_sex_or_age(text, shot):
    assert _best(find_shot(text)) == shot


def test_officers_at_a_hospital_are_no_victims():
    assert find_shot("Detectives arrived at the hospital to interview the family.") is None
