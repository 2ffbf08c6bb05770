"""MinHash near-duplicate detection: copies score high and share a band key, different stories score low."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import FIXTURES
from wirewatch.ingest.dedup import BANDS, PERMUTATIONS, fingerprint, shingles, similarity
from wirewatch.ingest.text import split_header
from wirewatch.settings import IngestSettings

_, WIRE = split_header((FIXTURES / "izmail-port-drones.txt").read_text(encoding="utf-8"))
THRESHOLD = IngestSettings().near_duplicate

STORY_A = ("Gunmen abducted at least eleven traders travelling to a weekly market near Gusau in Zamfara "
           "state, police said. The attackers blocked the road with a burnt-out lorry and marched the "
           "passengers into the bush.")
STORY_B = ("Police fired tear gas to disperse several hundred people protesting against the postponement "
           "of the presidential election in central Dakar on Friday. Demonstrators burned tyres and threw "
           "stones at riot police.")
STORY_C = ("A roadside bomb killed four soldiers on patrol outside Maiduguri on Monday, military sources said. "
           "The device exploded under an armoured truck on the road to Damboa.")
# Another outlet's own report of the Izmail attack (not a copy): same incident, its own words.
OWN_REPORT = ("Russian drones struck grain facilities at the Danube port of Izmail overnight, injuring three "
              "workers, the regional governor wrote on Telegram. Air defences downed most of the drones over "
              "the Odesa region, he said, but debris set fire to a warehouse and damaged two lorries. Ukraine's "
              "grain exports have relied on the Danube ports since Russia left the Black Sea grain deal.")


def exact_jaccard(a: str, b: str) -> float:
    left, right = shingles(a), shingles(b)
    return len(left & right) / len(left | right)


def shares_a_band(a: str, b: str) -> bool:
    return any(x == y for x, y in zip(fingerprint(a).keys, fingerprint(b).keys))


def test_wire_fixture_is_wire_length():
    assert len(WIRE.split()) > 300


def test_fingerprint_shape():
    fp = fingerprint(WIRE)
    assert len(fp.signature) == 4 * PERMUTATIONS
    assert len(fp.keys) == BANDS == 25
    assert all(-(1 << 63) <= k < (1 << 63) for k in fp.keys)
    assert len(set(fp.keys)) == BANDS   # the band number is hashed in: equal rows in two bands differ


def test_identical_text_has_equal_fingerprint():
    assert fingerprint(WIRE) == fingerprint(str(WIRE))
    assert similarity(fingerprint(WIRE).signature, fingerprint(WIRE).signature) == 1.0


def test_fingerprint_ignores_case_punctuation_and_spacing():
    assert fingerprint("Gunmen abducted eleven traders, police said.") == \
        fingerprint("GUNMEN abducted   eleven traders -- police said")
    assert fingerprint("ﬁghters seized the town") == fingerprint("fighters seized the town")  # NFKC ligature


@pytest.mark.parametrize("text, expected", [
    ("Police said", {b"police said"}),
    ("one two three", {b"one two", b"two three"}),
    ("Word", {b"word"}),
    ("", {b""}),
])
def test_shingles_are_word_pairs(text, expected):
    assert shingles(text) == expected


@pytest.mark.parametrize("headline, added", [
    ("Russian drone attack on Izmail port injures three",
     "Local officials said schools in Izmail would stay closed on Thursday."),
    ("Three hurt as drones strike Danube port", "It was the third attack on the Danube ports this month."),
    ("Drones hit Danube grain port", "Follow us on Telegram for the latest updates. This story has been updated."),
])
def test_copy_with_new_headline_and_added_lines_is_near(headline, added):
    original = "Drones hit Danube grain port in Odesa region\n\n" + WIRE
    copy = f"{headline}\n\n{WIRE}\n\n{added}"
    assert similarity(fingerprint(original).signature, fingerprint(copy).signature) >= THRESHOLD
    assert shares_a_band(original, copy)


def test_copy_with_last_paragraph_cut_is_near():
    paragraphs = WIRE.strip().split("\n\n")
    assert len(paragraphs) >= 5
    cut = "\n\n".join(paragraphs[:-1])
    assert similarity(fingerprint(WIRE).signature, fingerprint(cut).signature) >= THRESHOLD


@pytest.mark.parametrize("a, b", [(STORY_A, STORY_B), (STORY_A, STORY_C), (STORY_B, STORY_C),
                                  (STORY_A, WIRE), (STORY_C, WIRE), (OWN_REPORT, WIRE)])
def test_different_stories_score_low(a, b):
    assert similarity(fingerprint(a).signature, fingerprint(b).signature) < 0.3


@pytest.mark.parametrize("cut", [0.0, 0.1, 0.25, 0.5, 0.75])
def test_estimate_follows_exact_jaccard(cut):
    words = WIRE.split()
    kept = " ".join(words[:int(len(words) * (1 - cut))] or words[:1])
    estimate = similarity(fingerprint(WIRE).signature, fingerprint(kept).signature)
    # 128 permutations: the standard error is at most 0.045; 0.15 is over three of them.
    assert abs(estimate - exact_jaccard(WIRE, kept)) < 0.15


@pytest.mark.parametrize("a, b", [(b"", b""), (b"\x00" * 8, b"\x00" * 12), (b"abc", b"abc")])
def test_signatures_that_cannot_be_compared_score_zero(a, b):
    assert similarity(a, b) == 0.0


SIGNATURES = st.lists(st.integers(min_value=0, max_value=(1 << 32) - 1), min_size=PERMUTATIONS,
                      max_size=PERMUTATIONS).map(lambda xs: b"".join(x.to_bytes(4, "little") for x in xs))


@settings(max_examples=200, deadline=None)
@given(SIGNATURES, SIGNATURES)
def test_similarity_laws(a, b):
    assert similarity(a, a) == 1.0
    assert similarity(a, b) == similarity(b, a)
    assert 0.0 <= similarity(a, b) <= 1.0
    assert (similarity(a, b) == 1.0) == (a == b)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_fingerprint_of_any_text_is_deterministic(text):
    fp = fingerprint(text)
    assert fp == fingerprint(text)
    assert len(fp.signature) == 4 * PERMUTATIONS and len(fp.keys) == BANDS


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(STORY_A.split() + STORY_B.split()), min_size=20, max_size=80),
       st.integers(min_value=0, max_value=3))
def test_a_few_words_appended_keep_a_shared_band(words, extra):
    base = " ".join(words)
    copy = base + " " + " ".join(words[:extra])
    # At Jaccard 0.9 a pair misses every band with probability (1 - 0.9**5) ** 25 < 1e-9.
    if exact_jaccard(base, copy) >= 0.9:
        assert shares_a_band(base, copy)
