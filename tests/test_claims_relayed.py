"""Attribution rules for relayed words and denials, on sentences written for these tests: an outlet citing an
official or a group passes that source's word on."""

from __future__ import annotations

import pytest

from wirewatch.extract.claims import SpeakerState, attribute
from wirewatch.extract.lexicons import load_lexicons
from wirewatch.extract.sentences import split_sentences
from wirewatch.models import SourceKind

GROUPS = {"justice front"}


def kinds(text: str) -> list[SourceKind]:
    """The attribution of each sentence of a passage, read in order as extract() reads them."""
    state, lex = SpeakerState(), load_lexicons()
    return [attribute(s.text, s.paragraph, state, lex, GROUPS).kind for s in split_sentences(text)]


@pytest.mark.parametrize("text, kind", [
    # A state agency relaying a ministry's statement: the ministry vouches.
    ("A drone strike destroyed a weapons depot near Tal Afar on Friday, the state news agency reported, "
     "citing a statement from the interior ministry.", SourceKind.OFFICIAL_STATEMENT),
    ("Troops killed six militants in a raid on a hideout outside Baiji, a local radio station said, quoting "
     "the provincial police chief.", SourceKind.OFFICIAL_STATEMENT),
    # A monitor relaying a group's own word on its deed: the group claims it.
    ("The Justice Front's fighters ambushed a patrol near Kidal on Monday, a monitoring service said, citing "
     "the Justice Front's channel.", SourceKind.PERPETRATOR_CLAIM),
    # Citing witnesses or its own sources, an outlet speaks itself.
    ("Gunmen burned a market in Tillaberi on Sunday, a local newspaper reported, citing witnesses.",
     SourceKind.MEDIA_REPORT),
    # An official citing anyone is still the official.
    ("The army said, citing intelligence reports, that its jets struck a rebel camp on Tuesday.",
     SourceKind.OFFICIAL_STATEMENT),
])
def test_a_relayed_source_speaks_only_where_it_vouches(text, kind):
    assert kinds(text)[0] is kind


@pytest.mark.parametrize("text, kind", [
    # Hospital staff tell what was brought in, as medics do.
    ("A car bomb killed nine people at a market in Hodan on Tuesday, a hospital official said.",
     SourceKind.WITNESS),
    # A speaker and a colon before a quote, with no verb of saying.
    ("Army spokesman Colonel Ali Haidar: \"Our troops repelled the attack on the base and killed ten attackers.\"",
     SourceKind.OFFICIAL_STATEMENT),
    # A group's own news agency or radio is the group speaking.
    ("Fighters stormed an army post near Tal Afar on Monday night, the group's news agency said.",
     SourceKind.PERPETRATOR_CLAIM),
    ("Militants blew up a power pylon outside Baiji on Sunday, according to a statement carried by Amaq.",
     SourceKind.PERPETRATOR_CLAIM),
    # A ministry speaking on its own website is still the ministry.
    ("Troops killed four militants near Baiji on Sunday, the defence ministry said on its website.",
     SourceKind.OFFICIAL_STATEMENT),
])
def test_who_speaks_without_an_office_a_verb_or_a_name(text, kind):
    assert kinds(text)[0] is kind


def test_a_murder_inquiry_is_no_hedge_but_an_inquiry_into_allegations_is():
    text = ("Gunmen shot dead four men at a bar in Soweto on Friday night, police said, adding that a murder "
            "investigation had been opened.")
    assert kinds(text)[0] is SourceKind.OFFICIAL_STATEMENT
    text = ("The army said an investigation had been opened into allegations that soldiers shot dead four men "
            "near Bamenda on Friday.")
    assert kinds(text)[0] is SourceKind.OUTLET
