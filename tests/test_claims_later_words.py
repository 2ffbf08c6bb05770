"""Who vouches, on passages written for these tests: officials who speak without a verb of saying, denials
without "denied", a denial kept for the last paragraph, a warning that vouches for nothing, and a witness
whose "we" tells what she saw."""

from __future__ import annotations

from datetime import date

import pytest

from wirewatch.clean import article_id
from wirewatch.extract import extract
from wirewatch.extract.actors import named_groups
from wirewatch.extract.claims import SpeakerState, attribute, own_voice, speaking_groups
from wirewatch.extract.genre import is_background
from wirewatch.extract.lexicons import load_lexicons
from wirewatch.extract.sentences import split_sentences
from wirewatch.fuse.incidents import claim_status
from wirewatch.gazetteer import load_gazetteer
from wirewatch.models import Article, ClaimStatus, SourceKind
from wirewatch.timex import find_time_expressions


def kinds(text: str) -> list[SourceKind]:
    """The attribution of each sentence, with the groups the passage names as extract() finds them."""
    state, lex = SpeakerState(), load_lexicons()
    groups = speaking_groups(text, named_groups(text, load_gazetteer()), lex)
    return [attribute(s.text, s.paragraph, state, lex, groups).kind for s in split_sentences(text)]


def status(text: str) -> ClaimStatus:
    """The claim status of everything extract() finds in a wire report of 18 November 2025."""
    article = Article(id=article_id(text), url="https://test.example/w", outlet="Test Wire", title=None,
                      published=date(2025, 11, 18), language="en", text=text, source="test")
    return claim_status(m.attribution.kind for m in extract(article)[0])


@pytest.mark.parametrize("text, kind", [
    # The present tense speaks too.
    ("Gunmen killed five villagers near Kauru on Monday, officials say.", SourceKind.OFFICIAL_STATEMENT),
    ("Witnesses say soldiers opened fire on the crowd in Kano on Tuesday.", SourceKind.WITNESS),
    ("Officials confirm that two soldiers were killed in the ambush near Damboa.", SourceKind.OFFICIAL_STATEMENT),
    ("Residents want to have a say in the talks.", SourceKind.OUTLET),
    # A toll an office gives is its word on the incident, with no "said".
    ("Police put the death toll at six on Tuesday.", SourceKind.OFFICIAL_STATEMENT),
    ("The state government gave a toll of nine dead.", SourceKind.OFFICIAL_STATEMENT),
    ("Investigators believe the bomb was planted overnight.", SourceKind.OFFICIAL_STATEMENT),
    # Denials with other verbs, or with no verb of denial at all.
    ("The army disputed that account, saying the men were fighters who had opened fire first.",
     SourceKind.OFFICIAL_DENIAL),
    ("Regional authorities contradicted the report, saying no shelling had taken place.",
     SourceKind.OFFICIAL_DENIAL),
    ("Officials deny that any civilians were harmed.", SourceKind.OFFICIAL_DENIAL),
    ("The military government said it had nothing to do with the strike.", SourceKind.OFFICIAL_DENIAL),
    ("The county police commander said his officers were not involved.", SourceKind.OFFICIAL_DENIAL),
    # "Disputed" as an adjective denies nothing.
    ("Clashes broke out in the disputed Abyei area on Monday.", SourceKind.OUTLET),
    # An office that rarely confirms anything does not confirm this.
    ("The military government rarely confirms attacks on civilians.", SourceKind.OUTLET),
    # The spokesman of a group the actor lexicon knows speaks for the group, fighting the other side's troops.
    ("Local People's Defence Force (PDF) units fought junta troops for hours near Monywa on Friday, a PDF "
     "spokesman said.", SourceKind.PERPETRATOR_CLAIM),
    # A ministry a group runs speaks as an office.
    ("The Hamas-run health ministry said 14 people were killed in a strike on a school in Khan Younis.",
     SourceKind.OFFICIAL_STATEMENT),
    # "We heard the shots": a witness telling what she saw, not a side telling its deed.
    ("\"We heard the shots and everybody ran into the market,\" said Amina Sule, a trader who was at the "
     "station.", SourceKind.WITNESS),
    ("\"We burned their post to the ground,\" said the commander of the group.", SourceKind.PERPETRATOR_CLAIM),
    # An official still finding out what happened vouches for nothing yet.
    ("A police spokesman said he was not aware of the shooting.", SourceKind.OUTLET),
    ("Officials said they were still gathering information about the attack.", SourceKind.OUTLET),
    ("Police said an investigation was under way.", SourceKind.OUTLET),
    # A stance taken before denies no incident of this report.
    ("The government has previously denied targeting civilians.", SourceKind.OUTLET),
    # The one an outlet quotes speaks, not the outlet.
    ("Local media quoted a police official as saying five people died in the blast in Quetta.",
     SourceKind.OFFICIAL_STATEMENT),
    ("The district commissioner was quoted by local radio as saying that 12 houses had been burned.",
     SourceKind.OFFICIAL_STATEMENT),
    # A state's forces the actor lexicon knows, a task force, troops and officers speak for the state; a
    # state office with a group's head word ("Committee") is no group.
    ("The IDF said it struck a weapons depot near Nabatieh on Tuesday.", SourceKind.OFFICIAL_STATEMENT),
    ("The Joint Task Force said its men repelled an attack on Damboa on Sunday.", SourceKind.OFFICIAL_STATEMENT),
    ("Troops at the checkpoint said they came under fire on Monday.", SourceKind.OFFICIAL_STATEMENT),
    ("Officers at the scene said two men were shot dead outside the bar.", SourceKind.OFFICIAL_STATEMENT),
    ("The Investigative Committee said a criminal case had been opened into the attack.",
     SourceKind.OFFICIAL_STATEMENT),
    # After "said", a clause ("troops killed 12 militants") is no speaker; the appositive names the office.
    ("Operation Safe Haven, the military's operation in the region, said troops killed 12 militants near Bama.",
     SourceKind.OFFICIAL_STATEMENT),
    # An official who tells a reporter there is no record of the arrests denies them.
    ("Police told the Courier they had no record of the arrests.", SourceKind.OFFICIAL_DENIAL),
])
def test_who_vouches(text, kind):
    assert kinds(text)[-1] is kind


def test_a_warning_vouches_for_no_incident():
    text = ("Gunmen killed six villagers in a hamlet near Dori on Sunday, two witnesses said.\n\n"
            "The regional governor warned on Monday that the gunmen could strike again.")
    assert status(text) is ClaimStatus.REPORTED


def test_an_official_who_puts_the_toll_confirms_the_incident():
    text = ("ZARIA, Nigeria, Nov 18 — Gunmen opened fire on travellers at a bus station in Zaria on Monday "
            "evening, killing several people.\n\nPolice put the death toll at seven on Tuesday.")
    assert status(text) is ClaimStatus.CONFIRMED


def test_a_denial_kept_for_the_last_paragraph_disputes_the_incident_it_names():
    text = ("A rebel group said on Sunday that its drones had dropped bombs on a police station in Kalewa, in "
            "Myanmar's Sagaing region, on Saturday night.\n\n"
            "The group posted a video online that it said showed the strike.\n\n"
            "The town lies on the main road west from Monywa and has been held by the army since the coup.\n\n"
            "Rebel groups across the region have turned to commercial drones fitted with small bombs.\n\n"
            "Residents reached by phone said they had heard blasts late on Saturday.\n\n"
            "Mobile internet has been cut in the township for months.\n\n"
            "The junta's information team denied on Monday that any police station in Kalewa had been attacked.")
    assert status(text) is ClaimStatus.DISPUTED


def test_a_late_denial_that_names_an_earlier_incident_is_not_moved_onto_the_last_one_told():
    text = ("Soldiers shot dead three men at a checkpoint outside Kumba on Wednesday, residents said.\n\n"
            "\"They made them kneel by the road,\" said a trader who saw it.\n\n"
            "The market stayed shut on Thursday.\n\n"
            "Gunmen also burned a school in Mamfe on Tuesday, teachers said.\n\n"
            "Classes had resumed there only a month ago.\n\n"
            "The army disputed the account of the checkpoint killings, saying the men had fired first.")
    article = Article(id=article_id(text), url="https://test.example/k", outlet="Test Wire", title=None,
                      published=date(2025, 3, 14), language="en", text=text, source="test")
    denied = [m.place_text.text for m in extract(article)[0] if m.attribution.kind is SourceKind.OFFICIAL_DENIAL]
    assert denied == ["Kumba"]


def test_a_war_toll_to_date_is_background():
    assert is_background("The conflict between separatists and the army has killed thousands of people.", [], None)
    assert not is_background("The blast killed 12 people on Monday.", [], None)


def test_an_official_speaking_of_another_town_does_not_vouch_for_the_incident_told():
    text = ("Hundreds of people marched through Lagos on Monday against fuel prices, witnesses said.\n\n"
            "Police said they arrested two men in Kano who were planning to attack a market.")
    assert status(text) is ClaimStatus.REPORTED


def test_an_incident_years_ago_is_background():
    assert is_background("The bombing of the market in Potiskum two years ago killed 30 people.", [], None)


def test_a_state_that_has_lasted_since_a_month_is_background():
    text = "The city has been shaken by fighting between rival gangs since September 2024."
    assert is_background(text, find_time_expressions(text), date(2025, 11, 2))
    text = "The town has been under siege since Monday, when gunmen attacked the police station."
    assert not is_background(text, find_time_expressions(text), date(2025, 11, 2))


def test_a_minister_warning_of_marches_to_come_does_not_confirm_the_march_told():
    text = ("NAIROBI, July 10 — Thousands of protesters marched through central Nairobi on Tuesday against tax "
            "rises, witnesses said.\n\nOrganisers have called for more marches next week, and the interior "
            "minister warned that \"anyone who attacks property will be dealt with firmly\".")
    assert status(text) is ClaimStatus.REPORTED


def test_an_official_confirming_the_blast_paragraphs_later_dates_his_word_not_the_blast():
    text = ("QUETTA, Pakistan, Aug 20 — A Baloch separatist group said on Tuesday that its fighters had bombed the "
            "railway track near Sibi on Monday night.\n\n"
            "The group said the blast had damaged a freight train.\n\n"
            "Separatists have attacked railways and security posts in the province for years.\n\n"
            "The railway is the only line linking Quetta to the rest of the country.\n\n"
            "Traders in Quetta said supplies of flour had already run short.\n\n"
            "A railway official in Sibi confirmed the blast on Wednesday, saying repairs would take two days.")
    article = Article(id=article_id(text), url="https://test.example/s", outlet="Test Wire", title=None,
                      published=date(2025, 8, 20), language="en", text=text, source="test")
    found = extract(article)[0]
    assert {m.id.split(":")[1] for m in found} == {"0"}  # the blast once, told and confirmed
    assert claim_status(m.attribution.kind for m in found) is ClaimStatus.CONFIRMED


@pytest.mark.parametrize("text, outlet, kind", [
    # The outlet's own count or reporter is its own reporting, not a source it cites.
    ("Four people were killed, according to a Test Wire tally.", "Test Wire", SourceKind.OUTLET),
    ("Four people were killed, our correspondent in the town reported.", None, SourceKind.OUTLET),
    # Another outlet is a source.
    ("Four people were killed, according to a Reuters tally.", "Test Wire", SourceKind.MEDIA_REPORT),
])
def test_the_outlets_own_words_are_its_own_reporting(text, outlet, kind):
    state, lex = SpeakerState(), load_lexicons()
    assert own_voice(attribute(text, 0, state, lex, set()), outlet).kind is kind


def test_deeds_run_on_since_a_month_are_background():
    reference = date(2025, 9, 3)
    for text in ("Fighting between the two militias in the district has killed more than 180 people since March 2024.",
                 "The army has fought the separatists in the Anglophone regions since October 2017."):
        assert is_background(text, find_time_expressions(text), reference)
    text = "Gunmen killed four people on Monday in a district that has seen repeated raids since January."
    assert not is_background(text, find_time_expressions(text), reference)
