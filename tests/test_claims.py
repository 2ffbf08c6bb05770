"""Attribution on short wire-copy passages written for these tests: who vouches for an event, and how."""

from __future__ import annotations

from datetime import date

import pytest

from wirewatch.clean import article_id
from wirewatch.extract import extract
from wirewatch.extract.claims import SpeakerState, attribute
from wirewatch.extract.lexicons import load_lexicons
from wirewatch.extract.sentences import split_sentences
from wirewatch.fuse.incidents import claim_status
from wirewatch.models import Article, ClaimStatus, SourceKind

GROUPS = {"free ingria legion", "justice front", "jnim", "viv ansanm"}


def kinds(text: str, groups: set[str] = GROUPS) -> list[SourceKind]:
    """The attribution of each sentence of a passage, read in order as extract() reads them."""
    state, lex = SpeakerState(), load_lexicons()
    return [attribute(s.text, s.paragraph, state, lex, groups).kind for s in split_sentences(text)]


@pytest.mark.parametrize("text, kind", [
    # A group speaking through a video or a Telegram post still claims; the post is no rumour.
    ("In a video posted on Telegram, the Free Ingria Legion said its fighters set fire to a rail relay box "
     "near Bryansk on Tuesday.", SourceKind.PERPETRATOR_CLAIM),
    ("Gang leader Jimmy Cherizier said in a video posted on social media that his men attacked the police "
     "station in Mirebalais on Monday.", SourceKind.PERPETRATOR_CLAIM),
    ("Videos posted on social media on Tuesday showed smoke rising over the airfield in Millerovo.",
     SourceKind.RUMOUR),
    # A witness who saw the militants is a witness.
    ("\"They came at dawn and burned every hut,\" said Halima Musa, a farmer who saw the militants arrive in "
     "Kajuru on Sunday.", SourceKind.WITNESS),
    # A victim's "us" is no perpetrator's voice; a street vendor is a witness.
    ("\"They shot at us without warning,\" said Joao Mussa, a street vendor who was at the march.",
     SourceKind.WITNESS),
    # A group's full name with its acronym in brackets still names the group.
    ("Jama'at Nusrat al-Islam wal-Muslimin (JNIM) said in a statement that 15 soldiers were killed near "
     "Djibo on Saturday.", SourceKind.PERPETRATOR_CLAIM),
    # Monitors and rights groups report; their "group" makes no claim.
    ("The Centre for Democracy and Human Rights, a local monitoring group, said two people died in Nampula "
     "on Thursday.", SourceKind.MEDIA_REPORT),
    ("Police fired live rounds at protesters in Nampula on Thursday, killing two, witnesses and a rights "
     "group said.", SourceKind.MEDIA_REPORT),
    # A group telling of another side's deed reports it; telling of its own, it claims.
    ("A military air strike hit a market in the Sagaing region on Monday, a local resistance group said.",
     SourceKind.MEDIA_REPORT),
    ("The Pakistani Taliban said in a message to journalists that its fighters had carried out the bombing "
     "in Bannu on Thursday.", SourceKind.PERPETRATOR_CLAIM),
    # An electoral commission is a state body.
    ("The electoral commission said the attackers poured petrol on its office in Orlu on Tuesday.",
     SourceKind.OFFICIAL_STATEMENT),
])
def test_who_vouches(text, kind):
    assert kinds(text)[-1] is kind


@pytest.mark.parametrize("text", [
    "A police spokesman said he could not confirm the attack in Bannu on Monday.",
    "A state governor said on Monday he had received reports of an attack on a school in Kuriga.",
    "The army said it was investigating the allegations that soldiers killed 11 civilians in Moura.",
    "A spokesman for the mayor said he had no information about any explosion in Millerovo.",
    "Police in Cap-Haitien said they had opened an investigation into the kidnapping of two nurses on Saturday.",
])
def test_an_official_who_cannot_confirm_vouches_for_nothing(text):
    assert kinds(text)[-1] is SourceKind.OUTLET


def test_an_official_who_confirms_still_confirms():
    text = "Soldiers shot dead 11 civilians in Moura on Sunday, a local official said."
    assert kinds(text)[-1] is SourceKind.OFFICIAL_STATEMENT


def test_a_statement_that_denies_the_heart_of_a_report_is_a_denial():
    text = ("A police spokesman in Nampula said officers had used tear gas to disperse the crowd on Thursday but "
            "denied that they had fired live ammunition.")
    assert kinds(text)[-1] is SourceKind.OFFICIAL_DENIAL


def test_a_person_introduced_with_a_role_keeps_it_by_surname():
    text = ("Abu Karim, a spokesman for the Justice Front, spoke to the Levant Post by phone. "
            "Karim said the group fired rockets at the base near Ramadi on Wednesday.")
    assert kinds(text)[-1] is SourceKind.PERPETRATOR_CLAIM


def test_a_groups_account_goes_on_in_its_paragraph_but_a_claim_of_responsibility_does_not():
    account = ("The Free Ingria Legion said on Monday its fighters had crossed into the Bryansk region. "
               "They set fire to a rail relay cabinet near Klintsy on Sunday.")
    assert kinds(account) == [SourceKind.PERPETRATOR_CLAIM, SourceKind.PERPETRATOR_CLAIM]
    claim = ("The Free Ingria Legion claimed responsibility for the blast in Bryansk on Monday. "
             "Gunmen killed two guards at a depot near Klintsy on Sunday.")
    assert kinds(claim)[-1] is SourceKind.OUTLET


@pytest.mark.parametrize("found, status", [
    ([SourceKind.PERPETRATOR_CLAIM, SourceKind.OFFICIAL_STATEMENT], ClaimStatus.CONFIRMED),
    ([SourceKind.WITNESS, SourceKind.OUTLET], ClaimStatus.REPORTED),
    ([SourceKind.WITNESS, SourceKind.OFFICIAL_DENIAL], ClaimStatus.DISPUTED),
    ([SourceKind.OFFICIAL_DENIAL], ClaimStatus.DENIED),
    ([SourceKind.RUMOUR], ClaimStatus.UNVERIFIED),
    ([SourceKind.PERPETRATOR_CLAIM, SourceKind.OUTLET], ClaimStatus.CLAIMED),
])
def test_claim_status_of_sources(found, status):
    assert claim_status(found) is status


_ARMY_QUOTE = ('"Gunmen stormed the village of Kandadji near Tera on Sunday, killing three civilians. We have sent '
               'reinforcements," the army said in a statement on Monday.\n\nResidents said shops stayed closed in Tera '
               'on Tuesday after the raid.')


def test_a_quote_over_two_sentences_is_the_speaker_named_where_it_closes(monkeypatch):
    from datetime import date

    import wirewatch.extract as extract_module
    from wirewatch.models import RawDocument
    from wirewatch.pipeline import prepare
    from wirewatch.settings import Settings

    def read() -> list:
        raw = RawDocument(source="quote.txt", content=_ARMY_QUOTE, format="text", published=date(2024, 5, 7))
        return prepare(raw, date(2024, 5, 7), Settings()).analysis.mentions

    mentions = read()
    assert [m.attribution.kind.value for m in mentions] == ["official_statement"]
    span = mentions[0].attribution.span
    assert _ARMY_QUOTE[span.start:span.end] == "the army"          # the words are where they stand, in the close
    monkeypatch.setattr(extract_module, "_quote_closers", lambda sentences: {})
    assert [m.attribution.kind.value for m in read()] == ["outlet"]


@pytest.mark.parametrize("text, kind", [
    # A named party telling of a deed done to its own people states what happened; it claims nothing.
    ("The Justice Front said two of its fighters were killed when a Turkish drone struck their car near "
     "Qamishli on Sunday.", SourceKind.OFFICIAL_STATEMENT),
    # Unnamed, the speaker of such a loss only reports it.
    ("The Syrian Democratic Forces said two of its fighters were killed when a Turkish drone struck their car "
     "near Qamishli on Sunday.", SourceKind.MEDIA_REPORT),
    ("The Justice Front said a government air strike hit its base near Ramadi on Wednesday.",
     SourceKind.OFFICIAL_STATEMENT),
    ("The Justice Front said its fighters repelled an attack on their base near Ramadi on Wednesday.",
     SourceKind.PERPETRATOR_CLAIM),
    # Taking ground is a group's own deed, told of as "they had taken control".
    ("The rebels said on Monday they had taken control of Nyabiondo after two days of fighting.",
     SourceKind.PERPETRATOR_CLAIM),
    # State office-holders beyond the speaker lexicon.
    ("A local administrator said gunmen killed seven farmers near Bama on Friday.", SourceKind.OFFICIAL_STATEMENT),
    ("The regional ombudsman's office said seven fighters were killed in Tame on Sunday.",
     SourceKind.OFFICIAL_STATEMENT),
    ("A lawmaker representing the area said gunmen abducted 30 villagers in Kajuru on Sunday.",
     SourceKind.OFFICIAL_STATEMENT),
    ("Seven farmers were killed near Bama on Friday, according to a local administrator appointed by the "
     "Borno state government.", SourceKind.OFFICIAL_STATEMENT),
    # The UN and aid groups report, whatever their spokesperson is called.
    ("A UN spokesperson said an air strike killed 11 civilians in Idlib on Monday.", SourceKind.MEDIA_REPORT),
    ("A Red Cross official said 14 bodies had been recovered near Djugu on Monday.", SourceKind.MEDIA_REPORT),
    # The speaker named after the verb, with no quote before it.
    ("Armed men killed four people in Ituri on Sunday, said Jean Bosco, the administrator of Djugu territory.",
     SourceKind.OFFICIAL_STATEMENT),
    # …but not the words after "said" in a sentence whose speaker stands before it.
    ("The rights group, which monitors the region, said in a statement that police shot two protesters.",
     SourceKind.MEDIA_REPORT),
    # Of two speakers of one verb, the one who vouches most.
    ("A Justice Front spokesman and residents said fighting broke out near Ramadi on Friday.",
     SourceKind.PERPETRATOR_CLAIM),
    ("Residents and a local official said gunmen killed five people in Macomia on Wednesday.",
     SourceKind.OFFICIAL_STATEMENT),
    # "Claimed to have" is a claim; blame and accusation are statements of their speaker's kind.
    ("The rebels claimed to have killed 20 soldiers in an attack near Beni on Friday.", SourceKind.PERPETRATOR_CLAIM),
    ("Police blamed the Justice Front for the bombing in Garissa on Tuesday.", SourceKind.OFFICIAL_STATEMENT),
    ("Residents accused soldiers of burning homes in Moura on Sunday.", SourceKind.WITNESS),
    # A group's own fighters attacking is its deed, not a loss it suffered.
    ("The group, in a statement on Telegram, said its fighters attacked an army post near Diffa on Sunday.",
     SourceKind.PERPETRATOR_CLAIM),
    # Sources at a hospital tell what they saw, as medics do.
    ("Medical sources said 11 people were killed in the strike on a house in Rafah on Monday.", SourceKind.WITNESS),
    # An official who calls the event false or unrecorded denies it.
    ("Police said they had no record of any shooting at the protest in Nairobi on Tuesday.",
     SourceKind.OFFICIAL_DENIAL),
    ("The army said the claims that its soldiers killed civilians in Moura were false.", SourceKind.OFFICIAL_DENIAL),
    # A state emergency service, a council, investigators: state bodies.
    ("The State Emergency Service said firefighters put out a blaze at a warehouse in Odesa after a drone "
     "attack on Tuesday.", SourceKind.OFFICIAL_STATEMENT),
    ("The town council said gunmen burned the market in Kidal on Sunday.", SourceKind.OFFICIAL_STATEMENT),
    ("Investigators said the bomb was hidden in a car parked outside the station in Quetta on Monday.",
     SourceKind.OFFICIAL_STATEMENT),
    # A region's or village's head is its official, named before or after the event.
    ("A drone hit a house in Rylsk on Monday, the region's acting head Pavel Orlov said.",
     SourceKind.OFFICIAL_STATEMENT),
    ("Gunmen burned two shops in Kafanchan on Sunday, the village head said.", SourceKind.OFFICIAL_STATEMENT),
    ("A drone hit a house in Rylsk on Monday, Pavel Orlov, the region's acting head, said on Telegram.",
     SourceKind.OFFICIAL_STATEMENT),
    # Words that call the report itself untrue, with whatever verb.
    ("The interior ministry said reports of a police massacre in Kisii on Sunday were unfounded.",
     SourceKind.OFFICIAL_DENIAL),
    ("The army branded the footage of burning homes in Moura on Sunday as propaganda.", SourceKind.OFFICIAL_DENIAL),
    # A group that says it was behind an attack, or admits it, claims it.
    ("A Baloch separatist group said it was behind the bombing of a rail track near Sibi on Monday.",
     SourceKind.PERPETRATOR_CLAIM),
    ("A separatist group admitted responsibility for the ambush near Bamenda on Friday.",
     SourceKind.PERPETRATOR_CLAIM),
])
def test_who_vouches_beyond_the_lexicon(text, kind):
    assert kinds(text)[-1] is kind


def test_a_spokesman_of_a_group_met_before_speaks_for_the_group():
    text = ("The rebels said on Monday they had taken control of Nyabiondo. "
            "\"Our forces have liberated the town,\" rebel spokesman Lawrence Kanyuka wrote on Telegram. "
            "M23 spokesman Kanyuka said the population was safe after the capture of Nyabiondo.")
    assert kinds(text) == [SourceKind.PERPETRATOR_CLAIM] * 3


def _extracted(text: str) -> list:
    """The mentions extract finds in a wire report of 12 March 2024."""
    article = Article(id=article_id(text), url="https://test.example/c", outlet="Test Wire", title=None,
                      published=date(2024, 3, 12), language="en", text=text, source="test")
    return extract(article)[0]


def _denied_places(text: str) -> list[str]:
    """Where the incidents an official denial speaks of took place, in the order told."""
    found = _extracted(text)
    return [m.place_text.text for m in found if m.attribution.kind is SourceKind.OFFICIAL_DENIAL]


def test_a_denial_speaks_of_every_incident_told_in_its_paragraph():
    text = ("Ukraine's military said its drones hit an ammunition depot near Valuyki on Tuesday. Its artillery "
            "also shelled a radar station outside Shebekino on Wednesday, the military said. The Russian "
            "defence ministry denied any strike in the region.")
    assert _denied_places(text) == ["Valuyki", "Shebekino"]


def test_a_denial_speaks_of_the_incident_it_names_not_the_one_told_last():
    text = ("BENI, Congo, March 3 — ADF rebels said on Monday they had seized the town of Mangina in North Kivu "
            "province after a day of fighting with the army.\n\n"
            "In a separate attack on Sunday, gunmen killed four farmers near Oicha, residents said.\n\n"
            "An army spokesman denied that the town had fallen, saying troops still held it.")
    assert _denied_places(text) == ["Mangina"]


@pytest.mark.parametrize("text", [
    # The people an incident was done to, named again, are that incident.
    "Police detained nine students in Rajshahi on Monday. A police spokesman said the men were suspected of "
    "planning an attack on a polling station.",
    # So is what it left behind.
    "A drone struck an apartment block in Zaporizhzhia overnight, killing two people. Rescuers searched the "
    "rubble for survivors, the regional governor said.",
    "Fighting broke out between the army and a militia in Kadugli on Wednesday, residents said. The army said "
    "in a statement that its forces had inflicted heavy losses on the militia.",
    # The scene, the siege, the bandits: the incident's place, course and doers named again.
    "A glide bomb struck a clinic in Kupiansk on Monday, killing two nurses.\n\n\"Crews are still clearing the "
    "site,\" Governor Oleh Petrenko wrote on Telegram.",
    "Gunmen stormed a guesthouse in Kismayo on Friday, killing five people. A police officer told reporters "
    "that troops ended the siege before dawn.",
    "Bandits killed eight farmers in Birnin Gwari in Kaduna state on Friday. A police spokesman said officers were hunting the bandits.",
    # An official who condemns an attack, or whose side says it struck, speaks of it.
    "Bandits killed eight farmers in Birnin Gwari in Kaduna state on Friday. The state government condemned the killings.",
    "A drone strike killed two men in a car near Nabatieh on Friday. The Israeli military said it had struck "
    "a weapons smuggler.",
    # The weapon named again is the incident it was used in.
    "A bomb exploded near a police checkpoint in Quetta on Friday, killing three officers. The provincial "
    "home minister told reporters that the bomb had been hidden in a handcart.",
    # "In what the mayor called…": the mayor speaks of the incident.
    "A missile hit a school in Sumy on Monday, killing a guard, in what the mayor called a deliberate attack.",
])
def test_an_official_speaking_of_what_an_incident_did_confirms_it(text):
    found = _extracted(text)
    assert claim_status(m.attribution.kind for m in found) is ClaimStatus.CONFIRMED


def test_a_denial_that_names_the_place_again_denies_the_incident_told():
    text = ("Soldiers killed 11 civilians in the village of Moura on Sunday, residents said.\n\n"
            "The army denied that its troops had killed civilians in Moura.")
    found = _extracted(text)
    assert [m.id.split(":", 1)[1] for m in found] == ["0:0:0", f"0:0:0:echo:{text.index('The army')}"]
    assert claim_status(m.attribution.kind for m in found) is ClaimStatus.DISPUTED


def test_a_denial_of_another_kind_of_incident_is_its_own():
    text = ("Hundreds of people marched peacefully through Eldoret on Wednesday, witnesses said.\n\n"
            "Police denied on Thursday that officers had shot dead a student during the march in Eldoret.")
    found = _extracted(text)
    assert [m.attribution.kind for m in found if ":echo:" not in m.id] == [SourceKind.WITNESS,
                                                                           SourceKind.OFFICIAL_DENIAL]


def test_the_verb_prefilter_passes_every_sentence_the_speaker_patterns_read():
    """speakers() skips three costly patterns where _ANY_VERB finds no verb of saying: each of them must then
    find nothing either, on every line of the dev and demo articles."""
    from pathlib import Path

    from wirewatch.extract import speaker_phrases

    folders = [Path(__file__).parent / "fixtures" / "dev" / "articles",
               Path(__file__).parent.parent / "src" / "wirewatch" / "data" / "demo" / "articles"]
    lines = [line for folder in folders for path in sorted(folder.glob("*.txt"))
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    read = 0
    for line in lines:
        found = [speaker_phrases._SUBJECT_VERB.search(line), speaker_phrases._MID_APPOSITIVE.search(line),
                 speaker_phrases._APPOSITIVE.match(line)]
        if any(found):
            read += 1
            assert speaker_phrases._ANY_VERB.search(line), line
    assert read > 100
