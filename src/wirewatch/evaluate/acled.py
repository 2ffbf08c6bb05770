"""Places and tolls scored on ACLED event notes: each note read by the pipeline as a short article.

A note is a coder's one- or two-sentence summary of one event, with the event's country, admin1, point and
geo-precision beside it, so it tests the resolve stage on many countries' place names at once. Notes seldom
give a date and never a publication date, so dates are not scored here (`--gva` scores them); notes are read
as of the day after the export's last event, so that a run does not depend on the day it is made. A note's
first placed mention stands for the pipeline's answer: a note reports one event, first. Where ACLED coded
several events from one note (one per place it names), each row is scored against the note's placed mention
in that row's admin1, if the pipeline placed one there, else its first. A note too short for the clean stage
(under 12 words) is counted as refused, apart from notes read and found to hold no placed event.
"""

from __future__ import annotations

import csv
import statistics
from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Callable

from ..errors import InputError
from ..fuse.similarity import distance_km
from ..models import GeoPrecision, Mention, Place, RawDocument
from ..pipeline import Prepared, analyse_chunk, prepare
from ..settings import Settings
from .places import admin1_agrees, country_iso3, same_unit

__all__ = ["score_acled"]

_COLUMNS = {"event_id_cnty", "event_date", "notes", "country", "admin1", "latitude", "longitude", "geo_precision", "fatalities"}
_CHUNK = 100


def read_acled(path: Path, limit: int | None = None) -> list[dict]:
    """The rows of an ACLED export that have notes (the first `limit` of them)."""
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            missing = _COLUMNS - set(reader.fieldnames or ())
            rows = [r for r in reader if (r.get("notes") or "").strip()]
    except (OSError, csv.Error, UnicodeDecodeError) as err:
        raise InputError(str(path), f"cannot be read as an ACLED CSV export ({err})") from None
    if missing:
        raise InputError(str(path), f"lacks ACLED columns {sorted(missing)}", hint="pass an ACLED export with notes")
    return rows[:limit] if limit else rows


def score_acled(path: Path, settings: Settings, limit: int | None = None,
                progress: Callable[[int], None] | None = None) -> dict:
    """Coverage, country and admin1 agreement, km error where ACLED's point is the exact town (geo-precision
    1), and fatalities exact, of the pipeline's reading of each note."""
    rows = read_acled(path, limit)
    today = _day_after(rows, path)
    rows_of = Counter(r["notes"].strip() for r in rows)
    notes = list(rows_of)
    read: dict[str, list[Mention] | None] = {}      # note -> its placed mentions in text order; None: refused
    for start in range(0, len(notes), _CHUNK):
        chunk = notes[start:start + _CHUNK]
        read.update(zip(chunk, _placed_mentions(chunk, path.name, start, today, settings)))
        if progress:
            progress(len(chunk))
    country_ok = admin_n = admin_ok = admin_named = killed_ok = refused = 0
    errors_km: list[float] = []
    placed = []
    for row in rows:
        mentions = read[row["notes"].strip()]
        refused += mentions is None
        if mentions:
            shared = rows_of[row["notes"].strip()] > 1
            placed.append((row, _answer(mentions, row["admin1"]) if shared else mentions[0]))
    for row, mention in placed:
        place = mention.place
        gold_iso = country_iso3(row["country"])
        country_ok += place.iso == gold_iso
        if row["admin1"] and place.precision <= GeoPrecision.REGION:
            admin_n += 1
            by_name, right = admin1_agrees(place, row["admin1"], row["geo_precision"] in {"1", "2"},
                                           row["latitude"], row["longitude"], gold_iso)
            admin_named += by_name
            admin_ok += right
        if row["geo_precision"] == "1" and place.precision <= GeoPrecision.NEAR and row["latitude"]:
            gold = Place(row.get("location") or "", GeoPrecision.EXACT, latitude=float(row["latitude"]),
                         longitude=float(row["longitude"]))
            km = distance_km(place, gold)
            if km is not None:
                errors_km.append(km)
        killed = mention.fatalities.best if mention.fatalities and mention.fatalities.best is not None else 0
        killed_ok += str(killed) == row["fatalities"].strip()
    found = len(placed)
    return {
        "notes": len(rows), "refused": refused, "with_place": found, "coverage": _share(found, len(rows) - refused),
        "country_accuracy": _share(country_ok, found), "admin1_accuracy": _share(admin_ok, admin_n),
        "admin1_n": admin_n, "admin1_by_name": _share(admin_named, admin_n), "precise_n": len(errors_km),
        "within_25km": _share(sum(1 for km in errors_km if km <= 25), len(errors_km)),
        "median_km": round(statistics.median(errors_km), 1) if errors_km else None,
        "fatalities_exact": _share(killed_ok, found),
    }


def _day_after(rows: list[dict], path: Path) -> date:
    """The day after the last event date (dd/mm/yyyy, as ACLED writes it) among the rows."""
    if not rows:
        raise InputError(str(path), "has no rows with notes", hint="pass an ACLED export with notes")
    days = []
    for r in rows:
        try:
            days.append(datetime.strptime(r["event_date"].strip(), "%d/%m/%Y").date())
        except ValueError:
            continue
    if not days:
        raise InputError(str(path), "has no event date as dd/mm/yyyy", hint="pass an ACLED export")
    return max(days) + timedelta(days=1)


def _placed_mentions(notes: list[str], name: str, first: int, today: date,
                     settings: Settings) -> list[list[Mention] | None]:
    """For each note, its placed mentions in text order (empty: no event), or None when the clean stage
    refused it."""
    items = [prepare(RawDocument(source=f"{name}:note {first + i + 1}", content=note, format="text"), today,
                     settings, analysed=False) for i, note in enumerate(notes)]
    analysed = iter(analyse_chunk([i for i in items if isinstance(i, Prepared)], settings))
    out: list[list[Mention] | None] = []
    for item in items:
        if not isinstance(item, Prepared):
            out.append(None)
            continue
        mentions = getattr(next(analysed).analysis, "mentions", None) or []
        out.append(sorted(mentions, key=lambda m: m.passage.start))
    return out


def _answer(mentions: list[Mention], admin1: str) -> Mention:
    """The mention that answers for a row: the first placed in the row's admin1, else the first."""
    return next((m for m in mentions if admin1 and m.place.admin1 and same_unit(m.place.admin1, admin1)),
                mentions[0])


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None
