"""Reports of a shooting that used to yield no event: a page whose body carries no report but whose headline
does, an arrest sentence that names the shooting, and ways of saying who was shot that the shooting words
missed. Reports here are our own, written in the style of local crime news."""

from __future__ import annotations

import pytest

from test_gunfire import mentions_of, types_of


@pytest.mark.parametrize("sentence", [
    "Police said the man shot his 7-year-old daughter at their home in Macon on Sunday.",
    "Investigators said she shot her husband in the kitchen of their Tulsa home on Friday.",
    "Deputies said the suspect shot a 19-year-old outside a bar in Kent early Saturday.",
    "Three men were all shot outside a nightclub in Dayton on Sunday, police said.",
    "A 23-year-old shot outside a convenience store in Akron on Monday night is in stable condition.",
    "Two teens shot near a park in Macon on Friday were taken to a hospital.",
    "A 9-year-old girl was struck by a stray bullet while she slept in her home in Macon on Sunday.",
])
def test_more_ways_of_telling_who_was_shot_are_a_shooting(sentence):
    assert types_of(sentence) == ["Attack"]


@pytest.mark.parametrize("sentence", [
    "The defendant shot him a puzzled look across the courtroom on Monday.",
    "The number of people shot in the city rose again last year.",
    "The 19-year-old shot a video of the parade in Dayton on Saturday.",
    "Several protesters were hit by rubber bullets in Nampula on Monday.",
])
def test_the_new_words_do_not_take_in_other_senses(sentence):
    assert types_of(sentence) == []


def test_a_headline_reports_the_shooting_when_the_body_is_page_furniture():
    text = ("Man killed in shooting outside Dayton bar\n\n"
            "Sign up for our newsletter to get breaking news in your inbox.\n\n"
            "Already a subscriber? Log in to keep reading this story.")
    [m] = mentions_of(text)
    assert m.sub_event_type == "Attack" and m.trigger.text == "shooting"
    assert m.place_text is not None and m.place_text.text == "Dayton"


def test_a_headline_adds_nothing_when_the_body_reports_the_shooting():
    text = ("Man killed in shooting outside Dayton bar\n\n"
            "DAYTON, Ohio — A man was shot and killed outside a bar on Salem Avenue early Sunday, police said.")
    found = mentions_of(text)
    assert found and all(m.passage.start > 0 for m in found)


def test_headlines_further_down_the_page_are_links_not_the_story():
    text = ("Weather: sunny and warm through the weekend\n\n"
            "Sign up for our newsletter to get breaking news in your inbox.\n\n"
            "City council approves new budget for parks.\n\n"
            "More stories\n\n"
            "Man killed in shooting outside Dayton bar")
    assert mentions_of(text) == []


def test_an_arrest_in_a_shooting_reports_the_shooting_in_a_follow_up_story():
    text = ("DAYTON, Ohio — A suspect is now in the county jail, a police spokesman said.\n\n"
            "Officers arrested a 31-year-old man in connection with the shooting of a store clerk, the "
            "spokesman said. His name was not released.")
    assert {m.sub_event_type for m in mentions_of(text)} == {"Attack", "Arrests"}


def test_an_arrest_sentence_does_not_tell_an_anchored_shooting_twice():
    text = ("TULSA, Okla. — A man was shot in the leg outside a convenience store on Friday night, police said.\n\n"
            "Officers later arrested a man in connection with the shooting, police said.")
    found = mentions_of(text)
    assert [m.sub_event_type for m in found].count("Attack") == 1


@pytest.mark.parametrize("sentence", [
    "A man was shot and may not survive, police in Dayton said on Sunday.",
    "A teenager was shot on Friday and will need surgery, police in Macon said.",
])
def test_what_may_follow_a_past_shooting_does_not_unmake_it(sentence):
    assert types_of(sentence) == ["Attack"]


@pytest.mark.parametrize("sentence", [
    "The man said he would have shot anyone who came through the door on Sunday.",
    "Police fear more people will be shot in Dayton this summer if nothing changes.",
    "He threatened to shoot his neighbors if they called the police, deputies said on Sunday.",
])
def test_a_threatened_or_feared_shooting_is_still_no_event(sentence):
    assert types_of(sentence) == []


def test_a_follow_up_shooting_with_no_place_words_is_not_silenced_by_an_unanchored_killing():
    # "The killing" names no place or time of its own, so it reports nothing and must not stop the shooting
    # sentence from being the incident, placed by the dateline.
    text = ("DAYTON, Ohio — A neighbor called police shortly before midnight.\n\n"
            "Officers said the man was shot after an argument outside his home.\n\n"
            "The killing has shocked residents of the quiet street.")
    found = mentions_of(text)
    assert found and found[0].trigger.text == "was shot"
    # "The killing" after it is that shooting again, restated where it was told
    assert {(m.sub_event_type, m.place_text.text) for m in found} == {("Attack", "DAYTON")}


@pytest.mark.parametrize("sentence", [
    "Police arrested a 27-year-old man on Tuesday in the slaying of a convenience store clerk in Macon.",
    "Officers found a woman who had been strangled in her apartment on Elm Street on Sunday.",
    "Investigators called the deaths of the couple in their Tulsa home on Friday a murder-suicide.",
    "Detectives are investigating the homicide of a 24-year-old man found in a car in Akron on Monday.",
])
def test_a_crime_reports_killing_words_are_its_attack(sentence):
    assert types_of(sentence) == ["Attack"]


@pytest.mark.parametrize("sentence", [
    "The murder rate in Dayton fell by a fifth last year, the mayor said on Monday.",
    "He was convicted of murder on Monday and will be sentenced in June.",
    "Homicide detectives were called to the scene on Sunday.",
    "The murder charges against him were dropped on Friday.",
])
def test_killing_words_about_a_rate_a_court_or_a_unit_are_no_attack(sentence):
    assert types_of(sentence) == []
