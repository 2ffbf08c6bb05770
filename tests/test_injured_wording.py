"""Wordings of the wounded and the dead: a wound told as mortal is a death, "another four" and "the other
three" are more victims, victims told one to a clause, a shooter's deed against one of his own, and a victim
in hospital "until she died". Sentences written for these tests in the style of local crime news."""

from __future__ import annotations

import pytest

from wirewatch.extract.counts import sum_counts
from wirewatch.extract.fatalities import find_fatalities, find_injuries, find_shot
from wirewatch.extract.injured import injured_in


def _best(hit):
    return hit.best if hit else None


@pytest.mark.parametrize("text, killed, injured", [
    ("Two men were mortally wounded in the exchange of gunfire.", 2, None),
    ("The gunman shot and fatally wounded two clerks before fleeing.", 2, None),
    ("A deputy fatally wounded three robbers and wounded a fourth.", 3, 1),
    ("Two men were critically wounded in the exchange of gunfire.", None, 2),      # a manner, not a death
])
def test_a_mortal_wound_is_a_death(text, killed, injured):
    assert _best(find_fatalities(text)) == killed
    assert _best(find_injuries(text)) == injured


@pytest.mark.parametrize("text, injured", [
    ("The spray of bullets injured another four teenagers standing nearby.", 4),
    ("A man died, and the other two victims were wounded.", 2),
])
def test_another_and_the_other_count_more_victims(text, injured):
    assert _best(find_injuries(text)) == injured


@pytest.mark.parametrize("text, shot", [
    ("A 41-year-old man was shot in the hip; a 19-year-old woman was shot in the hand; and a boy was shot "
     "in the foot, police said.", 3),
    ("A woman was shot in the arm; she was taken to Mercy Hospital.", 1),          # the same victim
    ("Police said a 10-year-old accidentally shot his 8-year-old sister in the leg.", 1),
    ("Witnesses said the gunman shot the three men as they left the bar.", 3),
    ("He shot his neighbor dead after an argument over a fence.", None),           # the killed, not the shot
    ("The other four victims have been taken to area hospitals.", 5),              # four beyond one told before
])
def test_victims_shot_by_clause_and_by_deed(text, shot):
    assert _best(find_shot(text)) == shot


def test_the_other_victims_taken_to_hospital_are_beyond_the_dead():
    sentences = [(0, "A 30-year-old man died at the scene."),
                 (37, "The other four victims have been taken to area hospitals.")]
    assert _best(injured_in(sentences, 1)) == 4


def test_a_victim_in_hospital_until_she_died_is_not_injured():
    assert find_injuries("The woman was listed in critical condition until she died on Sunday.") is None
    assert _best(find_fatalities("The woman was listed in critical condition until she died on Sunday.")) == 1


def test_count_phrases_still_add_up():
    assert sum_counts("two soldiers and a civilian") == (3, 3, 3)
    assert sum_counts("at least 12 people") == (12, 12, 24)


@pytest.mark.parametrize("text, killed, injured", [
    ("A brawl outside the hall left five people wounded -- two mortally, police said.", 2, 3),
    ("Four men were wounded, one of them fatally, in the parking lot.", 1, 3),
    ("Five people were wounded, three of them critically, in the parking lot.", None, 5),
])
def test_the_dead_among_the_wounded_are_not_injured(text, killed, injured):
    assert _best(find_fatalities(text)) == killed
    assert _best(find_injuries(text)) == injured


def test_a_gallery_caption_is_no_count():
    text = "Photo 12 of 40 Three people were shot outside the club on Saturday."
    assert _best(find_shot(text)) == 3


@pytest.mark.parametrize("text, injured, shot", [
    ("Deputies said both remaining victims are expected to survive.", 2, None),
    ("Police said three men are expected to recover.", 3, None),
    ("The teen is expected to survive, his mother said.", 1, None),
    ("Two other victims were taken to St. Vincent Hospital by ambulance.", None, 3),   # others beyond one told
    ("Five people were rushed to Riverside Medical Center after the shooting.", None, 5),
    ("A 19-year-old was taken to Lakeview Trauma Center.", None, 1),
])
def test_the_living_by_their_prognosis_and_a_hospital_by_its_name(text, injured, shot):
    assert _best(find_injuries(text)) == injured
    assert _best(find_shot(text)) == shot


@pytest.mark.parametrize("text, killed, injured", [
    ("Deputies said a 4-year-old shot and seriously injured his 7-year-old sister.", None, 1),
    ("Police said the man fatally wounded his cousin during an argument.", 1, None),
    ("The gunfire left a man dead, and two other customers also suffered injuries.", 1, 2),
    ("There are two victims who are in stable condition, a police spokesman said.", None, 2),
    ("All three victims survived the shooting, police said.", None, 3),
    ("He injured his hand while cleaning the rifle.", None, None),                  # no victim of his
])
def test_victims_by_the_deed_and_by_their_survival(text, killed, injured):
    assert _best(find_fatalities(text)) == killed
    assert _best(find_injuries(text)) == injured


def test_an_ordinal_victim_in_hospital_tells_how_many_were_hit():
    assert _best(find_shot("Two men were treated and released; the third victim was still at the hospital.")) == 3


@pytest.mark.parametrize("text", [
    "Two men were killed and nine others wounded in West Side shootings over the weekend.",
    "Police said 14 people were shot over a 12-hour stretch that ended early Monday.",
    "Six people were wounded in a three-hour span on Saturday night.",
])
def test_a_tally_of_several_shootings_is_no_count_of_one(text):
    assert find_fatalities(text) is None and find_injuries(text) is None and find_shot(text) is None


def test_the_shootings_of_one_incident_still_count():
    assert _best(find_fatalities("Two people were killed in the shootings at the mall.")) == 2


@pytest.mark.parametrize("sentences, killed, injured", [
    (["One man is dead and another man was taken to an area hospital after a shooting on Elm Street."], 1, 1),
    (["A woman was shot and killed in her kitchen.", "Her son, 9, was also found wounded by a gunshot."], 1, 1),
    (["A man was shot and killed outside the store.", "A woman was also wounded."], 1, 1),
])
def test_another_victim_beside_the_dead(sentences, killed, injured):
    offsets, at = [], 0
    for text in sentences:
        offsets.append((at, text))
        at += len(text) + 1
    assert _best(injured_in(offsets, killed)) == injured


@pytest.mark.parametrize("text, shot", [
    ("A second ambulance was at the hospital within minutes, a fire official said.", None),   # no victim
    ("The third shift was in the hospital's lobby when the wounded arrived.", None),
    ("A third 17-year-old boy was shot in the leg.", 3),
    ("A second male victim was struck by gunfire.", 2),
    ("Two guards were wounded; a third was in the hospital.", 3),
])
def test_an_ordinal_counts_victims_only(text, shot):
    assert _best(find_shot(text)) == shot
