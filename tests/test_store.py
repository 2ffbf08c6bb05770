"""SQLite store: schema, WAL, articles, near-duplicates, events and filters, transactions."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from wirewatch.clean import article_id
from wirewatch.errors import NotFound, StoreError
from wirewatch.ingest.dedup import fingerprint
from wirewatch.models import (Actor, Article, Attribution, ClaimStatus, DatePrecision, Event, EventSource,
                              Fatalities, GeoPrecision, Mention, Place, ResolvedDate, SourceKind, Span, TextField)
from wirewatch.store import EventFilter, SQLiteStore, open_store
from wirewatch.store.sqlite import SCHEMA_VERSION

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


@pytest.fixture
def stocked(tmp_store):
    """A store with three articles and three events in three countries."""
    rows = [
        (KHARKIV_TEXT, "https://ledger.example/kharkiv", "ev-kharkiv", "Shelling/artillery/missile attack",
         "Explosions/Remote violence", KHARKIV, date(2024, 4, 9), "Military Forces of Russia", None),
        (DAKAR_TEXT, "https://courier.example/dakar", "ev-dakar", "Protest with intervention", "Protests",
         DAKAR, date(2024, 2, 9), "Police Forces of Senegal", None),
        (GOMA_TEXT, None, "ev-goma", "Armed clash", "Battles", GOMA, date(2024, 3, 1), "M23",
         date(2024, 3, 31)),
    ]
    with tmp_store.transaction():
        for text, url, eid, sub, etype, place, day, actor, end in rows:
            article = make_article(text, url)
            tmp_store.add_article(article, fingerprint(text))
            mention = make_mention(article, 0, sub, etype, place, day)
            tmp_store.save_event(make_event(eid, mention, article, actor, end=end), [(mention, "founded the event")])
    return tmp_store


# --- schema ---------------------------------------------------------------------------------------


def test_schema_version_is_set(tmp_store):
    assert tmp_store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 2


def test_wal_mode(tmp_store):
    assert tmp_store.db.execute("PRAGMA journal_mode").fetchone()[0].lower() == "wal"


def test_tables_exist(tmp_store):
    names = {r[0] for r in tmp_store.db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"runs", "problems", "articles", "duplicates", "events", "mentions"} <= names


def test_reopening_keeps_data_and_version(tmp_path):
    path = tmp_path / "x.db"
    store = open_store(path)
    article = make_article(KHARKIV_TEXT)
    with store.transaction():
        store.add_article(article, fingerprint(article.text))
    store.close()
    again = open_store(path)
    assert again.has_article(article.id)
    assert again.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    again.close()


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


def test_postgres_url_is_refused():
    with pytest.raises(StoreError):
        open_store("postgresql://localhost/events")


def test_store_creates_parent_folders(tmp_path):
    store = open_store(tmp_path / "deep" / "er" / "events.db")
    assert (tmp_path / "deep" / "er" / "events.db").exists()
    store.close()


# --- articles -------------------------------------------------------------------------------------


def test_add_article_and_lookups(tmp_store):
    article = make_article(KHARKIV_TEXT, url="https://ledger.example/kharkiv")
    assert not tmp_store.has_article(article.id)
    with tmp_store.transaction():
        tmp_store.add_article(article, fingerprint(article.text))
    assert tmp_store.has_article(article.id)
    assert tmp_store.is_known(article.id, "https://ledger.example/kharkiv")
    assert not tmp_store.is_known(article.id, "https://other.example/kharkiv")
    assert not tmp_store.is_known(article.id, None)
    assert tmp_store.article(article.id) == article
    assert tmp_store.articles_for({article.id, "missing"}) == {article.id: article}
    assert tmp_store.articles_for(set()) == {}


def test_article_without_url_is_known_by_null_url(tmp_store):
    article = make_article(GOMA_TEXT, url=None)
    with tmp_store.transaction():
        tmp_store.add_article(article, fingerprint(article.text))
    assert tmp_store.is_known(article.id, None)
    assert not tmp_store.is_known(article.id, "https://example.org/goma")


def test_adding_an_article_twice_keeps_one_row(tmp_store):
    article = make_article(KHARKIV_TEXT)
    with tmp_store.transaction():
        tmp_store.add_article(article, fingerprint(article.text))
        tmp_store.add_article(article, fingerprint(article.text))
    assert tmp_store.db.execute("SELECT count(*) FROM articles").fetchone()[0] == 1


def test_duplicate_makes_the_copy_known(tmp_store):
    original = make_article(KHARKIV_TEXT, url="https://ledger.example/kharkiv")
    copy = make_article(KHARKIV_TEXT + " More follows.", url="https://mirror.example/kharkiv", outlet="Mirror")
    with tmp_store.transaction():
        tmp_store.add_article(original, fingerprint(original.text))
        tmp_store.add_duplicate(copy, original.id, "near")
    assert tmp_store.is_known(copy.id, "https://mirror.example/kharkiv")
    assert not tmp_store.has_article(copy.id)
    row = tmp_store.db.execute("SELECT duplicate_of, kind, outlet FROM duplicates").fetchone()
    assert tuple(row) == (original.id, "near", "Mirror")


def test_near_duplicate_lookup(tmp_store):
    article = make_article(KHARKIV_TEXT + " " + GOMA_TEXT)
    with tmp_store.transaction():
        tmp_store.add_article(article, fingerprint(article.text))
    assert tmp_store.near_duplicate(fingerprint(article.text), 0.7) == article.id
    reprint = fingerprint(KHARKIV_TEXT + " " + GOMA_TEXT + " Follow us for more updates.")
    assert tmp_store.near_duplicate(reprint, 0.6) == article.id
    assert tmp_store.near_duplicate(reprint, 1.0) is None                   # over the threshold
    assert tmp_store.near_duplicate(fingerprint(DAKAR_TEXT), 0.5) is None   # another story


def test_near_duplicate_picks_the_most_similar(tmp_store):
    base = KHARKIV_TEXT + " " + GOMA_TEXT
    far = make_article(base + " " + DAKAR_TEXT)
    near = make_article(base + " The governor said.")
    with tmp_store.transaction():
        tmp_store.add_article(far, fingerprint(far.text))
        tmp_store.add_article(near, fingerprint(near.text))
    assert tmp_store.near_duplicate(fingerprint(base), 0.3) == near.id


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
    assert "fingerprint" in columns and "simhash" not in columns
    assert store.has_article(article.id)
    assert store.near_duplicate(fingerprint(GOMA_TEXT), 0.9) == article.id
    store.close()


# --- feeds ----------------------------------------------------------------------------------------


def test_feed_state_round_trip(tmp_store):
    from datetime import datetime, timezone
    from wirewatch.store import FeedState
    assert tmp_store.feed_state("https://wire.example/rss") is None
    state = FeedState("https://wire.example/rss", etag='"abc"', modified="Tue, 09 Apr 2024 08:00:00 GMT",
                      failures=2, next_poll=datetime(2024, 4, 9, 9, 30, tzinfo=timezone.utc),
                      last_error="timed out after 20 s", title="Wire")
    with tmp_store.transaction():
        tmp_store.save_feed_state(state)
    assert tmp_store.feed_state(state.url) == state
    state.failures = 0
    state.last_error = None
    with tmp_store.transaction():
        tmp_store.save_feed_state(state)
    assert tmp_store.feed_state(state.url).failures == 0


def test_feed_items_seen(tmp_store):
    feed = "https://wire.example/rss"
    ids = [f"item-{i}" for i in range(1200)]   # more than one statement's bound parameters
    assert tmp_store.seen_items(feed, ids) == set()
    with tmp_store.transaction():
        tmp_store.mark_items_seen(feed, ids[:700])
        tmp_store.mark_items_seen(feed, ids[:3])             # marking twice is harmless
    assert tmp_store.seen_items(feed, ids) == set(ids[:700])
    assert tmp_store.seen_items("https://other.example/rss", ids) == set()


def test_article_ids_by_url_includes_copies(tmp_store):
    original = make_article(KHARKIV_TEXT, url="https://ledger.example/kharkiv")
    copy = make_article(KHARKIV_TEXT + " More follows.", url="https://mirror.example/kharkiv")
    with tmp_store.transaction():
        tmp_store.add_article(original, fingerprint(original.text))
        tmp_store.add_duplicate(copy, original.id, "near")
    found = tmp_store.article_ids_by_url({"https://ledger.example/kharkiv", "https://mirror.example/kharkiv",
                                          "https://nowhere.example/"})
    assert found == {"https://ledger.example/kharkiv": original.id, "https://mirror.example/kharkiv": original.id}


def test_mentions_in_article_in_text_order(tmp_store):
    article = make_article(DAKAR_TEXT)
    m0 = make_mention(article, 0, "Protest with intervention", "Protests", DAKAR, date(2024, 2, 9), passage=(0, 10))
    m1 = make_mention(article, 1, "Violent demonstration", "Riots", DAKAR, date(2024, 2, 9), passage=(11, 20))
    with tmp_store.transaction():
        tmp_store.add_article(article, fingerprint(article.text))
        tmp_store.save_event(make_event("ev-a", m0, article), [(m0, "founded the event")])
        tmp_store.save_event(make_event("ev-b", m1, article), [(m1, "founded the event")])
    assert tmp_store.mentions_in_article(article.id) == [("ev-a", m0), ("ev-b", m1)]
    assert tmp_store.mentions_in_article("0000000000000000") == []


def test_unknown_article_is_not_found(tmp_store):
    with pytest.raises(NotFound):
        tmp_store.article("0000000000000000")


# --- events ---------------------------------------------------------------------------------------


def test_save_event_and_read_it_back(tmp_store):
    article = make_article(KHARKIV_TEXT)
    mention = make_mention(article, 0, "Shelling/artillery/missile attack", "Explosions/Remote violence",
                           KHARKIV, date(2024, 4, 9))
    event = make_event("ev-1", mention, article, "Military Forces of Russia", ClaimStatus.CONFIRMED, deaths=2)
    with tmp_store.transaction():
        tmp_store.add_article(article, fingerprint(article.text))
        tmp_store.save_event(event, [(mention, "founded the event")])
    assert tmp_store.event("ev-1") == event
    assert tmp_store.mentions_of("ev-1") == [(mention, "founded the event")]
    row = tmp_store.db.execute("SELECT iso, location, fatalities, claim_status, corroboration, time_precision, "
                               "geo_precision FROM events").fetchone()
    assert tuple(row) == ("UKR", "Kharkiv", 2, "confirmed", 1, 1, 1)


def test_saving_an_event_again_replaces_it(tmp_store):
    article = make_article(KHARKIV_TEXT)
    m1 = make_mention(article, 0, "Shelling/artillery/missile attack", "Explosions/Remote violence", KHARKIV,
                      date(2024, 4, 9))
    m2 = make_mention(article, 1, "Shelling/artillery/missile attack", "Explosions/Remote violence", KHARKIV,
                      date(2024, 4, 9), SourceKind.OFFICIAL_DENIAL)
    with tmp_store.transaction():
        tmp_store.save_event(make_event("ev-1", m1, article), [(m1, "founded the event")])
        tmp_store.save_event(make_event("ev-1", m1, article, status=ClaimStatus.DISPUTED), [(m2, "merged")])
    assert tmp_store.db.execute("SELECT count(*) FROM events").fetchone()[0] == 1
    assert tmp_store.event("ev-1").claim_status is ClaimStatus.DISPUTED
    assert [r for _, r in tmp_store.mentions_of("ev-1")] == ["founded the event", "merged"]


def test_unknown_event_is_not_found(tmp_store):
    with pytest.raises(NotFound) as info:
        tmp_store.event("ev-nothing")
    assert "ev-nothing" in str(info.value)


def _ids(store, **kw) -> list[str]:
    return [e.id for e in store.events(EventFilter(**kw))]


@pytest.mark.parametrize("kw, expected", [
    ({}, ["ev-dakar", "ev-goma", "ev-kharkiv"]),                       # oldest first
    ({"country": "UKR"}, ["ev-kharkiv"]),
    ({"country": "ukraine"}, ["ev-kharkiv"]),
    ({"country": "sen"}, ["ev-dakar"]),
    ({"country": "RUS"}, []),
    ({"type": "Protests"}, ["ev-dakar"]),
    ({"type": "armed clash"}, ["ev-goma"]),
    ({"type": "Shelling/artillery/missile attack"}, ["ev-kharkiv"]),
    ({"since": date(2024, 3, 15)}, ["ev-goma", "ev-kharkiv"]),         # Goma's month-long range ends 31 March
    ({"since": date(2024, 4, 10)}, []),
    ({"until": date(2024, 2, 29)}, ["ev-dakar"]),
    ({"since": date(2024, 2, 1), "until": date(2024, 3, 1)}, ["ev-dakar", "ev-goma"]),
    ({"actor": "Russia"}, ["ev-kharkiv"]),
    ({"actor": "police"}, ["ev-dakar"]),
    ({"actor": "Wagner"}, []),
    ({"text": "tear gas"}, ["ev-dakar"]),
    ({"text": "Independence Square"}, ["ev-dakar"]),
    ({"text": "shelled"}, ["ev-kharkiv"]),
    ({"text": "no such words"}, []),
    ({"country": "UKR", "type": "Protests"}, []),
    ({"limit": 2}, ["ev-dakar", "ev-goma"]),
])
def test_event_filters(stocked, kw, expected):
    assert _ids(stocked, **kw) == expected


def test_text_filter_reads_only_the_mention_passage(tmp_store):
    article = make_article(DAKAR_TEXT)
    first_sentence = DAKAR_TEXT.index(".") + 1
    mention = make_mention(article, 0, "Protest with intervention", "Protests", DAKAR, date(2024, 2, 9),
                           passage=(0, first_sentence))
    with tmp_store.transaction():
        tmp_store.add_article(article, fingerprint(article.text))
        tmp_store.save_event(make_event("ev-d", mention, article), [(mention, "founded the event")])
    assert _ids(tmp_store, text="tear gas") == ["ev-d"]
    assert _ids(tmp_store, text="burned tyres") == []


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


# --- runs and problems ----------------------------------------------------------------------------


def test_runs_and_problems_are_recorded(tmp_store):
    run_id = tmp_store.start_run(["news/"])
    tmp_store.record_problem(run_id, "news/feed.jsonl", 3, "error", "is not JSON")
    tmp_store.finish_run(run_id, {"read": 4, "new": 2, "problems": 1})
    run = tmp_store.db.execute("SELECT inputs, articles_read, articles_new, problems, finished_at FROM runs").fetchone()
    assert (run["inputs"], run["articles_read"], run["articles_new"], run["problems"]) == ('["news/"]', 4, 2, 1)
    assert run["finished_at"]
    problem = tmp_store.db.execute("SELECT source, line, level FROM problems").fetchone()
    assert tuple(problem) == ("news/feed.jsonl", 3, "error")


# --- transactions ---------------------------------------------------------------------------------


def test_failed_transaction_rolls_back_everything(tmp_store):
    article = make_article(KHARKIV_TEXT)
    mention = make_mention(article, 0, "Shelling/artillery/missile attack", "Explosions/Remote violence",
                           KHARKIV, date(2024, 4, 9))
    with pytest.raises(RuntimeError, match="boom"):
        with tmp_store.transaction():
            tmp_store.add_article(article, fingerprint(article.text))
            tmp_store.save_event(make_event("ev-1", mention, article), [(mention, "founded the event")])
            raise RuntimeError("boom")
    for table in ("articles", "events", "mentions"):
        assert tmp_store.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0
    assert not tmp_store.has_article(article.id)
    # The store is usable afterwards.
    with tmp_store.transaction():
        tmp_store.add_article(article, fingerprint(article.text))
    assert tmp_store.has_article(article.id)


def test_second_connection_reads_while_a_transaction_is_open(tmp_path):
    path = tmp_path / "shared.db"
    writer = SQLiteStore(path)
    committed = make_article(GOMA_TEXT)
    with writer.transaction():
        writer.add_article(committed, fingerprint(committed.text))
    pending = make_article(KHARKIV_TEXT)
    reader = SQLiteStore(path)
    reader.db.execute("PRAGMA busy_timeout=0")   # a blocked read would fail at once, not wait
    try:
        with writer.transaction():
            writer.add_article(pending, fingerprint(pending.text))
            assert writer.has_article(pending.id)
            # The reader sees the last committed state, without waiting for the writer.
            assert reader.has_article(committed.id)
            assert not reader.has_article(pending.id)
            assert list(reader.events(EventFilter())) == []
        assert reader.has_article(pending.id)
    finally:
        reader.close()
        writer.close()
