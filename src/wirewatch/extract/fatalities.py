"""Fatality counts as low/best/high from phrases like "at least 12 killed" or "no one was hurt"."""

from __future__ import annotations

import re
from dataclasses import dataclass

_UNITS = {"one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
          "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
          "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
          "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
          "hundred": 100, "a dozen": 12, "dozen": 12}
# Vague quantities, coded as ACLED does: a firm floor, a cautious best guess, a ceiling.
_VAGUE = {"several": (3, 3, 9), "a few": (2, 3, 5), "dozens": (24, 24, 99), "scores": (40, 40, 99),
          "hundreds": (200, 200, 999), "many": (2, 10, 99), "some": (2, 3, 9)}

_NUMBER = r"(?:\d[\d,]*|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|" \
          r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|" \
          r"sixteen|seventeen|eighteen|nineteen|a dozen|a|an|several|a few|dozens|scores|hundreds)"
_QUALIFIER = r"(?:at least|more than|over|some|about|around|nearly|almost|up to|as many as|roughly)"
_NOUN = r"(?:\s+(?:of\s+)?(?:\w+\s+){0,2}?(?:(?:people|persons?|civilians?|soldiers?|servicem[ae]n|troops|policem[ae]n|police|" \
        r"officers?|fighters?|militants?|protesters?|demonstrators?|villagers?|residents?|child(?:ren)?|wom[ae]n|m[ae]n|" \
        r"members?|passengers?|workers?|guards?|attackers?|insurgents?|rebels?|others|of them|gunm[ae]n|bystanders?|boys?|girls?))\b)?"
_COUNT = rf"(?:{_QUALIFIER}\s+)?{_NUMBER}{_NOUN}"
_KILLED = r"(?:were|was|have been|had been|being)?\s*(?:killed|dead|died|shot dead|killed outright|lost their lives|slain|perished)"

_PATTERNS = [
    re.compile(rf"(?i)\b(?P<count>{_COUNT}(?:\s*(?:,|and)\s*{_COUNT})*)\s+{_KILLED}\b"),
    re.compile(rf"(?i)\b(?:killing|killed|leaving|left)\s+(?P<count>{_COUNT}(?:\s*(?:,|and)\s*{_COUNT})*)(?:\s+dead)?\b"),
    re.compile(rf"(?i)\bdeath toll\s+(?:\w+\s+){{0,3}}?(?:to|of|at|stood at|reached)\s+(?P<count>{_COUNT})"),
    re.compile(rf"(?i)\b(?P<count>{_COUNT})\s+(?:deaths|dead|fatalities|bodies)\b"),
]
_NONE = re.compile(r"(?i)\b(?:no one|nobody|no-one|none)\s+(?:was|were|has been|had been)\s+(?:killed|hurt|injured|harmed|wounded)|"
                   r"\bno (?:casualties|deaths|fatalities|victims|one was hurt)\b|\bwithout (?:casualties|loss of life)\b")


@dataclass(frozen=True, slots=True)
class FatalityHit:
    low: int
    best: int
    high: int
    start: int
    end: int


def find_fatalities(text: str) -> FatalityHit | None:
    """The first fatality statement in a sentence, or None when it gives none."""
    none = _NONE.search(text)
    for pattern in _PATTERNS:
        m = pattern.search(text)
        if m:
            counts = _sum_counts(m.group("count"))
            if counts is not None:
                return FatalityHit(*counts, m.start(), m.end())
    if none:
        return FatalityHit(0, 0, 0, none.start(), none.end())
    return None


def _sum_counts(phrase: str) -> tuple[int, int, int] | None:
    """Add up "two soldiers and a civilian"; a qualifier like "at least" widens the ceiling."""
    low = best = high = 0
    found = False
    for part in re.split(r"\s*(?:,|\band\b)\s*", phrase):
        value = _count(part)
        if value:
            found = True
            low, best, high = low + value[0], best + value[1], high + value[2]
    return (low, best, high) if found else None


def _count(part: str) -> tuple[int, int, int] | None:
    lowered = part.lower().strip()
    qualifier = re.match(rf"{_QUALIFIER}\s+", lowered)
    rest = lowered[qualifier.end():] if qualifier else lowered
    for word, (lo, best, hi) in _VAGUE.items():
        if rest.startswith(word + " ") or rest == word:
            return lo, best, hi
    m = re.match(r"(\d[\d,]*)|(a dozen|[a-z]+(?:-[a-z]+)?)", rest)
    if not m:
        return None
    if m.group(1):
        value = int(m.group(1).replace(",", ""))
    else:
        value = _word_number(m.group(2))
        if value is None:
            return None
    if qualifier and qualifier.group(0).strip() in {"up to", "as many as", "nearly", "almost"}:
        return max(1, value // 2), value, value
    if qualifier and qualifier.group(0).strip() in {"at least", "more than", "over"}:
        return value, value, value * 2
    return value, value, value


def _word_number(word: str) -> int | None:
    if word in _UNITS:
        return _UNITS[word]
    tens, _, unit = word.partition("-")
    if tens in _UNITS and unit in _UNITS:
        return _UNITS[tens] + _UNITS[unit]
    return None
