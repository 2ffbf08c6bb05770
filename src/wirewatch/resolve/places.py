"""Toponym resolution: a place name in context -> one gazetteer entry with a precision code.

Context is the article's country focus (countries named, demonyms, towns whose country is certain), the
admin1 units it names, a qualifier after the name ("Henderson, Texas"), the "X region" phrasing, and
population as the prior among equals. Small towns are candidates only where the text supports them.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import replace

from ..gazetteer import NEAR_BEFORE, REGION_WORDS, Entry, Gazetteer, fold
from ..name_forms import name_forms
from ..models import GeoPrecision, Place, Span, TextField
from .abroad import named_outright
from .doers import a_doer_elsewhere, invading_peoples
from .guesses import ABROAD_TOWN, a_guess, a_unit_abroad, in_a_persons_name
# part_of_a_name and a_person are read from here by the resolver and the evaluators
from .name_parts import SURNAME_POPULATION, a_person, part_of_a_name
from .town_roles import DATELINE_CHARS as _DATELINE_CHARS
from .town_roles import DATELINE_RE as _DATELINE
from .town_roles import FORCE_AFTER as _FORCE_AFTER
from .town_roles import declared, from_dateline, places_the_incident, quoted_force, role_rank
from .unlisted import dateline_town, incident_town, opening_town

_REGION_SUFFIX = re.compile(rf"\s+{REGION_WORDS}$", re.IGNORECASE)
_PAIRED_REGION = re.compile(rf"\s*(?:,|and|, and)\s+[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?\s+{REGION_WORDS}s\b", re.IGNORECASE)
_REGION_AFTER = re.compile(rf"\s+{REGION_WORDS}s?\b", re.IGNORECASE)
# "the Kensington section of Philadelphia", "in the Austin neighborhood": a part of a town, not a town.
_QUARTER_AFTER = re.compile(r"[ \t]+(?:neighbou?rhood|section|community|subdivision|housing complex)s?\b")
# "Caldwell County", "Orleans Parish": a US county, not the town that shares its first word.
_COUNTY_AFTER = re.compile(r"[ \t]+(?:County|Parish|COUNTY|PARISH)\b")
# "Stokes County", "STOKES COUNTY" (a dateline): the words of a county's name before the word.
_COUNTY_WORDS = re.compile(r"\b((?:[A-Z][\w'’.-]*[ \t]){1,3})(?=County\b|Parish\b|COUNTY\b|PARISH\b)")
_LEAD_CHARS = 600  # the opening in which a report names the town of its incident
_FOCUS_WEIGHT = 3.0  # one doubling of mentions of a country is worth ~8x population
_ADMIN1_WEIGHT = 5.5  # a town in an admin1 the article names is worth ~250x population
_ADMIN2_WEIGHT = 5.5  # and one in a county it names as much again
# One vote of the text's other place names for a town's admin1 (see Gazetteer.state_votes) is worth ~4x
# population: Springfield beside Peoria is Illinois's, though Missouri's has more people.
_VOTE_WEIGHT = 2.0
# Votes that make an admin1 unit the article's home: a namesake there outranks a place abroad that nothing
# else in the text points at ("Paris" in a report that also names Tyler and Longview is Paris, Texas).
_HOME_VOTES = 1.0
# Votes below which a town's unit has no support of its own: a name shared by four or more units gives less.
_STRAY_VOTES = 0.34
# A report with no town is placed in the unit its names vote for when it has this many times the next one's votes.
_HOME_LEAD = 1.5
# A town known by a name only as an alias keeps it beside an own-named town of its country this many times smaller.
_ALIAS_RATIO = 10
# "the Beni area", "in the Goma areas": the country around a town.
_AREA_AFTER = re.compile(r"[ \t]+areas?\b")


def resolve_place(field: TextField, text: str, focus: Counter[str], gazetteer: Gazetteer) -> Place | None:
    """The entry a place name refers to, or None when the gazetteer has no such name."""
    name = _REGION_SUFFIX.sub("", field.text)
    # "the Kursk and Bryansk regions": the first name's region word comes after the second name.
    after = text[field.span.end:field.span.end + 60]
    wants_region = name != field.text or bool(_PAIRED_REGION.match(after) or _REGION_AFTER.match(after))
    if not wants_region and fold(name) in gazetteer.demonyms:
        return None  # "Somali forces": the people, not Ethiopia's Somali Region
    if not wants_region and a_doer_elsewhere(name, text, field.span.end, gazetteer):
        return None
    named = gazetteer.admin1_in(text)
    start, end = field.span.start, field.span.end
    votes = gazetteer.state_votes(text, name)
    # a small town is also backed where the text's other place names vote for its unit
    entries = [e for e in gazetteer.entries(name) if gazetteer.supported(e, text, start, end, named, focus)
               or e.kind == "city" and votes.get(e.admin1, 0) >= _HOME_VOTES]
    entries = _own_names_first(entries, name)
    admin1s, countries = gazetteer.qualifier(text, end)
    # "Henderson, Texas": the qualifier decides among the towns it fits, whatever their size
    entries = [e for e in entries if e.admin1 in admin1s or (e.kind != "country" and e.country in countries)] \
        or entries
    # a town whose police the text quotes, or its dateline's, is a town outright however few names vote for it
    if not declared(text, name):
        entries = _without_strays(entries, votes)
    if wants_region:
        # "Beni territory" in a report on Congo: the unit named after a Congolese town, not Bolivia's Beni;
        # but invaders' country is not the ground ("Russian invaders shelled Donetsk region")
        invaders = invading_peoples(text, gazetteer)
        entries = [e for e in entries if focus.get(e.country, 0) > 0 and e.country not in invaders] or entries
    if not entries:
        return None
    counties = gazetteer.counties_in(text)
    entry = max(entries, key=lambda e: _score(e, wants_region, focus, named, counties, gazetteer.admin1_population,
                                              votes))
    home = None if wants_region else _home_namesake(entry, entries, name, text, votes, gazetteer)
    if home is not None:
        return to_place(home, _town_precision(field, text), gazetteer, field.span)
    if entry.kind == "country":
        entry = _unit_over_country(entry, entries, name, text, gazetteer)
    if entry.kind == "city":
        entry = _unit_over_town(entry, entries, focus, gazetteer, text, end)
    if entry.kind == "city":
        entry = _state_over_namesake(entry, entries, named)
    if entry.kind == "city" and votes.get(entry.admin1, 0) < _HOME_VOTES and (a_guess(
            entry, name, text, end, gazetteer, counties) or in_a_persons_name(entry, name, text, start, end,
                                                                            gazetteer)):
        return None  # unknown here: the caller falls back to the article's town or country
    if entry.kind == "admin1" and a_unit_abroad(entry, name, text, end, gazetteer, wants_region):
        return None
    if entry.kind == "city" and focus and not focus.get(entry.country) and fold(entry.name) != fold(name):
        # Known here only by another of its names, in a country the article never mentions: "near Boni" in a
        # report on Mali is a village the gazetteer lacks, not Bonn (which some languages call Boni).
        return None
    precision = {"city": _town_precision(field, text), "admin1": GeoPrecision.REGION,
                 "country": GeoPrecision.COUNTRY}[entry.kind]
    return to_place(entry, precision, gazetteer, field.span)


def _town_precision(field: TextField, text: str) -> GeoPrecision:
    """EXACT for a town named as the place, NEAR for one named as a reference point ("near Tulsa", "the
    Tulsa area")."""
    before = text[max(0, field.span.start - 60):field.span.start]
    near = NEAR_BEFORE.search(before) or _AREA_AFTER.match(text, field.span.end)  # "in the Beni area"
    return GeoPrecision.NEAR if near else GeoPrecision.EXACT


def _without_strays(entries: list[Entry], votes: Counter[str]) -> list[Entry]:
    """The entries less the towns below city size in a unit that none of the text's other place names votes
    for, where another unit of their country has the votes of a home: in a report whose other names all lie in
    South Carolina, a lone "Jackson" or "Marion" is not Mississippi's or Ohio's town but a person, a street or
    a namesake the gazetteer lacks. A town of 30,000 or more takes twice the votes elsewhere."""
    home: Counter[str] = Counter()
    for unit, weight in votes.items():
        country = unit.split(".")[0]
        home[country] = max(home[country], weight)

    def stray(e: Entry) -> bool:
        needed = _HOME_VOTES if e.population < ABROAD_TOWN else 2 * _HOME_VOTES
        return home[e.country] >= needed and votes.get(e.admin1, 0) < _STRAY_VOTES

    return [e for e in entries if e.kind != "city" or e.population >= SURNAME_POPULATION or not stray(e)]


def _own_names_first(entries: list[Entry], name: str) -> list[Entry]:
    """The entries less the towns that bear the name only as another of their names where a town of their country
    bears it as its own and they are not ten times its size: GeoNames lists odd aliases ("York" for a Georgia city
    larger than York, Pennsylvania), but "New York" is still the city beside a village of that name."""
    forms = set(name_forms(fold(name)))

    def own(e: Entry) -> bool:
        return fold(e.name) in forms or fold(name) in name_forms(fold(e.name))

    largest = {}
    for e in entries:
        if e.kind == "city" and own(e):
            largest[e.country] = max(largest.get(e.country, 0), e.population)
    return [e for e in entries if e.kind != "city" or own(e) or e.country not in largest
            or e.population >= _ALIAS_RATIO * max(largest[e.country], 1)]


def _home_namesake(entry: Entry, entries: list[Entry], name: str, text: str, votes: Counter[str],
                   gazetteer: Gazetteer) -> Entry | None:
    """A namesake town in the article's home unit, in place of a place abroad that no other word of the text
    points at: a local report's "Paris", "Lebanon" or "Cairo" is the town next to the others it names."""
    home = [e for e in entries if e.kind == "city" and e.country != entry.country
            and votes.get(e.admin1, 0) >= _HOME_VOTES]
    if not home or gazetteer.context_without(text, name)[0].get(entry.country, 0) > 0:
        return None
    return max(home, key=lambda e: (votes[e.admin1], e.population))


def _unit_over_town(town: Entry, entries: list[Entry], focus: Counter[str], gazetteer: Gazetteer, text: str = "",
                    end: int = 0) -> Entry:
    """The town, or another country's admin1 unit of the name that outweighs it, its people counted as its
    towns' ("Acre": a Brazilian state of 800,000, not the Israeli town of 50,000). A town still outranks
    its own country's unit ("Kharkiv"), as _score orders them."""
    def weight(e: Entry) -> float:
        people = e.population if e.kind == "city" else gazetteer.admin1_population.get(e.key, 0)
        return math.log1p(people) + _FOCUS_WEIGHT * math.log1p(focus.get(e.country, 0))

    if _AREA_AFTER.match(text, end):
        return town  # "the Beni area": the country around a town, not a unit of that name abroad
    units = [e for e in entries if e.kind == "admin1" and e.country != town.country]
    unit = max(units, key=weight, default=None)
    return unit if unit is not None and weight(unit) > weight(town) else town


def _unit_over_country(country: Entry, entries: list[Entry], name: str, text: str, gazetteer: Gazetteer) -> Entry:
    """The country, or an admin1 unit of its name in another country where the text's other words point at
    that country and never at this one: "Madison County, Georgia" in a report on American towns is the US
    state, not the Caucasian republic."""
    others = gazetteer.context_without(text, name)[0]
    if others.get(country.country, 0) > 0:
        return country
    units = [e for e in entries if e.kind == "admin1" and e.country != country.country and others.get(e.country, 0) > 0]
    return max(units, key=lambda e: others[e.country], default=country)


def _state_over_namesake(town: Entry, entries: list[Entry], named: frozenset[str]) -> Entry:
    """The town, or its own country's admin1 unit of the name when the town lies in another unit and is no
    city ("Indiana State Police": the state, not Indiana, Pa.), unless the text names the town's unit."""
    if town.population >= SURNAME_POPULATION or town.admin1 in named:
        return town
    return next((e for e in entries if e.kind == "admin1" and e.country == town.country and e.key != town.admin1),
                town)


def county_place(field: TextField, text: str, focus: Counter[str], gazetteer: Gazetteer) -> Place | None:
    """The county a name names ("Caldwell County", or "Caldwell" before "County"), at region precision and
    at its largest town's point; None when the words name no county the gazetteer knows."""
    m = _COUNTY_AFTER.match(text, field.span.end)
    county = f"{field.text} {m.group(0).strip()}" if m else field.text
    seats = gazetteer.county_towns(county) if re.search(r"(?i)\b(?:County|Parish)$", county) else []
    if not seats:
        return None
    # the county's first words as a town of their own name no state ("DeKalb" of "DeKalb County" is Illinois's)
    named = gazetteer.context_without(text, re.sub(r"(?i) (?:county|parish)$", "", county))[1]
    votes, towns = gazetteer.state_votes(text, field.text), gazetteer.counties_of_towns(text, field.text)
    # the state the text names, else one where it names a town of that county ("in Lithonia, DeKalb County police
    # said"), else the one its other place names vote for ("Jefferson County" beside Bessemer)
    seat = max(seats, key=lambda e: (e.admin1 in named, (e.admin1, fold(e.admin2 or "")) in towns,
                                     votes.get(e.admin1, 0), focus.get(e.country, 0), e.population))
    span = Span(field.span.article_id, field.span.start, field.span.start + len(county))
    return replace(to_place(seat, GeoPrecision.REGION, gazetteer, span), name=seat.admin2, geonameid=None)


def quarter_of_a_town(text: str, end: int) -> bool:
    """True for a name followed by "neighborhood" or "section": a part of a town, as local news uses it."""
    return bool(_QUARTER_AFTER.match(text, end))


def lead_place(article_id: str, text: str, focus: Counter[str], gazetteer: Gazetteer) -> Place | None:
    """Where a report with no place words in its passage most likely happened: the first town whose police
    or sheriff the report quotes ("Detroit Police said"), else its dateline's town (one the gazetteer lacks
    included, where the dateline writes its state: unlisted.dateline_town), else the first town the opening
    names in its main country (before it, an unlisted town it puts an incident in with its state), not inside a longer name nor a person's; where the opening names
    none, the first such town further on (a report that opens on its victims names its town later); where
    it names no such town at all, the county its opening names, else the admin1 unit its place names vote for
    as a home, both at region precision; else, where the main country rests on place names alone (no country or
    people named outright, abroad.named_outright), the first town the opening names, of whatever country.

    The place keeps no span, as it was not read from the passage; the caller notes the words."""
    main = focus.most_common(1)[0][0] if focus else None
    # the whole text, as country_focus spotted it already (cached)
    hits = [h for h in gazetteer.names_in(text)
            if any(e.kind == "city" and e.country in (main or e.country) for e in h.entries)]
    # a force quoted further on still names the incident's jurisdiction: a report that opens on its victim quotes
    # "Trotwood police" in its fifth paragraph, after the towns of the victim's life and the outlet's dateline (a
    # neighbouring force that only "helped block off the street" names none)
    opening = [h for h in hits if h.start < _LEAD_CHARS or quoted_force(text, h.start, h.end)]
    first = _first_town(article_id, text, opening, main, focus, gazetteer)
    # a town the gazetteer lacks that the opening tells the incident in with its state ("was found shot at a home
    # in Smallville, Mo.") outranks the towns the report names otherwise (its police's, its dateline's), unless
    # the first of those is told as the incident's itself (anywhere in the opening: "SPRINGFIELD — ... shot in Springfield")
    told = None if first is not None and any(places_the_incident(text, m.start(), m.end()) for m in re.finditer(
        re.escape(first.name), text[:_LEAD_CHARS])) else incident_town(article_id, text, gazetteer, _LEAD_CHARS)
    if told is not None:
        return replace(told, span=None)
    if first is None or not _FORCE_AFTER.match(text, first.span.end):
        # a town the gazetteer lacks, its state written after it: the dateline's outranks the opening's
        # other towns; one the opening puts an incident in ("was shot in Smallville, Ohio") those after it
        unlisted = dateline_town(article_id, text, gazetteer) or (
            None if from_dateline(text, first) else opening_town(
                article_id, text, gazetteer, _LEAD_CHARS if first is None else first.span.start))
        if unlisted is not None:
            return replace(unlisted, span=None)
    return first or _first_town(
        article_id, text, [h for h in hits if h.start >= _LEAD_CHARS], main, focus, gazetteer) or _tied_town(
        article_id, text, main, focus, gazetteer) or _lead_county(
        article_id, text, main, focus, gazetteer) or _home_unit(article_id, text, main, gazetteer) or (
        None if main is None or named_outright(main, gazetteer.names_in(text)) else _first_town(
            article_id, text, [h for h in gazetteer.names_in(text) if h.start < _LEAD_CHARS], None, focus, gazetteer))


def _tied_town(article_id: str, text: str, main: str | None, focus: Counter[str], gazetteer: Gazetteer) -> Place | None:
    """The first town of a country that the text points at as often as at its main one, where the main one holds
    none: a tie does not say which country a report is in ("Seattle" beside a namesake abroad)."""
    for other in (c for c, n in focus.most_common() if main and c != main and n == focus[main]):
        hits = [h for h in gazetteer.names_in(text) if any(e.kind == "city" and e.country == other for e in h.entries)]
        place = _first_town(article_id, text, hits, other, focus, gazetteer)
        if place is not None:
            return place
    return None


def headline_place(article_id: str, title: str | None, text: str, focus: Counter[str],
                   gazetteer: Gazetteer) -> Place | None:
    """The town a report's headline names, for a report whose body names none the resolver can place ("Man
    shot dead outside Dayton bar" over a body that speaks only of "the city"): the headline's first town of the
    article's main country, read with the body as its context (its state, its county, its other names). It
    keeps no span: the headline is not the text the spans point into."""
    if not title:
        return None
    main = focus.most_common(1)[0][0] if focus else None
    both = f"{title}\n\n{text}"  # the body's names back the headline's, as they back each other
    for hit in gazetteer.spot(title, context=text):
        if part_of_a_name(title, hit.start, hit.end) or a_person(both, hit.start, hit.end, gazetteer):
            continue
        place = resolve_place(TextField(hit.text, Span(article_id, hit.start, hit.end)), both, focus, gazetteer)
        if place is not None and place.precision <= GeoPrecision.NEAR and place.iso in (
                _iso3(main, gazetteer) or place.iso,):
            return replace(place, span=None)
    return None


def _lead_county(article_id: str, text: str, main: str | None, focus: Counter[str],
                 gazetteer: Gazetteer) -> Place | None:
    """The county that the opening of a report naming no town names ("STOKES COUNTY, N.C. --", "a home in
    rural Accomack County"), at region precision (county_place), where the text tells which state's county it
    is: the only county of the name, or one in a state the text names or its place names vote for, or where it
    names a town of that county ("the Lucas County prosecutor" beside a small town of Lucas County, Ohio)."""
    named = gazetteer.admin1_in(text)
    for m in _COUNTY_WORDS.finditer(text, 0, _LEAD_CHARS):
        field = TextField(m.group(1).strip(), Span(article_id, m.start(1), m.start(1) + len(m.group(1).strip())))
        place = county_place(field, text, focus, gazetteer)
        if place is None or place.iso != (_iso3(main, gazetteer) or place.iso):
            continue
        units = gazetteer.admin2_units.get(place.admin2.lower(), set()) if place.admin2 else set()
        unit = next((u for u in units if gazetteer.admin1_names.get(u) == place.admin1), None)
        if len(units) == 1 or unit in named or gazetteer.state_votes(text, field.text).get(unit, 0) >= _HOME_VOTES \
                or (unit, fold(place.admin2)) in gazetteer.counties_of_towns(text, field.text):
            return place
    return None


def _home_unit(article_id: str, text: str, main: str | None, gazetteer: Gazetteer) -> Place | None:
    """The admin1 unit of the main country that the text's place names vote for as a home, half as much
    again as for any other, at region precision: where a report names no town the gazetteer backs ("Richland
    County deputies" and "South Carolina", its only town a stray); its span is the first name voting for it."""
    votes = gazetteer.state_votes(text, "")
    units = sorted(((w, u) for u, w in votes.items() if u.split(".")[0] == main), reverse=True)
    if not units or units[0][0] < _HOME_VOTES or len(units) > 1 and units[0][0] < _HOME_LEAD * units[1][0]:
        return None
    unit = units[0][1]
    hit = next((h for h in gazetteer.names_in(text) if any(
        (e.key if e.kind == "admin1" else e.admin1) == unit for e in h.entries)), None)
    entry = next((e for e in gazetteer.entries(gazetteer.admin1_names.get(unit, "")) if e.key == unit), None)
    if hit is None or entry is None or not gazetteer.state_votes(text, hit.text)[unit]:
        return None  # one name alone is no home: "Baar" in a note on Somalia is not Zug
    return to_place(entry, GeoPrecision.REGION, gazetteer, Span(article_id, hit.start, hit.end))


def _first_town(article_id: str, text: str, hits: list, main: str | None, focus: Counter[str],
                gazetteer: Gazetteer) -> Place | None:
    """The town of lead_place among these hits: the dateline's, a quoted police force's, else the first,
    a person's home town or a hospital's last (town_roles.role_rank)."""
    dateline = _DATELINE.search(text[:_DATELINE_CHARS])
    at = dateline.start(1) if dateline else -1
    forces = {h.start for h in hits if _FORCE_AFTER.match(text, h.end)}
    ranks = {h.start: role_rank(text, h.start, h.end, at, h.start in forces) for h in hits}
    for hit in sorted(hits, key=lambda h: (ranks[h.start], h.start)):
        if _COUNTY_AFTER.match(text, hit.end) or hit.start != at and hit.start not in forces and (
                part_of_a_name(text, hit.start, hit.end) or a_person(text, hit.start, hit.end, gazetteer)):
            continue
        place = resolve_place(TextField(hit.text, Span(article_id, hit.start, hit.end)), text, focus, gazetteer)
        if place is not None and place.precision <= GeoPrecision.NEAR and place.iso in (_iso3(main, gazetteer)
                                                                                         or place.iso,):
            return place
    return None


def _iso3(iso2: str | None, gazetteer: Gazetteer) -> str | None:
    return gazetteer.countries.get(iso2, {}).get("iso3") if iso2 else None


def _score(entry: Entry, wants_region: bool, focus: Counter[str], named: frozenset[str],
           counties: frozenset[str] = frozenset(), units: Counter[str] | None = None,
           votes: Counter[str] | None = None) -> tuple[float, ...]:
    """Order candidates: the asked-for level, then size weighed with the article's countries, admin1s and
    the units its other place names vote for; an admin1 unit's size is its towns' people, where `units` gives
    them ("Plateau": Nigeria's, not Benin's).

    The country focus is a prior, not a rule: a capital of 1.5 million named in an article that mostly
    talks about another country is still the capital, not a village of the same name."""
    people = units.get(entry.key, 0) if units is not None and entry.kind == "admin1" else entry.population
    prior = math.log1p(people) + _FOCUS_WEIGHT * math.log1p(focus.get(entry.country, 0))
    if entry.kind == "city" and entry.admin1 in named:
        prior += _ADMIN1_WEIGHT
    if entry.kind == "city" and entry.admin2 and entry.admin2.lower() in counties:
        prior += _ADMIN2_WEIGHT  # "Fayette County deputies" and Elgin: the Elgin in Fayette County, Iowa
    if entry.kind == "city" and votes and entry.admin1 not in named:
        # a unit the text names outright needs no votes; counted there, they would tip a report of two
        # incidents in two named units towards the unit with more towns named
        prior += _VOTE_WEIGHT * math.log1p(votes.get(entry.admin1, 0))
    if wants_region:
        return entry.kind == "admin1", prior
    # A country outranks a town of the same name ("Mali"); a town outranks its own region ("Kharkiv").
    return entry.kind != "admin1", prior


def country_place(focus: Counter[str], gazetteer: Gazetteer) -> Place | None:
    """The article's main country, at country precision, for mentions with no place words."""
    if not focus:
        return None
    entry = gazetteer.country(focus.most_common(1)[0][0])
    return to_place(entry, GeoPrecision.COUNTRY, gazetteer, None) if entry else None


def to_place(entry: Entry, precision: GeoPrecision, gazetteer: Gazetteer, span: Span | None) -> Place:
    """A Place record for a gazetteer entry."""
    country = gazetteer.countries.get(entry.country, {})
    return Place(
        name=entry.name, precision=precision, country=country.get("name"), iso=country.get("iso3"),
        admin1=gazetteer.admin1_names.get(entry.admin1) if entry.admin1 else None, admin2=entry.admin2,
        latitude=entry.latitude, longitude=entry.longitude,
        geonameid=int(entry.key) if entry.kind == "city" else None, span=span,
    )
