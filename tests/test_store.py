"""The store on both backends: schema, articles, near-duplicates, events and filters, stats, feeds,
transactions. SQLite-only: WAL, user_version, files. The PostgreSQL cases need a throwaway cluster
(tests/pgcluster.py) and are skipped, saying why, without one."""

from __future__ import annotations

import sqlite3
import sys
from datetime import date
from typing import Callable

import pytest

from wirewatch.clean import article_id
from wirewatch.errors import NotFound, StoreError
from wirewatch.ingest.dedup import fingerprint
from wirewatch.models import (Actor, Article, Attribution, ClaimStatus, DatePrecision, Event, EventSource,
                              Fatalities, GeoPrecision, Mention, Place, ResolvedDate, SourceKind, Span, TextField)
from wirewatch.store import EventFilter, SQLiteStore, Store, open_store
from wirewatch.store.sqlite import SCHEMA_VERSION

pytest_plugins = ["pgcluster"]

KHARKIV_TEXT = ("Russian forces shelled a residential district of Kharkiv on Tuesday, killing two civilians, "
                "the regional governor said.")
DAKAR_TEXT = ("Police fired tear gas at protesters in Dakar on Friday, witnesses said. Demonstrators burned "
              "tyres near Independence Square.")
GOMA_TEXT = "Rebels clashed with the army near Goma last month, local officials said."


def make_article(text: str, url: str | None = "https://example.org/a", outlet: str | None = "Example Wire",
                 published: date | None = date(2024, 4, 10)) -> Article:
    return Article(article_id(text), url, outlet, "Headline", published, "en", text, source="test.txt",
                   ingested=date(2024, 9, 2))


def make_place(name: str, iso: str, country: str, admin1: str | None, lat: float, lon: float,
               geonameid: int | None = None, precision: GeoPrecision = GeoPrecision.EXACT) -> Place:
    return Place(name, precision, country, iso, admin1, None, lat, lon, geonameid)


KHARKIV = make_place("Kharkiv", "UKR", "Ukraine", "Kharkiv", 49.98, 36.25, 706483)
DAKAR = make_place("Dakar", "SEN", "Senegal", "Dakar", 14.69, -17.44, 2253354)
GOMA = make_place("Goma", "COD", "DR Congo", "North Kivu", -1.68, 29.23, 216281)


def make_mention(article: Article, n: int, sub: str, etype: str, place: Place, day: date,
                 kind: SourceKind = SourceKind.OUTLET, passage: tuple[int, int] | None = None) -> Mention:
    start, end = passage or (0, len(article.text))
    span = Span(article.id, start, end)
    return Mention(id=f"{article.id}:{n}", article_id=article.id, passage=span, event_type=etype,
                   sub_event_type=sub, trigger=TextField(article.text[start:start + 5], Span(article.id, start, start + 5)),
                   attribution=Attribution(kind), place=place,
                   date=ResolvedDate(day, day, DatePrecision.DAY))


def make_event(eid: str, mention: Mention, article: Article, actor1: str | None = None,
               status: ClaimStatus = ClaimStatus.REPORTED, deaths: int | None = None,
               end: date | None = None) -> Event:
    when = mention.date if end is None else ResolvedDate(mention.date.start, end, DatePrecision.WEEK)
    return Event(
        id=eid, event_type=mention.event_type, sub_event_type=mention.sub_event_type, date=when,
        place=mention.place, claim_status=status,
        actor1=Actor(actor1, "state_forces") if actor1 else None,
        fatalities=Fatalities(deaths, deaths, deaths) if deaths is not None else None,
        sources=(EventSource(mention.id, article.id, article.outlet, article.url, mention.attribution.kind,
                             "founded the event"),),
    )


@pytest.fixture(params=["sqlite", "postgres"])
def opener(request, tmp_path) -> Callable[[], Store]:
    """Opens a store on this test's database, as often as asked (a second connection, a reopening)."""
    target = str(tmp_path / "events.db") if request.param == "sqlite" else request.getfixturevalue("pg_url")
    opened: list[Store] = []

    def _open() -> Store:
        opened.append(open_store(target))
        return opened[-1]

    yield _open
    for store in opened:
        store.close()


@pytest.fixture
def store(opener) -> Store:
    """A fresh store on each backend."""
    return opener()


def count(store: Store, table: str) -> int:
    return store.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def row(store: Store, sql: str) -> tuple:
    """The first row of a query without parameters, as a tuple, on either backend."""
    return tuple(store.db.execute(sql).fetchone())


@pytest.fixture
def stocked(store):
    """A store with three articles and three events in three countries."""
    rows = [
        (KHARKIV_TEXT, "https://ledger.example/kharkiv", "ev-kharkiv", "Shelling/artillery/missile attack",
         "Explosions/Remote violence", KHARKIV, date(2024, 4, 9), "Military Forces of Russia", None),
        (DAKAR_TEXT, "https://courier.example/dakar", "ev-dakar", "Protest with intervention", "Protests",
         DAKAR, date(2024, 2, 9), "Police Forces of Senegal", None),
        (GOMA_TEXT, None, "ev-goma", "Armed clash", "Battles", GOMA, date(2024, 3, 1), "M23",
         date(2024, 3, 31)),
    ]
    with store.transaction():
        for text, url, eid, sub, etype, place, day, actor, end in rows:
            article = make_article(text, url)
            store.add_article(article, fingerprint(text))
            mention = make_mention(article, 0, sub, etype, place, day)
            store.save_event(make_event(eid, mention, article, actor, end=end), [(mention, "founded the event")])
    return store


# --- schema ---------------------------------------------------------------------------------------


def test_schema_version_is_set(store):
    assert store.schema_version() == SCHEMA_VERSION == 9


def test_tables_exist(store):
    names = {r[0] for r in store.db.execute("SELECT table_name FROM information_schema.tables")} \
        if not isinstance(store, SQLiteStore) else \
        {r[0] for r in store.db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"runs", "problems", "articles", "duplicates", "events", "mentions", "article_keys", "feeds",
            "feed_items", "event_merges"} <= names


def test_reopening_keeps_data_and_version(opener):
    store = opener()
    article = make_article(KHARKIV_TEXT)
    with store.transaction():
        store.add_article(article, fingerprint(article.text))
    store.close()
    again = opener()
    assert again.has_article(article.id)
    assert again.schema_version() == SCHEMA_VERSION


# --- SQLite only: the file, WAL, user_version -----------------------------------------------------


def test_sqlite_schema_version_is_the_user_version(tmp_store):
    assert tmp_store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 9


def test_wal_mode(tmp_store):
    assert tmp_store.db.execute("PRAGMA journal_mode").fetchone()[0].lower() == "wal"


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "future.db"
    db = sqlite3.connect(path)
    db.execute("PRAGMA user_version=99")
    db.close()
    with pytest.raises(StoreError):
        SQLiteStore(path)


def test_non_database_file_is_refused(tmp_path):
    path = tmp_path / "notes.db"
    path.write_bytes(b"this is not a sqlite database, just some notes " * 50)
    with pytest.raises(StoreError):
        SQLiteStore(path)


def test_store_creates_parent_folders(tmp_path):
    store = open_store(tmp_path / "deep" / "er" / "events.db")
    assert isinstance(store, SQLiteStore)
    assert (tmp_path / "deep" / "er" / "events.db").exists()
    store.close()


def test_version_1_database_is_migrated_and_fingerprinted(tmp_path):
    from importlib import resources
    path = tmp_path / "old.db"
    db = sqlite3.connect(path)
    v1 = (resources.files("wirewatch") / "store" / "migrations" / "sqlite" / "0001_initial.sql").read_text("utf-8")
    db.executescript(v1 + "PRAGMA user_version=1;")
    article = make_article(GOMA_TEXT)
    db.execute("INSERT INTO articles (id, url, outlet, title, published, ingested, language, source, text, simhash, "
               "band0) VALUES (?,?,?,?,?,?,?,?,?,?,?)", (article.id, article.url, article.outlet, article.title,
                                                          None, "2024-03-02", "en", "goma.txt", GOMA_TEXT, 123, 4))
    db.commit()
    db.close()
    store = SQLiteStore(path)
    assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    columns = {r[1] for r in store.db.execute("PRAGMA table_info(articles)")}
    assert "fingerprint" not in columns and "simhash" not in columns
    assert store.has_article(article.id)
    assert store.near_duplicate(fingerprint(GOMA_TEXT), 0.9) == article.id
    assert count(store, "article_signatures") == 1
    store.close()


def _version_3_store(path) -> sqlite3.Connection:
    """A database as wirewatch's schema 3 left it: signatures in articles, keys pointing at article ids."""
    from wirewatch.store import migrations
    db = sqlite3.connect(path)
    for _, script in migrations.pending("sqlite", 0)[:3]:
        db.executescript(script)
    db.execute("PRAGMA user_version=3")
    return db


def test_version_3_database_is_migrated_and_still_finds_copies(tmp_path):
    db = _version_3_store(tmp_path / "v3.db")
    articles = [make_article(text, url=f"https://ledger.example/{n}")
                for n, text in enumerate([KHARKIV_TEXT + " " + GOMA_TEXT, DAKAR_TEXT, GOMA_TEXT])]
    for article in articles:   # as schema 3's store wrote them
        fp = fingerprint(article.text)
        db.execute("INSERT INTO articles (id, url, text, ingested, language, fingerprint) VALUES (?,?,?,?,?,?)",
                   (article.id, article.url, article.text, "2024-09-02", "en", fp.signature))
        db.executemany("INSERT INTO article_keys VALUES (?, ?)", [(key, article.id) for key in set(fp.keys)])
    db.commit()
    db.close()
    store = SQLiteStore(tmp_path / "v3.db")
    assert store.schema_version() == SCHEMA_VERSION
    assert "fingerprint" not in {r[1] for r in store.db.execute("PRAGMA table_info(articles)")}
    assert count(store, "article_signatures") == 3
    assert count(store, "article_keys") == sum(len(set(fingerprint(a.text).keys)) for a in articles)
    assert count(store, "recent_keys") == 0
    reprint = fingerprint(KHARKIV_TEXT + " " + GOMA_TEXT + " Follow us for more updates.")
    assert store.near_duplicate(reprint, 0.6) == articles[0].id
    assert store.near_duplicate(fingerprint(DAKAR_TEXT), 0.9) == articles[1].id
    later = make_article(DAKAR_TEXT + " " + KHARKIV_TEXT)   # stored after the migration, found beside the rest
    with store.transaction():
        store.add_article(later, fingerprint(later.text))
    assert store.near_duplicate(fingerprint(later.text), 0.9) == later.id
    assert store.near_duplicate(fingerprint(GOMA_TEXT), 0.9) == articles[2].id
    store.close()


def test_near_duplicate_lookup_reads_the_key_and_signature_tables_only(tmp_store):
    from wirewatch.store.sqlite_keys import _candidates_sql
    plan = [r[3] for r in tmp_store.db.execute("EXPLAIN QUERY PLAN " + _candidates_sql(25, 2), list(range(29)))]
    assert "SEARCH recent_keys USING PRIMARY KEY (key=?)" in plan
    assert "SEARCH article_keys USING PRIMARY KEY (segment=? AND key=?)" in plan
    assert "SEARCH article_signatures USING INTEGER PRIMARY KEY (rowid=?)" in plan
    assert {step.split()[1] for step in plan if step.startswith(("SEARCH", "SCAN"))} == \
        {"article_keys", "recent_keys", "article_signatures"}   # never articles, never a whole table


def _seal_every(store, monkeypatch, every: int, merge: int | None = None) -> None:
    # SQLite's key index lives in its own module (sqlite_keys.py), PostgreSQL's in the store's.
    module = sys.modules["wirewatch.store.sqlite_keys" if isinstance(store, SQLiteStore) else type(store).__module__]
    monkeypatch.setattr(module, "SEAL_EVERY", every)
    if merge is not None and isinstance(store, SQLiteStore):   # PostgreSQL never merges
        monkeypatch.setattr(module, "MERGE_SEGMENTS", merge)


def test_keys_are_sealed_into_segments_and_found_in_each(store, monkeypatch):
    _seal_every(store, monkeypatch, 2, merge=3)
    texts = [KHARKIV_TEXT + " " + GOMA_TEXT, DAKAR_TEXT, GOMA_TEXT, DAKAR_TEXT + " " + GOMA_TEXT,
             KHARKIV_TEXT + " " + DAKAR_TEXT, KHARKIV_TEXT, DAKAR_TEXT + " " + KHARKIV_TEXT]
    articles = [make_article(text, url=f"https://ledger.example/{n}") for n, text in enumerate(texts)]
    with store.transaction():
        for article in articles:
            store.add_article(article, fingerprint(article.text))
    keys = [len(set(fingerprint(text).keys)) for text in texts]
    assert [count(store, table) for table in ("article_keys", "recent_keys")] == [sum(keys[:6]), keys[6]]
    segments = [s for (s,) in store.db.execute("SELECT DISTINCT segment FROM article_keys ORDER BY segment")]
    if isinstance(store, SQLiteStore):   # the third seal merged the three into one, numbered minus the sixth
        assert segments == [-6]
        assert [s for (s,) in store.db.execute("SELECT segment FROM key_segments")] == [-6]
    else:                                # PostgreSQL finds keys by its index and never merges
        assert segments == [2, 4, 6]
    assert [store.near_duplicate(fingerprint(text), 0.9) for text in texts] == [a.id for a in articles]


def test_keys_are_sealed_even_when_a_rolled_back_batch_used_up_the_number_that_was_due(store, monkeypatch):
    _seal_every(store, monkeypatch, 2)
    first, lost, second = (make_article(t, url=f"https://ledger.example/{n}")
                           for n, t in enumerate([KHARKIV_TEXT, DAKAR_TEXT, GOMA_TEXT]))
    with store.transaction():
        store.add_article(first, fingerprint(first.text))
    with pytest.raises(RuntimeError):
        with store.transaction():   # PostgreSQL's identity sequence keeps the number this batch took
            store.add_article(lost, fingerprint(lost.text))
            raise RuntimeError("batch failed")
    with store.transaction():
        store.add_article(second, fingerprint(second.text))
    assert count(store, "recent_keys") == 0
    assert store.near_duplicate(fingerprint(second.text), 0.9) == second.id
    assert store.near_duplicate(fingerprint(DAKAR_TEXT), 0.9) is None


def test_a_lookup_searches_segments_only_for_keys_their_filters_let_through(tmp_store, monkeypatch):
    from wirewatch.store.sqlite_keys import _candidates_sql
    plan = [r[3] for r in tmp_store.db.execute("EXPLAIN QUERY PLAN " + _candidates_sql(25, 0), list(range(25)))]
    assert {step.split()[1] for step in plan if step.startswith(("SEARCH", "SCAN"))} == \
        {"recent_keys", "article_signatures"}
    _seal_every(tmp_store, monkeypatch, 1)
    article = make_article(GOMA_TEXT)
    with tmp_store.transaction():
        tmp_store.add_article(article, fingerprint(article.text))
    filters = tmp_store._segment_filters()
    assert set(filters.candidates(fingerprint(GOMA_TEXT).keys)) == {(1, key) for key in fingerprint(GOMA_TEXT).keys}
    assert filters.candidates(fingerprint(DAKAR_TEXT).keys) == []


def test_a_seal_by_another_writer_reaches_a_store_holding_the_filters(tmp_path, monkeypatch):
    monkeypatch.setattr(sys.modules["wirewatch.store.sqlite_keys"], "SEAL_EVERY", 1)
    monkeypatch.setattr(sys.modules["wirewatch.store.sqlite_keys"], "MERGE_SEGMENTS", 3)
    one, other = SQLiteStore(tmp_path / "shared.db"), SQLiteStore(tmp_path / "shared.db")
    first = [make_article(t, url=f"https://ledger.example/{n}") for n, t in enumerate([KHARKIV_TEXT, DAKAR_TEXT])]
    with one.transaction():
        for article in first:
            one.add_article(article, fingerprint(article.text))
    assert one.near_duplicate(fingerprint(KHARKIV_TEXT), 0.9) == first[0].id   # read from its own two filters
    later = [make_article(t, url=f"https://wire.example/{n}") for n, t in enumerate([GOMA_TEXT, GOMA_TEXT + " More."])]
    with other.transaction():   # a third seal and a merge, written by another process's store
        for article in later:
            other.add_article(article, fingerprint(article.text))
    assert count(one, "recent_keys") == 0
    assert sorted(one._segment_filters().filters) == [-3, 4]
    assert one.near_duplicate(fingerprint(GOMA_TEXT), 0.9) == later[0].id
    assert one.near_duplicate(fingerprint(KHARKIV_TEXT), 0.9) == first[0].id   # now in the merged segment
    one.close()
    other.close()


def test_a_rolled_back_seal_leaves_no_filter_behind(tmp_store, monkeypatch):
    _seal_every(tmp_store, monkeypatch, 1)
    with pytest.raises(RuntimeError):
        with tmp_store.transaction():
            tmp_store.add_article(make_article(GOMA_TEXT), fingerprint(GOMA_TEXT))
            assert 1 in tmp_store._segment_filters().filters
            raise RuntimeError("batch failed")
    assert tmp_store._segment_filters().filters == {}
    assert tmp_store.near_duplicate(fingerprint(GOMA_TEXT), 0.9) is None
    later = make_article(DAKAR_TEXT)   # takes the number, and the segment number, the lost one had
    with tmp_store.transaction():
        tmp_store.add_article(later, fingerprint(later.text))
    assert tmp_store.near_duplicate(fingerprint(DAKAR_TEXT), 0.9) == later.id
    assert tmp_store.near_duplicate(fingerprint(GOMA_TEXT), 0.9) is None


def test_a_version_7_store_keeps_its_segments_and_newer_keys(tmp_path):
    from wirewatch.store import migrations
    path = tmp_path / "v7.db"
    db = sqlite3.connect(path)
    for _, script in migrations.pending("sqlite", 0)[:7]:
        db.executescript(script)
    db.execute("PRAGMA user_version=7")
    texts = [KHARKIV_TEXT, DAKAR_TEXT, GOMA_TEXT]
    articles = [make_article(text, url=f"https://ledger.example/{n}") for n, text in enumerate(texts)]
    for n, (article, table) in enumerate(zip(articles, ("article_keys", "newer_keys", "recent_keys")), start=1):
        fp = fingerprint(article.text)
        db.execute("INSERT INTO articles (id, url, text, ingested, language) VALUES (?,?,?,?,?)",
                   (article.id, article.url, article.text, "2024-09-02", "en"))
        db.execute("INSERT INTO article_signatures (n, article_id, signature) VALUES (?,?,?)",
                   (n, article.id, fp.signature))
        rows = [((1,) if table == "article_keys" else ()) + (key, n) for key in set(fp.keys)]
        db.executemany(f"INSERT INTO {table} VALUES ({','.join('?' * len(rows[0]))})", rows)
    db.commit()
    db.close()
    store = SQLiteStore(path)
    assert [s for (s,) in store.db.execute("SELECT segment FROM key_segments ORDER BY segment")] == [-3, -1]
    assert [store.near_duplicate(fingerprint(text), 0.9) for text in texts] == [a.id for a in articles]
    store.close()


def test_a_writer_gets_a_page_cache_for_the_key_index(tmp_store):
    from wirewatch.store.sqlite import WRITER_CACHE_KIB
    assert tmp_store.db.execute("PRAGMA cache_size").fetchone()[0] == -2000   # readers keep SQLite's default
    with tmp_store.transaction():
        pass
    assert tmp_store.db.execute("PRAGMA cache_size").fetchone()[0] == -WRITER_CACHE_KIB
    assert tmp_store.db.execute("PRAGMA synchronous").fetchone()[0] == 1      # NORMAL: WAL synced at checkpoints


# --- articles -------------------------------------------------------------------------------------


def test_add_article_and_lookups(store):
    article = make_article(KHARKIV_TEXT, url="https://ledger.example/kharkiv")
    assert not store.has_article(article.id)
    with store.transaction():
        store.add_article(article, fingerprint(article.text))
    assert store.has_article(article.id)
    assert store.is_known(article.id, "https://ledger.example/kharkiv")
    assert not store.is_known(article.id, "https://other.example/kharkiv")
    assert not store.is_known(article.id, None)
    assert store.article(article.id) == article
    assert store.articles_for({article.id, "missing"}) == {article.id: article}
    assert store.articles_for(set()) == {}


def test_article_without_url_or_dates_round_trips(store):
    article = make_article(GOMA_TEXT, url=None, outlet=None, published=None)
    with store.transaction():
        store.add_article(article, fingerprint(article.text))
    assert store.is_known(article.id, None)
    assert not store.is_known(article.id, "https://example.org/goma")
    assert store.article(article.id) == article


def test_adding_an_article_twice_keeps_one_row(store):
    article = make_article(KHARKIV_TEXT)
    with store.transaction():
        assert store.add_article(article, fingerprint(article.text)) is True
        assert store.add_article(article, fingerprint(article.text)) is False
    assert count(store, "articles") == 1
    assert count(store, "recent_keys") == len(set(fingerprint(article.text).keys))


def test_duplicate_makes_the_copy_known(store):
    original = make_article(KHARKIV_TEXT, url="https://ledger.example/kharkiv")
    copy = make_article(KHARKIV_TEXT + " More follows.", url="https://mirror.example/kharkiv", outlet="Mirror")
    with store.transaction():
        store.add_duplicate(copy, original.id, "near")   # a copy may be recorded before its original
        store.add_article(original, fingerprint(original.text))
        store.add_duplicate(copy, original.id, "near")   # twice: one row
    assert store.is_known(copy.id, "https://mirror.example/kharkiv")
    assert not store.has_article(copy.id)
    assert count(store, "duplicates") == 1
    assert row(store, "SELECT duplicate_of, kind, outlet FROM duplicates") == (original.id, "near", "Mirror")


def test_near_duplicate_lookup(store):
    article = make_article(KHARKIV_TEXT + " " + GOMA_TEXT)
    with store.transaction():
        store.add_article(article, fingerprint(article.text))
    assert store.near_duplicate(fingerprint(article.text), 0.7) == article.id
    reprint = fingerprint(KHARKIV_TEXT + " " + GOMA_TEXT + " Follow us for more updates.")
    assert store.near_duplicate(reprint, 0.6) == article.id
    assert store.near_duplicate(reprint, 1.0) is None                   # over the threshold
    assert store.near_duplicate(fingerprint(DAKAR_TEXT), 0.5) is None   # another story


def test_near_duplicate_picks_the_most_similar(store):
    base = KHARKIV_TEXT + " " + GOMA_TEXT
    far = make_article(base + " " + DAKAR_TEXT)
    near = make_article(base + " The governor said.")
    with store.transaction():
        store.add_article(far, fingerprint(far.text))
        store.add_article(near, fingerprint(near.text))
    assert store.near_duplicate(fingerprint(base), 0.3) == near.id


def test_article_ids_by_url_includes_copies(store):
    original = make_article(KHARKIV_TEXT, url="https://ledger.example/kharkiv")
    copy = make_article(KHARKIV_TEXT + " More follows.", url="https://mirror.example/kharkiv")
    with store.transaction():
        store.add_article(original, fingerprint(original.text))
        store.add_duplicate(copy, original.id, "near")
    found = store.article_ids_by_url({"https://ledger.example/kharkiv", "https://mirror.example/kharkiv",
                                      "https://nowhere.example/"})
    assert found == {"https://ledger.example/kharkiv": original.id, "https://mirror.example/kharkiv": original.id}
    assert store.article_ids_by_url(set()) == {}


def test_mentions_in_article_in_text_order(store):
    article = make_article(DAKAR_TEXT)
    m0 = make_mention(article, 0, "Protest with intervention", "Protests", DAKAR, date(2024, 2, 9), passage=(0, 10))
    m1 = make_mention(article, 1, "Violent demonstration", "Riots", DAKAR, date(2024, 2, 9), passage=(11, 20))
    with store.transaction():
        store.add_article(article, fingerprint(article.text))
        store.save_event(make_event("ev-b", m1, article), [(m1, "founded the event")])
        store.save_event(make_event("ev-a", m0, article), [(m0, "founded the event")])
    assert store.mentions_in_article(article.id) == [("ev-b", m1), ("ev-a", m0)]   # in the order stored
    assert store.mentions_in_article("0000000000000000") == []


def test_unknown_article_is_not_found(store):
    with pytest.raises(NotFound):
        store.article("0000000000000000")


# --- feeds ----------------------------------------------------------------------------------------


def test_feed_state_round_trip(store):
    from datetime import datetime, timezone
    from wirewatch.store import FeedState
    assert store.feed_state("https://wire.example/rss") is None
    state = FeedState("https://wire.example/rss", etag='"abc"', modified="Tue, 09 Apr 2024 08:00:00 GMT",
                      failures=2, next_poll=datetime(2024, 4, 9, 9, 30, tzinfo=timezone.utc),
                      last_error="timed out after 20 s", title="Wire")
    with store.transaction():
        store.save_feed_state(state)
    assert store.feed_state(state.url) == state
    state.failures = 0
    state.last_error = None
    state.next_poll = None
    with store.transaction():
        store.save_feed_state(state)
    assert store.feed_state(state.url) == state
    assert count(store, "feeds") == 1


def test_feed_items_seen(store):
    feed = "https://wire.example/rss"
    ids = [f"item-{i}" for i in range(1200)]   # more than one SQLite statement's bound parameters
    assert store.seen_items(feed, ids) == set()
    with store.transaction():
        store.mark_items_seen(feed, ids[:700])
        store.mark_items_seen(feed, ids[:3])             # marking twice is harmless
    assert store.seen_items(feed, ids) == set(ids[:700])
    assert store.seen_items("https://other.example/rss", ids) == set()
    assert count(store, "feed_items") == 700


# --- events ---------------------------------------------------------------------------------------


def test_save_event_and_read_it_back(store):
    article = make_article(KHARKIV_TEXT)
    mention = make_mention(article, 0, "Shelling/artillery/missile attack", "Explosions/Remote violence",
                           KHARKIV, date(2024, 4, 9))
    event = make_event("ev-1", mention, article, "Military Forces of Russia", ClaimStatus.CONFIRMED, deaths=2)
    with store.transaction():
        store.add_article(article, fingerprint(article.text))
        store.save_event(event, [(mention, "founded the event")])
    assert store.event("ev-1") == event
    assert store.mentions_of("ev-1") == [(mention, "founded the event")]
    assert row(store, "SELECT iso, location, fatalities, claim_status, corroboration, time_precision, "
                      "geo_precision, latitude FROM events") == ("UKR", "Kharkiv", 2, "confirmed", 1, 1, 1, 49.98)


def test_saving_an_event_again_replaces_it(store):
    article = make_article(KHARKIV_TEXT)
    m1 = make_mention(article, 0, "Shelling/artillery/missile attack", "Explosions/Remote violence", KHARKIV,
                      date(2024, 4, 9))
    m2 = make_mention(article, 1, "Shelling/artillery/missile attack", "Explosions/Remote violence", KHARKIV,
                      date(2024, 4, 9), SourceKind.OFFICIAL_DENIAL)
    with store.transaction():
        store.add_article(article, fingerprint(article.text))
        store.save_event(make_event("ev-1", m1, article), [(m1, "founded the event")])
        store.save_event(make_event("ev-1", m1, article, status=ClaimStatus.DISPUTED), [(m2, "merged")])
    assert count(store, "events") == 1
    assert store.event("ev-1").claim_status is ClaimStatus.DISPUTED
    assert [r for _, r in store.mentions_of("ev-1")] == ["founded the event", "merged"]


def test_unknown_event_is_not_found(store):
    with pytest.raises(NotFound) as info:
        store.event("ev-nothing")
    assert "ev-nothing" in str(info.value)


def _ids(store, **kw) -> list[str]:
    return [e.id for e in store.events(EventFilter(**kw))]


@pytest.mark.parametrize("kw, expected", [
    ({}, ["ev-dakar", "ev-goma", "ev-kharkiv"]),                       # oldest first
    ({"country": "UKR"}, ["ev-kharkiv"]),
    ({"country": "ukraine"}, ["ev-kharkiv"]),
    ({"country": "sen"}, ["ev-dakar"]),
    ({"country": "RUS"}, []),
    ({"admin1": "NORTH KIVU"}, ["ev-goma"]),
    ({"type": "Protests"}, ["ev-dakar"]),
    ({"type": "armed clash"}, ["ev-goma"]),
    ({"type": "Shelling/artillery/missile attack"}, ["ev-kharkiv"]),
    ({"sub_type": "ARMED CLASH"}, ["ev-goma"]),
    ({"sub_type": "Battles"}, []),                                      # a type, not a sub-type
    ({"since": date(2024, 3, 15)}, ["ev-goma", "ev-kharkiv"]),         # Goma's month-long range ends 31 March
    ({"since": date(2024, 4, 10)}, []),
    ({"until": date(2024, 2, 29)}, ["ev-dakar"]),
    ({"since": date(2024, 2, 1), "until": date(2024, 3, 1)}, ["ev-dakar", "ev-goma"]),
    ({"actor": "Russia"}, ["ev-kharkiv"]),
    ({"actor": "police"}, ["ev-dakar"]),
    ({"actor": "Forces_of"}, ["ev-dakar", "ev-kharkiv"]),              # "_" is LIKE's any-character
    ({"actor": "Wagner"}, []),
    ({"text": "tear gas"}, ["ev-dakar"]),
    ({"text": "independence square"}, ["ev-dakar"]),
    ({"text": "shelled"}, ["ev-kharkiv"]),
    ({"text": "no such words"}, []),
    ({"bbox": (20.0, 40.0, 45.0, 55.0)}, ["ev-kharkiv"]),
    ({"bbox": (170.0, -10.0, 30.0, 5.0)}, ["ev-goma"]),                 # across the antimeridian
    ({"claim_status": "REPORTED"}, ["ev-dakar", "ev-goma", "ev-kharkiv"]),
    ({"claim_status": "disputed"}, []),
    ({"min_corroboration": 2}, []),
    ({"country": "UKR", "type": "Protests"}, []),
    ({"limit": 2}, ["ev-dakar", "ev-goma"]),
    ({"after": ("2024-03-01", "ev-goma")}, ["ev-kharkiv"]),
    ({"after": ("2024-02-09", "ev-dakar"), "limit": 1}, ["ev-goma"]),
])
def test_event_filters(stocked, kw, expected):
    assert _ids(stocked, **kw) == expected


def test_case_folding_is_ascii_only_on_both_backends(store):
    # SQLite's NOCASE folds A-Z only; PostgreSQL must find exactly the same events.
    article = make_article("Police dispersed a rally in Saint-Denis on Friday.")
    paris = make_place("Saint-Denis", "FRA", "France", "Île-de-France", 48.94, 2.36)
    mention = make_mention(article, 0, "Protest with intervention", "Protests", paris, date(2024, 2, 9))
    with store.transaction():
        store.add_article(article, fingerprint(article.text))
        store.save_event(make_event("ev-fr", mention, article), [(mention, "founded the event")])
    assert _ids(store, admin1="ÎLE-DE-FRANCE") == ["ev-fr"]
    assert _ids(store, admin1="île-de-france") == []


def test_events_come_in_pages_and_leave_the_store_usable(store, monkeypatch):
    from wirewatch.store import postgres
    monkeypatch.setattr(postgres, "PAGE", 2)   # a PostgreSQL store reads events in pages of this many
    article = make_article(KHARKIV_TEXT)
    with store.transaction():
        store.add_article(article, fingerprint(article.text))
        for n in range(5):
            m = make_mention(article, n, "Shelling/artillery/missile attack", "Explosions/Remote violence", KHARKIV,
                             date(2024, 4, 1 + n % 2))
            store.save_event(make_event(f"ev-{n}", m, article), [(m, "founded the event")])
    seen = []
    for event in store.events(EventFilter()):
        seen.append((event.id, len(store.mentions_of(event.id))))   # a query between two events
    assert seen == [("ev-0", 1), ("ev-2", 1), ("ev-4", 1), ("ev-1", 1), ("ev-3", 1)]
    assert _ids(store, limit=3) == ["ev-0", "ev-2", "ev-4"]
    assert _ids(store, limit=4, after=("2024-04-01", "ev-2")) == ["ev-4", "ev-1", "ev-3"]


def test_text_filter_reads_only_the_mention_passage(store):
    article = make_article(DAKAR_TEXT)
    first_sentence = DAKAR_TEXT.index(".") + 1
    mention = make_mention(article, 0, "Protest with intervention", "Protests", DAKAR, date(2024, 2, 9),
                           passage=(0, first_sentence))
    with store.transaction():
        store.add_article(article, fingerprint(article.text))
        store.save_event(make_event("ev-d", mention, article), [(mention, "founded the event")])
    assert _ids(store, text="tear gas") == ["ev-d"]
    assert _ids(store, text="burned tyres") == []


def test_candidate_events_block_on_country_type_and_time(stocked):
    article = make_article("Another shelling report from Kharkiv.")
    near = make_mention(article, 0, "Shelling/artillery/missile attack", "Explosions/Remote violence", KHARKIV,
                        date(2024, 4, 10))
    far = make_mention(article, 1, "Shelling/artillery/missile attack", "Explosions/Remote violence", KHARKIV,
                       date(2024, 8, 1))
    other_type = make_mention(article, 2, "Armed clash", "Battles", KHARKIV, date(2024, 4, 10))
    assert [e.id for e in stocked.candidate_events(near)] == ["ev-kharkiv"]
    assert stocked.candidate_events(far) == []
    assert stocked.candidate_events(other_type) == []


def test_candidate_events_leave_out_another_admin1_unless_a_place_is_only_the_country(stocked):
    article = make_article("Shelling reports from Kharkiv and Sumy regions, and from Ukraine at large.")
    shelling = ("Shelling/artillery/missile attack", "Explosions/Remote violence")
    sumy = make_place("Sumy", "UKR", "Ukraine", "Sumy", 50.91, 34.80, 692194)
    country = make_place("Ukraine", "UKR", "Ukraine", None, 49.0, 31.4, precision=GeoPrecision.COUNTRY)
    region = make_place("Kharkiv Oblast", "UKR", "Ukraine", "Kharkiv", 49.5, 36.5, precision=GeoPrecision.REGION)
    on = date(2024, 4, 10)
    in_sumy = make_mention(article, 0, *shelling, sumy, on)
    assert stocked.candidate_events(in_sumy) == []                                  # Kharkiv's event: another admin1
    assert [e.id for e in stocked.candidate_events(make_mention(article, 1, *shelling, region, on))] == ["ev-kharkiv"]
    assert [e.id for e in stocked.candidate_events(make_mention(article, 2, *shelling, country, on))] == ["ev-kharkiv"]
    with stocked.transaction():   # an event known only to the country is a candidate for a mention in any region
        founder = make_mention(article, 3, *shelling, country, on)
        stocked.add_article(article, fingerprint(article.text))
        stocked.save_event(make_event("ev-ukraine", founder, article), [(founder, "founded the event")])
    assert [e.id for e in stocked.candidate_events(in_sumy)] == ["ev-ukraine"]


# --- stats ----------------------------------------------------------------------------------------


def test_stats_by_iso_week_type_and_region(stocked):
    stats = stocked.stats(EventFilter())
    # Dakar 9 Feb 2024 is a Friday, Goma 1 March a Friday, Kharkiv 9 April a Tuesday.
    assert stats.by_week == [(date(2024, 2, 5), 1), (date(2024, 2, 26), 1), (date(2024, 4, 8), 1)]
    assert stats.total == 3
    assert stats.by_type == [("Battles", "Armed clash", 1), ("Explosions/Remote violence",
                                                             "Shelling/artillery/missile attack", 1),
                             ("Protests", "Protest with intervention", 1)]
    assert stats.by_admin1 == [("COD", "North Kivu", 1), ("SEN", "Dakar", 1), ("UKR", "Kharkiv", 1)]
    assert stocked.stats(EventFilter(country="SEN")).by_week == [(date(2024, 2, 5), 1)]


def test_stats_week_starts_on_monday_and_regionless_events_come_first(store):
    article = make_article(GOMA_TEXT)
    somewhere = make_place("DR Congo", "COD", "DR Congo", None, -2.88, 23.65, precision=GeoPrecision.COUNTRY)
    days = [(date(2024, 3, 3), GOMA), (date(2024, 3, 4), GOMA), (date(2024, 3, 10), somewhere)]  # Sun, Mon, Sun
    with store.transaction():
        store.add_article(article, fingerprint(article.text))
        for n, (day, place) in enumerate(days):
            m = make_mention(article, n, "Armed clash", "Battles", place, day)
            store.save_event(make_event(f"ev-{n}", m, article), [(m, "founded the event")])
    stats = store.stats(EventFilter())
    assert stats.by_week == [(date(2024, 2, 26), 1), (date(2024, 3, 4), 2)]
    assert stats.by_admin1 == [("COD", "North Kivu", 2), ("COD", None, 1)]
    assert store.stats(EventFilter(country="RUS")).by_week == []


# --- runs and problems ----------------------------------------------------------------------------


def test_runs_and_problems_are_recorded(store):
    run_id = store.start_run(["news/"])
    assert store.start_run(["more/"]) != run_id
    store.record_problem(run_id, "news/feed.jsonl", 3, "error", "is not JSON")
    store.finish_run(run_id, {"read": 4, "new": 2, "problems": 1})
    run = row(store, f"SELECT inputs, articles_read, articles_new, duplicates, problems, finished_at "
                     f"FROM runs WHERE id = {int(run_id)}")
    assert run[:5] == ('["news/"]', 4, 2, 0, 1)
    assert run[5]
    assert row(store, "SELECT source, line, level FROM problems") == ("news/feed.jsonl", 3, "error")


# --- transactions ---------------------------------------------------------------------------------


def test_failed_transaction_rolls_back_everything(store):
    article = make_article(KHARKIV_TEXT)
    mention = make_mention(article, 0, "Shelling/artillery/missile attack", "Explosions/Remote violence",
                           KHARKIV, date(2024, 4, 9))
    with pytest.raises(RuntimeError, match="boom"):
        with store.transaction():
            store.add_article(article, fingerprint(article.text))
            store.save_event(make_event("ev-1", mention, article), [(mention, "founded the event")])
            raise RuntimeError("boom")
    for table in ("articles", "article_keys", "events", "mentions"):
        assert count(store, table) == 0
    assert not store.has_article(article.id)
    # The store is usable afterwards.
    with store.transaction():
        store.add_article(article, fingerprint(article.text))
    assert store.has_article(article.id)


def test_second_connection_reads_while_a_transaction_is_open(opener):
    writer = opener()
    committed = make_article(GOMA_TEXT)
    with writer.transaction():
        writer.add_article(committed, fingerprint(committed.text))
    pending = make_article(KHARKIV_TEXT)
    reader = opener()
    if isinstance(reader, SQLiteStore):
        reader.db.execute("PRAGMA busy_timeout=0")   # a blocked read would fail at once, not wait
    with writer.transaction():
        writer.add_article(pending, fingerprint(pending.text))
        assert writer.has_article(pending.id)
        # The reader sees the last committed state, without waiting for the writer.
        assert reader.has_article(committed.id)
        assert not reader.has_article(pending.id)
        assert list(reader.events(EventFilter())) == []
    assert reader.has_article(pending.id)


def test_known_filter_values_use_the_indexes(tmp_store):
    """A country name, a type in any case and a claim status are compared as stored, so SQLite walks an
    index in list order rather than the table."""
    from wirewatch.store.rows import conditions
    from wirewatch.store.sqlite import SQLITE
    for flt, index in [(EventFilter(country="ukraine"), "events_iso_date"),
                       (EventFilter(type="battles"), "events_type_date"),
                       (EventFilter(type="armed CLASH"), "events_sub_date"),
                       (EventFilter(claim_status="DISPUTED"), "events_claim"),
                       (EventFilter(min_corroboration=2, country="SYR"), "events_corroborated_iso"),
                       (EventFilter(min_corroboration=2), "events_corroborated")]:
        where, args = conditions(flt, SQLITE)
        plan = " ".join(str(tuple(r)) for r in tmp_store.db.execute(
            f"EXPLAIN QUERY PLAN SELECT data FROM events WHERE {' AND '.join(where)} ORDER BY event_date, id LIMIT 5",
            args))
        assert index in plan and "TEMP B-TREE" not in plan, (flt, plan)


def test_unknown_filter_values_still_match_case_blind(stocked):
    assert [e.id for e in stocked.events(EventFilter(country="senegal"))] == ["ev-dakar"]
    assert [e.id for e in stocked.events(EventFilter(country="Atlantis"))] == []
    assert [e.id for e in stocked.events(EventFilter(type="explosions/remote VIOLENCE"))] == ["ev-kharkiv"]


def test_since_finds_events_longer_than_any_before(store):
    """The start-date bound a `since` filter adds follows the longest event stored, however long."""
    article = make_article(GOMA_TEXT)
    short = make_mention(article, 0, "Armed clash", "Battles", GOMA, date(2024, 1, 1))
    long = make_mention(article, 1, "Armed clash", "Battles", GOMA, date(2024, 1, 2))
    with store.transaction():
        store.add_article(article, fingerprint(article.text))
        store.save_event(make_event("ev-short", short, article, end=date(2024, 1, 20)), [(short, "founded the event")])
        store.save_event(make_event("ev-long", long, article, end=date(2024, 6, 30)), [(long, "founded the event")])
    assert [e.id for e in store.events(EventFilter(since=date(2024, 6, 1)))] == ["ev-long"]
    assert [e.id for e in store.events(EventFilter(since=date(2024, 1, 15)))] == ["ev-short", "ev-long"]


def test_many_first_opens_at_once_migrate_once(tmp_path):
    """Processes or server threads opening a new database together all get it, migrated once."""
    from concurrent.futures import ThreadPoolExecutor
    path = tmp_path / "fresh.db"
    with ThreadPoolExecutor(8) as pool:
        stores = list(pool.map(lambda _: SQLiteStore(path), range(8)))
    assert {s.schema_version() for s in stores} == {SCHEMA_VERSION}
    for s in stores:
        s.close()


def _rolled_back_seal_then_another_writers(tmp_path, monkeypatch, merge: int = 5):
    """A store whose batch sealed segment 1 and was rolled back; another writer then took number 1 and sealed
    segment 1 with its own article (returned)."""
    monkeypatch.setattr(sys.modules["wirewatch.store.sqlite_keys"], "SEAL_EVERY", 1)
    monkeypatch.setattr(sys.modules["wirewatch.store.sqlite_keys"], "MERGE_SEGMENTS", merge)
    one, other = SQLiteStore(tmp_path / "shared.db"), SQLiteStore(tmp_path / "shared.db")
    with pytest.raises(RuntimeError):
        with one.transaction():
            one.add_article(make_article(GOMA_TEXT), fingerprint(GOMA_TEXT))
            raise RuntimeError("the batch failed")
    later = make_article(DAKAR_TEXT)
    with other.transaction():
        other.add_article(later, fingerprint(later.text))
    return one, other, later


def test_a_rolled_back_seal_leaves_no_filter_behind(tmp_path, monkeypatch):
    one, other, later = _rolled_back_seal_then_another_writers(tmp_path, monkeypatch)
    assert other.near_duplicate(fingerprint(DAKAR_TEXT), 0.9) == later.id
    assert one.near_duplicate(fingerprint(DAKAR_TEXT), 0.9) == later.id


def test_a_rolled_back_seal_leaves_no_keys_for_a_later_merge(tmp_path, monkeypatch):
    one, _, later = _rolled_back_seal_then_another_writers(tmp_path, monkeypatch, merge=2)
    third = make_article(KHARKIV_TEXT, url="https://ledger.example/k")
    with one.transaction():   # seals segment 2 and merges 1 and 2: segment 1's keys must be the stored ones
        one.add_article(third, fingerprint(third.text))
    assert SQLiteStore(tmp_path / "shared.db").near_duplicate(fingerprint(DAKAR_TEXT), 0.9) == later.id
