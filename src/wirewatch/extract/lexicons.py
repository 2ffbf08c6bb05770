"""The extraction lexicons (data/lexicons/*.tsv), compiled once per process."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..errors import ConfigError
from ..gazetteer import fold
from ..ontology import load_ontology


@dataclass(frozen=True)
class Trigger:
    sub_event_type: str
    pattern: re.Pattern[str]
    requires: tuple[str, ...]
    blocks: tuple[str, ...]
    # A cue whose words must name the doer of the trigger's act (its subject, or "by ..." after it), not
    # merely occur in the sentence: "troops retook the town from the rebels" is no take-over by rebels.
    agent: str | None = None


@dataclass(frozen=True)
class NamedActor:
    pattern: re.Pattern[str]
    name: str
    kind: str
    country: str | None


@dataclass(frozen=True)
class Lexicons:
    cues: dict[str, re.Pattern[str]]
    triggers: tuple[Trigger, ...]
    overrides: dict[str, frozenset[str]]           # winner -> sub-types it suppresses in a sentence
    named_actors: tuple[NamedActor, ...]
    generic_actors: tuple[NamedActor, ...]          # name holds a {country} slot
    targets: tuple[tuple[re.Pattern[str], str], ...]
    speakers: tuple[tuple[str, re.Pattern[str]], ...]
    state_names: frozenset[str] = frozenset()      # folded country names and capitals ("Kyiv said")
    # Every trigger row's words in one pattern: most sentences match none, and one search tells so.
    any_trigger: re.Pattern[str] | None = None
    # Likewise every named and generic actor's words: most sentences name no actor from the lexicons.
    any_actor: re.Pattern[str] | None = None


def words(pattern: str) -> re.Pattern[str]:
    """A lexicon pattern as a case-insensitive whole-word regex."""
    return re.compile(rf"(?<![\w-])(?:{pattern})(?![\w-])", re.IGNORECASE)


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
    cues = {row["cue"]: words(row["pattern"]) for row in _rows("cues.tsv")}
    triggers, patterns = [], []
    for row in _rows("triggers.tsv"):
        patterns.append(f"(?:{row['pattern']})")
        ontology.check(row["sub_event_type"], "lexicons/triggers.tsv")
        trig = Trigger(row["sub_event_type"], words(row["pattern"]), _split(row["requires"]), _split(row["blocks"]),
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
    named = tuple(NamedActor(words(r["pattern"]), r["name"], r["kind"], r["country"] or None)
                  for r in _rows("actors.tsv"))
    # For generic actors the country cell says whether a demonym must precede ("required") or not.
    generic = tuple(NamedActor(words(r["pattern"]), r["name"], r["kind"], r["country"] or None)
                    for r in _rows("generic_actors.tsv"))
    for actor in named + generic:
        if actor.kind not in ontology.inter_of:
            raise ConfigError("lexicons/actors", f"unknown actor kind {actor.kind!r}")
    targets = tuple((words(r["pattern"]), r["name"]) for r in _rows("targets.tsv"))
    speakers = tuple((r["kind"], words(r["pattern"])) for r in _rows("speakers.tsv"))
    actor_patterns = [f"(?:{r['pattern']})" for name in ("actors.tsv", "generic_actors.tsv") for r in _rows(name)]
    return Lexicons(cues, tuple(triggers), overrides, named, generic, targets, speakers, _state_names(),
                    words("|".join(patterns)), words("|".join(actor_patterns)))


def _state_names() -> frozenset[str]:
    """Country names and capitals, which stand for a government when one of them speaks."""
    path = resources.files("wirewatch") / "data" / "gazetteer" / "countries.tsv"
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    names = {n for r in rows for n in [r["name"], *r["names"].split("|"), r["capital"]] if len(n) > 3}
    return frozenset(fold(n) for n in names)
