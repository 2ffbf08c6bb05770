"""Casualty counts in the wordings crime reports use for the wounded: manner adverbs, counts in hospital,
victims hit by gunfire, asides inside a count, "others", ordinals and round-ups of several incidents.
Sentences written for these tests in the style of local crime news."""

from __future__ import annotations

import pytest

from wirewatch.extract.fatalities import find_fatalities, find_injuries, find_shot
from wirewatch.extract.injured import injured_in


def _best(hit):
    return hit.best if hit else None


@pytest.mark.parametrize("text, injured", [
    ("Two people were critically wounded in the exchange of gunfire.", 2),          # a manner adverb
    ("One man was killed and two others badly hurt when gunfire erupted outside a bar.", 2),
    ("Two victims remain in critical condition at County General.", 2),             # a count in hospital
    ("Five people were treated for non-life-threatening wounds.", 5),
    ("Six other people were treated at a hospital and released.", 6),
    ("Also wounded in the shooting were three men, police said.", 3),              # told the other way round
    ("Two teens are recovering after the drive-by on Maple Avenue.", 2),
    ("A gunman opened fire at the cookout, killing a man and injuring his two children and three other people.", 5),
    # "others" add to the wounded told before them in the sentence
    ("A woman was critically wounded and two others suffered minor injuries.", 3),
    ("Two people are in critical condition, four others hurt after the fight spilled outside.", 6),
    ("Police said she and two others were wounded outside the club.", 3),
    ("Six people who were injured at the scene were taken to two hospitals.", 6),
    # one victim, alive
    ("A 10-year-old girl was grazed by a bullet while she slept.", 1),
    ("The girl remains hospitalized at Children's Mercy.", 1),
    ("He was treated and released from Mercy Hospital.", 1),
    ("The boy has been hospitalized since the shooting.", 1),
    ("The victim was released from a local hospital on Sunday.", 1),
    ("She was in guarded condition on Monday night.", 1),
    ("He is accused of killing a neighbor and critically wounding his father.", 1),
    # a tally of several incidents is no count of one
    ("Six people were wounded in separate shootings across the city overnight.", None),
    ("Nine people were wounded in three shootings on the South Side on Saturday.", None),
    ("Two people were fatally wounded on Elm Street.", None),                      # "fatally" is a death
])
def test_injured_wordings(text, injured):
    assert _best(find_injuries(text)) == injured


@pytest.mark.parametrize("text, shot", [
    ("Two men were shot at a gas station on Route 1.", 2),                          # a place, not "shot at"
    ("Three people were shot at about 2 a.m. outside the lounge.", 3),
    ("Two men were shot at as they left the store.", None),
    ("Three other people were also shot.", 4),                                      # others beyond one named
    ("Police said she and three others were shot outside the club.", 4),
    ("Four people were struck by gunfire outside the hall.", 4),
    ("Officers found two men suffering from gunshot wounds.", 2),
    ("The gunfire sent four people to the hospital.", 4),
    ("All three victims were taken to an area hospital.", 3),
    ("A fifth victim was grazed by a bullet, police said.", 5),                     # an ordinal counts them all
    ("An 8th teen was treated for a wound to her toe.", 8),
    ("Five children – ages 11 to 15 – were shot in the drive-by.", 5),              # asides inside the count
    ("Five people, three of them teenagers, were shot near the park.", 5),
    ("Twelve people, including two children, were shot over the weekend.", 12),
    ("A woman was struck by a stray bullet as she sat on her porch.", 1),
    ("A teenager shot the boy in the chest during an argument.", 1),
    ("The man was taken to an area hospital.", 1),
    ("A girl suffered a self-inflicted gunshot wound.", 1),
    ("Police found a 16 year old boy with a gunshot wound.", 1),                   # an age, not sixteen victims
    ("He suffered a fatal gunshot wound.", None),
    ("Three people were shot in two separate incidents on Friday.", None),
])
def test_shot_wordings(text, shot):
    assert _best(find_shot(text)) == shot


@pytest.mark.parametrize("text, killed", [
    ("A 16 year old boy was killed in the crossfire.", 1),                          # the age is not the toll
    ("Police said a 2 year old child died at the scene.", 1),
    ("Two people were killed in the shooting on Elm Street.", 2),
    # a dateline's day is no count, whatever the agency's name in brackets
    ("LAGOS, June 14 (Delta Wire) - Three soldiers were killed in an ambush on Friday.", 3),
    ("June 14 - Three soldiers were killed in an ambush on Friday.", 3),
])
def test_killed_wordings(text, killed):
    assert _best(find_fatalities(text)) == killed


@pytest.mark.parametrize("sentences, killed, injured", [
    # the others shot are beyond the child who died
    (["A 3-year-old girl was killed by a stray bullet.", "Three other people were also shot."], 1, 3),
    (["A man was shot in the leg on Pine Street.", "Two others were also shot."], 0, 3),
    # the fourth victim is one of four
    (["Four people were taken to the hospital after the shooting.",
      "The fourth victim is still being treated for his injuries."], 0, 4),
])
def test_injured_in_wordings(sentences, killed, injured):
    offsets, at = [], 0
    for text in sentences:
        offsets.append((at, text))
        at += len(text) + 1
    assert _best(injured_in(offsets, killed)) == injured


def test_a_blanked_aside_keeps_the_offsets_of_the_sentence():
    text = "Five children – ages 11 to 15 – were shot in the drive-by."
    hit = find_shot(text)
    assert text[hit.start:hit.end] == "Five children – ages 11 to 15 – were shot"


def test_a_victim_the_sentence_also_names_adds_to_its_first_count():
    assert _best(find_injuries("A 6-year-old girl was seriously wounded in a shooting that also injured a man.")) == 2
    assert _best(find_injuries("A man was wounded and a woman was also hurt.")) == 2
    assert _best(find_injuries("A man was wounded in the shooting on Elm Street.")) == 1


@pytest.mark.parametrize("text, injured", [
    ("A woman who was wounded in a drive-by on Sunday has died, police said.", None),
    ("He was taken in critical condition to Mercy Hospital, where he died Monday.", None),
    ("He was taken in critical condition to Mercy Hospital on Monday.", 1),
])
def test_a_wounded_victim_who_died_since_is_no_injured(text, injured):
    assert _best(find_injuries(text)) == injured
