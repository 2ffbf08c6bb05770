"""Named groups behind unnamed bands, the claimant of an attack, rioters and state forces' own weapons, on
sentences written for these tests in the style of wire reports."""

from __future__ import annotations

import pytest

from wirewatch.extract.actors import CLAIMANT, assign_roles, find_actors, named_groups
from wirewatch.extract.lexicons import load_lexicons
from wirewatch.gazetteer import load_gazetteer


@pytest.fixture(scope="module")
def tools():
    return load_lexicons(), load_gazetteer()


def _roles(tools, text: str, trigger: str, article: str | None = None):
    lex, gazetteer = tools
    hits = find_actors(text, lex, named_groups(article or text, gazetteer), gazetteer, None)
    start = text.index(trigger)
    return assign_roles(text, hits, start, start + len(trigger))


def _names(tools, text, trigger, article=None):
    a1, a2 = _roles(tools, text, trigger, article)
    return (a1.name if a1 else None), (a2.name if a2 else None)


def test_gunmen_believed_to_belong_to_a_group_are_that_group(tools):
    text = "Gunmen believed to belong to JNIM attacked a village near Djibo on Monday, killing 12 people."
    assert _names(tools, text, "attacked")[0].startswith("JNIM")


def test_fighters_from_a_named_group_are_that_group(tools):
    text = "Fighters from the ADF raided a farming village in Beni territory overnight."
    assert _names(tools, text, "raided")[0] == "ADF: Allied Democratic Forces"


def test_suspected_militants_of_a_group_are_that_group(tools):
    text = "Suspected al-Shabaab militants ambushed a police convoy near Garissa on Thursday."
    assert _names(tools, text, "ambushed") == ("Al Shabaab", "Police Forces of {country}")


_BOMBING = "A suicide bomber blew himself up at a hotel gate in Baidoa on Sunday, killing six people."


def test_the_group_that_claims_an_attack_is_its_actor(tools):
    article = _BOMBING + " Al Shabaab claimed responsibility in a statement on its radio station."
    assert _names(tools, _BOMBING, "blew himself up", article) == ("Al Shabaab", "Civilians ({country})")


def test_the_group_blamed_for_an_attack_is_its_actor(tools):
    sentence = "A sniper shot dead a teenager in the old city on Monday evening, medics said."
    article = sentence + " Residents blamed Houthi fighters positioned on the hills above the district."
    assert _names(tools, sentence, "shot dead", article)[0] == "Houthi Movement"


def test_no_claim_leaves_the_attackers_unnamed(tools):
    article = _BOMBING + " No group has claimed responsibility, although officials suspect Al Shabaab."
    assert _names(tools, _BOMBING, "blew himself up", article)[0] == "Unidentified Armed Group ({country})"


def test_two_claimants_name_no_one(tools):
    article = _BOMBING + " Al Shabaab claimed the attack. Islamic State also claimed the attack."
    assert CLAIMANT not in named_groups(article, tools[1])


def test_a_state_force_claiming_a_strike_is_no_claimant(tools):
    article = "The army claimed the strike killed 20 militants. Gunmen later attacked a checkpoint."
    assert CLAIMANT not in named_groups(article, tools[1])


def test_a_named_agent_after_by_and_a_description(tools):
    text = "Shells fired by the paramilitary Rapid Support Forces hit a market in Omdurman on Tuesday."
    assert _names(tools, text, "hit")[0] == "Rapid Support Forces"


def test_its_jets_belong_to_the_air_force_that_speaks(tools):
    text = "The Nigerian Air Force said its jets had bombed a camp of ISWAP fighters near Lake Chad."
    actor1, actor2 = _roles(tools, text, "bombed")
    assert (actor1.name, actor1.country) == ("Military Forces of {country}", "NGA")
    assert actor2.name == "ISWAP: Islamic State West Africa Province"


def test_a_crowd_that_smashes_and_burns_is_rioters(tools):
    text = "A crowd of about 300 people smashed shop windows and set fire to cars in the city centre."
    assert _names(tools, text, "smashed")[0] == "Rioters ({country})"


def test_marching_students_stay_protesters(tools):
    assert _names(tools, "Hundreds of students marched to parliament on Monday.", "marched")[0] \
        == "Protesters ({country})"


@pytest.mark.parametrize("text, trigger, group", [
    ("Maoist rebels ambushed a police patrol in the forests of Sukma district.", "ambushed",
     "CPI (Maoist): Communist Party of India (Maoist)"),
    ("SDF fighters stormed an Islamic State hideout near Hajin.", "stormed", "Syrian Democratic Forces"),
    ("CODECO militiamen attacked a camp for displaced people in Djugu territory.", "attacked",
     "CODECO: Cooperative for the Development of Congo"),
])
def test_listed_groups_and_their_fighters(tools, text, trigger, group):
    assert _names(tools, text, trigger)[0] == group


def test_a_mob_that_opens_the_trigger_is_its_actor(tools):
    text = "A mob beat a 30-year-old tailor to death in the market on Monday night, police said."
    assert _names(tools, text, "mob beat")[0] == "Rioters ({country})"


def test_the_teller_is_not_the_side_attacked(tools):
    text = "Gunmen shot dead a shopkeeper in the town centre on Friday, residents said."
    assert _names(tools, text, "shot dead") == ("Unidentified Armed Group ({country})", None)


def test_police_breaking_up_a_march_are_the_protest_s_second_side(tools):
    text = "Police fired tear gas on Tuesday to disperse hundreds of traders protesting against new market fees."
    assert _names(tools, text, "tear gas") == ("Protesters ({country})", "Police Forces of {country}")


def test_police_who_kill_protesters_stay_the_actor(tools):
    text = "Police fired tear gas and live rounds at protesters on Tuesday, killing two of them."
    assert _names(tools, text, "fired")[0] == "Police Forces of {country}"


def test_a_denial_in_the_next_sentence_leaves_the_blame(tools):
    sentence = "A sniper shot dead a teenager in the old city on Monday evening, medics said."
    article = sentence + " Residents blamed Houthi fighters on the hills. The Houthis did not comment."
    assert _names(tools, sentence, "shot dead", article)[0] == "Houthi Movement"


def test_attackers_an_official_identifies_are_that_group(tools):
    sentence = "Militiamen attacked a village in Djugu territory overnight, killing nine people."
    article = sentence + " The attackers, whom the mayor identified as CODECO fighters, burned huts."
    assert _names(tools, sentence, "attacked", article)[0] == "CODECO: Cooperative for the Development of Congo"


def test_a_group_saying_it_carried_out_an_attack_claims_it(tools):
    article = _BOMBING + " Al Shabaab said in a statement on its radio station that it had carried out the attack."
    assert _names(tools, _BOMBING, "blew himself up", article)[0] == "Al Shabaab"


def test_a_crowd_dispersing_of_itself_keeps_the_police_as_actor(tools):
    text = "Police fired tear gas at protesters who had dispersed peacefully and then regrouped on Friday."
    assert _names(tools, text, "fired tear gas")[0] == "Police Forces of {country}"


def test_one_of_its_fighters_carried_out_the_attack_is_a_claim(tools):
    article = _BOMBING + " Al Shabaab said on its radio station that one of its fighters had carried out the attack."
    assert _names(tools, _BOMBING, "blew himself up", article)[0] == "Al Shabaab"


def test_a_group_saying_its_fighters_attacked_claims_the_attack(tools):
    sentence = "Militants ambushed an army patrol near Djibo on Thursday, killing four soldiers."
    article = sentence + " JNIM said in a message on its channels that its fighters had attacked the patrol."
    assert _names(tools, sentence, "ambushed", article)[0].startswith("JNIM")


def test_an_armed_group_a_named_group_claims_is_that_group(tools):
    sentence = "An armed group that crossed the border fought troops outside the town on Monday."
    article = sentence + " The Free Kuban Legion claimed responsibility for the raid on Telegram."
    assert _names(tools, sentence, "fought", article)[0] == "Free Kuban Legion"


def test_a_police_unit_naming_a_victim_claims_nothing(tools):
    article = ("A gunman shot a man outside a bar on Main Street on Saturday night. The Homicide Unit "
               "identified the victim as John Doe, 34, and blamed the shooting on a dispute.")
    assert CLAIMANT not in named_groups(article, tools[1])
