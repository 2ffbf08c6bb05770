"""SQLite store: one file, WAL mode (readers see the last committed batch while a run writes)."""

from __future__ import annotations

import json
import sqlite3
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Iterator

import numpy as np

from ..errors import StoreError
from ..ingest.dedup import Fingerprint, fingerprint
from ..models import Article, Event, GeoPrecision, Mention, event_from_dict, mention_from_dict, to_dict
from . import migrations
from .base import BLOCK_DAYS, EventFilter, FeedState, Stats, block_admin1
from .keyfilter import SegmentFilters
from .sqlite_keys import BandKeys
from .rows import (ARTICLE_COLUMNS, Dialect, SQLStore, article_from_row, conditions, event_row, mention_row, now,
                   run_counts, with_corroboration)

# SQLite folds ASCII letters only, in both NOCASE and LIKE; PostgreSQL's dialect copies exactly that.
SQLITE = Dialect("?", lambda column: f"{column} = ? COLLATE NOCASE", lambda expr: f"{expr} LIKE ?")

SCHEMA_VERSION = migrations.latest("sqlite")
# A writer's page cache holds the band-key tables (25 keys of about 18 bytes per article, on pages filled to about
# 70%: room for some 200,000 articles): each article stored looks up 25 keys at random places in them, and with
# SQLite's 2 MiB default each of those is a read from the file once the store passes a few thousand articles.
# SQLite takes the memory only as pages are read; readers (API requests) keep the default.
WRITER_CACHE_KIB = 128 * 1024
DECODED_EVENTS = 2048   # decoded candidate events kept (_decoded_event): more than a batch's blocks reach


class SQLiteStore(BandKeys, SQLStore):
    """The embedded store."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        try:
            if self.path != ":memory:":
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA busy_timeout=10000")   # first: another process may be creating the file
            self.db.execute("PRAGMA journal_mode=WAL")
            # In WAL mode NORMAL syncs at checkpoints, not at every commit: a crash of the machine may lose the
            # last batches (a rerun stores them again), never corrupts the file.
            self.db.execute("PRAGMA synchronous=NORMAL")
            self._writer = False
            self._filters = SegmentFilters()     # of the segments in key_segments, read as they appear
            self._data_version: int | None = None   # PRAGMA data_version when they were read; None: read again
            self._fresh_keys: dict[int, np.ndarray] = {}   # keys of the unmerged segments this store sealed
            self._writing = False   # inside a write transaction, which no other writer can change under us
            # Fusion reads the same stored events for mention after mention: each row's text is decoded once.
            # Keyed by the text itself, so a rewritten event is decoded afresh; events are frozen, safe to share.
            self._decoded: dict[str, Event] = {}
            self._migrate()
        except sqlite3.DatabaseError as err:
            if hasattr(self, "db"):
                self.db.close()
            raise StoreError(f"{self.path}: cannot open as a wirewatch database ({err})",
                             hint="pass another --db path, or move the file away") from None

    def _migrate(self) -> None:
        """Bring the schema up to date, or refuse a database written by a newer wirewatch."""
        version = self.schema_version()
        if version > SCHEMA_VERSION:
            raise StoreError(f"{self.path}: schema version {version} is newer than this wirewatch "
                             f"({SCHEMA_VERSION})", hint="upgrade wirewatch")
        for step, script in migrations.pending("sqlite", version):
            self._migrate_to(step, script)

    def _migrate_to(self, step: int, script: str) -> None:
        """Run one migration file, its Python part and the version stamp in one transaction."""
        try:
            self.db.execute("BEGIN IMMEDIATE")
            # Another process may have taken this step (and later ones) while we waited for the lock: running
            # it again would bring back tables that a later step dropped.
            if self.schema_version() >= step:
                self.db.execute("ROLLBACK")
                return
            for statement in _statements(script):   # one by one: executescript would commit first
                self.db.execute(statement)
            if step == migrations.FINGERPRINTS_SINCE:
                self._filter_segments()
                self._fill_fingerprints()
            self.db.execute(f"PRAGMA user_version={step}")
            self.db.execute("COMMIT")
        except BaseException:
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
            self._forget_segments()
            if self.schema_version() >= step:   # another process took this step while we waited for the lock
                return
            raise

    def schema_version(self) -> int:
        """The version of the schema as stored (0 for an empty database)."""
        return self.db.execute("PRAGMA user_version").fetchone()[0]

    def _fill_fingerprints(self) -> None:
        """Fingerprint articles stored before fingerprints existed (a migrated database)."""
        rows = self.db.execute("SELECT id, text FROM articles WHERE id NOT IN "
                               "(SELECT article_id FROM article_signatures) ORDER BY rowid").fetchall()
        for row in rows:
            self._add_fingerprint(row["id"], fingerprint(row["text"]))

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One batch: all of it is committed, or none of it."""
        if not self._writer:
            self.db.execute(f"PRAGMA cache_size=-{WRITER_CACHE_KIB}")
            self._writer = True
        self.db.execute("BEGIN IMMEDIATE")
        try:
            self._segment_filters()
            self._writing = True
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            self._forget_segments()
            raise
        finally:
            self._writing = False
        try:
            self.db.execute("COMMIT")
        except BaseException:   # a failed commit (disk full, I/O error) rolls the batch back, seal and all
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
            self._forget_segments()
            raise

    # --- articles ----------------------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        """True when an article with this text is stored (under any URL)."""
        return self.db.execute("SELECT 1 FROM articles WHERE id=?", (article_id,)).fetchone() is not None

    def is_known(self, article_id: str, url: str | None) -> bool:
        """True when this very article (same text, same URL) was stored or set aside as a copy before."""
        return self.db.execute("SELECT 1 FROM articles WHERE id=? AND url IS ? UNION ALL "
                               "SELECT 1 FROM duplicates WHERE article_id=? AND url IS ? LIMIT 1",
                               (article_id, url, article_id, url)).fetchone() is not None

    def add_article(self, article: Article, fp: Fingerprint) -> bool:
        """Store an article with its fingerprint and band keys; False when it was stored already."""
        d = to_dict(article)
        cur = self.db.execute(f"INSERT OR IGNORE INTO articles ({','.join(ARTICLE_COLUMNS)}) "
                              f"VALUES ({','.join('?' * len(ARTICLE_COLUMNS))})", [d[c] for c in ARTICLE_COLUMNS])
        if cur.rowcount:
            self._add_fingerprint(article.id, fp)
        return bool(cur.rowcount)

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Reads that see one state of the database (the filters and the key tables they cover agree; an event
        and its sources, though another process merges it meanwhile)."""
        if self.db.in_transaction:
            yield
            return
        self.db.execute("BEGIN")
        # Read only, as PostgreSQL's: a write here would be committed by the COMMIT below, from an old snapshot.
        self.db.execute("PRAGMA query_only=ON")
        try:
            yield
        finally:
            self.db.execute("PRAGMA query_only=OFF")
            if self.db.in_transaction:   # SQLite may have rolled it back after an error: keep that error
                self.db.execute("COMMIT")

    def add_duplicate(self, article: Article, duplicate_of: str, kind: str) -> None:
        """Record an article skipped as a copy of a stored one."""
        self.db.execute("INSERT OR IGNORE INTO duplicates VALUES (?,?,?,?,?,?)",
                        (article.id, duplicate_of, kind, article.url, article.outlet, article.source))

    def articles_for(self, ids: set[str]) -> dict[str, Article]:
        """Stored articles by id."""
        if not ids:
            return {}
        rows = self.db.execute(f"SELECT * FROM articles WHERE id IN ({','.join('?' * len(ids))})", list(ids))
        return {r["id"]: _article(r) for r in rows}

    def article_ids_by_url(self, urls: set[str]) -> dict[str, str]:
        """URL -> id of the stored article holding that page's text (its original, for a copy)."""
        if not urls:
            return {}
        marks = ",".join("?" * len(urls))
        rows = self.db.execute(f"SELECT url, id FROM articles WHERE url IN ({marks}) UNION ALL "
                               f"SELECT url, duplicate_of FROM duplicates WHERE url IN ({marks})", [*urls, *urls])
        return {url: aid for url, aid in rows}

    def mentions_in_article(self, article_id: str) -> list[tuple[str, Mention]]:
        """(event id, mention) for every mention read from one article, in text order."""
        rows = self.db.execute("SELECT event_id, data FROM mentions WHERE article_id=? ORDER BY rowid", (article_id,))
        return [(r["event_id"], mention_from_dict(json.loads(r["data"]))) for r in rows]

    # --- events ------------------------------------------------------------------------------

    def candidate_events(self, mention: Mention) -> list[Event]:
        """Stored events that could be the mention's incident (base.in_block): same country and type, near in
        time, not in another admin1 unit."""
        if mention.place is None or mention.date is None:
            return []
        lo = (mention.date.start - timedelta(days=BLOCK_DAYS)).isoformat()
        hi = (mention.date.end + timedelta(days=1)).isoformat()
        sql, args = "SELECT data FROM events WHERE iso IS ? AND sub_event_type=? AND event_date BETWEEN ? AND ?", \
            [mention.place.iso, mention.sub_event_type, lo, hi]
        if admin1 := block_admin1(mention):
            sql += " AND (admin1 IS NULL OR admin1 = ? OR geo_precision = ? OR geonameid = ?)"
            args += [admin1, int(GeoPrecision.COUNTRY), mention.place.geonameid]
        rows = self.db.execute(sql, args)
        return [self._decoded_event(r["data"]) for r in rows]

    def _decoded_event(self, data: str) -> Event:
        """The event a row's JSON text holds, decoded once for as long as the cache keeps it."""
        event = self._decoded.get(data)
        if event is None:
            if len(self._decoded) >= DECODED_EVENTS:
                self._decoded.clear()   # a bound on memory; the events of the next batches fill it again
            event = self._decoded[data] = event_from_dict(json.loads(data))
        return event

    def mentions_of(self, event_id: str) -> list[tuple[Mention, str]]:
        """An event's mentions with the reason each was merged, in the order they joined."""
        rows = self.db.execute("SELECT data, merge_reason FROM mentions WHERE event_id=? ORDER BY rowid", (event_id,))
        return [(mention_from_dict(json.loads(r["data"])), r["merge_reason"]) for r in rows]

    def save_event(self, event: Event, new_mentions: list[tuple[Mention, str]]) -> None:
        """Write an event (new or updated) and the mentions that joined it, with their merge reasons."""
        row = event_row(event)
        self.db.execute(f"INSERT OR REPLACE INTO events ({','.join(row)}) VALUES ({','.join('?' * len(row))})",
                        list(row.values()))
        self.db.execute("UPDATE event_span SET days = max(days, ?)", ((event.date.end - event.date.start).days,))
        self.db.executemany(
            "INSERT OR REPLACE INTO mentions VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            [mention_row(m, event.id, reason) for m, reason in new_mentions])

    @contextmanager
    def _atomic(self) -> Iterator[None]:
        """All or nothing: a savepoint inside the batch's transaction when one is open (a caller that goes on
        after a failed merge must not commit half of it), else a transaction of its own."""
        if not self.db.in_transaction:
            with self.transaction():
                yield
            return
        self.db.execute("SAVEPOINT merge_events")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK TO merge_events")
            raise
        finally:
            self.db.execute("RELEASE merge_events")

    def _merge_rows(self, keep_id: str, absorbed_id: str, reason: str, when: str) -> None:
        self.db.execute("UPDATE mentions SET event_id = ?, merge_reason = ? || merge_reason WHERE event_id = ?",
                        (keep_id, f"in {absorbed_id} until merged: ", absorbed_id))
        self.db.execute("DELETE FROM events WHERE id = ?", (absorbed_id,))
        self.db.execute("INSERT OR REPLACE INTO event_merges VALUES (?, ?, ?, ?)", (absorbed_id, keep_id, reason, when))

    def _merge_records(self, kept_ids: list[str]) -> list[tuple[str, str, str]]:
        rows = self.db.execute(f"SELECT absorbed_id, reason, merged_at FROM event_merges WHERE kept_id IN "
                               f"({','.join('?' * len(kept_ids))}) ORDER BY rowid", kept_ids)
        return [tuple(r) for r in rows]

    def _kept_for(self, absorbed_id: str) -> str | None:
        row = self.db.execute("SELECT kept_id FROM event_merges WHERE absorbed_id = ?", (absorbed_id,)).fetchone()
        return row[0] if row else None

    def _span_days(self) -> int | None:
        row = self.db.execute("SELECT days FROM event_span").fetchone()
        return row[0] if row else None

    def event_records(self, flt: EventFilter) -> Iterator[tuple[str, str, str]]:
        """(start date, id, JSON text) of the stored events matching the filter, oldest first (by start date,
        then id); the JSON is to_dict's form plus `corroboration`: what the API sends, never parsed here."""
        where, args = conditions(flt, SQLITE, self._span_days())
        if flt.after:
            where.append("(event_date, id) > (?, ?)")
            args += list(flt.after)
        sql = "SELECT event_date, id, data, corroboration FROM events" + (" WHERE " + " AND ".join(where) if where else "")
        sql += " ORDER BY event_date, id" + (" LIMIT ?" if flt.limit else "")
        for start, eid, data, corroboration in self.db.execute(sql, args + ([int(flt.limit)] if flt.limit else [])):
            yield start, eid, with_corroboration(data, corroboration)

    def stats(self, flt: EventFilter) -> Stats:
        """Counts of the events matching the filter (paging fields ignored) by ISO week, type and admin1."""
        where, args = conditions(flt, SQLITE, self._span_days())
        clause = " WHERE " + " AND ".join(where) if where else ""
        # Monday of the start date's week: SQLite's %w is 0 for Sunday.
        monday = "date(event_date, '-' || ((CAST(strftime('%w', event_date) AS INTEGER) + 6) % 7) || ' days')"
        weeks = self.db.execute(f"SELECT {monday} AS week, count(*) FROM events{clause} GROUP BY week ORDER BY week",
                                args).fetchall()
        types = self.db.execute(f"SELECT event_type, sub_event_type, count(*) AS n FROM events{clause} "
                                "GROUP BY event_type, sub_event_type ORDER BY n DESC, event_type, sub_event_type",
                                args).fetchall()
        regions = self.db.execute(f"SELECT iso, admin1, count(*) AS n FROM events{clause} "
                                  "GROUP BY iso, admin1 ORDER BY n DESC, iso, admin1", args).fetchall()
        return Stats(total=sum(n for _, n in weeks),
                     by_week=[(date.fromisoformat(w), n) for w, n in weeks],
                     by_type=[(t, s, n) for t, s, n in types],
                     by_admin1=[(iso, a, n) for iso, a, n in regions])

    def event(self, event_id: str) -> Event:
        """One stored event."""
        row = self.db.execute("SELECT data FROM events WHERE id=?", (event_id,)).fetchone()
        if row is None:
            raise self._not_found(event_id)
        return event_from_dict(json.loads(row["data"]))

    # --- feeds -------------------------------------------------------------------------------

    def feed_state(self, url: str) -> FeedState | None:
        """What the last poll of a feed left behind, or None for a feed never polled."""
        row = self.db.execute("SELECT * FROM feeds WHERE url=?", (url,)).fetchone()
        if row is None:
            return None
        next_poll = datetime.fromisoformat(row["next_poll"]) if row["next_poll"] else None
        return FeedState(url=row["url"], etag=row["etag"], modified=row["modified"], failures=row["failures"],
                         next_poll=next_poll, last_error=row["last_error"], title=row["title"])

    def save_feed_state(self, state: FeedState) -> None:
        """Keep a feed's state after a poll."""
        self.db.execute(
            "INSERT OR REPLACE INTO feeds (url, title, etag, modified, failures, next_poll, last_error, updated_at) "
            "VALUES (?,?,?,?,?,?,?,?)",
            (state.url, state.title, state.etag, state.modified, state.failures,
             state.next_poll.isoformat() if state.next_poll else None, state.last_error, now()))

    def seen_items(self, feed_url: str, item_ids: list[str]) -> set[str]:
        """Which of these feed items were marked seen before."""
        seen: set[str] = set()
        for start in range(0, len(item_ids), 500):   # SQLite caps bound parameters per statement
            chunk = item_ids[start:start + 500]
            seen.update(r[0] for r in self.db.execute(
                f"SELECT item_id FROM feed_items WHERE feed_url=? AND item_id IN ({','.join('?' * len(chunk))})",
                [feed_url, *chunk]))
        return seen

    def mark_items_seen(self, feed_url: str, item_ids: list[str]) -> None:
        """Remember feed items as done, so a restarted watch neither repeats nor misses them."""
        stamp = now()
        self.db.executemany("INSERT OR IGNORE INTO feed_items VALUES (?,?,?)",
                            [(feed_url, item, stamp) for item in item_ids])

    # --- runs --------------------------------------------------------------------------------

    def start_run(self, inputs: list[str]) -> int:
        """Open a run record."""
        cur = self.db.execute("INSERT INTO runs (started_at, inputs) VALUES (?, ?)", (now(), json.dumps(inputs)))
        return int(cur.lastrowid)

    def finish_run(self, run_id: int, counts: dict[str, int]) -> None:
        """Close a run record with its counts."""
        self.db.execute(
            "UPDATE runs SET finished_at=?, articles_read=?, articles_new=?, duplicates=?, mentions=?, problems=? "
            "WHERE id=?", (now(), *run_counts(counts), run_id))

    def record_problem(self, run_id: int, source: str, line: int | None, level: str, message: str) -> None:
        """Keep an input error or warning with the run that met it."""
        self.db.execute("INSERT INTO problems VALUES (?,?,?,?,?)", (run_id, source, line, level, message))

    def close(self) -> None:
        self.db.close()


def _statements(script: str) -> Iterator[str]:
    """The statements of a migration file, each complete (a statement may span lines, not share one)."""
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            yield statement
            statement = ""
    if statement.strip() and not all(part.strip().startswith("--") or not part.strip()
                                     for part in statement.splitlines()):
        raise StoreError(f"incomplete statement at the end of a migration: {statement.strip()[:60]}")


def _article(row: sqlite3.Row) -> Article:
    return article_from_row({k: row[k] for k in ARTICLE_COLUMNS})


__all__ = ["SQLiteStore"]
