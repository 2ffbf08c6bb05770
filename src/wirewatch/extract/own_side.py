"""Whose deed a party tells of: its own (a claim) or one done to it (its word on what befell it, as an
official's). "Its fighters attacked", "we burned them" are its own; "two of its fighters were killed",
"wounding three SDF fighters, the SDF said", "a grenade thrown at one of its checkpoints", another side's
jets or troops acting are done to it; "clashed with the army", "clashes between the KIA and junta troops" keep
the group acting.
"""

from __future__ import annotations

import re

from .speaker_phrases import Candidate

# A group speaks of its own deed: "its fighters", "the Legion's men", "it had seized".
OWN_DEED = re.compile(r"(?i)\b(?:its|their|our|his|her|[\w-]+['’]s)\s+(?:own\s+)?(?:fighters|men|people|forces|units?|troops|militants|"
                      r"commandos|combatants|mujahideen|drones?|rockets?)\b|\b(?:it|they|he|the group|the movement)\s+(?:had\s+|has\s+|have\s+)?"
                      r"(?:carried out|attacked|killed|seized|captured|destroyed|downed|shot|struck|hit|targeted|burned|fired|"
                      r"set fire|blew up|ambushed|fought|took part|overran|overrun|liberated|repelled|repulsed|abducted|kidnapped|"
                      r"detonated|(?:taken|took|seized) (?:control|over))\b")
# A group's own people on the receiving end ("two of its fighters were killed") or another side's weapon
# or force acting ("a Turkish drone struck"): the group tells of a deed done to it, not its own.
VICTIM = re.compile(r"\b(?:[Ii]ts|[Tt]heir|[Oo]ur|[\w-]+['’]s|(?:[A-Z][\w-]+\s)?[A-Z]{2,})\s+(?:own\s+)?(?:fighters|men|members|"
                   r"positions?|bases?|commanders?|units?|vehicles?|cars?)\s+(?:died|(?:was|were|had been|have been|has been)\s+"
                   r"(?:killed|wounded|injured|hit|struck|targeted|shelled|bombed|attacked|captured|arrested|abducted))\b|"
                   r"\b(?:killing|wounding|injuring|targeting|hitting)\s+(?:\w+\s+){0,3}?(?:of\s+)?(?:its|their|our)\b")
# "wounded three of its fighters", "a grenade thrown at one of its checkpoints": the group's own losses, told
# with a verb before them rather than after.
_OWN_LOSS = re.compile(r"(?i)\b(?:killing|wounding|injuring|killed|wounded|injured)\s+(?:(?:at least|some|about|up to)\s+)?"
                       r"[\w-]+\s+of\s+(?:its|our|their own)\s+(?:fighters|men|members|troops|guards|commanders)\b|"
                       r"\b(?:thrown|fired|launched|dropped|hurled)\s+(?:at|on)\s+(?:one of\s+)?(?:its|our)\s+"
                       r"(?:checkpoints?|positions?|bases?|posts?|convoys?|patrols?|vehicles?)\b")
_NAMED_LOSS = re.compile(r"\b(?:killing|wounding|injuring|killed|wounded|injured)\s+(?:(?:at least|some|about|up to)\s+)?"
                         r"[\w-]+\s+(?P<who>[A-Z][\w-]+)\s+(?:fighters|members|troops|guards|commanders)\b")
_OTHER_SIDE = re.compile(r"\b(?:[A-Z][\w-]+|US|U\.S\.)\s+(?:air ?strikes?|drones?|drone strikes?|jets?|warplanes?|"
                         r"aircraft|shelling|artillery|troops|forces|soldiers|army|military)\b|"
                         r"(?i:\b(?:government|regime|army|military|coalition|junta|security) (?:forces|troops|soldiers|"
                         r"air ?strikes?|jets?|drones?|warplanes?|shelling|artillery)\b)")
# The other side's force as the object of a fight ("units fought junta troops", "clashed with the army") or
# counted among its losses ("killing 15 FARDC troops", "wounding three army soldiers"): there the group acts, it
# is not acted on.
_AS_OBJECT = re.compile(r"(?i)\b(?:fought|fighting|battled|battling|clashed with|clashing with|engaged|against|"
                        r"attacked|ambushed|repelled|repulsed|routed|killed|captured|drove (?:out|back))\s+(?:the\s+)?$|"
                        r"\b(?:killing|killed|wounding|wounded|injuring|injured|capturing|captured)\s+(?:(?:at least|some|about|"
                        r"up to|more than|over|dozens of|scores of|hundreds of)\s+)?[\w-]+\s+(?:of\s+(?:the\s+)?)?$|"
                        r"\bbetween\s[^,;]{2,60}?\sand\s+(?:the\s+)?$")


def done_to_it(text: str, speaker: Candidate, group_aliases: set[str]) -> bool:
    """True when the words around the speaker tell of a deed done to the group, not by it."""
    rest = f"{text[:speaker.start]} {text[speaker.end:]}"
    if VICTIM.search(rest) or _OWN_LOSS.search(rest):
        return True
    # "wounding three SDF fighters, the SDF said": the losses are named by the speaker's own name.
    if any(m.group("who").lower() in speaker.wide.lower() for m in _NAMED_LOSS.finditer(rest)):
        return True
    others = [m for m in _OTHER_SIDE.finditer(rest) if not any(a in m.group().lower() for a in group_aliases)
              and not _AS_OBJECT.search(rest, 0, m.start())]
    return bool(others) and not OWN_DEED.search(rest)
