"""Places and tolls scored on ACLED event notes: each note read by the pipeline as a short article.

A note is a coder's one- or two-sentence summary of one event, with the event's country, admin1, point and
geo-precision beside it, so it tests the resolve stage on many countries' place names at once. Notes seldom
give a date and never a publication date, so dates are not scored here (`--gva` scores them). The note's
first placed mention stands for the pipeline's answer: a note reports one event, first.
"""

from __future__ import annotations

import csv
import statistics
from datetime import date
from pathlib import Path
from typing import Callable

from ..errors import InputError
from ..fuse.similarity import distance_km
from ..models import GeoPrecision, Mention, Place, RawDocument
from ..pipeline import Prepared, analyse_chunk, prepare
from ..settings import Settings
from .places import country_iso3, same_unit

__all__ = ["score_acled"]

_COLUMNS = {"event_id_cnty", "notes", "country", "admin1", "latitude", "longitude", "geo_precision", "fatalities"}
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
    answers: list[Mention | None] = []
    for start in range(0, len(rows), _CHUNK):
        chunk = rows[start:start + _CHUNK]
        answers += _first_places(chunk, path.name, settings)
        if progress:
            progress(len(chunk))
    country_ok = admin_n = admin_ok = killed_ok = 0
    errors_km: list[float] = []
    placed = [(r, m) for r, m in zip(rows, answers) if m is not None]
    for row, mention in placed:
        place = mention.place
        country_ok += place.iso == country_iso3(row["country"])
        if row["admin1"] and place.precision <= GeoPrecision.REGION:
            admin_n += 1
            admin_ok += same_unit(place.admin1 or "", row["admin1"])
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
        "notes": len(rows), "with_place": found, "coverage": _share(found, len(rows)),
        "country_accuracy": _share(country_ok, found), "admin1_accuracy": _share(admin_ok, admin_n),
        "admin1_n": admin_n, "precise_n": len(errors_km),
        "within_25km": _share(sum(1 for km in errors_km if km <= 25), len(errors_km)),
        "median_km": round(statistics.median(errors_km), 1) if errors_km else None,
        "fatalities_exact": _share(killed_ok, found),
    }


def _first_places(rows: list[dict], name: str, settings: Settings) -> list[Mention | None]:
    """For each note, the first mention the pipeline places, or None (no event, or a note it refused)."""
    today = date.today()
    items = [prepare(RawDocument(source=f"{name}:{r['event_id_cnty']}", content=r["notes"], format="text"),
                     today, settings, analysed=False) for r in rows]
    ready = analyse_chunk([i for i in items if isinstance(i, Prepared)], settings)
    analysed = iter(ready)
    out = []
    for item in items:
        done = next(analysed) if isinstance(item, Prepared) else None
        mentions = getattr(done.analysis, "mentions", None) if done else None
        out.append(min(mentions, key=lambda m: m.passage.start) if mentions else None)
    return out


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None
