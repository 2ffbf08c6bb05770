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


def _report(aid: str, text: str, words: str, injured: int | None, dead: int | None = None,
            mid: str = "0") -> tuple[Article, Mention]:
    """An article and its mention, the injured read from `words` in its text."""
    start = text.index(words)
    span = Span(aid, start, start + len(words))
    article = Article(aid, f"https://example.com/{aid}", f"outlet-{aid}", None, date(2023, 6, 6), "en", text)
    passage = Span(aid, 0, len(text))
    mention = Mention(f"{aid}:{mid}", aid, passage, "Violence against civilians", "Attack", TextField("shot", passage),
                      Attribution(SourceKind.OUTLET), place=TOWN, date=DAY,
                      fatalities=Fatalities(dead, dead, dead) if dead is not None else None,
                      injured=Fatalities(injured, injured, injured, span) if injured is not None else None)
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


SHOT_FRIDAY = "A 17-year-old was shot on Elm Street on Friday and taken to Mercy Hospital. He died on Sunday."


def test_a_passage_that_did_not_know_of_a_death_its_article_tells_counts_the_dead_among_its_wounded():
    article, wounded = _report("a0", SHOT_FRIDAY, "was shot", 1)
    _, died = _report("a0", SHOT_FRIDAY, "was shot", None, dead=1, mid="1")
    event = build_event("ev-1", [wounded, died], {"a0": article}, {})
    assert (event.fatalities.best, event.injured.best) == (1, 0)


def test_one_victim_told_alone_in_a_first_report_is_the_one_a_later_report_tells_dead():
    first, wounded = _report("a0", "A 17-year-old was shot on Elm Street and is in critical condition.",
                             "is in critical condition", 1)
    later, died = _report("a1", "The 17-year-old shot on Elm Street on Friday has died, police said.", "shot", 0,
                          dead=1)
    event = build_event("ev-1", [wounded, died], {a.id: a for a in (first, later)}, {})
    assert (event.fatalities.best, event.injured.best) == (1, 0)
    # a count of the wounded stays: "two others were wounded" are not the dead
    first, wounded = _report("a0", "Police said two others were wounded on Elm Street.", "two others were wounded", 2)
    event = build_event("ev-1", [wounded, died], {a.id: a for a in (first, later)}, {})
    assert event.injured.best == 2


KILLED_ONLY = ("A man was shot and killed on Elm Street late Friday, police said.", "was shot", 0)
AND_A_WOMAN = ("A man was killed and a woman was wounded in a shooting on Elm Street on Friday.",
               "a woman was wounded", 1)
NOBODY_HURT = ("A man died at the scene on Elm Street on Friday, and no one was injured, police said.",
               "no one was injured", 0)


def _injured_with_a_death(*reports: tuple[str, str, int]) -> int:
    built = [_report(f"a{k}", text, words, n, dead=1) for k, (text, words, n) in enumerate(reports)]
    event = build_event("ev-1", [m for _, m in built], {a.id: a for a, _ in built}, {})
    return event.injured.best


@pytest.mark.parametrize("reports, injured", [
    ([KILLED_ONLY, AND_A_WOMAN], 1),      # the first report's none is only its one victim shot less the dead
    ([AND_A_WOMAN, KILLED_ONLY], 1),
    ([NOBODY_HURT, AND_A_WOMAN], 0),      # a report that states none still stands: the conservative count
])
def test_a_none_a_report_only_works_out_gives_way_to_a_count_of_wounded(reports, injured):
    assert _injured_with_a_death(*reports) == injured
