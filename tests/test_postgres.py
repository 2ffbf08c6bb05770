"""The PostgreSQL store beyond the shared store tests: URLs and their errors, migrations beside SQLite's,
writers taking turns, two processes writing one database, and the demo corpus giving SQLite's events.

Needs the throwaway cluster of tests/pgcluster.py; skipped with the reason where PostgreSQL is absent.
"""

from __future__ import annotations

import multiprocessing
import socket
import sqlite3
import threading
from datetime import date
from pathlib import Path

import psycopg
import pytest

from wirewatch import pipeline
from wirewatch.errors import NotFound, StoreError
from wirewatch.ingest.dedup import fingerprint
from wirewatch.models import to_dict
from wirewatch.serve.cli import demo_articles
from wirewatch.settings import load_settings
from wirewatch.store import EventFilter, SQLiteStore, migrations, open_store
from wirewatch.store.postgres import SCHEMA_VERSION, PostgresStore

from test_store import DAKAR, DAKAR_TEXT, GOMA_TEXT, KHARKIV_TEXT, make_article, make_event, make_mention

pytest_plugins = ["pgcluster"]

TODAY = date(2024, 9, 2)   # the ingestion date the other pipeline tests use


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# --- URLs and errors ------------------------------------------------------------------------------


def test_open_store_takes_both_url_schemes(pg_url):
    for url in (pg_url, pg_url.replace("postgresql://", "postgres://", 1)):
        store = open_store(url)
        assert isinstance(store, PostgresStore)
        assert store.schema_version() == SCHEMA_VERSION
        store.close()


@pytest.mark.parametrize("url", [
    "postgresql://ann:hunter2@127.0.0.1:{port}/events",          # nothing listens there
    "postgresql://ann:hunter2@127.0.0.1:not-a-port/events",      # not a URL libpq reads
    "postgresql://ann@127.0.0.1:{port}/events?password=hunter2",
])
def test_unreachable_server_or_bad_url_is_a_store_error_without_the_password(url):
    url = url.format(port=_free_port())
    with pytest.raises(StoreError) as info:
        open_store(url)
    said = f"{info.value} {info.value.hint}"
    assert "hunter2" not in said
    assert "127.0.0.1" in said and "/events" in said
    assert "createdb" in info.value.hint


def test_missing_database_is_named(pg_cluster):
    with pytest.raises(StoreError, match="no_such_db"):
        open_store(pg_cluster.url("no_such_db"))


def test_a_database_we_may_not_write_is_refused_with_a_hint(pg_cluster, pg_url):
    with psycopg.connect(pg_cluster.url(), autocommit=True) as db:
        db.execute("CREATE ROLE onlooker LOGIN")
    with pytest.raises(StoreError) as info:
        open_store(pg_url.replace("wirewatch@", "onlooker@", 1))
    assert "onlooker@" in str(info.value)    # PostgreSQL says why: no schema it may create tables in
    assert "createdb -O" in info.value.hint


def test_messages_never_show_the_password(pg_url):
    with_password = pg_url.replace("wirewatch@", "wirewatch:hunter2@", 1)   # the test cluster trusts anyone
    store = open_store(with_password)
    with pytest.raises(NotFound) as info:
        store.event("ev-nothing")
    assert "hunter2" not in str(info.value) and "wirewatch:***@" in str(info.value)
    store.close()


# --- schema and migrations ------------------------------------------------------------------------


def _columns_sqlite(version: int) -> dict[str, list[str]]:
    db = sqlite3.connect(":memory:")
    for _, script in migrations.pending("sqlite", 0)[:version]:
        db.executescript(script)
    # key_filter (version 7) and key_segments (8) hold SQLite's filters over its key tables (store/keyfilter.py),
    # no data of their own: PostgreSQL finds keys through an index on the server and keeps none.
    tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table' "
                                       "AND name NOT IN ('key_filter', 'key_segments')")]
    return {t: [r[1] for r in db.execute(f"PRAGMA table_info({t})")] for t in tables}


def _columns_postgres(url: str, version: int) -> dict[str, list[str]]:
    with psycopg.connect(url, autocommit=True) as db:
        for _, script in migrations.pending("postgres", 0)[:version]:
            db.execute(script)
        rows = db.execute("SELECT table_name, column_name FROM information_schema.columns "
                          "WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position").fetchall()
    columns: dict[str, list[str]] = {}
    for table, column in rows:
        if (table, column) not in {("mentions", "seq"), ("event_merges", "seq")}:   # seq plays SQLite's rowid
            columns.setdefault(table, []).append(column)
    return columns


def test_same_tables_and_columns_as_sqlite_at_every_version(pg_cluster):
    assert migrations.latest("postgres") == migrations.latest("sqlite") == SCHEMA_VERSION
    for version in range(1, SCHEMA_VERSION + 1):
        assert _columns_postgres(pg_cluster.new_schema(), version) == _columns_sqlite(version), version


def test_newer_schema_is_refused(pg_url):
    open_store(pg_url).close()
    with psycopg.connect(pg_url, autocommit=True) as db:
        db.execute("INSERT INTO schema_version (version) VALUES (99)")
    with pytest.raises(StoreError, match="schema version 99 is newer"):
        open_store(pg_url)


def test_version_1_database_is_migrated_and_fingerprinted(pg_url, monkeypatch):
    every = migrations.pending
    monkeypatch.setattr(migrations, "pending", lambda dialect, current: every(dialect, current)[:1])
    open_store(pg_url).close()   # a database as wirewatch's schema 1 left it
    monkeypatch.undo()
    article = make_article(GOMA_TEXT)
    with psycopg.connect(pg_url, autocommit=True) as db:
        assert db.execute("SELECT max(version) FROM schema_version").fetchone()[0] == 1
        db.execute("INSERT INTO articles (id, url, text, ingested, language, simhash, band0) "
                   "VALUES (%s, %s, %s, '2024-03-02', 'en', 123, 4)", [article.id, article.url, GOMA_TEXT])
    store = open_store(pg_url)
    assert store.schema_version() == SCHEMA_VERSION
    assert store.has_article(article.id)
    assert store.near_duplicate(fingerprint(GOMA_TEXT), 0.9) == article.id
    store.close()


def test_version_3_database_is_migrated_and_still_finds_copies(pg_url, monkeypatch):
    every = migrations.pending
    monkeypatch.setattr(migrations, "pending", lambda dialect, current: every(dialect, current)[:3])
    open_store(pg_url).close()   # a database as wirewatch's schema 3 left it
    monkeypatch.undo()
    articles = [make_article(text, url=f"https://ledger.example/{n}")
                for n, text in enumerate([KHARKIV_TEXT + " " + GOMA_TEXT, DAKAR_TEXT])]
    with psycopg.connect(pg_url, autocommit=True) as db:
        assert db.execute("SELECT max(version) FROM schema_version").fetchone()[0] == 3
        for article in articles:   # as schema 3's store wrote them
            fp = fingerprint(article.text)
            db.execute("INSERT INTO articles (id, url, text, ingested, language, fingerprint) "
                       "VALUES (%s, %s, %s, '2024-09-02', 'en', %s)", [article.id, article.url, article.text,
                                                                       fp.signature])
            db.cursor().executemany("INSERT INTO article_keys VALUES (%s, %s)",
                                    [(key, article.id) for key in set(fp.keys)])
    store = open_store(pg_url)
    assert store.schema_version() == SCHEMA_VERSION == 9
    assert store.db.execute("SELECT count(*) FROM article_keys").fetchone()[0] == \
        sum(len(set(fingerprint(a.text).keys)) for a in articles)
    assert store.db.execute("SELECT count(*) FROM recent_keys").fetchone()[0] == 0
    reprint = fingerprint(KHARKIV_TEXT + " " + GOMA_TEXT + " Follow us for more updates.")
    assert store.near_duplicate(reprint, 0.6) == articles[0].id
    assert store.near_duplicate(fingerprint(DAKAR_TEXT), 0.9) == articles[1].id
    later = make_article(GOMA_TEXT)
    with store.transaction():
        store.add_article(later, fingerprint(later.text))
    assert store.near_duplicate(fingerprint(GOMA_TEXT), 0.9) == later.id
    store.close()


def test_nul_characters_are_kept_as_replacement_characters(pg_url):
    store = open_store(pg_url)
    text = "Protesters\x00 marched in Dakar on Friday, witnesses said."
    article = make_article(text)
    mention = make_mention(article, 0, "Peaceful protest", "Protests", DAKAR, date(2024, 2, 9), passage=(0, 12))
    with store.transaction():
        store.add_article(article, fingerprint(text))
        store.save_event(make_event("ev-nul", mention, article), [(mention, "founded the event")])
    assert store.article(article.id).text == text.replace("\x00", "\ufffd")   # same length: spans still hold
    assert store.mentions_of("ev-nul")[0][0].trigger.text == "Prote"
    store.close()


# --- writers --------------------------------------------------------------------------------------


def test_batches_of_two_writers_take_turns(pg_url):
    first, second = open_store(pg_url), open_store(pg_url)
    a, b = make_article(KHARKIV_TEXT), make_article(GOMA_TEXT)
    entered, seen = threading.Event(), []

    def other_writer() -> None:
        with second.transaction():
            entered.set()
            seen.append(second.has_article(a.id))
            second.add_article(b, fingerprint(b.text))

    with first.transaction():
        first.add_article(a, fingerprint(a.text))
        thread = threading.Thread(target=other_writer)
        thread.start()
        assert not entered.wait(0.5), "the second writer's batch began while the first was open"
    thread.join(10)
    assert seen == [True]            # it began after the first committed, and saw its article
    assert first.has_article(b.id)
    first.close()
    second.close()


def _write(url: str, paths: list[str], start: multiprocessing.Barrier, results: multiprocessing.Queue) -> None:
    """One writer process: open the store (the first open migrates it) and run the pipeline."""
    start.wait(30)
    store = open_store(url)
    settings = load_settings(None, env={}, overrides={"extract.model": False, "store.batch_size": 4})
    report = pipeline.run(paths, store, settings, today=TODAY)
    results.put((report.new, len(report.errors)))
    store.close()


def _events(store) -> dict[str, dict]:
    return {e.id: to_dict(e) for e in store.events(EventFilter())}


def _count(store, table: str) -> int:
    return store.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_two_processes_store_each_article_and_event_once(pg_url, tmp_path):
    corpus = Path(demo_articles())
    paths = sorted(str(p) for p in corpus.glob("ru-ua-*")) + [str(corpus / "wires.jsonl")]
    context = multiprocessing.get_context("fork")
    start, results = context.Barrier(2), context.Queue()
    writers = [context.Process(target=_write, args=(pg_url, paths, start, results)) for _ in range(2)]
    for w in writers:
        w.start()
    for w in writers:
        w.join(120)
    assert [w.exitcode for w in writers] == [0, 0]
    news = [results.get(timeout=5) for _ in writers]
    serial = SQLiteStore(tmp_path / "serial.db")
    settings = load_settings(None, env={}, overrides={"extract.model": False, "store.batch_size": 4})
    expected = pipeline.run(paths, serial, settings, today=TODAY)
    shared = open_store(pg_url)
    assert all(errors == 0 for _, errors in news)
    for table in ("articles", "mentions", "events", "article_signatures"):   # each row once, as one writer stores it
        assert _count(shared, table) == _count(serial, table), table
    keys = [sum(_count(s, t) for t in ("article_keys", "recent_keys")) for s in (shared, serial)]
    assert keys[0] == keys[1] > 0
    assert set(_events(shared)) == set(_events(serial))
    same_events = _events(shared) == _events(serial)
    stored_once = sum(new for new, _ in news) == expected.new
    shared.close()
    serial.close()
    assert same_events and stored_once   # no article fused by both writers


# --- the demo corpus ------------------------------------------------------------------------------


def test_demo_corpus_gives_the_same_events_on_both_backends(pg_url, tmp_path):
    settings = load_settings(None, env={})
    stores = [SQLiteStore(tmp_path / "demo.db"), open_store(pg_url)]
    for store in stores:
        pipeline.run([demo_articles()], store, settings, today=TODAY)
    lite, pg = ([(e.id, e.event_type, e.sub_event_type, e.place, e.date, e.fatalities, e.sources)
                 for e in store.events(EventFilter())] for store in stores)
    assert len(lite) > 50
    assert pg == lite
    assert stores[1].stats(EventFilter()) == stores[0].stats(EventFilter())
    for store in stores:
        store.close()
