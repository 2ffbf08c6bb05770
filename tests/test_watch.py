"""The poll loop against a local server: state kept in the store, conditional polls, backoff, bad feeds
reported while the rest go on, and a watch killed mid-poll that restarts missing and repeating nothing."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest
from test_fetch import FeedServer, fast_settings

from wirewatch.errors import InputError
from wirewatch.ingest.fetch import Fetcher
from wirewatch.models import to_dict
from wirewatch.settings import Settings, load_settings
from wirewatch.store import EventFilter, SQLiteStore
from wirewatch.watch import watch

NOW = datetime(2024, 9, 2, 6, 0, tzinfo=timezone.utc)
LIVE = ["kherson-ferry-strike", "lagos-fuel-protest", "mandalay-market-blast", "kinshasa-students-march",
        "segou-convoy-ambush", "odesa-port-silos"]


class Clock:
    """A fake UTC clock that only moves when slept on or told to."""

    def __init__(self) -> None:
        self.now = NOW
        self.slept: list[float] = []

    def __call__(self) -> datetime:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += timedelta(seconds=seconds)

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


class Killed(BaseException):
    """Stands for the process dying: nothing in wirewatch catches it."""


def settings(**watch) -> Settings:
    base = load_settings(None, env={}, overrides={"extract.model": False, "store.batch_size": 2,
                                                  "ingest.max_bytes": 60_000})
    return replace(base, watch=fast_settings(**{"interval": 600.0, "max_backoff": 3600.0, **watch}))


def problems(store: SQLiteStore) -> dict[str, str]:
    """source -> message of every error recorded."""
    return {r[0]: r[1] for r in store.db.execute("SELECT source, message FROM problems WHERE level='error'")}


def page_requests(server) -> list[str]:
    return [p for p in server.paths() if not p.startswith("/feeds/")]


@pytest.fixture
def feed_server():
    with FeedServer() as server:
        yield server

def test_first_poll_runs_new_items_and_keeps_feed_state(feed_server, write, tmp_store):
    path = write("desk.feeds", feed_server.render("desk.feeds"))
    base = feed_server.base

    report = watch(path, tmp_store, settings(), once=True, clock=Clock())

    assert (report.cycles, report.polls, report.failed_polls) == (1, 3, 1)
    assert (report.items, report.pages, report.skipped, report.new, report.unchanged) == (8, 6, 2, 5, 1)
    world = tmp_store.feed_state(f"{base}/feeds/world.rss")
    assert world.etag and world.title == "Continental Wire - World"
    assert (world.failures, world.next_poll) == (0, NOW + timedelta(seconds=600))
    broken = tmp_store.feed_state(f"{base}/feeds/broken.rss")
    assert (broken.failures, broken.next_poll) == (1, NOW + timedelta(seconds=1200))
    assert "is not a feed that can be read" in broken.last_error
    assert set(problems(tmp_store)) == {str(path), f"{base}/feeds/world.rss", f"{base}/feeds/broken.rss",
                                        f"{base}/pages/aid-convoy-turned-back.html"}
    assert len(tmp_store.seen_items(f"{base}/feeds/world.rss", [f"{base}/pages/lagos-fuel-protest.html",
                                                                "cw-2024-0828-aid-convoy"])) == 2


def test_next_poll_is_conditional_and_fetches_nothing_again(feed_server, write, tmp_store):
    path = write("desk.feeds", feed_server.render("desk.feeds"))
    clock = Clock()
    watch(path, tmp_store, settings(), once=True, clock=clock)
    pages_before = len(page_requests(feed_server))
    clock.advance(601)

    report = watch(path, tmp_store, settings(), once=True, clock=clock)

    assert (report.polls, report.not_modified, report.pages) == (2, 2, 0)   # broken.rss is not due yet
    assert len(page_requests(feed_server)) == pages_before
    assert all("If-None-Match" in headers for p, headers in feed_server.requests[-2:])


def test_only_the_new_item_is_fetched(feed_server, write, tmp_store):
    path = write("live.feeds", f"{feed_server.base}/feeds/live.rss\n")
    feed_server.live = LIVE[:2]
    clock = Clock()
    watch(path, tmp_store, settings(), once=True, clock=clock)
    feed_server.live = LIVE[:3]
    clock.advance(600)

    report = watch(path, tmp_store, settings(), once=True, clock=clock)

    assert (report.items, report.pages, report.new) == (1, 1, 1)
    assert page_requests(feed_server)[-1] == "/pages/mandalay-market-blast.html"
    assert len(page_requests(feed_server)) == 3


def test_failed_polls_back_off_and_honour_retry_after(feed_server, write, tmp_store):
    gone, busy = f"{feed_server.base}/feeds/gone.rss", f"{feed_server.base}/busy"
    path = write("bad.feeds", f"{gone}\n{busy}\n")
    clock = Clock()
    quick = settings(interval=10.0, max_backoff=100.0)
    delays: list[float] = []
    for _ in range(5):
        watch(path, tmp_store, quick, once=True, clock=clock)
        if not delays:   # Retry-After: 120 outranks the 20 s backoff
            assert tmp_store.feed_state(busy).next_poll == NOW + timedelta(seconds=120)
        state = tmp_store.feed_state(gone)
        delays.append((state.next_poll - clock.now).total_seconds())
        clock.now = state.next_poll

    assert delays == [20.0, 40.0, 80.0, 100.0, 100.0]
    assert feed_server.paths().count("/feeds/gone.rss") == 5
    assert feed_server.paths().count("/busy") == 2   # due again only at 120 s, polled at 140 s
    assert "HTTP 503" in tmp_store.feed_state(busy).last_error


def test_feed_recovering_resets_its_backoff(feed_server, write, tmp_store):
    url = f"{feed_server.base}/feeds/later.rss"
    path = write("later.feeds", url + "\n")
    clock = Clock()
    watch(path, tmp_store, settings(), once=True, clock=clock)
    assert tmp_store.feed_state(url).failures == 1
    feed_server.extra["/feeds/later.rss"] = feed_server.live_feed()
    clock.advance(1200)

    watch(path, tmp_store, settings(), once=True, clock=clock)

    state = tmp_store.feed_state(url)
    assert (state.failures, state.last_error, state.next_poll) == (0, None, clock.now + timedelta(seconds=600))


def test_page_failing_for_now_is_retried_and_the_feed_refetched_in_full(feed_server, write, tmp_store):
    url = f"{feed_server.base}/feeds/flaky.rss"
    feed_server.extra["/feeds/flaky.rss"] = feed_server.render("world.rss").replace(
        "/pages/mandalay-market-blast.html", "/busy")
    path = write("flaky.feeds", url + "\n")
    clock = Clock()

    first = watch(path, tmp_store, settings(), once=True, clock=clock)
    clock.advance(600)
    second = watch(path, tmp_store, settings(), once=True, clock=clock)

    assert (first.retried, first.pages, second.retried, second.pages) == (1, 2, 1, 0)
    assert tmp_store.feed_state(url).etag is None        # kept back until every item is done
    polls = [headers for p, headers in feed_server.requests if p == "/feeds/flaky.rss"]
    assert len(polls) == 2 and "If-None-Match" not in polls[1]
    assert feed_server.paths().count("/busy") == 2
    assert feed_server.paths().count("/pages/kherson-ferry-strike.html") == 1


def test_bad_feeds_reported_by_url_and_the_good_one_read(feed_server, write, tmp_store):
    base = feed_server.base
    bad = ["/empty.rss", "/huge.rss", "/endless.rss", "/slow.rss", "/feeds/homepage.html"]
    path = write("mixed.txt", "".join(f"{base}{p}\n" for p in [*bad, "/feeds/africa.atom"]))

    report = watch(path, tmp_store, settings(timeout=0.3), once=True, clock=Clock())

    assert (report.polls, report.failed_polls, report.new) == (6, 5, 3)
    assert {f"{base}{p}" for p in bad} <= set(problems(tmp_store))
    assert "timed out after 0.3 s" in problems(tmp_store)[f"{base}/slow.rss"]


def test_loop_sleeps_until_the_next_feed_is_due(feed_server, write, tmp_store):
    path = write("live.feeds", f"{feed_server.base}/feeds/live.rss\n")
    feed_server.live = LIVE[:1]
    clock = Clock()
    lines: list[str] = []

    report = watch(path, tmp_store, settings(), cycles=3, clock=clock, sleep=clock.sleep, progress=lines.append)

    assert (report.cycles, report.polls, report.not_modified) == (3, 3, 2)
    assert clock.slept == [600.0, 600.0]
    assert lines[0] == f"{feed_server.base}/feeds/live.rss: 1 item(s), 1 new"
    assert lines[1].endswith("not modified")


def test_unreadable_feed_list_stops_only_a_first_cycle(feed_server, write, tmp_store, tmp_path):
    with pytest.raises(InputError, match="cannot be read"):
        watch(tmp_path / "missing.feeds", tmp_store, settings(), once=True, clock=Clock())
    with pytest.raises(InputError, match="names no feed URL that can be polled"):
        watch(write("local.feeds", "feeds/world.rss\n"), tmp_store, settings(), once=True, clock=Clock())
    assert "is not an http(s) URL" in problems(tmp_store)[str(tmp_path / "local.feeds")]
    path = write("live.feeds", f"{feed_server.base}/feeds/live.rss\n")
    clock = Clock()

    def sleep(seconds: float) -> None:
        path.unlink(missing_ok=True)
        clock.sleep(seconds)

    report = watch(path, tmp_store, settings(), cycles=2, clock=clock, sleep=sleep)

    assert report.polls == 2   # the list read on the first cycle was polled again
    assert "cannot be read" in problems(tmp_store)[str(path)]


class KillingFetcher(Fetcher):
    """Dies when asked for its n-th page."""

    def __init__(self, settings, n: int) -> None:
        super().__init__(settings)
        self.n = n

    def get(self, url, max_bytes, etag=None, modified=None):
        if "/pages/" in url:
            self.n -= 1
            if self.n == 0:
                raise Killed(url)
        return super().get(url, max_bytes, etag, modified)


class KillingStore:
    """A SQLiteStore that dies on the n-th call of one method."""

    def __init__(self, store: SQLiteStore, method: str, n: int) -> None:
        self._store, self._method, self._n = store, method, n

    def __getattr__(self, name: str):
        attr = getattr(self._store, name)
        if name != self._method:
            return attr

        def dying(*args, **kwargs):
            self._n -= 1
            if self._n == 0:
                raise Killed(name)
            return attr(*args, **kwargs)

        return dying


def snapshot(store: SQLiteStore) -> list[dict]:
    return sorted((to_dict(e) for e in store.events(EventFilter())), key=lambda e: e["id"])


@pytest.mark.parametrize("kill", ["fetching the 4th page", "storing the 3rd article", "marking the 2nd batch"])
def test_watch_killed_mid_poll_restarts_missing_and_repeating_nothing(feed_server, write, tmp_path, kill):
    path = write("live.feeds", f"{feed_server.base}/feeds/live.rss\n")
    feed_server.live = LIVE
    cfg = settings()
    reference = SQLiteStore(tmp_path / "reference.db")
    watch(path, reference, cfg, once=True, clock=Clock())
    feed_server.requests.clear()

    store = SQLiteStore(tmp_path / "killed.db")
    fetcher = KillingFetcher(cfg.watch, 4 if kill.startswith("fetching") else 0)
    victim = {"storing": KillingStore(store, "add_article", 3),
              "marking": KillingStore(store, "mark_items_seen", 2)}.get(kill.split()[0], store)
    with pytest.raises(Killed):
        watch(path, victim, cfg, once=True, clock=Clock(), fetcher=fetcher)
    store.close()
    fetched_before = len(page_requests(feed_server))
    feed_server.requests.clear()

    store = SQLiteStore(tmp_path / "killed.db")   # the restart
    report = watch(path, store, cfg, once=True, clock=Clock())

    marked_before = 2   # the first batch of two was stored and marked before every kill point
    assert fetched_before in (3, 4)
    assert len(page_requests(feed_server)) == len(LIVE) - marked_before
    assert report.new + report.unchanged == len(LIVE) - marked_before
    assert report.unchanged == (2 if kill.startswith("marking") else 0)
    urls = [r[0] for r in store.db.execute("SELECT url FROM articles")]
    assert len(urls) == len(set(urls)) == len(LIVE)
    assert snapshot(store) == snapshot(reference) and snapshot(reference)
    assert store.seen_items(f"{feed_server.base}/feeds/live.rss", [f"live-{s}" for s in LIVE]) == {
        f"live-{s}" for s in LIVE}
    store.close()
    reference.close()
