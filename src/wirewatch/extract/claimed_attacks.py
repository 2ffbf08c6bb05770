"""The attacker of an attack whose sentence names none, where the article names the group that claimed it."""

from __future__ import annotations

import re

from .actors import CLAIMANT, ActorHit

# Attacks a group claims: bombs, mines, ambushes, raids. Air strikes are states' and stay unattributed.
_CLAIMABLE = frozenset({"Explosions/Remote violence", "Violence against civilians", "Battles"})
_NOT_CLAIMABLE = frozenset({"Air/drone strike"})
# A sentence that opens on another incident tells of one the claim was not about.
_ANOTHER = re.compile(r"(?i)\W*(?:separately|elsewhere|meanwhile|in (?:a |an )?(?:separate|unrelated|another) "
                      r"(?:incident|attack|development)|in another\b)")


def claimant_as_attacker(text: str, sentence_start: int, groups: dict[str, tuple[str, str | None]],
                         event_type: str, sub_event_type: str, actor2: ActorHit | None) -> ActorHit | None:
    """The article's claimant as the attacker of a violent event whose sentence names no attacker ("their
    vehicle struck a roadside bomb", "a mine exploded under a bus"), its span on the claimant's first words in
    the article (counted from the sentence's start, as the sentence's own actors are); None where the article
    names no single claimant, the event is not one a group claims or is told as another incident ("Separately,
    a landmine exploded ..."), the claimant is its victim, or the claimant's name is not in the text."""
    claimed = groups.get(CLAIMANT)
    if claimed is None or event_type not in _CLAIMABLE or sub_event_type in _NOT_CLAIMABLE \
            or _ANOTHER.match(text, sentence_start):
        return None
    name, country = claimed
    if actor2 is not None and actor2.name == name:
        return None
    aliases = [a for a, (full, _) in groups.items() if full == name and a != CLAIMANT] or [name.lower()]
    found = [m for a in aliases for m in re.finditer(rf"(?<![\w-]){re.escape(a)}(?![\w-])", text, re.IGNORECASE)]
    if not found:
        return None
    first = min(found, key=lambda m: (m.start(), -m.end()))
    return ActorHit(first.start() - sentence_start, first.end() - sentence_start, name, "rebel_groups", country)
