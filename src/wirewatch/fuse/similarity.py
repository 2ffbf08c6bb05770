"""Does a mention report the same incident as a stored event? A score with its reasons.

Blocking (same country, compatible sub-type, overlapping dates) happens in the store query; this module
weighs what is left: place, date, sub-type and actors, each given its precision.

An attacker arrested at the scene or in the hunt that same day is part of the incident, not a second
event ("the gunman was arrested a block away"): an Arrests mention may join a violent incident in the
same town within the same dates, and the incident's report may join such an arrest stored first; either
way the event keeps the incident's type. An arrest on a later day stays an event of its own, on its own
day, as ACLED codes the arrest of a suspect days after an arson or a bombing.

Place, day and type cannot tell apart two shootings in one city on one night. Local reports give their
particulars (fuse/particulars.py): the ages of the people in them and the streets they happened on.
Reports of other articles that both give ages or streets and share none lose 0.3 of their score, which
parts them unless they agree on the town and the day itself; a street in common joins a follow-up that
slipped on the day (a week at most) or on the town (the same day, in one admin1 unit), and a report
placed only in its country to one of that day or the next.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

from ..models import DatePrecision, Event, GeoPrecision, Mention, Place, ResolvedDate
from .particulars import Particulars, compare

_WEIGHTS = {"place": 0.35, "date": 0.35, "type": 0.2, "actors": 0.1}
_SHARED_PARTICULARS, _OTHER_PARTICULARS = 0.05, 0.3
FOLLOW_UP_DAYS = 7  # a street in common joins reports of one town this many days apart
_EXACT_KM = 10.0  # two towns this far apart are two places, whatever the text calls them

FOLLOW_UP = "Arrests"
# Incidents whose perpetrators' arrest is reported as news of its own; protests are not among them, as an
# arrest at a protest is the intervention ACLED codes on the protest itself.
FOLLOWED_UP = frozenset({
    "Attack", "Armed clash", "Mob violence", "Sexual violence", "Abduction/forced disappearance", "Grenade",
    "Remote explosive/landmine/IED", "Suicide bomb", "Looting/property destruction",
})


@dataclass(frozen=True, slots=True)
class Match:
    score: float
    reasons: tuple[str, ...]


def compatible_types(sub_event_type: str) -> frozenset[str]:
    """The sub-event types of the events a mention of this sub-type may join (its own among them)."""
    if sub_event_type == FOLLOW_UP:
        return FOLLOWED_UP | {FOLLOW_UP}
    if sub_event_type in FOLLOWED_UP:
        return frozenset({sub_event_type, FOLLOW_UP})
    return frozenset({sub_event_type})


def is_follow_up(a: str, b: str) -> bool:
    """True when one sub-type is an arrest and the other an incident whose perpetrator it may be."""
    return {a, b} - {FOLLOW_UP} <= FOLLOWED_UP and FOLLOW_UP in {a, b} and a != b


Told = Callable[[], "tuple[Particulars, Particulars] | None"]


def match(mention: Mention, event: Event, max_km: float, particulars: Told | None = None) -> Match | None:
    """The match score of a mention against an event, or None when they cannot be one incident.

    `particulars` gives those of the mention's article and of the event's other articles (fuse/particulars.py),
    None when the mention's article is among the event's own; it is called only when they may decide, as
    reading them costs a look-up of the event's articles."""
    if mention.place is None or mention.date is None:
        return None
    if is_follow_up(mention.sub_event_type, event.sub_event_type):
        return _follow_up_match(mention, event, max_km)
    # ACLED codes each sub-event type as its own event, even when one passage reports two.
    if mention.sub_event_type != event.sub_event_type:
        return None
    place = _place_score(mention.place, event.place, max_km)
    day = _date_score(mention.date, event.date)
    actors = _actor_score(mention, event)
    if place is None or day is None:
        return _told_again(mention, event, place, day, actors, particulars)
    same_article = any(s.article_id == mention.article_id for s in event.sources)
    told = particulars() if particulars else None
    if GeoPrecision.COUNTRY in (mention.place.precision, event.place.precision) and actors < 1.0 and not same_article \
            and not (day[0] >= 0.7 and told and told[0].streets & told[1].streets):
        # Across articles, "in the United States" on the same day is no evidence of one incident, nor are
        # "police" or "gunmen" on both sides: only a named actor in common is, or a street named on that day.
        return None
    parts = {"place": place[0], "date": day[0], "type": 1.0, "actors": actors}
    score = sum(_WEIGHTS[k] * v for k, v in parts.items())
    reasons = (place[1], day[1], "same sub-event type", *(("an actor in common",) if actors == 1.0 else ()))
    sign, why = compare(*told) if told else (0, None)
    # Differing particulars outweigh a day apart or a place known only to its region, not the same town
    # on the same day; shared ones rank a candidate above its neighbours in a busy city.
    score += {1: _SHARED_PARTICULARS, -1: -_OTHER_PARTICULARS}.get(sign, 0.0)
    return Match(round(score, 3), reasons + ((why,) if why else ()))


def _told_again(mention: Mention, event: Event, place: tuple[float, str] | None, day: tuple[float, str] | None,
                actors: float, particulars: Told | None) -> Match | None:
    """One incident told twice with a slip in place or day: two reports that name the same street, either
    in one town within a week (a follow-up dated by its own news, "charged Tuesday in Saturday's
    shooting"), or on the same day in one state with towns apart (a suburb's name and its city's)."""
    a, b = mention.date, event.date
    precise = max(mention.place.precision, event.place.precision) <= GeoPrecision.NEAR
    if particulars is None or actors == 0.0 or not precise or not a.precision == b.precision == DatePrecision.DAY:
        return None
    gap = abs((a.start - b.start).days)
    same_town = mention.place.geonameid is not None and mention.place.geonameid == event.place.geonameid
    if day is None and same_town and gap <= FOLLOW_UP_DAYS:
        place, day = (1.0, f"same place ({mention.place.name})"), (0.3, f"{gap} days apart")
    elif place is None and day is not None and mention.place.iso == event.place.iso \
            and mention.place.admin1 and mention.place.admin1 == event.place.admin1:
        place = (0.5, f"towns apart in {mention.place.admin1} ({mention.place.name}, {event.place.name})")
    else:
        return None
    told = particulars()
    streets = sorted(told[0].streets & told[1].streets) if told else []
    if not streets:
        return None
    parts = {"place": place[0], "date": day[0], "type": 1.0, "actors": actors}
    score = sum(_WEIGHTS[k] * v for k, v in parts.items()) + _SHARED_PARTICULARS
    return Match(round(score, 3), (place[1], day[1], "same sub-event type", f"a street in common ({streets[0]})"))


def _follow_up_match(mention: Mention, event: Event, max_km: float) -> Match | None:
    """An arrest against an incident (or an incident against an arrest stored first): one town, and the
    arrest within the incident's dates, as at the scene or in the hunt that followed the same day."""
    place = _place_score(mention.place, event.place, max_km)
    if place is None or place[0] < 0.9:
        return None  # a region or a country in common says nothing about whose arrest it is
    a, b = mention.date, event.date
    if a.start > b.end or b.start > a.end:
        # An arrest on a later day is an event of its own, on its own day, as ACLED codes it.
        return None
    if not a.precision == b.precision == DatePrecision.DAY:
        return None  # "this week" overlaps every day of it: no evidence that the arrest was the same day
    day = _date_score(a, b)
    actors = _actor_score(mention, event)
    if actors == 0.0:
        return None  # both name their actors and share none: someone else's arrest in the same town
    parts = {"place": place[0], "date": day[0], "type": 0.5, "actors": actors}
    score = sum(_WEIGHTS[k] * v for k, v in parts.items())
    reasons = (place[1], day[1], "an arrest during the incident",
               *(("an actor in common",) if actors == 1.0 else ()))
    return Match(round(score, 3), reasons)


def _place_score(a: Place, b: Place, max_km: float) -> tuple[float, str] | None:
    """How well two places agree, given their precision; None when they contradict."""
    if a.iso and b.iso and a.iso != b.iso:
        return None
    if a.geonameid and a.geonameid == b.geonameid:
        return 1.0, f"same place ({a.name})"
    coarse = max(a.precision, b.precision)
    if coarse == GeoPrecision.COUNTRY:
        return 0.3, f"same country ({a.country})"
    if a.admin1 and b.admin1 and a.admin1 != b.admin1:
        return None
    if a.precision <= GeoPrecision.NEAR and b.precision <= GeoPrecision.NEAR:
        km = distance_km(a, b)
        limit = _EXACT_KM if max(a.precision, b.precision) == GeoPrecision.EXACT else max_km
        if km is None or km > limit:
            return None
        return 0.9, f"{km:.0f} km apart ({a.name}, {b.name})"
    return 0.7, f"same region ({a.admin1 or a.name})"


def _date_score(a: ResolvedDate, b: ResolvedDate) -> tuple[float, str] | None:
    """How well two date ranges agree; day-precise dates may differ by one day (time zones, late night)."""
    slack = 1 if a.precision == b.precision == DatePrecision.DAY else 0
    stated = a.span is not None and b.span is not None
    if a.start.toordinal() > b.end.toordinal() + slack or b.start.toordinal() > a.end.toordinal() + slack:
        return None
    if a.precision == b.precision == DatePrecision.DAY:
        return (1.0, f"same day ({a.start})") if a.start == b.start else (0.7, "dates a day apart")
    if not stated:
        return 0.3, "a date not stated falls in the other's range"
    return 0.6, f"date ranges overlap ({max(a.start, b.start)})"


def _actor_score(mention: Mention, event: Event) -> float:
    """1 when the mention and the event share a named actor, 0 when both name actors and share none,
    0.5 otherwise (a generic actor like "Police Forces of Kenya" in common says little)."""
    ours = {a.name for a in (mention.actor1, mention.actor2) if a}
    theirs = {a.name for a in (event.actor1, event.actor2) if a}
    if not ours or not theirs:
        return 0.5
    common = ours & theirs
    if not common:
        return 0.0
    return 0.5 if all(is_generic_actor(name) for name in common) else 1.0


def is_generic_actor(name: str) -> bool:
    """True for a name made from a generic template ("Unidentified Armed Group (Mexico)")."""
    return bool(_generic_names().fullmatch(name))


@lru_cache(maxsize=1)
def _generic_names() -> re.Pattern:
    """One pattern for every generic actor template in the lexicons, the {country} slot as a wildcard."""
    from ..extract.lexicons import load_lexicons

    templates = {actor.name for actor in load_lexicons().generic_actors}
    return re.compile("|".join(re.escape(t).replace(re.escape("{country}"), ".+") for t in sorted(templates)))


def distance_km(a: Place, b: Place) -> float | None:
    """Great-circle distance between two places, when both have coordinates."""
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return None
    lat1, lon1, lat2, lon2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(h))
