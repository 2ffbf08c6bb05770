"""The forms a place name is written in beside the one GeoNames gives: an abbreviated first word ("St. Louis")
and a compass word in French, Spanish or Portuguese ("Nord-Kivu"), so the gazetteer finds the name either way.
"""

from __future__ import annotations

import re

# "St. Louis", "Ft. Lauderdale", "Mt. Vernon": news copy abbreviates the first word that GeoNames mostly spells
# out ("Saint Louis"), so a name is looked up under both forms.
_SHORT_FIRST = re.compile(r"^(st|ste|ft|mt)\.?\s+")
_LONG_FIRST = {"st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount"}

# GeoNames gives many units their French, Spanish or Portuguese names; English copy turns the compass word.
_COMPASS = {"nord": "North", "sud": "South", "est": "East", "ouest": "West", "norte": "North", "sur": "South",
            "sul": "South", "oeste": "West"}
_COMPASS_FIRST = re.compile(r"^(Nord|Sud|Est|Ouest|Norte|Sur|Sul|Oeste)[- ](?=[A-Z])(?!(?:Est|Ouest|Oeste)$)")


def name_forms(key: str) -> tuple[str, ...]:
    """A folded name and, where its first word is abbreviated, its other forms: "st. louis" -> "saint louis",
    "st louis" (see _SHORT_FIRST)."""
    short = _SHORT_FIRST.match(key) if key[1:2] == "t" else None
    if not short:
        return (key,)
    rest = key[short.end():]
    abbreviation = short.group(1)
    return tuple(dict.fromkeys((key, f"{_LONG_FIRST[abbreviation]} {rest}", f"{abbreviation}. {rest}",
                                f"{abbreviation} {rest}")))


def english_forms(names: list[str]) -> list[str]:
    """A unit's names and their English forms where the first word is a compass word ("Nord-Kivu", "Nord
    Kivu" -> "North Kivu"; "Sud-Ouest" stays as it is: its second word is no name)."""
    extra = [_COMPASS_FIRST.sub(lambda m: _COMPASS[m.group(1).lower()] + " ", n) for n in names]
    return names + [n for n in dict.fromkeys(extra) if n not in names]
