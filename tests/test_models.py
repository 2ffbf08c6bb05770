"""Records: dict round-trips, span rules."""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wirewatch.models import (Actor, Article, Attribution, ClaimStatus, DatePrecision, Event, EventSource,
                              Fatalities, GeoPrecision, Mention, Place, ResolvedDate, SourceKind, Span,
                              TextField, article_from_dict, event_from_dict, mention_from_dict, to_dict)

AID = "a4a8eba03c395fd7"

ids = st.text(alphabet="0123456789abcdef", min_size=1, max_size=16)
words = st.text(max_size=30)
opt_words = st.none() | words


@st.composite
def spans(draw, article_id=None):
    start = draw(st.integers(min_value=0, max_value=10_000))
    end = draw(st.integers(min_value=start, max_value=start + 500))
    return Span(article_id or draw(ids), start, end)


opt_span = st.none() | spans()
fields = st.builds(TextField, words, spans())
actors = st.builds(Actor, words, opt_words, opt_span, st.none() | st.sampled_from(["RUS", "UKR", "NGA"]))


@st.composite
def tolls(draw):
    low = draw(st.integers(min_value=0, max_value=1000))
    best = draw(st.integers(min_value=low, max_value=low + 100))
    high = draw(st.integers(min_value=best, max_value=best + 100))
    return Fatalities(low, best, high, draw(opt_span))


coords = st.none() | st.floats(min_value=-90, max_value=90, allow_nan=False)
places = st.builds(Place, words, st.sampled_from(GeoPrecision), opt_words, opt_words, opt_words, opt_words,
                   coords, coords, st.none() | st.integers(min_value=1, max_value=10**8), opt_span)
days = st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31))


@st.composite
def resolved_dates(draw):
    start = draw(days)
    end = draw(st.dates(min_value=start, max_value=date(2031, 12, 31)))
    return ResolvedDate(start, end, draw(st.sampled_from(DatePrecision)), draw(opt_span), draw(opt_words))


attributions = st.builds(Attribution, st.sampled_from(SourceKind), opt_words, opt_span)
notes = st.lists(words, max_size=3).map(tuple)

mentions = st.builds(
    Mention, id=words, article_id=ids, passage=spans(), event_type=words, sub_event_type=words,
    trigger=fields, attribution=attributions, actor1=st.none() | actors, actor2=st.none() | actors,
    target=st.none() | fields, place_text=st.none() | fields, date_text=st.none() | fields,
    fatalities=st.none() | tolls(), place=st.none() | places, date=st.none() | resolved_dates(), notes=notes,
    injured=st.none() | tolls(),
)
sources = st.builds(EventSource, words, ids, opt_words, opt_words, st.sampled_from(SourceKind), words)
events = st.builds(
    Event, id=words, event_type=words, sub_event_type=words, date=resolved_dates(), place=places,
    claim_status=st.sampled_from(ClaimStatus), actor1=st.none() | actors, actor2=st.none() | actors,
    target=opt_words, fatalities=st.none() | tolls(), sources=st.lists(sources, max_size=4).map(tuple),
    notes=notes, injured=st.none() | tolls(),
)


@settings(max_examples=200, deadline=None)
@given(mentions)
def test_mention_round_trip(m):
    assert mention_from_dict(to_dict(m)) == m


@settings(max_examples=200, deadline=None)
@given(mentions)
def test_mention_round_trip_through_json(m):
    assert mention_from_dict(json.loads(json.dumps(to_dict(m)))) == m


@settings(max_examples=200, deadline=None)
@given(events)
def test_event_round_trip(e):
    assert event_from_dict(to_dict(e)) == e


@settings(max_examples=100, deadline=None)
@given(events)
def test_event_round_trip_ignores_corroboration_key(e):
    d = json.loads(json.dumps(to_dict(e) | {"corroboration": 99}))
    assert event_from_dict(d) == e


@settings(max_examples=100, deadline=None)
@given(st.builds(Article, ids, opt_words, opt_words, opt_words, st.none() | days, words, words, words,
                 st.none() | days))
def test_article_round_trip(a):
    assert article_from_dict(to_dict(a)) == a


def test_to_dict_is_json_ready():
    d = to_dict(ResolvedDate(date(2024, 4, 9), date(2024, 4, 9), DatePrecision.DAY, Span(AID, 3, 9)))
    assert d == {"start": "2024-04-09", "end": "2024-04-09", "precision": 1,
                 "span": {"article_id": AID, "start": 3, "end": 9}, "note": None}
    assert to_dict(Attribution(SourceKind.OFFICIAL_DENIAL))["kind"] == "official_denial"
    assert to_dict(None) is None


@pytest.mark.parametrize("start, end", [(-1, 5), (5, 4), (-3, -1), (10, 0)])
def test_span_refuses_bad_offsets(start, end):
    with pytest.raises(ValueError):
        Span(AID, start, end)


@pytest.mark.parametrize("start, end", [(0, 0), (0, 5), (7, 7), (3, 12)])
def test_span_accepts_ordered_offsets(start, end):
    assert Span(AID, start, end).end - Span(AID, start, end).start == end - start


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), st.data())
def test_span_text_is_the_slice(text, data):
    start = data.draw(st.integers(min_value=0, max_value=len(text)))
    end = data.draw(st.integers(min_value=start, max_value=len(text)))
    span = Span(AID, start, end)
    assert span.text(text) == text[start:end]
    assert len(span.text(text)) == end - start


def test_span_text_example():
    text = "Russian forces shelled Kharkiv on Tuesday."
    assert Span(AID, 23, 30).text(text) == "Kharkiv"


def test_records_are_frozen():
    span = Span(AID, 0, 1)
    with pytest.raises(AttributeError):
        span.start = 5  # type: ignore[misc]


def test_corroboration_counts_distinct_outlets_else_articles():
    def src(mid, aid, outlet):
        return EventSource(mid, aid, outlet, None, SourceKind.OUTLET, "")
    place = Place("Kharkiv", GeoPrecision.EXACT, "Ukraine", "UKR")
    when = ResolvedDate(date(2024, 4, 9), date(2024, 4, 9), DatePrecision.DAY)
    event = Event("ev-1", "Battles", "Armed clash", when, place, ClaimStatus.REPORTED,
                  sources=(src("m1", "a1", "Wire"), src("m2", "a2", "Wire"), src("m3", "a3", None),
                           src("m4", "a3", None), src("m5", "a4", "Herald")))
    assert event.corroboration == 3


@pytest.mark.parametrize("published, ingested, expected", [
    (date(2024, 4, 9), date(2024, 9, 2), date(2024, 4, 9)),
    (None, date(2024, 9, 2), date(2024, 9, 2)),
])
def test_reference_date_prefers_publication(published, ingested, expected):
    article = Article(AID, None, None, None, published, "en", "text", ingested=ingested)
    assert article.reference_date == expected


def test_records_stored_before_injured_existed_read_as_none():
    e = Event("ev-1", "Battles", "Armed clash", ResolvedDate(date(2023, 6, 5), date(2023, 6, 5), DatePrecision.DAY),
              Place("Shebekino", GeoPrecision.EXACT), ClaimStatus.REPORTED, injured=Fatalities(2, 3, 4))
    old = {k: v for k, v in to_dict(e).items() if k != "injured"}
    assert event_from_dict(old).injured is None
    assert event_from_dict(to_dict(e)).injured == Fatalities(2, 3, 4)
