"""Articles sent in capital letters (old wire formats, some agencies' urgent copy), read in ordinary case.

Names, places and groups are told from other words by their capitals, so a text in capitals yields nothing.
A paragraph mostly in capitals is rewritten letter for letter (offsets do not move): words the project's own
writing uses in lower case go to lower case, acronyms it writes in capitals stay so, the first word of a sentence
and any other word (a name) get a capital. Which words are ordinary is data: lexicons/reading_case.tsv.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from ..timex import MONTHS, WEEKDAYS

_MIN_LETTERS = 40      # a headline or a "BREAKING" line is left alone: it is too short to be misread much
_UPPER_SHARE = 0.9
_WORD = re.compile(r"[^\W\d_]+")
# a sentence's end, a dateline's dash, or an opening quote
_SENTENCE_END = re.compile(r"(?:^|[.!?][\"'”’)]*\s+|[—–]\s+|(?:^|\s)[\"“])$")
# "KANO, Nigeria —": wire copy writes the dateline's town in capitals anyway, and the extractor reads it so.
_DATELINE = re.compile(r"[^\W\d_]+(?:[ .'’-]+[^\W\d_]+){0,3}(?=\s*(?:,|\(|[—–]))")
_WEEKDAY_OR_MONTH = re.compile(r"(?i)\b(?:" + "|".join(WEEKDAYS + MONTHS) + r")\b")
_NEAR_NUMBER = re.compile(r"\d")
_BEFORE_MONTH = re.compile(r"\b(?:in|last|early|late|mid|since|until|by|next|this|of)[\s-]+$")
_MONTHS = {m.lower() for m in MONTHS}


@lru_cache(maxsize=1)
def _cases() -> dict[str, str]:
    path = resources.files("wirewatch") / "data" / "lexicons" / "reading_case.tsv"
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")][1:]
    return {word: case for word, case in rows}


def _letters(paragraph: str) -> list[str]:
    return [c for c in paragraph if c.isalpha() and c.lower() != c.upper()]


def _long(paragraph: str) -> bool:
    return len(_letters(paragraph)) >= _MIN_LETTERS


def in_capitals(paragraph: str) -> bool:
    """Whether a paragraph is written in capital letters (not a headline-length line)."""
    letters = _letters(paragraph)
    return len(letters) >= _MIN_LETTERS and sum(c.isupper() for c in letters) >= _UPPER_SHARE * len(letters)


def reading_case(paragraph: str, opening: bool = False) -> str:
    """The paragraph in ordinary case, the same length as the original (unchanged where that cannot be). The
    article's opening paragraph keeps its dateline's town in capitals."""
    low = paragraph.lower()
    if len(low) != len(paragraph):
        return paragraph   # a letter whose lower case is longer ("İ"): offsets would move
    cases, out = _cases(), list(low)
    dateline = _DATELINE.match(paragraph) if opening else None
    if dateline and _WEEKDAY_OR_MONTH.search(dateline.group(0)):
        dateline = None   # "ON MONDAY, ..." is no dateline
    for m in _WORD.finditer(low, dateline.end() if dateline else 0):
        word, start = m.group(0), m.start()
        case = cases.get(word)
        if case == "upper":
            out[start:m.end()] = paragraph[start:m.end()]
        elif start and low[start - 1] in "'’":
            continue   # "police's", "don't": no word of its own
        elif case is None or _SENTENCE_END.search(low, max(0, start - 4), start) or _a_date(word, low, m):
            out[start] = paragraph[start]
    if dateline:
        out[:dateline.end()] = paragraph[:dateline.end()]
    return "".join(out)


def _a_date(word: str, low: str, m: re.Match) -> bool:
    """A month name told as a date ("MAY 5", "3 MARCH", "IN MAY"), not the verb or the noun it also spells."""
    return word in _MONTHS and bool(_NEAR_NUMBER.search(low, max(0, m.start() - 4), min(len(low), m.end() + 4))
                                    or _BEFORE_MONTH.search(low, max(0, m.start() - 8), m.start()))


def recase(text: str) -> tuple[str, int]:
    """The text with every paragraph in capitals read in ordinary case, and how many were."""
    paragraphs = text.split("\n\n")
    changed = [in_capitals(p) for p in paragraphs]
    if not any(changed):
        return text, 0
    opening = next((i for i, p in enumerate(paragraphs) if _long(p)), -1)
    return "\n\n".join(reading_case(p, i == opening) if c else p for i, (p, c) in enumerate(zip(paragraphs, changed))), \
        sum(changed)
