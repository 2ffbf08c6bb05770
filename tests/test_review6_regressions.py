"""Sentences that the rules of eb46d79..41b0de5 read too widely (review6), written for these tests."""

from __future__ import annotations

import pytest

from wirewatch.extract.classify import find_triggers
from wirewatch.extract.genre import is_background
from wirewatch.extract.lexicons import load_lexicons
from wirewatch.resolve import _earlier


def types(text: str) -> list[str]:
    return [h.sub_event_type for h in find_triggers(text, load_lexicons())]


@pytest.mark.parametrize("text", [
    "The gunman fled on foot and his whereabouts remain unknown, police said.",
    "Police set up a command post near the home during the standoff.",
    "The company built a new headquarters in Lagos last year.",
    "North Korea launched a ballistic missile into the sea off its east coast on Thursday.",
    "SpaceX launched a Falcon 9 rocket on Tuesday from Cape Canaveral.",
    "Royal Dutch Shell struck a deal with Nigerian authorities on Monday.",
    "The Houston Rockets hit 20 three-pointers on Monday night.",
    "The planes that hit the twin towers were hijacked.",
])
def test_no_incident_type(text):
    assert types(text) == []


def test_a_controlled_detonation_leaves_the_bombing_told():
    text = ("A roadside bomb killed three soldiers near Gao on Monday, and army engineers later carried out a "
            "controlled detonation of a second device.")
    assert types(text) == ["Remote explosive/landmine/IED"]


def test_a_side_clause_since_a_month_is_no_background():
    text = ("Gunmen have killed 12 villagers in an attack in Zamfara state, the latest in a wave of raids that have "
            "displaced thousands since January.")
    assert not is_background(text, [], None)
    assert not is_background("Police have arrested a man who had been wanted since March in a fatal shooting.", [], None)
    assert is_background("Islamist militants have killed more than 250 people since May 2023 in Borno state.", [], None)


@pytest.mark.parametrize("text", [
    "The gunman who wounded four people at the same bar last month has not been caught.",
    "It was the second shooting at the bar, which was the site of a shooting two weeks ago that left four wounded.",
])
def test_a_side_clause_telling_the_earlier_toll_is_earlier(text):
    assert _earlier(text)


def test_a_business_before_a_state_is_no_town(gazetteer):
    from wirewatch.models import Span, TextField
    from wirewatch.resolve.unlisted import unlisted_town
    for text, words in (("Two people were shot outside Tony's Tavern, Ohio, on Friday night, deputies said.", "Tony's Tavern"),
                        ("A man was shot dead at Lincoln Elementary, Ohio, on Friday, police said.", "Lincoln Elementary"),
                        ("A man was shot dead at Walmart, Texas officials said on Friday.", "Walmart")):
        start = text.index(words)
        field = TextField(words, Span("t", start, start + len(words)))
        assert unlisted_town(field, text, None, gazetteer.country_focus(text), gazetteer) is None, text


@pytest.mark.parametrize("sentence", [
    "The business was dead after the shooting, the owner of the diner said.",
    "Los Angeles and San Diego have been hurt by the wave of shootings, the mayor said.",
])
def test_figures_of_speech_and_city_pairs_count_no_victims(sentence):
    from wirewatch.extract.fatalities import find_fatalities, find_injuries
    assert find_fatalities(sentence) is None
    assert find_injuries(sentence) is None
