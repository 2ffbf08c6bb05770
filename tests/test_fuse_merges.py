"""Fusion merging two stored events when a later report matches both: each article's first report of an
incident founded an event of its own (their dates two days apart), then a report dated between them ties
them. Only a day-precise report ties day-precise events, of its own sub-type, told by different articles."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from typer.testing import CliRunner

from wirewatch.errors import NotFound
from wirewatch.fuse import _joins_both, fuse
from wirewatch.fuse.incidents import event_id
from wirewatch.ingest.dedup import fingerprint
from wirewatch.models import Actor, Fatalities, RawDocument, SourceKind
from wirewatch.pipeline import run_documents
from wirewatch.serve.cli import app
from wirewatch.settings import FuseSettings, load_settings
from wirewatch.store import SQLiteStore

from test_fuse import ARREST, ATTACK, DAYTON, _article, day, event, mention, week

K = SourceKind
OUTLETS = {"a1": "Dayton Ledger", "a2": "Miami Valley Wire", "a3": "Buckeye Post", "a4": "Gem City Herald"}


def _stored(store, *reports) -> None:
    """Store the reports' articles, then fuse each report in a batch of its own, in order."""
    arts = {aid: _article(aid, outlet) for aid, outlet in OUTLETS.items()}
    with store.transaction():
        for a in arts.values():
            store.add_article(a, fingerprint(a.text + a.id))
        for batch in reports:
            batch = batch if isinstance(batch, list) else [batch]
            fuse(batch, {m.article_id: arts[m.article_id] for m in batch}, store, FuseSettings())


def _events(store) -> list[str]:
    return [eid for (eid,) in store.db.execute("SELECT id FROM events ORDER BY id")]


# A shooting in Dayton on the 6th: one outlet dates it the 5th, another the 7th, a third gets it right.
EARLY = mention("a1:0", "a1", place=DAYTON, when=day(5), kind=K.PERPETRATOR_CLAIM, **ATTACK)
LATE = replace(mention("a2:0", "a2", place=DAYTON, when=day(7), kind=K.OFFICIAL_DENIAL, **ATTACK),
               fatalities=Fatalities(2, 2, 2))
BETWEEN = replace(mention("a3:0", "a3", place=DAYTON, when=day(6), **ATTACK), fatalities=Fatalities(2, 2, 3))


def test_a_later_report_that_matches_two_events_merges_them(tmp_store):
    _stored(tmp_store, EARLY, LATE)
    assert len(_events(tmp_store)) == 2          # two days apart: no match
    _stored(tmp_store, BETWEEN)
    (eid,) = _events(tmp_store)
    merged = tmp_store.event(eid)
    assert {s.article_id for s in merged.sources} == {"a1", "a2", "a3"}
    assert merged.corroboration == 3
    assert merged.claim_status.value == "disputed"   # the claim and the denial now in one event
    assert (merged.fatalities.low, merged.fatalities.best, merged.fatalities.high) == (2, 2, 3)
    ((absorbed, reason, _),) = tmp_store.merges_into(eid)
    assert absorbed in {event_id("a1:0"), event_id("a2:0")} and absorbed != eid
    assert reason.startswith("report a3:0 matched both:") and "a day apart" in reason


def test_the_same_merge_happens_within_one_batch(tmp_store):
    _stored(tmp_store, [EARLY, LATE, BETWEEN])
    (eid,) = _events(tmp_store)
    assert len(tmp_store.mentions_of(eid)) == 3
    assert len(tmp_store.merges_into(eid)) == 1


def test_a_report_of_a_week_ties_nothing(tmp_store):
    this_week = mention("a3:0", "a3", place=DAYTON, when=week(4, 8), **ATTACK)
    _stored(tmp_store, EARLY, LATE, this_week)
    assert len(_events(tmp_store)) == 2
    assert tmp_store.db.execute("SELECT count(*) FROM event_merges").fetchone()[0] == 0


def test_events_an_article_told_apart_stay_apart(tmp_store):
    # One article reports a shooting on the 5th and another on the 7th: a third report between them
    # matches both, but the first article said they were two.
    second_in_a1 = mention("a1:1", "a1", place=DAYTON, when=day(7), **ATTACK)
    _stored(tmp_store, [EARLY, second_in_a1], BETWEEN)
    assert len(_events(tmp_store)) == 2


def test_an_arrest_ties_no_two_incidents():
    arrest = mention("a3:0", "a3", place=DAYTON, when=day(5), **ARREST)
    shooting = event(place=DAYTON, when=day(5), sub="Attack", etype="Violence against civilians")
    assert not _joins_both(arrest, shooting, shooting, replace(shooting, id="ev-y"))
    report = replace(arrest, **{"sub_event_type": "Attack", "event_type": "Violence against civilians"})
    assert _joins_both(report, shooting, shooting, replace(shooting, id="ev-y"))


def test_show_lists_the_merge(tmp_path):
    db = tmp_path / "events.db"
    store = SQLiteStore(db)
    _stored(store, EARLY, LATE, BETWEEN)
    (eid,) = _events(store)
    (absorbed, _, _), = store.merges_into(eid)
    store.close()
    result = CliRunner().invoke(app, ["show", eid, "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert f"merged in {absorbed}" in result.output and "matched both" in result.output
    gone = CliRunner().invoke(app, ["show", absorbed, "--db", str(db)])
    assert isinstance(gone.exception, NotFound) and f"merged into {eid!r}" in str(gone.exception)


# Not (BETWEEN, EARLY, LATE): the event of the 6th takes the earlier of two days as its own, and the 7th is
# then two days from it; no report matches two events there.
@pytest.mark.parametrize("order", [(EARLY, LATE, BETWEEN), (LATE, EARLY, BETWEEN), (LATE, BETWEEN, EARLY)])
def test_every_order_gives_one_event(tmp_store, order):
    _stored(tmp_store, *order)
    (eid,) = _events(tmp_store)
    assert len(tmp_store.mentions_of(eid)) == 3


# Three wire reports of one shooting, the second misdating it (written for this test).
REPORTS = [
    (date(2023, 6, 6), "https://ledger.example/1", "DAYTON, Ohio (Dayton Ledger) - A man was shot and killed outside "
     "a bar in Dayton on Sunday night, police said. No arrests have been made."),
    (date(2023, 6, 7), "https://valley.example/2", "Police in Dayton, Ohio, are searching for the gunman who shot a "
     "man dead outside a bar on Tuesday, a police spokesman said. Officers asked witnesses to come forward."),
    (date(2023, 6, 6), "https://buckeye.example/3", "A man was shot dead near a bar in Dayton, Ohio, on Monday "
     "night, according to police. Detectives have no suspect yet."),
]


def _rows(store) -> list[tuple]:
    return [tuple(r) for table, order in (("events", "id"), ("mentions", "id"), ("event_merges", "absorbed_id"))
            for r in store.db.execute(f"SELECT * FROM {table} ORDER BY {order}")]


def test_running_the_same_articles_again_changes_nothing(tmp_store):
    settings = load_settings(None, env={}, overrides={"extract.model": False})
    docs = [RawDocument("wire.txt", text, "text", url, None, None, published, "en")
            for published, url, text in REPORTS]
    for doc in docs:   # one batch each, in order: the third ties the first two
        run_documents([doc], tmp_store, settings, today=date(2023, 6, 8))
    (eid,) = _events(tmp_store)
    assert len(tmp_store.event(eid).sources) == 3 and len(tmp_store.merges_into(eid)) == 1
    before = _rows(tmp_store)
    run_documents(docs, tmp_store, settings, today=date(2023, 6, 8))
    assert _rows(tmp_store) == before   # the updated_at stamps too: nothing was written again


def test_a_run_does_not_count_an_event_it_merged_away():
    """One run, a batch per article: the third report ties the events of the first two, so the run changed one
    event, not two, and names the one that was merged into it."""
    store = SQLiteStore(":memory:")
    settings = load_settings(None, env={}, overrides={"extract.model": False, "store.batch_size": 1})
    docs = [RawDocument("wire.txt", text, "text", url, None, None, published, "en")
            for published, url, text in REPORTS]
    report = run_documents(docs, store, settings, today=date(2023, 6, 8))
    (eid,) = _events(store)
    assert report.events_changed == {eid}
    assert len(report.events_merged) == 1 and eid not in report.events_merged


# A second outlet's report of the 5th, which makes that event the larger one.
EARLY_TOO = mention("a4:0", "a4", place=DAYTON, when=day(5), **ATTACK)


def test_the_event_with_more_sources_keeps_its_id(tmp_store):
    """The tying report names LATE's doers, so it matches LATE's event best; the event of the 5th, which two
    outlets reported, still survives: its id is the one users have more likely seen."""
    crew = Actor("Westside Crew", "militia")
    _stored(tmp_store, [EARLY, EARLY_TOO], replace(LATE, actor1=crew), replace(BETWEEN, actor1=crew))
    assert _events(tmp_store) == [event_id("a1:0")]
    assert len(tmp_store.mentions_of(event_id("a1:0"))) == 4
