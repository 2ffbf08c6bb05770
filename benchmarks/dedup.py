"""Near-duplicate detection at ingest: cost as the store grows, reprint recall, false positives.

Usage: python benchmarks/dedup.py [--articles 100000] [--block 10000] [--text clean|raw] [--reprints 0.1]
                                  [--repeat R | --interleaved R]

Builds the reprint corpus (benchmarks/reprints.py) and sends it through the real store path: a fresh
SQLiteStore in a temporary folder, one transaction per batch, and for each article `fingerprint`,
`store.near_duplicate`, then `store.add_duplicate` for a copy or `store.add_article` for a new article.
Prints the time per block of articles as the store grows (dedup work only: building the corpus and
cleaning are not timed), the total, the share of reprints found as copies of their original (by kind
of edit), and the share of distinct articles wrongly taken for copies. `--text clean` fingerprints
what the pipeline fingerprints (the clean stage's text, boilerplate rules applied); `--text raw`
fingerprints the article as written, boilerplate and all.

`--repeat R` cleans the corpus once (into a temporary folder), then sends it through R fresh stores and
prints, for each block, the figures of the pass that took the least wall time for it: another process's
burst only ever slows a block, so the fastest of a few passes measures the store's cost at that size rather
than the machine's load at that minute (timeit takes the least of its repeats for the same reason).

`--interleaved R` answers "what does the next block cost when the store holds N articles" apart from the
machine's drift, which on a shared VM is larger than the effect measured (the same fingerprinting ran 5 to 9 s
a block within one run). One pass fills a store and copies it (SQLite's backup, page for page) after every
block; then R rounds each time every block against a fresh copy of the store as it stood before that block,
the sizes in a new shuffled order each round, so a slow spell of the machine falls on random sizes instead of
on the last ones. Each size is reported as its fastest round ran it. A copy starts with a cold page cache
that the filled store had warm, which can only slow the larger sizes.
"""

from __future__ import annotations

import argparse
import os
import pickle
import random
import shutil
import sqlite3
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable, Iterable, Iterator

sys.path.insert(0, str(Path(__file__).resolve().parent))

from reprints import Item, corpus  # noqa: E402
from wirewatch.clean import article_id, clean  # noqa: E402
from wirewatch.ingest.dedup import fingerprint, similarity  # noqa: E402
from wirewatch.models import Article, RawDocument  # noqa: E402
from wirewatch.settings import Settings  # noqa: E402
from wirewatch.store import SQLiteStore  # noqa: E402

TODAY = date(2026, 1, 1)
THRESHOLDS = (0.5, 0.6, 0.7, 0.8)   # the table beside the configured threshold's figures


@dataclass
class Result:
    """What one pass over a corpus found, and how long each block of articles took."""

    threshold: float
    # (articles, wall s, CPU s, of which fingerprinting) per block
    blocks: list[tuple[int, float, float, float]] = field(default_factory=list)
    reprints: Counter = field(default_factory=Counter)        # edits -> reprints of that kind
    found: Counter = field(default_factory=Counter)           # edits -> linked to their original
    found_at: Counter = field(default_factory=Counter)        # threshold -> reprints linked to their original
    false_at: Counter = field(default_factory=Counter)        # threshold -> distinct articles taken for copies
    originals: int = 0

    @property
    def recall(self) -> float:
        return sum(self.found.values()) / max(1, sum(self.reprints.values()))

    @property
    def false_positives(self) -> int:
        return self.false_at[self.threshold]


def article(item: Item, text_mode: str) -> Article:
    """The article the pipeline would fingerprint: cleaned, or the text as written."""
    story = item.story
    url = f"https://bench.example/{story.key}"
    if text_mode == "clean":
        return clean(RawDocument(source=story.key, content=story.text, format="text", url=url), TODAY)[0]
    return Article(id=article_id(story.text), url=url, outlet=None, title=None, published=TODAY, language="en",
                   text=story.text, source=story.key, ingested=TODAY)


def measure(items: Iterable[Item], store: SQLiteStore, threshold: float, text_mode: str = "clean",
            block: int = 10_000, batch: int = 50, progress: Callable[[Result], None] | None = None) -> Result:
    """Send the corpus through the store block by block; time the dedup work of each block (and call
    `progress` after each)."""
    return measure_blocks(prepared(items, text_mode, block), store, threshold, batch, progress)


def prepared(items: Iterable[Item], text_mode: str, block: int) -> Iterator[list[tuple[Item, Article]]]:
    """The corpus in blocks of (item, the article the pipeline would fingerprint)."""
    for chunk in _chunks(items, block):
        yield [(item, article(item, text_mode)) for item in chunk]


def measure_blocks(blocks: Iterable[list[tuple[Item, Article]]], store: SQLiteStore, threshold: float,
                   batch: int = 50, progress: Callable[[Result], None] | None = None,
                   stored: tuple[dict[str, str], dict[str, bytes]] | None = None) -> Result:
    """Time the dedup work of each prepared block as the store grows (`stored`: what the store already holds,
    as filled by an earlier pass: article id -> corpus key, article id -> signature)."""
    result = Result(threshold)
    # stored article id -> corpus key (an original's, or a missed copy's), and -> signature to score the twin found
    key_of, signatures = stored if stored is not None else ({}, {})
    lowest = min(THRESHOLDS + (threshold,))
    for block in blocks:
        wall, cpu, fp_cpu = time.perf_counter(), time.process_time(), 0.0
        for part in _chunks(block, batch):
            with store.transaction():
                for item, art in part:
                    started = time.process_time()
                    fp = fingerprint(art.text)
                    fp_cpu += time.process_time() - started
                    twin = store.near_duplicate(fp, lowest)
                    score = similarity(fp.signature, signatures[twin]) if twin else 0.0
                    _tally(result, item, key_of.get(twin, ""), score)
                    if score >= threshold:
                        store.add_duplicate(art, twin, "near")
                    else:
                        store.add_article(art, fp)
                        key_of.setdefault(art.id, item.story.key)
                        signatures.setdefault(art.id, fp.signature)
        result.blocks.append((len(block), time.perf_counter() - wall, time.process_time() - cpu, fp_cpu))
        if progress:
            progress(result)
    return result


def saved(blocks: Iterable[list[tuple[Item, Article]]], folder: Path) -> list[Path]:
    """Each prepared block pickled into the folder, so repeated passes read it back instead of cleaning again."""
    paths = []
    for n, block in enumerate(blocks):
        paths.append(folder / f"block-{n}.pickle")
        with paths[-1].open("wb") as out:
            pickle.dump(block, out, protocol=pickle.HIGHEST_PROTOCOL)
    return paths


def loaded(paths: list[Path]) -> Iterator[list[tuple[Item, Article]]]:
    for path in paths:
        with path.open("rb") as data:
            yield pickle.load(data)


def interleaved(paths: list[Path], folder: Path, threshold: float, batch: int, rounds: int) -> Result:
    """Fill a store block by block, copying it before each block; then time every block R times against a copy
    of the store as it stood before it, sizes shuffled anew each round. The fill pass's counts, with each block's
    figures from its fastest round."""
    print("filling a store and copying it before each block (the fill pass's own times, for comparison)", flush=True)
    store = SQLiteStore(folder / "fill.db")
    copies: list[Path] = []
    found = [0]        # reprints linked to their original by the end of each block of the fill pass

    def copy_store(result: Result | None = None) -> None:
        copies.append(folder / f"before-{len(copies)}.db")
        target = sqlite3.connect(copies[-1])
        store.db.backup(target)
        target.close()
        _settle(copies[-1])
        if result is not None:
            print_block(result)
            found.append(sum(result.found.values()))

    copy_store()
    known: tuple[dict[str, str], dict[str, bytes]] = ({}, {})   # what the filled store holds, as in every copy
    filled = measure_blocks(loaded(paths), store, threshold, batch, copy_store, stored=known)
    store.close()
    copies.pop()                       # the store after the last block: no block follows it
    rounds_run: list[list[tuple[int, float, float, float]]] = []
    order = random.Random(len(paths))
    for n in range(rounds):
        sizes = list(range(len(copies)))
        order.shuffle(sizes)
        print(f"round {n + 1} of {rounds}: blocks timed in the order {' '.join(str(k + 1) for k in sizes)}",
              flush=True)
        row: list[tuple[int, float, float, float]] = [(0, 0.0, 0.0, 0.0)] * len(copies)
        for k in sizes:
            work = folder / "timed.db"
            shutil.copyfile(copies[k], work)
            _settle(work)
            timed = SQLiteStore(work)
            result = measure_blocks(loaded(paths[k:k + 1]), timed, threshold, batch, stored=known)
            timed.close()
            if sum(result.found.values()) != found[k + 1] - found[k]:
                raise RuntimeError(f"block {k + 1} against its copy of the store linked {sum(result.found.values())} "
                                   f"reprints, the fill pass {found[k + 1] - found[k]}: the copy is not the store "
                                   f"as it stood")
            row[k] = result.blocks[0]
            for leftover in folder.glob("timed.db*"):
                leftover.unlink()
        rounds_run.append(row)
    best = [min(times, key=lambda b: b[1]) for times in zip(*rounds_run)]
    return Result(threshold, best, filled.reprints, filled.found, filled.found_at, filled.false_at, filled.originals)


def _settle(path: Path) -> None:
    """Put a copy on disk before any block is timed: else the store's first checkpoint (which syncs the file)
    would wait for hundreds of megabytes of copy, more the larger the store."""
    with path.open("rb+") as copy:
        os.fsync(copy.fileno())


def _tally(result: Result, item: Item, twin_key: str, score: float) -> None:
    """Count a reprint linked to its original, or a distinct article linked to anything."""
    if item.original is None:
        result.originals += 1
        for t in set(THRESHOLDS + (result.threshold,)):
            result.false_at[t] += score >= t
        return
    result.reprints[item.edits] += 1
    linked = twin_key == item.original
    for t in set(THRESHOLDS + (result.threshold,)):
        result.found_at[t] += linked and score >= t
    result.found[item.edits] += linked and score >= result.threshold


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    chunk: list = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def print_block(result: Result) -> None:
    """One line for the block just timed."""
    count, wall, cpu, fp_cpu = result.blocks[-1]
    done = sum(b[0] for b in result.blocks)
    print(f"{done:>9,} {wall:>8.2f} {cpu:>7.2f} {fp_cpu:>15.2f} {cpu - fp_cpu:>13.2f} {1000 * wall / count:>16.3f}",
          flush=True)


def report(result: Result) -> None:
    """Print the spread of block times, recall by kind of edit, and false positives."""
    full = [b for b in result.blocks if b[0] == result.blocks[0][0]]
    if len(full) > 1:
        walls, cpus, stores = [b[1] for b in full], [b[2] for b in full], [b[2] - b[3] for b in full]
        print(f"per-block spread (max/min): wall {max(walls) / min(walls):.2f}, CPU {max(cpus) / min(cpus):.2f}, "
              f"store CPU {max(stores) / min(stores):.2f}; last/first: wall {walls[-1] / walls[0]:.2f}, "
              f"CPU {cpus[-1] / cpus[0]:.2f}, store CPU {stores[-1] / stores[0]:.2f}")
        if len(full) > 2:
            later = cpus[1:]
            print(f"CPU spread from the second block on (max/min): {max(later) / min(later):.2f}")
        # The fingerprint work is the same in every block (the corpus is drawn alike throughout), so a block's
        # CPU in units of its own fingerprint CPU takes out the machine's speed at that minute (a 2-core VM's
        # drifts by half within one run). It also takes out any slowing of the fingerprinting by the store's
        # growing working set, which it cannot tell apart: read it as a lower bound on the growth.
        relative = [b[2] / b[3] for b in full if b[3] > 0]
        if len(relative) == len(full):
            print(f"CPU per block in units of the same block's fingerprint CPU: "
                  f"{' '.join(f'{r:.2f}' for r in relative)}; spread (max/min) {max(relative) / min(relative):.2f}")
    total = sum(b[1] for b in result.blocks)
    articles = sum(b[0] for b in result.blocks)
    print(f"total: {total:.1f} s for {articles:,} articles ({articles / total:,.0f} articles/s)")
    reprints = sum(result.reprints.values())
    print(f"reprints found as copies of their original: {sum(result.found.values()):,} of {reprints:,} "
          f"= {result.recall:.3f}")
    for edits, n in sorted(result.reprints.items(), key=lambda kv: (len(kv[0]), kv[0])):
        print(f"  {'+'.join(edits):<34} {result.found[edits]:>6,} of {n:>6,} = {result.found[edits] / n:.3f}")
    print(f"distinct articles taken for copies: {result.false_positives:,} of {result.originals:,} "
          f"= {result.false_positives / max(1, result.originals):.5f}")
    print("at other thresholds (store contents as at the configured one):")
    for t in THRESHOLDS:
        print(f"  >= {t}: recall {result.found_at[t] / max(1, reprints):.3f}, "
              f"false positives {result.false_at[t]:,}")


def least(results: list[Result]) -> Result:
    """The first pass's counts with, for each block, the figures of the pass that took the least wall time
    for it (all of one pass's row, so its store CPU is one that a pass spent)."""
    blocks = [min(passes, key=lambda b: b[1]) for passes in zip(*(r.blocks for r in results))]
    return Result(results[0].threshold, blocks, results[0].reprints, results[0].found, results[0].found_at,
                  results[0].false_at, results[0].originals)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                     epilog="example: python benchmarks/dedup.py --articles 100000 --interleaved 3")
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--block", type=int, default=10_000, help="articles per timed block")
    parser.add_argument("--text", choices=["clean", "raw"], default="clean")
    parser.add_argument("--reprints", type=float, default=0.1, help="share of the articles that are reprints")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=1,
                        help="passes through fresh stores; each block is reported as its fastest pass ran it")
    parser.add_argument("--interleaved", type=int, default=0, metavar="R",
                        help="time each block R times against a copy of the store as it stood before it, "
                             "sizes in shuffled order (see above)")
    args = parser.parse_args()
    if args.repeat < 1 or args.interleaved < 0:
        parser.error("--repeat must be 1 or more, --interleaved 0 or more")
    if args.repeat > 1 and args.interleaved:
        parser.error("choose --repeat or --interleaved")
    threshold = Settings().ingest.near_duplicate
    batch = Settings().store.batch_size
    header = (f"{'articles':>9} {'wall s':>8} {'CPU s':>7} {'fingerprint CPU':>15} {'store CPU s':>13} "
              f"{'wall ms/article':>16}")
    print(f"text: {args.text}; threshold: estimated Jaccard >= {threshold} (settings.ingest.near_duplicate)")
    with tempfile.TemporaryDirectory() as tmp:
        items = corpus(args.articles, args.reprints, args.seed)
        if args.interleaved:
            print(f"cleaning {args.articles:,} articles once ...", flush=True)
            paths = saved(prepared(items, args.text, args.block), Path(tmp))
            print(header)
            best = interleaved(paths, Path(tmp), threshold, batch, args.interleaved)
            print(f"each block timed against a copy of the store as it stood before it, as its fastest of "
                  f"{args.interleaved} rounds ran it\n{header}")
            for n in range(1, len(best.blocks) + 1):
                print_block(Result(threshold, best.blocks[:n]))
            report(best)
            return
        if args.repeat == 1:
            print(header)
            store = SQLiteStore(Path(tmp) / "dedup.db")
            result = measure(items, store, threshold, args.text, args.block, batch, print_block)
            store.close()
            report(result)
            return
        print(f"cleaning {args.articles:,} articles once for {args.repeat} passes ...", flush=True)
        paths = saved(prepared(items, args.text, args.block), Path(tmp))
        results = []
        for n in range(args.repeat):
            print(f"pass {n + 1} of {args.repeat}, a fresh store\n{header}", flush=True)
            store = SQLiteStore(Path(tmp) / f"dedup-{n}.db")
            results.append(measure_blocks(loaded(paths), store, threshold, batch, print_block))
            store.close()
            (Path(tmp) / f"dedup-{n}.db").unlink()
        print(f"each block as the pass that took the least wall time for it ran it, of {args.repeat} passes "
              f"(the total below is their sum, which no one pass took)\n{header}")
        best = least(results)
        for n in range(1, len(best.blocks) + 1):
            print_block(Result(threshold, best.blocks[:n]))
        report(best)


if __name__ == "__main__":
    sys.exit(main())
