"""Synthetic stores for benchmarks: many plausible events written through the real store code.

Events are spread over the gazetteer's towns in conflict-heavy countries, ACLED's sub-event types and two
years, with one article and one mention each, so blocking, filters and fusion meet realistic densities.
Nothing here is read by wirewatch itself.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta

from wirewatch.clean import article_id
from wirewatch.gazetteer import load_gazetteer
from wirewatch.ingest.dedup import fingerprint
from wirewatch.models import (Actor, Article, Attribution, ClaimStatus, DatePrecision, Event, EventSource,
                              Fatalities, GeoPrecision, Mention, Place, ResolvedDate, SourceKind, Span, TextField)
from wirewatch.ontology import load_ontology

COUNTRIES = ["UA", "RU", "SY", "IQ", "YE", "SD", "SS", "ET", "SO", "NG", "ML", "BF", "NE", "CD", "CF", "MZ",
             "AF", "PK", "IN", "MM", "PH", "CO", "MX", "HT", "LB", "IL", "PS", "LY", "CM", "KE"]
ACTORS = ["Military Forces", "Police Forces", "Rebel group", "Unidentified Armed Group", "Protesters",
          "Rioters", "Civilians", "Militia"]
OUTLETS = [f"Outlet {i}" for i in range(40)]
START = date(2024, 1, 1)
DAYS = 730


def towns(seed: int = 7) -> list[Place]:
    """Town places in the benchmark countries, as resolve would produce them."""
    gaz = load_gazetteer()
    places = []
    for entries in gaz.index.values():
        for e in entries:
            if e.kind == "city" and e.country in COUNTRIES and e.latitude is not None:
                places.append(Place(e.name, GeoPrecision.EXACT, gaz.countries[e.country]["name"],
                                    gaz.countries[e.country]["iso3"], gaz.admin1_names.get(e.admin1 or ""), None,
                                    e.latitude, e.longitude, int(e.key)))
    unique = sorted({p.geonameid: p for p in places}.values(), key=lambda p: p.geonameid)
    random.Random(seed).shuffle(unique)
    return unique


def sub_types() -> list[tuple[str, str]]:
    """(event type, sub-event type) pairs of the ontology."""
    return sorted((etype, sub) for sub, etype in load_ontology().event_type_of.items())


def make_report(n: int, seed: int, places: list[Place], types: list[tuple[str, str]],
                prefix: str = "syn", outlet: str | None = None) -> tuple[Article, Mention, Event]:
    """One article, its mention and the event it founds; the same (n, seed) gives the same incident, and
    another outlet's report of it when `outlet` differs."""
    rng = random.Random(seed * 1_000_003 + n)
    etype, sub = rng.choice(types)
    place = rng.choice(places)
    day = START + timedelta(days=rng.randrange(DAYS))
    actor = rng.choice(ACTORS)
    deaths = rng.choice([0, 0, 1, 2, 3, 5, 12])
    outlet = outlet or rng.choice(OUTLETS)
    text = (f"{actor} were involved in a {sub.lower()} in {place.name} on {day:%d %B %Y}, "
            f"{outlet} reported. {deaths} people were killed. Report {prefix}-{n}.")
    art = Article(article_id(text), f"https://{outlet.replace(' ', '').lower()}.example/{prefix}/{n}", outlet,
                  f"{sub} in {place.name}", day, "en", text, source=f"{prefix}.jsonl", ingested=day)
    span = Span(art.id, 0, len(text))
    when = ResolvedDate(day, day, DatePrecision.DAY)
    mention = Mention(id=f"{art.id}:0", article_id=art.id, passage=span, event_type=etype, sub_event_type=sub,
                      trigger=TextField(sub.lower(), Span(art.id, 0, 1)), attribution=Attribution(SourceKind.OUTLET),
                      actor1=Actor(actor, "state_forces"), place=place, date=when,
                      fatalities=Fatalities(deaths, deaths, deaths))
    event = Event(id=f"ev-{prefix}-{n}", event_type=etype, sub_event_type=sub, date=when, place=place,
                  claim_status=rng.choice(list(ClaimStatus)), actor1=mention.actor1,
                  fatalities=mention.fatalities,
                  sources=(EventSource(mention.id, art.id, outlet, art.url, SourceKind.OUTLET, "founded the event"),))
    return art, mention, event


def fill(store, count: int, seed: int = 1, batch: int = 5_000, progress=None) -> None:
    """Write `count` events (with their articles and mentions) into a store, in batched transactions."""
    places, types = towns(), sub_types()
    for start in range(0, count, batch):
        with store.transaction():
            for n in range(start, min(count, start + batch)):
                art, mention, event = make_report(n, seed, places, types)
                store.add_article(art, fingerprint(art.text))
                store.save_event(event, [(mention, "founded the event")])
        if progress:
            progress(min(count, start + batch))


def new_mentions(count: int, stored: int, repeat_share: float = 0.3, seed: int = 1) -> Iterator[tuple[Article, Mention]]:
    """Fresh reports to fuse into a store filled with `stored` events by `fill(seed=seed)`: a share of them
    are other outlets' reports of stored incidents, the rest new incidents."""
    rng = random.Random(seed + 1)
    places, types = towns(), sub_types()
    for n in range(count):
        if stored and rng.random() < repeat_share:
            art, mention, _ = make_report(rng.randrange(stored), seed, places, types, prefix="again",
                                          outlet=f"Second outlet {n}")
        else:
            art, mention, _ = make_report(stored + n, seed, places, types, prefix="new")
        yield art, mention
