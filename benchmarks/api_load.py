"""Latency of `GET /api/events` with filters over a large store, under concurrent clients on loopback.

Usage: python benchmarks/api_load.py [--events 1000000] [--clients 20] [--seconds 30] [--workers 2] [--db PATH]

Builds (or reuses, with --db) a SQLite store: 100,000 synthetic events written through the real store code
(benchmarks/synthetic.py), then copied with new ids and shifted coordinates up to --events. Starts
`wirewatch serve` in its own process on 127.0.0.1 and runs --clients closed-loop clients (each sends its
next request as soon as the last one is answered, no think time) for --seconds, cycling through filter
queries of the kinds an analyst's page sends. Prints p50/p95/p99 latency per query kind and overall, and
requests/s. The issue's target: p95 <= 100 ms with 1,000,000 events and at least 20 clients.
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import fill  # noqa: E402

from wirewatch.store import SQLiteStore  # noqa: E402

BASE = 100_000
QUERIES = {
    "country": "/api/events?country=UKR",
    "country+type": "/api/events?country=SDN&type=Battles",
    "sub-type+dates": "/api/events?sub_type=Armed%20clash&since=2024-06-01&until=2024-06-30",
    "bbox": "/api/events?bbox=30,45,40,52",
    "bbox+since": "/api/events?bbox=-10,0,20,20&since=2025-01-01",
    "claim status": "/api/events?claim_status=disputed",
    "corroboration": "/api/events?min_corroboration=2&country=SYR",
    "admin1": "/api/events?admin1=Donetsk",
    "actor+country": "/api/events?actor=Police&country=NGA",
    "page 2": None,   # the second page of the country query, through its cursor
}


def build(path: Path, events: int) -> None:
    """A store with `events` events: BASE written by the store code, the rest copies made in SQL."""
    store = SQLiteStore(path)
    fill(store, min(events, BASE), progress=lambda n: print(f"\r  {n:,} events written", end="", file=sys.stderr))
    store.close()
    db = sqlite3.connect(path)
    copy = 1
    while (have := db.execute("SELECT count(*) FROM events").fetchone()[0]) < events:
        take = min(BASE, events - have)
        # A copy moves each event a little (so points do not stack) and gives it a new id, in the columns and in
        # the JSON the API returns alike.
        db.execute(
            "INSERT INTO events SELECT id || ?1, event_date, date_end, time_precision, event_type, sub_event_type, "
            "actor1, actor1_kind, actor2, actor2_kind, target, location, admin1, admin2, country, iso, "
            "latitude + ?2, longitude + ?2, geo_precision, geonameid, fatalities, fatalities_low, fatalities_high, "
            "claim_status, corroboration, sources, notes, "
            "json_set(data, '$.id', id || ?1, '$.place.latitude', latitude + ?2, '$.place.longitude', longitude + ?2), "
            "updated_at FROM events WHERE id NOT LIKE '%-c%' LIMIT ?3", (f"-c{copy}", copy * 0.01, take))
        db.commit()
        copy += 1
        print(f"\r  {have + take:,} events", end="", file=sys.stderr)
    print(file=sys.stderr)
    db.execute("ANALYZE")
    db.commit()
    db.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def client(port: int, until: float, seed: int, results: list[tuple[str, float, int]]) -> None:
    """One closed-loop client on a keep-alive connection."""
    rng = random.Random(seed)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    kinds = list(QUERIES)
    cursor = None
    while time.perf_counter() < until:
        kind = rng.choice(kinds)
        url = QUERIES[kind] or (f"/api/events?country=UKR&cursor={cursor}" if cursor else QUERIES["country"])
        t = time.perf_counter()
        conn.request("GET", url)
        response = conn.getresponse()
        body = response.read()
        results.append((kind, time.perf_counter() - t, response.status))
        if kind == "country" and response.status == 200 and b'"next":"' in body:
            cursor = body.split(b'"next":"', 1)[1].split(b'"', 1)[0].decode()
    conn.close()


def wait_ready(port: int, proc: subprocess.Popen, timeout: float = 60) -> None:
    end = time.time() + timeout
    while time.time() < end:
        if proc.poll() is not None:
            sys.exit(f"the server exited with code {proc.returncode}")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/api/events?limit=1")
            conn.getresponse().read()
            return
        except OSError:
            time.sleep(0.3)
    sys.exit("the server did not start within a minute")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--db", type=Path, help="store to build once and reuse (default: a temporary file)")
    parser.add_argument("--workers", type=int, default=2, help="server processes (`wirewatch serve --workers`)")
    args = parser.parse_args()
    tmp = tempfile.TemporaryDirectory()
    path = args.db or Path(tmp.name) / "load.db"
    if not path.exists() or sqlite3.connect(path).execute("SELECT count(*) FROM events").fetchone()[0] < args.events:
        path.unlink(missing_ok=True)
        t = time.perf_counter()
        build(path, args.events)
        print(f"built a store of {args.events:,} events in {time.perf_counter() - t:.0f} s", file=sys.stderr)
    port = free_port()
    wirewatch = Path(sys.executable).parent / "wirewatch"
    proc = subprocess.Popen([str(wirewatch), "serve", "--db", str(path), "--port", str(port),
                             "--workers", str(args.workers)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        wait_ready(port, proc)
        results: list[tuple[str, float, int]] = []
        until = time.perf_counter() + args.seconds
        threads = [threading.Thread(target=client, args=(port, until, i, results)) for i in range(args.clients)]
        for th in threads:
            th.start()
        for th in threads:
            th.join()
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=10)
        tmp.cleanup()
    report(results, args)


def report(results: list[tuple[str, float, int]], args: argparse.Namespace) -> None:
    """Latency percentiles per query kind and overall."""
    def pct(values: list[float], q: int) -> float:
        return statistics.quantiles(values, n=100)[q - 1] * 1000 if len(values) > 1 else values[0] * 1000

    failed = sum(1 for _, _, status in results if status != 200)
    print(f"{args.events:,} events, {args.workers} server processes, {args.clients} clients, {args.seconds:.0f} s, "
          f"{len(results):,} requests "
          f"({len(results) / args.seconds:,.0f}/s), {failed} not 200")
    print(f"{'query':<16}{'n':>7}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}")
    for kind in QUERIES:
        times = [t for k, t, _ in results if k == kind]
        if times:
            print(f"{kind:<16}{len(times):>7}{pct(times, 50):>9.1f}{pct(times, 95):>9.1f}{pct(times, 99):>9.1f}")
    times = [t for _, t, _ in results]
    print(f"{'all':<16}{len(times):>7}{pct(times, 50):>9.1f}{pct(times, 95):>9.1f}{pct(times, 99):>9.1f}")
    print(f"target p95 <= 100 ms: {'met' if pct(times, 95) <= 100 else 'NOT met'}")


if __name__ == "__main__":
    main()
