"""The extraction lexicons (data/lexicons/*.tsv), compiled once per process.

Every lexicon pattern sits behind one screen (`Screen`): a single pass over a text tells which patterns may
match it at all, and the others answer "no match" without running. Most sentences hold the words of few rows,
and each row's own scan costs about as much as the screen's one pass over all of them.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from re import _constants as sre_constants, _parser as sre_parser
from typing import Iterator

from ..errors import ConfigError
from ..gazetteer import fold
from ..ontology import load_ontology


@dataclass(frozen=True)
class Trigger:
    sub_event_type: str
    pattern: Screened
    requires: tuple[str, ...]
    blocks: tuple[str, ...]
    # A cue whose words must name the doer of the trigger's act (its subject, or "by ..." after it), not
    # merely occur in the sentence: "troops retook the town from the rebels" is no take-over by rebels.
    agent: str | None = None


@dataclass(frozen=True)
class NamedActor:
    pattern: Screened
    name: str
    kind: str
    country: str | None


@dataclass(frozen=True)
class Lexicons:
    cues: dict[str, Screened]
    triggers: tuple[Trigger, ...]
    overrides: dict[str, frozenset[str]]           # winner -> sub-types it suppresses in a sentence
    named_actors: tuple[NamedActor, ...]
    generic_actors: tuple[NamedActor, ...]          # name holds a {country} slot
    targets: tuple[tuple[Screened, str], ...]
    speakers: tuple[tuple[str, Screened], ...]
    state_names: frozenset[str] = frozenset()      # folded country names and capitals ("Kyiv said")
    # Every trigger row's words in one pattern: most sentences match none, and one search tells so.
    any_trigger: AnyOf | None = None
    # Likewise every named and generic actor's words: most sentences name no actor from the lexicons.
    any_actor: AnyOf | None = None


_WORD_START = r"(?<![\w-])"


def words(pattern: str) -> re.Pattern[str]:
    """A lexicon pattern as a case-insensitive whole-word regex."""
    return re.compile(rf"{_WORD_START}(?:{pattern})(?![\w-])", re.IGNORECASE)


# What lower() leaves different from the ASCII letter that re.IGNORECASE matches it to (all such characters,
# checked over every code point by tests/test_lexicon_screen.py): folded first, a lower-cased text holds a
# pattern's lower-cased ASCII beginning wherever the pattern matches.
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})
_MAX_BEGINNINGS = 64   # per pattern part: past that, a shorter beginning is kept (a looser screen, never wrong)
_SHORT = 40            # shorter texts (a phrase, a word) are searched directly: screening them costs more
_MEMO = 8              # texts whose screen is kept: the last sentence, its speaker phrase, the whole article
_REPEATS = (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, sre_constants.POSSESSIVE_REPEAT)
_ZERO_WIDTH = (sre_constants.AT, sre_constants.ASSERT, sre_constants.ASSERT_NOT)


def beginnings(pattern: re.Pattern[str]) -> set[str]:
    """Lower-case ASCII strings one of which starts every match of the pattern (the empty string when
    nothing can be said: a pattern opening on a word class)."""
    return _sequence(list(sre_parser.parse(pattern.pattern, pattern.flags)), 0)[0]


def _sequence(items: list, i: int) -> tuple[set[str], bool]:
    """Beginnings of a match of items[i:], and whether they are all it can match (so that what follows
    may be appended)."""
    out = {""}
    while i < len(items):
        op, av = items[i]
        if op in _ZERO_WIDTH:
            i += 1      # a lookaround or a word boundary consumes nothing: the next item starts here
            continue
        optional = op in _REPEATS and av[0] == 0
        if optional:
            # "(tank )?shells": the beginnings with the part, and those of the rest without it.
            body, whole = _sequence(list(av[2]), 0)
            rest, rest_whole = _sequence(items, i + 1)
            if whole and av[1] == 1 and (len(body) == 1 or len(rest) == 1 or len(body) * len(rest) <= _MAX_BEGINNINGS):
                body, whole = {b + r for b in body for r in rest}, rest_whole
            strings, complete = body | rest, False
        else:
            found = _item(op, av)
            if found is None:
                return out, False
            strings, complete = found
        if len(out) > 1 and len(out) * len(strings) > _MAX_BEGINNINGS:
            return out, False
        out = {o + s for o in out for s in strings}
        if not complete:
            return out, False
        i += 1
    return out, True


def _item(op, av) -> tuple[set[str], bool] | None:
    """Beginnings of one parsed item, or None where it may start with too many characters to list."""
    if op is sre_constants.LITERAL:
        return ({chr(av).lower()}, True) if av < 128 else None
    if op is sre_constants.IN:
        chars: set[str] = set()
        for kind, value in av:
            if kind is sre_constants.LITERAL and value < 128:
                chars.add(chr(value).lower())
            elif kind is sre_constants.RANGE and value[1] < 128 and value[1] - value[0] < 8:
                chars |= {chr(v).lower() for v in range(value[0], value[1] + 1)}
            else:
                return None
        return chars, True
    if op is sre_constants.SUBPATTERN:
        return _sequence(list(av[3]), 0)
    if op is sre_constants.BRANCH:
        found = [_sequence(list(alt), 0) for alt in av[1]]
        return set().union(*(f[0] for f in found)), all(f[1] for f in found)
    if op in _REPEATS:   # at least once: the body's beginnings start it
        strings, whole = _sequence(list(av[2]), 0)
        return strings, whole and av[0] == av[1] == 1
    return None


def _trie(strings: list[str]) -> str:
    """One alternation with shared beginnings factored out, so that the engine tries a few first letters
    at each position rather than every string."""
    groups: dict[str, list[str]] = {}
    for s in strings:
        groups.setdefault(s[:1], []).append(s[1:])
    alts = [re.escape(first) + (_trie(rests) if len(rests) > 1 else re.escape(rests[0]))
            for first, rests in sorted(groups.items())]
    return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"


def _folded(text: str) -> str:
    """The text with _FOLD's characters folded (translate() is slow: only where one of them occurs)."""
    return text.translate(_FOLD) if not text.isascii() and any(c in text for c in _FOLD_CHARS) else text


_FOLD_CHARS = tuple(chr(c) for c in _FOLD)


class Screen:
    """Which of many patterns may match a text: one pass for the beginnings of them all (a necessary
    condition, never a sufficient one), kept for the last few texts screened."""

    def __init__(self, patterns: list[re.Pattern[str]]) -> None:
        starts = [beginnings(p) for p in patterns]
        self.always = frozenset(k for k, s in enumerate(starts) if "" in s)
        # Only the shortest of nested beginnings: the scan reports one string per position.
        kept: list[str] = []
        for s in sorted({s for ss in starts for s in ss if s}, key=lambda s: (len(s), s)):
            if not any(s.startswith(k) for k in kept):
                kept.append(s)
        shortest = set(kept)
        by_start: dict[str, set[int]] = {k: set() for k in kept}
        for i, ss in enumerate(starts):
            for s in ss - {""}:
                by_start[next(s[:n] for n in range(1, len(s) + 1) if s[:n] in shortest)].add(i)
        self.by_start = {k: frozenset(v) for k, v in by_start.items()}
        # words() patterns start only where no word character or hyphen stands before: so does the scan,
        # which spares trying the beginnings inside words (folding keeps what is a word character).
        lead = _WORD_START if all(p.pattern.startswith(_WORD_START) for p in patterns) else ""
        self.scan = re.compile(f"{lead}(?=({_trie(kept)}))") if kept else None
        self.memo: dict[str, frozenset[int]] = {}

    def candidates(self, text: str) -> frozenset[int]:
        """The patterns that may match somewhere in the text."""
        found = self.memo.get(text)
        if found is None:
            hits = set(self.scan.findall(_folded(text).lower())) if self.scan else ()
            found = self.always.union(*(self.by_start[h] for h in hits))
            if len(self.memo) >= _MEMO:
                self.memo.pop(next(iter(self.memo)))
            self.memo[text] = found
        return found


class Screened:
    """A compiled pattern behind a screen: the same answers as the pattern, without running it on a text
    that lacks its beginnings."""

    __slots__ = ("regex", "screen", "key")

    def __init__(self, regex: re.Pattern[str], screen: Screen, key: int) -> None:
        self.regex, self.screen, self.key = regex, screen, key

    def _may_match(self, text: str) -> bool:
        return len(text) < _SHORT or self.key in self.screen.candidates(text)

    def search(self, text: str, *span: int) -> re.Match[str] | None:
        # _may_match written out: a sentence is searched with hundreds of rows, most of them screened away
        if span or len(text) < _SHORT:
            return self.regex.search(text, *span)
        found = self.screen.memo.get(text)
        if found is None:
            found = self.screen.candidates(text)
        return self.regex.search(text) if self.key in found else None

    def match(self, text: str, *span: int) -> re.Match[str] | None:
        return self.regex.match(text, *span) if span or self._may_match(text) else None

    def fullmatch(self, text: str, *span: int) -> re.Match[str] | None:
        return self.regex.fullmatch(text, *span) if span or self._may_match(text) else None

    def finditer(self, text: str, *span: int) -> Iterator[re.Match[str]]:
        return self.regex.finditer(text, *span) if span or self._may_match(text) else iter(())

    def findall(self, text: str, *span: int) -> list:
        return self.regex.findall(text, *span) if span or self._may_match(text) else []

    def __getattr__(self, name: str):
        if name.startswith("__") or name in Screened.__slots__:
            raise AttributeError(name)     # not yet set (an unpickled copy): no endless lookup through regex
        return getattr(self.regex, name)   # .pattern, .flags, .sub: the pattern's own

    def __getstate__(self):
        return self.regex, self.screen, self.key

    def __setstate__(self, state) -> None:
        self.regex, self.screen, self.key = state

    def __repr__(self) -> str:
        return f"Screened({self.regex!r})"


class AnyOf:
    """Several screened patterns as one: search() gives the first row's match, or None where no row matches."""

    def __init__(self, rows: list[Screened]) -> None:
        self.rows = tuple(rows)
        screens = {id(row.screen): row.screen for row in rows}
        # One screen for all rows (as _screened builds them): screen the text once, not once a row.
        self.screen = next(iter(screens.values())) if len(screens) == 1 else None

    def search(self, text: str) -> re.Match[str] | None:
        if self.screen is not None and len(text) >= _SHORT:
            may = self.screen.candidates(text)
            rows = [row.regex for row in self.rows if row.key in may]
        else:
            rows = self.rows
        for row in rows:
            found = row.search(text)
            if found:
                return found
        return None


def _screened(groups: list[list[re.Pattern[str]]]) -> list[list[Screened]]:
    """The patterns of all the tables behind one screen, in the same shape."""
    flat = [p for group in groups for p in group]
    screen = Screen(flat)
    keys = iter(range(len(flat)))
    return [[Screened(p, screen, next(keys)) for p in group] for group in groups]


def _rows(name: str) -> list[dict[str, str]]:
    path = resources.files("wirewatch") / "data" / "lexicons" / name
    with path.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(c.strip() for c in (cell or "").split(",") if c.strip())


@lru_cache(maxsize=1)
def load_lexicons() -> Lexicons:
    """Every lexicon, checked against the ontology and against each other."""
    ontology = load_ontology()
    tables = {name: _rows(name) for name in ("cues.tsv", "triggers.tsv", "actors.tsv", "generic_actors.tsv",
                                              "targets.tsv", "speakers.tsv")}
    screened = iter(_screened([[words(r["pattern"]) for r in rows] for rows in tables.values()]))
    cues = dict(zip((row["cue"] for row in tables["cues.tsv"]), next(screened)))
    triggers = []
    for row, pattern in zip(tables["triggers.tsv"], next(screened)):
        ontology.check(row["sub_event_type"], "lexicons/triggers.tsv")
        trig = Trigger(row["sub_event_type"], pattern, _split(row["requires"]), _split(row["blocks"]),
                       (row.get("agent") or "").strip() or None)
        unknown = set(trig.requires + trig.blocks + ((trig.agent,) if trig.agent else ())) - cues.keys()
        if unknown:
            raise ConfigError("lexicons/triggers.tsv", f"unknown cue(s) {sorted(unknown)}; cues.tsv has {sorted(cues)}")
        triggers.append(trig)
    overrides = {}
    for row in _rows("precedence.tsv"):
        losers = row["losers"].split("|")
        for name in [row["winner"], *losers]:
            ontology.check(name, "lexicons/precedence.tsv")
        overrides[row["winner"]] = overrides.get(row["winner"], frozenset()) | frozenset(losers)
    named = tuple(NamedActor(p, r["name"], r["kind"], r["country"] or None)
                  for r, p in zip(tables["actors.tsv"], next(screened)))
    # For generic actors the country cell says whether a demonym must precede ("required") or not.
    generic = tuple(NamedActor(p, r["name"], r["kind"], r["country"] or None)
                    for r, p in zip(tables["generic_actors.tsv"], next(screened)))
    for actor in named + generic:
        if actor.kind not in ontology.inter_of:
            raise ConfigError("lexicons/actors", f"unknown actor kind {actor.kind!r}")
    targets = tuple((p, r["name"]) for r, p in zip(tables["targets.tsv"], next(screened)))
    speakers = tuple((r["kind"], p) for r, p in zip(tables["speakers.tsv"], next(screened)))
    return Lexicons(cues, tuple(triggers), overrides, named, generic, targets, speakers, _state_names(),
                    AnyOf([t.pattern for t in triggers]), AnyOf([a.pattern for a in named + generic]))


def _state_names() -> frozenset[str]:
    """Country names and capitals, which stand for a government when one of them speaks."""
    path = resources.files("wirewatch") / "data" / "gazetteer" / "countries.tsv"
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    names = {n for r in rows for n in [r["name"], *r["names"].split("|"), r["capital"]] if len(n) > 3}
    return frozenset(fold(n) for n in names)
