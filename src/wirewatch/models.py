"""Records that cross stage boundaries: Article -> Mention -> Event.

Every value read from text carries the Span it came from; offsets index the cleaned `Article.text`,
end-exclusive like a slice. Dict conversion for storage and JSON output lives here and nowhere else.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import date
from enum import Enum, IntEnum
from typing import Any

__all__ = [
    "Actor", "Article", "Attribution", "ClaimStatus", "DatePrecision", "Event", "EventSource",
    "Fatalities", "GeoPrecision", "Mention", "Place", "RawDocument", "ResolvedDate", "SourceKind", "Span",
    "TextField", "replace",
]


class DatePrecision(IntEnum):
    """ACLED time_precision codes (1-3), plus YEAR for what ACLED would not code."""

    DAY = 1
    WEEK = 2
    MONTH = 3
    YEAR = 4


class GeoPrecision(IntEnum):
    """ACLED geo_precision codes (1-3), plus COUNTRY for events placed only in a country."""

    EXACT = 1
    NEAR = 2
    REGION = 3
    COUNTRY = 4


class SourceKind(str, Enum):
    """What kind of source asserts a mention."""

    PERPETRATOR_CLAIM = "perpetrator_claim"
    OFFICIAL_STATEMENT = "official_statement"
    OFFICIAL_DENIAL = "official_denial"
    MEDIA_REPORT = "media_report"
    WITNESS = "witness"
    RUMOUR = "rumour"
    OUTLET = "outlet"  # the outlet's own reporting, no attribution in the text


class ClaimStatus(str, Enum):
    """What the sources of an event, taken together, say about it."""

    CLAIMED = "claimed"
    CONFIRMED = "confirmed"
    REPORTED = "reported"
    DENIED = "denied"
    DISPUTED = "disputed"
    UNVERIFIED = "unverified"


@dataclass(frozen=True, slots=True)
class Span:
    """Character offsets into one article's cleaned text."""

    article_id: str
    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}:{self.end} in article {self.article_id}")

    def text(self, article_text: str) -> str:
        """The words this span points at."""
        return article_text[self.start:self.end]


@dataclass(frozen=True, slots=True)
class TextField:
    """A value read from text, with where it was read."""

    text: str
    span: Span


@dataclass(frozen=True, slots=True)
class Actor:
    """A participant: normalised name, ACLED actor kind, the words naming it."""

    name: str
    kind: str | None
    span: Span | None = None
    country: str | None = None  # ISO alpha-3 of the actor's state, when it has one


@dataclass(frozen=True, slots=True)
class Fatalities:
    """Reported deaths (or, as `injured`, the wounded) as a low/best/high range."""

    low: int
    best: int
    high: int
    span: Span | None = None


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who asserts a mention, and what kind of source that is."""

    kind: SourceKind
    source: str | None = None  # the speaker as written ("the regional governor")
    span: Span | None = None


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry a mention is placed at."""

    name: str
    precision: GeoPrecision
    country: str | None = None       # country name
    iso: str | None = None           # ISO 3166-1 alpha-3
    admin1: str | None = None
    admin2: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geonameid: int | None = None
    span: Span | None = None          # None = not read from this mention's passage


@dataclass(frozen=True, slots=True)
class ResolvedDate:
    """A calendar date with its precision and the range it stands for."""

    start: date
    end: date
    precision: DatePrecision
    span: Span | None = None  # None = not stated; fell back to the article's reference date
    note: str | None = None


@dataclass(frozen=True, slots=True)
class RawDocument:
    """An input as read, before cleaning: page text or HTML plus what its container says of it."""

    source: str                 # the file it was read from
    content: str
    format: str                 # "text" or "html"
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: date | None = None
    language: str | None = None
    warnings: tuple[str, ...] = ()
    line: int | None = None     # the record's line, for JSONL

    @property
    def where(self) -> str:
        """File and line, for messages and Article.source."""
        return f"{self.source}:{self.line}" if self.line else self.source


@dataclass(frozen=True, slots=True)
class Article:
    """One news article after cleaning; `text` is the coordinate system for every Span."""

    id: str                     # content hash of the cleaned text
    url: str | None
    outlet: str | None
    title: str | None
    published: date | None
    language: str
    text: str
    source: str = ""            # where it was read: file path, "file.jsonl:12"
    ingested: date | None = None

    @property
    def reference_date(self) -> date:
        """The date relative expressions are read against: publication, else ingestion."""
        if self.published or self.ingested:
            return self.published or self.ingested
        raise ValueError(f"article {self.id} has neither a publication nor an ingestion date")


@dataclass(frozen=True, slots=True)
class Mention:
    """One incident as one passage reports it."""

    id: str
    article_id: str
    passage: Span
    event_type: str
    sub_event_type: str
    trigger: TextField
    attribution: Attribution
    actor1: Actor | None = None
    actor2: Actor | None = None
    target: TextField | None = None
    target_kind: str | None = None      # the target's category in lexicons/targets.tsv ("railway")
    place_text: TextField | None = None
    date_text: TextField | None = None
    fatalities: Fatalities | None = None
    place: Place | None = None          # filled by resolve
    date: ResolvedDate | None = None    # filled by resolve
    notes: tuple[str, ...] = ()
    injured: Fatalities | None = None   # the wounded, as a range like the killed; filled by resolve


@dataclass(frozen=True, slots=True)
class EventSource:
    """One mention fused into an event, with the reason it was merged."""

    mention_id: str
    article_id: str
    outlet: str | None
    url: str | None
    kind: SourceKind
    reason: str


@dataclass(frozen=True, slots=True)
class Event:
    """One incident after fusion of all the mentions that report it."""

    id: str
    event_type: str
    sub_event_type: str
    date: ResolvedDate
    place: Place
    claim_status: ClaimStatus
    actor1: Actor | None = None
    actor2: Actor | None = None
    target: str | None = None
    fatalities: Fatalities | None = None
    sources: tuple[EventSource, ...] = ()
    notes: tuple[str, ...] = ()
    injured: Fatalities | None = None

    @property
    def corroboration(self) -> int:
        """Independent outlets reporting the event."""
        return len({s.outlet or s.article_id for s in self.sources})


# --- dict conversion ---------------------------------------------------------------------------

def to_dict(record: Any) -> Any:
    """Plain JSON-ready structure for any record here (dates as ISO strings, enums as values)."""
    return _jsonable(record)


# Field names of each dataclass met. One pass over the fields instead of `dataclasses.asdict`, which deep-copies
# every leaf before a second pass could convert it: every stored mention and event goes through here.
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _jsonable(value: Any) -> Any:
    kind = type(value)
    names = _FIELD_NAMES.get(kind)
    if names is None and hasattr(kind, "__dataclass_fields__"):
        names = _FIELD_NAMES[kind] = tuple(f.name for f in fields(kind))
    if names is not None:
        return {name: _jsonable(getattr(value, name)) for name in names}
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    return value


def span_from(d: dict | None) -> Span | None:
    """Span from its dict, or None."""
    return Span(**d) if d else None


def _field(d: dict | None) -> TextField | None:
    return TextField(d["text"], Span(**d["span"])) if d else None


def _actor(d: dict | None) -> Actor | None:
    return Actor(d["name"], d.get("kind"), span_from(d.get("span")), d.get("country")) if d else None


def _fatalities(d: dict | None) -> Fatalities | None:
    return Fatalities(d["low"], d["best"], d["high"], span_from(d.get("span"))) if d else None


def _place(d: dict | None) -> Place | None:
    if not d:
        return None
    return Place(**{**d, "precision": GeoPrecision(d["precision"]), "span": span_from(d.get("span"))})


def _date(d: dict | None) -> ResolvedDate | None:
    if not d:
        return None
    return ResolvedDate(date.fromisoformat(d["start"]), date.fromisoformat(d["end"]),
                        DatePrecision(d["precision"]), span_from(d.get("span")), d.get("note"))


def mention_from_dict(d: dict) -> Mention:
    """Inverse of to_dict for a Mention."""
    att = d["attribution"]
    return Mention(
        id=d["id"], article_id=d["article_id"], passage=Span(**d["passage"]),
        event_type=d["event_type"], sub_event_type=d["sub_event_type"], trigger=_field(d["trigger"]),
        attribution=Attribution(SourceKind(att["kind"]), att.get("source"), span_from(att.get("span"))),
        actor1=_actor(d.get("actor1")), actor2=_actor(d.get("actor2")), target=_field(d.get("target")),
        target_kind=d.get("target_kind"), place_text=_field(d.get("place_text")), date_text=_field(d.get("date_text")),
        fatalities=_fatalities(d.get("fatalities")), place=_place(d.get("place")),
        date=_date(d.get("date")), notes=tuple(d.get("notes") or ()), injured=_fatalities(d.get("injured")),
    )


def article_from_dict(d: dict) -> Article:
    """Inverse of to_dict for an Article."""
    def day(v: str | None) -> date | None:
        return date.fromisoformat(v) if v else None
    return Article(**{**d, "published": day(d.get("published")), "ingested": day(d.get("ingested"))})


def event_from_dict(d: dict) -> Event:
    """Inverse of to_dict for an Event (the `corroboration` key, if present, is derived and ignored)."""
    sources = tuple(EventSource(**{**s, "kind": SourceKind(s["kind"])}) for s in d.get("sources") or ())
    return Event(
        id=d["id"], event_type=d["event_type"], sub_event_type=d["sub_event_type"],
        date=_date(d["date"]), place=_place(d["place"]), claim_status=ClaimStatus(d["claim_status"]),
        actor1=_actor(d.get("actor1")), actor2=_actor(d.get("actor2")), target=d.get("target"),
        fatalities=_fatalities(d.get("fatalities")), sources=sources, notes=tuple(d.get("notes") or ()),
        injured=_fatalities(d.get("injured")),
    )
