"""Fusion scored on the GVA news set: do articles about one incident end up in one event?

Each article is assigned its "main" event: GVA's incidents are shootings, so an event of political
violence comes before a protest or a strategic development (a vigil, an arrest days later) that the same
article reports, then the event most of its mentions joined, then the one it tells first. Articles with no
event are clusters of their own. Clusters are compared with the gold `incident_id`: pairwise
precision/recall/F1 and B-cubed F1; the B-cubed recall lost to articles of one incident in different events
is counted by cause (`split_causes`). Slots of the main event are compared with the gold incident.
"""

from __future__ import annotations

import json
import re
import tempfile
from collections import Counter, defaultdict
from datetime import date, datetime
from itertools import combinations
from pathlib import Path

from ..errors import InputError
from ..gazetteer import fold
from ..models import Event, GeoPrecision, Place, RawDocument
from ..outlets import outlet_of
from ..pipeline import run_documents
from ..settings import Settings
from ..store import SQLiteStore
from ..fuse.similarity import distance_km


def read_gva(folder: Path, limit: int | None = None) -> tuple[list[RawDocument], dict[str, str], dict[str, dict]]:
    """Articles as RawDocuments, URL -> incident id, and incident id -> gold incident."""
    news, incidents = folder / "news.jsonl", folder / "incidents.jsonl"
    for needed in (news, incidents):
        if not needed.exists():
            raise InputError(str(needed), "is missing", hint="pass the gva_news folder")
    docs, incident_of = [], {}
    with news.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            r = json.loads(line)
            if not (r.get("content") or "").strip():
                continue
            url = r.get("uri") or f"{news}:{number}"
            published = date.fromisoformat(r["dct"][:10]) if r.get("dct") else None
            # the outlet of an archived copy is the site it copied (outlets.outlet_of): fusion counts outlets
            docs.append(RawDocument(str(news), r["content"], "text", url, outlet_of(url), r.get("title"), published,
                                    "en", line=number))
            incident_of[url] = str(r["incident_id"])
            if limit and len(docs) >= limit:
                break
    gold = {}
    with incidents.open(encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            gold[str(r["incident_uri"])] = r
    coords_path = folder / "incident_latlong.json"
    coords = json.loads(coords_path.read_text()) if coords_path.exists() else {}
    for key, point in coords.items():
        if key in gold:
            gold[key]["point"] = point
    return docs, incident_of, gold


def score_gva(folder: Path, settings: Settings, limit: int | None = None) -> dict:
    """Run the pipeline on the GVA articles in a scratch store and score the clusters and slots."""
    docs, incident_of, gold = read_gva(folder, limit)
    with tempfile.TemporaryDirectory() as tmp:
        store = SQLiteStore(Path(tmp) / "gva.db")
        run_documents(docs, store, settings)
        main_event = _main_events(store, set(incident_of))
        store.close()
    clusters = {url: (main_event[url].id if url in main_event else f"alone:{url}") for url in incident_of}
    figures = _cluster_scores(clusters, incident_of)
    figures["articles"] = len(incident_of)
    figures["articles_with_event"] = len(main_event)
    figures["split_causes"] = split_causes(main_event, incident_of)
    figures["slots"] = _slots(main_event, incident_of, gold)
    return figures


# ACLED's demonstration and non-violent types: an article about a shooting may also report the vigil or
# the arrest that followed, but the shooting is what it is about.
_CALM_TYPES = frozenset({"Protests", "Strategic developments"})


def _main_events(store: SQLiteStore, urls: set[str]) -> dict[str, Event]:
    """URL -> the article's main event (see the module docstring)."""
    out = {}
    for url, aid in store.article_ids_by_url(urls).items():
        event_ids = [event_id for event_id, _ in store.mentions_in_article(aid)]
        if event_ids:
            out[url] = main_event([store.event(e) for e in dict.fromkeys(event_ids)], event_ids)
    return out


def main_event(events: list[Event], joined: list[str]) -> Event:
    """The event an article is about.

    Args:
        events: the distinct events the article's mentions joined.
        joined: the event id of each of its mentions, in text order.
    Returns:
        A violent event before a calm one, then the one most mentions joined, then the one told first.
    """
    counts, first = Counter(joined), {e: joined.index(e) for e in set(joined)}
    return min(events, key=lambda e: (e.event_type in _CALM_TYPES, -counts[e.id], first[e.id]))


def _cluster_scores(predicted: dict[str, str], gold: dict[str, str]) -> dict:
    """Pairwise P/R/F1 and B-cubed P/R/F1 of a clustering against gold labels."""
    urls = sorted(predicted)
    tp = fp = fn = 0
    for a, b in combinations(urls, 2):
        same_p, same_g = predicted[a] == predicted[b], gold[a] == gold[b]
        tp += same_p and same_g
        fp += same_p and not same_g
        fn += same_g and not same_p
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    by_pred, by_gold = defaultdict(set), defaultdict(set)
    for url in urls:
        by_pred[predicted[url]].add(url)
        by_gold[gold[url]].add(url)
    bp = sum(len(by_pred[predicted[u]] & by_gold[gold[u]]) / len(by_pred[predicted[u]]) for u in urls) / len(urls)
    br = sum(len(by_pred[predicted[u]] & by_gold[gold[u]]) / len(by_gold[gold[u]]) for u in urls) / len(urls)
    return {"pairwise_precision": round(p, 3), "pairwise_recall": round(r, 3),
            "pairwise_f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
            "b3_precision": round(bp, 3), "b3_recall": round(br, 3),
            "b3_f1": round(2 * bp * br / (bp + br), 3) if bp + br else 0.0}


_CAUSES_SHOWN = 12


def split_causes(main_event: dict[str, Event], incident_of: dict[str, str]) -> dict[str, float]:
    """B-cubed recall lost to each cause of a split: for two articles of one gold incident that are not in one
    event, the first of their main events' differences in `split_cause`'s order; the shares add up to
    1 - B-cubed recall (each split pair costs 2 / (incident size x articles) of it)."""
    by_incident = defaultdict(list)
    for url, incident in incident_of.items():
        by_incident[incident].append(url)
    lost: Counter = Counter()
    for urls in by_incident.values():
        for a, b in combinations(sorted(urls), 2):
            if a not in main_event or b not in main_event:
                lost["an article with no event"] += 2 / len(urls)
            elif main_event[a].id != main_event[b].id:
                lost[split_cause(main_event[a], main_event[b])] += 2 / len(urls)
    ranked = lost.most_common()
    if len(ranked) > _CAUSES_SHOWN:   # a long tail of rare sub-type pairs, folded so the report stays readable
        ranked = ranked[:_CAUSES_SHOWN - 1] + [("the rest", sum(v for _, v in ranked[_CAUSES_SHOWN - 1:]))]
    return {cause: round(v / len(incident_of), 4) for cause, v in ranked}


def split_cause(a: Event, b: Event) -> str:
    """Why two events of one incident stayed apart: the first difference the match rule cannot pass."""
    pa, pb = a.place, b.place
    if a.sub_event_type != b.sub_event_type:
        return "sub-event types differ: " + " / ".join(sorted({a.sub_event_type, b.sub_event_type}))
    if pa.iso != pb.iso:
        return "places in two countries"
    if GeoPrecision.COUNTRY in (pa.precision, pb.precision):
        return "one placed only in its country"
    if pa.admin1 and pb.admin1 and pa.admin1 != pb.admin1:
        return "places in two admin1 units"
    km = distance_km(pa, pb) if pa.geonameid != pb.geonameid else 0.0
    if km is not None and km > 10 and max(pa.precision, pb.precision) <= GeoPrecision.NEAR:
        return "towns over 10 km apart"
    if abs((a.date.start - b.date.start).days) > 1:
        return "dates over a day apart"
    return "other (the order of reports, actors, a score under the threshold)"


# GeoNames' admin1 name where GVA's state differs from it.
_STATE_ALIAS = {"washington, d.c.": "district of columbia"}


def _same_city(gold: str, place: Place) -> bool:
    """GVA's city_or_county against our place: the same name once a leading "the" and a trailing "city" are
    set aside ("Bronx" ~ "The Bronx", "New York" ~ "New York City"); "City (Part)" matches either name
    ("Dayton (Harrison Township)", "Philadelphia (Germantown)"); "Name (county)", GVA's mark for a place outside
    any town, matches a town in that county (not a prefix: "Plant City" is not "Plantation")."""
    def key(text: str) -> str:
        # "St. Louis" (GeoNames) ~ "Saint Louis" (GVA), "Ft. Myers" ~ "Fort Myers"
        spelled = re.sub(r"^(st|ft|mt)\.? ", lambda m: {"st": "saint ", "ft": "fort ", "mt": "mount "}[m.group(1)],
                         fold(text))
        return re.sub(r" city$", "", re.sub(r"^the ", "", spelled))

    if not place.name:
        return False
    bracketed = re.fullmatch(r"(.*?)\s*\((.*)\)", gold)
    if not bracketed:
        return key(gold) == key(place.name)
    outer, inner = bracketed.groups()
    if fold(inner).strip() == "county":
        return bool(place.admin2) and key(re.sub(r"(?i) (?:county|parish)$", "", place.admin2)) == key(outer)
    return key(place.name) in (key(outer), key(inner))


def _slots(main_event: dict[str, Event], incident_of: dict[str, str], gold: dict[str, dict]) -> dict:
    """Slot accuracy of each article's main event against its gold incident."""
    n = date_exact = date_near = place = killed = injured = 0
    km = []
    for url, event in main_event.items():
        g = gold.get(incident_of[url])
        if g is None:
            continue
        n += 1
        gold_day = datetime.strptime(g["date"], "%B %d, %Y").date()
        date_exact += event.date.start == gold_day
        date_near += abs((event.date.start - gold_day).days) <= 1
        ours = fold(event.place.admin1 or "")
        place += _same_city(g["city_or_county"], event.place) and _STATE_ALIAS.get(ours, ours) == fold(g["state"])
        killed += (event.fatalities.best if event.fatalities else 0) == g["num_killed"]
        injured += (event.injured.best if event.injured else 0) == g.get("num_injured", 0)
        if "point" in g and event.place.latitude is not None:
            km.append(distance_km(event.place, Place("gold", GeoPrecision.EXACT, latitude=g["point"][0],
                                                     longitude=g["point"][1])))
    share = (lambda k: round(k / n, 3) if n else None)
    km.sort()
    return {"events": n, "date_exact": share(date_exact), "date_within_1_day": share(date_near),
            "city_and_state": share(place), "killed_exact": share(killed), "injured_exact": share(injured),
            "median_km": round(km[len(km) // 2], 1) if km else None}
