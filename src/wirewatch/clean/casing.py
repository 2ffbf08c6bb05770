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
# "U.S.", "U.N.": an abbreviation's letters are capitals whatever the lexicon says of "u" or "s"
_INITIALS = re.compile(r"\b(?:[^\W\d_]\.){2,}")
_CLOCK = {"a.m.", "p.m."}
_QUALIFIED = re.compile(r"\b(?:in|near|at|outside|of|from|to) ([^\W\d_]+), ([^\W\d_]+(?: [^\W\d_]+)?)(?=[,.;]| on\b)")
_NEXT_WORD = re.compile(r"[ \t]+([^\W\d_]+)")
_WORD_BEFORE = re.compile(r"([^\W\d_]+)[ \t]+$")
_BEFORE_COUNTRY = frozenset("by with in of for from at on against to and or between among under after than".split())
_ARTICLE_BEFORE = re.compile(r"\b(?:the|a|an)\s+$")
# "US" (the country) is spelt as "us" (the pronoun), which comes after its verb and before these words or none
_AFTER_PRONOUN = frozenset("""to that and the a an about in on at with from for of by all both when as if because but
or so into out up down back off over through again now here there too not what how why where who whom which this
these those his her their our its my your some any no nothing something anything everything one two three they we he
she it you i is was were are be been go come leave alone away more like after before until while during without near
against said say says told tell know""".split())


@lru_cache(maxsize=1)
def _cases() -> dict[str, str]:
    path = resources.files("wirewatch") / "data" / "lexicons" / "reading_case.tsv"
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")][1:]
    return {word: case for word, case in rows}


@lru_cache(maxsize=1)
def _unit_names() -> tuple[str, ...]:
    """Every country and first-level unit name the gazetteer tables list, as written there."""
    names = []
    folder = resources.files("wirewatch") / "data" / "gazetteer"
    for table in ("countries.tsv", "admin1.tsv"):
        lines = (folder / table).read_text(encoding="utf-8").splitlines()
        column = lines[0].split("\t").index("names")
        names += [n for line in lines[1:] for n in line.split("\t")[column].split("|")]
    return tuple(names)


@lru_cache(maxsize=1)
def _phrases() -> dict[str, list[str]]:
    """Country and first-level unit names of several words, some ordinary and some not ("West Bank", "New York",
    "Central African Republic"), by their first word: the name's other words would otherwise lose their capitals.
    Names all of ordinary words ("Central Region", "Port Said") are left to the word list: they are phrases too."""
    cases, found = _cases(), {}
    for name in _unit_names():
        words = _WORD.findall(name.lower())
        ordinary = sum(cases.get(w) == "lower" for w in words)
        if len(words) > 1 and 0 < ordinary < len(words) and len(name.lower()) == len(name):
            found.setdefault(words[0], set()).add(name)
    return {first: sorted(names, key=len, reverse=True) for first, names in found.items()}


@lru_cache(maxsize=1)
def _units() -> frozenset[str]:
    """Every country and first-level unit name, in lower case: what may qualify a town ("MOBILE, ALABAMA")."""
    return frozenset(n.lower() for n in _unit_names())


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
    # a letter whose lower case is longer ("İ" in "İSTANBUL") stays as it is: offsets must not move
    low = paragraph.lower()
    if len(low) != len(paragraph):
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in paragraph)
    cases, out = _cases(), list(low)
    dateline = _DATELINE.match(paragraph) if opening else None
    if dateline and (_WEEKDAY_OR_MONTH.search(dateline.group(0)) or _ordinary(dateline.group(0).lower(), cases)):
        dateline = None   # "ON MONDAY, ..." and "GUNMEN KILLED THREE VILLAGERS, POLICE SAID" are no datelines
    for m in _WORD.finditer(low, dateline.end() if dateline else 0):
        word, start = m.group(0), m.start()
        case = cases.get(word)
        if case == "upper" or (word == "us" and _the_country(low, m)):
            out[start:m.end()] = paragraph[start:m.end()]
        elif start and low[start - 1] in "'’":
            continue   # "police's", "don't": no word of its own
        elif case is None or _SENTENCE_END.search(low, max(0, start - 4), start) or _a_date(word, low, m) \
                or (word == "may" and _before_a_name(low, m, cases)):
            out[start] = paragraph[start]
    _name_phrases(low, out)
    _qualified_towns(low, out)
    for m in _INITIALS.finditer(low):
        if m.group(0) not in _CLOCK:
            out[m.start():m.end()] = paragraph[m.start():m.end()]
    if dateline:
        out[:dateline.end()] = paragraph[:dateline.end()]
    return "".join(out)


def _name_phrases(low: str, out: list[str]) -> None:
    """Write "the west bank" as "the West Bank": each word of a known name gets the name's case."""
    phrases = _phrases()
    for m in _WORD.finditer(low):
        for name in phrases.get(m.group(0), ()):
            end = m.start() + len(name)
            if low.startswith(name.lower(), m.start()) and not low[end:end + 1].isalpha():
                out[m.start():end] = name
                break


def _qualified_towns(low: str, out: list[str]) -> None:
    """"in MOBILE, ALABAMA," and "near POLICE, POLAND.": a word the list calls ordinary is a town where a country
    or a unit qualifies it after a place preposition."""
    units = _units()
    for m in _QUALIFIED.finditer(low):
        if m.group(2) in units:
            out[m.start(1)] = out[m.start(1)].upper()


def _ordinary(words: str, cases: dict[str, str]) -> bool:
    """Whether a would-be dateline of several words is mostly ordinary words (a clause, not a town). One word
    ("DAKAR", "PORT-AU-PRINCE") is always a town: some towns are in the word list too."""
    found = [_WORD.findall(w) for w in words.split()]
    return len(found) > 1 and 2 * sum(all(cases.get(w) == "lower" for w in f) for f in found) > len(found)


def _the_country(low: str, m: re.Match) -> bool:
    """"a US airstrike", "by US forces", "US-led": the country, not the pronoun of "told us to" or "send us police"
    (a verb's object, which a noun may follow too)."""
    if _ARTICLE_BEFORE.search(low, max(0, m.start() - 5), m.start()) or low.startswith("-", m.end()):
        return True
    after = _NEXT_WORD.match(low, m.end())
    before = _WORD_BEFORE.search(low, max(0, m.start() - 20), m.start())
    opens = not before or bool(_SENTENCE_END.search(low, max(0, m.start() - 4), m.start()))
    return bool(after) and after.group(1) not in _AFTER_PRONOUN and (opens or before.group(1) in _BEFORE_COUNTRY)


def _before_a_name(low: str, m: re.Match, cases: dict[str, str]) -> bool:
    """"witness MAY AHMED said": the name May, not the modal of "may have", which a word of ours follows."""
    after = _NEXT_WORD.match(low, m.end())
    return bool(after) and after.group(1) not in cases


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
