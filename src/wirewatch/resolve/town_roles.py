"""Which of a local report's towns is the incident's: the role each mention of a town plays.

A report names several towns: the one where the incident happened ("was shot in Trotwood", "in the 1200
block of Elm Street in Xenia"), the outlet's dateline, a police force's, and towns that only describe a person
or a later step (the victim's home town, "a Dayton man"; the hospital's, "taken to a Dayton hospital").
The lead town (places.lead_place) takes a police force's first, then the dateline's, then the first other
town, and a home town or a hospital's last. A passage's own town stands against the lead town only where
the passage tells of the incident "in" it (the_lead_town_instead).
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import TYPE_CHECKING

from ..extract.sentences import sentence_of

if TYPE_CHECKING:
    from ..gazetteer import Gazetteer
    from ..models import Place

# An incident word in a sentence that puts it "in" a town: a shooting, and the other events a report tells of
# (a protest, a clash, a strike, an abduction), so that a town named where any of them happened keeps its place.
_INCIDENT = re.compile(r"(?i)\b(?:shot|shoots?|shooting|shootings|gunfire|gunshots?|gunman|opened fire|fired|"
                       r"killed|wounded|injured|slain|stabbed|homicide|murder(?:ed)?|robbed|robbery|died|dead|"
                       r"attack(?:ed|s)?|clash(?:ed|es)?|fighting|battle|bomb(?:ed|ing|s)?|explosion|exploded|"
                       r"shell(?:ed|ing)|(?:air)?strikes?|raid(?:ed)?|ambush(?:ed)?|abduct(?:ed|ion)|kidnapp(?:ed|ing)|"
                       r"protest(?:ed|ers|s)?|demonstrat(?:ed|ion|ions|ors)|rall(?:y|ied)|riot(?:s|ed)?|"
                       r"march(?:ed)?|arrested|looted|burn(?:ed|t))\b")
# A place that qualifies a police force or a sheriff names the town whose incident the report tells of.
FORCE_AFTER = re.compile(r"[ \t]+(?:City[ \t]+|Township[ \t]+|Metro(?:politan)?[ \t]+)?"
                         r"(?:[Pp]olice|[Ss]heriff|[Ff]ire [Dd]epartment)\b")
# A neighbouring force that only lent a hand ("Huber Heights police helped block off the street") names no
# jurisdiction of the incident's.
_HELPED_AFTER = re.compile(r"[ \t]+(?:also[ \t]+|were[ \t]+|had[ \t]+)?(?:helped|assisted(?![ \t]+by)|assisting|helping|"
                           r"backed up|called in to help|lent a hand|also responded)\b")


def quoted_force(text: str, start: int, end: int) -> bool:
    """Whether the town at text[start:end] names a police force or sheriff, other than one that only helped."""
    force = FORCE_AFTER.match(text, end)
    return bool(force and not _HELPED_AFTER.match(text, force.end()))


# A dateline: "FRANKLIN, La. (KLFY) –", "TAUNTON (CBS) —", "BARRE —" at the start of a line.
DATELINE_RE = re.compile(r"(?m)^[ \t]*([A-Z][A-Z.'’ -]*[A-Z])(?:,[ \t]+[A-Z][\w.]*(?:[ \t][A-Z][\w.]*)?)?[ \t]*"
                         r"(?:\([^()\n]{1,30}\)[ \t]*)?(?:—|–|--|-|:)")
DATELINE_CHARS = 400
# "was shot in X", "at a home in X", "in the 1200 block of Elm Street in X", "in the city of X".
_IN_BEFORE = re.compile(r"\bin[ \t]+(?:the[ \t]+)?(?:(?:city|town|village|borough|township)[ \t]+of[ \t]+)?$")
# "attacked the village of X", "an attack on the village of X": a village an attack is told against is its place
# as plainly as one it is told "in" (a dispatch from the state capital about the countryside).
# A bare "on" counts only after an attack word: "a documentary on the village of X" tells of no attack there.
_STRUCK_BEFORE = re.compile(r"\b(?:attack(?:ed|s)?|stormed|raided|overran|struck|"
                            r"(?:attacks?|raids?|assaults?|strikes?|fire|firing)[ \t]+on)[ \t]+the[ \t]+(?:village|hamlet)"
                            r"[ \t]+of[ \t]+$")
# "a Dayton man", "an Elyria teen", "a 24-year-old Akron woman": a person's home town.
_PERSON_AFTER = re.compile(r"[ \t]+(?:man|woman|men|women|teen|teens|teenager|teenagers|boy|girl|youth|resident|"
                           r"residents|native|couple|family|mother|father|son|daughter|student|rapper|officer)\b")
# "John Smith, 24, of Dayton", "a man from Dayton": where a person lives, not where shots were fired.
_HOME_BEFORE = re.compile(r"(?:\d+,[ \t]+|\b(?:man|woman|teen|boy|girl|resident|residents)[ \t]+)(?:of|from)[ \t]+$"
                          r"|\bresidents?[ \t]+of[ \t]+$|\bnative[ \t]+of[ \t]+$")
# "taken to a Dayton hospital", "a hospital in Dayton", "Dayton's Miami Valley Hospital".
_HOSPITAL_BEFORE = re.compile(r"(?i)\b(?:hospital|medical center|trauma center)[ \t]+in[ \t]+$")
_HOSPITAL_AFTER = re.compile(r"(?i)(?:['’]s)?[ \t]+(?:[A-Z][\w'’]*[ \t]+){0,3}(?:hospital|medical center|"
                             r"trauma center)\b")
# "a Warner Robins nightclub", "an Akron apartment": a town as an attribute of the scene, not its place.
_AN_ATTRIBUTE = re.compile(r"\b[Aa]n?[ \t]+$")
_NOUN_AFTER = re.compile(r"[ \t]+[a-z]")

# Ranks of a town's mention for the lead town, lowest first. A quoted police force's town comes before the
# dateline's: the dateline is the outlet's base, the force the incident's jurisdiction ("DAYTON — ... Trotwood
# police said"; on the GVA set it chose the right town more often than the dateline). A town told "in" an
# incident sentence is not ranked before either: on local reports that put the neighbourhood or street's
# locality there, it chose the wrong town more often than the right one.
POLICE, DATELINE, PLAIN, ANOTHER_ROLE = range(4)
# A city's quarter lies within this many km of the city's point and has at most 1/_QUARTER_RATIO of its people:
# Chicago's listed neighbourhoods lie 5-15 km from its point, with 1-4% of its people; a suburb that is a town of
# its own is mostly farther or larger (SeaTac beside Seattle, East Cleveland beside Cleveland).
_QUARTER_KM = 15.0
_QUARTER_RATIO = 30


def another_role(text: str, start: int, end: int) -> bool:
    """True for a town named for a person's home or a hospital, not for where the incident happened."""
    before = text[max(0, start - 40):start]
    if _HOSPITAL_BEFORE.search(before) or _HOSPITAL_AFTER.match(text, end):
        return True
    a_person = re.search(r"\b(?:[Aa]n?|[Tt]wo|[Tt]hree|[Tt]he)[ \t]+(?:\d+-year-old[ \t]+)?$", before)
    return bool(a_person and _PERSON_AFTER.match(text, end) or _HOME_BEFORE.search(before))


def places_the_incident(text: str, start: int, end: int) -> bool:
    """Whether a passage's town is named as where the incident happened: "in X" in a sentence that tells of
    it ("Two men were shot in X on Friday"), or a village an attack is told against ("stormed the village of
    X"). A town named otherwise ("an Elm Grove nightclub", "X and Y", "near X", "a X man") is weaker evidence
    than the town the report leads with, where the two differ."""
    before = text[max(0, start - 40):start]
    if not (_IN_BEFORE.search(before) or _STRUCK_BEFORE.search(before)) or another_role(text, start, end):
        return False
    sentence = sentence_of(text, start)
    return bool(_INCIDENT.search(text, sentence.start, sentence.end))


def the_lead_town_instead(text: str, start: int, end: int, place: Place, town: Place, gazetteer: Gazetteer) -> bool:
    """Whether the report's lead town, not the town its passage names, is where the incident happened: both
    lie in one country and the passage's town is either named for another role or as an attribute ("a Dayton
    man", "a hospital in Xenia", "an Elm Grove nightclub") or is a namesake in another admin1 unit than the
    lead town's that nothing else in the text points at, where the country has towns of the name in several
    units (a neighbourhood of the lead town that shares its name with a town elsewhere)."""
    if place.iso != town.iso or place.geonameid == town.geonameid:
        return False
    if another_role(text, start, end) or _AN_ATTRIBUTE.search(text[max(0, start - 4):start]) and \
            _NOUN_AFTER.match(text, end):
        return True
    if place.admin1 == town.admin1:
        # two towns of one unit: where the report declares its town (its dateline, its police), the passage's
        # town stands only where it is told as the incident's ("shot in X") and is not one of its quarters; a
        # quarter with police of its own is a town of its own (an enclave: Beech Grove in Indianapolis)
        return declared(text, town.name) and (a_quarter_of(place, town, gazetteer) and not declared(
            text, place.name) or not places_the_incident(text, start, end))
    if not _a_namesake(text, start, end, place, gazetteer):
        return False
    keys = _unit_keys(gazetteer).get(place.admin1, ())
    votes = gazetteer.state_votes(text, text[start:end])
    named = gazetteer.admin1_in(text) | gazetteer.qualifier(text, end)[0]
    return not any(votes.get(key, 0) > 0 or key in named for key in keys)


def a_quarter_of(place: Place, town: Place, gazetteer: Gazetteer) -> bool:
    """Whether a place is a quarter of a city rather than a town of its own: GeoNames lists a large city's
    neighbourhoods as populated places ("Englewood" and "Logan Square" in Chicago, "Germantown" in Philadelphia),
    and a report datelined in the city names them as where the shots were fired. Such a place lies within a few
    kilometres of the city's point and has a small share of its people."""
    small, big = _entry(place, gazetteer), _entry(town, gazetteer)
    if small is None or big is None or big.population < _QUARTER_RATIO * max(small.population, 1):
        return False
    return km(small.latitude, small.longitude, big.latitude, big.longitude) <= _QUARTER_KM


def _entry(place: Place, gazetteer: Gazetteer):
    """The gazetteer's town record of a place, or None for a unit or a country."""
    if place.geonameid is None:
        return None
    return next((e for e in gazetteer.entries(place.name) if e.key == str(place.geonameid)), None)


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine), enough to tell a quarter from a town."""
    la1, lo1, la2, lo2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def declared(text: str, name: str) -> bool:
    """Whether the report declares a town its own: its dateline, or its police or sheriff quoted."""
    dateline = DATELINE_RE.search(text[:DATELINE_CHARS])
    if dateline and dateline.group(1).casefold() == name.casefold():
        return True
    return any(FORCE_AFTER.match(text, m.end()) for m in re.finditer(re.escape(name), text))


def _a_namesake(text: str, start: int, end: int, place: Place, gazetteer: Gazetteer) -> bool:
    """Whether the place's country has towns of its name in more than one admin1 unit."""
    towns = [e for e in gazetteer.entries(text[start:end]) if e.kind == "city"]
    country = next((e.country for e in towns if e.key == str(place.geonameid)), None)
    return len({e.admin1 for e in towns if e.country == country}) > 1


@lru_cache(maxsize=2)
def _unit_keys(gazetteer: Gazetteer) -> dict[str, tuple[str, ...]]:
    """An admin1 unit's name -> the keys of the units of that name (a Place carries the name only)."""
    keys: dict[str, tuple[str, ...]] = {}
    for key, name in gazetteer.admin1_names.items():
        keys[name] = keys.get(name, ()) + (key,)
    return keys


def role_rank(text: str, start: int, end: int, dateline_at: int, police: bool) -> int:
    """How much a town's mention is trusted as the incident's town (see the module docstring)."""
    if police:
        return POLICE
    if start == dateline_at:
        return DATELINE
    return ANOTHER_ROLE if another_role(text, start, end) else PLAIN


def from_dateline(text: str, place: Place | None) -> bool:
    """Whether a lead town was read from the report's dateline (its span is the dateline's town)."""
    dateline = DATELINE_RE.search(text[:DATELINE_CHARS])
    return place is not None and place.span is not None and dateline is not None and \
        place.span.start == dateline.start(1)
