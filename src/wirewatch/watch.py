"""`wirewatch watch`: poll RSS and Atom feeds on an interval and run each new item's page through the
pipeline once.

What a restart needs lives in the store: each feed's validators (ETag, Last-Modified), consecutive
failures and next poll time, and the items done. An item is marked done only after its page has gone
through the pipeline (or failed for good: 404, too large, not HTML), and a feed's new validators are saved
only once every item of that poll is done, so a watch killed mid-poll and restarted fetches the feed in
full again and runs exactly the items not yet marked. An article stored but not yet marked when the
process died is run again and skipped by the pipeline as unchanged.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Callable

from .errors import InputError
from .ingest.fetch import Fetcher, FetchError, retry_after_seconds
from .ingest.rss import Feed, FeedItem, fetch_feed, fetch_page, no_link_error, read_feed_list
from .models import RawDocument
from .pipeline import Problem, RunReport, run_documents
from .settings import Settings, WatchSettings
from .store.base import FeedState, Store

__all__ = ["WatchReport", "watch"]

MIN_SLEEP = 1.0       # seconds: never spin between cycles, whatever the clock says
MAX_EXPONENT = 30     # backoff doubles at most this often before max_backoff caps it anyway


@dataclass
class WatchReport:
    """What a watch did, over all its cycles."""

    cycles: int = 0
    polls: int = 0                # feed requests made
    not_modified: int = 0         # polls answered 304
    failed_polls: int = 0
    items: int = 0                # new items met
    pages: int = 0                # pages fetched and run through the pipeline
    skipped: int = 0              # items with no link, pages that failed for good: reported and not retried
    retried: int = 0              # pages that failed for now: retried on a later poll
    new: int = 0                  # articles stored
    unchanged: int = 0
    duplicates: int = 0
    events_changed: set[str] = field(default_factory=set)
    problems: list[Problem] = field(default_factory=list)

    def add(self, run: RunReport) -> None:
        """Fold one pipeline run into the totals."""
        self.new += run.new
        self.unchanged += run.unchanged
        self.duplicates += run.duplicates
        self.events_changed = (self.events_changed - run.events_merged) | run.events_changed
        self.problems.extend(run.problems)


def _utcnow() -> datetime:
    """The wall clock in UTC: watch's default clock."""
    return datetime.now(timezone.utc)


def watch(feed_file: str | Path, store: Store, settings: Settings | None = None, *, once: bool = False,
          cycles: int | None = None, progress: Callable[[str], None] | None = None,
          clock: Callable[[], datetime] = _utcnow, sleep: Callable[[float], None] = time.sleep,
          fetcher: Fetcher | None = None) -> WatchReport:
    """Poll the feeds a feed list or OPML file names until stopped, running new items through the pipeline.

    Each cycle re-reads the feed file (edits take effect without a restart) and polls the feeds that are
    due; a failed poll is retried after min(interval * 2**failures, max_backoff) seconds, counting this
    failure, or after the server's Retry-After when that is longer.

    Args:
        feed_file: one feed URL a line (# comments), or OPML; re-read every cycle, its bad lines reported
            on the first.
        store: where articles, events and the feeds' state go.
        settings: settings.watch for polling, the rest for the pipeline.
        once: poll every due feed once and return (the same as cycles=1).
        cycles: stop after this many cycles; None runs until interrupted.
        progress: called with a line per feed polled.
        clock: the current UTC time (tests pass a fake one).
        sleep: waits between cycles (tests pass a fake one).
        fetcher: the HTTP client (tests may pass one; its per-host delay spans the whole watch).

    Raises:
        InputError: the feed file cannot be read on the first cycle, or names no feed.
    """
    settings = settings or Settings()
    fetcher = fetcher or Fetcher(settings.watch, sleep=sleep)
    limit = 1 if once else cycles
    report = WatchReport()
    feeds: list[str] = []
    while True:
        feeds = _feed_list(feed_file, feeds, store, settings, clock(), report)
        for url in feeds:
            _poll_if_due(url, store, fetcher, settings, clock, report, progress)
        report.cycles += 1
        if limit is not None and report.cycles >= limit:
            return report
        sleep(_until_next(feeds, store, clock(), settings.watch))


def _feed_list(feed_file: str | Path, previous: list[str], store: Store, settings: Settings, now: datetime,
               report: WatchReport) -> list[str]:
    """The feeds to poll this cycle; bad lines are reported on the first cycle, and a list that has become
    unreadable is reported and the previous one kept."""
    try:
        urls, errors = read_feed_list(feed_file)
    except InputError as err:
        if not previous:
            raise
        _record([err], store, settings, now, str(feed_file), report)
        return previous
    if errors and not previous:
        _record(errors, store, settings, now, str(feed_file), report)
    if not urls and not previous:
        raise InputError(str(feed_file), "names no feed URL that can be polled",
                         hint="one http(s) feed URL a line, or an OPML file")
    return urls


def _poll_if_due(url: str, store: Store, fetcher: Fetcher, settings: Settings, clock: Callable[[], datetime],
                 report: WatchReport, progress: Callable[[str], None] | None) -> None:
    """Poll one feed if its time has come; a failure of any kind is recorded against the feed, never raised."""
    state = store.feed_state(url) or FeedState(url)
    now = clock()
    if state.next_poll is not None and state.next_poll > now:
        return
    report.polls += 1
    try:
        line = _poll(state, store, fetcher, settings, now, report)
    except Exception as err:  # a parser bug met on one feed must not stop the others either
        problem = err if isinstance(err, InputError) else InputError(
            url, f"could not be polled ({type(err).__name__}: {err})", hint="please report this with the feed attached")
        line = _failed(state, problem, now, settings.watch)
        report.failed_polls += 1
        _record([problem], store, settings, now, url, report)
    store.save_feed_state(state)
    if progress:
        progress(f"{url}: {line}")


def _succeeded(state: FeedState, settings: Settings, now: datetime) -> None:
    state.failures, state.last_error = 0, None
    state.next_poll = now + timedelta(seconds=settings.watch.interval)


def _poll(state: FeedState, store: Store, fetcher: Fetcher, settings: Settings, now: datetime,
          report: WatchReport) -> str:
    """Fetch a feed and run its new items; updates `state` and says in a few words what happened."""
    resp, feed = fetch_feed(fetcher, state.url, settings.watch.max_feed_bytes, state.etag, state.modified)
    if feed is None:
        report.not_modified += 1
        _succeeded(state, settings, now)
        return "not modified"
    state.title = feed.title or state.title
    fresh, waiting = _run_items(feed, store, fetcher, settings, now, report)
    _succeeded(state, settings, now)   # only now: a failure while running the items keeps its backoff count
    if not waiting:  # a page left for later must come back in full on the next poll, not as a 304
        state.etag, state.modified = resp.etag, resp.modified
    return f"{len(feed.items)} item(s), {fresh} new" + (f", {waiting} to retry" if waiting else "")


def _run_items(feed: Feed, store: Store, fetcher: Fetcher, settings: Settings, now: datetime,
               report: WatchReport) -> tuple[int, int]:
    """Fetch the pages of the items not seen before and run them, a store batch at a time, marking each
    batch's items seen once it is stored. Returns (new items, items left to retry)."""
    unique = list({item.id: item for item in feed.items}.values())
    seen = store.seen_items(feed.url, [item.id for item in unique])
    new = [item for item in unique if item.id not in seen]
    report.items += len(new)
    waiting = 0
    size = max(1, settings.store.batch_size)
    for start in range(0, len(new), size):
        docs, done = [], []
        for item in new[start:start + size]:
            doc, finished = _page(item, feed, fetcher, settings, report)
            docs.append(doc)
            if finished:
                done.append(item.id)
            else:
                waiting += 1
        report.add(run_documents(docs, store, settings, now.date(), label=[feed.url]))
        store.mark_items_seen(feed.url, done)
    return len(new), waiting


def _page(item: FeedItem, feed: Feed, fetcher: Fetcher, settings: Settings,
          report: WatchReport) -> tuple[RawDocument | InputError, bool]:
    """The item's page, or the error to report; and whether the item is finished (not to be tried again)."""
    if item.link is None:
        report.skipped += 1
        return no_link_error(item, feed), True
    try:
        doc = fetch_page(fetcher, item, feed, settings.ingest.max_bytes)
    except FetchError as err:
        if err.transient:
            report.retried += 1
            return err, False
        report.skipped += 1
        return err, True
    report.pages += 1
    return doc, True


def _failed(state: FeedState, err: InputError, now: datetime, settings: WatchSettings) -> str:
    """Count a failed poll and schedule the next one further off; the progress line for it."""
    state.failures += 1
    state.last_error = str(err)
    delay = min(settings.interval * 2 ** min(state.failures, MAX_EXPONENT), settings.max_backoff)
    if isinstance(err, FetchError):  # the server's own word on when to come back outranks our schedule
        delay = max(delay, retry_after_seconds(err.retry_after, now) or 0.0)
    state.next_poll = now + timedelta(seconds=delay)
    return f"failed ({err.reason}); next poll in {delay:,.0f} s"


def _record(errors: list[InputError], store: Store, settings: Settings, now: datetime, label: str,
            report: WatchReport) -> None:
    """Store problems met outside any page (a feed, the feed list) as a run of their own."""
    report.add(run_documents(errors, store, settings, now.date(), label=[label]))


def _until_next(feeds: list[str], store: Store, now: datetime, settings: WatchSettings) -> float:
    """Seconds to sleep until the next feed falls due, between MIN_SLEEP and the poll interval."""
    due = [s.next_poll for s in map(store.feed_state, feeds) if s is not None and s.next_poll is not None]
    wait = min(((d - now).total_seconds() for d in due), default=settings.interval)
    if len(due) < len(feeds):  # a feed never polled (just added to the list) is due now
        wait = 0.0
    return min(max(wait, MIN_SLEEP), max(settings.interval, MIN_SLEEP))
