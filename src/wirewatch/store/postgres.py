"""PostgreSQL store: SQLite's tables on a server, for several writers at once (`--db postgresql://...`).

Each batch is one transaction that first takes a transaction-level advisory lock, so the batches of two
writers take turns; READ COMMITTED lets every statement of a batch see what the other writer committed
before. Rows another writer may have stored first go in with ON CONFLICT, and an event's id comes from the
mention that founded it, so no article, copy, feed item, mention or event is stored twice.

PostgreSQL's text types refuse the NUL character: it is stored as U+FFFD, which keeps every offset.
"""

from __future__ import annotations

import json
import re
from contextlib import contextmanager
from datetime import timedelta
from typing import ContextManager, Iterator

import psycopg

from ..errors import StoreError
from ..ingest.dedup import Fingerprint, fingerprint, similarity
from ..models import Article, Event, GeoPrecision, Mention, event_from_dict, mention_from_dict, to_dict
from . import migrations, redact
from .base import BLOCK_DAYS, KEY_TABLES, SEAL_EVERY, EventFilter, FeedState, Stats, block_admin1
from .rows import (ARTICLE_COLUMNS, MENTION_COLUMNS, Dialect, SQLStore, article_from_row, conditions,
                   event_row, mention_row, now, run_counts, with_corroboration)

__all__ = ["PostgresStore", "SCHEMA_VERSION"]

SCHEMA_VERSION = migrations.latest("postgres")

# Advisory lock keys, arbitrary but fixed: every wirewatch writer of a database must use the same ones.
BATCH_LOCK = 0x7769_7265_7761_7463     # "wirewatc"
MIGRATION_LOCK = 0x7769_7265_6D69_6772  # "wiremigr"
PAGE = 500  # events read per query while iterating, so callers may query the store between events

# nocase() is defined by migration 0001 as SQLite's NOCASE: ASCII letters folded, nothing else.
POSTGRES = Dialect("%s", lambda column: f"nocase({column}) = nocase(%s)",
                   lambda expr: f"nocase({expr}) LIKE nocase(%s) ESCAPE ''")  # SQLite's LIKE has no escape
_NUL_ESCAPE = re.compile(r"(?<!\\)((?:\\\\)*)\\u0000")  # a NUL escaped in JSON text, not an escaped backslash
_OWN_DATABASE = "give wirewatch a database of its own, owned by the URL's user (createdb -O USER NAME)"
_CONNECT_HINT = ("check that the server runs and that the URL names its host, port, user, password and an "
                 "existing database (postgresql://user:password@host:5432/dbname; create one with `createdb`)")


class PostgresStore(SQLStore):
    """The server store: the same interface and tables as SQLiteStore."""

    def __init__(self, url: str) -> None:
        self.path = redact(url)  # what messages name: never the password
        self.db = _connect(url, self.path)
        try:
            self._migrate()
        except BaseException:
            self.db.close()
            raise

    def _sql(self, query: str, args: object = None, many: bool = False) -> psycopg.Cursor:
        """Run one statement (or one per row of args with many=True); a database failure is a StoreError."""
        try:
            if many:
                cur = self.db.cursor()
                cur.executemany(query, [[_clean(v) for v in row] for row in args])
                return cur
            return self.db.execute(query, None if args is None else [_clean(v) for v in args])
        except psycopg.Error as err:
            raise self._failure(err) from err

    def _failure(self, err: psycopg.Error, hint: str = "the batch was rolled back; run again to finish it"
                 ) -> StoreError:
        detail = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        return StoreError(f"{self.path}: {detail}", hint=hint)

    def _migrate(self) -> None:
        """Bring the schema up to date, one transaction per step, under a lock so two writers starting
        at once migrate it once; refuse a database written by a newer wirewatch."""
        if self.schema_version() == SCHEMA_VERSION:
            return  # the usual case, and the API opens stores as requests need them: no lock, no DDL
        self._sql("SELECT pg_advisory_lock(%s)", [MIGRATION_LOCK])
        try:
            try:
                self.db.execute("CREATE TABLE IF NOT EXISTS schema_version "
                                "(version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())")
            except psycopg.Error as err:
                raise self._failure(err, hint=_OWN_DATABASE) from err
            version = self.schema_version()
            if version > SCHEMA_VERSION:
                raise StoreError(f"{self.path}: schema version {version} is newer than this wirewatch "
                                 f"({SCHEMA_VERSION})", hint="upgrade wirewatch")
            for step, script in migrations.pending("postgres", version):
                self._migrate_to(step, script)
        finally:
            self._sql("SELECT pg_advisory_unlock(%s)", [MIGRATION_LOCK])

    def _migrate_to(self, step: int, script: str) -> None:
        """Run one migration file, its Python part and the version record in one transaction."""
        try:
            with self.db.transaction():
                self.db.execute(script)
                if step == migrations.FINGERPRINTS_SINCE:
                    self._fill_fingerprints()
                self.db.execute("INSERT INTO schema_version (version) VALUES (%s)", [step])
        except psycopg.Error as err:
            raise self._failure(err, hint=f"it stays at schema version {step - 1}; {_OWN_DATABASE}") from err

    def schema_version(self) -> int:
        """The version of the schema as stored (0 for an empty database)."""
        if self._sql("SELECT to_regclass('schema_version')").fetchone()[0] is None:
            return 0
        return self._sql("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()[0]

    def _fill_fingerprints(self) -> None:
        """Fingerprint the articles stored before fingerprints existed."""
        rows = self._sql("SELECT id, text FROM articles WHERE id NOT IN (SELECT article_id FROM article_signatures) "
                         "ORDER BY id").fetchall()
        for article_id, text in rows:
            self._add_fingerprint(article_id, fingerprint(text))

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One batch: all of it is committed, or none of it; other writers' batches wait for it."""
        try:
            with self.db.transaction():
                self._sql("SELECT pg_advisory_xact_lock(%s)", [BATCH_LOCK])
                yield
        except psycopg.Error as err:  # the commit itself failed
            raise self._failure(err) from err

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Reads that see one state of the database (an event and its sources, though another writer merges it
        meanwhile): one read-only REPEATABLE READ transaction, or the batch already open."""
        if self.db.info.transaction_status != psycopg.pq.TransactionStatus.IDLE:
            yield
            return
        try:
            with self.db.transaction():
                self._sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                yield
        except psycopg.Error as err:
            raise self._failure(err, hint="run the command again") from err

    # --- articles ----------------------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        """True when an article with this text is stored (under any URL)."""
        return self._sql("SELECT 1 FROM articles WHERE id=%s", [article_id]).fetchone() is not None

    def is_known(self, article_id: str, url: str | None) -> bool:
        """True when this very article (same text, same URL) was stored or set aside as a copy before."""
        return self._sql("SELECT 1 FROM articles WHERE id=%s AND url IS NOT DISTINCT FROM %s UNION ALL "
                         "SELECT 1 FROM duplicates WHERE article_id=%s AND url IS NOT DISTINCT FROM %s LIMIT 1",
                         [article_id, url, article_id, url]).fetchone() is not None

    def near_duplicate(self, fp: Fingerprint, threshold: float) -> str | None:
        """The stored article most similar to the fingerprint, if at or above the threshold; only articles
        sharing a band key are compared."""
        tables = " UNION ALL ".join(f"SELECT article FROM {table} WHERE key = ANY(%s::bigint[])"
                                    for table in KEY_TABLES)
        rows = self._sql(f"SELECT article_id, signature FROM article_signatures WHERE n IN ({tables})",
                         [list(fp.keys)] * len(KEY_TABLES))
        best = max(((similarity(fp.signature, bytes(sig)), aid) for aid, sig in rows), default=(0.0, None))
        return best[1] if best[0] >= threshold else None

    def add_article(self, article: Article, fp: Fingerprint) -> bool:
        """Store an article with its fingerprint and band keys; False when it was stored already (perhaps
        by another writer since the caller looked)."""
        d = to_dict(article)
        inserted = self._sql(
            f"INSERT INTO articles ({','.join(ARTICLE_COLUMNS)}) VALUES ({','.join(['%s'] * len(ARTICLE_COLUMNS))}) "
            "ON CONFLICT (id) DO NOTHING RETURNING id", [d[c] for c in ARTICLE_COLUMNS]).fetchone()
        if inserted:
            self._add_fingerprint(article.id, fp)
        return inserted is not None

    def _add_fingerprint(self, article_id: str, fp: Fingerprint) -> None:
        n = self._sql("INSERT INTO article_signatures (article_id, signature) VALUES (%s, %s) RETURNING n",
                      [article_id, fp.signature]).fetchone()[0]
        # One statement for the article's keys: a round trip per key would cost more than the inserts.
        self._sql("INSERT INTO recent_keys SELECT DISTINCT key, %s FROM unnest(%s::bigint[]) AS key",
                  [n, list(fp.keys)])
        # Identity numbers skip the ones a rolled-back batch took, so a seal is due when this article's
        # number passes a multiple since the last stored one, not only when it lands on it.
        last = self._sql("SELECT coalesce(max(n), 0) FROM article_signatures WHERE n < %s", [n]).fetchone()[0]
        if n // SEAL_EVERY > last // SEAL_EVERY:   # a sealed segment, numbered like SQLite's (migrations/sqlite/0008)
            self._sql("INSERT INTO article_keys SELECT %s, key, article FROM recent_keys ON CONFLICT DO NOTHING", [n])
            self._sql("DELETE FROM recent_keys")

    def add_duplicate(self, article: Article, duplicate_of: str, kind: str) -> None:
        """Record an article skipped as a copy of a stored one."""
        self._sql("INSERT INTO duplicates VALUES (%s,%s,%s,%s,%s,%s) ON CONFLICT DO NOTHING",
                  [article.id, duplicate_of, kind, article.url, article.outlet, article.source])

    def articles_for(self, ids: set[str]) -> dict[str, Article]:
        """Stored articles by id."""
        if not ids:
            return {}
        rows = self._sql(f"SELECT {','.join(ARTICLE_COLUMNS)} FROM articles WHERE id = ANY(%s::text[])", [list(ids)])
        return {row[0]: article_from_row(dict(zip(ARTICLE_COLUMNS, row))) for row in rows}

    def article_ids_by_url(self, urls: set[str]) -> dict[str, str]:
        """URL -> id of the stored article holding that page's text (its original, for a copy)."""
        if not urls:
            return {}
        rows = self._sql("SELECT url, id FROM articles WHERE url = ANY(%s::text[]) UNION ALL "
                         "SELECT url, duplicate_of FROM duplicates WHERE url = ANY(%s::text[])", [list(urls)] * 2)
        return {url: aid for url, aid in rows}

    def mentions_in_article(self, article_id: str) -> list[tuple[str, Mention]]:
        """(event id, mention) for every mention read from one article, in text order."""
        rows = self._sql("SELECT event_id, data FROM mentions WHERE article_id=%s ORDER BY seq", [article_id])
        return [(event_id, mention_from_dict(data)) for event_id, data in rows]

    # --- events ------------------------------------------------------------------------------

    def candidate_events(self, mention: Mention) -> list[Event]:
        """Stored events that could be the mention's incident (base.in_block): same country and type, near in
        time, not in another admin1 unit."""
        if mention.place is None or mention.date is None:
            return []
        sql = "SELECT data FROM events WHERE iso IS NOT DISTINCT FROM %s AND sub_event_type=%s AND event_date BETWEEN %s AND %s"
        args = [mention.place.iso, mention.sub_event_type, mention.date.start - timedelta(days=BLOCK_DAYS),
                mention.date.end + timedelta(days=1)]
        if admin1 := block_admin1(mention):
            sql += " AND (admin1 IS NULL OR admin1 = %s OR geo_precision = %s OR geonameid = %s)"
            args += [admin1, int(GeoPrecision.COUNTRY), mention.place.geonameid]
        rows = self._sql(sql, args)
        return [event_from_dict(data) for (data,) in rows]

    def mentions_of(self, event_id: str) -> list[tuple[Mention, str]]:
        """An event's mentions with the reason each was merged, in the order they joined."""
        rows = self._sql("SELECT data, merge_reason FROM mentions WHERE event_id=%s ORDER BY seq", [event_id])
        return [(mention_from_dict(data), reason) for data, reason in rows]

    def save_event(self, event: Event, new_mentions: list[tuple[Mention, str]]) -> None:
        """Write an event (new or updated) and the mentions that joined it, with their merge reasons."""
        row = event_row(event)
        row["data"] = _json(row["data"])
        self._sql(_upsert("events", list(row)), list(row.values()))
        self._sql("UPDATE event_span SET days = greatest(days, %s)", [(event.date.end - event.date.start).days])
        if new_mentions:
            # A mention saved again moves to the end of its event, as SQLite's INSERT OR REPLACE does.
            self._sql(_upsert("mentions", MENTION_COLUMNS, "seq = DEFAULT"),
                      [_json_last(mention_row(m, event.id, reason)) for m, reason in new_mentions], many=True)

    def _atomic(self) -> ContextManager[None]:
        """The batch's transaction when one is open (as a savepoint), else one of its own."""
        return self.transaction()

    def _merge_rows(self, keep_id: str, absorbed_id: str, reason: str, when: str) -> None:
        self._sql("UPDATE mentions SET event_id = %s, merge_reason = %s || merge_reason WHERE event_id = %s",
                  [keep_id, f"in {absorbed_id} until merged: ", absorbed_id])
        self._sql("DELETE FROM events WHERE id = %s", [absorbed_id])
        self._sql(_upsert("event_merges", ["absorbed_id", "kept_id", "reason", "merged_at"]),
                  [absorbed_id, keep_id, reason, when])

    def _merge_records(self, kept_ids: list[str]) -> list[tuple[str, str, str]]:
        rows = self._sql("SELECT absorbed_id, reason, merged_at FROM event_merges WHERE kept_id = ANY(%s) "
                         "ORDER BY seq", [kept_ids])
        return [(absorbed, reason, when.isoformat(timespec="seconds")) for absorbed, reason, when in rows]

    def _kept_for(self, absorbed_id: str) -> str | None:
        row = self._sql("SELECT kept_id FROM event_merges WHERE absorbed_id = %s", [absorbed_id]).fetchone()
        return row[0] if row else None

    def _span_days(self) -> int | None:
        row = self._sql("SELECT days FROM event_span").fetchone()
        return row[0] if row else None

    def event_records(self, flt: EventFilter) -> Iterator[tuple[str, str, str]]:
        """(start date, id, JSON text) of the stored events matching the filter, oldest first (by start date,
        then id); the JSON is to_dict's form plus `corroboration`."""
        where, args = conditions(flt, POSTGRES, self._span_days())
        after, left = flt.after, flt.limit or None
        while left is None or left > 0:
            page = min(PAGE, left or PAGE)
            paging = ['(event_date > %s OR (event_date = %s AND id COLLATE "C" > %s))'] if after else []
            sql = "SELECT event_date, id, data::text, corroboration FROM events" + _clause(where + paging)
            # COLLATE "C" orders ids by code point, as SQLite does, whatever the database's locale.
            rows = self._sql(sql + ' ORDER BY event_date, id COLLATE "C" LIMIT %s',
                             args + ([after[0], after[0], after[1]] if after else []) + [page]).fetchall()
            yield from ((start.isoformat(), eid, with_corroboration(data, corroboration))
                        for start, eid, data, corroboration in rows)
            if len(rows) < page:
                return
            after, left = (rows[-1][0].isoformat(), rows[-1][1]), (left - len(rows) if left else None)

    def stats(self, flt: EventFilter) -> Stats:
        """Counts of the events matching the filter (paging fields ignored) by ISO week, type and admin1."""
        where, args = conditions(flt, POSTGRES, self._span_days())
        clause = _clause(where)
        # date_trunc's week starts on Monday, as ISO's does; NULLS FIRST and "C" order as SQLite does.
        weeks = self._sql("SELECT date_trunc('week', event_date::timestamp)::date AS week, count(*) "
                          f"FROM events{clause} GROUP BY week ORDER BY week", args).fetchall()
        types = self._sql(f"SELECT event_type, sub_event_type, count(*) AS n FROM events{clause} "
                          'GROUP BY event_type, sub_event_type ORDER BY n DESC, event_type COLLATE "C" NULLS FIRST, '
                          'sub_event_type COLLATE "C" NULLS FIRST', args).fetchall()
        regions = self._sql(f"SELECT iso, admin1, count(*) AS n FROM events{clause} GROUP BY iso, admin1 "
                            'ORDER BY n DESC, iso COLLATE "C" NULLS FIRST, admin1 COLLATE "C" NULLS FIRST',
                            args).fetchall()
        return Stats(total=sum(n for _, n in weeks), by_week=[(w, n) for w, n in weeks],
                     by_type=[(t, s, n) for t, s, n in types], by_admin1=[(iso, a, n) for iso, a, n in regions])

    def event(self, event_id: str) -> Event:
        """One stored event."""
        row = self._sql("SELECT data FROM events WHERE id=%s", [event_id]).fetchone()
        if row is None:
            raise self._not_found(event_id)
        return event_from_dict(row[0])

    # --- feeds -------------------------------------------------------------------------------

    def feed_state(self, url: str) -> FeedState | None:
        """What the last poll of a feed left behind, or None for a feed never polled."""
        row = self._sql("SELECT url, etag, modified, failures, next_poll, last_error, title FROM feeds WHERE url=%s",
                        [url]).fetchone()
        return FeedState(*row) if row else None

    def save_feed_state(self, state: FeedState) -> None:
        """Keep a feed's state after a poll."""
        columns = ["url", "title", "etag", "modified", "failures", "next_poll", "last_error", "updated_at"]
        self._sql(_upsert("feeds", columns), [state.url, state.title, state.etag, state.modified, state.failures,
                                              state.next_poll, state.last_error, now()])

    def seen_items(self, feed_url: str, item_ids: list[str]) -> set[str]:
        """Which of these feed items were marked seen before."""
        rows = self._sql("SELECT item_id FROM feed_items WHERE feed_url=%s AND item_id = ANY(%s::text[])",
                         [feed_url, list(item_ids)])
        return {item for (item,) in rows}

    def mark_items_seen(self, feed_url: str, item_ids: list[str]) -> None:
        """Remember feed items as done, so a restarted watch neither repeats nor misses them."""
        stamp = now()
        self._sql("INSERT INTO feed_items VALUES (%s,%s,%s) ON CONFLICT DO NOTHING",
                  [(feed_url, item, stamp) for item in item_ids], many=True)

    # --- runs --------------------------------------------------------------------------------

    def start_run(self, inputs: list[str]) -> int:
        """Open a run record."""
        return self._sql("INSERT INTO runs (started_at, inputs) VALUES (%s, %s) RETURNING id",
                         [now(), json.dumps(inputs)]).fetchone()[0]

    def finish_run(self, run_id: int, counts: dict[str, int]) -> None:
        """Close a run record with its counts."""
        self._sql("UPDATE runs SET finished_at=%s, articles_read=%s, articles_new=%s, duplicates=%s, mentions=%s, "
                  "problems=%s WHERE id=%s", [now(), *run_counts(counts), run_id])

    def record_problem(self, run_id: int, source: str, line: int | None, level: str, message: str) -> None:
        """Keep an input error or warning with the run that met it."""
        self._sql("INSERT INTO problems VALUES (%s,%s,%s,%s,%s)", [run_id, source, line, level, message])

    def close(self) -> None:
        self.db.close()


def _connect(url: str, shown: str) -> psycopg.Connection:
    """An autocommit connection in UTC; a server out of reach or a bad URL is a StoreError naming `shown`."""
    timeout = {} if "connect_timeout" in url else {"connect_timeout": 10}
    try:
        db = psycopg.connect(url, autocommit=True, **timeout)
        # Each statement must see what other writers committed once the batch lock is ours.
        db.execute("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL READ COMMITTED")
        db.execute("SET TIME ZONE 'UTC'")
        return db
    except psycopg.Error as err:
        detail = " ".join(str(err).split()) or type(err).__name__
        password = psycopg.conninfo.conninfo_to_dict(url).get("password") if "password" in detail else None
        if password:
            detail = detail.replace(str(password), "***")
        raise StoreError(f"{shown}: cannot open the PostgreSQL database ({detail})", hint=_CONNECT_HINT) from None


def _upsert(table: str, columns: list[str] | tuple[str, ...], *also: str) -> str:
    """INSERT of every column that replaces the row with the same key (the first column), as SQLite's
    INSERT OR REPLACE does."""
    updates = [f"{c} = EXCLUDED.{c}" for c in columns[1:]] + list(also)
    return (f"INSERT INTO {table} ({','.join(columns)}) VALUES ({','.join(['%s'] * len(columns))}) "
            f"ON CONFLICT ({columns[0]}) DO UPDATE SET {', '.join(updates)}")


def _clause(where: list[str]) -> str:
    return " WHERE " + " AND ".join(where) if where else ""


def _clean(value: object) -> object:
    """A bound value PostgreSQL accepts: NUL characters become U+FFFD."""
    return value.replace("\x00", "\ufffd") if isinstance(value, str) else value


def _json(text: str) -> str:
    """JSON text jsonb accepts: escaped NULs become U+FFFD."""
    return _NUL_ESCAPE.sub(r"\1\\ufffd", text)


def _json_last(row: tuple) -> tuple:
    """A mentions row with its JSON (the last column) made acceptable to jsonb."""
    return (*row[:-1], _json(row[-1]))
