"""The Bloom filters over band keys: never lose a key, let few absent keys through, tell segments apart."""

import random

import numpy as np

from wirewatch.store.keyfilter import MIN_WORDS, KeyFilter, SegmentFilters, size_for


def _keys(n: int, seed: int) -> list[int]:
    rnd = random.Random(seed)
    return [rnd.getrandbits(64) - 2 ** 63 for _ in range(n)]   # signed, as the store keeps them


def _passed(key_filter: KeyFilter, keys: tuple[int, ...]) -> list[int]:
    """The keys a store's lookup would search for in the filter's segment."""
    filters = SegmentFilters()
    filters.put(1, key_filter)
    return [key for _, key in filters.candidates(keys)]


def test_every_added_key_may_be_there():
    added = _keys(2000, 1)
    key_filter = KeyFilter.of(added)
    for start in range(0, 2000, 25):
        chunk = tuple(added[start:start + 25])
        assert _passed(key_filter, chunk) == list(chunk)


def test_absent_keys_are_mostly_turned_away():
    key_filter = KeyFilter.of(_keys(50_000, 2))
    absent = _keys(20_000, 3)
    passed = sum(len(_passed(key_filter, tuple(absent[i:i + 25]))) for i in range(0, 20_000, 25))
    assert passed < 100                           # about 1 in 1,400 or fewer at 24 bits a key or more
    assert key_filter.keys == 50_000


def test_a_filter_is_sized_for_its_keys():
    assert size_for(0) == MIN_WORDS
    assert size_for(25_000) * 64 >= 24 * 25_000 and size_for(25_000) * 32 < 24 * 25_000
    assert len(KeyFilter.of(_keys(25_000, 8)).words) == size_for(25_000)


def test_an_empty_filter_lets_nothing_through_and_extreme_keys_work():
    extremes = (-2 ** 63, -1, 0, 1, 2 ** 63 - 1)
    assert _passed(KeyFilter.of([]), extremes) == []
    assert _passed(KeyFilter.of(extremes), extremes) == list(extremes)


def test_round_trip_through_bytes_keeps_words_and_count():
    key_filter = KeyFilter.of(_keys(300, 4))
    again = KeyFilter.from_bytes(key_filter.to_bytes(), key_filter.keys)
    assert np.array_equal(again.words, key_filter.words) and again.keys == 300
    again.add(_keys(10, 5))                    # a writable copy, not a view of the stored bytes
    assert not np.array_equal(again.words, key_filter.words)


def test_segment_filters_name_the_segment_that_holds_each_key():
    small, large = _keys(1000, 9), _keys(30_000, 10)
    filters = SegmentFilters()
    filters.put(1000, KeyFilter.of(small))     # two sizes: tested in two stacks
    filters.put(-2000, KeyFilter.of(large))
    query = (small[3], large[7], _keys(1, 11)[0])
    assert {(1000, small[3]), (-2000, large[7])} <= set(filters.candidates(query))
    absent = _keys(2500, 12)
    false = sum(len(filters.candidates(tuple(absent[i:i + 25]))) for i in range(0, 2500, 25))
    assert false < 15                          # 5,000 key-segment tests at about 1 in 1,400
    filters.drop([1000])
    assert filters.candidates((small[3],)) in ([], [(-2000, small[3])])
    assert (-2000, large[7]) in filters.candidates((large[7],))
    assert SegmentFilters().candidates(query) == []


def test_segment_filters_stay_right_as_segments_come_and_go():
    """Each size's rows are built again only when a filter of that size comes or goes: after every change the
    answer is what each filter says on its own."""
    filters, kept = SegmentFilters(), {}
    query = tuple(_keys(40, 20))
    for step, (segment, count) in enumerate([(1000, 900), (2000, 900), (-2000, 4000), (3000, 900), (-3000, 4000),
                                             (2000, 4000), (3000, None), (-2000, None), (4000, 900)]):
        if count is None:
            filters.drop([segment])
            kept.pop(segment)
        else:
            keys = _keys(count, 30 + step)
            keys[:3] = query[step:step + 3]        # three of the query's keys are in this segment
            kept[segment] = KeyFilter.of(keys)
            filters.put(segment, kept[segment])
        expected = {(s, k) for s, f in kept.items() for k in query if _passed(f, (k,))}
        assert set(filters.candidates(query)) == expected
        assert {s for s, _ in expected} == set(kept)


def test_segment_filters_given_their_filters_answer_as_if_put():
    keys = _keys(300, 40)
    key_filter = KeyFilter.of(keys)
    by_put = SegmentFilters()
    by_put.put(5, key_filter)
    query = tuple(keys[:5])
    assert by_put.candidates(query) == SegmentFilters(filters={5: key_filter}).candidates(query) != []
