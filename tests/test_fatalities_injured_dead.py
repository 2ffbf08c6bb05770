"""The injured knowing the dead: a victim told alone as wounded in a report of a death is the one who died,
unless the report sets the victim apart; "one of five wounded" and partitives; victims of a shooting
counted by that name. Sentences written for these tests in the style of local crime news."""

from __future__ import annotations

import pytest

from wirewatch.extract.fatalities import find_fatalities, find_injuries, find_shot
from wirewatch.extract.injured import injured_in


def _best(hit):
    return hit.best if hit else None


def _injured(sentences, killed):
    offsets, at = [], 0
    for text in sentences:
        offsets.append((at, text))
        at += len(text) + 1
    return _best(injured_in(offsets, killed))


@pytest.mark.parametrize("sentences, killed, injured", [
    # the one victim told as wounded is the one who died
    (["A man was shot on Oak Street late Friday.", "He was taken to Mercy Hospital in critical condition."], 1, 0),
    (["A 17-year-old was critically wounded in a drive-by on Saturday.", "Relatives said the boy had died."], 1, None),
    (["A shooting on Elm Street critically injured a 16-year-old.", "The boy died on Friday."], 1, None),
    # a victim set apart from the dead lives
    (["A woman was shot and killed on Oak Street.", "A 30-year-old man was also shot in the leg."], 1, 1),
    (["A woman was shot and killed on Oak Street.", "A man was wounded and is in stable condition."], 1, 1),
    (["A man was killed and a woman was wounded in the shooting."], 1, 1),           # a death in the sentence
    (["Two people were shot outside the bar.", "One man died.", "The other is in critical condition."], 1, 1),
    # victims told one by one, each further one as another
    (["A 6-year-old girl was shot in the arm on Sunday.", "Her father was also shot and is in hospital."], 0, 2),
    (["A man was shot in the chest.", "Another man, 24, suffered a gunshot wound to the hand."], 0, 2),
    (["A boy was shot and killed on Pine Street.", "He was shot by another 12-year-old, police said."], 1, 0),
    (["A boy was killed in the shooting.", "His cousin was critically injured but is now doing well."], 1, 1),
    # the others shot are beyond the dead
    (["Two men died in the shooting.", "Two others who were shot were taken to St. Mary's."], 2, 2),
    (["Police found five people shot outside the club.", "One man died at the scene."], 1, 4),
    # no death told: the victim in hospital is injured
    (["A man was shot on Oak Street.", "He was taken to Mercy Hospital in critical condition."], 0, 1),
])
def test_a_victim_told_alone_as_wounded_where_someone_died(sentences, killed, injured):
    assert _injured(sentences, killed) == injured


@pytest.mark.parametrize("text, injured", [
    ("Marcus Hill was one of four people wounded in the drive-by.", 4),               # one of a count
    ("She was one of the three people injured at the party.", 3),
    ("Of the six men, two are in critical condition.", 2),                            # a part, not a sum
    ("Of the wounded, two are in critical condition.", 2),
    ("Three other victims are reported in stable condition.", 3),
    ("Both the driver and his passenger suffered minor injuries.", 2),
    ("Two men, one woman were wounded.", 3),                                          # a list still adds up
    # ages are no count
    ("Four boys between ages 12 and 16 were wounded in the drive-by.", 4),
    ("Two women, ages 22 and 25, and two men, 30 and 41 were injured in the shooting.", 4),
    ("Police said two men, 30 and 41, were injured.", 2),
])
def test_counts_of_a_whole_and_its_part(text, injured):
    assert _best(find_injuries(text)) == injured


@pytest.mark.parametrize("text, shot", [
    ("Officers found three shooting victims outside the bar.", 3),
    ("She was one of five people shot at the party.", 5),
    ("The drive-by left four people suffering gunshot wounds.", 4),
    ("Two men later arrived at Grady Memorial Hospital with gunshot wounds.", 2),
    ("When deputies arrived, they found five people shot.", 5),
    ("Both the girl and her father were taken to Mercy Hospital.", 2),                 # a pair named
    ("They found two men shot dead.", None),                                          # the killed, not the shot
])
def test_victims_shot(text, shot):
    assert _best(find_shot(text)) == shot


@pytest.mark.parametrize("text, killed", [
    ("The teen was rushed to a hospital, where he passed away on Sunday.", 1),
    ("He was one of two men killed in the shooting.", 2),
    ("Her grandmother passed away in 2011.", None),                                   # a life's end long ago
    ("Two men were found fatally shot in a parked car.", 2),
    ("Police identified one of the two people who died in the shooting.", 2),
    ("Seven people were shot, with six confirmed dead.", 6),
    ("The boy was struck in the chest and pronounced dead at the scene.", 1),
    ("Police say he fired at his cousin, killing him.", 1),
    ("Deputies are investigating reports of a 6-year-old shot dead near the lake.", 1),
])
def test_killed(text, killed):
    assert _best(find_fatalities(text)) == killed
