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

`--interleaved R` times each block against a copy of the store as it stood before it, R rounds with the sizes
shuffled anew each round, so that the machine's drift falls on random sizes (benchmarks/dedup_interleaved.py).
Every block line also gives the time the process spent waiting for a CPU that another process held (Linux), and
the report the wall time less those waits.
"""

from __future__ import annotations

import argparse
import pickle
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable, Iterable, Iterator, NamedTuple

sys.path.insert(0, str(Path(__file__).resolve().parent))

from reprints import Item, corpus  # noqa: E402
from wirewatch.clean import article_id, clean  # noqa: E402
from wirewatch.ingest.dedup import fingerprint, similarity  # noqa: E402
from wirewatch.models import Article, RawDocument  # noqa: E402
from wirewatch.settings import Settings  # noqa: E402
from wirewatch.store import SQLiteStore  # noqa: E402

TODAY = date(2026, 1, 1)
THRESHOLDS = (0.5, 0.6, 0.7, 0.8)   # the table beside the configured threshold's figures


class Block(NamedTuple):
    """The figures of one timed block."""

    articles: int
    wall: float
    cpu: float
    fp_cpu: float            # of the CPU, fingerprinting
    waited: float = 0.0      # of the wall time, runnable but waiting for a CPU that another process held

    @property
    def unloaded(self) -> float:
        """Wall time less the waits for a CPU: what the block took, I/O included, without the other
        processes' load."""
        return self.wall - self.waited


@dataclass
class Result:
    """What one pass over a corpus found, and how long each block of articles took."""

    threshold: float
    blocks: list[Block] = field(default_factory=list)
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
        wall, cpu, fp_cpu, waited = time.perf_counter(), time.process_time(), 0.0, cpu_wait()
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
        result.blocks.append(Block(len(block), time.perf_counter() - wall, time.process_time() - cpu, fp_cpu,
                                   cpu_wait() - waited))
        if progress:
            progress(result)
    return result


def cpu_wait() -> float:
    """Seconds this thread has spent runnable but waiting for a CPU (Linux's schedstat; 0.0 where there is none)."""
    try:
        return int(Path("/proc/thread-self/schedstat").read_text().split()[1]) / 1e9
    except (OSError, IndexError, ValueError):
        return 0.0


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
    print(block_line(f"{sum(b.articles for b in result.blocks):,}", Block(*result.blocks[-1])), flush=True)


def block_line(label: str, b: Block) -> str:
    """A block's figures under HEADER, the first column's label given."""
    return (f"{label:>9} {b.wall:>8.2f} {b.waited:>8.2f} {b.cpu:>7.2f} {b.fp_cpu:>15.2f} {b.cpu - b.fp_cpu:>13.2f} "
            f"{1000 * b.wall / b.articles:>16.3f}")


HEADER = (f"{'articles':>9} {'wall s':>8} {'CPU wait':>8} {'CPU s':>7} {'fingerprint CPU':>15} {'store CPU s':>13} "
          f"{'wall ms/article':>16}")


def report(result: Result) -> None:
    """Print the spread of block times, recall by kind of edit, and false positives."""
    full = [b for b in result.blocks if b[0] == result.blocks[0][0]]
    if len(full) > 1:
        walls, cpus, stores = [b[1] for b in full], [b[2] for b in full], [b[2] - b[3] for b in full]
        print(f"per-block spread (max/min): wall {max(walls) / min(walls):.2f}, CPU {max(cpus) / min(cpus):.2f}, "
              f"store CPU {max(stores) / min(stores):.2f}; last/first: wall {walls[-1] / walls[0]:.2f}, "
              f"CPU {cpus[-1] / cpus[0]:.2f}, store CPU {stores[-1] / stores[0]:.2f}")
        unloaded = [Block(*b).unloaded for b in full]
        if any(Block(*b).waited for b in full):
            print(f"wall time less the waits for a CPU, per block: {' '.join(f'{u:.2f}' for u in unloaded)}; "
                  f"spread (max/min) {max(unloaded) / min(unloaded):.2f}")
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
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog="example: python benchmarks/dedup.py --articles 100000 --interleaved 3")
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--block", type=int, default=10_000, help="articles per timed block")
    parser.add_argument("--text", choices=["clean", "raw"], default="clean")
    parser.add_argument("--reprints", type=float, default=0.1, help="share of the articles that are reprints")
    parser.add_argument("--seed", type=int, default=1)
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--repeat", type=int, default=1, metavar="R",
                      help="passes through fresh stores; each block is reported as its fastest pass ran it")
    mode.add_argument("--interleaved", type=int, default=0, metavar="R",
                      help="time each block R times against a copy of the store as it stood before it, the sizes "
                           "shuffled anew each round (benchmarks/dedup_interleaved.py)")
    args = parser.parse_args()
    if args.repeat < 1 or args.interleaved < 0 or args.articles < 1:
        parser.error("--articles and --repeat must be 1 or more, --interleaved 0 or more")
    threshold = Settings().ingest.near_duplicate
    batch = Settings().store.batch_size
    header = HEADER
    print(f"text: {args.text}; threshold: estimated Jaccard >= {threshold} (settings.ingest.near_duplicate)")
    with tempfile.TemporaryDirectory() as tmp:
        items = corpus(args.articles, args.reprints, args.seed)
        if args.interleaved:
            from dedup_interleaved import interleaved   # it builds on this module
            print(f"cleaning {args.articles:,} articles once ...", flush=True)
            paths = saved(prepared(items, args.text, args.block), Path(tmp))
            report(interleaved(paths, Path(tmp), threshold, batch, args.interleaved, args.seed))
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
