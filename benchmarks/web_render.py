"""Time to the page's first full render with many events, in headless Chromium.

Usage: python benchmarks/web_render.py [--events 10000] [--runs 5] [--screenshot out/web-render.png]

Fills a temporary store with synthetic events (benchmarks/synthetic.py), serves it with uvicorn on
127.0.0.1, and opens `/` in a fresh browser context each run (nothing cached). The render time is
`window.wirewatch.renderedAt`: milliseconds from the start of navigation until the events are on the
map (clusters and points), the borders and the timeline are drawn, and a frame has been painted.
Prints each run, the median and the /api/points response time; the target is 2,000 ms.
"""

from __future__ import annotations

import argparse
import shutil
import socket
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import uvicorn
from playwright.sync_api import sync_playwright

from synthetic import fill
from wirewatch.serve.api import create_app
from wirewatch.settings import load_settings
from wirewatch.store import SQLiteStore

TARGET_MS = 2000
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
POINTS_TIMING = "performance.getEntriesByType('resource').filter(e => e.name.includes('/api/points'))[0]?.duration"


def serve(db: Path) -> tuple[uvicorn.Server, str]:
    """uvicorn on a free loopback port in a daemon thread; the server and its base URL."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    settings = load_settings(None, env={}, overrides={"store.db": str(db)})
    server = uvicorn.Server(uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning",
                                           lifespan="off"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.02)
    return server, f"http://127.0.0.1:{port}/"


def measure(browser, url: str, screenshot: str | None = None) -> tuple[float, float, int]:
    """One cold load: (render ms, /api/points ms, events on the map); the page saved to `screenshot` if given."""
    context = browser.new_context(viewport={"width": 1400, "height": 860})
    page = context.new_page()
    page.goto(url)
    page.wait_for_function("window.wirewatch && window.wirewatch.renderedAt !== null", timeout=60_000)
    rendered = page.evaluate("window.wirewatch.renderedAt")
    points = page.evaluate(POINTS_TIMING) or 0.0
    shown = page.evaluate("window.wirewatch.markers().reduce((n, m) => n + m.count, 0)")
    if screenshot:
        page.screenshot(path=screenshot)
    context.close()
    return rendered, points, shown


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--screenshot", help="save the last run's page here (PNG)")
    parser.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "events.db"
        started = time.perf_counter()
        store = SQLiteStore(db)
        fill(store, args.events)
        store.close()
        print(f"store: {args.events:,} synthetic events in {time.perf_counter() - started:.1f} s")
        server, url = serve(db)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=args.chromium, args=ARGS)
            runs = [measure(browser, url, args.screenshot if n == args.runs - 1 else None) for n in range(args.runs)]
            browser.close()
        server.should_exit = True
    for n, (rendered, points, shown) in enumerate(runs, 1):
        print(f"run {n}: first render {rendered:,.0f} ms (/api/points {points:,.0f} ms), {shown:,} events on the map")
    median = statistics.median(r for r, _, _ in runs)
    print(f"median first render of {args.events:,} events: {median:,.0f} ms "
          f"(target <= {TARGET_MS:,} ms: {'met' if median <= TARGET_MS else 'NOT met'})")
    return 0 if median <= TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
