"""The store interface: everything the pipeline, the CLI and evaluation ask of a database.

SQLite (sqlite.py) and PostgreSQL (postgres.py) implement it over the same tables.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import ContextManager, Iterator, Protocol

from ..ingest.dedup import Fingerprint
from ..models import Article, Event, GeoPrecision, Mention


# How far before a new mention a stored event may start and still be compared with it: wider than any
# precision but a year, so month-precise reports still meet day-precise ones.
BLOCK_DAYS = 62

# Band keys are stored in recent_keys; each time the number of articles stored (by signature number) passes a
# multiple of SEAL_EVERY, its keys move, in key order, to the end of article_keys as a sealed segment
# (migrations/sqlite/0008). A batch dirties the pages of a small table, not a page per key of a big one, and
# no write touches more pages as the store grows. 1,000 articles' keys fill about 150 pages.
SEAL_EVERY = 1000
KEY_TABLES = ("article_keys", "recent_keys")   # a lookup searches both


def in_block(event: Event, mention: Mention) -> bool:
    """The blocking rule: only events of the same country and sub-event type, near in time, and not placed in
    another admin1 unit (see `block_admin1`), are compared."""
    if event.place is None or mention.place is None or event.place.iso != mention.place.iso:
        return False
    admin1 = block_admin1(mention)
    return (event.sub_event_type == mention.sub_event_type
            and mention.date.start - timedelta(days=BLOCK_DAYS) <= event.date.start <= mention.date.end + timedelta(days=1)
            and (admin1 is None or event.place.admin1 in (None, admin1) or event.place.precision == GeoPrecision.COUNTRY
                 or (mention.place.geonameid is not None and event.place.geonameid == mention.place.geonameid)))


def block_admin1(mention: Mention) -> str | None:
    """The admin1 unit a mention's candidates must share (or have none, be placed only in the country, or be
    the very same place under another admin1 name, as after a gazetteer rebuild), None when any will do. Fusion never merges places in two admin1 units unless one is known only to its
    country (fuse/similarity.py), so the store need not read those events: in a busy country, with
    hundreds of events of one type a month, reading them all made fusion cost grow with the store."""
    place = mention.place
    return place.admin1 if place and place.admin1 and place.precision != GeoPrecision.COUNTRY else None


@dataclass(frozen=True)
class EventFilter:
    """Filters shared by `wirewatch events`, exports and the HTTP API. Every field narrows the result;
    None (or 0) leaves that field free."""

    country: str | None = None    # ISO3 or country name
    type: str | None = None       # event type or sub-event type
    since: date | None = None
    until: date | None = None
    actor: str | None = None      # substring of actor1/actor2
    text: str | None = None       # substring of a source passage
    limit: int | None = None
    admin1: str | None = None     # first-level region, as the gazetteer names it
    sub_type: str | None = None   # sub-event type only
    bbox: tuple[float, float, float, float] | None = None  # min lon, min lat, max lon, max lat; min lon >
                                                            # max lon crosses the antimeridian
    claim_status: str | None = None   # a ClaimStatus value
    min_corroboration: int = 0        # at least this many independent outlets
    after: tuple[str, str] | None = None  # paging: only events after this (event_date, id), in list order


@dataclass(frozen=True)
class Stats:
    """Event counts for a filter: by ISO week (Monday's date), by event type, by admin1."""

    total: int
    by_week: list[tuple[date, int]]                # (Monday of the ISO week, events starting in it), in order
    by_type: list[tuple[str, str, int]]            # (event type, sub-event type, events), largest first
    by_admin1: list[tuple[str | None, str | None, int]]  # (ISO3, admin1, events), largest first


@dataclass
class FeedState:
    """What `wirewatch watch` keeps of a feed between polls and restarts."""

    url: str
    etag: str | None = None
    modified: str | None = None          # Last-Modified as the server sent it
    failures: int = 0                    # consecutive failed polls
    next_poll: datetime | None = None    # UTC, timezone-aware; None = due now
    last_error: str | None = None
    title: str | None = None             # the feed's own title, once read


class Store(Protocol):
    def transaction(self) -> ContextManager[None]: ...
    # Reads inside see one committed state, whatever other writers commit meanwhile (inside a batch: the batch's).
    def snapshot(self) -> ContextManager[None]: ...
    def has_article(self, article_id: str) -> bool: ...
    def is_known(self, article_id: str, url: str | None) -> bool: ...
    def near_duplicate(self, fp: Fingerprint, threshold: float) -> str | None: ...
    def add_article(self, article: Article, fp: Fingerprint) -> bool: ...
    def add_duplicate(self, article: Article, duplicate_of: str, kind: str) -> None: ...
    def articles_for(self, ids: set[str]) -> dict[str, Article]: ...
    def article_ids_by_url(self, urls: set[str]) -> dict[str, str]: ...
    def mentions_in_article(self, article_id: str) -> list[tuple[str, Mention]]: ...
    def candidate_events(self, mention: Mention) -> list[Event]: ...
    def mentions_of(self, event_id: str) -> list[tuple[Mention, str]]: ...
    def save_event(self, event: Event, new_mentions: list[tuple[Mention, str]]) -> None: ...
    # One stored event absorbs another (rows.SQLStore.merge_events); each merge is recorded with its reason.
    def merge_events(self, keep_id: str, absorbed_id: str, reason: str) -> Event: ...
    def merges_into(self, event_id: str) -> list[tuple[str, str, str]]: ...
    def record_problem(self, run_id: int, source: str, line: int | None, level: str, message: str) -> None: ...
    def start_run(self, inputs: list[str]) -> int: ...
    def finish_run(self, run_id: int, counts: dict[str, int]) -> None: ...
    def events(self, flt: EventFilter) -> Iterator[Event]: ...
    def event_records(self, flt: EventFilter) -> Iterator[tuple[str, str, str]]: ...
    def stats(self, flt: EventFilter) -> Stats: ...
    def event(self, event_id: str) -> Event: ...
    def article(self, article_id: str) -> Article: ...
    def feed_state(self, url: str) -> FeedState | None: ...
    def save_feed_state(self, state: FeedState) -> None: ...
    def seen_items(self, feed_url: str, item_ids: list[str]) -> set[str]: ...
    def mark_items_seen(self, feed_url: str, item_ids: list[str]) -> None: ...
    def schema_version(self) -> int: ...
    def close(self) -> None: ...
