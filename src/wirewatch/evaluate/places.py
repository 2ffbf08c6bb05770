"""Place resolution scored on UCDP GED records: the headline's place against the coded point and units."""

from __future__ import annotations

import csv
import difflib
import math
import re
import statistics
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from ..errors import InputError
from ..gazetteer import REGION_WORDS, Entry, fold, load_gazetteer
from ..models import GeoPrecision, Place, Span, TextField
from ..fuse.similarity import distance_km
from ..resolve.places import a_person, resolve_place

_UCDP_COLUMNS = {"source_headline", "country", "adm_1", "where_prec", "where_coordinates", "latitude", "longitude"}
_SAME_UNIT_RATIO = 0.85
# The gold point names our unit when our gazetteer's town nearest to it, in the gold country, lies this close.
_POINT_KM = 20.0
# UCDP codes an event by the state that held the ground on the day: the West Bank and Gaza under Israel, and
# the parts of a state before it split off under the state they left (ISO3 of the gold, of ours: last day).
_UCDP_HELD = {("ISR", "PSE"): date.max, ("SRB", "XKX"): date(2008, 2, 16), ("SRB", "MNE"): date(2006, 6, 2),
              ("SDN", "SSD"): date(2011, 7, 8), ("ETH", "ERI"): date(1993, 5, 23), ("IDN", "TLS"): date(2002, 5, 19)}
_UNIT_WORDS = re.compile(rf"\b{REGION_WORDS}\b", re.IGNORECASE)


def headline_place(headline: str) -> Place | None:
    """The most specific place a headline names, resolved with the pipeline's resolver (the extract
    stage's choice among several places is not applied: a headline has no trigger to be near); as in
    the pipeline, a person's name is no place (a headline's capitals say too little of longer names)."""
    gazetteer = load_gazetteer()
    focus = gazetteer.country_focus(headline)
    places = []
    for hit in gazetteer.spot(headline):
        if hit.entries and not a_person(headline, hit.start, hit.end, gazetteer):
            field = TextField(hit.text, Span("headline", hit.start, hit.end))
            place = resolve_place(field, headline, focus, gazetteer)
            if place:
                places.append(place)
    return min(places, key=lambda p: p.precision) if places else None


def score_ucdp(path: Path) -> dict:
    """Coverage, country, admin1 and admin2 agreement, and km error where UCDP's point is precise."""
    try:
        with path.open(encoding="utf-8") as fh:
            reader = csv.DictReader(fh)
            missing = _UCDP_COLUMNS - set(reader.fieldnames or ())
            rows = [r for r in reader if r.get("source_headline")]
    except (OSError, csv.Error, UnicodeDecodeError) as err:
        raise InputError(str(path), f"cannot be read as UCDP GED CSV ({err})") from None
    if missing:
        raise InputError(str(path), f"lacks UCDP GED columns {sorted(missing)}", hint="pass a GED CSV export")
    found = country_ok = admin_n = admin_ok = admin_named = admin2_n = admin2_ok = 0
    errors_km = []
    for r in rows:
        place = headline_place(r["source_headline"])
        if place is None:
            continue
        found += 1
        gold_iso = country_iso3(r["country"])
        country_ok += place.iso == gold_iso or _held_then(gold_iso, place.iso, r.get("date_start", ""))
        if r["adm_1"] and place.precision <= GeoPrecision.REGION:
            admin_n += 1
            by_name, right = admin1_agrees(place, r["adm_1"], r["where_prec"] in {"1", "2"}, r["latitude"],
                                           r["longitude"], gold_iso)
            admin_named += by_name
            admin_ok += right
        if r.get("adm_2") and place.admin2:
            admin2_n += 1
            admin2_ok += same_unit(place.admin2, r["adm_2"])
        if r["where_prec"] in {"1", "2"} and place.precision <= GeoPrecision.NEAR and r["latitude"] and r["longitude"]:
            gold = Place(r["where_coordinates"], GeoPrecision.EXACT, latitude=float(r["latitude"]),
                         longitude=float(r["longitude"]))
            errors_km.append(distance_km(place, gold))
    within = sum(1 for e in errors_km if e is not None and e <= 25)
    return {
        "records": len(rows), "with_place": found, "coverage": round(found / len(rows), 3) if rows else 0.0,
        "country_accuracy": round(country_ok / found, 3) if found else None,
        "admin1_accuracy": round(admin_ok / admin_n, 3) if admin_n else None, "admin1_n": admin_n,
        "admin1_by_name": round(admin_named / admin_n, 3) if admin_n else None,
        "admin2_accuracy": round(admin2_ok / admin2_n, 3) if admin2_n else None, "admin2_n": admin2_n,
        "precise_n": len(errors_km), "within_25km": round(within / len(errors_km), 3) if errors_km else None,
        "median_km": round(statistics.median(errors_km), 1) if errors_km else None,
    }


def _held_then(gold_iso: str | None, ours: str | None, day: str) -> bool:
    """Whether UCDP codes a place in `ours` under `gold_iso` on that day (ISO date; unknown: no)."""
    last = _UCDP_HELD.get((gold_iso, ours))
    try:
        return last is not None and date.fromisoformat(day.strip()[:10]) <= last
    except ValueError:
        return False


def admin1_agrees(place: Place, gold: str, precise: bool, latitude: str | None, longitude: str | None,
                  gold_iso: str | None) -> tuple[bool, bool]:
    """(same admin1 by name, admin1 right): right also where a precise gold point (coordinate cells as the
    gold file writes them) lies in our unit, the same unit under another name or an older division."""
    by_name = same_unit(place.admin1 or "", gold)
    return by_name, by_name or precise and point_in_unit(place, _num(latitude), _num(longitude), gold_iso)


def _num(value: str | None) -> float | None:
    try:
        return float(value) if value else None
    except ValueError:
        return None


def point_in_unit(place: Place, latitude: float | None, longitude: float | None, iso3: str | None) -> bool:
    """Whether the gold point lies in our place's admin1 unit, as the gazetteer divides the country: the
    gold set's town nearest to the point (within _POINT_KM, in the gold country) is in that unit. This reads
    the same unit under another name ("Lower Shabeelle", "Shabeellaha Hoose") or an older division of it."""
    if latitude is None or longitude is None or not place.admin1 or place.iso != iso3:
        return False
    nearest = _nearest_town(latitude, longitude, iso3)
    return nearest is not None and load_gazetteer().admin1_names.get(nearest.admin1) == place.admin1


def _nearest_town(latitude: float, longitude: float, iso3: str):
    """The gazetteer town nearest to a point in one country, if one lies within _POINT_KM."""
    grid = _town_grid()
    cell = (math.floor(latitude), math.floor(longitude))
    best, best_km = None, _POINT_KM
    point = Place("", GeoPrecision.EXACT, latitude=latitude, longitude=longitude)
    for dlat in (-1, 0, 1):
        for dlon in (-1, 0, 1):
            for town in grid.get((cell[0] + dlat, cell[1] + dlon), ()):
                if town.iso3 != iso3:
                    continue
                km = distance_km(point, Place("", GeoPrecision.EXACT, latitude=town.latitude,
                                              longitude=town.longitude))
                if km is not None and km <= best_km:
                    best, best_km = town.entry, km
    return best


@lru_cache(maxsize=1)
def _town_grid() -> dict[tuple[int, int], list]:
    """The gazetteer's towns by one-degree cell, each with its country's ISO3."""
    gazetteer = load_gazetteer()
    seen, grid = set(), {}
    for entries in gazetteer.index.values():
        for e in entries:
            if e.kind == "city" and e.key not in seen and e.admin1:
                seen.add(e.key)
                grid.setdefault((math.floor(e.latitude), math.floor(e.longitude)), []).append(
                    _GridTown(e, gazetteer.countries[e.country]["iso3"], e.latitude, e.longitude))
    return grid


@dataclass(frozen=True, slots=True)
class _GridTown:
    entry: Entry
    iso3: str
    latitude: float
    longitude: float


def same_unit(ours: str, gold: str) -> bool:
    """Whether two names of an admin unit name the same one, across transliterations ("Hilmand province" ~
    "Helmand", "Ar-Raqqah" ~ "Ar Raqqah governorate"): equal once folded, one of the other's alternate
    names in the gazetteer, or equal letters for letters once spaces, hyphens and apostrophes are gone
    but for one or two letters in ten."""
    a, b = _unit(ours), _unit(gold)
    if not a or not b:
        return False
    if a == b or any(fold(e.name) == a for e in load_gazetteer().entries(b) if e.kind == "admin1"):
        return True
    a, b = re.sub(r"[^a-z]", "", a), re.sub(r"[^a-z]", "", b)
    return difflib.SequenceMatcher(None, a, b).ratio() >= _SAME_UNIT_RATIO


def _unit(name: str) -> str:
    """An admin unit's name without its generic word ("Idlib governorate" ~ "Idlib")."""
    return fold(_UNIT_WORDS.sub("", name.split(",")[0])).strip(" -'")


def _iso3(country: str) -> str | None:
    """ISO3 of a country name, through the gazetteer's country names and aliases."""
    gazetteer = load_gazetteer()
    entry = next((e for e in gazetteer.entries(country) if e.kind == "country"), None)
    return gazetteer.countries[entry.country]["iso3"] if entry else None


def _ucdp_country(name: str) -> str:
    """UCDP's country name without the historical name in brackets ("DR Congo (Zaire)")."""
    return re.sub(r"\s*\(.*\)", "", name)


def country_iso3(name: str) -> str | None:
    """ISO3 of a country name as gold sets write it: UCDP's historical name in brackets ("DR Congo (Zaire)"),
    a hyphen for "and" ("Bosnia-Herzegovina", not "Guinea-Bissau"), "of" for "of the" ("Republic of Congo"),
    an inverted qualifier ("Macedonia, FYR")."""
    name = _ucdp_country(name)
    forms = (name, re.sub(r"(?<=[a-z])-(?=[A-Z])", " and ", name), re.sub(r"\bof (?!the\b)", "of the ", name),
             name.split(",")[0])
    return next((iso3 for form in forms if (iso3 := _iso3(form))), None)


__all__ = ["admin1_agrees", "country_iso3", "headline_place", "point_in_unit", "same_unit", "score_ucdp"]
