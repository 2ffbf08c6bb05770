"""Exports: CSV in ACLED's columns, GeoJSON points, and JSON Lines of whole events."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Iterable, Iterator, TextIO

from ..models import Event, to_dict
from ..ontology import load_ontology
from ..store.base import Store

# ACLED's column names, in ACLED's order, then ours. `iso` holds ISO 3166-1 alpha-3 (ACLED: numeric).
ACLED_COLUMNS = ["event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
                 "actor1", "inter1", "actor2", "inter2", "interaction", "iso", "country", "admin1", "admin2",
                 "location", "latitude", "longitude", "geo_precision", "source", "notes", "fatalities"]
EXTRA_COLUMNS = ["date_end", "claim_status", "corroboration", "fatalities_low", "fatalities_high", "target",
                 "plover_event", "plover_mode", "urls"]
FORMATS = ("csv", "geojson", "jsonl")


def event_row(event: Event, summary: str = "") -> dict[str, object]:
    """One event as a flat row with ACLED's column names."""
    ontology = load_ontology()
    inter1 = ontology.inter_of.get(event.actor1.kind) if event.actor1 and event.actor1.kind else None
    inter2 = ontology.inter_of.get(event.actor2.kind) if event.actor2 and event.actor2.kind else None
    plover = ontology.plover_of.get(event.sub_event_type) or {}
    p, f = event.place, event.fatalities
    outlets = list(dict.fromkeys(s.outlet or "unknown outlet" for s in event.sources))
    return {
        "event_id_cnty": event.id, "event_date": event.date.start.isoformat(), "year": event.date.start.year,
        "time_precision": int(event.date.precision), "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": event.actor1.name if event.actor1 else "", "inter1": inter1 or "",
        "actor2": event.actor2.name if event.actor2 else "", "inter2": inter2 or "",
        "interaction": int(f"{min(inter1, inter2)}{max(inter1, inter2)}") if inter1 and inter2
        else (inter1 or inter2 or "") and int(f"{inter1 or inter2}0"),
        "iso": p.iso or "" if p else "", "country": p.country or "" if p else "",
        "admin1": p.admin1 or "" if p else "", "admin2": p.admin2 or "" if p else "",
        "location": p.name if p else "", "latitude": p.latitude if p else "", "longitude": p.longitude if p else "",
        "geo_precision": int(p.precision) if p else "", "source": "; ".join(outlets),
        "notes": " ".join(filter(None, [summary, *event.notes, _injured_note(event)])),
        "fatalities": f.best if f else 0,
        "date_end": event.date.end.isoformat(), "claim_status": event.claim_status.value,
        "corroboration": event.corroboration, "fatalities_low": f.low if f else "",
        "fatalities_high": f.high if f else "", "target": event.target or "",
        "plover_event": plover.get("event") or "", "plover_mode": plover.get("mode") or "",
        "urls": " ".join(dict.fromkeys(s.url for s in event.sources if s.url)),
    }


def _injured_note(event: Event) -> str:
    """ACLED has no column for the wounded, so they go in the notes: "Injured: 3 (2-5)."."""
    i = event.injured
    if i is None:
        return ""
    return f"Injured: {i.best}." if i.low == i.high == i.best else f"Injured: {i.best} ({i.low}-{i.high})."


def write_csv(events: Iterable[tuple[Event, str]], out: TextIO) -> int:
    """ACLED-style CSV; returns the number of rows."""
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS + EXTRA_COLUMNS)
    writer.writeheader()
    count = 0
    for event, summary in events:
        writer.writerow(event_row(event, summary))
        count += 1
    return count


def event_feature(event: Event, summary: str = "") -> dict | None:
    """One event as a GeoJSON point Feature with the CSV row and the injured as properties; None without
    coordinates."""
    row = event_row(event, summary)
    if row["latitude"] in ("", None):
        return None
    geometry = {"type": "Point", "coordinates": [row["longitude"], row["latitude"]]}
    i = event.injured
    injured = {"injured": i.best if i else None, "injured_low": i.low if i else None,
               "injured_high": i.high if i else None}
    return {"type": "Feature", "id": event.id, "geometry": geometry, "properties": row | injured}


def write_geojson(events: Iterable[tuple[Event, str]], out: TextIO) -> int:
    """A FeatureCollection of points (events without coordinates are left out)."""
    features = [f for f in (event_feature(event, summary) for event, summary in events) if f is not None]
    json.dump({"type": "FeatureCollection", "features": features}, out, ensure_ascii=False)
    return len(features)


def write_jsonl(events: Iterable[tuple[Event, str]], out: TextIO) -> int:
    """Whole events, one JSON object a line, with every source."""
    count = 0
    for event, summary in events:
        record = to_dict(event) | {"corroboration": event.corroboration, "summary": summary}
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


def with_summaries(store: Store, events: Iterable[Event]) -> Iterator[tuple[Event, str]]:
    """Each event with its first source passage, for the `notes` column."""
    for event in events:
        mentions = store.mentions_of(event.id)
        summary = ""
        if mentions:
            first = mentions[0][0]
            summary = store.article(first.article_id).text[first.passage.start:first.passage.end]
        yield event, summary


def export(events: Iterable[tuple[Event, str]], fmt: str, path: str | Path) -> int:
    """Write events to a file in one of FORMATS; returns how many were written."""
    writer = {"csv": write_csv, "geojson": write_geojson, "jsonl": write_jsonl}[fmt]
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    # Written beside the target and renamed at the end: a failure never leaves half an export behind.
    try:
        with open(partial, "w", encoding="utf-8", newline="") as fh:
            count = writer(events, fh)
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return count
