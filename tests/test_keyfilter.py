"""The Bloom filter over band keys: never loses a key, lets few absent keys through, doubles when full."""

import random

from wirewatch.store.keyfilter import KeyFilter


def _keys(n: int, seed: int) -> list[int]:
    rnd = random.Random(seed)
    return [rnd.getrandbits(64) - 2 ** 63 for _ in range(n)]   # signed, as the store keeps them


def test_every_added_key_may_be_there():
    key_filter = KeyFilter.empty(1 << 16)
    added = _keys(2000, 1)
    key_filter.add(added)
    for start in range(0, 2000, 25):
        chunk = tuple(added[start:start + 25])
        assert key_filter.may_contain(chunk) == list(chunk)


def test_absent_keys_are_mostly_turned_away():
    key_filter = KeyFilter.empty(1 << 20)
    key_filter.add(_keys(50_000, 2))          # 0.05 keys per bit: about 1 false pass in 700
    absent = _keys(20_000, 3)
    passed = sum(len(key_filter.may_contain(tuple(absent[i:i + 25]))) for i in range(0, 20_000, 25))
    assert passed < 100
    assert key_filter.keys == 50_000


def test_an_empty_filter_lets_nothing_through_and_extreme_keys_work():
    key_filter = KeyFilter.empty(1 << 12)
    extremes = (-2 ** 63, -1, 0, 1, 2 ** 63 - 1)
    assert key_filter.may_contain(extremes) == []
    key_filter.add(extremes)
    assert key_filter.may_contain(extremes) == list(extremes)


def test_round_trip_through_bytes_keeps_bits_and_count():
    key_filter = KeyFilter.empty(1 << 14)
    key_filter.add(_keys(300, 4))
    again = KeyFilter.from_bytes(key_filter.to_bytes(), key_filter.keys)
    assert again.bits == key_filter.bits and again.keys == 300
    again.add(_keys(10, 5))                    # a writable copy, not a view of the stored bytes
    assert again.bits != key_filter.bits


def test_full_once_past_a_tenth_of_a_key_per_bit():
    key_filter = KeyFilter.empty(1 << 12)      # 4,096 bits
    key_filter.add(_keys(409, 6))
    assert not key_filter.full
    key_filter.add(_keys(1, 7))
    assert key_filter.full
