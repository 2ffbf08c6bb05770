"""Whether reading a place name as a given town or unit would be a guess the text does not back: a small
town abroad that nothing else points at, a town inside a person's name, a unit abroad named after a town. The
resolver then leaves the name unplaced rather than put it in the wrong country.
"""

from __future__ import annotations

import re

from ..gazetteer import REGION_WORDS, Entry, Gazetteer, fold
from .abroad import WORLD_CITY, elsewhere
from .doers import doer_peoples, invading_peoples
from .name_parts import FREE_WORDS

# A town in none of the countries an article points at, and with no words of its own admin1 or county, is
# taken only from this size up: smaller namesakes abroad are mostly another place the gazetteer lacks.
ABROAD_TOWN = 30_000
# With no context at all, a town is a guess when another country's namesake has a third of its people or more.
_RIVAL_RATIO = 3
# A capitalised word that is no place and no place-name part: "Ahmad" and "Haj" around "Kamal".
_NAME_WORD = re.compile(rf"(?!{FREE_WORDS}\b)(?!(?i:{REGION_WORDS})s?\b)[A-Z][a-z'’]+$")


def a_guess(entry: Entry, name: str, text: str, end: int, gazetteer: Gazetteer, counties: frozenset[str]) -> bool:
    """Whether reading a name as this town would be a guess the text does not back: nothing but the name
    points at the town's country, admin1 or county, and either the article points at other countries and the
    town is small ("Baar" in a note on Somalia), or another country has a town of that name nearly as large
    ("Bor": 60,000 in Russia, 27,000 in South Sudan), under that name, or the text's other names point at another
    country far from the town and the town is no world city (abroad.elsewhere). A wrong town is worse than the
    country or no place."""
    # a rival bears the name as its own, not as an old or foreign one (Amman was Philadelphia)
    rival = max((e.population for e in gazetteer.entries(name) if e.kind == "city" and e.country != entry.country
                 and fold(e.name) == fold(name)), default=0)
    contested = rival * _RIVAL_RATIO >= entry.population
    if entry.population >= ABROAD_TOWN and not contested and (
            entry.population >= WORLD_CITY or not elsewhere(entry, name, text, gazetteer)):
        return False  # no guess whatever the context
    others, admin1s = gazetteer.context_without(text, name)
    if others.get(entry.country, 0) > 0 or entry.admin1 in admin1s or entry.admin2 and entry.admin2.lower() in counties:
        return False
    qualifier_admin1s, qualifier_countries = gazetteer.qualifier(text, end)
    if entry.admin1 in qualifier_admin1s or entry.country in qualifier_countries:
        return False
    return contested or bool(others)


def in_a_persons_name(entry: Entry, name: str, text: str, start: int, end: int, gazetteer: Gazetteer) -> bool:
    """Whether a town's name stands inside a person's name: capitalised words that are no places on both
    sides ("Ahmad Kamal Haj Ali"), and nothing else in the text points at the town's country or admin1. A
    name of three or four words is how casualty lists name the dead; a town is rarely written that way."""
    before = re.search(r"([A-Z][\w'’]*)[ \t]+$", text[max(0, start - 30):start])
    after = re.match(r"[ \t]+([A-Z][\w'’]*)", text[end:end + 30])
    # a neighbour that is also a town's name ("Ahmad") still reads as a name; a country or a unit does not
    if not before or not after or not all(_NAME_WORD.match(m.group(1)) and all(
            e.kind == "city" for e in gazetteer.entries(m.group(1))) for m in (before, after)):
        return False
    others, admin1s = gazetteer.context_without(text, name)
    return others.get(entry.country, 0) == 0 and entry.admin1 not in admin1s


def a_unit_abroad(entry: Entry, name: str, text: str, end: int, gazetteer: Gazetteer,
                  wants_region: bool = True) -> bool:
    """Whether reading a name as this admin1 unit is a guess: the rest of the text points at other countries
    and not at this unit or its country, and either the name is also a place in another country ("Medina
    district" in a note on Mogadishu is not Saudi Arabia's Medina Region) or no region word asks for a unit
    (in a report on Mali, "the Sahel" is the zone, not Burkina Faso's Sahel Region)."""
    abroad = [e for e in gazetteer.entries(name) if e.country != entry.country]
    if wants_region and not abroad:
        return False  # "Kharkiv region" in a report on Russia's strikes: no other Kharkiv to mean
    others, admin1s = gazetteer.context_without(text, name)
    if others.get(entry.country, 0) > 0 or entry.key in admin1s:
        return False
    if not wants_region and set(others) <= doer_peoples(text, gazetteer):
        return False  # "Kenyan troops in Lower Juba": a people named as the doer does not place the event
    if wants_region and others and set(others) <= invading_peoples(text, gazetteer):
        return False  # "Russian invaders shelled Donetsk region": invaders fight on others' ground
    if not others:
        # a text that points at no country: "Beni territory" may be the district of Congo's town of Beni as well
        # as Bolivia's Beni Department, which holds no town of the name; the caller falls back to the text's
        # other places. A unit named after its own town ("Medina district") stays.
        towns = [e for e in gazetteer.entries(name) if e.kind == "city"]
        return wants_region and bool(towns) and all(e.country != entry.country for e in towns) \
            and entry.country not in gazetteer.qualifier(text, end)[1]
    return entry.country not in gazetteer.qualifier(text, end)[1]
