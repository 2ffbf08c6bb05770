"""Where a place's name stands inside another proper name: a street, a school, a newspaper, a person's name
("Salem Avenue", "the Dayton Daily News", "Tyrone Jackson", "Det. Adams"). Such a name is no place here.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..gazetteer import REGION_WORDS, Gazetteer
from .town_roles import FORCE_AFTER as _FORCE_AFTER

# Words that may stand next to a place name without making it part of a longer name.
FREE_WORDS = (r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|"
              r"July|August|September|October|November|December|North|South|East|West|Northeast|Northwest|"
              r"Southeast|Southwest|Downtown|Central|Greater|In|At|On|Near|Of|From|To|The|And|But|Or|After|"
              r"Before|When|While|Where|As|By|Outside|Inside)")
_NAME_AFTER = re.compile(rf"[ \t]+(?!{FREE_WORDS}\b)(?!(?i:{REGION_WORDS})s?\b)[A-Z][a-z]")
# A possessive ("Ukraine's Kharkiv region") introduces the place; it does not make it part of a name.
_NAME_BEFORE = re.compile(rf"\b(?!{FREE_WORDS}\b)[A-Z][a-z'’]+(?<!['’]s)[ \t]+$")
# A title before a name makes it a person's ("Det. Adams", "Sgt. Bob Stein", "Officer Tim Graham").
_TITLE_BEFORE = re.compile(
    r"\b(?:Det|Sgt|Lt|Capt|Cpl|Cmdr|Col|Gen|Gov|Sen|Rep|Dr|Mr|Mrs|Ms|Rev|Officer|Deputy|Trooper|Detective|"
    r"Sergeant|Lieutenant|Captain|Chief|Sheriff|Judge|Mayor|Coroner|Prosecutor|Agent|Pastor)\.?[ \t]+"
    r"(?:[A-Z]\.[ \t]+|[A-Z][a-z]+[ \t]+(?:[A-Z]\.[ \t]+)?)?$")
# "Joshua Hurst": a capitalised word, then the name, then no third capitalised word.
_FULL_NAME = re.compile(r"\b([A-Z][a-z]+)[ \t]+(?:[A-Z]\.[ \t]+)?([A-Z][a-z]{2,})\b(?![ \t]+[A-Z]|['’-])")
# First words of place names and directions, not given names ("Fort Worth", "New Hanover", "Metro Atlanta").
_PLACE_PREFIX = re.compile(rf"(?:{FREE_WORDS}|New|Old|Fort|Port|Mount|Lake|Saint|San|Santa|Los|Las|El|La|Le|"
                           r"Upper|Lower|Little|Big|Metro|Midtown|Uptown|Suburban|Rural|Grand|Palm|Glen|West\w+|"
                           r"East\w+|North\w+|South\w+|Police|Sheriff|County|City|State|Township)$")
# Population above which a name is taken for a town even where the article also gives it to a person.
SURNAME_POPULATION = 100_000


def part_of_a_name(text: str, start: int, end: int) -> bool:
    """True for a place name inside a longer proper name: a street, a school, a person, a newspaper
    ("Salem Avenue", "Warren Township", "Tyrone Jackson", "the Dayton Daily News"). A town's own police or fire
    department ("Memphis Police said") names the town: no longer name hides it."""
    if _FORCE_AFTER.match(text, end):
        return False
    return bool(_NAME_AFTER.match(text[end:end + 20]) or _NAME_BEFORE.search(text[max(0, start - 20):start]))


def a_person(text: str, start: int, end: int, gazetteer: Gazetteer) -> bool:
    """True for a name the article gives to a person: right after a title here ("Det. Adams"), or, for a
    name no large town bears, as a surname anywhere in the article ("Joshua Hurst ... Hurst said")."""
    if _TITLE_BEFORE.search(text[max(0, start - 40):start]):
        return True
    if _FORCE_AFTER.match(text, end) or gazetteer.qualifier(text, end) != (frozenset(), frozenset()):
        return False
    name = text[start:end]
    if any(e.population >= SURNAME_POPULATION or e.kind != "city" for e in gazetteer.entries(name)):
        return False
    return name in _surnames(text, gazetteer)


@lru_cache(maxsize=16)
def _surnames(text: str, gazetteer: Gazetteer) -> frozenset[str]:
    """Words the text uses as a person's surname: after a title, or after a given name when the two words
    together are no place the gazetteer knows."""
    names = set()
    for m in _FULL_NAME.finditer(text):
        first, last = m.group(1), m.group(2)
        if _TITLE_BEFORE.search(text[max(0, m.start(2) - 40):m.start(2)]) or (
                not _PLACE_PREFIX.match(first) and not gazetteer.entries(f"{first} {last}")
                and not any(e.kind != "city" for e in gazetteer.entries(first))):
            names.add(last)
    return frozenset(names)
