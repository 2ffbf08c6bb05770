"""Victims told one by one across a report: a victim told alone as shot is another person than the one who
died when the report gives them another sex or age ("A man was killed. A woman was shot in the arm."), a
graze wound is a wound, and shots that hit no one leave no injured. Sentences written for these tests in the
style of local crime news."""

from __future__ import annotations

import pytest

from wirewatch.extract.fatalities import find_fatalities, find_injuries, find_shot
from wirewatch.extract.injured import injured_in


def _best(hit):
    return hit.best if hit else None


def _report(*sentences: str) -> list[tuple[int, str]]:
    offsets, at = [], 0
    for text in sentences:
        offsets.append((at, text))
        at += len(text) + 1
    return offsets


@pytest.mark.parametrize("sentences, injured", [
    # another sex or another age than the dead: a second victim
    (("A man was shot and killed outside a bar on Elm Street.", "A woman who was with him was shot in the arm."), 1),
    (("A 23-year-old man was fatally shot Friday night.", "A 19-year-old man was taken to Mercy Hospital."), 1),
    (("Police said a woman was shot to death in her car.", "A man was wounded in the leg."), 1),
    (("A man was shot and killed on Friday.", "A woman suffered a graze wound."), 1),
    # the same victim told again, or told by a pronoun, or with nothing that sets them apart: still the dead
    (("A man was shot and killed outside a bar on Elm Street.", "He was taken to Mercy Hospital."), 0),
    (("A 23-year-old man was fatally shot Friday night.", "The man was shot in the chest."), 0),
    (("A 23-year-old man was fatally shot Friday night.", "The 23-year-old was taken to Mercy Hospital."), 0),
    # the words before a killing of one's own name the shooter, not the dead
    (("A man shot and killed his wife on Sunday.", "She was taken to Mercy Hospital."), 0),
])
def test_a_victim_of_another_sex_or_age_is_not_the_dead(sentences, injured):
    assert (_best(injured_in(_report(*sentences), 1)) or 0) == injured


@pytest.mark.parametrize("text, injured", [
    ("Shots were fired into a home on Oak Street overnight, but no one was hit.", 0),
    ("Several rounds struck a parked car; nobody was struck, police said.", 0),
    ("No one was shot and killed, but two men were wounded.", 2),
    ("No one else was hit, police said.", None),        # bystanders, not a count of all
])
def test_shots_that_hit_no_one_leave_no_injured(text, injured):
    assert _best(find_injuries(text)) == injured


@pytest.mark.parametrize("text, shot", [
    ("The boy suffered a graze wound to his shoulder.", 1),
    ("The clerk suffered a grazing wound to his hand.", 1),
    ("Police said he was hit with a bullet in the hip.", 1),
])
def test_a_graze_wound_or_a_hit_with_a_bullet_is_a_victim_shot(text, shot):
    assert _best(find_shot(text)) == shot


@pytest.mark.parametrize("text, killed, injured, shot", [
    ("Dana Reyes, 23, and Luis Ortiz, 19, were wounded in the shooting.", None, 2, None),
    ("Dana Reyes and Luis Ortiz were shot outside a bar on Elm Street.", None, None, 2),
    ("Dana Reyes and Luis Ortiz were killed in the crossfire.", 2, None, None),
    ("Police and Fire Rescue were called to the scene.", None, None, None),     # no names of people
    ("Dana Reyes and Luis Ortiz were shot at by a man in a passing car.", None, None, None),
])
def test_two_victims_named_as_a_pair(text, killed, injured, shot):
    assert (_best(find_fatalities(text)), _best(find_injuries(text)), _best(find_shot(text))) == (killed, injured, shot)


@pytest.mark.parametrize("sentences, injured", [
    # a count of wounded told first, then one of them told as dying since: the dead leave the wounded
    (("Two men were wounded in a shooting on Elm Street early Sunday.",
      "One of the men later died at Mercy Hospital, police said."), 1),
    (("Three people were injured in the shooting, and one of them has since died.",), 2),
    # a death told first is another victim than the wounded counted after it
    (("A man was killed and two others were wounded on Elm Street.", "He died at the scene."), 2),
    # a death not told as one that followed the wounding: another victim
    (("Two people were wounded in a shooting on Elm Street.", "A third man was found dead inside the home."), 2),
])
def test_the_wounded_who_died_since_are_not_injured(sentences, injured):
    dead = next((h.best for text in sentences if (h := find_fatalities(text))), None)
    assert _best(injured_in(_report(*sentences), dead)) == injured
