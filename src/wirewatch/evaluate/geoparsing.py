"""Geoparsing scored on LGL, TR-News and GeoVirus: toponym spans found, and the points they resolve to.

Each set is an XML file of articles with gold toponyms (character offsets, a point). Spans count as found
when start and end agree exactly; resolution is scored on the found toponyms that have a gold point, as
accuracy within 161 km (100 miles, the field's usual threshold) and the median error in km.
"""

from __future__ import annotations

import statistics
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..fuse.similarity import distance_km
from ..gazetteer import Gazetteer, load_gazetteer
from ..models import GeoPrecision, Place, Span, TextField
from ..resolve.places import resolve_place

SETS = {"lgl": "lgl.xml", "tr-news": "TR-News.xml", "geovirus": "GeoVirus.xml"}
ACCURACY_KM = 161.0
_REALIGN_CHARS = 60  # GeoVirus offsets are one off, some TR-News ones drift by a few characters


@dataclass(frozen=True, slots=True)
class GoldToponym:
    """A toponym a set marks, with its point when the set gives one."""

    start: int
    end: int
    name: str
    latitude: float | None
    longitude: float | None


@dataclass(frozen=True, slots=True)
class GeoDoc:
    """One article of a geoparsing set."""

    text: str
    toponyms: tuple[GoldToponym, ...]
    unaligned: int  # gold toponyms whose offsets could not be matched to their words


def read_geoparsing(path: Path) -> list[GeoDoc]:
    """Articles and gold toponyms from an LGL, TR-News or GeoVirus XML file.

    Raises:
        InputError: the file is missing or is not XML of that shape.
    """
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as err:
        raise InputError(str(path), f"cannot be read as a geoparsing XML set ({err})") from None
    docs = [_doc(article) for article in root.iter("article")]
    if not docs:
        raise InputError(str(path), "holds no <article> elements", hint="pass lgl.xml, TR-News.xml or GeoVirus.xml")
    return docs


def _doc(article: ET.Element) -> GeoDoc:
    """A GeoDoc from one <article>; offsets that miss their words are realigned or dropped."""
    text = article.findtext("text") or ""
    toponyms, unaligned = [], 0
    # LGL and TR-News: <toponym><phrase>; GeoVirus: <location><name>
    for node in [*article.iter("toponym"), *article.iter("location")]:
        name = (node.findtext("phrase") or node.findtext("name") or "").strip()
        start = _realign(text, name, int(node.findtext("start") or -1))
        if start is None:
            unaligned += 1
            continue
        lat, lon = node.findtext(".//lat"), node.findtext(".//lon")
        toponyms.append(GoldToponym(start, start + len(name), name, float(lat) if lat else None,
                                    float(lon) if lon else None))
    return GeoDoc(text, tuple(toponyms), unaligned)


def _realign(text: str, name: str, start: int) -> int | None:
    """Where the name really starts: the given offset, else the nearest occurrence close to it."""
    if not name or start < 0:
        return None
    for shift in range(_REALIGN_CHARS + 1):
        for at in (start - shift, start + shift):
            if at >= 0 and text[at:at + len(name)] == name:
                return at
    return None


def geoparse(text: str, gazetteer: Gazetteer) -> list[tuple[int, int, Place]]:
    """Every place name the pipeline's spotter finds in a text, resolved in the text's context."""
    focus = gazetteer.country_focus(text)
    found = []
    for hit in gazetteer.spot(text):
        if not hit.entries:
            continue
        place = resolve_place(TextField(hit.text, Span("doc", hit.start, hit.end)), text, focus, gazetteer)
        if place is not None:
            found.append((hit.start, hit.end, place))
    return found


def score_set(docs: list[GeoDoc], gazetteer: Gazetteer) -> dict:
    """Span P/R/F1 and resolution figures for one set."""
    gold_n = predicted_n = matched = 0
    errors_km: list[float] = []
    for doc in docs:
        predicted = {(s, e): place for s, e, place in geoparse(doc.text, gazetteer)}
        gold_n += len(doc.toponyms)
        predicted_n += len(predicted)
        for top in doc.toponyms:
            place = predicted.get((top.start, top.end))
            if place is None:
                continue
            matched += 1
            if top.latitude is not None and top.longitude is not None:
                gold = Place(top.name, GeoPrecision.EXACT, latitude=top.latitude, longitude=top.longitude)
                km = distance_km(place, gold)
                # a resolved place without a point is as wrong as one on the far side of the world
                errors_km.append(km if km is not None else 20_000.0)
    precision = matched / predicted_n if predicted_n else 0.0
    recall = matched / gold_n if gold_n else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    within = sum(1 for km in errors_km if km <= ACCURACY_KM)
    return {
        "articles": len(docs), "gold_toponyms": gold_n, "unaligned": sum(d.unaligned for d in docs),
        "predicted": predicted_n, "span_precision": round(precision, 3), "span_recall": round(recall, 3),
        "span_f1": round(f1, 3), "resolved_n": len(errors_km),
        "accuracy_161km": round(within / len(errors_km), 3) if errors_km else None,
        "median_km": round(statistics.median(errors_km), 1) if errors_km else None,
    }


def score_geoparsing(folder: Path) -> tuple[dict[str, dict], list[str]]:
    """Figures per set found in the folder, and a message for each set that is absent.

    Raises:
        InputError: the folder does not exist, or a set file in it cannot be read.
    """
    if not folder.is_dir():
        raise InputError(str(folder), "is not a folder", hint="pass the folder holding lgl.xml, TR-News.xml, GeoVirus.xml")
    gazetteer = load_gazetteer()
    figures, skipped = {}, []
    for name, filename in SETS.items():
        path = folder / filename
        if not path.exists():
            skipped.append(f"{path}: not found; {name} skipped")
            continue
        figures[name] = score_set(read_geoparsing(path), gazetteer)
    return figures, skipped


__all__ = ["GeoDoc", "GoldToponym", "geoparse", "read_geoparsing", "score_geoparsing", "score_set"]
