"""The HTTP API and the analyst's page: thin FastAPI routes over the store and the pipeline.

    GET  /api/events          filtered events, cursor-paged; JSON, ?format=csv or ?format=geojson
    GET  /api/events/{id}     one event with every source passage and its highlighted field spans
    GET  /api/stats           counts by ISO week, event type and admin1 (same filters)
    GET  /api/points          every matching event as columns of what the page's map and timeline draw
    POST /api/articles        run the pipeline on one submitted article; its events come back
    GET  /                    the page (map, timeline, filters, evidence panel): serve/web/, built from web/
    GET  /docs                OpenAPI (FastAPI's default)

Every error, ours or the framework's, is one JSON shape: {"ok": false, "error": "...", "status": 4xx/5xx}.
Each request holds one store connection from a pool for as long as it runs (SQLite in WAL mode: readers
never wait for a writer).
"""

from __future__ import annotations

import base64
import binascii
import csv
import hmac
import io
import json
import os
import queue
from contextlib import asynccontextmanager
from dataclasses import replace
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any, Iterable, Iterator, Literal

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import pipeline
from ..errors import InputError, NotFound, WirewatchError
from ..ingest.jsonl import parse_record
from ..models import Article, ClaimStatus, Event, Mention, to_dict
from ..settings import Settings, load_settings
from ..store import EventFilter, open_store
from ..store.base import Stats, Store
from .export import ACLED_COLUMNS, EXTRA_COLUMNS, event_feature, event_row, with_summaries

__all__ = ["app_from_environment", "create_app", "decode_cursor", "encode_cursor", "event_detail", "page_json",
           "parse_bbox", "points_json", "stats_json", "submit_article"]

DEFAULT_LIMIT = 100
MAX_LIMIT = 5000
# /api/points answers in one response, so the page draws everything after one request; past this it truncates.
MAX_POINTS = 200_000
POINT_COLUMNS = ("id", "start", "end", "lon", "lat", "event_type", "sub_event_type", "corroboration",
                 "place", "admin1", "iso")
# The fields of a mention whose words are highlighted in its passage (same set as `wirewatch show`).
HIGHLIGHT_FIELDS = ("trigger", "actor1", "actor2", "target", "place_text", "date_text", "fatalities", "injured",
                    "attribution")
STATUS_OF = ((InputError, 422), (NotFound, 404))  # any other WirewatchError is the server's fault: 500


# --- library functions the routes call ---------------------------------------------------------

def encode_cursor(event: Event) -> str:
    """An opaque paging cursor: the last listed event's (start date, id)."""
    return _cursor(event.date.start.isoformat(), event.id)


def _cursor(start: str, event_id: str) -> str:
    raw = json.dumps([start, event_id]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[str, str]:
    """The (start date, id) inside a cursor from encode_cursor.

    Raises:
        InputError: anything that is not such a cursor.
    """
    try:
        value = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        if (isinstance(value, list) and len(value) == 2 and all(isinstance(v, str) for v in value)):
            date.fromisoformat(value[0])
            return value[0], value[1]
    except (binascii.Error, ValueError, UnicodeDecodeError):
        pass
    raise InputError("cursor", f"{cursor[:40]!r} is not a cursor from this API",
                     hint="pass the `next` value of the previous page, or leave cursor out for the first page")


def parse_bbox(text: str) -> tuple[float, float, float, float]:
    """"minlon,minlat,maxlon,maxlat" -> four floats (min lon > max lon crosses the antimeridian).

    Raises:
        InputError: not four numbers, or outside the globe.
    """
    try:
        values = tuple(float(v) for v in text.split(","))
    except ValueError:
        values = ()
    if len(values) != 4:
        raise InputError("bbox", f"{text!r} is not four numbers", hint="use bbox=minlon,minlat,maxlon,maxlat")
    min_lon, min_lat, max_lon, max_lat = values
    if not all(-180 <= v <= 180 for v in (min_lon, max_lon)) or not all(-90 <= v <= 90 for v in (min_lat, max_lat)):
        raise InputError("bbox", f"{text!r} is outside -180..180 longitude, -90..90 latitude")
    if min_lat > max_lat:
        raise InputError("bbox", f"{text!r} has min lat above max lat", hint="use bbox=minlon,minlat,maxlon,maxlat")
    return values  # type: ignore[return-value]


def event_json(event: Event) -> dict[str, Any]:
    """An event as JSON, as `wirewatch events --json` prints it."""
    return to_dict(event) | {"corroboration": event.corroboration}


def page(store: Store, flt: EventFilter) -> tuple[list[Event], str | None]:
    """One page of events and the cursor of the next page (None on the last)."""
    limit = flt.limit or DEFAULT_LIMIT
    events = list(store.events(replace(flt, limit=limit + 1)))
    more = len(events) > limit
    events = events[:limit]
    return events, encode_cursor(events[-1]) if more and events else None


def page_json(store: Store, flt: EventFilter) -> str:
    """One page of events as the JSON body of GET /api/events, spliced from the stored records' text: at
    a hundred events a page, parsing and re-encoding them would cost more than the query."""
    limit = flt.limit or DEFAULT_LIMIT
    records = list(store.event_records(replace(flt, limit=limit + 1)))
    more = len(records) > limit
    records = records[:limit]
    cursor = _cursor(*records[-1][:2]) if more and records else None
    return (f'{{"ok": true, "count": {len(records)}, "next": {json.dumps(cursor)}, "events": ['
            + ", ".join(text for _, _, text in records) + "]}")


def event_detail(store: Store, event_id: str) -> dict[str, Any]:
    """An event with every source (article, attribution, merge reason, passage and the spans in it) and the
    stored events fusion merged into it (id, reason, when).

    Highlight offsets are relative to the passage text.

    Raises:
        NotFound: no such event (its `merged_into` names the event it was merged into, if any).
    """
    # One state of the store: a merge committed between the reads would leave the event without its sources.
    with store.snapshot():
        event = store.event(event_id)
        mentions = store.mentions_of(event_id)
        articles = store.articles_for({m.article_id for m, _ in mentions})
        merges = store.merges_into(event_id)
    sources = [_source(m, reason, articles[m.article_id]) for m, reason in mentions if m.article_id in articles]
    return {"ok": True, "event": event_json(event), "sources": sources,
            "merges": [{"event_id": absorbed, "reason": reason, "when": when} for absorbed, reason, when in merges]}


def _source(mention: Mention, reason: str, article: Article) -> dict[str, Any]:
    start, end = mention.passage.start, mention.passage.end
    highlights, fields = [], {}
    for name in HIGHLIGHT_FIELDS:
        span = getattr(getattr(mention, name), "span", None)
        if span is None:
            continue
        label = name.removesuffix("_text")
        fields[label] = article.text[span.start:span.end]
        if start <= span.start and span.end <= end:
            highlights.append({"field": label, "start": span.start - start, "end": span.end - start,
                               "text": fields[label]})
    return {
        "mention_id": mention.id, "merge_reason": reason,
        "event_type": mention.event_type, "sub_event_type": mention.sub_event_type,
        "attribution": {"kind": mention.attribution.kind.value, "source": mention.attribution.source},
        "article": {"id": article.id, "url": article.url, "outlet": article.outlet, "title": article.title,
                    "published": article.published.isoformat() if article.published else None},
        "passage": article.text[start:end], "highlights": sorted(highlights, key=lambda h: (h["start"], h["end"])),
        "fields": fields, "notes": list(mention.notes),
    }


def stats_json(stats: Stats) -> dict[str, Any]:
    """Stats as JSON; weeks are labelled ISO-style ("2023-W23") with their Monday."""
    def label(monday: date) -> str:
        year, week, _ = monday.isocalendar()
        return f"{year}-W{week:02d}"
    return {
        "ok": True, "total": stats.total,
        "by_week": [{"week": label(d), "start": d.isoformat(), "count": n} for d, n in stats.by_week],
        "by_type": [{"event_type": t, "sub_event_type": s, "count": n} for t, s, n in stats.by_type],
        "by_admin1": [{"iso": iso, "admin1": a, "count": n} for iso, a, n in stats.by_admin1],
    }


def points_json(events: Iterable[Event], limit: int = MAX_POINTS) -> dict[str, Any]:
    """Events as parallel columns (POINT_COLUMNS) of the few fields the map and the timeline draw.

    Columns instead of one object per event keep 10,000 events near a megabyte. An event without
    coordinates keeps null lon/lat: the timeline counts it, the map cannot place it.

    Args:
        events: the events, in list order.
        limit: at most this many; `truncated` says whether more were left out.
    """
    columns: dict[str, list[Any]] = {name: [] for name in POINT_COLUMNS}
    truncated = False
    for n, event in enumerate(events):
        if n == limit:
            truncated = True
            break
        place = event.place
        values = (event.id, event.date.start.isoformat(), event.date.end.isoformat(),
                  place.longitude if place else None, place.latitude if place else None,
                  event.event_type, event.sub_event_type, event.corroboration,
                  place.name if place else None, place.admin1 if place else None, place.iso if place else None)
        for name, value in zip(POINT_COLUMNS, values):
            columns[name].append(value)
    return {"ok": True, "count": len(columns["id"]), "truncated": truncated, "columns": columns}


def submit_article(record: dict[str, Any], store: Store, settings: Settings,
                   today: date | None = None) -> dict[str, Any]:
    """Run the whole pipeline on one article given as a JSONL record; the events its mentions joined.

    The record is validated exactly as a JSONL line is, and goes through `pipeline.run_documents`, so
    dedup, fusion and the run record behave as for any other input.

    Raises:
        InputError: a record the pipeline refuses (no text, too short, broken HTML, ...).
    """
    today = today or date.today()
    line = json.dumps(record, ensure_ascii=False)
    if len(line.encode()) > settings.ingest.max_bytes:
        raise InputError("article", f"is {len(line.encode()):,} bytes, over the {settings.ingest.max_bytes:,}-byte "
                                    "limit", hint="send the article text only, or raise ingest.max_bytes")
    try:
        raw = parse_record(line, "POST /api/articles", 1)
    except InputError as err:
        raise InputError("article", err.reason, hint=err.hint) from None
    # Cleaned here once, for the article's id and the pipeline's own checks, then handed on as it is.
    prepared = pipeline.prepare(raw, today, settings, analysed=False)
    if isinstance(prepared, pipeline.Problem):
        raise InputError("article", prepared.message, hint=prepared.hint)
    article = prepared.article
    report = pipeline.run_documents([prepared], store, settings, today=today, label=["POST /api/articles"])
    if report.errors:
        error = report.errors[0]
        raise InputError("article", error.message, hint=error.hint)
    stored = "new" if report.new else "known" if report.unchanged else "copy"
    original: str | None = article.id
    # One state of the store: a `watch` merging an event between these reads must not turn the answer into a 404.
    with store.snapshot():
        if not store.has_article(article.id):  # a near copy: its mentions are the original's, found as the pipeline did
            original = store.near_duplicate(prepared.fingerprint, settings.ingest.near_duplicate)
        event_ids = list(dict.fromkeys(eid for eid, _ in store.mentions_in_article(original))) if original else []
        events = [event_json(store.event(eid)) for eid in event_ids]
    return {"ok": True, "article_id": article.id, "stored": stored, "copy_of": original if stored == "copy" else None,
            "warnings": [p.message for p in report.problems if p.level == "warning"], "events": events}


# --- the app ----------------------------------------------------------------------------------

class ArticleIn(BaseModel):
    """A submitted article: `text` (plain) or `html` (a whole page), and what is known of it."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(None, description="Plain article text.")
    html: str | None = Field(None, description="A whole HTML page (instead of text).")
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: str | None = Field(None, description="ISO 8601 date or date-time.", examples=["2024-04-10"])
    language: str | None = Field(None, description="ISO 639-1 code; default en.")


def web_dir() -> Path:
    """The folder holding the built page: index.html, app.js, style.css (`npm run build` in web/)."""
    return Path(str(resources.files("wirewatch") / "serve" / "web"))


def app_from_environment() -> FastAPI:
    """The app a server worker process builds (`wirewatch serve --workers N`): settings from ./wirewatch.toml
    and WIREWATCH_* variables, the write token from WIREWATCH_TOKEN."""
    return create_app(load_settings("wirewatch.toml"), token=os.environ.get("WIREWATCH_TOKEN") or None)


def create_app(settings: Settings, token: str | None = None) -> FastAPI:
    """The app over the store at settings.store.db; with a token, every write needs
    `Authorization: Bearer <token>`."""
    # Open stores wait in a pool between requests: opening costs more than most queries (a connection,
    # the schema check). Each request has its store to itself from its dependency to its answer, since
    # FastAPI may run the two on different threads; a store that met an error is closed, not reused.
    idle: queue.SimpleQueue[Store] = queue.SimpleQueue()

    @asynccontextmanager
    async def lifespan(_: FastAPI):
        yield
        while not idle.empty():
            idle.get_nowait().close()

    app = FastAPI(title="wirewatch", version="0.1.0", lifespan=lifespan,
                  description="Events of political violence and unrest read from news reports, with their sources.")
    max_body = settings.ingest.max_bytes * 2 + 65_536  # JSON escaping can double a text

    def store() -> Iterator[Store]:
        try:
            held = idle.get_nowait()
        except queue.Empty:
            held = open_store(settings.store.db)
        try:
            yield held
        except BaseException:
            held.close()   # a dropped connection or an aborted batch must not serve the next request
            raise
        idle.put(held)

    def event_filter(
        country: str | None = Query(None, description="ISO3 code or country name."),
        admin1: str | None = Query(None, description="First-level region."),
        type: str | None = Query(None, description="Event type or sub-event type."),
        sub_type: str | None = Query(None, description="Sub-event type."),
        actor: str | None = Query(None, description="Part of an actor's name."),
        text: str | None = Query(None, description="Words in a source passage."),
        since: date | None = Query(None, description="Earliest date, YYYY-MM-DD."),
        until: date | None = Query(None, description="Latest date, YYYY-MM-DD."),
        bbox: str | None = Query(None, description="minlon,minlat,maxlon,maxlat", examples=["22,44,40,53"]),
        claim_status: ClaimStatus | None = Query(None),
        min_corroboration: int = Query(0, ge=0, description="At least this many independent outlets."),
    ) -> EventFilter:
        return EventFilter(country=country or None, type=type or None, since=since, until=until,
                           actor=actor or None, text=text or None, admin1=admin1 or None,
                           sub_type=sub_type or None, bbox=parse_bbox(bbox) if bbox else None,
                           claim_status=claim_status.value if claim_status else None,
                           min_corroboration=min_corroboration)

    def writer(request: Request) -> None:
        if token is None:
            return
        given = request.headers.get("authorization", "")
        if not hmac.compare_digest(given.encode(), f"Bearer {token}".encode()):
            raise StarletteHTTPException(401, "this server needs a token for writes: "
                                              "send the header `Authorization: Bearer <token>`")

    @app.middleware("http")
    async def limit_body(request: Request, call_next):
        length = request.headers.get("content-length", "")
        if length.isdigit() and int(length) > max_body:
            return _error(413, f"request body of {int(length):,} bytes is over the {max_body:,}-byte limit")
        return await call_next(request)

    @app.exception_handler(WirewatchError)
    async def wirewatch_error(request: Request, err: WirewatchError) -> JSONResponse:
        status = next((code for cls, code in STATUS_OF if isinstance(err, cls)), 500)
        if isinstance(err, NotFound) and err.merged_into:   # the page opens that event instead
            return _error(status, f"{err} (open {err.merged_into})", merged_into=err.merged_into)
        return _error(status, str(err) + (f" (hint: {err.hint})" if err.hint else ""))

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, err: RequestValidationError) -> JSONResponse:
        return _error(422, "; ".join(_describe(e) for e in err.errors()))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, err: StarletteHTTPException) -> JSONResponse:
        return _error(err.status_code, str(err.detail))

    @app.exception_handler(Exception)
    async def crash(request: Request, err: Exception) -> JSONResponse:
        return _error(500, f"internal error ({type(err).__name__}); see the server log")

    @app.get("/api/events", summary="List events, oldest first, a page at a time")
    def list_events(flt: EventFilter = Depends(event_filter), s: Store = Depends(store),
                    limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT),
                    cursor: str | None = Query(None, description="`next` from the previous page."),
                    format: Literal["json", "csv", "geojson"] = "json") -> Response:
        flt = replace(flt, limit=limit, after=decode_cursor(cursor) if cursor else None)
        if format == "json":   # the stored records as they are: no Event built and taken apart again
            return Response(page_json(s, flt), media_type="application/json")
        with s.snapshot():   # the page's events and their passages from one state of the store
            events, next_cursor = page(s, flt)
            rows = list(with_summaries(s, events))
        headers = {"X-Next-Cursor": next_cursor} if next_cursor else {}
        if format == "geojson":
            features = [f for f in (event_feature(e, summary) for e, summary in rows) if f is not None]
            return JSONResponse({"type": "FeatureCollection", "features": features, "next": next_cursor},
                                headers=headers, media_type="application/geo+json")
        out = io.StringIO()
        table = csv.DictWriter(out, fieldnames=ACLED_COLUMNS + EXTRA_COLUMNS)
        table.writeheader()
        table.writerows(event_row(e, summary) for e, summary in rows)
        return Response(out.getvalue(), media_type="text/csv; charset=utf-8", headers=headers)

    @app.get("/api/events/{event_id}", summary="One event with every source passage, field spans highlighted")
    def get_event(event_id: str, s: Store = Depends(store)) -> dict:
        return event_detail(s, event_id)

    @app.get("/api/stats", summary="Event counts by ISO week, event type and admin1")
    def get_stats(flt: EventFilter = Depends(event_filter), s: Store = Depends(store)) -> dict:
        return stats_json(s.stats(flt))

    @app.get("/api/points", summary="Every matching event as columns of id, dates, coordinates, type, "
                                     "corroboration and place (what the page's map and timeline draw)")
    def get_points(flt: EventFilter = Depends(event_filter), s: Store = Depends(store)) -> dict:
        return points_json(s.events(replace(flt, limit=MAX_POINTS + 1)))

    @app.post("/api/articles", summary="Run the pipeline on one article and return the events it reports",
              dependencies=[Depends(writer)])
    def post_article(body: ArticleIn, s: Store = Depends(store)) -> dict:
        if not (body.text or "").strip() and not (body.html or "").strip():
            raise InputError("article", 'has no "text" or "html"', hint='send {"text": "..."} or {"html": "..."}')
        if body.text and body.html:
            raise InputError("article", 'has both "text" and "html"', hint="send one of them")
        return submit_article(body.model_dump(exclude_none=True), s, settings)

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(web_dir() / "index.html", media_type="text/html")

    app.mount("/static", StaticFiles(directory=web_dir()), name="static")
    return app


def _error(status: int, message: str, **extra: str) -> JSONResponse:
    """The one error shape (with `merged_into` for an event merged into another)."""
    return JSONResponse({"ok": False, "error": message, "status": status, **extra}, status_code=status)


def _describe(error: dict) -> str:
    """A FastAPI validation error as "query parameter 'since': Input should be a valid date"."""
    where = [str(p) for p in error.get("loc", ())]
    kind = {"query": "query parameter", "body": "body field", "path": "path parameter"}.get(where[0], where[0]) \
        if where else "request"
    name = ".".join(where[1:])
    return f"{kind} {name!r}: {error.get('msg', 'is not valid')}" if name else f"{kind}: {error.get('msg')}"
