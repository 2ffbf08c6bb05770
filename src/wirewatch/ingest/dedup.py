"""Near-duplicate detection: MinHash signatures of word shingles, found through LSH band keys.

A syndicated wire copy or a light reprint keeps most of its source's word 3-shingles (a new headline, a cut
last paragraph, an added line of boilerplate), so the estimated Jaccard similarity of the two stays high
while different stories on the same subject share few shingles. The store indexes each article's band
keys, so a new article is compared only with the few stored articles that share a band with it: the cost
per article does not grow with the store.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash

__all__ = ["BANDS", "Fingerprint", "fingerprint", "similarity"]

PERMUTATIONS = 128
BANDS = 32                  # 32 bands of 4 rows: pairs at Jaccard 0.7 share a band with probability > 0.999
_ROWS = PERMUTATIONS // BANDS
_SEED = 20261125            # fixed: signatures are stored, so they must be comparable across runs
_WORD = re.compile(r"\w+")
_TEMPLATE = MinHash(num_perm=PERMUTATIONS, seed=_SEED)   # permutations are drawn once, then copied


@dataclass(frozen=True)
class Fingerprint:
    """What the store keeps of an article's text for near-duplicate lookup."""

    signature: bytes           # PERMUTATIONS little-endian uint32 minima
    keys: tuple[int, ...]      # one signed 64-bit key per band, indexed by the store


def _shingles(text: str, size: int = 3) -> set[bytes]:
    words = _WORD.findall(text.lower())
    return {" ".join(words[i:i + size]).encode() for i in range(max(1, len(words) - size + 1))}


def fingerprint(text: str) -> Fingerprint:
    """The MinHash signature of the text's word 3-shingles and its LSH band keys."""
    minhash = _TEMPLATE.copy()
    minhash.update_batch(list(_shingles(text)))
    signature = minhash.hashvalues.astype("<u4").tobytes()
    keys = tuple(int.from_bytes(hashlib.blake2b(bytes([band]) + signature[band * _ROWS * 4:(band + 1) * _ROWS * 4],
                                                digest_size=8).digest(), "big", signed=True)
                 for band in range(BANDS))
    return Fingerprint(signature, keys)


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two texts' shingle sets, from their signatures."""
    left, right = np.frombuffer(a, dtype="<u4"), np.frombuffer(b, dtype="<u4")
    if left.shape != right.shape:
        return 0.0
    return float(np.count_nonzero(left == right)) / len(left)
