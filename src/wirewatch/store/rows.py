"""What both SQL backends share: an event as a table row, an article back from one, a filter as conditions.

A backend differs only in its Dialect: the placeholder and how it folds case the way SQLite's NOCASE does.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Callable, ContextManager, Iterable, Iterator

from ..errors import NotFound
from ..gazetteer import country_codes, fold
from ..models import Article, ClaimStatus, Event, Mention, article_from_dict, event_from_dict, to_dict
from ..ontology import load_ontology
from .base import EventFilter

__all__ = ["ARTICLE_COLUMNS", "MENTION_COLUMNS", "Dialect", "SQLStore", "article_from_row", "conditions", "event_row",
           "mention_row", "now", "run_counts", "with_corroboration"]

ARTICLE_COLUMNS = ("id", "url", "outlet", "title", "published", "ingested", "language", "source", "text")
MENTION_COLUMNS = ("id", "article_id", "event_id", "event_type", "sub_event_type", "passage_start", "passage_end",
                   "source_kind", "source", "merge_reason", "data")


@dataclass(frozen=True)
class Dialect:
    """How a backend writes a placeholder, a case-insensitive comparison and a case-insensitive LIKE."""

    mark: str                                  # "?" or "%s"
    equal_nocase: Callable[[str], str]         # column -> SQL comparing it with one bound value
    like_nocase: Callable[[str], str]          # expression -> SQL matching it against one bound pattern


class SQLStore:
    """What both stores do alike on top of their own queries."""

    path: str

    def articles_for(self, ids: set[str]) -> dict[str, Article]:
        raise NotImplementedError

    def event_records(self, flt: EventFilter) -> Iterator[tuple[str, str, str]]:
        raise NotImplementedError

    def events(self, flt: EventFilter) -> Iterator[Event]:
        """Stored events matching the filter, oldest first (by start date, then id)."""
        return (event_from_dict(json.loads(text)) for _, _, text in self.event_records(flt))

    def article(self, article_id: str) -> Article:
        """One stored article."""
        found = self.articles_for({article_id})
        if not found:
            raise NotFound(f"no article {article_id!r} in {self.path}")
        return found[article_id]

    # --- merges of stored events (backends give _atomic, _merge_rows and _merge_records) -------------

    def merge_events(self, keep_id: str, absorbed_id: str, reason: str) -> Event:
        """Merge one stored event into another, in one transaction: every mention of the absorbed event
        moves to the kept one (its merge reason saying where it came from), the absorbed event's row is
        deleted, the merge is recorded with its reason, and the kept event's fields are derived again
        from all its mentions by fusion's own rules. Returns the kept event as stored."""
        # Imported here: fusion imports the store's blocking rule, and the store is loaded first.
        from ..fuse.incidents import build_event

        if keep_id == absorbed_id:
            raise ValueError(f"cannot merge event {keep_id!r} into itself")
        with self._atomic():
            for eid in (keep_id, absorbed_id):
                self.event(eid)   # NotFound, naming where it went, for an event merged already
            self._merge_rows(keep_id, absorbed_id, reason, now())
            members = self.mentions_of(keep_id)
            articles = self.articles_for({m.article_id for m, _ in members})
            event = build_event(keep_id, [m for m, _ in members], articles, {m.id: r for m, r in members})
            self.save_event(event, [])
        return event

    def merges_into(self, event_id: str) -> list[tuple[str, str, str]]:
        """(absorbed id, reason, when) of each event merged into this one, in the order they were merged,
        then of those merged into them."""
        found: list[tuple[str, str, str]] = []
        todo, seen = [event_id], {event_id}
        while todo:
            # `seen` ends the walk on a store whose records loop (edited by hand, or damaged).
            rows = [r for r in self._merge_records(todo) if r[0] not in seen]
            found += rows
            todo = [absorbed for absorbed, _, _ in rows]
            seen.update(todo)
        return found

    def _merged_into(self, event_id: str) -> str | None:
        """The event an absorbed event went to, following merges that absorbed it in turn."""
        kept, seen = None, {event_id}
        while (step := self._kept_for(kept or event_id)) and step not in seen:
            kept = step
            seen.add(step)
        return kept

    def _not_found(self, event_id: str) -> NotFound:
        """The error for an event id that is not stored: it names the event it was merged into, if any."""
        kept = self._merged_into(event_id)
        if kept:
            return NotFound(f"event {event_id!r} was merged into {kept!r} in {self.path}",
                            hint=f"wirewatch show {kept}", merged_into=kept)
        return NotFound(f"no event {event_id!r} in {self.path}", hint="list ids with `wirewatch events`")

    def event(self, event_id: str) -> Event:
        raise NotImplementedError

    def mentions_of(self, event_id: str) -> list[tuple[Mention, str]]:
        raise NotImplementedError

    def save_event(self, event: Event, new_mentions: list[tuple[Mention, str]]) -> None:
        raise NotImplementedError

    def _atomic(self) -> ContextManager[None]:
        raise NotImplementedError

    def _merge_rows(self, keep_id: str, absorbed_id: str, reason: str, when: str) -> None:
        raise NotImplementedError

    def _merge_records(self, kept_ids: list[str]) -> list[tuple[str, str, str]]:
        raise NotImplementedError

    def _kept_for(self, absorbed_id: str) -> str | None:
        raise NotImplementedError


def with_corroboration(data: str, corroboration: int) -> str:
    """An event's stored JSON object with its corroboration count added, as the API shows events."""
    return f'{data[:-1]}, "corroboration": {corroboration}}}'


def now() -> str:
    """The time a row is written, UTC, to the second."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def event_row(event: Event) -> dict[str, object]:
    """The events table's columns for an event; `data` holds the whole record as JSON."""
    p, dt, f = event.place, event.date, event.fatalities
    a1, a2 = event.actor1, event.actor2
    return {
        "id": event.id, "event_date": dt.start.isoformat(), "date_end": dt.end.isoformat(),
        "time_precision": int(dt.precision), "event_type": event.event_type, "sub_event_type": event.sub_event_type,
        "actor1": a1.name if a1 else None, "actor1_kind": a1.kind if a1 else None,
        "actor2": a2.name if a2 else None, "actor2_kind": a2.kind if a2 else None,
        "target": event.target, "location": p.name if p else None, "admin1": p.admin1 if p else None,
        "admin2": p.admin2 if p else None, "country": p.country if p else None, "iso": p.iso if p else None,
        "latitude": p.latitude if p else None, "longitude": p.longitude if p else None,
        "geo_precision": int(p.precision) if p else None, "geonameid": p.geonameid if p else None,
        "fatalities": f.best if f else None, "fatalities_low": f.low if f else None,
        "fatalities_high": f.high if f else None, "claim_status": event.claim_status.value,
        "corroboration": event.corroboration, "sources": len(event.sources), "notes": "; ".join(event.notes),
        "data": json.dumps(to_dict(event)), "updated_at": now(),
    }


def mention_row(mention: Mention, event_id: str, reason: str) -> tuple:
    """The mentions table's columns for a mention of an event, in MENTION_COLUMNS order."""
    m = mention
    return (m.id, m.article_id, event_id, m.event_type, m.sub_event_type, m.passage.start, m.passage.end,
            m.attribution.kind.value, m.attribution.source, reason, json.dumps(to_dict(m)))


def run_counts(counts: dict[str, int]) -> list[int]:
    """A finished run's counts in the order of the runs table's columns."""
    return [counts.get(key, 0) for key in ("read", "new", "duplicates", "mentions", "problems")]


def article_from_row(values: dict[str, object]) -> Article:
    """An article from its columns; dates may come back as ISO text (SQLite) or as dates (PostgreSQL)."""
    d = dict(values)
    for key in ("published", "ingested"):
        if d[key] is not None and not isinstance(d[key], str):
            d[key] = d[key].isoformat()
    return article_from_dict(d)


def _canonical(value: str, names: Iterable[str]) -> str | None:
    """The stored spelling of a name given in any case, or None."""
    folded = value.strip().casefold()
    return next((name for name in names if name.casefold() == folded), None)


def conditions(flt: EventFilter, sql: Dialect, span_days: int | None = None) -> tuple[list[str], list[object]]:
    """SQL conditions and their bound values for a filter's content fields (not its paging).

    Countries, types and claim statuses the project knows are compared as stored, so the indexes on
    iso, event_type, sub_event_type and claim_status serve them; other values fall back to a case-blind
    comparison that matches the same rows but reads the whole table. `span_days`, the longest stored
    event's date range, lets a `since` filter bound start dates too."""
    conds: list[str] = []
    args: list[object] = []
    q = sql.mark
    iso = country_codes().get(fold(flt.country)) if flt.country else None
    event_types = set(load_ontology().event_type_of.values())
    if iso:
        conds.append(f"iso = {q}")
        args.append(iso)
    elif flt.country:
        conds.append(f"({sql.equal_nocase('iso')} OR {sql.equal_nocase('country')})")
        args += [flt.country, flt.country]
    if flt.admin1:
        conds.append(sql.equal_nocase("admin1"))
        args.append(flt.admin1)
    if flt.type and (name := _canonical(flt.type, event_types)):
        conds.append(f"event_type = {q}")
        args.append(name)
    elif flt.type and (name := _canonical(flt.type, load_ontology().event_type_of)):
        conds.append(f"sub_event_type = {q}")
        args.append(name)
    elif flt.type:
        conds.append(f"({sql.equal_nocase('event_type')} OR {sql.equal_nocase('sub_event_type')})")
        args += [flt.type, flt.type]
    if flt.sub_type and (name := _canonical(flt.sub_type, load_ontology().event_type_of)):
        conds.append(f"sub_event_type = {q}")
        args.append(name)
    elif flt.sub_type:
        conds.append(sql.equal_nocase("sub_event_type"))
        args.append(flt.sub_type)
    if flt.since:
        conds.append(f"date_end >= {q}")
        args.append(flt.since.isoformat())
        if span_days is not None:   # no stored event is longer, so none that ends by `since` starts before this
            conds.append(f"event_date >= {q}")
            args.append((flt.since - timedelta(days=span_days)).isoformat())
    if flt.until:
        conds.append(f"event_date <= {q}")
        args.append(flt.until.isoformat())
    if flt.actor:
        conds.append(f"({sql.like_nocase('actor1')} OR {sql.like_nocase('actor2')})")
        args += [f"%{flt.actor}%"] * 2
    if flt.text:
        passage = "substr(a.text, m.passage_start + 1, m.passage_end - m.passage_start)"
        conds.append("id IN (SELECT m.event_id FROM mentions m JOIN articles a ON a.id = m.article_id "
                     f"WHERE {sql.like_nocase(passage)})")
        args.append(f"%{flt.text}%")
    if flt.bbox:
        min_lon, min_lat, max_lon, max_lat = flt.bbox
        conds.append(f"latitude BETWEEN {q} AND {q}")
        args += [min_lat, max_lat]
        if min_lon <= max_lon:
            conds.append(f"longitude BETWEEN {q} AND {q}")
            args += [min_lon, max_lon]
        else:  # a box across the antimeridian
            conds.append(f"(longitude >= {q} OR longitude <= {q})")
            args += [min_lon, max_lon]
    if flt.claim_status:
        conds.append(f"claim_status = {q}")   # stored as the enum's lower-case value
        args.append(str(flt.claim_status.value if isinstance(flt.claim_status, ClaimStatus) else flt.claim_status).lower())
    if flt.min_corroboration:
        conds.append(f"corroboration >= {q}")
        args.append(int(flt.min_corroboration))
    return conds, args
