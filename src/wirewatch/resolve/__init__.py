"""Resolve: put each mention on the map (gazetteer entry) and the calendar (date range)."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from functools import lru_cache

from ..gazetteer import Gazetteer, fold, load_gazetteer
from ..extract.fatalities import find_fatalities, find_injuries
from ..extract.injured import injured_in
from ..extract.sentences import Sentence, split_sentences
from ..models import Actor, Article, DatePrecision, Fatalities, GeoPrecision, Mention, Place, Span, TextField
from .town_roles import from_dateline, the_lead_town_instead
from .dates import event_date_words, lead_date, preceding_date, reference_of, resolve_date, tells_an_incident
from .places import (a_person, country_place, county_place, headline_place, lead_place, part_of_a_name,
                     quarter_of_a_town, resolve_place)
from .unlisted import unlisted_town
from .villages import village_unit

__all__ = ["resolve_mentions"]

# Sentences after a mention's passage that may still give its casualties ("He died at the hospital.").
_CASUALTY_FOLLOWUP = 2
# A sentence that sums up a longer period speaks of a conflict's toll, not of one incident's.
_BACKGROUND = re.compile(r"(?i)\b(?:since|in|during|throughout) (?:(?:early |late |mid-)?(?:19|20)\d\d\b|the (?:start|"
                         r"beginning|outbreak) of)|\bso far this year\b|\bover the (?:past|last) (?:\w+ )?(?:years|months|decades?)\b")
# A sentence set weeks or more before its article tells of an earlier incident ("The shooting follows one last
# week that left 11 people wounded"): its wounded are not this incident's. Its dead are still read, as a
# follow-up tells a death ("A man shot two weeks ago has died").
_EARLIER = re.compile(r"(?i)\b(?:last|previous) (?:week|month|year)\b|\bthe (?:week|month|year) before\b|"
                      r"\b(?:\w+|\d+) (?:weeks|months|years) (?:ago|earlier|before)\b|"
                      r"\bearlier this (?:month|year)\b")
# A side clause about a person or a place ("Smith, who moved to the city last year, was wounded", "the bar,
# which opened two years ago") sets no incident in the past: the words before the time word open one.
# ...unless that clause tells the earlier incident's toll itself: "the gunman who wounded four people last
# month", "the bar, which was the site of a shooting two weeks ago that left four people wounded".
_COUNTED_HARM = re.compile(r"(?i)\b(?:wounded|injured|shot|hurt|killed)\s+(?:\d+|two|three|four|five|six|seven|eight|"
                           r"nine|ten|several|dozens)\b")
_HARM_AFTER = re.compile(r"(?i)\s+(?:that|which)\s+(?:left|wounded|injured|hurt|killed)\b")
_SIDE_CLAUSE = re.compile(r"(?i)(?:\bwho|\bwhose|\bwhom|,\s*which)\b[^,;]*$")


def resolve_mentions(article: Article, mentions: list[Mention],
                     gazetteer: Gazetteer | None = None) -> list[Mention]:
    """The mentions with `place` and `date` filled and actor names completed with their country."""
    if not mentions:
        return []
    gazetteer = gazetteer or load_gazetteer()
    focus = gazetteer.country_focus(article.text)
    fallback = country_place(focus, gazetteer)
    iso3_names = _iso3_names(gazetteer)
    leads: dict[bool, TextField | None] = {}
    ref, basis = reference_of(article)

    def lead(incident: bool) -> TextField | None:
        """lead_date, read once for incidents and once for the rest, and only where a mention has no date words
        of its own: it scans the whole text."""
        if incident not in leads:
            leads[incident] = lead_date(article, ref, incident)
        return leads[incident]

    # a body that names no town the resolver can place may still have one in its headline
    town = lead_place(article.id, article.text, focus, gazetteer) or headline_place(
        article.id, article.title, article.text, focus, gazetteer)
    sentences = split_sentences(article.text)
    starts = [s.start for s in sentences]
    windows = {m.id: _window(m, sentences, starts) for m in mentions}
    resolved = []
    for mention in mentions:
        notes = list(mention.notes)
        place = _named_place(mention, article, focus, gazetteer, town, notes)
        if place is None and town is not None:
            place = replace(town, span=None)
            notes.append(f"no place words; placed at the town the article's opening names ({town.name!r} "
                         f"{_where(town)})")
        elif place is None and _unbacked(mention, gazetteer):
            # the name's own town would be a guess: it must not choose the country either
            others, _ = gazetteer.context_without(article.text, mention.place_text.text)
            place = country_place(others, gazetteer)
            notes.append(f"{mention.place_text.text!r} is no place the text backs; " + (
                "placed in the article's main country" if place else "no place found"))
        elif place is None:
            place = fallback
            notes.append("no place words; placed in the article's main country" if place
                         else "no place found")
        place = _village_instead(mention, article.text, gazetteer, town, place, notes)
        own = event_date_words(mention.date_text, mention.passage, article.text, mention.trigger)
        words = own or lead(tells_an_incident(mention.trigger))
        if words is None and article.published is None:
            # an undated article: the date an earlier paragraph gave, before the day it was ingested
            words = preceding_date(article, mention.passage.start, ref)
        if own is None and words is not None:
            notes.append(f"no date words in the passage; dated by the article's first date ({words.text!r})"
                         if mention.date_text is None else
                         f"its date words ({mention.date_text.text!r}) date a statement or what followed the "
                         f"incident; dated by the article's first date ({words.text!r})")
        date = resolve_date(words, ref, article.published is not None, basis)
        if date.precision == DatePrecision.YEAR:
            continue  # "in 2013", "last year": background, and ACLED codes nothing coarser than a month
        if date.note:
            notes.append(date.note)
        others = [windows[m.id] for m in mentions if _another_incident(m, mention)]
        killed, injured = _casualties(mention, sentences, article, windows[mention.id], others)
        resolved.append(replace(
            mention, place=place, date=date, notes=tuple(notes), fatalities=killed, injured=injured,
            actor1=_with_country(mention.actor1, place, iso3_names),
            actor2=_with_country(mention.actor2, place, iso3_names),
        ))
    return resolved


def _named_place(mention: Mention, article: Article, focus, gazetteer: Gazetteer, town: Place | None,
                 notes: list[str]) -> Place | None:
    """The place the mention's words name, or None when they name none or no more than the lead town's
    state or country ("in Virginia" in a report datelined Richmond, Va.); each choice is noted."""
    named, text = mention.place_text, article.text
    if named is None:
        return None
    start, end = named.span.start, named.span.end
    if part_of_a_name(text, start, end) or a_person(text, start, end, gazetteer):
        notes.append(f"{named.text!r} is part of a longer name or a person's here, not a place")
        return None
    county = county_place(named, text, focus, gazetteer)
    if county is not None and town is not None and town.admin2 == county.admin2 and town.admin1 == county.admin1:
        notes.append(f"{named.text!r} names the county of the town the article's opening names; placed there "
                     f"({town.name!r} {_where(town)})")
        return replace(town, span=None)
    place = county or resolve_place(named, text, focus, gazetteer)
    unlisted = unlisted_town(named, text, place, focus, gazetteer)
    if unlisted is not None:
        notes.append(f"{unlisted.name!r} is a town the gazetteer lacks, named with its unit; placed in "
                     f"{unlisted.admin1!r} at region precision")
        return unlisted
    if place is None or town is None:
        return place
    if quarter_of_a_town(text, end) and place.iso == town.iso:
        notes.append(f"{named.text!r} is a part of a town here; placed at the town the article's opening "
                     f"names ({town.name!r} {_where(town)})")
        return replace(town, span=None)
    if place.precision <= GeoPrecision.NEAR and the_lead_town_instead(text, start, end, place, town, gazetteer):
        notes.append(f"{named.text!r} is not named as where the incident happened, or is a namesake elsewhere "
                     f"that nothing else in the text points at; placed at the town the "
                     f"article's opening names ({town.name!r} {_where(town)})")
        return replace(town, span=None)
    wider = place.precision == GeoPrecision.COUNTRY or (place.precision == GeoPrecision.REGION
                                                         and place.admin1 == town.admin1)
    if wider and place.iso == town.iso:
        notes.append(f"{named.text!r} names only the region or country of the town the article's opening "
                     f"names; placed there ({town.name!r} {_where(town)})")
        return replace(town, span=None)
    return place


def _village_instead(mention: Mention, text: str, gazetteer: Gazetteer, town: Place | None, place: Place | None,
                     notes: list[str]) -> Place | None:
    """The place, or, where it is the lead town read from the dateline, the headline or another passage, and the
    passage tells the incident in a village the gazetteer lacks (resolve/villages.py), the admin1 unit the
    passage names or the country."""
    if town is None or place is None or not _the_town(place, town) or _named_in_passage(mention, town):
        return place
    if town.span is not None and not from_dateline(text, town) and \
            mention.passage.start <= town.span.start < mention.passage.end:
        return place  # the passage names the town itself ("the village of X near Y"): it is no outlet's base
    found = village_unit(mention.passage, text, town, gazetteer)
    if found is None:
        return place
    village, instead = found
    notes.append(f"the passage tells the incident in {village!r}, a village the gazetteer lacks, not in the town "
                 f"the article's opening names; placed in {instead.name!r} at "
                 f"{'region' if instead.precision == GeoPrecision.REGION else 'country'} precision")
    return instead


def _the_town(place: Place, town: Place) -> bool:
    """Whether a place is the lead town (a town the gazetteer lacks has no geonameid: its name and unit)."""
    if place.geonameid is not None or town.geonameid is not None:
        return place.geonameid == town.geonameid
    return (place.name, place.admin1, place.precision) == (town.name, town.admin1, town.precision)


def _named_in_passage(mention: Mention, town: Place) -> bool:
    """Whether the passage itself names the lead town as the mention's place, not by the dateline ("fighters
    from a village attacked a market in Maiduguri")."""
    named, passage = mention.place_text, mention.passage
    if named is None or not passage.start <= named.span.start < passage.end:
        return False
    return (town.span is None or named.span.start != town.span.start) and fold(named.text) == fold(town.name)


def _where(town: Place) -> str:
    """Where the text names the lead town, for the notes: its offset, or the headline (no span)."""
    return f"at offset {town.span.start}" if town.span is not None else "in the headline"


def _unbacked(mention: Mention, gazetteer: Gazetteer) -> bool:
    """Whether the mention's place words name towns in the gazetteer that resolve declined as guesses."""
    return mention.place_text is not None and any(e.kind == "city" for e in gazetteer.entries(mention.place_text.text))


@lru_cache(maxsize=2)
def _iso3_names(gazetteer: Gazetteer) -> dict[str, str]:
    """ISO3 -> country name; built once, not per article (read only)."""
    return {c["iso3"]: c["name"] for c in gazetteer.countries.values()}


def _with_country(actor: Actor | None, place: Place | None, iso3_names: dict[str, str]) -> Actor | None:
    """Fill the "{country}" slot of a generic actor name: its own country, else the event's."""
    if actor is None or "{country}" not in actor.name:
        return actor
    iso3 = actor.country or (place.iso if place else None)
    country = iso3_names.get(iso3, "Unknown") if iso3 else "Unknown"
    return replace(actor, name=actor.name.format(country=country), country=iso3)


def _another_incident(other: Mention, mention: Mention) -> bool:
    """Whether two mentions of one article clearly speak of different incidents: another type, or
    another place named."""
    if other.passage == mention.passage:
        return False
    if other.sub_event_type != mention.sub_event_type:
        return True
    named = [m.place_text.text.casefold() for m in (other, mention) if m.place_text is not None]
    return len(named) == 2 and named[0] != named[1]


def _window(mention: Mention, sentences: list[Sentence], starts: list[int]) -> list[Sentence]:
    """The mention's passage and the sentences after it that may still give its casualties."""
    first = max(0, bisect_right(starts, mention.passage.start) - 1)
    return sentences[first:first + 1 + _CASUALTY_FOLLOWUP]


def _casualties(mention: Mention, sentences: list[Sentence], article: Article, own: list[Sentence],
                others: list[list[Sentence]]) -> tuple[Fatalities | None, Fatalities | None]:
    """The killed and the injured: extract's count, else the first in the passage and the sentences
    after it, else the article's first (a report of one incident often gives its toll lines away) outside
    what its other mentions read, a toll there belonging to that incident, and outside background
    ("has killed 10,000 people since 2014"). The injured are read knowing the killed, and a passage's one
    injured victim gives way to a larger count the article states elsewhere."""
    window = [(s.start, s.text) for k, s in enumerate(own) if k == 0 or not _background(s.text)]

    def everywhere() -> list[tuple[int, str]]:   # read only when the passage has no toll: most have one
        theirs = {s.start for other in others for s in other} - {start for start, _ in window}
        return [(s.start, s.text) for s in sentences if s.start not in theirs and not _background(s.text)]

    killed = mention.fatalities or _first_toll(window, article.id) or _first_toll(everywhere(), article.id)
    if mention.injured is not None:
        return killed, mention.injured
    best = killed.best if killed else None
    window = [(start, text) for k, (start, text) in enumerate(window) if k == 0 or not _earlier(text)]
    hit = injured_in(window, best)
    if hit is None or hit.best == 1 or _worked_out_none(hit, article):
        # "Three people were wounded ... One of them, a 19-year-old, is in critical condition": a passage that
        # singles out one victim defers to the article's larger count; so does one whose none is only its
        # victim shot less the dead ("A man was shot and died at the scene" ... "A woman was also wounded")
        wider = injured_in([(start, text) for start, text in everywhere() if not _earlier(text)], best)
        hit = wider if wider is not None and (hit is None or wider.best > hit.best) else hit
    return killed, _toll(hit, article.id) if hit else None


def _worked_out_none(hit, article: Article) -> bool:
    """Whether a count of no injured is only worked out (the victims shot less the dead), not stated in words
    of its own ("no one was injured")."""
    return hit.best == 0 and find_injuries(article.text[hit.start:hit.end]) is None


@lru_cache(maxsize=4096)
def _earlier(text: str) -> bool:
    """A sentence set weeks or more before its article, by a time word of its own clause, not of a side
    clause about a victim ("who moved here last year")."""
    for m in _EARLIER.finditer(text):
        side = _SIDE_CLAUSE.search(text, 0, m.start())
        if side is None or _COUNTED_HARM.search(text, side.start(), m.start()) or _HARM_AFTER.match(text, m.end()):
            return True
    return False


@lru_cache(maxsize=4096)
def _background(text: str) -> bool:
    """A sentence summing up a period; each mention of an article asks of the same sentences."""
    return bool(_BACKGROUND.search(text))


def _first_toll(sentences: list[tuple[int, str]], article_id: str) -> Fatalities | None:
    """The first death toll among sentences given as (offset, text)."""
    hit = next((hit for offset, text in sentences if (hit := _moved(find_fatalities(text), offset))), None)
    return _toll(hit, article_id) if hit else None


def _moved(hit, offset: int):
    return replace(hit, start=hit.start + offset, end=hit.end + offset) if hit else None


def _toll(hit, article_id: str) -> Fatalities:
    return Fatalities(hit.low, hit.best, hit.high, Span(article_id, hit.start, hit.end))
