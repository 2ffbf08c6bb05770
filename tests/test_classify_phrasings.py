"""General phrasings of ACLED sub-event types that the trigger lexicon reads (data/lexicons/triggers.tsv):
fire at or from an organised armed side, charges set off, infrastructure wrecked, a crowd and the police
fighting, an effigy burnt, a protester who died of the force used, a mob that kills, a shutdown an armed
group enforces. Sentences written for these tests in the style of wire reports."""

from __future__ import annotations

import pytest

from wirewatch.extract.classify import find_triggers, is_agent
from wirewatch.extract.lexicons import load_lexicons

CLASH, ATTACK = "Armed clash", "Attack"
IED, PROPERTY = "Remote explosive/landmine/IED", "Looting/property destruction"
MOB = "Mob violence"
VIOLENT, EXCESSIVE = "Violent demonstration", "Excessive force against protesters"
INTERVENTION, PEACEFUL = "Protest with intervention", "Peaceful protest"
CHANGE = "Change to group/activity"


def types(text: str) -> list[str]:
    return [h.sub_event_type for h in find_triggers(text, load_lexicons())]


@pytest.mark.parametrize("text", [
    # Fire at soldiers, police or their posts by an organised armed side, fire taken, an attack beaten off.
    "Suspected insurgents fired on an army patrol outside Gao late on Tuesday, wounding two soldiers.",
    "Gunmen shot at a police checkpoint on the Maiduguri road overnight, the state command said.",
    "Rebels targeted a military convoy with machine guns near the village of Rubaya on Friday.",
    "A police patrol came under fire from militants near Tank on Sunday, and officers fought back.",
    "Troops repelled an assault on their base in Menaka on Thursday, the army said.",
])
def test_fire_between_organised_armed_sides_is_a_clash(text):
    assert CLASH in types(text)


@pytest.mark.parametrize("text", [
    # ACLED's clash is between organised armed groups: a lone gunman or a suspect who fires at officers is
    # not typed a clash by the trigger row (the shooting words may still be read on their own).
    "A gunman opened fire on officers responding to a domestic call in Tulsa on Friday, police said.",
    "The suspect attacked two deputies with a knife before he was subdued, the sheriff said.",
])
def test_a_lone_assailant_at_officers_is_no_clash_by_the_trigger_row(text):
    assert CLASH not in types(text)


@pytest.mark.parametrize("text, sub_type", [
    ("Saboteurs detonated explosives under a railway bridge near Kursk, derailing a freight train.", IED),
    ("An explosive hidden in a culvert went off as a police van passed in Bajaur on Monday.", IED),
    ("A suspicious device exploded outside a bank in the city centre, wounding a guard.", IED),
    ("Unknown people cut down two electricity pylons on the main power line outside Bamako on Saturday.", PROPERTY),
    ("Attackers sabotaged a gas pipeline in the north of the province overnight, officials said.", PROPERTY),
])
def test_charges_set_off_and_infrastructure_wrecked(text, sub_type):
    assert types(text)[0] == sub_type


@pytest.mark.parametrize("text, sub_type", [
    # A crowd and the police fighting each other, told either way round, is a violent demonstration.
    ("Clashes broke out between protesters and police in the capital on Tuesday.", VIOLENT),
    ("Students and police clashed outside the university after a rally against fee rises.", VIOLENT),
    # "Riot police" are the authorities' answer, not a riot.
    ("Riot police fired tear gas to scatter opposition supporters marching in Kampala.", INTERVENTION),
    # An effigy burnt is a protest's gesture, not property destroyed.
    ("Protesters burnt effigies of the governor outside the secretariat, demanding his resignation.", PEACEFUL),
    ("Demonstrators set fire to an effigy of the minister during a rally in Lahore.", PEACEFUL),
    # Those held were the marchers; a march prevented.
    ("Police detained more than 100 people at an anti-war rally in Moscow on Sunday.", INTERVENTION),
    ("Police in Istanbul detained dozens of women who tried to march on Taksim Square.", INTERVENTION),
    ("Security forces prevented opposition supporters from marching to the electoral commission.", INTERVENTION),
    # Lethal force on a crowd: shot, or died of the force used.
    ("Soldiers fatally shot three protesters who were marching against the coup in Yangon.", EXCESSIVE),
    ("Police dispersed the protesters with tear gas, and one demonstrator died of his injuries.", EXCESSIVE),
    ("Doctors downed tools at public hospitals in protest at unpaid allowances.", PEACEFUL),
])
def test_protest_phrasings(text, sub_type):
    assert types(text)[0] == sub_type


@pytest.mark.parametrize("text", [
    "Villagers set upon two men suspected of cattle theft and burned them alive.",
    "Residents beat a suspected thief to death at a bus station in Kano, police said.",
])
def test_a_crowd_that_kills_by_its_own_hands_is_mob_violence(text):
    assert MOB in types(text)


def test_a_beating_to_death_by_police_is_no_mob():
    assert MOB not in types("Police beat a detainee to death in a cell in Lagos, his family said.")


@pytest.mark.parametrize("text, sub_type", [
    # A shutdown an armed group enforces is its own activity, not a protest.
    ("A 48-hour bandh called by the Maoists paralysed life in the district on Monday.", CHANGE),
    ("Militants enforced a shutdown across the valley, and shops and schools stayed closed.", CHANGE),
    ("Traders observed a shutdown called by the chamber of commerce to protest new taxes.", PEACEFUL),
])
def test_a_shutdown_enforced_by_an_armed_group_is_no_protest(text, sub_type):
    assert types(text)[0] == sub_type


def test_a_place_named_after_a_force_is_not_the_force_acting():
    # "the police station": the villagers damaged it, the police did not.
    lex = load_lexicons()
    text = "Villagers surrounded the police station and damaged furniture, demanding compensation."
    start = text.index("damaged")
    assert is_agent(text, start, start + len("damaged"), lex, "crowd")
