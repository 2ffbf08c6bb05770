"""Actors and targets of a sentence, with their roles around the trigger.

Named groups an article introduces ("the Free Kuban Legion (FKL)") become aliases for the rest of it:
the acronym and "the Legion" both resolve to the full name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..gazetteer import Gazetteer
from .lexicons import Lexicons

GROUP_HEADS = (r"Legion|Corps|Brigade|Battalion|Front|Movement|Army|Militia|Guards?|Alliance|Resistance|"
                r"Partisans|Committee|Group|Forces|Council|Network|Unit|Detachment|Federation|Coalition")
_GROUP = re.compile(rf"\b((?:[A-Z][\w'’-]+ (?:of (?:the )?)?){{1,5}}(?:{GROUP_HEADS}))\b(?: \(([A-Z][A-Za-z]{{1,6}})\))?")
# Words before a group's name that are not part of it: "Fighters of the X Legion", "The X Front".
_LEADING = re.compile(r"^(?:(?:The|A|An|This|That|Its|Their)\s+)?(?:(?:Fighters|Members|Units?|Commanders?|Soldiers|"
                      r"Supporters|Leaders?|Head|Spokes(?:man|woman|person)|Volunteers)\s+of\s+(?:the\s+)?)?")
_STATE_FORCES = {"army", "armed forces", "forces", "national guard", "guard", "border guard", "navy", "air force",
                 "security forces", "defence forces", "defense forces", "special forces", "ground forces"}
# Who "we", "our fighters" and "the group" stand for: the article's most recent named group.
_GROUP_PRONOUN = re.compile(r"(?i)\b(?:we|our (?:fighters|men|people|guys|boys|units?|group|forces)|his (?:fighters|men|unit|group)|"
                            r"their (?:fighters|men)|the group|its fighters|the (?:group|unit)'s fighters)\b")
_OBJECT_PREP = re.compile(r"(?i)\b(?:on|against|at|targeting|toward|towards|into|of|near|with)\s+(?:the\s+)?$")
_PLACE_NOUN = re.compile(r"\s+(?:stations?|offices?|buildings?|posts?|headquarters|bases?|cars?|vehicles?|vans?|"
                         r"barracks|depots?|academy|compound|checkpoints?)\b", re.IGNORECASE)
_BY = re.compile(r"(?i)\bby\s+(?:the\s+)?$")


@dataclass(frozen=True, slots=True)
class ActorHit:
    start: int
    end: int
    name: str
    kind: str
    country: str | None   # ISO alpha-3, or None to take the event's country


def named_groups(text: str, gazetteer: Gazetteer) -> dict[str, tuple[str, str | None]]:
    """Alias (lower-case) -> (full name, country ISO3) for groups the article names itself."""
    aliases: dict[str, tuple[str, str | None]] = {}
    for m in _GROUP.finditer(text):
        name = _LEADING.sub("", m.group(1))
        words = name.split()
        if len(words) < 2:
            continue
        if gazetteer.demonyms.get(words[0].lower()) and " ".join(words[1:]).lower() in _STATE_FORCES:
            continue  # "Russian Army" is a state's force, handled by the generic lexicon
        aliases.setdefault(name.lower(), (name, None))
        if m.group(2):
            aliases.setdefault(m.group(2).lower(), (name, None))
        aliases.setdefault(f"the {name.split()[-1].lower()}", (name, None))
    return aliases


def find_actors(text: str, lex: Lexicons, groups: dict[str, tuple[str, str | None]],
                gazetteer: Gazetteer, last_group: str | None) -> list[ActorHit]:
    """Actors named in a sentence, left to right, without overlaps."""
    hits: list[ActorHit] = []
    for alias, (name, country) in groups.items():
        pattern = rf"(?<![\w-]){re.escape(alias)}(?:(?:['’]s)? (?:fighters|men|members|units?|commanders?))?(?![\w-])"
        for m in re.finditer(pattern, text, re.IGNORECASE):
            hits.append(ActorHit(m.start(), m.end(), name, "external_forces" if _foreign(name) else "rebel_groups", country))
    listed = lex.any_actor is None or lex.any_actor.search(text) is not None
    for actor in lex.named_actors if listed else ():
        for m in actor.pattern.finditer(text):
            hits.append(ActorHit(m.start(), m.end(), actor.name, actor.kind, actor.country))
    if last_group:
        for m in _GROUP_PRONOUN.finditer(text):
            hits.append(ActorHit(m.start(), m.end(), last_group, "rebel_groups", None))
    for actor in lex.generic_actors if listed else ():
        for m in actor.pattern.finditer(text):
            iso3, start = _demonym_before(text, m.start(), gazetteer)
            if iso3 is None and actor.country == "required":
                continue
            if _PLACE_NOUN.match(text, m.end()):
                continue  # "police station", "army base": a target, not an actor
            hits.append(ActorHit(start, m.end(), actor.name, actor.kind, iso3))
    return _without_overlaps(hits)


def _foreign(name: str) -> bool:
    """Volunteer legions fighting for another state are external forces in ACLED's terms."""
    return any(word in name for word in ("Legion", "Volunteer", "Corps"))


def _demonym_before(text: str, start: int, gazetteer: Gazetteer) -> tuple[str | None, int]:
    """ISO3 of a demonym or country name just before an actor noun ("Russian troops")."""
    m = re.search(r"([A-Z][\w'-]+)(?:'s)?\s+$", text[max(0, start - 30):start])
    if m:
        iso2 = gazetteer.demonyms.get(m.group(1).lower())
        if iso2 is None:
            entry = next((e for e in gazetteer.entries(m.group(1)) if e.kind == "country"), None)
            iso2 = entry.country if entry else None
        if iso2:
            return gazetteer.countries[iso2]["iso3"], start - len(m.group(0))
    return None, start


def _without_overlaps(hits: list[ActorHit]) -> list[ActorHit]:
    """Longest hit wins where hits overlap; the rest are dropped."""
    kept: list[ActorHit] = []
    for hit in sorted(hits, key=lambda h: (-(h.end - h.start), h.start)):
        if all(hit.end <= k.start or hit.start >= k.end for k in kept):
            kept.append(hit)
    return sorted(kept, key=lambda h: h.start)


def assign_roles(text: str, actors: list[ActorHit], trigger_start: int, trigger_end: int
                 ) -> tuple[ActorHit | None, ActorHit | None]:
    """(actor1, actor2): who acted and against whom, from word order around the trigger."""
    # An actor may run into the trigger: "Russian drones struck" has the trigger "drones struck".
    before = [a for a in actors if a.start < trigger_start and a.end <= trigger_end]
    after = [a for a in actors if a.start >= trigger_end]
    actor1 = actor2 = None
    for a in reversed(before):
        if _OBJECT_PREP.search(text[:a.start]):
            actor2 = actor2 or a
            continue
        actor1 = a
        break
    for a in after:
        if _BY.search(text[:a.start]) and actor1 is None:
            actor1 = a
        elif actor2 is None and (actor1 is None or a.name != actor1.name):
            actor2 = a
    if actor1 is None and actor2 is not None and actor2.kind in {"protesters", "rioters"}:
        actor1, actor2 = actor2, None
    return actor1, actor2


def find_target(text: str, lex: Lexicons, trigger_end: int) -> tuple[str, int, int] | None:
    """The attacked object (a building, railway, depot), preferring one after the trigger."""
    found = [(m.start(), m.end(), name) for pattern, name in lex.targets for m in pattern.finditer(text)]
    if not found:
        return None
    after = [f for f in found if f[0] >= trigger_end]
    start, end, name = min(after or found, key=lambda f: f[0] if f[0] >= trigger_end else -f[0])
    return name, start, end
