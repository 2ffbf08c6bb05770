"""Typing by ACLED's general criteria: who used violence at a protest, how the authorities answered it, and
who took a place from whom (and whether there was a fight). Sentences written for these tests."""

from __future__ import annotations

import numpy as np
import pytest

from wirewatch.extract.classify import TriggerHit, combine, find_triggers
from wirewatch.extract.lexicons import load_lexicons

VIOLENT, EXCESSIVE = "Violent demonstration", "Excessive force against protesters"
INTERVENTION, PEACEFUL = "Protest with intervention", "Peaceful protest"
GOV, REBEL, HANDOVER = "Government regains territory", "Non-state actor overtakes territory", \
    "Non-violent transfer of territory"


def first_type(text: str) -> str | None:
    hits = find_triggers(text, load_lexicons())
    return hits[0].sub_event_type if hits else None


@pytest.mark.parametrize("text, sub_type", [
    # The demonstrators' own violence: stones, property wrecked, officers hurt, barricades on the road.
    ("Protesters pelted police with stones in Kericho on Wednesday after a rider died in custody.", VIOLENT),
    ("Demonstrators attacked a police station in Kasese during a protest over the arrest of a local leader.",
     VIOLENT),
    ("Opposition supporters protesting the results set a police vehicle on fire in Lubumbashi.", VIOLENT),
    ("Five policemen were injured during a protest by traders in Kano, officials said.", VIOLENT),
    ("Villagers gheraoed the block office in Bhadrak and damaged furniture, demanding compensation.", VIOLENT),
    ("Students erected barricades on the main road in Antananarivo during a protest over fees.", VIOLENT),
    # Severe force on a crowd that used none.
    ("Soldiers beat protesters with rifle butts in Juba on Monday, seriously injuring four of them.", EXCESSIVE),
    ("Police fired on a crowd of demonstrators in Bukavu, killing one, a rights group said.", EXCESSIVE),
    # The authorities stepped in against a peaceful crowd.
    ("Police arrested 12 demonstrators outside parliament in Minsk on Sunday.", INTERVENTION),
    ("Police lathi-charged farmers protesting over crop prices in Nashik.", INTERVENTION),
    ("Security forces stopped a march by opposition supporters to the electoral commission in Lusaka.",
     INTERVENTION),
    ("Villagers staged a dharna outside the collectorate in Sivaganga against sand mining.", PEACEFUL),
])
def test_a_protest_is_typed_by_who_used_force_and_how(text, sub_type):
    assert first_type(text) == sub_type


@pytest.mark.parametrize("text", [
    # The police did the attacking: not the crowd's violence.
    "Police attacked the marchers with batons in Harare on Thursday, witnesses said.",
    # The subject of a passive suffered the act.
    "Several protesters were injured when police dispersed a rally in Conakry.",
    # Burning an effigy harms no one's property.
    "Students burned an effigy of the minister during a protest in Lahore.",
])
def test_the_crowd_did_not_use_violence(text):
    assert VIOLENT not in {h.sub_event_type for h in find_triggers(text, load_lexicons())}


def test_a_violent_crowd_makes_the_demonstration_violent_even_where_police_kill():
    # ACLED: demonstrators who use violence make a violent demonstration, whatever force meets them.
    text = "Police shot dead two protesters in Dhaka after the crowd hurled petrol bombs at officers."
    assert first_type(text) == VIOLENT


def test_words_of_violence_are_not_undone_by_the_model():
    lex = load_lexicons()
    hits = find_triggers("Protesters threw stones at police during a march in Kathmandu.", lex)
    assert hits[0].sub_event_type == VIOLENT and PEACEFUL in hits[0].ruled_out
    labels = ("NONE", PEACEFUL, VIOLENT)
    assert combine(hits, np.array([0.1, 0.7, 0.2]), labels, 0.3)[0].sub_event_type == VIOLENT


@pytest.mark.parametrize("text, sub_type", [
    # State forces take a place: named by acronym, or by a verb of taking that is not "retook".
    ("FAMa took control of Anefis from CMA rebels on Tuesday, the army said.", GOV),
    ("Soldiers captured the town of Bunia from the militia, the army said on Thursday.", GOV),
    ("SNA and AMISOM forces captured Bariire from Al Shabaab on Sunday.", GOV),
    # An armed group takes one.
    ("ISWAP captured a military base in Marte on Friday, taking weapons and vehicles.", REBEL),
    ("Taliban fighters took over the district headquarters in Ghormach after a two-day battle.", REBEL),
    # A place taken where the other side had left, with no fight told, is a non-violent transfer.
    ("Al Shabaab took over the town of Halgan after Ethiopian forces vacated it, residents said.", HANDOVER),
    ("Ethiopian troops pulled out of Yeed overnight; Al Shabaab fighters later entered the town.", HANDOVER),
    ("Al Shabaab captured the town of Leego following the withdrawal of AMISOM troops, residents said.", HANDOVER),
    ("Government forces retook the village of Bula on Monday after the militants abandoned it.", HANDOVER),
])
def test_a_change_of_control_is_typed_by_the_taker_and_by_whether_there_was_a_fight(text, sub_type):
    assert first_type(text) == sub_type


def test_a_take_over_after_a_fight_is_no_peaceful_transfer():
    text = "Rebels took control of Wad Madani after heavy fighting, when government forces withdrew from it."
    assert HANDOVER not in {h.sub_event_type for h in find_triggers(text, load_lexicons())}


def test_the_model_may_not_turn_a_change_of_control_around():
    labels = ("NONE", GOV, REBEL, HANDOVER)
    gov = [TriggerHit(GOV, 0, 8)]
    # Who took the place from whom is the words' to say, not the model's...
    assert combine(gov, np.array([0.05, 0.1, 0.8, 0.05]), labels, 0.3) == gov
    # ...but it may read the change as one made without a fight.
    assert combine(gov, np.array([0.05, 0.1, 0.05, 0.8]), labels, 0.3)[0].sub_event_type == HANDOVER
    # A change the words tell was made without a fight is no battle.
    handover = [TriggerHit(HANDOVER, 0, 8)]
    assert combine(handover, np.array([0.05, 0.8, 0.1, 0.05]), labels, 0.3) == handover


@pytest.mark.parametrize("text", [
    "Militants ambushed a police patrol near Mandera on Sunday, killing two officers and a civilian.",
    "Gunmen attacked soldiers at a checkpoint outside Djibo on Friday, wounding three, the army said.",
])
def test_an_attack_on_armed_men_is_a_clash(text):
    # ACLED: an armed group's attack on soldiers or police, their patrols and posts, is a battle, not
    # one-sided violence against civilians.
    assert first_type(text) == "Armed clash"


def test_a_bomb_against_a_patrol_stays_a_bombing():
    text = "A roadside bomb struck an army patrol near Kidal on Monday, and militants then attacked the soldiers."
    assert first_type(text) == "Remote explosive/landmine/IED"


@pytest.mark.parametrize("sentence", [
    "Hundreds of families fled the village on Sunday, fearing an attack by the militia.",
    "The opposition called for protests across the capital on Friday.",
    "Union leaders are calling for a general strike in the port city next week.",
])
def test_a_feared_or_called_for_event_is_no_event(sentence):
    assert [h.sub_event_type for h in find_triggers(sentence, load_lexicons())] == []


@pytest.mark.parametrize("sentence, sub_type", [
    ("Residents fled, fearing more violence after gunmen killed five farmers near the village.", "Attack"),
    ("Police called for backup after gunmen attacked a checkpoint near the town on Sunday.", "Armed clash"),
    ("Students calling for a nationwide strike marched through the city on Monday.", "Peaceful protest"),
])
def test_a_fear_or_a_call_beside_a_real_event_leaves_it(sentence, sub_type):
    assert [h.sub_event_type for h in find_triggers(sentence, load_lexicons())] == [sub_type]
