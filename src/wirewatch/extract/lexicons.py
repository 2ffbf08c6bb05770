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

    def actor_rows(self, text: str) -> tuple[list[NamedActor], list[NamedActor]]:
        """The named and the generic actor rows that may occur in the text, in lexicon order: most sentences
        name no actor of the lexicons and the rest a few, so the screen's answer spares reading every row."""
        count = len(self.named_actors)
        may = self.any_actor.may_match(text) if self.any_actor is not None \
            else range(count + len(self.generic_actors))
        return ([self.named_actors[k] for k in may if k < count],
                [self.generic_actors[k - count] for k in may if k >= count])


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
_MEMO = 64             # texts whose screen is kept: a sentence, its phrases and windows, the whole article
# (at 8, a third of the characters screened were texts screened before and pushed out since)
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


def needs(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Lower-case ASCII strings one of which occurs somewhere in every match of the pattern, or None where
    nothing can be said. Beginnings say nothing of a pattern opening on a word class or on a common word
    ("[\\w-]+-year-old shot", "(two|people) were hospitalized"); its later words still screen it."""
    return _sequence_needs(list(sre_parser.parse(pattern.pattern, pattern.flags)))


def _sequence_needs(items: list) -> frozenset[str] | None:
    """The best need of a sequence: of every run of literal words in it and every part that must match,
    the set whose shortest string is longest (a longer string occurs in fewer texts)."""
    found: list[set[str]] = []
    run: set[str] = {""}
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue    # consumes nothing: the literals on either side stand side by side in the text
        optional = op in _REPEATS and av[0] == 0
        known = None if optional else _item(op, av)
        if known is not None and "" not in known[0] and len(run) * len(known[0]) <= _MAX_BEGINNINGS:
            run = {r + s for r in run for s in known[0]}
            if known[1]:
                continue
        found.append(run)
        run = {""}
        inner = None if optional else _part_needs(op, av)
        if inner is not None:
            found.append(set(inner))
    found.append(run)
    usable = [f for f in found if "" not in f]
    if not usable:
        return None
    # Spaces do not count: "were " or "was " occur in more texts than "shot" or "beaten".
    return frozenset(max(usable, key=lambda f: (_shortest(f), -len(f))))


def _part_needs(op, av) -> frozenset[str] | None:
    """Needs of one part that must match: a group, each alternative of a branch, a repeat's body."""
    if op is sre_constants.SUBPATTERN:
        return _sequence_needs(list(av[3]))
    if op is sre_constants.BRANCH:
        alternatives = [_sequence_needs(list(alt)) for alt in av[1]]
        return None if any(a is None for a in alternatives) else frozenset().union(*alternatives)
    if op in _REPEATS:   # at least once, as _sequence_needs passes over the optional ones
        return _sequence_needs(list(av[2]))
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


def _shortest(strings: set[str] | frozenset[str]) -> int:
    """How telling a set of necessary strings is: the length of its shortest, spaces aside."""
    return min(len(s.strip()) for s in strings)


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
        # A second necessary condition, read only for a pattern that passes the first and is asked about: one
        # of its needs occurs in the text. It screens the patterns that open on a word class or a common
        # word ("[\\w-]+-year-old shot", "protesters were hospitalized"), which their beginnings let through.
        # Kept only where they say more than the beginnings do: the check costs a scan of its own.
        self.needs = {k: re.compile(_trie(sorted(n))) for k, p in enumerate(patterns)
                      if (n := needs(p)) is not None and _shortest(n) > _shortest(starts[k])}
        self.memo: dict[str, tuple[frozenset[int], str]] = {}

    def candidates(self, text: str) -> frozenset[int]:
        """The patterns whose beginnings occur in the text (and those with none known)."""
        return self._entry(text)[0]

    def admits(self, key: int, text: str) -> bool:
        """Whether pattern `key` may match somewhere in the text: its beginnings and one of its needs occur."""
        found, lowered = self._entry(text)
        return key in found and self._needed(key, lowered)

    def _needed(self, key: int, lowered: str) -> bool:
        need = self.needs.get(key)
        return need is None or need.search(lowered) is not None

    def _entry(self, text: str) -> tuple[frozenset[int], str]:
        """The candidates by beginnings and the folded lower-case text, kept for the last few texts."""
        entry = self.memo.get(text)
        if entry is None:
            lowered = _folded(text).lower()
            hits = set(self.scan.findall(lowered)) if self.scan else ()
            entry = self.always.union(*(self.by_start[h] for h in hits)), lowered
            if len(self.memo) >= _MEMO:
                self.memo.pop(next(iter(self.memo)))
            self.memo[text] = entry
        return entry


class Screened:
    """A compiled pattern behind a screen: the same answers as the pattern, without running it on a text
    that lacks its beginnings."""

    __slots__ = ("regex", "screen", "key")

    def __init__(self, regex: re.Pattern[str], screen: Screen, key: int) -> None:
        self.regex, self.screen, self.key = regex, screen, key

    def _may_match(self, text: str) -> bool:
        return len(text) < _SHORT or self.screen.admits(self.key, text)

    def search(self, text: str, *span: int) -> re.Match[str] | None:
        # _may_match written out: a sentence is searched with hundreds of rows, most of them screened away
        if span or len(text) < _SHORT:
            return self.regex.search(text, *span)
        found, lowered = self.screen.memo.get(text) or self.screen._entry(text)
        if self.key not in found or not self.screen._needed(self.key, lowered):
            return None
        return self.regex.search(text)

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
        for k in self.may_match(text):
            found = self.rows[k].regex.search(text)
            if found:
                return found
        return None

    def may_match(self, text: str) -> list[int] | range:
        """Positions of the rows that may match the text, in order (all of them in a text too short to screen)."""
        if self.screen is None or len(text) < _SHORT:
            return range(len(self.rows))
        found, lowered = self.screen._entry(text)
        return [k for k, row in enumerate(self.rows) if row.key in found and self.screen._needed(row.key, lowered)]


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
