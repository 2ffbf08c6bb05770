"""The reprint corpus (benchmarks/reprints.py) and near-duplicate detection measured on it through the store."""

from __future__ import annotations

import random
import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import dedup as bench  # noqa: E402  benchmarks/dedup.py
import dedup_interleaved as sizes  # noqa: E402
import reprints  # noqa: E402
from wirewatch.ingest.dedup import shingles  # noqa: E402
from wirewatch.settings import IngestSettings  # noqa: E402
from wirewatch.store import SQLiteStore  # noqa: E402
from wirewatch.store import sqlite_keys  # noqa: E402


def jaccard(a: str, b: str) -> float:
    left, right = shingles(a), shingles(b)
    return len(left & right) / len(left | right)


def test_sentences_come_from_our_snippets_and_demo_articles():
    pool = reprints.sentences()
    assert len(pool) > 2000
    assert len(set(pool)) == len(pool)
    snippet = "Police in Zamfara state said officers repelled an attack by armed bandits on a mobile police base"
    assert any(s.startswith(snippet) for s in pool)
    assert any("Trappes" in s for s in pool)                                   # a demo .txt article
    assert not any(s.startswith(("Title:", "URL:", "<")) for s in pool)         # headers and markup left out


def test_originals_are_reproducible_and_distinct():
    assert reprints.original(7) == reprints.original(7)
    assert reprints.original(7) != reprints.original(7, seed=2)
    stories = [reprints.original(i) for i in range(150)]
    assert len({s.text for s in stories}) == 150
    assert all(6 <= len(s.paragraphs) <= 12 for s in stories)
    sets = [shingles(s.text) for s in stories]
    worst = max(len(a & b) / len(a | b) for i, a in enumerate(sets) for b in sets[i + 1:])
    assert worst < 0.3


@pytest.mark.parametrize("edits", reprints.EDITS)
def test_reprint_edits_do_what_they_say(edits):
    story = reprints.original(3)
    copy = reprints.reprint(story, edits, random.Random(5), "r0")
    assert copy.key == "r0" and copy.text != story.text
    assert (copy.headline != story.headline) == ("headline" in edits)
    added = [p for p in copy.paragraphs if p not in story.paragraphs]
    boilerplate = [p for p in added if any(p.startswith(line.split("{")[0][:12]) for line in reprints.BOILERPLATE)]
    assert bool(boilerplate) == ("boilerplate" in edits)
    if "cut" in edits and "words" not in edits:
        assert story.paragraphs[-1] not in copy.paragraphs
        assert story.paragraphs[0] in copy.paragraphs
    if edits == ("words",):
        changed = [(a, b) for a, b in zip(story.paragraphs, copy.paragraphs) if a != b]
        assert changed and all(len(b.split()) >= len(a.split()) - 3 for a, b in changed)
    assert jaccard(story.text, copy.text) > 0.4


def test_corpus_mixes_originals_and_reprints_of_earlier_originals():
    items = list(reprints.corpus(400, reprint_share=0.25, seed=3))
    keys = [item.story.key for item in items]
    copies = [item for item in items if item.original]
    assert 60 < len(copies) < 140
    assert all(keys.index(item.original) < keys.index(item.story.key) for item in copies)
    assert [item.edits for item in copies[:len(reprints.EDITS)]] == reprints.EDITS
    assert items[0].original is None


def test_detection_through_the_store_finds_reprints_and_no_false_positives():
    store = SQLiteStore(":memory:")
    result = bench.measure(reprints.corpus(300, reprint_share=0.35, seed=1), store,
                           IngestSettings().near_duplicate, text_mode="clean", block=150)
    store.close()
    assert sum(result.reprints.values()) > 90
    assert result.recall >= 0.95
    assert result.false_positives == 0
    assert [block[0] for block in result.blocks] == [150, 150]
    assert result.originals + sum(result.reprints.values()) == 300


def test_repeated_passes_report_each_block_as_one_pass_ran_it():
    one = bench.Result(0.8, [(100, 10.0, 10.0, 4.0), (100, 12.0, 12.0, 4.0)])
    two = bench.Result(0.8, [(100, 11.0, 11.0, 3.0), (100, 11.5, 11.5, 5.0)])
    assert bench.least([one, two]).blocks == [(100, 10.0, 10.0, 4.0), (100, 11.5, 11.5, 5.0)]


def test_the_report_gives_each_blocks_cpu_in_units_of_its_fingerprint_cpu(capsys):
    result = bench.Result(0.8, [(100, 10.0, 6.0, 4.0), (100, 20.0, 13.0, 8.0), (100, 9.0, 7.0, 4.0)])
    bench.report(result)
    line = next(l for l in capsys.readouterr().out.splitlines() if "units of the same block" in l)
    assert line.endswith("1.50 1.62 1.75; spread (max/min) 1.17")


def test_interleaved_rounds_time_each_block_against_the_store_as_it_stood_before_it(tmp_path, capsys):
    paths = bench.saved(bench.prepared(reprints.corpus(240, reprint_share=0.35, seed=2), "clean", 80), tmp_path)
    result = sizes.interleaved(paths, tmp_path, IngestSettings().near_duplicate, batch=50, rounds=2)
    plain = bench.measure(reprints.corpus(240, reprint_share=0.35, seed=2), SQLiteStore(":memory:"),
                          IngestSettings().near_duplicate, text_mode="clean", block=80)
    assert [block.articles for block in result.blocks] == [80, 80, 80]
    assert result.found == plain.found and result.false_positives == plain.false_positives == 0
    stored = []
    for k in (1, 2, 3):
        copy = SQLiteStore(tmp_path / f"before-{k}.db")
        stored.append(sum(copy.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                          for table in ("articles", "duplicates")))
        copy.close()
    assert stored == [0, 80, 160]
    assert not (tmp_path / "before-4.db").exists() and not list(tmp_path.glob("timed.db*"))
    out = capsys.readouterr().out
    assert out.count("blocks in the order") == 2 and "spread across sizes" in out


def test_interleaved_copies_hold_the_store_through_seals_and_merges(tmp_path, monkeypatch):
    """Blocks that cross seals and merges of the band-key segments, where a copy opened afresh would differ
    from the store that filled it."""
    monkeypatch.setattr(sqlite_keys, "SEAL_EVERY", 20)
    monkeypatch.setattr(sqlite_keys, "MERGE_SEGMENTS", 3)
    paths = bench.saved(bench.prepared(reprints.corpus(240, reprint_share=0.35, seed=3), "clean", 80), tmp_path)
    result = sizes.interleaved(paths, tmp_path, IngestSettings().near_duplicate, batch=50, rounds=1)
    assert sum(result.found.values()) > 30 and result.false_positives == 0


def test_interleaved_stops_on_a_copy_that_is_not_the_store(tmp_path, monkeypatch):
    real = shutil.copyfile
    monkeypatch.setattr(sizes.shutil, "copyfile",
                        lambda source, target: real(tmp_path / "before-2.db" if Path(source).name == "before-3.db"
                                                    else source, target))
    paths = bench.saved(bench.prepared(reprints.corpus(240, reprint_share=0.35, seed=2), "clean", 80), tmp_path)
    with pytest.raises(RuntimeError, match="block 3 "):
        sizes.interleaved(paths, tmp_path, IngestSettings().near_duplicate, batch=50, rounds=1)
