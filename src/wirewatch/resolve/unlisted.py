"""Towns the gazetteer lacks, where the text itself says which state or region they lie in.

GeoNames holds towns of 1,000 people or more; a report's village, township or hamlet is often smaller. Where
the text pairs such a town with its unit ("was shot in Smallville, Ohio", a dateline "SMALLVILLE, Ohio (AP) —",
"near Boni in the Mopti region"), the report still names the place: the event keeps the town's name as written,
in that unit, at the unit's point and at region precision (issue 4: only the region is known to the map).
Dropping to the dateline's town or to the bare state would place it at a town it did not happen in.
"""

from __future__ import annotations

import re
from collections import Counter

from ..gazetteer import REGION_WORDS, Entry, Gazetteer, fold
from ..models import GeoPrecision, Place, Span, TextField
from ..us_states import ABBREVIATION, state_key
from .name_parts import FREE_WORDS, a_person, part_of_a_name
from .town_roles import DATELINE_CHARS, another_role, places_the_incident

# One to three capitalised words, as a town is written ("Smallville", "Glen Rock", "Fort Ann").
_TOWN = r"[A-Z][a-z][\w'’-]*(?:[ \t](?:[A-Z][a-z][\w'’-]*|[A-Z][a-z]?\.))?(?:[ \t][A-Z][a-z][\w'’-]*)?"
# What puts a town as the incident's place: "in", "near", "outside", "at", "the village of".
_PLACING = r"\b(?:in|near|outside|at)[ \t]+(?:the[ \t]+)?(?:(?:town|village|city|borough|township|hamlet|" \
           r"community|settlement|locality)[ \t]+of[ \t]+)?"
_PLACED_BEFORE = re.compile(rf"{_PLACING}$")
# "in Smallville, " right before a state's name or abbreviation.
_BEFORE_UNIT = re.compile(rf"{_PLACING}({_TOWN}),[ \t]+$")
# "near Kolondara in the ", "in Kolondara, in ": an unlisted town right before a region's words.
_BEFORE_REGION = re.compile(rf"{_PLACING}({_TOWN}),?[ \t]+in[ \t]+(?:the[ \t]+)?$")
_REGION_WORD_END = re.compile(rf"[ \t]+{REGION_WORDS}$", re.IGNORECASE)
# A dateline's town, its state after it: "SMALLVILLE, Ohio (AP) —", "GLEN ROCK, Pa. —".
_DATELINE = re.compile(r"(?m)^[ \t]*([A-Z][A-Z'’-]+(?:[ \t][A-Z][A-Z'’-]+){0,2}),[ \t]+([A-Z][\w.]*(?:[ \t][A-Z][\w.]*)?)"
                       r"[ \t]*(?:\([^()\n]{1,30}\)[ \t]*)?(?:—|–|--|-)")
# "was shot in Smallville, Ohio": a town an incident is put in, and its state.
# ...where the state's name ends the phrase: "at Walmart, Texas officials said", "in Harmon, Ohio Highway Patrol
# troopers said" name an agency of the state, not the town's state. After an abbreviation's full stop a capital
# opens the next sentence ("in Smallville, Mo. Scott County deputies said").
_AGENCY_AFTER = r"(?![ \t]+(?:officials?|authorities|police|troopers|deputies|investigators|lawmakers|residents|state|" \
                r"officers?|agents?|prosecutors?)\b)"
_STATE_ENDS = r"(?![ \t]+(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b)[A-Z])" + _AGENCY_AFTER
# A US state written after a town: "Ohio", "New Mexico", "Pa.", "N.C.", "NC"; an abbreviation's full stop is read
# before a name's, so that a name may end a sentence ("in Smallville, Missouri.").
_STATE = rf"((?:New|North|South|West|Rhode)[ \t][A-Z][a-z]+{_STATE_ENDS}|" \
         rf"[A-Z][A-Za-z]{{0,4}}\.(?:\s?[A-Z][a-z]?\.)?{_AGENCY_AFTER}|[A-Z][a-z]+\b{_STATE_ENDS}|[A-Z]{{2}}\b{_STATE_ENDS})"
_PAIR = re.compile(rf"{_PLACING}({_TOWN}),[ \t]+{_STATE}")
_STATE_AFTER = re.compile(rf",[ \t]+{_STATE}")
# "Boni in the Mopti region", "Boni, in Mopti province": the unit after the town.
_REGION_AFTER = re.compile(rf",?[ \t]+in[ \t]+(?:the[ \t]+)?([A-Z][\w'’-]+(?:[ \t][A-Z][\w'’-]+)?)[ \t]+"
                           rf"{REGION_WORDS}\b")
# Last words that make the capitalised words a street, a building, a body or a county, not a town.
_NOT_A_TOWN = re.compile(r"(?:County|Parish|Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Boulevard|Blvd\.?|Drive|Dr\.?|Lane|"
                         r"Highway|Hwy\.?|Interstate|Route|Hospital|School|University|College|Center|Centre|Mall|"
                         r"Church|Police|Department|Office|Court|Jail|Prison|Airport|Station|Hotel|Motel|Bar|Club|"
                         r"Restaurant|Park|Apartments|Hall|Building|Company|Inc\.?|Area|Region|State|Tavern|Pub|"
                         r"Lounge|Grill|Cafe|Store|Market|Plaza|Elementary|Middle|High|Academy|Stadium|Arena|"
                         r"Theat(?:er|re)|Casino|Complex)$|['’]s\b")  # a possessive names a business ("Tony's Tavern")
_LEADING_FREE = re.compile(rf"{FREE_WORDS}\b")


def unlisted_town(field: TextField, text: str, place: Place | None, focus: Counter[str],
                  gazetteer: Gazetteer) -> Place | None:
    """The unlisted town a passage's place words name with its unit, in place of what the resolver made of
    them: the state's name read alone ("in Smallville, Ohio" read as Ohio), a town declined or taken in
    another unit than the one written after it ("Smallville, Ohio" read as Kansas's Smallville), a town
    declined before "in the X region", and a county or state in a report that tells the incident in an unlisted
    town of that state ("shot at a home in Smallville, Mo." beside "Scott County deputies"). None where the
    words pair no unlisted town with a unit."""
    start, end = field.span.start, field.span.end
    article_id = field.span.article_id
    if place is not None and place.precision == GeoPrecision.REGION and place.geonameid is None:
        # a passage that names only the county or the state, in a report that tells the incident in a town of
        # that state with its state ("in Smallville, Mo."), is placed in that town
        told = incident_town(article_id, text, gazetteer, len(text))
        if told is not None and told.admin1 == place.admin1 and told.iso == place.iso:
            return told
        if place.admin2:
            return None  # a county (county_place): the words name no town
    if place is not None and place.precision == GeoPrecision.REGION and place.geonameid is None and \
            fold(place.admin1 or "") == fold(_REGION_WORD_END.sub("", field.text)):
        return town_before_unit(article_id, text, start, end, gazetteer) or _town_before_region_words(
            article_id, text, start, place, gazetteer)
    qualified = _STATE_AFTER.match(text, end)
    unit = _us_unit(qualified.group(1), gazetteer) if qualified else None
    if unit is not None and (place is None or place.admin1 != gazetteer.admin1_names.get(unit.key)):
        if _PLACED_BEFORE.search(text[max(0, start - 40):start]):
            return _unlisted(article_id, text, start, end, unit, gazetteer)
        return None
    return town_before_region(article_id, text, start, end, focus, gazetteer) if place is None else None


def town_before_unit(article_id: str, text: str, start: int, end: int, gazetteer: Gazetteer) -> Place | None:
    """The unlisted town named right before the state at text[start:end] ("was shot in Smallville, Ohio"), or
    None where the words before it are no such town (a town the gazetteer knows is the resolver's)."""
    m = _BEFORE_UNIT.search(text, max(0, start - 60), start)
    unit = _us_unit(text[start:end], gazetteer)
    if m is None or unit is None:
        return None
    return _unlisted(article_id, text, m.start(1), m.end(1), unit, gazetteer)


def town_before_region(article_id: str, text: str, start: int, end: int, focus: Counter[str],
                       gazetteer: Gazetteer) -> Place | None:
    """The town at text[start:end], named as the place and put in a region right after it ("near Boni in the
    Mopti region"), where the gazetteer has no such town in that region; else None."""
    if not _PLACED_BEFORE.search(text[max(0, start - 40):start]):
        return None
    m = _REGION_AFTER.match(text, end)
    units = [e for e in gazetteer.entries(m.group(1)) if e.kind == "admin1"] if m else []
    units = [e for e in units if focus.get(e.country, 0) > 0] or units
    if len(units) != 1:
        return None  # no region, or one the text does not tell apart
    return _unlisted(article_id, text, start, end, units[0], gazetteer)


def _town_before_region_words(article_id: str, text: str, start: int, place: Place,
                              gazetteer: Gazetteer) -> Place | None:
    """The unlisted town before the region words at `start` ("near Kolondara in the Mopti region")."""
    m = _BEFORE_REGION.search(text, max(0, start - 80), start)
    unit = unit_entry(place, gazetteer)
    if m is None or unit is None:
        return None
    return _unlisted(article_id, text, m.start(1), m.end(1), unit, gazetteer)


def dateline_town(article_id: str, text: str, gazetteer: Gazetteer) -> Place | None:
    """The town of a dateline that writes its state ("SMALLVILLE, Ohio (AP) —"), where the gazetteer lacks it."""
    m = _DATELINE.search(text, 0, DATELINE_CHARS)
    unit = _us_unit(m.group(2), gazetteer) if m else None
    if unit is None:
        return None
    return _unlisted(article_id, text, m.start(1), m.end(1), unit, gazetteer, dateline=True)


def opening_town(article_id: str, text: str, gazetteer: Gazetteer, before: int) -> Place | None:
    """The first unlisted town that the text before `before` puts an incident in with its state ("was shot in
    Smallville, Ohio"); None where it names none."""
    for m in _PAIR.finditer(text, 0, before):
        unit = _us_unit(m.group(2), gazetteer)
        town = _unlisted(article_id, text, m.start(1), m.end(1), unit, gazetteer) if unit else None
        if town is not None:
            return town
    return None


def incident_town(article_id: str, text: str, gazetteer: Gazetteer, before: int) -> Place | None:
    """The first unlisted town that the text before `before` tells an incident in, with its state, in a sentence
    of the incident ("was found shot at a home in Smallville, Mo."): a town written with its state is no
    neighbourhood of the dateline's city, and it says where the shots were fired more closely than the outlet's
    base does. None where the text tells none."""
    for m in _PAIR.finditer(text, 0, before):
        if not places_the_incident(text, m.start(1), m.end(1)):
            continue
        unit = _us_unit(m.group(2), gazetteer)
        town = _unlisted(article_id, text, m.start(1), m.end(1), unit, gazetteer) if unit else None
        if town is not None:
            return town
    return None


def unit_entry(place: Place, gazetteer: Gazetteer) -> Entry | None:
    """The gazetteer's admin1 unit of a place (a Place carries the unit's name only)."""
    return next((e for e in gazetteer.entries(place.admin1 or "") if e.kind == "admin1"
                 and gazetteer.admin1_names.get(e.key) == place.admin1
                 and gazetteer.countries.get(e.country, {}).get("iso3") == place.iso), None)


def _us_unit(words: str, gazetteer: Gazetteer) -> Entry | None:
    """The US state named by its name or an AP or postal abbreviation ("Ohio", "Pa.", "NC")."""
    abbreviation = ABBREVIATION.fullmatch(words.strip())
    key = state_key(abbreviation.group(1)) if abbreviation else None
    # "Texas." ends a sentence: the abbreviation pattern took the name with its full stop
    name = gazetteer.admin1_names.get(key, "") if key else words.strip().rstrip(".")
    return next((e for e in gazetteer.entries(name) if e.kind == "admin1" and e.country == "US"
                 and (key is None or e.key == key)), None)


def _unlisted(article_id: str, text: str, start: int, end: int, unit: Entry, gazetteer: Gazetteer,
              dateline: bool = False) -> Place | None:
    """A Place for the town written at text[start:end] in this admin1 unit, at region precision and the
    unit's point, unless the words are no town (a street, a person, a county, a home town) or the gazetteer
    knows the name there or as a unit or country (then the resolver decides)."""
    # a dateline writes the town in capitals: the event keeps it as a town is written
    name = text[start:end].title() if dateline else text[start:end]
    if _NOT_A_TOWN.search(name) or _LEADING_FREE.match(name) or another_role(text, start, end):
        return None
    if any(e.kind != "city" or e.admin1 == unit.key for e in gazetteer.entries(name)) or fold(name) in gazetteer.stopwords:
        return None
    if not dateline and (part_of_a_name(text, start, end) or a_person(text, start, end, gazetteer)):
        return None
    country = gazetteer.countries.get(unit.country, {})
    return Place(name=name, precision=GeoPrecision.REGION, country=country.get("name"), iso=country.get("iso3"),
                 admin1=gazetteer.admin1_names.get(unit.key), latitude=unit.latitude, longitude=unit.longitude,
                 span=Span(article_id, start, end))
