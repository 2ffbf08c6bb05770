"""Actor finding and roles on sentences written for these tests, in the style of wire reports."""

from __future__ import annotations

import pytest

from wirewatch.extract.actors import assign_roles, find_actors, named_groups
from wirewatch.extract.lexicons import load_lexicons
from wirewatch.gazetteer import load_gazetteer


@pytest.fixture(scope="module")
def tools():
    return load_lexicons(), load_gazetteer()


def _roles(tools, text: str, trigger: str, last_group: str | None = None):
    lex, gazetteer = tools
    hits = find_actors(text, lex, named_groups(text, gazetteer), gazetteer, last_group)
    start = text.index(trigger)
    actor1, actor2 = assign_roles(text, hits, start, start + len(trigger))
    return (actor1.name if actor1 else None), (actor2.name if actor2 else None)


def test_a_quantity_of_people_is_the_subject(tools):
    assert _roles(tools, "Thousands of demonstrators marched through the capital on Friday.", "marched")[0] \
        == "Protesters ({country})"


def test_civilians_who_march_are_protesters(tools):
    actor1, _ = _roles(tools, "Hundreds of shopkeepers closed their stalls and marched to the governor's office.",
                       "marched")
    assert actor1 == "Protesters ({country})"


def test_its_fighters_is_the_group_named_in_the_same_sentence(tools):
    text = "The Tana River Brigade said on Friday that its fighters had seized an army outpost."
    assert _roles(tools, text, "seized")[0] == "Tana River Brigade"


def test_its_drones_needs_a_group_in_the_same_sentence(tools):
    named = "Hezbollah said its drones struck an army post near the border."
    assert _roles(tools, named, "struck")[0] == "Hezbollah"
    assert _roles(tools, "The statement said its drones struck an army post.", "struck", "Tana River Brigade")[0] \
        is None


def test_a_noun_after_a_named_group_belongs_to_it(tools):
    assert _roles(tools, "Suspected Boko Haram fighters abducted 14 farmers near the town.", "abducted") \
        == ("Boko Haram", "Civilians ({country})")


@pytest.mark.parametrize("text, trigger", [
    ("A Turkish drone struck a pickup truck outside the village.", "struck"),
    ("Syrian government artillery shelled the market town overnight.", "shelled"),
    ("A Russian guided aerial bomb hit the school in the afternoon.", "hit"),
    ("An Israeli air strike killed two men in a car.", "killed"),
])
def test_a_state_weapon_after_its_demonym_and_modifiers(tools, text, trigger):
    assert _roles(tools, text, trigger)[0] == "Military Forces of {country}"


def test_two_subjects_joined_by_and_act_together_first_as_actor1(tools):
    text = "Hamas and a rival Islamic State cell clashed in the south of the city."
    assert _roles(tools, text, "clashed") == ("Hamas", "Islamic State")


def test_the_subject_of_a_passive_verb_of_harm_is_the_victim(tools):
    text = "Four police officers were wounded on Monday when their patrol struck a landmine."
    assert _roles(tools, text, "struck a landmine") == (None, "Police Forces of {country}")


def test_the_other_party_acts_when_the_subject_was_harmed(tools):
    text = "Two suspected rebels were killed in a firefight with army troops on Tuesday."
    assert _roles(tools, text, "firefight") == ("Military Forces of {country}", "Unidentified Armed Group ({country})")


def test_the_object_of_a_verb_of_harm_before_the_trigger(tools):
    text = "The military said its soldiers had killed six Al Shabaab militants in fighting near the river."
    assert _roles(tools, text, "fighting") == ("Military Forces of {country}", "Al Shabaab")


def test_the_agent_inside_the_trigger_words(tools):
    text = "Officials denied that the frigate had been hit by a Ukrainian missile."
    lex, gazetteer = tools
    hits = find_actors(text, lex, {}, gazetteer, None)
    start = text.index("hit by")
    actor1, _ = assign_roles(text, hits, start, len(text) - 1)
    assert actor1 is not None and actor1.name == "Military Forces of {country}" and actor1.country == "UKR"


def test_fire_from_names_the_shooter(tools):
    text = "The town came under heavy fire from Russian troops on Wednesday."
    assert _roles(tools, text, "came under heavy fire")[0] == "Military Forces of {country}"


def test_more_civilian_and_gang_words(tools):
    assert _roles(tools, "Masked men set fire to the mayor's car.", "set fire")[0] == "Unidentified Armed Group ({country})"
    assert _roles(tools, "Gunmen shot dead three fishermen on the lake.", "shot dead") == \
        ("Unidentified Armed Group ({country})", "Civilians ({country})")


def test_two_subjects_of_a_one_sided_deed_are_one_side(tools):
    text = "Soldiers and riot police fired tear gas at the protesters outside parliament."
    actor1, actor2 = _roles(tools, text, "fired tear gas")
    assert actor2 == "Protesters ({country})"


def test_the_rebels_point_back_at_the_group_named_before(tools):
    text = "The rebels stormed a police post on the outskirts of the town."
    assert _roles(tools, text, "stormed", "Tana River Brigade")[0] == "Tana River Brigade"
    assert _roles(tools, "Rebels stormed a police post.", "stormed", "Tana River Brigade")[0] \
        == "Unidentified Armed Group ({country})"


def test_who_came_under_fire_is_the_target(tools):
    text = "Ukrainian soldiers came under artillery fire from Russian troops near the village."
    lex, gazetteer = tools
    hits = find_actors(text, lex, {}, gazetteer, None)
    start = text.index("came under")
    actor1, actor2 = assign_roles(text, hits, start, start + len("came under artillery fire"))
    assert (actor1.country, actor2.country) == ("RUS", "UKR")


def test_an_unnamed_suicide_bomber_is_an_armed_group(tools):
    text = "A suicide bomber blew himself up at a checkpoint outside the port on Monday."
    assert _roles(tools, text, "blew himself up")[0] == "Unidentified Armed Group ({country})"
