"""Throughput of a serial run against a parallel run on Dask, and whether they store the same events.

Usage: python benchmarks/parallel.py [--articles N] [--workers N] [--source gva|demo] [--scheduler ADDRESS]

The corpus is benchmarks/extract.py's: 2,000 real news articles from ../shared/eval/gva_news when it is
there, else the bundled demo corpus repeated with a numbered line added to each copy. Both runs go
through pipeline.run_documents into fresh SQLite stores, with the shipped settings (typing model on).
Set-up is timed apart from the run: the gazetteer and model load for the serial run; the cluster start
and the workers' loads for the parallel one. Beside articles/s it prints the CPU seconds each run spent per
article (this process's, ONNX threads included; for the parallel run, the writer's plus the workers'): on a
machine shared with other work, wall time is noisy and CPU time is the steadier figure.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from distributed import Client
from extract import GVA, documents  # benchmarks/extract.py: the same corpus as the serial benchmark

from wirewatch import pipeline
from wirewatch.models import to_dict
from wirewatch.parallel import WarmCaches, local_cluster
from wirewatch.settings import Settings, load_settings
from wirewatch.store import EventFilter, SQLiteStore

TODAY = date(2026, 1, 1)


def stored(store: SQLiteStore) -> dict:
    """What a run leaves in the store, in a form two runs can be compared by."""
    rows = lambda sql: sorted(tuple(r) for r in store.db.execute(sql))  # noqa: E731
    return {"events": {e.id: to_dict(e) for e in store.events(EventFilter())},
            "duplicates": rows("SELECT article_id, duplicate_of, kind, url, source FROM duplicates"),
            "mentions": rows("SELECT article_id, event_id FROM mentions")}


def timed_run(docs, path: Path, settings: Settings, **options) -> tuple[float, float, pipeline.RunReport, dict]:
    """Seconds, CPU seconds of this process, report and stored contents of one run into a fresh store."""
    store = SQLiteStore(path)
    start, cpu = time.perf_counter(), time.process_time()
    report = pipeline.run_documents(docs, store, settings, today=TODAY, **options)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    contents = stored(store)
    store.close()
    return seconds, cpu, report, contents


def peak_rss_mb() -> float:
    """This process's peak resident memory. VmHWM, not ru_maxrss: a spawned worker inherits its parent's
    ru_maxrss, so every worker would report at least the writer's peak."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            return next(int(line.split()[1]) for line in fh if line.startswith("VmHWM:")) / 1024
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--source", choices=["gva", "demo"], default="gva" if GVA.exists() else "demo")
    parser.add_argument("--scheduler", help="use this running cluster instead of starting --workers locally")
    args = parser.parse_args()
    docs = documents(args.source, args.articles)
    settings = load_settings(None)   # defaults, with any WIREWATCH_* variables
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        pipeline.warm_up(settings)
        serial_setup = time.perf_counter() - start
        serial_s, serial_cpu, serial, serial_db = timed_run(docs, Path(tmp) / "serial.db", settings)

        start = time.perf_counter()
        cluster = None if args.scheduler else local_cluster(args.workers)   # as `wirewatch run --workers N`
        address = args.scheduler or cluster.scheduler_address
        with Client(address) as client:
            client.register_plugin(WarmCaches(settings))
            parallel_setup = time.perf_counter() - start
            workers_cpu = client.run(time.process_time)
            parallel_s, writer_cpu, par, par_db = timed_run(docs, Path(tmp) / "parallel.db", settings,
                                                            scheduler=address)
            workers_cpu = {w: cpu - workers_cpu[w] for w, cpu in client.run(time.process_time).items()}
            workers_peak = client.run(peak_rss_mb)
        if cluster is not None:
            cluster.close()

    n = len(docs)
    print(f"source: {args.source}, {n} articles; {serial.new} new, {serial.duplicates} duplicates, "
          f"{len(serial.errors)} refused, {len(serial_db['events'])} events")
    print(f"  serial: {serial_s:6.2f} s  {n / serial_s:6.1f} articles/s  (+ {serial_setup:.1f} s gazetteer and "
          f"model load); CPU {1000 * serial_cpu / n:.1f} ms/article, embedder on "
          f"{settings.extract.model_threads} thread(s)")
    where = args.scheduler or f"{args.workers} local worker processes"
    print(f"parallel: {parallel_s:6.2f} s  {n / parallel_s:6.1f} articles/s  on {where} (+ {parallel_setup:.1f} s "
          f"cluster start and worker loads)")
    print(f"          CPU {1000 * (writer_cpu + sum(workers_cpu.values())) / n:.1f} ms/article: writer "
          f"{1000 * writer_cpu / n:.1f}, workers " + ", ".join(f"{1000 * c / n:.1f}" for c in workers_cpu.values()))
    print(f" speedup: {serial_s / parallel_s:.2f}x; counting set-up on both sides "
          f"{(serial_s + serial_setup) / (parallel_s + parallel_setup):.2f}x")
    same = par_db == serial_db and (par.new, par.duplicates, par.mentions) == (serial.new, serial.duplicates,
                                                                              serial.mentions)
    print(f"same events, duplicates and mentions as the serial run: {'yes' if same else 'NO'}")
    print(f"peak RSS: this process (serial run, then the writer) {peak_rss_mb():.0f} MB; workers "
          + ", ".join(f"{mb:.0f} MB" for mb in workers_peak.values()))
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
