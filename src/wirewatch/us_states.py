"""US states in news copy: the abbreviations that qualify a town ("Franklin, La.", "Conway, SC"), and the
votes an article's place names give the admin1 units of a namesake (Springfield beside Peoria is Illinois's).

GeoNames' US admin1 codes are the postal codes, so an abbreviation reads straight to a key ("US.LA").
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Iterable

# US states as news copy abbreviates them after a town ("Henderson, Tex.", AP style, and postal codes).
_AP_STATES = dict(pair.split("=") for pair in (
    "Ala.=AL Ariz.=AZ Ark.=AR Calif.=CA Colo.=CO Conn.=CT Del.=DE Fla.=FL Ga.=GA Ill.=IL Ind.=IN Kan.=KS "
    "Kans.=KS Ky.=KY La.=LA Md.=MD Mass.=MA Mich.=MI Minn.=MN Miss.=MS Mo.=MO Mont.=MT Neb.=NE Nebr.=NE "
    "Nev.=NV N.H.=NH N.J.=NJ N.M.=NM N.Y.=NY N.C.=NC N.D.=ND Okla.=OK Ore.=OR Oreg.=OR Pa.=PA R.I.=RI "
    "S.C.=SC S.D.=SD Tenn.=TN Tex.=TX Vt.=VT Va.=VA Wash.=WA W.Va.=WV Wis.=WI Wyo.=WY D.C.=DC").split())
_POSTAL = frozenset(_AP_STATES.values()) | {"AK", "HI", "ID", "IA", "ME", "OH", "UT"}
ABBREVIATION = re.compile(r"([A-Z][A-Za-z]{0,4}\.(?:\s?[A-Z][a-z]?\.)?|[A-Z]{2}\b)")
# "Franklin, La.", "Conway, SC (WBTW)": a town qualified by its state anywhere in an article.
_QUALIFIED = re.compile(r"[A-Z][\w'’-]*,\s+([A-Z][A-Za-z]{0,4}\.(?:\s?[A-Z][a-z]?\.)?|[A-Z]{2}\b)")
# One-word AP abbreviations less their full stop: "Ore." is Oregon, not the town of Ore in Nigeria.
ABBREVIATED = frozenset(a[:-1].lower() for a in _AP_STATES if a.count(".") == 1)


def state_key(abbreviation: str) -> str | None:
    """The admin1 key of an AP or postal state abbreviation ("Tex." or "TX" -> "US.TX"), else None."""
    postal = _AP_STATES.get(abbreviation) or (abbreviation if abbreviation in _POSTAL else None)
    return f"US.{postal}" if postal else None


def state_qualifiers(text: str) -> tuple[str, ...]:
    """The admin1 keys of the state abbreviations that qualify a town in text, in text order."""
    return tuple(key for m in _QUALIFIED.finditer(text) if (key := state_key(m.group(1))))


def name_units(places: Iterable[tuple[str, frozenset[str]]], counties: Iterable[tuple[str, frozenset[str]]],
               qualifiers: tuple[str, ...]) -> tuple[tuple[str, frozenset[str]], ...]:
    """Each distinct name of an article that may vote, with the admin1 units it may vote for: its place
    names (folded) with the units their readings lie in, the counties it names, and each state written after
    a town ("Franklin, La."), which counts as one more name."""
    found: dict[str, frozenset[str]] = {}
    for key, units in (*places, *counties):
        if units:
            found.setdefault(key, units)
    for position, unit in enumerate(qualifiers):
        found[f"{position},{unit}"] = frozenset({unit})
    return tuple(found.items())


def votes(name_units: tuple[tuple[str, frozenset[str]], ...], key: str) -> Counter[str]:
    """The admin1 units that the place names other than the one folded to `key` point at, given each
    distinct name with the units its readings lie in: each name shares one vote among its units ("Peoria"
    gives Illinois one, a town in three states a third to each). What tells namesakes apart where no name
    is beyond doubt."""
    found: Counter[str] = Counter()
    for other, units in name_units:
        if other != key:
            for unit in units:
                found[unit] += 1 / len(units)
    return found
