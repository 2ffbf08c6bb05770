"""Near-duplicate detection: 64-bit SimHash of word shingles, looked up by bands.

Syndicated wire copy differs from its source by a headline, a byline or a closing line; such copies land
within a few bits of each other, while different stories sit near 32 bits apart.
"""

from __future__ import annotations

import hashlib
import re

BANDS = 8          # 8 bands of 8 bits: two hashes within 7 bits share at least one band exactly
_BAND_BITS = 64 // BANDS
_WORD = re.compile(r"\w+")


def simhash(text: str, shingle: int = 3) -> int:
    """SimHash of the text's word 3-shingles, as a signed 64-bit integer (SQLite's INTEGER)."""
    words = _WORD.findall(text.lower())
    grams = [" ".join(words[i:i + shingle]) for i in range(max(1, len(words) - shingle + 1))]
    weights = [0] * 64
    for gram in grams:
        h = int.from_bytes(hashlib.blake2b(gram.encode(), digest_size=8).digest(), "big")
        for bit in range(64):
            weights[bit] += 1 if h >> bit & 1 else -1
    value = sum(1 << bit for bit in range(64) if weights[bit] > 0)
    return value - (1 << 64) if value >= 1 << 63 else value


def bands(value: int) -> list[int]:
    """The hash cut into BANDS integers, for indexed candidate lookup."""
    unsigned = value & ((1 << 64) - 1)
    mask = (1 << _BAND_BITS) - 1
    return [(unsigned >> (i * _BAND_BITS)) & mask for i in range(BANDS)]


def hamming(a: int, b: int) -> int:
    """Differing bits between two hashes."""
    return ((a ^ b) & ((1 << 64) - 1)).bit_count()
