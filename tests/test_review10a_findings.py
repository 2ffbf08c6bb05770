"""Review of 6d09e0c (villages, incident day words) and dd7f285/b851f8f (CASE passage typing): what they caught wrongly."""

from __future__ import annotations

from datetime import date

import pytest

from wirewatch.clean import article_id
from wirewatch.evaluate.typing import NONE, classify_snippet, passage_type
from wirewatch.extract import extract
from wirewatch.gazetteer import load_gazetteer
from wirewatch.models import Article, GeoPrecision
from wirewatch.resolve import resolve_mentions
from wirewatch.settings import ExtractSettings

# Written for these tests in the style of wire and local reports; the villages and incidents are invented.


def _mentions(text: str):
    art = Article(id=article_id(text), url=None, outlet=None, title=None, published=date(2024, 3, 12),
                  language="en", text=text, source="test")
    return resolve_mentions(art, extract(art)[0], load_gazetteer())


@pytest.mark.parametrize("text", [
    "MAIDUGURI, Nigeria — A suicide bomber killed 12 people at a camp for families displaced from the village of "
    "Kwaramdi, officials said on Tuesday.",
    "MAIDUGURI, Nigeria — Gunmen shot dead three traders at the main market on Tuesday, including two men who had "
    "fled the village of Kwaramdi last year, police said.",
    "PESHAWAR, Pakistan — A bomb exploded outside a mosque on Friday, killing five worshippers who had travelled "
    "from the village of Shinwari Kalay, police said.",
])
def test_a_village_people_came_from_is_no_place_of_the_incident(text):
    # the dateline town stays: the village is where the victims came from, not where they were hit
    found = _mentions(text)
    assert found and all(m.place.precision == GeoPrecision.EXACT for m in found)
    assert text.startswith(found[0].place.name.upper())


def test_an_unknown_village_attacked_still_leaves_the_dateline_town():
    text = ("MAIDUGURI, Nigeria — Gunmen attacked the village of Kwaramdi on Tuesday, killing nine farmers, "
            "a local official said.")
    assert [(m.place.iso, m.place.precision) for m in _mentions(text)] == [("NGA", GeoPrecision.COUNTRY)]


ANOTHER_SHOOTING = ("Officers responded to the 1200 block of Elm Street around 11 p.m. Sunday and found a man lying "
                    "in the driveway.\n\n"
                    "The man, 34, was pronounced dead at the scene with several gunshot wounds.\n\n"
                    "Police are also investigating another shooting Friday on Oak Avenue that left a teenager wounded.")


def test_the_day_of_another_shooting_does_not_date_the_reports_own():
    (mention,) = _mentions(ANOTHER_SHOOTING)
    assert mention.date.start == date(2024, 3, 10)  # Sunday, not Friday


def test_a_second_victim_of_the_same_shooting_keeps_its_day_words():
    text = ANOTHER_SHOOTING.replace("Police are also investigating another shooting Friday on Oak Avenue that left "
                                    "a teenager wounded.", "Another man was wounded in Saturday's shooting.")
    assert {m.date.start for m in _mentions(text)} == {date(2024, 3, 9)}


@pytest.mark.parametrize("text", ["", "   ", "\n\n", "123 -- 456"])
def test_a_passage_with_no_words_is_no_event(text):
    assert classify_snippet(text, ExtractSettings()) == NONE


def test_no_types_told_is_no_event():
    assert passage_type([], {}) == NONE
    assert passage_type(["Attack", "Armed clash"], {"Armed clash": frozenset({"Attack"})}) == "Armed clash"
