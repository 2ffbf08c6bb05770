"""The analyst's page in headless Chromium: the demo corpus through the pipeline into a store, the app
served by uvicorn on 127.0.0.1, the page opened, its markers counted, an event clicked, its sources read.

Needs Debian's chromium and Python Playwright (never `playwright install`: it drives the system browser);
without them every test here is skipped, saying what to install. The screenshot goes to out/browser-test.png.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import threading
import time
import urllib.request
from importlib import resources
from pathlib import Path
from typing import Iterator
from urllib.parse import urlsplit

import pytest

from conftest import TODAY
from wirewatch import pipeline
from wirewatch.serve.api import create_app
from wirewatch.settings import load_settings
from wirewatch.store import EventFilter, SQLiteStore

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "out"
WEB = ROOT / "web"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Root in a container has no user namespaces for the sandbox; the rest keeps Chromium off the network.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _missing() -> str | None:
    """What to install before these tests can run (or why they are off), or None."""
    if os.environ.get("WIREWATCH_TEST_BROWSER") == "0":
        return "WIREWATCH_TEST_BROWSER=0 turns the browser tests off"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return ("Python Playwright is not installed: `.venv/bin/pip install playwright==1.65.2` "
                "(do not run `playwright install`; the tests use Debian's chromium)")
    if not Path(CHROMIUM).exists():
        return f"Debian's chromium is not at {CHROMIUM}: `apt-get update && apt-get install -y chromium`"
    return None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> Path:
    """The bundled demo corpus run through the pipeline (typing model off: the page is tested here)."""
    db = tmp_path_factory.mktemp("browser") / "demo.db"
    articles = Path(str(resources.files("wirewatch") / "data" / "demo" / "articles"))
    store = SQLiteStore(db)
    report = pipeline.run([articles], store, _settings(db), today=TODAY)
    store.close()
    assert report.new > 40, report.problems[:3]
    return db


def _settings(db: Path):
    return load_settings(None, env={}, overrides={"extract.model": False, "store.db": str(db)})


@pytest.fixture(scope="module")
def base_url(demo_db) -> Iterator[str]:
    """The app on 127.0.0.1 at a free port, served by uvicorn in a thread for the module's tests."""
    import uvicorn

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(_settings(demo_db)), host="127.0.0.1", port=port,
                                           log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "uvicorn did not start"
        time.sleep(0.02)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=5)


@pytest.fixture(scope="module")
def browser():
    if reason := _missing():
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class Visit:
    """A page opened on the app, with every request that tried to leave 127.0.0.1 and every script error."""

    def __init__(self, browser, base_url: str) -> None:
        self.base_url = base_url
        self.outside: list[str] = []
        self.errors: list[str] = []
        self.page = browser.new_page(viewport={"width": 1400, "height": 860})
        self.page.route("**/*", self._guard)
        self.page.on("pageerror", lambda err: self.errors.append(str(err)))
        self.page.goto(base_url + "/")
        self.page.wait_for_function("window.wirewatch && window.wirewatch.renderedAt !== null", timeout=10_000)

    def _guard(self, route) -> None:
        if urlsplit(route.request.url).hostname == "127.0.0.1" or route.request.url.startswith("data:"):
            route.continue_()
        else:
            self.outside.append(route.request.url)
            route.abort()

    def api(self, path: str) -> dict:
        with urllib.request.urlopen(self.base_url + path, timeout=10) as response:
            return json.load(response)

    def on_map(self) -> dict[str, int]:
        """Markers in the DOM: single events, clusters, and the events the clusters hold."""
        return self.page.evaluate("""() => {
            const clusters = [...document.querySelectorAll('#map .ww-cluster')];
            return {points: document.querySelectorAll('#map .ww-point').length, clusters: clusters.length,
                    clustered: clusters.reduce((n, c) => n + Number(c.dataset.count), 0)};
        }""")


@pytest.fixture(scope="module")
def opened(browser, base_url) -> Iterator[Visit]:
    """One page for the module (opening one costs most of a second); `visit` resets it for each test."""
    page = Visit(browser, base_url)
    yield page
    page.page.close()


@pytest.fixture
def visit(opened) -> Iterator[Visit]:
    """The page with its filters cleared and the map fitted to every event again."""
    loads = opened.page.evaluate("window.wirewatch.loads")
    opened.page.click("#filters button[type=reset]")
    opened.page.wait_for_function(f"window.wirewatch.loads > {loads}")
    yield opened
    errors, outside = opened.errors[:], opened.outside[:]
    opened.errors.clear()
    opened.outside.clear()
    assert errors == [], "script errors on the page"
    assert outside == [], "the page asked for something outside this server"


def placed_events(points: dict) -> list[int]:
    """Indexes of the /api/points events that have coordinates."""
    cols = points["columns"]
    return [i for i in range(points["count"]) if cols["lat"][i] is not None and cols["lon"][i] is not None]


def test_demo_events_appear_on_the_map(visit):
    points = visit.api("/api/points")
    expected = len(placed_events(points))
    assert expected > 20
    seen = visit.on_map()
    assert seen["points"] > 0 and seen["points"] + seen["clustered"] == expected
    hook = visit.page.evaluate("window.wirewatch.markers()")
    assert sum(m["count"] for m in hook) == expected
    assert visit.page.locator("#map canvas").count() == 1  # the country borders, drawn from world-atlas
    assert visit.page.locator("#timeline rect.bar").count() > 3
    assert f"{points['count']} events" in visit.page.inner_text("#count")
    types = visit.page.locator("#filters select[name=type] option").all_inner_texts()
    assert "Protests" in types and len(types) > 6


def test_clicking_an_event_lists_its_sources_with_highlights(visit):
    # the best-corroborated single event in view, so the panel has more than one source to show
    target = max((m for m in visit.page.evaluate("window.wirewatch.markers()") if m["kind"] == "point"),
                 key=lambda m: visit.api(f"/api/events/{m['id']}")["event"]["corroboration"])
    detail = visit.api(f"/api/events/{target['id']}")
    visit.page.click(f"#map .ww-point[data-id='{target['id']}']")
    visit.page.wait_for_selector("#panel article.source")
    panel = visit.page.locator("#panel")
    assert detail["event"]["sub_event_type"] in panel.locator("h2").inner_text()
    assert panel.locator("article.source").count() == len(detail["sources"]) >= 1
    assert panel.locator(".passage mark").count() >= 1
    first = detail["sources"][0]
    marked = panel.locator("article.source").first.locator(".passage mark").all_inner_texts()
    assert {h["text"] for h in first["highlights"]} >= set(marked) and marked
    if first["article"]["url"]:
        assert panel.locator("article.source a").first.get_attribute("href") == first["article"]["url"]
    assert visit.page.locator(f"#map .ww-point.selected[data-id='{target['id']}']").count() == 1
    OUT.mkdir(exist_ok=True)
    visit.page.screenshot(path=str(OUT / "browser-test.png"))


def test_brushing_the_timeline_filters_the_map(visit):
    box = visit.page.locator("#timeline").bounding_box()
    before = visit.on_map()
    y = box["y"] + box["height"] / 2
    visit.page.mouse.move(box["x"] + box["width"] * 0.55, y)
    visit.page.mouse.down()
    visit.page.mouse.move(box["x"] + box["width"] * 0.75, y, steps=4)
    visit.page.mouse.up()
    since = visit.page.input_value("#filters [name=since]")
    until = visit.page.input_value("#filters [name=until]")
    assert since and until and since < until
    expected = len(placed_events(visit.api(f"/api/points?since={since}&until={until}")))
    after = visit.on_map()
    assert 0 < after["points"] + after["clustered"] == expected < before["points"] + before["clustered"]
    visit.page.dblclick("#timeline")  # clears the range
    assert visit.page.input_value("#filters [name=since]") == ""


def test_a_filter_reloads_from_the_server(visit):
    loads = visit.page.evaluate("window.wirewatch.loads")
    visit.page.select_option("#filters select[name=type]", "Protests")
    visit.page.wait_for_function(f"window.wirewatch.loads > {loads}")
    expected = len(placed_events(visit.api("/api/points?type=Protests")))
    seen = visit.on_map()
    assert 0 < seen["points"] + seen["clustered"] == expected


def test_clicking_a_cluster_lists_its_events(visit):
    clusters = [m for m in visit.page.evaluate("window.wirewatch.markers()") if m["kind"] == "cluster"]
    if not clusters:
        pytest.skip("no cluster at the fitted view of this store")
    biggest = max(clusters, key=lambda m: m["count"])
    visit.page.click(f"#map .ww-cluster[data-cluster='{biggest['id']}']")  # fails if a point covers it
    visit.page.wait_for_selector("#panel .list")
    assert visit.page.locator("#panel .list li").count() == biggest["count"]


def test_committed_bundle_is_what_the_web_sources_build(tmp_path):
    """The bundle in the package is `npm run build` of web/ as committed (the build is reproducible)."""
    node = shutil.which("node")
    if node is None or not (WEB / "node_modules" / "esbuild").is_dir():
        pytest.skip("needs Node.js and the page's npm packages: `cd web && npm ci`")
    subprocess.run([node, "build.mjs", str(tmp_path)], cwd=WEB, check=True, capture_output=True, timeout=60)
    shipped = Path(str(resources.files("wirewatch") / "serve" / "web"))
    built = sorted(p.name for p in tmp_path.iterdir())
    assert built == ["app.js", "index.html", "style.css"]
    for name in built:
        assert (tmp_path / name).read_bytes() == (shipped / name).read_bytes(), \
            f"{name} is stale: run `cd web && npm ci && npm run build` and commit src/wirewatch/serve/web/"


def test_a_link_to_a_merged_event_opens_the_event_it_went_to(visit, demo_db):
    """Last in the module: it merges two stored events, as a later `watch` run might while the page is open."""
    store = SQLiteStore(demo_db)
    kept, absorbed = [e.id for e in store.events(EventFilter(limit=2))]
    store.merge_events(kept, absorbed, "a report dated to one day matched both")
    store.close()
    visit.page.evaluate(f"window.wirewatch.open({json.dumps(absorbed)})")
    visit.page.wait_for_selector("#panel ul.merges")
    panel = visit.page.locator("#panel")
    assert kept in panel.locator("p.type code").inner_text()
    assert absorbed in panel.locator("ul.merges").inner_text()
    assert "a report dated to one day matched both" in panel.locator("ul.merges").inner_text()
