"""Who fought whom, and which deed a sentence reports: an attack told by its dead and wounded, an attack on
a post (a clash), two armed sides that fought, a bombing of a checkpoint, the deed a suspect is held for
(no incident of its own), a civilian building stormed, police force on marchers that the model may not
retype, and a when-clause that retells an incident already told. Sentences written for these tests in the
style of wire reports."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from wirewatch.clean import article_id
from wirewatch.extract import extract
from wirewatch.extract.classify import combine, find_triggers
from wirewatch.extract.lexicons import load_lexicons
from wirewatch.models import Article

CLASH, ATTACK, IED = "Armed clash", "Attack", "Remote explosive/landmine/IED"
ARRESTS, ABDUCTION = "Arrests", "Abduction/forced disappearance"
FORCE = "Excessive force against protesters"


def types(text: str) -> list[str]:
    return [h.sub_event_type for h in find_triggers(text, load_lexicons())]


@pytest.mark.parametrize("text", [
    "Armed men killed five men and wounded three others at a pool hall in the city late on Saturday.",
    "Gunmen killed two customers and injured four others at a roadside bar on Sunday night, officials said.",
])
def test_an_attack_told_by_its_dead_and_wounded(text):
    assert types(text) == [ATTACK]


def test_one_armed_side_is_no_clash_however_the_model_reads_it():
    text = "Armed men killed five men and wounded three others at a pool hall in the city late on Saturday."
    hits = find_triggers(text, load_lexicons())
    labels = ("NONE", ATTACK, CLASH)
    assert combine(hits, np.array([0.05, 0.15, 0.8]), labels, 0.3)[0].sub_event_type == ATTACK


@pytest.mark.parametrize("text", [
    "The group claimed responsibility for an attack on an army checkpoint in the north of the province.",
    "Insurgents carried out an assault on a police outpost near the border overnight, officials said.",
    "Government troops and separatist fighters fought for several hours near the river crossing on Tuesday.",
    "Rebels and soldiers battled for much of the day on the outskirts of the town, residents said.",
])
def test_attacks_on_posts_and_two_sides_fighting_are_clashes(text):
    assert types(text)[0] == CLASH


@pytest.mark.parametrize("text", [
    "A missile struck a cargo ship in the port on Friday, starting a fire that crews fought for several hours.",
    "Hundreds of volunteers fought for the government in the civil war of the 1990s.",
])
def test_fighting_a_fire_or_for_a_side_is_no_clash(text):
    assert CLASH not in types(text)


def test_a_suicide_attack_on_a_base_is_no_clash():
    assert CLASH not in types("A suicide attack on an army base killed seven soldiers on Monday, the army said.")


def test_a_bombing_of_a_checkpoint_is_an_explosive_attack():
    assert types("Islamic State claimed the bombing of a police checkpoint in the province on Sunday.") == [IED]


@pytest.mark.parametrize("text", [
    "Police arrested two men suspected of kidnapping a businessman in the city last month.",
    "Detectives detained a man accused of abducting a schoolgirl, the police spokesman said.",
    "Police arrested a man wanted for raping a student in the town last year.",
])
def test_the_deed_a_suspect_is_held_for_is_no_incident_of_its_own(text):
    assert types(text) == [ARRESTS]


def test_a_kidnapping_told_beside_an_arrest_is_still_one():
    # The arrest is not what the kidnapping is held against: both are reported.
    assert ABDUCTION in types("Gunmen kidnapped a priest on Sunday; police later arrested two suspects.")


@pytest.mark.parametrize("text", [
    "Gunmen stormed a mosque during evening prayers, killing at least nine worshippers, residents said.",
    "Militants stormed a hotel in the town centre, killing eleven guests and staff.",
])
def test_a_civilian_building_stormed_by_gunmen_is_an_attack(text):
    found = types(text)
    assert ATTACK in found and CLASH not in found


def test_troops_storming_a_building_held_by_gunmen_is_a_clash():
    assert types("Troops stormed a school where gunmen were holding hostages, the army said.")[0] == CLASH


def test_police_shooting_marchers_stays_excessive_force_however_the_model_reads_it():
    text = "Police denied that officers had shot dead a student during the march in the town on Friday."
    hits = find_triggers(text, load_lexicons())
    assert hits[0].sub_event_type == FORCE
    labels = ("NONE", ATTACK, FORCE)
    assert combine(hits, np.array([0.05, 0.85, 0.1]), labels, 0.3)[0].sub_event_type == FORCE


def _article(text: str) -> Article:
    return Article(id=article_id(text), url="https://test.example/b", outlet="Test Wire", title=None,
                   published=date(2024, 9, 20), language="en", text=text, source="test")


def test_a_when_clause_retelling_a_shelling_joins_it():
    text = ("Russian shelling of the town of Kupiansk on 14 September 2024 killed three people, the regional "
            "governor said.\n\nA 58-year-old man, who had been waiting for a bus when shells landed near the "
            "station in the centre of the town, died of his wounds in a hospital in Kharkiv, officials said.")
    found, _ = extract(_article(text))
    shelling = [m for m in found if m.sub_event_type == "Shelling/artillery/missile attack"]
    # One incident: the later sentence restates the first mention, with its date words.
    assert len(shelling) == 2 and shelling[1].id.startswith(shelling[0].id)
    assert {m.date_text.text for m in shelling} == {"14 September 2024"}


def test_a_when_clause_of_a_type_not_yet_told_is_its_own_incident():
    text = ("A 58-year-old man was wounded in the town of Kupiansk on Friday when shells landed near the bus "
            "station, the regional governor said.")
    found, _ = extract(_article(text))
    assert [m.sub_event_type for m in found] == ["Shelling/artillery/missile attack"]


def test_weapons_seized_in_a_list_are_no_grenade_attack():
    assert types("Officers seized rifles, grenades and ammunition during the operation, police said on Friday.") == []


def test_a_string_of_attacks_is_no_incident():
    found = types("Gunmen set fire to a school near the town overnight, the latest in a string of attacks on "
                  "schools in the district.")
    assert found == ["Looting/property destruction"]


def test_occasional_protests_are_no_incident():
    assert types("Residents have held occasional protests against the governor, activists said.") == []


def test_a_raid_on_a_village_is_no_clash():
    assert types("Bandits abducted 15 villagers in a night raid on a village in the district on Sunday.") == [ABDUCTION]
    assert types("Rebels launched a raid on an army base near the border on Sunday.") == [CLASH]
