"""Fusion at scale: a batch of new reports against a store that already holds many events.

Usage: python benchmarks/fusion.py [--stored 100000] [--batch 1000]

Fills a fresh SQLite store with synthetic events (benchmarks/synthetic.py) through the real store code,
then times the pipeline's writer step for one batch of new reports: adding their articles and fusing their
mentions in one transaction. Prints the fill time, the batch time, how many new reports merged into stored
events, and the peak resident memory. The issue's target: 100,000 stored + 1,000 new in under 5 s, < 1 GB.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import fill, new_mentions  # noqa: E402

from wirewatch.fuse import fuse  # noqa: E402
from wirewatch.ingest.dedup import fingerprint  # noqa: E402
from wirewatch.settings import FuseSettings  # noqa: E402
from wirewatch.store import SQLiteStore  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stored", type=int, default=100_000, help="events in the store before the batch")
    parser.add_argument("--batch", type=int, default=1_000, help="new reports fused in one batch")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = SQLiteStore(Path(tmp) / "fusion.db")
        t = time.perf_counter()
        fill(store, args.stored, progress=lambda n: print(f"\r  filled {n:,} events", end="", file=sys.stderr))
        print(file=sys.stderr)
        filled = time.perf_counter() - t
        reports = list(new_mentions(args.batch, args.stored))
        t = time.perf_counter()
        with store.transaction():
            for art, _ in reports:
                store.add_article(art, fingerprint(art.text))
            changed = fuse([m for _, m in reports], {a.id: a for a, _ in reports}, store, FuseSettings())
        batch = time.perf_counter() - t
        merged = sum(1 for e in changed if len(e.sources) > 1)
        total = store.db.execute("SELECT count(*) FROM events").fetchone()[0]
        store.close()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"stored events:        {args.stored:,} (filled in {filled:.1f} s)")
    print(f"new reports fused:    {args.batch:,} in {batch:.2f} s ({args.batch / batch:,.0f} reports/s)")
    print(f"merged into stored:   {merged:,} events gained a source; store now holds {total:,} events")
    print(f"peak memory:          {peak_mb:,.0f} MB")
    print(f"target (<5 s, <1 GB): {'met' if batch < 5 and peak_mb < 1024 else 'NOT met'}")


if __name__ == "__main__":
    main()
