"""The particulars a local report gives of its incident: the ages of the people in it and the streets it
happened on. Place, day and type cannot tell apart two shootings in one city on one night; "a 23-year-old
on Elm Street" and "a 41-year-old on Oak Avenue" can, and a street or an age in common is the mark of one
incident told twice.

Particulars are read from a whole article, not the mention's passage: the passage that names the incident
rarely repeats the victim's age or the block, and an article is about the incident it reports first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

# A capitalised word before a street word that names no street ("The Street", "East St. Louis").
_NOT_STREET_NAMES = frozenset({"The", "A", "An", "This", "That", "On", "At", "In", "Of", "And", "Its",
                               "East", "West", "North", "South", "Saint"})
_AGE = re.compile(r"\b(\d{1,3})[- ]years?[- ]old|\baged (\d{1,3})\b|\b[A-Za-z]+, (\d{1,2}),")
_ROUTE = re.compile(r"\b(?:Interstate|Highway|Route|I-)\s?(\d{1,3})\b")


@dataclass(frozen=True, slots=True)
class Particulars:
    ages: frozenset[str] = frozenset()
    streets: frozenset[str] = frozenset()

    def __or__(self, other: Particulars) -> Particulars:
        return Particulars(self.ages | other.ages, self.streets | other.streets)


def read_particulars(text: str) -> Particulars:
    """The ages (as digits) and streets (the word before the street word, folded) a text names."""
    ages = frozenset(next(g for g in m.groups() if g) for m in _AGE.finditer(text))
    streets = {m.group(1).lower() for m in _street_pattern().finditer(text) if m.group(1) not in _NOT_STREET_NAMES}
    streets |= {"route " + m.group(1) for m in _ROUTE.finditer(text)}
    return Particulars(ages, frozenset(streets))


def compare(a: Particulars, b: Particulars) -> tuple[int, str | None]:
    """+1 with a reason when two reports share an age or a street; -1 when both give ages or both give
    streets and they share none of them; 0 (no reason) when one of them gives neither."""
    shared = sorted(a.streets & b.streets) + sorted(f"aged {x}" for x in a.ages & b.ages)
    if shared:
        return 1, "particulars in common (" + ", ".join(shared[:3]) + ")"
    if (a.ages and b.ages) or (a.streets and b.streets):
        return -1, "no age or street in common"
    return 0, None


@lru_cache(maxsize=1)
def _street_pattern() -> re.Pattern:
    """'Elm Street', '63rd St.', 'Martin Luther King Drive' (as 'king'): the word before a street word."""
    path = resources.files("wirewatch") / "data" / "lexicons" / "street_words.txt"
    words = [w.strip() for w in path.read_text(encoding="utf-8").splitlines() if w.strip() and not w.startswith("#")]
    return re.compile(r"\b(\d+(?:st|nd|rd|th)|[A-Z][a-z]+) (?:" + "|".join(map(re.escape, words)) + r")\b")
