"""SimHash near-duplicate detection: copies land within a few bits, different stories far apart."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import FIXTURES
from wirewatch.ingest.dedup import BANDS, bands, hamming, simhash
from wirewatch.ingest.text import split_header
from wirewatch.settings import IngestSettings

_, WIRE = split_header((FIXTURES / "izmail-port-drones.txt").read_text(encoding="utf-8"))
MAX_BITS = IngestSettings().near_duplicate_bits

STORY_A = ("Gunmen abducted at least eleven traders travelling to a weekly market near Gusau in Zamfara "
           "state, police said. The attackers blocked the road with a burnt-out lorry and marched the "
           "passengers into the bush.")
STORY_B = ("Police fired tear gas to disperse several hundred people protesting against the postponement "
           "of the presidential election in central Dakar on Friday. Demonstrators burned tyres and threw "
           "stones at riot police.")
STORY_C = ("A roadside bomb killed four soldiers on patrol outside Maiduguri on Monday, military sources said. "
           "The device exploded under an armoured truck on the road to Damboa.")


def test_wire_fixture_is_wire_length():
    assert len(WIRE.split()) > 300


def test_identical_text_has_equal_hash():
    assert simhash(WIRE) == simhash(WIRE)
    assert simhash(STORY_A) == simhash(str(STORY_A))


def test_hash_ignores_case_and_punctuation():
    assert simhash("Gunmen abducted eleven traders, police said.") == \
        simhash("GUNMEN abducted   eleven traders -- police said")


def test_hash_is_signed_64_bit():
    for text in (WIRE, STORY_A, STORY_B, "", "a"):
        assert -(1 << 63) <= simhash(text) < (1 << 63)


@pytest.mark.parametrize("headline, added", [
    ("Russian drone attack on Izmail port injures three", "Local officials said schools in Izmail would stay closed on Thursday."),
    ("Three hurt as drones strike Danube port", "It was the third attack on the Danube ports this month."),
    ("Drones hit Danube grain port", "Exports from the port resumed later in the day."),
])
def test_copy_with_new_headline_and_one_sentence_is_near(headline, added):
    original = "Drones hit Danube grain port in Odesa region\n\n" + WIRE
    copy = f"{headline}\n\n{WIRE}\n\n{added}"
    assert hamming(simhash(original), simhash(copy)) <= MAX_BITS
    assert MAX_BITS == 7


@pytest.mark.parametrize("a, b", [(STORY_A, STORY_B), (STORY_A, STORY_C), (STORY_B, STORY_C),
                                  (STORY_A, WIRE), (STORY_C, WIRE)])
def test_different_stories_are_far_apart(a, b):
    assert hamming(simhash(a), simhash(b)) > 15


def test_bands_cut_the_hash_into_eight_bytes():
    value = simhash(WIRE)
    parts = bands(value)
    assert len(parts) == BANDS == 8
    assert all(0 <= p < 256 for p in parts)
    assert sum(p << (8 * i) for i, p in enumerate(parts)) == value & ((1 << 64) - 1)


@pytest.mark.parametrize("a, b, bits", [(0, 0, 0), (0, 1, 1), (0, -1, 64), (5, 6, 2), (-1, (1 << 63) - 1, 1)])
def test_hamming_examples(a, b, bits):
    assert hamming(a, b) == bits


SIGNED_64 = st.integers(min_value=-(1 << 63), max_value=(1 << 63) - 1)


@settings(max_examples=300, deadline=None)
@given(SIGNED_64, SIGNED_64)
def test_hamming_laws(a, b):
    assert hamming(a, a) == 0
    assert hamming(a, b) == hamming(b, a)
    assert 0 <= hamming(a, b) <= 64
    assert (hamming(a, b) == 0) == (a == b)


@settings(max_examples=300, deadline=None)
@given(SIGNED_64, st.sets(st.integers(min_value=0, max_value=63), max_size=7))
def test_within_seven_bits_some_band_is_equal(a, flips):
    b = a
    for bit in flips:
        b ^= 1 << bit
    b = b - (1 << 64) if b >= 1 << 63 else (b + (1 << 64) if b < -(1 << 63) else b)
    assert hamming(a, b) == len(flips) <= 7
    assert any(x == y for x, y in zip(bands(a), bands(b)))


@settings(max_examples=200, deadline=None)
@given(SIGNED_64, SIGNED_64)
def test_hamming_at_most_seven_implies_a_shared_band(a, b):
    if hamming(a, b) <= 7:
        assert any(x == y for x, y in zip(bands(a), bands(b)))


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_simhash_of_any_text_is_deterministic_and_in_range(text):
    assert simhash(text) == simhash(text)
    assert -(1 << 63) <= simhash(text) < (1 << 63)
