"""Where the typing model's reading of a sentence gives way to what its trigger words say."""

from __future__ import annotations

import re

from ..timex import TimeExpression
from .classify import ATTACK, CLASH, TriggerHit
from .follow_ups import protest_of_its_day
from .lexicons import Lexicons

_ARRESTS, _INTERVENTION, _AIR = "Arrests", "Protest with intervention", "Air/drone strike"
_IED, _SUICIDE = "Remote explosive/landmine/IED", "Suicide bomb"
# Bombs laid or thrown on the ground: the model reads "bombing" as from the air or by a suicide bomber.
_GROUND_DEVICES = frozenset({_IED, "Grenade"})
_SUICIDE_WORDS = re.compile(r"(?i)\b(?:suicide|blew\s+(?:himself|herself|themselves)\s+up|self-detonat\w*|"
                            r"(?:explosive|explosives-laden|bomb)\s+(?:vests?|belts?)|martyrdom)")


def lexicon_reading(found: list[TriggerHit], typed: list[TriggerHit], sentence: str,
                    times: list[TimeExpression], lex: Lexicons) -> list[TriggerHit]:
    """The model's reading (typed), save where it retypes the lexicon's first trigger (found) against what
    the words say; then the lexicon's type stands."""
    if not found or not typed or typed[0].start != found[0].start or typed[0] == found[0]:
        return typed
    was, now = found[0].sub_event_type, typed[0].sub_event_type
    if _soldiers_hit(was, now, sentence[found[0].start:found[0].end], lex) \
            or _arrest_after_the_protest(was, now, sentence, times, found) or _no_aircraft(was, now, sentence, lex) \
            or _no_suicide(was, now, sentence):
        return [found[0], *typed[1:]]
    return typed


def _soldiers_hit(was: str, now: str, trigger: str, lex: Lexicons) -> bool:
    """A clash whose trigger words name soldiers or police as those hit ("gunmen killed 10 soldiers",
    "ambushed an army convoy") is no attack: ACLED's attacks are on civilians."""
    return was == CLASH and now == ATTACK and bool(lex.cues["state_forces"].search(trigger))


def _arrest_after_the_protest(was: str, now: str, sentence: str, times: list[TimeExpression],
                              found: list[TriggerHit]) -> bool:
    """An arrest over a protest of another day ("arrested 12 people over Sunday's protests") broke up no protest."""
    return was == _ARRESTS and now == _INTERVENTION \
        and any(protest_of_its_day(sentence, times, t) for t in found[1:])


def _no_aircraft(was: str, now: str, sentence: str, lex: Lexicons) -> bool:
    """A bomb on the ground the words name ("claimed the roadside bombing in Afgoye"), in a sentence that names no
    aircraft or drone, is no air strike. Other trigger words stay open to the model: "an Israeli strike on a
    house", "Su-25s struck a village" name no aircraft the cues know."""
    return now == _AIR and was in _GROUND_DEVICES \
        and not (lex.cues["drone"].search(sentence) or lex.cues["aircraft"].search(sentence))


def _no_suicide(was: str, now: str, sentence: str) -> bool:
    """A bombing the words tell as laid or thrown ("claimed the bombing in Mogadishu") is no suicide bombing
    unless the sentence says so."""
    return now == _SUICIDE and was in _GROUND_DEVICES and not _SUICIDE_WORDS.search(sentence)
