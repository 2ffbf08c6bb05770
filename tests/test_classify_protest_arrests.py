"""ACLED's line between an arrest and a protest with intervention, and the crowd's violence: people arrested at a
protest that is going on make a protest with intervention; activists or organisers picked up elsewhere, or people
arrested over, after or for a protest that is over, make an arrest. A crowd that rampages, topples a statue or
fires slingshots is violent, and a violent crowd's protest is no protest merely broken up, whatever the police did.
Sentences written for these tests in the style of wire reports."""

from __future__ import annotations

import numpy as np
import pytest

from wirewatch.extract.classify import combine, find_triggers
from wirewatch.extract.lexicons import load_lexicons

ARRESTS, INTERVENTION = "Arrests", "Protest with intervention"
VIOLENT = "Violent demonstration"


def types(text: str) -> list[str]:
    return [h.sub_event_type for h in find_triggers(text, load_lexicons())]


@pytest.mark.parametrize("text", [
    "Police arrested two protest leaders in a dawn raid on Wednesday, their party said.",
    "Police arrested three activists who organised last week's march against fuel prices, their lawyer said.",
    "Police arrested 14 people on Tuesday over Sunday's protests against the new tax, a spokeswoman said.",
    "Police arrested the opposition leader on Sunday, a day after he led a protest in the capital.",
    "Authorities detained five students for taking part in a protest against the university administration.",
])
def test_an_arrest_away_from_a_protest_is_an_arrest(text):
    found = types(text)
    assert ARRESTS in found and INTERVENTION not in found


@pytest.mark.parametrize("text", [
    "Police arrested 25 protesters as they marched towards parliament on Monday.",
    "Police arrested 30 people as traders marched on the town hall.",
    "Police detained several people during the protest outside the ministry on Tuesday.",
])
def test_an_arrest_at_a_protest_is_an_intervention(text):
    assert types(text)[0] == INTERVENTION


@pytest.mark.parametrize("text", [
    "Hundreds of youths protesting police killings rampaged through the market, destroying stalls.",
    "Demonstrators toppled a statue of the colonial governor in the main square on Friday.",
    "Protesters fired slingshots at the police outside the governor's office.",
])
def test_a_crowd_that_rampages_or_topples_statues_is_violent(text):
    assert types(text) == [VIOLENT]


def test_a_violent_crowd_is_no_protest_merely_broken_up():
    text = "Protesters used slingshots against the police, who responded with tear gas."
    hits = find_triggers(text, load_lexicons())
    labels = (VIOLENT, INTERVENTION, "NONE")
    reading = np.array([0.3, 0.6, 0.1])   # a reading of the whole that prefers the police's answer
    assert [h.sub_event_type for h in combine(hits, reading, labels, 0.3)] == [VIOLENT]
