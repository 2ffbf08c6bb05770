"""The SQLite store's near-duplicate index: band keys in a small table of recent keys and in sealed segments,
each segment with a Bloom filter (keyfilter.py), so a lookup's cost does not grow with the store.

`BandKeys` is a part of SQLiteStore (its `db`, `snapshot`, `_writing`, `_filters`, `_fresh_keys` and
`_data_version`); the schema is in migrations/sqlite/0005-0008, the reasons in store/base.py (SEAL_EVERY).
"""

from __future__ import annotations

import sqlite3

import numpy as np

from ..ingest.dedup import Fingerprint, similarity
from .base import SEAL_EVERY
from .keyfilter import KeyFilter, SegmentFilters

SEALED_KEYS = "article_keys"   # sealed segments, searched only for the keys their filters let through (keyfilter.py)
# Segments sealed from recent_keys wait until there are this many, then are merged into one: the filters a
# lookup tests grow by one for every 5,000 articles, not five. Five, not ten: a block of 10,000 articles pays
# for two merges and the first block for one, where with ten the first paid for none and ran 1.39x faster
# than the slowest (benchmarks/dedup.py; 1.18x and 1.22x with five).
MERGE_SEGMENTS = 5


class BandKeys:
    """Near-duplicate lookup and the keys of stored articles, on SQLite."""

    db: sqlite3.Connection
    _filters: SegmentFilters
    _fresh_keys: dict[int, np.ndarray]
    _data_version: int | None
    _writing: bool

    def near_duplicate(self, fp: Fingerprint, threshold: float) -> str | None:
        """The stored article most similar to the fingerprint, if at or above the threshold; only articles
        sharing a band key are compared."""
        with self.snapshot():
            sealed = (self._filters if self._writing else self._segment_filters()).candidates(fp.keys)
            rows = self.db.execute(_candidates_sql(len(fp.keys), len(sealed)),
                                   fp.keys + tuple(v for pair in sealed for v in pair)).fetchall()
        scored = [(similarity(fp.signature, signature), article_id) for article_id, signature in rows]
        best = max(scored, default=(0.0, None))
        return best[1] if best[0] >= threshold else None

    def _add_fingerprint(self, article_id: str, fp: Fingerprint) -> None:
        n = self.db.execute("INSERT INTO article_signatures (article_id, signature) VALUES (?, ?)",
                            (article_id, fp.signature)).lastrowid
        self.db.executemany("INSERT OR IGNORE INTO recent_keys VALUES (?, ?)", [(key, n) for key in fp.keys])
        if n % SEAL_EVERY == 0:
            self._seal(n)

    def _seal(self, n: int) -> None:
        """Move recent_keys' keys to article_keys as segment n, with its filter; merge the segments sealed so
        since the last merge once there are MERGE_SEGMENTS of them."""
        keys = np.fromiter((key for (key,) in self.db.execute("SELECT key FROM recent_keys")), dtype=np.int64)
        self.db.execute(f"INSERT OR IGNORE INTO {SEALED_KEYS} SELECT ?, key, article FROM recent_keys "
                        f"ORDER BY key, article", (n,))
        self.db.execute("DELETE FROM recent_keys")
        filters = self._segment_filters()
        self._add_segment(n, keys)
        self._fresh_keys[n] = keys
        fresh = sorted(segment for segment in filters.filters if segment > 0)
        if len(fresh) >= MERGE_SEGMENTS:
            # The merged filter is built from the keys this store sealed itself, read again only for
            # segments another writer sealed.
            merged = np.concatenate([self._fresh_keys.pop(s) if s in self._fresh_keys else self._keys_of([s])
                                     for s in fresh])
            marks = ",".join("?" * len(fresh))
            self.db.execute(f"INSERT INTO {SEALED_KEYS} SELECT ?, key, article FROM {SEALED_KEYS} "
                            f"WHERE segment IN ({marks}) ORDER BY key, article", (-n, *fresh))
            self.db.execute(f"DELETE FROM {SEALED_KEYS} WHERE segment IN ({marks})", fresh)
            self.db.execute(f"DELETE FROM key_segments WHERE segment IN ({marks})", fresh)
            filters.drop(fresh)
            self._add_segment(-n, merged)

    def _keys_of(self, segments: list[int]) -> np.ndarray:
        marks = ",".join("?" * len(segments))
        rows = self.db.execute(f"SELECT key FROM {SEALED_KEYS} WHERE segment IN ({marks})", segments)
        return np.fromiter((key for (key,) in rows), dtype=np.int64)

    def _add_segment(self, segment: int, keys: np.ndarray) -> None:
        key_filter = KeyFilter.of(keys)
        self.db.execute("INSERT INTO key_segments (segment, keys, bits) VALUES (?, ?, ?)",
                        (segment, key_filter.keys, key_filter.to_bytes()))
        self._filters.put(segment, key_filter)

    def _forget_segments(self) -> None:
        """After a rollback: what this store holds of the segments is read again. A seal rolled back here leaves
        a filter and keys under a number that another writer may then seal with other keys, and a segment
        number present in both would never be read again."""
        self._filters.drop(list(self._filters.filters))
        self._fresh_keys = {}
        self._data_version = None

    def _segment_filters(self) -> SegmentFilters:
        """The filters of the sealed segments, brought up to date when another writer (or a rolled-back batch)
        changed the database: a segment never changes once written, so only new ones are read."""
        version = self.db.execute("PRAGMA data_version").fetchone()[0]
        if version != self._data_version:
            stored = {segment for (segment,) in self.db.execute("SELECT segment FROM key_segments")}
            self._filters.drop(set(self._filters.filters) - stored)
            self._fresh_keys = {s: keys for s, keys in self._fresh_keys.items() if s in stored}
            for segment in stored - set(self._filters.filters):
                keys, bits = self.db.execute("SELECT keys, bits FROM key_segments WHERE segment = ?",
                                             (segment,)).fetchone()
                self._filters.put(segment, KeyFilter.from_bytes(bits, keys))
            self._data_version = version
        return self._filters

    def _filter_segments(self) -> None:
        """Write the filter of each segment of article_keys that has none (a migrated store's)."""
        have = {segment for (segment,) in self.db.execute("SELECT segment FROM key_segments")}
        for (segment,) in self.db.execute(f"SELECT DISTINCT segment FROM {SEALED_KEYS}").fetchall():
            if segment not in have:
                self._add_segment(segment, self._keys_of([segment]))


def _candidates_sql(keys: int, sealed: int) -> str:
    """The articles sharing a band key with an article, with their signatures: all `keys` searched in
    recent_keys, and `sealed` (segment, key) pairs in article_keys (parameters in that order). Searches by
    primary key only."""
    tables = [f"SELECT article FROM recent_keys WHERE key IN ({','.join('?' * keys)})"]
    tables += [f"SELECT article FROM {SEALED_KEYS} WHERE segment = ? AND key = ?"] * sealed
    return f"SELECT article_id, signature FROM article_signatures WHERE n IN ({' UNION ALL '.join(tables)})"
