"""The protest family and the crowd's violence by ACLED's codebook: a peaceful protest is one nobody acted against;
authorities who break it up, arrest or tear-gas it make a protest with intervention; lethal or serious force on a
crowd that used none is excessive force; a crowd's own violence makes a violent demonstration, and a violent crowd
with no protest aim is mob violence. What a crowd protests against is its grievance, not the event. Sentences
written for these tests in the style of wire reports."""

from __future__ import annotations

import numpy as np
import pytest

from wirewatch.extract.classify import combine, find_triggers
from wirewatch.extract.lexicons import load_lexicons

VIOLENT, EXCESSIVE = "Violent demonstration", "Excessive force against protesters"
INTERVENTION, PEACEFUL = "Protest with intervention", "Peaceful protest"
MOB, CLASH, SEXUAL = "Mob violence", "Armed clash", "Sexual violence"


def types(text: str) -> list[str]:
    return [h.sub_event_type for h in find_triggers(text, load_lexicons())]


def first_type(text: str) -> str | None:
    found = types(text)
    return found[0] if found else None


@pytest.mark.parametrize("text", [
    "Lawyers boycotted courts in Multan on Monday to protest against the killing of a colleague outside a court.",
    "Hundreds of people marched through Kano to protest against police brutality, chanting slogans.",
    "Journalists staged a sit-in outside parliament in Kampala to condemn attacks on reporters covering the vote.",
    "Lawyers demonstrated outside the high court in Quetta demanding justice for a colleague killed by police.",
])
def test_what_a_crowd_protests_against_is_its_grievance_not_the_event(text):
    assert types(text) == [PEACEFUL]


@pytest.mark.parametrize("text, sub_type", [
    # A verb after the words of a protest is the crowd's own act, or what was done to it.
    ("Students protesting over fees were shot by police in Nairobi on Tuesday.", EXCESSIVE),
    ("Party workers protesting the arrest of their leader ransacked the district office of the ruling party.",
     VIOLENT),
])
def test_an_act_after_the_grievance_is_still_read(text, sub_type):
    assert first_type(text) == sub_type


def test_a_crowd_that_leaves_by_itself_was_not_dispersed():
    assert types("Opposition supporters held a rally in Blantyre and dispersed peacefully in the afternoon.") \
        == [PEACEFUL]
    assert types("The protesters later dispersed after handing a petition to the governor in Jos.") == [PEACEFUL]
    assert first_type("Police dispersed the marchers in Jos with batons.") == INTERVENTION


@pytest.mark.parametrize("text, sub_type", [
    # People arrested at a protest that took place: the authorities intervened in it.
    ("Police arrested 30 people as traders marched on the town hall in Onitsha on Monday.", INTERVENTION),
    ("Police detained the organisers of a sit-in by nurses outside the health ministry in Harare.", INTERVENTION),
    # An arrest the crowd protests came before: the protest itself was left alone.
    ("Villagers protested in Gulu on Friday demanding the release of a chief who was arrested last week.", PEACEFUL),
    # A protest named only as what someone is held for: the arrest is its own event.
    ("Police arrested a union leader at his home in Mombasa, accusing him of inciting violence during the strikes "
     "and protests.", "Arrests"),
])
def test_an_arrest_at_a_protest_is_an_intervention(text, sub_type):
    assert first_type(text) == sub_type


@pytest.mark.parametrize("text", [
    "Security forces fired live bullets at demonstrators in Omdurman on Thursday, a doctors' committee said.",
    "Pro-government militiamen attacked a sit-in by opposition supporters with machetes in the town of Kutum.",
    "Police assaulted protesting nurses outside the ministry in Harare, leaving four of them hospitalised.",
    "Two demonstrators were seriously wounded when soldiers broke up a march in Conakry.",
    "Police used excessive force against traders protesting a market closure in Kumasi, a rights group said.",
])
def test_serious_or_lethal_force_on_a_crowd_is_excessive_force(text):
    assert first_type(text) == EXCESSIVE


@pytest.mark.parametrize("text", [
    "Stones were hurled at police vehicles as residents protested against power cuts in Tamale on Saturday.",
    "Youths protesting the death of a rider in custody burnt tyres on the Kisumu-Kakamega road.",
    "A march by opposition supporters in Conakry descended into violence near the central market.",
    "Violence broke out during a protest over fuel prices in Port-Gentil on Wednesday.",
    "Students protesting a fee increase damaged public property on the campus in Ilorin.",
])
def test_the_crowds_own_violence_makes_a_violent_demonstration(text):
    assert first_type(text) == VIOLENT


@pytest.mark.parametrize("text", [
    "A mob of about 200 villagers attacked two men accused of witchcraft in Kilifi county.",
    "Communal clashes between two ethnic groups in Wau left five people dead on Sunday.",
    "Residents meted out mob justice to a suspected thief in the Kibera slum.",
])
def test_a_violent_crowd_with_no_protest_aim_is_mob_violence(text):
    assert first_type(text) == MOB


def test_a_road_blocked_for_a_demand_is_a_peaceful_protest():
    assert types("Farmers blocked the highway near Ambala for three hours, demanding a higher price for wheat.") \
        == [PEACEFUL]


def test_demonstrated_is_a_protest_only_where_people_demonstrate_somewhere():
    assert types("Nurses demonstrated outside the health ministry in Accra over unpaid allowances.") == [PEACEFUL]
    assert PEACEFUL not in types("The ambush demonstrated the reach of the militants in the north, analysts said.")


@pytest.mark.parametrize("text", [
    "Police battled a blaze at a timber yard in Eldoret overnight, a fire official said.",
    "Soldiers fought a bush fire for six hours near the barracks in Kaduna.",
    "Troops battled floodwaters to reach villages cut off near the river.",
])
def test_a_fire_or_a_flood_fought_is_no_armed_side(text):
    assert CLASH not in types(text)


def test_troops_who_battle_militants_still_clash():
    assert types("Troops battled militants for several hours near Gao on Sunday, the army said.") == [CLASH]


def test_raping_is_sexual_violence():
    assert types("Militiamen raping villagers were driven off by a local defence group near Kiwanja.") == [SEXUAL]
    assert SEXUAL in types("Residents said soldiers gang-raped two women at a checkpoint near Kasongo.")


def test_words_of_serious_force_leave_no_milder_reading_to_the_model():
    hits = find_triggers("Security forces fired live bullets at demonstrators in Omdurman, killing two.", load_lexicons())
    labels = ("NONE", PEACEFUL, INTERVENTION, EXCESSIVE, VIOLENT)
    assert combine(hits, np.array([0.05, 0.1, 0.7, 0.1, 0.05]), labels, 0.3)[0].sub_event_type == EXCESSIVE
    assert combine(hits, np.array([0.05, 0.7, 0.1, 0.1, 0.05]), labels, 0.3)[0].sub_event_type == EXCESSIVE
    # The crowd's own violence stays open to a reading of the whole sentence.
    assert combine(hits, np.array([0.05, 0.05, 0.1, 0.1, 0.7]), labels, 0.3)[0].sub_event_type == VIOLENT


def test_police_gunfire_at_a_crowd_is_excessive_force_but_warning_shots_are_not():
    assert first_type("Police fired several shots at a crowd of protesters in Harare on Monday.") == EXCESSIVE
    assert first_type("Police fired warning shots to disperse protesters in Harare on Monday.") == INTERVENTION
    assert first_type("Police fired rubber bullets at protesters in Harare on Monday.") == INTERVENTION


@pytest.mark.parametrize("text", [
    "Militiamen ransacked the offices of an aid agency in Bunia on Saturday.",
    "Rebels razed three villages in Ouham prefecture, residents said.",
    "Gunmen stole 200 head of cattle from herders near Mambilla overnight.",
])
def test_looting_and_destruction_of_property(text):
    assert first_type(text) == "Looting/property destruction"
