"""Where the typing model's reading of a sentence gives way to what its trigger words say."""

from __future__ import annotations

from ..timex import TimeExpression
from .classify import ATTACK, CLASH, TriggerHit
from .follow_ups import protest_of_its_day
from .lexicons import Lexicons

_ARRESTS, _INTERVENTION, _AIR = "Arrests", "Protest with intervention", "Air/drone strike"


def lexicon_reading(found: list[TriggerHit], typed: list[TriggerHit], sentence: str,
                    times: list[TimeExpression], lex: Lexicons) -> list[TriggerHit]:
    """The model's reading (typed), save where it retypes the lexicon's first trigger (found) against what
    the words say; then the lexicon's type stands."""
    if not found or not typed or typed[0].start != found[0].start or typed[0] == found[0]:
        return typed
    was, now = found[0].sub_event_type, typed[0].sub_event_type
    if _soldiers_hit(was, now, sentence[found[0].start:found[0].end], lex) \
            or _arrest_after_the_protest(was, now, sentence, times, found) or _no_aircraft(now, sentence, lex):
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


def _no_aircraft(now: str, sentence: str, lex: Lexicons) -> bool:
    """A sentence that names no aircraft or drone ("claimed the bombing in Mogadishu") tells no air strike."""
    return now == _AIR and not (lex.cues["drone"].search(sentence) or lex.cues["aircraft"].search(sentence))
