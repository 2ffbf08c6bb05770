"""Fusion of the injured across reports: among counts that as many reports give, the one told most plainly
wins (a count of the wounded, then the victims shot less the dead, then one victim told alone). Sentences
written for these tests in the style of local crime news."""

from __future__ import annotations

from datetime import date

import pytest

from wirewatch.fuse.incidents import build_event, merge_fatalities
from wirewatch.models import (Article, Attribution, DatePrecision, Fatalities, GeoPrecision, Mention, Place,
                              ResolvedDate, SourceKind, Span, TextField)

DAY = ResolvedDate(date(2023, 6, 5), date(2023, 6, 5), DatePrecision.DAY)
TOWN = Place("Dayton", GeoPrecision.EXACT, "United States", "USA", "Ohio", None, 39.76, -84.19, 4509884)


def _report(aid: str, text: str, words: str, injured: int) -> tuple[Article, Mention]:
    """An article and its mention, the injured read from `words` in its text."""
    start = text.index(words)
    span = Span(aid, start, start + len(words))
    article = Article(aid, f"https://example.com/{aid}", f"outlet-{aid}", None, date(2023, 6, 6), "en", text)
    passage = Span(aid, 0, len(text))
    mention = Mention(f"{aid}:0", aid, passage, "Violence against civilians", "Attack", TextField("shot", passage),
                      Attribution(SourceKind.OUTLET), place=TOWN, date=DAY,
                      injured=Fatalities(injured, injured, injured, span))
    return article, mention


def _injured(*reports: tuple[str, str, int]) -> int:
    built = [_report(f"a{k}", text, words, n) for k, (text, words, n) in enumerate(reports)]
    event = build_event("ev-1", [m for _, m in built], {a.id: a for a, _ in built}, {})
    return event.injured.best


ONE_ALONE = ("A man was shot on Elm Street and is in serious condition, police said.", "is in serious condition", 1)
THREE_WOUNDED = ("Police said three people were wounded in the shooting on Elm Street.", "three people were wounded", 3)
FOUR_SHOT = ("Four people were shot outside a bar on Elm Street; two of them died.", "Four people were shot", 2)
OTHERS_HURT = ("Two men died and three others were hurt in the shooting on Elm Street.", "three others were hurt", 3)


@pytest.mark.parametrize("reports, injured", [
    ([ONE_ALONE, THREE_WOUNDED], 3),              # a report that follows one victim is no rival to a count
    ([THREE_WOUNDED, ONE_ALONE], 3),
    ([FOUR_SHOT, OTHERS_HURT], 3),                # a count of the wounded before the shot less the dead
    ([ONE_ALONE, FOUR_SHOT], 2),                  # the shot less the dead before one victim told alone
    ([ONE_ALONE, ONE_ALONE, THREE_WOUNDED], 1),   # still, two reports that agree outvote one
])
def test_the_injured_told_most_plainly_among_equals(reports, injured):
    assert _injured(*reports) == injured


def test_merge_fatalities_ranks_ties_by_how_plainly_told():
    plain, vague = Fatalities(4, 4, 4, Span("a1", 0, 1)), Fatalities(1, 1, 1, Span("a2", 0, 1))
    told = {plain.span: 1, vague.span: 0}
    merged = merge_fatalities([vague, plain], among_equals=min, told=lambda t: told[t.span])
    assert (merged.low, merged.best, merged.high, merged.span) == (1, 4, 4, plain.span)
    assert merge_fatalities([vague, plain], among_equals=min).best == 1      # without: the conservative count
