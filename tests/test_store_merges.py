"""merge_events on both backends: one stored event absorbs another, its fields derived again from all the
mentions, the merge recorded, nothing of the absorbed event left to count. The PostgreSQL cases need the
throwaway cluster of tests/pgcluster.py and are skipped, saying why, without one."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from wirewatch.errors import NotFound
from wirewatch.ingest.dedup import fingerprint
from wirewatch.models import ClaimStatus, Fatalities, GeoPrecision, SourceKind
from wirewatch.store import EventFilter

from test_store import KHARKIV, count, make_article, make_event, make_mention, opener, store  # noqa: F401

pytest_plugins = ["pgcluster"]

SHELLING = ("Shelling/artillery/missile attack", "Explosions/Remote violence")
KHARKIV_CITY_REGION = replace(KHARKIV, name="Kharkiv Oblast", precision=GeoPrecision.REGION, geonameid=None)
# Reports of one strike written by three outlets, in words of our own.
TEXTS = [
    ("Russian forces shelled Kharkiv on Tuesday, killing three people, a group fighting for Moscow said.",
     "Frontline Wire", SourceKind.PERPETRATOR_CLAIM, KHARKIV, 3),
    ("Ukraine's military denied that any strike hit the Kharkiv region on Tuesday.",
     "Eastern Ledger", SourceKind.OFFICIAL_DENIAL, KHARKIV_CITY_REGION, None),
    ("Shells fell on a market in Kharkiv on Tuesday; two people died, medics said.",
     "Frontline Wire", SourceKind.MEDIA_REPORT, KHARKIV, 2),
]


def _stock(store) -> list:
    """Three events, one per report above; returns their mentions."""
    mentions = []
    with store.transaction():
        for n, (text, outlet, kind, place, deaths) in enumerate(TEXTS):
            article = make_article(text, url=f"https://wire.example/{n}", outlet=outlet)
            store.add_article(article, fingerprint(text))
            m = make_mention(article, 0, *SHELLING, place, date(2024, 4, 9), kind)
            m = replace(m, fatalities=Fatalities(deaths, deaths, deaths) if deaths else None)
            store.save_event(make_event(f"ev-{n}", m, article), [(m, "founded the event")])
            mentions.append(m)
    return mentions


def test_merge_moves_the_mentions_and_derives_the_fields_again(store):
    first, second, _ = _stock(store)
    merged = store.merge_events("ev-0", "ev-1", "report x matched both")
    assert store.event("ev-0") == merged
    assert [m.id for m, _ in store.mentions_of("ev-0")] == [first.id, second.id]
    assert merged.claim_status is ClaimStatus.DISPUTED   # a claim plus a denial
    assert merged.place == KHARKIV                        # the most precise place
    assert merged.corroboration == 2                      # two outlets
    assert store.mentions_of("ev-1") == []
    assert [r for _, r in store.mentions_of("ev-0")] == ["founded the event",
                                                         "in ev-1 until merged: founded the event"]


def test_a_merged_event_is_gone_from_lists_counts_and_exports(store):
    _stock(store)
    with store.transaction():
        store.merge_events("ev-0", "ev-1", "report x matched both")
    assert count(store, "events") == 2
    assert [e.id for e in store.events(EventFilter())] == ["ev-0", "ev-2"]
    assert store.stats(EventFilter()).total == 2


def test_tolls_and_corroboration_count_every_source_after_two_merges(store):
    _stock(store)
    store.merge_events("ev-0", "ev-1", "report x matched both")
    merged = store.merge_events("ev-0", "ev-2", "report y matched both")
    toll = merged.fatalities
    assert (toll.low, toll.best, toll.high) == (2, 3, 3)   # a tie between 2 and 3: the higher death toll
    assert merged.corroboration == 2                        # Frontline Wire twice counts once
    assert len(merged.sources) == 3
    assert store.db.execute("SELECT sources, corroboration FROM events WHERE id = 'ev-0'").fetchone()[:2] == (3, 2)


def test_each_merge_is_recorded_and_an_absorbed_id_names_where_it_went(store):
    _stock(store)
    store.merge_events("ev-1", "ev-2", "report x matched both")
    store.merge_events("ev-0", "ev-1", "report y matched both")
    assert [(absorbed, reason) for absorbed, reason, _ in store.merges_into("ev-0")] == [
        ("ev-1", "report y matched both"), ("ev-2", "report x matched both")]
    with pytest.raises(NotFound) as info:
        store.event("ev-2")
    assert "merged into 'ev-0'" in str(info.value)
    with pytest.raises(NotFound) as info:
        store.event("ev-nothing")
    assert "no event" in str(info.value)


def test_a_failed_merge_changes_nothing(store):
    _stock(store)
    with pytest.raises(NotFound):
        store.merge_events("ev-0", "ev-missing", "report x matched both")
    with pytest.raises(ValueError):
        store.merge_events("ev-0", "ev-0", "itself")
    assert count(store, "events") == 3
    assert store.merges_into("ev-0") == []
    with pytest.raises(NotFound):
        with store.transaction():
            store.merge_events("ev-0", "ev-1", "a merge rolled back with its batch")
            store.event("ev-missing")
    assert count(store, "events") == 3
    assert len(store.mentions_of("ev-1")) == 1
    assert store.merges_into("ev-0") == []


def test_a_merge_that_fails_inside_a_batch_leaves_the_batch_as_it_was(store, monkeypatch):
    """A caller that goes on after a failed merge must not commit half of it: the absorbed row deleted and its
    mentions moved, with the kept event never rebuilt."""
    _stock(store)
    import wirewatch.fuse.incidents as incidents

    def broken(*args, **kwargs):
        raise RuntimeError("rebuilding the kept event failed")

    monkeypatch.setattr(incidents, "build_event", broken)
    with store.transaction():
        with pytest.raises(RuntimeError):
            store.merge_events("ev-0", "ev-1", "report x matched both")
    assert count(store, "events") == 3
    assert len(store.mentions_of("ev-1")) == 1
    assert store.merges_into("ev-0") == []


def test_merges_are_listed_in_the_order_they_were_made(store):
    _stock(store)
    store.merge_events("ev-0", "ev-2", "first")
    store.merge_events("ev-0", "ev-1", "second")
    assert [absorbed for absorbed, _, _ in store.merges_into("ev-0")] == ["ev-2", "ev-1"]


def test_merge_records_that_loop_end_the_listing(store):
    """A store edited by hand may hold records that point at each other: listing them must still end."""
    _stock(store)
    store.merge_events("ev-0", "ev-1", "report x matched both")
    mark = "?" if type(store).__name__ == "SQLiteStore" else "%s"
    store.db.execute(f"INSERT INTO event_merges (absorbed_id, kept_id, reason, merged_at) "
                     f"VALUES ({mark}, {mark}, {mark}, {mark})", ("ev-0", "ev-1", "hand-made", "2026-01-01T00:00:00+00:00"))
    assert [absorbed for absorbed, _, _ in store.merges_into("ev-0")] == ["ev-1"]


def test_reads_in_a_snapshot_see_an_event_and_its_sources_though_another_writer_merges_it(opener):
    """The API and `wirewatch show` read an event and then its sources: a merge committed between the two reads
    must not leave the event without them."""
    reader, writer = opener(), opener()
    _stock(writer)
    with reader.snapshot():
        assert reader.event("ev-1").id == "ev-1"
        writer.merge_events("ev-0", "ev-1", "report x matched both")
        assert len(reader.mentions_of("ev-1")) == 1
        assert reader.merges_into("ev-0") == []
    assert reader.mentions_of("ev-1") == []
    with pytest.raises(NotFound) as info:
        reader.event("ev-1")
    assert info.value.merged_into == "ev-0"


def test_a_snapshot_inside_a_batch_reads_the_batch(store):
    _stock(store)
    with store.transaction():
        store.merge_events("ev-0", "ev-1", "report x matched both")
        with store.snapshot():
            assert [absorbed for absorbed, _, _ in store.merges_into("ev-0")] == ["ev-1"]
    assert len(store.mentions_of("ev-0")) == 2


def test_a_snapshot_is_read_only_on_both_backends(store):
    """Code that writes inside a snapshot fails on both backends alike (PostgreSQL's is READ ONLY; SQLite's
    would otherwise commit the write from an old snapshot), and nothing is written."""
    _stock(store)
    with pytest.raises(Exception):
        with store.snapshot():
            store.merge_events("ev-0", "ev-1", "inside a read")
    assert count(store, "events") == 3 and store.merges_into("ev-0") == []
    with store.snapshot():   # and the store reads and writes as before afterwards
        assert store.event("ev-1").id == "ev-1"
    store.merge_events("ev-0", "ev-1", "after the read")
    assert count(store, "events") == 2
