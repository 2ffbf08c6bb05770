"""Bloom filters over band keys, one per sealed segment: which segments may hold a key, and which certainly not.

Almost every band key a new article brings is stored nowhere (only a copy, or a rare unrelated article, shares
one), yet each absent key cost a search of every segment, and a search costs more the bigger the table (its
pages fall out of the CPU's caches: 16 us for 25 keys among 250,000, 40 us among 2,500,000). A filter per
segment answers "absent" from a small bit array, so a lookup searches a segment only for the keys its filter
lets through: for a reprint, the one segment that holds its original's keys. A segment's filter is written once,
with the segment, and never changes, so another writer's seal costs a reader one small read.

Keys are already uniform 64-bit hashes, so where a key's bits go comes from the key itself and no hashing is
repeated. The filters are blocked: a key's four bits lie in one 64-bit word (its low bits pick the word, four
6-bit fields of its high half the bits). Filters of one size are held transposed, row w holding word w of each
of them, so testing 25 keys against every segment reads 25 short rows, one per key, and compares: a few numpy
operations and about as many cache lines whatever the number of segments. (Held one filter after another, the
same test read a word in each filter for each key: 5,000 warm lookups of 25 keys took 30.4 us each at 20 segments
and 39.9 at 40, against 26.8 and 29.7 held transposed. Inside benchmarks/dedup.py, on a busy machine, the two
layouts could not be told apart.)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

import numpy as np

__all__ = ["KeyFilter", "SegmentFilters", "size_for"]

PROBES = 4
# At least 24 bits a key (a power of two words, so 24 to 48): a false "may be there" for about 1 absent key in
# 1,400 to 2,300 (measured), against 1 in 220 to 390 at 16, where a merged segment's filter drew a false search
# of the table every few articles. 100,000 articles' filters take 11 MiB.
BITS_PER_KEY = 24
MIN_WORDS = 1 << 7
_FIELDS = np.arange(PROBES, dtype=np.uint64) * np.uint64(6)


def size_for(keys: int) -> int:
    """64-bit words for a filter of this many keys: a power of two (the word is picked by masking)."""
    words = MIN_WORDS
    while words * 64 < BITS_PER_KEY * keys:
        words <<= 1
    return words


def _words_and_masks(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each key's word selector (to be masked by a filter's size) and its mask of four bits."""
    k = keys.astype(np.int64).view(np.uint64)
    fields = ((k >> np.uint64(32))[:, None] >> _FIELDS[None, :]) & np.uint64(63)
    return k, np.bitwise_or.reduce(np.uint64(1) << fields, axis=1)


@dataclass
class KeyFilter:
    """One segment's filter words, and how many keys were added to them."""

    words: np.ndarray      # uint64, a power of two long
    keys: int = 0

    @classmethod
    def of(cls, keys: Iterable[int] | np.ndarray) -> KeyFilter:
        """A filter sized for these keys, holding them."""
        array = keys if isinstance(keys, np.ndarray) else np.fromiter(keys, dtype=np.int64)
        key_filter = cls(np.zeros(size_for(len(array)), dtype=np.uint64))
        key_filter.add(array)
        return key_filter

    @classmethod
    def from_bytes(cls, data: bytes, keys: int) -> KeyFilter:
        return cls(np.frombuffer(data, dtype="<u8").astype(np.uint64), keys)

    def to_bytes(self) -> bytes:
        return self.words.astype("<u8").tobytes()

    def add(self, keys: Iterable[int] | np.ndarray) -> None:
        """Set the bits of each key."""
        array = keys if isinstance(keys, np.ndarray) else np.fromiter(keys, dtype=np.int64)
        if not len(array):
            return
        selectors, masks = _words_and_masks(array)
        np.bitwise_or.at(self.words, (selectors & np.uint64(len(self.words) - 1)).astype(np.intp), masks)
        self.keys += len(array)


@dataclass
class SegmentFilters:
    """The filters of a store's sealed segments, by segment number."""

    filters: dict[int, KeyFilter] = field(default_factory=dict)
    # filter size -> (its segments, their words transposed: words x segments); a size is missing until read
    _rows: dict[int, tuple[tuple[int, ...], np.ndarray]] = field(default_factory=dict)
    _complete: bool = False   # every size's rows are built

    def put(self, segment: int, key_filter: KeyFilter) -> None:
        self.drop([segment])
        self.filters[segment] = key_filter
        self._changed(len(key_filter.words))

    def drop(self, segments: Iterable[int]) -> None:
        for segment in segments:
            gone = self.filters.pop(segment, None)
            if gone is not None:
                self._changed(len(gone.words))

    def _changed(self, size: int) -> None:
        # Only that size's rows are built again: a seal changes the small filters, a merge adds a large one.
        self._rows.pop(size, None)
        self._complete = False

    def candidates(self, keys: tuple[int, ...]) -> list[tuple[int, int]]:
        """(segment, key) for each key and each segment whose filter may hold it."""
        if not self.filters or not keys:
            return []
        if not self._complete:
            self._build()
        selectors, masks = _words_and_masks(np.array(keys, dtype=np.int64))
        found: list[tuple[int, int]] = []
        for size, (segments, rows) in self._rows.items():
            words = rows[(selectors & np.uint64(size - 1)).astype(np.intp)]   # keys x segments
            at_key, at_segment = np.nonzero((words & masks[:, None]) == masks[:, None])
            found.extend((segments[s], keys[k]) for k, s in zip(at_key.tolist(), at_segment.tolist()))
        return found

    def _build(self) -> None:
        by_size: dict[int, list[int]] = {}
        for segment, key_filter in self.filters.items():
            by_size.setdefault(len(key_filter.words), []).append(segment)
        for size, segments in by_size.items():
            if size not in self._rows:
                stack = np.stack([self.filters[s].words for s in segments], axis=1)   # size x segments, C order
                self._rows[size] = (tuple(segments), stack)
        self._complete = True
