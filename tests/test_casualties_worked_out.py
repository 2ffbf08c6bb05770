"""Resolve's injured where a passage only works out none (its one victim shot is the one who died): the count
of wounded the article states elsewhere stands, while a none the passage states stays. Articles written for
these tests in the style of local crime news."""

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


_FILLER = " Officers canvassed the block. Detectives asked for video. The bar stayed shut."


def test_a_passage_that_only_works_out_none_defers_to_the_wounded_the_article_states():
    passage = "A man was shot outside a Dayton bar early Sunday and died at the scene."
    text = passage + _FILLER + " A woman who was with him was also wounded and is in stable condition."
    (only,) = resolve_mentions(_article(text), [_mention(text, passage)])
    assert (only.fatalities.best, only.injured.best) == (1, 1)


def test_a_none_the_passage_states_stays():
    passage = "A man was shot outside a Dayton bar early Sunday and died at the scene; no one was injured."
    text = passage + _FILLER + " A woman was wounded in the leg."
    (only,) = resolve_mentions(_article(text), [_mention(text, passage)])
    assert only.injured.best == 0
