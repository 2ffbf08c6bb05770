"""Resolve: put each mention on the map (gazetteer entry) and the calendar (date range)."""

from __future__ import annotations

from dataclasses import replace

from ..gazetteer import Gazetteer, load_gazetteer
from ..models import Actor, Article, DatePrecision, Mention, Place
from .dates import event_date_words, lead_date, resolve_date
from .places import country_place, resolve_place

__all__ = ["resolve_mentions"]


def resolve_mentions(article: Article, mentions: list[Mention],
                     gazetteer: Gazetteer | None = None) -> list[Mention]:
    """The mentions with `place` and `date` filled and actor names completed with their country."""
    if not mentions:
        return []
    gazetteer = gazetteer or load_gazetteer()
    focus = gazetteer.country_focus(article.text)
    fallback = country_place(focus, gazetteer)
    iso3_names = {c["iso3"]: c["name"] for c in gazetteer.countries.values()}
    lead = lead_date(article)
    resolved = []
    for mention in mentions:
        notes = list(mention.notes)
        place = resolve_place(mention.place_text, article.text, focus, gazetteer) if mention.place_text else None
        if place is None:
            place = fallback
            notes.append("no place words; placed in the article's main country" if place
                         else "no place found")
        words = event_date_words(mention.date_text, mention.passage, article.text) or lead
        if mention.date_text is None and lead is not None:
            notes.append(f"no date words in the passage; dated by the article's first date ({lead.text!r})")
        date = resolve_date(words, article.reference_date, article.published is not None)
        if date.precision == DatePrecision.YEAR:
            continue  # "in 2013", "last year": background, and ACLED codes nothing coarser than a month
        if date.note:
            notes.append(date.note)
        resolved.append(replace(
            mention, place=place, date=date, notes=tuple(notes),
            actor1=_with_country(mention.actor1, place, iso3_names),
            actor2=_with_country(mention.actor2, place, iso3_names),
        ))
    return resolved


def _with_country(actor: Actor | None, place: Place | None, iso3_names: dict[str, str]) -> Actor | None:
    """Fill the "{country}" slot of a generic actor name: its own country, else the event's."""
    if actor is None or "{country}" not in actor.name:
        return actor
    iso3 = actor.country or (place.iso if place else None)
    country = iso3_names.get(iso3, "Unknown") if iso3 else "Unknown"
    return replace(actor, name=actor.name.format(country=country), country=iso3)
