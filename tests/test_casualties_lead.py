"""Resolve's casualty counts across an article: a passage that singles out one wounded victim defers to the
larger count the article's lead gives; the victim told as wounded in a report of one death is that death.
Articles written for these tests in the style of local crime news."""

from __future__ import annotations

from datetime import date

from wirewatch.models import Article, Attribution, Mention, SourceKind, Span, TextField
from wirewatch.resolve import resolve_mentions


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
