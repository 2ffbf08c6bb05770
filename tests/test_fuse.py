"""Fuse: claim status, conservative tolls, the same-incident match, and fusion through a store."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from wirewatch.ingest.dedup import fingerprint
from wirewatch.fuse import fuse
from wirewatch.fuse.incidents import build_event, claim_status, event_id, merge_fatalities
from wirewatch.fuse.similarity import compatible_types, distance_km, match
from wirewatch.models import (Actor, Article, Attribution, ClaimStatus, DatePrecision, Event, EventSource,
                              Fatalities, GeoPrecision, Mention, Place, ResolvedDate, SourceKind, Span, TextField)
from wirewatch.settings import FuseSettings

K = SourceKind
MAX_KM = FuseSettings().max_km

# Real towns, coordinates rounded.
SHEBEKINO = Place("Shebekino", GeoPrecision.EXACT, "Russia", "RUS", "Belgorod Oblast", None, 50.41, 36.90, 495344)
SHEBEKINO_NEAR = Place("Shebekino", GeoPrecision.NEAR, "Russia", "RUS", "Belgorod Oblast", None, 50.41, 36.90, None)
BELGOROD = Place("Belgorod", GeoPrecision.EXACT, "Russia", "RUS", "Belgorod Oblast", None, 50.61, 36.58, 578072)
NOVAYA_TAVOLZHANKA = Place("Novaya Tavolzhanka", GeoPrecision.EXACT, "Russia", "RUS", "Belgorod Oblast", None,
                           50.36, 36.84, None)
BELGOROD_REGION = Place("Belgorod Oblast", GeoPrecision.REGION, "Russia", "RUS", "Belgorod Oblast", None,
                        50.61, 36.58, None)
RUSSIA = Place("Russia", GeoPrecision.COUNTRY, "Russia", "RUS", None, None, 60.0, 100.0, None)
KHARKIV = Place("Kharkiv", GeoPrecision.EXACT, "Ukraine", "UKR", "Kharkiv", None, 49.98, 36.25, 706483)
KURSK_REGION = Place("Kursk Oblast", GeoPrecision.REGION, "Russia", "RUS", "Kursk Oblast", None, 51.73, 36.19, None)


def day(d: int, month: int = 6) -> ResolvedDate:
    return ResolvedDate(date(2023, month, d), date(2023, month, d), DatePrecision.DAY)


def week(start: int, end: int) -> ResolvedDate:
    return ResolvedDate(date(2023, 6, start), date(2023, 6, end), DatePrecision.WEEK)


def mention(mid: str = "a1:0:0:0", article: str = "a1", place: Place | None = SHEBEKINO,
            when: ResolvedDate | None = None, sub: str = "Armed clash", etype: str = "Battles",
            kind: SourceKind = K.OUTLET, actor1: str | None = None, deaths: tuple[int, int, int] | None = None,
            notes: tuple[str, ...] = ()) -> Mention:
    span = Span(article, 0, 10)
    return Mention(
        id=mid, article_id=article, passage=span, event_type=etype, sub_event_type=sub,
        trigger=TextField("fought", span), attribution=Attribution(kind),
        actor1=Actor(actor1, "rebel_groups") if actor1 else None,
        fatalities=Fatalities(*deaths) if deaths else None, place=place,
        date=when if when is not None else day(5), notes=notes,
    )


def event(place: Place = SHEBEKINO, when: ResolvedDate | None = None, sub: str = "Armed clash",
          etype: str = "Battles", actor1: str | None = None) -> Event:
    return Event("ev-x", etype, sub, when or day(5), place, ClaimStatus.REPORTED,
                 actor1=Actor(actor1, "rebel_groups") if actor1 else None)


# --- claim status ---------------------------------------------------------------------------------


@pytest.mark.parametrize("kinds, status", [
    ([K.PERPETRATOR_CLAIM, K.OFFICIAL_DENIAL], ClaimStatus.DISPUTED),
    ([K.MEDIA_REPORT, K.OFFICIAL_DENIAL], ClaimStatus.DISPUTED),
    ([K.OFFICIAL_STATEMENT, K.OFFICIAL_DENIAL], ClaimStatus.DISPUTED),
    ([K.OUTLET, K.OFFICIAL_DENIAL, K.RUMOUR], ClaimStatus.DISPUTED),
    ([K.OFFICIAL_DENIAL], ClaimStatus.DENIED),
    ([K.OFFICIAL_DENIAL, K.RUMOUR], ClaimStatus.DENIED),
    ([K.OFFICIAL_STATEMENT], ClaimStatus.CONFIRMED),
    ([K.OFFICIAL_STATEMENT, K.PERPETRATOR_CLAIM], ClaimStatus.CONFIRMED),
    ([K.OFFICIAL_STATEMENT, K.RUMOUR, K.OUTLET], ClaimStatus.CONFIRMED),
    ([K.PERPETRATOR_CLAIM], ClaimStatus.CLAIMED),
    ([K.PERPETRATOR_CLAIM, K.MEDIA_REPORT], ClaimStatus.CLAIMED),
    ([K.MEDIA_REPORT], ClaimStatus.REPORTED),
    ([K.OUTLET], ClaimStatus.REPORTED),
    ([K.WITNESS], ClaimStatus.REPORTED),
    ([K.WITNESS, K.RUMOUR], ClaimStatus.REPORTED),
    ([K.RUMOUR], ClaimStatus.UNVERIFIED),
    ([K.RUMOUR, K.RUMOUR], ClaimStatus.UNVERIFIED),
    ([], ClaimStatus.UNVERIFIED),
])
def test_claim_status_table(kinds, status):
    assert claim_status(kinds) is status
    assert claim_status(reversed(kinds)) is status


# --- fatalities -----------------------------------------------------------------------------------


@pytest.mark.parametrize("tolls, among_equals, expected", [
    ([(2, 2, 2)], min, (2, 2, 2)),
    ([(2, 2, 2), (5, 5, 5)], min, (2, 2, 5)),                  # a tie: conservative
    ([(2, 2, 2), (5, 5, 5)], max, (2, 5, 5)),                  # a tie: the later, higher death toll
    ([(3, 4, 6), (2, 5, 5), (4, 4, 9)], min, (2, 4, 9)),
    ([(1, 1, 1), (3, 3, 3), (2, 3, 4)], min, (1, 3, 4)),       # two reports agreeing outvote one
    ([(4, 4, 4), (4, 4, 4), (6, 6, 6)], max, (4, 4, 6)),
    ([(0, 0, 0), (10, 12, 15)], min, (0, 0, 15)),
])
def test_merge_fatalities_takes_the_count_most_reports_give(tolls, among_equals, expected):
    merged = merge_fatalities((Fatalities(*t) for t in tolls), among_equals=among_equals)
    assert (merged.low, merged.best, merged.high) == expected
    assert merged == merge_fatalities((Fatalities(*t) for t in reversed(tolls)), among_equals=among_equals)


def test_merge_fatalities_skips_missing_and_none_for_none():
    assert merge_fatalities([None, None]) is None
    assert merge_fatalities([]) is None
    merged = merge_fatalities([None, Fatalities(1, 3, 4)])
    assert (merged.low, merged.best, merged.high) == (1, 3, 4)


def test_merge_fatalities_keeps_the_span_of_the_count_chosen():
    span = Span("a2", 0, 3)
    merged = merge_fatalities([Fatalities(5, 5, 5, Span("a1", 4, 9)), Fatalities(1, 1, 1, span),
                               Fatalities(1, 1, 1, Span("a3", 7, 8))])
    assert merged.span == span


# --- similarity -----------------------------------------------------------------------------------


@pytest.mark.parametrize("m_when, e_when", [(day(5), day(5)), (day(5), day(6))])
def test_same_country_type_dates_and_town_merge(m_when, e_when):
    m = match(mention(place=SHEBEKINO, when=m_when), event(place=SHEBEKINO, when=e_when), MAX_KM)
    assert m is not None and m.score >= FuseSettings().threshold
    assert any("same place" in r for r in m.reasons)


@pytest.mark.parametrize("m_place, e_place, m_when, e_when", [
    (SHEBEKINO, SHEBEKINO, day(5), day(6)),                      # a day apart
    (SHEBEKINO, SHEBEKINO, day(5), week(4, 10)),                 # inside a week
    (NOVAYA_TAVOLZHANKA, SHEBEKINO, day(5), day(5)),             # neighbouring villages, under 10 km
    (SHEBEKINO_NEAR, SHEBEKINO, day(5), day(5)),
    (SHEBEKINO, BELGOROD_REGION, day(5), day(5)),                # town inside the region the other names
])
def test_compatible_reports_are_not_ruled_out(m_place, e_place, m_when, e_when):
    m = match(mention(place=m_place, when=m_when), event(place=e_place, when=e_when), MAX_KM)
    assert m is not None and 0 < m.score <= 1
    assert m.reasons


@pytest.mark.parametrize("m_kw, e_kw", [
    ({"place": KHARKIV}, {"place": SHEBEKINO}),                            # different countries
    ({"place": BELGOROD}, {"place": SHEBEKINO}),                           # both exact, ~30 km apart
    ({"when": day(5)}, {"when": day(9)}),                                  # dates four days apart
    ({"when": day(5)}, {"when": week(12, 18)}),                            # week after the day
    ({"place": KURSK_REGION}, {"place": BELGOROD_REGION}),                 # different admin1
    ({"etype": "Protests", "sub": "Peaceful protest"}, {}),                # different event type
])
def test_incompatible_reports_do_not_match(m_kw, e_kw):
    assert match(mention(**m_kw), event(**e_kw), MAX_KM) is None


def test_exact_towns_over_ten_km_apart_never_match_even_with_large_max_km():
    assert distance_km(BELGOROD, SHEBEKINO) > 10
    assert match(mention(place=BELGOROD), event(place=SHEBEKINO), 500.0) is None


def test_near_places_use_max_km():
    belgorod_near = Place("Belgorod", GeoPrecision.NEAR, "Russia", "RUS", "Belgorod Oblast", None, 50.61, 36.58)
    km = distance_km(belgorod_near, SHEBEKINO_NEAR)
    assert 10 < km < MAX_KM
    assert match(mention(place=belgorod_near), event(place=SHEBEKINO_NEAR), MAX_KM) is not None
    assert match(mention(place=belgorod_near), event(place=SHEBEKINO_NEAR), km - 1) is None


def test_distance_km_known_value_and_missing_coordinates():
    assert distance_km(KHARKIV, KHARKIV) == pytest.approx(0.0)
    assert distance_km(BELGOROD, SHEBEKINO) == pytest.approx(30, abs=5)
    nowhere = Place("Somewhere", GeoPrecision.EXACT, "Russia", "RUS")
    assert distance_km(nowhere, SHEBEKINO) is None


def test_score_orders_better_matches_higher():
    same = match(mention(when=day(5), sub="Armed clash"), event(when=day(5)), MAX_KM)
    next_day = match(mention(when=day(6), sub="Armed clash"), event(when=day(5)), MAX_KM)
    region = match(mention(place=BELGOROD_REGION), event(), MAX_KM)
    assert same.score > next_day.score
    assert same.score > region.score


def test_actor_in_common_adds_to_score():
    shared = match(mention(actor1="Legion"), event(actor1="Legion"), MAX_KM)
    different = match(mention(actor1="Legion"), event(actor1="Wagner"), MAX_KM)
    unknown = match(mention(), event(), MAX_KM)
    assert shared.score > unknown.score > different.score
    assert "an actor in common" in shared.reasons


# --- building and fusing events -------------------------------------------------------------------


def _article(aid: str, outlet: str | None, url: str | None = None) -> Article:
    return Article(aid, url, outlet, None, date(2023, 6, 6), "en", "text", source=f"{aid}.txt")


def test_corroboration_counts_distinct_outlets():
    arts = {"a1": _article("a1", "Border Monitor"), "a2": _article("a2", "Border Monitor"),
            "a3": _article("a3", "Continental Press"), "a4": _article("a4", None)}
    ms = [mention("a1:0", "a1"), mention("a2:0", "a2"), mention("a3:0", "a3"), mention("a4:0", "a4"),
          mention("a4:1", "a4")]
    ev = build_event("ev-1", ms, arts, {})
    assert len(ev.sources) == 5
    assert ev.corroboration == 3   # two outlets, plus one article without an outlet


def test_build_event_fields():
    arts = {a: _article(a, f"Outlet {a}") for a in ("a1", "a2", "a3")}
    ms = [
        mention("a1:0", "a1", place=SHEBEKINO_NEAR, when=week(1, 7), kind=K.PERPETRATOR_CLAIM, actor1="Legion",
                deaths=(2, 3, 4), notes=("n1",)),
        mention("a2:0", "a2", place=SHEBEKINO, when=day(5), kind=K.OFFICIAL_DENIAL, deaths=(1, 1, 1),
                notes=("n1", "n2")),
        mention("a3:0", "a3", place=BELGOROD_REGION, when=day(5), kind=K.MEDIA_REPORT, actor1="Legion"),
    ]
    ev = build_event("ev-1", ms, arts, {"a1:0:0:0": "x"})
    assert ev.place == SHEBEKINO                       # the most precise place
    assert ev.date == day(5)                           # the most precise date
    assert ev.claim_status is ClaimStatus.DISPUTED
    assert ev.actor1.name == "Legion"
    assert (ev.fatalities.low, ev.fatalities.best, ev.fatalities.high) == (1, 3, 4)  # a tie: the higher
    assert ev.notes == ("n1", "n2")
    assert [s.outlet for s in ev.sources] == ["Outlet a1", "Outlet a2", "Outlet a3"]


def _stated(d: int, article: str) -> ResolvedDate:
    return replace(day(d), span=Span(article, 0, 6))


@pytest.mark.parametrize("days, expected", [
    ([4, 5, 5], 5),      # two sources agreeing outvote an earlier misreading
    ([5, 4, 5], 5),
    ([5, 4], 4),         # a tie: the earliest
    ([6], 6),
])
def test_event_date_is_the_stated_day_most_sources_give(days, expected):
    arts = {f"a{i}": _article(f"a{i}", f"Outlet {i}") for i in range(len(days))}
    ms = [mention(f"a{i}:0", f"a{i}", when=_stated(d, f"a{i}")) for i, d in enumerate(days)]
    assert build_event("ev-1", ms, arts, {}).date.start == date(2023, 6, expected)


def test_a_date_after_the_first_report_was_published_is_passed_over():
    # Two follow-ups a week on read "Tuesday" as the day of their own news (an arrest); the first report,
    # published on 6 June, cannot tell of an incident on the 13th.
    arts = {"a1": _article("a1", "Outlet 1"), **{a: replace(_article(a, a), published=date(2023, 6, 14))
                                                 for a in ("a2", "a3")}}
    ms = [mention("a1:0", "a1", when=_stated(5, "a1")), mention("a2:0", "a2", when=_stated(13, "a2")),
          mention("a3:0", "a3", when=_stated(13, "a3"))]
    assert build_event("ev-1", ms, arts, {}).date.start == date(2023, 6, 5)
    # With no other date, the only one stays.
    assert build_event("ev-1", ms[1:], arts, {}).date.start == date(2023, 6, 13)


def test_a_weekday_beats_day_words_that_disagree_with_it():
    # A page dated 5 June that says "last night" of a shooting the next day's page puts "on Monday" (5 June):
    # the first page was posted after midnight, and only the weekday names the day itself.
    first, second = "Two men were shot last night on Elm Street.", "Two men were shot on Monday on Elm Street."
    arts = {"a1": replace(_article("a1", "Outlet 1"), published=date(2023, 6, 5), text=first),
            "a2": replace(_article("a2", "Outlet 2"), text=second)}
    words = [("a1", first, "last night", 4), ("a2", second, "on Monday", 5)]
    ms = [mention(f"{a}:0", a, when=replace(day(d), span=Span(a, t.index(w), t.index(w) + len(w))))
          for a, t, w, d in words]
    assert build_event("ev-1", ms, arts, {}).date.start == date(2023, 6, 5)


def test_a_report_repeating_its_day_counts_once_against_two_that_agree():
    arts = {a: _article(a, a) for a in ("a1", "a2", "a3")}
    ms = [mention(f"a1:{i}", "a1", when=_stated(4, "a1")) for i in range(3)]
    ms += [mention("a2:0", "a2", when=_stated(5, "a2")), mention("a3:0", "a3", when=_stated(5, "a3"))]
    assert build_event("ev-1", ms, arts, {}).date.start == date(2023, 6, 5)


def test_stated_date_beats_more_common_unstated_ones():
    arts = {a: _article(a, a) for a in ("a1", "a2", "a3")}
    ms = [mention("a1:0", "a1", when=day(3)), mention("a2:0", "a2", when=day(3)),
          mention("a3:0", "a3", when=_stated(5, "a3"))]
    assert build_event("ev-1", ms, arts, {}).date.start == date(2023, 6, 5)


def test_tolls_take_each_reports_largest_then_the_higher_dead_and_fewer_injured_among_equals():
    arts = {a: _article(a, a) for a in ("a1", "a2")}
    ms = [mention("a1:0", "a1", deaths=(3, 3, 3)), mention("a1:1", "a1", deaths=(1, 1, 1)),  # one victim singled out
          replace(mention("a2:0", "a2", deaths=(2, 2, 5)), injured=Fatalities(4, 4, 4)),
          replace(mention("a1:2", "a1", deaths=(3, 3, 3)), injured=Fatalities(1, 1, 2))]  # knowing the dead
    ev = build_event("ev-1", ms, arts, {})
    assert (ev.fatalities.low, ev.fatalities.best, ev.fatalities.high) == (2, 3, 5)
    assert (ev.injured.low, ev.injured.best, ev.injured.high) == (1, 1, 4)
    assert build_event("ev-1", ms[:2], arts, {}).injured is None


def test_event_id_is_stable():
    assert event_id("a1:0:0:0") == event_id("a1:0:0:0")
    assert event_id("a1:0:0:0") != event_id("a1:0:0:1")
    assert event_id("a1:0:0:0").startswith("ev-")


def test_fuse_merges_reports_of_one_incident_and_keeps_others_apart(tmp_store):
    arts = {"a1": _article("a1", "Border Monitor"), "a2": _article("a2", "Continental Press"),
            "a3": _article("a3", "Kharkiv Daily")}
    settings = FuseSettings()
    with tmp_store.transaction():
        for a in arts.values():
            tmp_store.add_article(a, fingerprint(a.text))
        first = fuse([mention("a1:0", "a1", kind=K.PERPETRATOR_CLAIM)], {"a1": arts["a1"]}, tmp_store, settings)
        second = fuse([mention("a2:0", "a2", kind=K.OFFICIAL_DENIAL, when=day(6))], {"a2": arts["a2"]},
                      tmp_store, settings)
        third = fuse([mention("a3:0", "a3", place=KHARKIV)], {"a3": arts["a3"]}, tmp_store, settings)
    assert first[0].id == second[0].id == event_id("a1:0")
    assert third[0].id != first[0].id
    merged = tmp_store.event(first[0].id)
    assert merged.corroboration == 2
    assert merged.claim_status is ClaimStatus.DISPUTED
    reasons = [r for _, r in tmp_store.mentions_of(merged.id)]
    assert reasons[0] == "founded the event" and reasons[1].startswith("merged (score")


def test_fuse_skips_mentions_without_place_or_date(tmp_store):
    art = _article("a1", "Wire")
    no_date = replace(mention("a1:1"), date=None)
    with tmp_store.transaction():
        changed = fuse([mention(place=None), no_date], {"a1": art}, tmp_store, FuseSettings())
    assert changed == []
    assert list(tmp_store.db.execute("SELECT id FROM events")) == []


def test_country_only_place_needs_a_shared_actor_across_articles():
    assert match(mention(place=SHEBEKINO), event(place=RUSSIA), MAX_KM) is None
    shared = match(mention(place=SHEBEKINO, actor1="Free Ingria Legion"),
                   event(place=RUSSIA, actor1="Free Ingria Legion"), MAX_KM)
    assert shared is not None and "an actor in common" in shared.reasons


@pytest.mark.parametrize("generic", ["Police Forces of Russia", "Unidentified Armed Group (Russia)",
                                     "Civilians (Russia)", "Military Forces of Russia"])
def test_a_generic_actor_in_common_is_no_evidence_for_a_country_only_place(generic):
    assert match(mention(place=SHEBEKINO, actor1=generic), event(place=RUSSIA, actor1=generic), MAX_KM) is None
    # Where places agree, it neither helps nor hurts: the score of a match with no actors.
    same = match(mention(actor1=generic), event(actor1=generic), MAX_KM)
    assert same.score == match(mention(), event(), MAX_KM).score and "an actor in common" not in same.reasons


def test_country_only_place_may_join_an_event_of_the_same_article():
    same = event(place=RUSSIA)
    same = Event(same.id, same.event_type, same.sub_event_type, same.date, same.place, same.claim_status,
                 sources=(EventSource("a1:1:0:0", "a1", None, None, K.OUTLET, "founded the event"),))
    assert match(mention(place=SHEBEKINO, article="a1"), same, MAX_KM) is not None


# --- an arrest after an incident is its follow-up -------------------------------------------------

DAYTON = Place("Dayton", GeoPrecision.EXACT, "United States", "USA", "Ohio", None, 39.76, -84.19, 4509884)
COLUMBUS = Place("Columbus", GeoPrecision.EXACT, "United States", "USA", "Ohio", None, 39.96, -83.00, 4509177)
OHIO = Place("Ohio", GeoPrecision.REGION, "United States", "USA", "Ohio", None, 40.25, -83.0, None)
ATTACK = {"sub": "Attack", "etype": "Violence against civilians"}
ARREST = {"sub": "Arrests", "etype": "Strategic developments"}


def _sourced(ev: Event, article: str) -> Event:
    return replace(ev, sources=(EventSource(f"{article}:0:0:0", article, None, None, K.OUTLET, "founded the event"),))


@pytest.mark.parametrize("sub, compatible", [
    ("Attack", {"Attack", "Arrests"}),
    ("Armed clash", {"Armed clash", "Arrests"}),
    ("Peaceful protest", {"Peaceful protest"}),
    ("Air/drone strike", {"Air/drone strike"}),
])
def test_incidents_whose_perpetrators_get_arrested_block_with_arrests(sub, compatible):
    assert compatible_types(sub) == compatible
    assert sub in compatible_types("Arrests") or compatible == {sub}


@pytest.mark.parametrize("m_kw, e_kw", [
    (ARREST, ATTACK),        # the arrest reported after the shooting
    (ATTACK, ARREST),        # the shooting reported after the arrest was stored
])
def test_an_arrest_on_the_incidents_day_in_its_town_joins_it(m_kw, e_kw):
    m = match(mention(place=DAYTON, when=day(5), article="a2", **m_kw),
              _sourced(event(place=DAYTON, when=day(5), **e_kw), "a1"), MAX_KM)
    assert m is not None and m.score >= FuseSettings().threshold
    assert "an arrest during the incident" in m.reasons


@pytest.mark.parametrize("article", ["a1", "a2"])
def test_an_arrest_on_a_later_day_is_an_event_of_its_own(article):
    later = mention(place=DAYTON, when=day(6), article=article, **ARREST)
    assert match(later, _sourced(event(place=DAYTON, when=day(5), **ATTACK), "a1"), MAX_KM) is None
    # An incident dated only to its week overlaps every day of it: no evidence of the same day.
    within = mention(place=DAYTON, when=day(6), article=article, **ARREST)
    assert match(within, _sourced(event(place=DAYTON, when=week(3, 9), **ATTACK), "a1"), MAX_KM) is None


@pytest.mark.parametrize("m_kw, e_kw", [
    ({"when": day(2)}, {"when": day(5)}),                         # the arrest before the shooting
    ({"place": COLUMBUS}, {"place": DAYTON}),                     # another town
    ({"place": OHIO}, {"place": DAYTON}),                         # only the state in common
    ({}, {"sub": "Peaceful protest", "etype": "Protests"}),       # an arrest at a protest is its own report
    ({"actor1": "Musa Bello"}, {"actor1": "Ansaru"}),             # both name who acted, and no one in common
])
def test_an_arrest_elsewhere_earlier_or_after_a_protest_stays_apart(m_kw, e_kw):
    m = mention(**{"place": DAYTON, "when": day(5), "article": "a1", **ARREST, **m_kw})
    e = _sourced(event(**{"place": DAYTON, "when": day(5), **ATTACK, **e_kw}), "a1")
    assert match(m, e, MAX_KM) is None


def test_an_incident_with_its_arrest_keeps_the_incidents_type_day_and_place():
    arts = {a: _article(a, a) for a in ("a1", "a2", "a3")}
    ms = [mention("a1:0", "a1", place=DAYTON, when=_stated(8, "a1"), **ARREST),
          mention("a2:0", "a2", place=DAYTON, when=_stated(8, "a2"), **ARREST),
          mention("a3:0", "a3", place=replace(DAYTON, precision=GeoPrecision.NEAR), when=_stated(5, "a3"),
                  **ATTACK)]
    ev = build_event("ev-1", ms, arts, {})
    assert (ev.sub_event_type, ev.event_type) == ("Attack", "Violence against civilians")
    assert ev.date.start == date(2023, 6, 5) and ev.place.precision is GeoPrecision.NEAR
    assert len(ev.sources) == 3
    assert build_event("ev-2", ms[:2], arts, {}).sub_event_type == "Arrests"


@pytest.mark.parametrize("order", [(0, 1), (1, 0)])
def test_fuse_joins_an_arrest_and_its_shooting_in_either_order(tmp_store, order):
    arts = {"a1": _article("a1", "Dayton Ledger"), "a2": _article("a2", "Miami Valley Wire"),
            "a3": _article("a3", "Buckeye Post")}
    reports = [mention("a1:0", "a1", place=DAYTON, when=day(5), **ATTACK),
               mention("a2:0", "a2", place=DAYTON, when=day(5), **ARREST)]
    elsewhere = mention("a3:0", "a3", place=COLUMBUS, when=day(5), **ARREST)
    with tmp_store.transaction():
        for a in arts.values():
            tmp_store.add_article(a, fingerprint(a.text + a.id))
        for i in order:
            fuse([reports[i]], {reports[i].article_id: arts[reports[i].article_id]}, tmp_store, FuseSettings())
        fuse([elsewhere], {"a3": arts["a3"]}, tmp_store, FuseSettings())
    rows = dict(tmp_store.db.execute("SELECT id, sub_event_type FROM events"))
    assert sorted(rows.values()) == ["Arrests", "Attack"]
    joined = tmp_store.event(next(eid for eid, sub in rows.items() if sub == "Attack"))
    assert {s.article_id for s in joined.sources} == {"a1", "a2"}
