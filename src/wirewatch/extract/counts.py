"""A count phrase read as low/best/high: "two soldiers and a civilian" is 3, "at least 12" is 12 to 24,
"several" is ACLED's 3 (a floor of 3, a ceiling of 9), "a fifth victim" is 5, "a murder-suicide" is 2."""

from __future__ import annotations

import re

UNITS = {"one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
         "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
         "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
         "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
         "hundred": 100, "a dozen": 12, "dozen": 12, "both": 2}
# "A fifth victim was hit": an ordinal tells how many were hit in all.
ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
            "tenth": 10}
# Words that imply their dead: a murder-suicide is the killer and at least one victim.
IMPLIED = {"murder-suicide": 2, "double murder": 2, "double homicide": 2, "triple homicide": 3}
# Vague quantities, coded as ACLED does: a firm floor, a cautious best guess, a ceiling.
VAGUE = {"several": (3, 3, 9), "a few": (2, 3, 5), "dozens": (24, 24, 99), "scores": (40, 40, 99),
         "hundreds": (200, 200, 999), "many": (2, 10, 99), "some": (2, 3, 9)}
# The qualifiers a count may carry (the patterns in fatalities.py read the same ones).
QUALIFIER = r"(?:at least|more than|over|some|about|around|nearly|almost|up to|as many as|roughly)"


def sum_counts(phrase: str) -> tuple[int, int, int] | None:
    """Add up "two soldiers and a civilian"; a qualifier like "at least" widens the ceiling. Bare numbers after
    a count of people are their ages: "two males, 30 and 42" is two."""
    low = best = high = 0
    found = False
    parts = re.split(r"\s*(?:,(?!\d{3})|\band\b)\s*", phrase)
    for k, part in enumerate(parts):
        if k and re.fullmatch(r"\d{1,3}", part) and not re.fullmatch(r"\d{1,3}", parts[0]):
            continue
        value = _count(part)
        if value:
            found = True
            low, best, high = low + value[0], best + value[1], high + value[2]
    return (low, best, high) if found else None


def _count(part: str) -> tuple[int, int, int] | None:
    lowered = part.lower().strip()
    if lowered in IMPLIED:
        return IMPLIED[lowered], IMPLIED[lowered], IMPLIED[lowered]
    qualifier = re.match(rf"{QUALIFIER}\s+", lowered)
    rest = lowered[qualifier.end():] if qualifier else lowered
    for word, (lo, best, hi) in VAGUE.items():
        if rest.startswith(word + " ") or rest == word:
            return lo, best, hi
    if rest in ORDINALS or re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)", rest):
        value = ORDINALS.get(rest) or int(rest[:-2])
        return value, value, value
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
    if word in UNITS:
        return UNITS[word]
    tens, _, unit = word.partition("-")
    if tens in UNITS and unit in UNITS:
        return UNITS[tens] + UNITS[unit]
    return None
