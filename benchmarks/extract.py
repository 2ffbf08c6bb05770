"""Throughput and memory of the whole pipeline, stage by stage.

Usage: python benchmarks/extract.py [--articles N] [--source gva|demo]

Reads ../shared/eval/gva_news/news.jsonl (real news articles) when it is there, else the bundled demo
corpus's text articles joined two by two, so that near-duplicate detection lets each through.
Prints articles/s per stage and end to end, then the same articles through `pipeline.run_documents` as
`wirewatch run` sends them (dedup, and the typing model called once per chunk of articles instead of once
per article, which the stage-by-stage pass cannot do), and the peak resident memory.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from wirewatch.clean import clean
from wirewatch.embed import load_embedder
from wirewatch.errors import InputError
from wirewatch.extract import extract
from wirewatch.fuse import fuse
from wirewatch.gazetteer import load_gazetteer
from wirewatch.ingest import read_inputs
from wirewatch.ingest.dedup import fingerprint
from wirewatch.models import RawDocument, replace
from wirewatch.pipeline import run_documents
from wirewatch.resolve import resolve_mentions
from wirewatch.serve.cli import demo_articles
from wirewatch.settings import load_settings
from wirewatch.store import SQLiteStore

GVA = Path(__file__).resolve().parents[2] / "shared" / "eval" / "gva_news" / "news.jsonl"


def documents(source: str, count: int) -> list[RawDocument]:
    """`count` raw documents from the chosen source."""
    if source == "gva":
        docs = []
        with GVA.open(encoding="utf-8") as fh:
            for number, line in enumerate(fh, start=1):
                r = json.loads(line)
                docs.append(RawDocument(f"{GVA}:{number}", r["content"], "text", r.get("uri"), None,
                                        r.get("title"), date.fromisoformat(r["dct"][:10]) if r.get("dct") else None))
                if len(docs) >= count:
                    break
        return docs
    # Two different demo articles joined make one new one: near-duplicate detection lets it through (a copy
    # with a line added would now be caught as a reprint and never extracted).
    base = [d for d in read_inputs([demo_articles()]) if isinstance(d, RawDocument) and d.format == "text"]
    n = len(base)
    pairs = [(i % n, (i + 1 + i // n) % n) for i in range(count)]
    return [replace(base[a], content=base[a].content + "\n\n" + base[b].content, url=f"https://bench.example/{k}")
            for k, (a, b) in enumerate(pairs)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--source", choices=["gva", "demo"], default="gva" if GVA.exists() else "demo")
    args = parser.parse_args()
    docs = documents(args.source, args.articles)
    timings = dict.fromkeys(["load", "clean", "extract", "resolve", "store+fuse"], 0.0)
    t = time.perf_counter()
    gazetteer = load_gazetteer()
    timings["load"] = time.perf_counter() - t
    settings = load_settings(None)   # defaults, with any WIREWATCH_* variables
    with tempfile.TemporaryDirectory() as tmp:
        store = SQLiteStore(Path(tmp) / "bench.db")
        start = time.perf_counter()
        refused = 0
        for i in range(0, len(docs), settings.store.batch_size):
            prepared = []
            for doc in docs[i:i + settings.store.batch_size]:
                t = time.perf_counter()
                try:
                    article, _ = clean(doc, date(2026, 1, 1))
                except InputError:
                    refused += 1
                    continue
                t2 = time.perf_counter()
                mentions, _ = extract(article, settings.extract, gazetteer)
                t3 = time.perf_counter()
                mentions = resolve_mentions(article, mentions, gazetteer)
                t4 = time.perf_counter()
                timings["clean"] += t2 - t
                timings["extract"] += t3 - t2
                timings["resolve"] += t4 - t3
                prepared.append((article, mentions))
            t = time.perf_counter()
            with store.transaction():
                for article, mentions in prepared:
                    store.add_article(article, fingerprint(article.text))
                    fuse(mentions, {article.id: article}, store, settings.fuse)
            timings["store+fuse"] += time.perf_counter() - t
        total = time.perf_counter() - start
        events = store.db.execute("SELECT count(*) FROM events").fetchone()[0]
        store.close()
    words = sum(len(d.content.split()) for d in docs)
    print(f"source: {args.source}, {len(docs)} articles, {words / len(docs):.0f} words each on average, {events} events, {refused} refused")
    print(f"gazetteer load: {timings['load']:.2f} s")
    for stage in ("clean", "extract", "resolve", "store+fuse"):
        print(f"{stage:>11}: {timings[stage]:6.2f} s  {len(docs) / timings[stage]:8.1f} articles/s")
    print(f"  end to end: {total:6.2f} s  {len(docs) / total:8.1f} articles/s (after the gazetteer load)")
    print(f"resolve share of per-article time: {timings['resolve'] / total:.1%}")
    # The embedder keeps the vectors of the sentences it met last (embed.RECENT): after the pass above, every
    # sentence of the corpus would be one of them, and the pass below would embed nothing.
    load_embedder(settings.extract.model_threads).recent.clear()
    with tempfile.TemporaryDirectory() as tmp:
        store = SQLiteStore(Path(tmp) / "pipeline.db")
        start = time.perf_counter()
        report = run_documents(docs, store, settings, today=date(2026, 1, 1))
        run_time = time.perf_counter() - start
        store.close()
    print(f"    pipeline: {run_time:6.2f} s  {len(docs) / run_time:8.1f} articles/s (run_documents, as `wirewatch run`; "
          f"{report.new} stored, {report.duplicates} copies)")
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"peak RSS: {peak_kb / 1024:.0f} MB")


if __name__ == "__main__":
    sys.exit(main())
