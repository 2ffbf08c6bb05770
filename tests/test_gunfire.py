"""Shooting words as a weak trigger: local crime reports gain an event, conflict reports and passages about
trials, policies, counts and films do not. Fixture articles are our own."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from wirewatch.clean import article_id
from wirewatch.extract import extract
from wirewatch.extract.classify import TriggerHit, combine, find_gunfire, find_triggers
from wirewatch.extract.lexicons import load_lexicons
from wirewatch.models import Article


def mentions_of(text: str):
    art = Article(id=article_id(text), url="https://test.example/local", outlet="Test Wire", title=None,
                  published=date(2023, 6, 12), language="en", text=text, source="test")
    found, _ = extract(art)
    return found


def types_of(sentence: str) -> list[str]:
    return [h.sub_event_type for h in find_gunfire(sentence, load_lexicons())]


@pytest.mark.parametrize("sentence", [
    "A 34-year-old man was shot and killed outside a gas station in Dayton on Saturday night, police said.",
    "Someone opened fire on a group of teenagers in Tulsa on Friday, wounding two.",
    "A woman was fatally shot in her car on Elm Street early Sunday.",
    "Officers found a man with gunshot wounds in the 1200 block of Oak Avenue on Tuesday.",
    "Neighbors said they heard gunfire just before midnight on Friday.",
    "A teenager was wounded in a drive-by on the city's east side on Sunday.",
    # a charge or a court appearance names the shooting it is for; the shooter as the subject
    "A Lorain man was charged with murder on Tuesday in the March 3 shooting of a store clerk.",
    "The suspect appeared in court on Monday, two days after the shooting on Vine Street.",
    "Police said he shot his girlfriend in their apartment on Maple Street on Sunday.",
    # a victim named before "shot" with no verb ("a man shot in the chest"); "gunshot" in two words
    "A Macon man shot in the chest on Sunday night died at a hospital, police said.",
    "Officers found a woman with a gun shot wound on Elm Street on Tuesday.",
])
def test_a_reported_shooting_is_an_attack(sentence):
    assert types_of(sentence) == ["Attack"]


@pytest.mark.parametrize("sentence", [
    "Gunmen fired at a police checkpoint outside Mopti on Sunday, the army said.",
    "Suspected jihadists fired at a police checkpoint outside Mopti on Sunday, the army said.",
    "Soldiers and militants exchanged gunfire on Route 9 on Saturday.",
])
def test_fire_between_organised_armed_sides_is_a_clash_not_violence_against_civilians(sentence):
    assert types_of(sentence) == ["Armed clash"]


@pytest.mark.parametrize("sentence", [
    # ACLED's clash is between armed, organised groups: a lone gunman or a suspect is none, and typing his
    # shooting one way in every report keeps them in one event
    "Two officers were shot while serving a warrant in Kent on Monday, the sheriff said.",
    "A gunman fired at a police checkpoint outside Mopti on Sunday, the army said.",
    "Deputies and the suspect exchanged gunfire on Route 9 on Saturday.",
    "The standoff ended in a shootout with state troopers on Thursday.",
])
def test_a_lone_gunman_firing_at_officers_is_an_attack(sentence):
    assert types_of(sentence) == ["Attack"]


@pytest.mark.parametrize("sentence", [
    # trials, policies, counts and films
    "The jury heard on Monday how the victim was shot twice in the back.",
    "He was sentenced on Monday to 30 years for the 2019 shooting of a store clerk.",
    "The former guard was convicted on Friday in the shooting of a teenager at a mall.",
    "She shot him a look across the courtroom before the hearing on Monday.",
    "Lawmakers in Columbus debated a gun control bill on Tuesday, a week after the shooting.",
    "It was the city's 14th shooting this month, police said on Monday.",
    "Shootings are up 20 percent in the county so far this year.",
    "The film was shot in Atlanta over six weeks last spring.",
    "The movie's final shooting scene was staged in Tulsa on Friday.",
    # other senses of "shot" and "fired"
    "Two drones were shot down over Belgorod overnight, the governor said.",
    "The coach was fired on Monday after a losing season.",
    "She shot a video of the parade in Dayton on Saturday.",
    "The man shot the video on his phone outside the arena on Sunday.",
    "The club opened a new shooting range in Kent on Sunday.",
    # accidents, threats, an anniversary
    "A hunter was accidentally shot by his brother in the woods near Erie on Saturday.",
    "The man threatened to open fire on his neighbors, police said on Sunday.",
    "Residents marked the anniversary of the shooting at the mall on Friday.",
    # conflict words that stronger triggers own
    "Soldiers fired tear gas and live rounds at protesters in Nampula on Monday.",
    "Artillery fire and gunfire were heard near Bakhmut on Sunday.",
])
def test_no_shooting_event_where_the_sentence_is_about_something_else(sentence):
    assert types_of(sentence) == []


def test_a_local_crime_report_yields_an_attack_with_its_place_and_date():
    text = ("DAYTON, Ohio — A 19-year-old man was shot and killed on Salem Avenue early Sunday, police said.\n\n"
            "Officers arrived to find the victim in a parking lot. No arrests have been made.")
    [m] = mentions_of(text)
    assert (m.sub_event_type, m.event_type) == ("Attack", "Violence against civilians")
    assert m.trigger.text == "was shot" and m.date_text.text == "early Sunday"


def test_shooting_words_in_a_conflict_report_add_no_event_beside_the_clash():
    gunfire = "Residents of Tera said gunfire went on for two hours on Sunday."
    assert [m.sub_event_type for m in mentions_of(gunfire)] == ["Attack"]   # alone, it reports a shooting
    found = mentions_of("TERA, Niger — Militants attacked an army post near Tera on Sunday, the army said.\n\n"
                        + gunfire)
    assert found and {m.sub_event_type for m in found} == {"Armed clash"}


def test_shooting_words_beside_a_protest_do_not_make_an_attack():
    text = ("Hundreds of nurses marched through Nairobi on Monday to demand unpaid wages.\n\n"
            "Police fired into the air on Moi Avenue on Monday and several people were hurt in the crush.")
    assert "Attack" not in {m.sub_event_type for m in mentions_of(text)}


def test_an_arrest_does_not_silence_the_shooting_it_follows():
    text = ("TULSA, Okla. — A man was shot in the leg outside a convenience store on Friday night, police said.\n\n"
            "Officers arrested a 22-year-old suspect on Saturday.")
    assert {m.sub_event_type for m in mentions_of(text)} == {"Attack", "Arrests"}


def test_a_vigil_is_no_protest_cue_that_turns_a_killing_into_excessive_force():
    text = "A vigil was held in Dayton on Sunday for the man who was shot dead outside a bar there on Friday."
    assert "Excessive force against protesters" not in {h.sub_event_type for h in find_triggers(text, load_lexicons())}


def test_the_model_does_not_retype_a_shooting_word():
    labels = ("NONE", "Attack", "Excessive force against protesters")
    confident = np.array([0.05, 0.05, 0.9])
    weak, strong = TriggerHit("Attack", 0, 8, weak=True), TriggerHit("Attack", 0, 8)
    assert combine([weak], confident, labels, 0.3) == [weak]
    assert combine([strong], confident, labels, 0.3)[0].sub_event_type == "Excessive force against protesters"
