"""Resolve's casualty counts across an article: a passage that singles out one wounded victim defers to the
larger count the article's lead gives; the victim told as wounded in a report of one death is that death; a
sentence set weeks before its article gives no injured to this incident, but a time word in a side clause about
a victim or a place ("who moved here last year") sets no incident in the past. Articles written for these tests
in the style of local crime news."""

from __future__ import annotations

from datetime import date

import pytest

from wirewatch.models import Article, Attribution, Mention, SourceKind, Span, TextField
from wirewatch.resolve import _earlier, resolve_mentions


def _article(text: str) -> Article:
    return Article("a1", None, "Lakeside Courier", None, date(2024, 4, 15), "en", text)


def _mention(text: str, sentence: str) -> Mention:
    start = text.index(sentence)
    trigger = text.index("shot", start)
    return Mention(f"a1:{start}", "a1", Span("a1", start, start + len(sentence)), "Violence against civilians",
                   "Attack", TextField("shot", Span("a1", trigger, trigger + 4)), Attribution(SourceKind.OUTLET))


def test_a_passage_singling_out_one_victim_defers_to_the_lead_count():
    passage = "One of the wounded, a 19-year-old man, was shot in the chest and is in critical condition."
    text = ("Three people were wounded outside a Dayton bar early Sunday. Officers canvassed the block. "
            "Detectives asked for video. The bar stayed shut. " + passage)
    (only,) = resolve_mentions(_article(text), [_mention(text, passage)])
    assert only.injured.best == 3


def test_the_one_victim_told_in_hospital_is_the_one_who_died():
    passage = "A man was shot outside a Dayton bar early Sunday."
    text = (passage + " He is in critical condition at Miami Valley Hospital. Officers canvassed the "
            "block. Detectives asked for video. The bar stayed shut. The victim, 41, died on Monday.")
    (only,) = resolve_mentions(_article(text), [_mention(text, passage)])
    assert only.fatalities.best == 1 and not (only.injured and only.injured.best)


def test_the_wounded_of_an_earlier_incident_are_not_this_ones():
    passage = "Two men were shot outside a Dayton bar early Sunday and are in stable condition."
    text = (passage + " The shooting follows one last week that left seven people wounded at a block party. "
            "Officers canvassed the block.")
    (only,) = resolve_mentions(_article(text), [_mention(text, passage)])
    assert only.injured.best == 2
    # the passage itself may be set in the past: a follow-up tells of its own incident
    passage = "Three people were shot and wounded at a Dayton bar two weeks ago."
    text = passage + " Police arrested a suspect on Monday."
    (only,) = resolve_mentions(_article(text), [_mention(text, passage)])
    assert only.injured.best == 3


@pytest.mark.parametrize("text, earlier", [
    ("The shooting follows one last week that left seven people wounded.", True),
    ("A man was wounded at the same corner the week before.", True),
    ("Four people were shot at the park three months ago.", True),
    ("Police have made no arrest in a stabbing earlier this month.", True),
    ("Rivera, who moved to Dayton last year, was wounded in the arm.", False),
    ("The tavern, which opened two years ago, was hit by several rounds.", False),
    ("A neighbor whose cousin was killed last year said two people were hurt.", False),
    ("Two people were wounded, police said.", False),
])
def test_a_time_word_of_a_side_clause_sets_no_incident_earlier(text, earlier):
    assert _earlier(text) is earlier


def test_the_wounded_told_with_a_side_clause_are_this_incidents():
    passage = "A man was shot and killed outside a Dayton bar early Sunday."
    text = passage + " Two other men were wounded, one of whom moved to the neighborhood last year. Officers canvassed."
    (only,) = resolve_mentions(_article(text), [_mention(text, passage)])
    assert only.fatalities.best == 1 and only.injured.best == 2
