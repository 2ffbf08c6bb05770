"""A Bloom filter over band keys: which keys are certainly absent from the big key tables.

Almost every band key a new article brings is stored nowhere (only a copy, or a rare unrelated article,
shares one), yet each absent key cost a search of every key table, and a search costs more the bigger the
table (its pages fall out of the CPU's caches: 16 us for 25 keys among 250,000, 40 us among 2,500,000).
The filter answers "absent" for such a key from a fixed-size bit array, so a lookup searches the big
tables only for the few keys that may be there, and its cost stays the same as the store grows.

Keys are already uniform 64-bit hashes, so the probe positions come from the key itself (two halves,
double hashing): no hashing is repeated. Adding is vectorised (thousands of keys at a fold); a lookup tests
25 keys in plain Python, which costs less than numpy's per-call overhead and stops at a key's first unset bit.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

import numpy as np

__all__ = ["KeyFilter"]

PROBES = 4
# 64 Mi bits (8 MiB) hold 2.5 million keys (100,000 articles) at a false "may be there" rate of 1 in 2,700,
# and 6.7 million (the point where `grow` doubles the array) at 1 in 60.
DEFAULT_BITS = 1 << 26
KEYS_PER_BIT = 0.1        # above this load the false rate passes 1 in 60: time to double the array


@dataclass
class KeyFilter:
    """The bits, and how many keys were added to them."""

    bits: bytearray        # a power of two bytes long
    keys: int = 0

    @classmethod
    def empty(cls, size_bits: int | None = None) -> KeyFilter:
        return cls(bytearray((size_bits or DEFAULT_BITS) // 8))

    @classmethod
    def from_bytes(cls, data: bytes, keys: int) -> KeyFilter:
        return cls(bytearray(data), keys)

    def to_bytes(self) -> bytes:
        return bytes(self.bits)

    @property
    def full(self) -> bool:
        """True when the filter holds so many keys that it should be rebuilt twice as large."""
        return self.keys > KEYS_PER_BIT * len(self.bits) * 8

    def _positions(self, keys: np.ndarray) -> np.ndarray:
        """(len(keys), PROBES) bit positions of each key."""
        k = keys.astype(np.int64).view(np.uint64)
        low, high = k & np.uint64(0xFFFFFFFF), (k >> np.uint64(32)) | np.uint64(1)
        steps = np.arange(PROBES, dtype=np.uint64)
        return (low[:, None] + steps[None, :] * high[:, None]) & np.uint64(len(self.bits) * 8 - 1)

    def add(self, keys: Iterable[int]) -> None:
        """Set the bits of each key."""
        array = np.fromiter(keys, dtype=np.int64)
        if not len(array):
            return
        pos = self._positions(array).ravel()
        np.bitwise_or.at(np.frombuffer(self.bits, dtype=np.uint8), pos >> np.uint64(3),
                         (1 << (pos & np.uint64(7))).astype(np.uint8))
        self.keys += len(array)

    def may_contain(self, keys: tuple[int, ...]) -> list[int]:
        """The keys that may have been added (every added key is among them; few others are)."""
        bits, mask, found = self.bits, len(self.bits) * 8 - 1, []
        for key in keys:
            low, high = key & 0xFFFFFFFF, (key >> 32 & 0xFFFFFFFF) | 1   # as _positions reads a signed key
            for step in range(PROBES):
                at = (low + step * high) & mask
                if not bits[at >> 3] >> (at & 7) & 1:
                    break
            else:
                found.append(key)
        return found
