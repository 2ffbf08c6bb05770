"""Near-duplicate detection: MinHash signatures of word shingles, found through LSH band keys.

A syndicated wire copy or a light reprint keeps most of its source's word pairs (a new headline, a cut
last paragraph, an added line of boilerplate, a word changed here and there), so the estimated Jaccard
similarity of the two stays high while different stories on the same subject share few pairs. The store
indexes each article's band keys, so a new article is compared only with the few stored articles that
share a band with it: the cost per article does not grow with the store.

Word pairs rather than triples: a changed word breaks two shingles instead of three, which keeps lightly
edited reprints above the threshold (benchmarks/dedup.py on 10,000 raw-text articles: recall 0.950 with
triples, 0.965 with pairs), while independent reports of one incident still share few pairs (Jaccard at
most 0.10 among the demo corpus's same-incident articles, against 0.88 and more for its wire copies).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash

__all__ = ["BANDS", "Fingerprint", "fingerprint", "similarity"]

PERMUTATIONS = 128
# 25 bands of 5 rows (125 of the 128 minima): a pair at Jaccard 0.7 shares a band with probability 0.990, at
# 0.75 0.999, at 0.5 only 0.55. With 32 bands of 4, unrelated articles met as candidates grew with the store
# (0.26 per query at 10,000 articles, 1.57 at 50,000); with 25 of 5 they stay near 0.1 (benchmarks/dedup.py).
BANDS = 25
_ROWS = 5
SHINGLE = 2                 # words per shingle
_SEED = 20261125            # fixed: signatures are stored, so they must be comparable across runs
_WORD = re.compile(r"\w+")
_TEMPLATE = MinHash(num_perm=PERMUTATIONS, seed=_SEED)   # permutations are drawn once, then copied


@dataclass(frozen=True)
class Fingerprint:
    """What the store keeps of an article's text for near-duplicate lookup."""

    signature: bytes           # PERMUTATIONS little-endian uint32 minima
    keys: tuple[int, ...]      # one signed 64-bit key per band, indexed by the store


def shingles(text: str, size: int = SHINGLE) -> set[bytes]:
    """The text's runs of `size` words, ignoring case, punctuation and Unicode compatibility forms."""
    words = _WORD.findall(unicodedata.normalize("NFKC", text).casefold())
    return {" ".join(words[i:i + size]).encode() for i in range(max(1, len(words) - size + 1))}


def fingerprint(text: str) -> Fingerprint:
    """The MinHash signature of the text's word shingles and its LSH band keys."""
    minhash = _TEMPLATE.copy()
    minhash.update_batch(list(shingles(text)))
    signature = minhash.hashvalues.astype("<u4").tobytes()
    width = _ROWS * 4
    keys = tuple(int.from_bytes(hashlib.blake2b(bytes([band]) + signature[band * width:(band + 1) * width],
                                                digest_size=8).digest(), "big", signed=True)
                 for band in range(BANDS))
    return Fingerprint(signature, keys)


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two texts' shingle sets, from their signatures (0.0 when the
    signatures are of different lengths, so not comparable)."""
    if len(a) != len(b) or not a or len(a) % 4:
        return 0.0
    left, right = np.frombuffer(a, dtype="<u4"), np.frombuffer(b, dtype="<u4")
    return float(np.count_nonzero(left == right)) / len(left)
