"""The GVA fusion scorer: which event an article is about, and why two articles of one incident stayed apart.
Fixture reports are our own, in the style of US local news."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from wirewatch.evaluate.fusion import _cluster_scores, _main_events, main_event, split_cause, split_causes
from wirewatch.fuse import fuse
from wirewatch.ingest.dedup import fingerprint
from wirewatch.models import (Article, Attribution, ClaimStatus, DatePrecision, Event, GeoPrecision, Mention, Place,
                              ResolvedDate, SourceKind, Span, TextField)
from wirewatch.settings import FuseSettings

# Real towns, coordinates rounded.
TOLEDO = Place("Toledo", GeoPrecision.EXACT, "United States", "USA", "Ohio", "Lucas County", 41.66, -83.56, 5174035)
OREGON_OH = Place("Oregon", GeoPrecision.EXACT, "United States", "USA", "Ohio", "Lucas County", 41.64, -83.49, 5165734)
FINDLAY = Place("Findlay", GeoPrecision.EXACT, "United States", "USA", "Ohio", "Hancock County", 41.04, -83.65, 5153420)
MONROE_MI = Place("Monroe", GeoPrecision.EXACT, "United States", "USA", "Michigan", "Monroe County", 41.92, -83.40,
                  5003132)
USA = Place("United States", GeoPrecision.COUNTRY, "United States", "USA", None, None, 39.8, -98.6, 6252001)
WINDSOR = Place("Windsor", GeoPrecision.EXACT, "Canada", "CAN", "Ontario", None, 42.30, -83.02, 6182962)

SHOOTING = ("Violence against civilians", "Attack")
ARREST = ("Strategic developments", "Arrests")
VIGIL = ("Protests", "Peaceful protest")


def _day(d: int) -> ResolvedDate:
    return ResolvedDate(date(2018, 3, d), date(2018, 3, d), DatePrecision.DAY)


def _event(eid: str, kind=SHOOTING, place: Place = TOLEDO, d: int = 10) -> Event:
    return Event(eid, kind[0], kind[1], _day(d), place, ClaimStatus.REPORTED)


# --- an article's main event ----------------------------------------------------------------------


@pytest.mark.parametrize("events, joined, expected", [
    # The arrest days later has more passages, but the article is about the shooting.
    ([_event("ev-arrest", ARREST, d=14), _event("ev-shot")], ["ev-arrest", "ev-shot", "ev-arrest"], "ev-shot"),
    # A vigil told at length, and the shooting it mourns told once.
    ([_event("ev-vigil", VIGIL, d=12), _event("ev-shot")], ["ev-vigil", "ev-vigil", "ev-shot"], "ev-shot"),
    # Two shootings: the one most passages tell.
    ([_event("ev-old", d=2), _event("ev-shot")], ["ev-old", "ev-shot", "ev-shot"], "ev-shot"),
    # Equal counts: the one told first (the lead).
    ([_event("ev-old", d=2), _event("ev-shot")], ["ev-shot", "ev-old"], "ev-shot"),
    ([_event("ev-old", d=2), _event("ev-shot")], ["ev-old", "ev-shot"], "ev-old"),
    # Only calm events: the usual count decides.
    ([_event("ev-arrest", ARREST), _event("ev-vigil", VIGIL)], ["ev-vigil", "ev-arrest", "ev-arrest"], "ev-arrest"),
])
def test_main_event_is_the_violent_one_then_the_most_told_then_the_first(events, joined, expected):
    assert main_event(events, joined).id == expected


BODY = ("TOLEDO, Ohio — Toledo police on Wednesday arrested a 19-year-old man in the shooting that wounded a "
        "clerk at a Dorr Street gas station last weekend.\n\n"
        "Officers arrested the man at a home on Hawley Street without incident, a police spokesman said.\n\n"
        "The clerk, 52, was shot in the arm during a robbery on Saturday night and is recovering.")


def _mention(mid: str, article: str, kind, d: int, passage: str) -> Mention:
    start = BODY.index(passage)
    span = Span(article, start, start + len(passage))
    return Mention(mid, article, span, kind[0], kind[1], TextField(passage[:6], span),
                   Attribution(SourceKind.OUTLET), place=TOLEDO, date=_day(d))


def test_the_scorer_gives_an_arrest_story_the_shooting_it_reports(tmp_store):
    """Two passages tell Wednesday's arrest (an event of its own, as ACLED codes it), one the shooting."""
    article = Article("tb1", "https://example.test/toledo-arrest", "Maumee Valley Herald", None, date(2018, 3, 15),
                      "en", BODY, source="tb1.txt")
    mentions = [_mention("tb1:0:0:0", "tb1", ARREST, 14, "Toledo police on Wednesday arrested"),
                _mention("tb1:1:0:0", "tb1", ARREST, 14, "Officers arrested the man"),
                _mention("tb1:2:0:0", "tb1", SHOOTING, 10, "The clerk, 52, was shot in the arm")]
    with tmp_store.transaction():
        tmp_store.add_article(article, fingerprint(article.text))
        events = fuse(mentions, {"tb1": article}, tmp_store, FuseSettings())
    assert sorted(e.sub_event_type for e in events) == ["Arrests", "Attack"]
    [main] = _main_events(tmp_store, {article.url}).values()
    assert (main.sub_event_type, main.date.start) == ("Attack", date(2018, 3, 10))


# --- why one incident's articles stayed apart -----------------------------------------------------


@pytest.mark.parametrize("a, b, cause", [
    (_event("x"), _event("y", ARREST, d=14), "sub-event types differ: Arrests / Attack"),
    (_event("x"), _event("y", place=USA), "one placed only in its country"),
    (_event("x"), _event("y", place=WINDSOR), "places in two countries"),
    (_event("x"), _event("y", place=MONROE_MI), "places in two admin1 units"),
    (_event("x"), _event("y", place=FINDLAY), "towns over 10 km apart"),
    (_event("x"), _event("y", d=17), "dates over a day apart"),
    (_event("x"), _event("y", place=OREGON_OH, d=11), "other (the order of reports, actors, a score under the threshold)"),
    (_event("x"), _event("y", place=replace(TOLEDO, precision=GeoPrecision.REGION, geonameid=None), d=13),
     "dates over a day apart"),
])
def test_split_cause_names_the_first_difference_the_match_rule_cannot_pass(a, b, cause):
    assert split_cause(a, b) == cause
    assert split_cause(b, a) == cause


def test_split_causes_add_up_to_the_b_cubed_recall_lost():
    incident_of = {"u1": "g1", "u2": "g1", "u3": "g1", "u4": "g2", "u5": "g2", "u6": "g3"}
    main = {"u1": _event("e1"), "u2": _event("e1"), "u3": _event("e2", d=20),
            "u4": _event("e3"), "u6": _event("e4", place=FINDLAY)}
    causes = split_causes(main, incident_of)
    assert set(causes) == {"dates over a day apart", "an article with no event"}
    clusters = {u: (main[u].id if u in main else f"alone:{u}") for u in incident_of}
    recall = _cluster_scores(clusters, incident_of)["b3_recall"]
    assert sum(causes.values()) == pytest.approx(1 - recall, abs=1e-3)
    # u3 apart from u1 and u2: 2 pairs x 2/3 over 6 articles; u5 with no event: 1 pair x 2/2 over 6.
    assert causes["dates over a day apart"] == pytest.approx(round(4 / 3 / 6, 4))
    assert causes["an article with no event"] == pytest.approx(round(1 / 6, 4))


def test_split_causes_fold_a_long_tail_and_keep_the_total():
    kinds = [("Violence against civilians", f"Sub {i:02d}") for i in range(15)]
    incident_of = {f"u{i}-{j}": f"g{i}" for i in range(15) for j in range(2)}
    main = {**{f"u{i}-0": _event(f"a{i}") for i in range(15)},
            **{f"u{i}-1": _event(f"b{i}", kinds[i]) for i in range(15)}}
    causes = split_causes(main, incident_of)
    assert len(causes) == 12 and list(causes)[-1] == "the rest"
    assert causes["the rest"] == pytest.approx(4 * causes["sub-event types differ: Attack / Sub 00"], abs=1e-3)
    assert sum(causes.values()) == pytest.approx(0.5, abs=1e-3)
