"""What the next block of articles costs when the store already holds N, apart from the machine's drift.

On a shared 2-core VM the machine's speed drifts by more than the effect measured (the same fingerprinting ran
5 to 9 s a block within one run), and in a plain pass the drift falls on whichever sizes happen to run in a slow
spell. Here one pass fills a store and copies it (SQLite's backup, page for page, free pages and all) before
every block but the first; then R rounds each time every block against a fresh copy of the store as it stood
before that block, the sizes shuffled anew each round, so a slow spell falls on random sizes. Each round's row
is printed; each size is summed up by the fastest and the median of its rounds.

A copy is opened as the filling store held it in memory before the block (every segment filter read and built,
the keys of the segments it sealed but has not merged yet, the writer's cache size), outside the timed part;
only SQLite's page cache starts cold, which can only slow the larger sizes. After each timed block the copy must
hold the same articles and the same copy-to-original links as the filled store did after that block, or the run
stops.

Run it through benchmarks/dedup.py (`--interleaved R`), which builds and cleans the corpus.
"""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import statistics
from pathlib import Path

from dedup import HEADER, Block, Result, block_line, loaded, measure_blocks, print_block
from wirewatch.store import SQLiteStore


def interleaved(paths: list[Path], folder: Path, threshold: float, batch: int, rounds: int,
                seed: int = 1) -> Result:
    """Fill a store block by block, copying it before each block; time every block `rounds` times against a
    copy of the store as it stood before it. The fill pass's counts, with each block's fastest round."""
    print("filling a store, copied before each block (these times are the plain pass's, for comparison)\n"
          + HEADER, flush=True)
    fill = folder / "fill.db"
    store = SQLiteStore(fill)
    copies = [folder / "before-1.db"]
    _copy(fill, copies[0])
    found = [0]        # reprints linked to their original by the end of each block of the fill pass

    def copy_store(result: Result) -> None:
        print_block(result)
        found.append(sum(result.found.values()))
        if len(result.blocks) < len(paths):   # the store after the last block: no block follows it
            copies.append(folder / f"before-{len(result.blocks) + 1}.db")
            _copy(fill, copies[-1])

    known: tuple[dict[str, str], dict[str, bytes]] = ({}, {})   # what the filled store holds, as in every copy
    filled = measure_blocks(loaded(paths), store, threshold, batch, copy_store, stored=known)
    store.close()
    order = random.Random(seed)
    runs: list[list[Block]] = []
    for n in range(rounds):
        sizes = list(range(len(copies)))
        order.shuffle(sizes)
        print(f"round {n + 1} of {rounds}: blocks in the order {' '.join(str(k + 1) for k in sizes)}\n"
              f"{'block':>9}{HEADER[9:]}", flush=True)
        row: list[Block] = [Block(0, 0.0, 0.0, 0.0)] * len(copies)
        for k in sizes:
            after = copies[k + 1] if k + 1 < len(copies) else fill
            row[k] = _time_block(paths[k], copies[k], after, folder / "timed.db", threshold, batch, known,
                                 found[k + 1] - found[k], k + 1)
            print(block_line(str(k + 1), row[k]), flush=True)
        runs.append(row)
    _summary(runs)
    fastest = [min(times, key=lambda b: b.wall) for times in zip(*runs)]
    return Result(threshold, fastest, filled.reprints, filled.found, filled.found_at, filled.false_at,
                  filled.originals)


def _time_block(path: Path, before: Path, after: Path, work: Path, threshold: float, batch: int,
                known: tuple[dict[str, str], dict[str, bytes]], linked: int, number: int) -> Block:
    """One block timed against a fresh copy of the store as it stood before it; checked against the store
    as it stood after it."""
    shutil.copyfile(before, work)
    _settle(work)
    timed = _as_the_filling_store_held_it(work)
    try:
        result = measure_blocks(loaded([path]), timed, threshold, batch, stored=known)
        if sum(result.found.values()) != linked or _differs(timed, after):
            raise RuntimeError(f"block {number} against its copy of the store linked {sum(result.found.values())} "
                               f"reprints (the fill pass {linked}) or left other articles or links than the fill "
                               f"pass did: the copy is not the store as it stood")
        return result.blocks[0]
    finally:
        timed.close()
        for leftover in work.parent.glob(work.name + "*"):
            leftover.unlink()


def _as_the_filling_store_held_it(path: Path) -> SQLiteStore:
    """A copy opened with what the filling store held in memory at that point: every segment filter read and
    its rows built, the keys of the segments it sealed since its last merge, the writer's cache size. Reached
    through the store's private parts: only a benchmark needs a store to pretend it has been running."""
    store = SQLiteStore(path)
    with store.transaction():
        store._fresh_keys = {s: store._keys_of([s]) for s in store._filters.filters if s > 0}
        store._filters.candidates((0,))
    return store


def _differs(timed: SQLiteStore, after: Path) -> bool:
    """Whether the copy, after its block, holds other articles or copy-to-original links than the filled store
    did after the same block (read without writing beside it: immutable)."""
    timed.db.execute("ATTACH ? AS after", (f"file:{after}?immutable=1",))
    try:
        counts = timed.db.execute(
            "SELECT (SELECT count(*) FROM main.articles) - (SELECT count(*) FROM after.articles), "
            "(SELECT count(*) FROM main.duplicates) - (SELECT count(*) FROM after.duplicates), "
            "(SELECT count(*) FROM (SELECT article_id, duplicate_of FROM main.duplicates "
            "EXCEPT SELECT article_id, duplicate_of FROM after.duplicates))").fetchone()
    finally:
        timed.db.execute("DETACH after")
    return any(counts)


def _copy(source: Path, target: Path) -> None:
    """A page-for-page copy of the store, through a connection of its own (so as not to push the filling
    store's pages out of its cache), on disk before any block is timed."""
    source_db, target_db = sqlite3.connect(source), sqlite3.connect(target)
    try:
        source_db.backup(target_db)
    finally:
        source_db.close()
        target_db.close()
    _settle(target)


def _settle(path: Path) -> None:
    """Put a copy on disk before a block is timed against it: else the store's first checkpoint, which syncs
    the file, would wait for hundreds of megabytes of copy, more the larger the store."""
    with path.open("rb+") as copy:
        os.fsync(copy.fileno())


def _summary(runs: list[list[Block]]) -> None:
    """Each size's fastest and median round, and the spread of each across sizes."""
    print("each block over the rounds: wall s fastest and median; wall less CPU waits, median; CPU s median; "
          "CPU in units of the block's fingerprint CPU, median")
    rows = []
    for k, times in enumerate(zip(*runs)):
        row = (min(b.wall for b in times), statistics.median(b.wall for b in times),
               statistics.median(b.unloaded for b in times), statistics.median(b.cpu for b in times),
               statistics.median(b.cpu / b.fp_cpu for b in times if b.fp_cpu > 0) if all(
                   b.fp_cpu > 0 for b in times) else 0.0)
        rows.append(row)
        print(f"{k + 1:>9} {row[0]:>8.2f} {row[1]:>8.2f} {row[2]:>8.2f} {row[3]:>8.2f} {row[4]:>8.2f}")
    names = ["fastest wall", "median wall", "median wall less CPU waits", "median CPU",
             "median CPU in fingerprint units"]
    print("spread across sizes (max/min): " + ", ".join(
        f"{name} {max(column) / min(column):.2f}" for name, column in zip(names, zip(*rows)) if min(column) > 0))
    print("the table and figures below take each block from its fastest round (the total is their sum, which no "
          "one pass took)\n" + HEADER)
    done = 0
    for fastest in (min(times, key=lambda b: b.wall) for times in zip(*runs)):
        done += fastest.articles
        print(block_line(f"{done:,}", fastest))
