"""Later words on an incident told before: an official confirming it, a group claiming it, an official
denying it. Such a statement adds no incident; it copies the mentions it speaks of, in its own voice.

Which mentions: those of the same type as its own trigger ("the ministry said it repelled the incursion"),
else the latest told. A denial speaks of every incident told earlier in its paragraph ("Kyiv said its
drones hit a depot and a radar. The ministry denied any strike.") and of those whose sentence shares a
definite noun with it ("denied that the convoy had been lost" speaks of the ambush of the convoy).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..models import Attribution, Mention, Span, TextField
from .claims import VAGUE_NOUNS
from .lexicons import Lexicons
from .sentences import Sentence

MAX_VOUCH = 4  # sentences after a mention in which an official may still confirm or deny it

# "the convoy", "that attack", "the town had fallen": the nouns by which a statement names what it speaks of.
_DEFINITE = re.compile(r"(?i)\b(?:the|that|this|these|those)\s+([a-z][a-z-]+)(?:\s+([a-z][a-z-]+))?")


def field_of(sent: Sentence, start: int, end: int, article_id: str) -> TextField:
    """Sentence-relative offsets as a text field of the article."""
    return TextField(sent.text[start:end], Span(article_id, sent.start + start, sent.start + end))


def attribution_of(sent: Sentence, hit, article_id: str) -> Attribution:
    """A sentence's attribution hit as the article-level record."""
    span = Span(article_id, sent.start + hit.start, sent.start + hit.end) if hit.start is not None else None
    return Attribution(hit.kind, hit.source, span)


def of_same_type(earlier: list[Mention], triggers) -> list[tuple[Mention, object]]:
    """For each trigger, the latest earlier mention of its sub-event type (with the trigger), where any."""
    out = []
    for trig in triggers:
        m = next((e for e in reversed(earlier) if e.sub_event_type == trig.sub_event_type), None)
        if m is not None:
            out.append((m, trig))
    return out


def restated(m: Mention, sent: Sentence, attribution, article_id: str, trigger: TextField | None = None) -> Mention:
    """The mention as this sentence's source asserts it; the toll stays with the sentence that gave it."""
    return replace(m, id=f"{m.id}:echo:{sent.start}", passage=Span(article_id, sent.start, sent.end),
                   trigger=trigger or m.trigger, attribution=attribution_of(sent, attribution, article_id),
                   fatalities=None)


def denied(told: dict[int, list[Mention]], sentences: list[Sentence], index: int, latest: int,
           lex: Lexicons) -> list[Mention]:
    """The earlier mentions an official denial in sentence `index` speaks of: those told in its paragraph
    and those whose sentence shares a definite noun with it, else the latest told.

    Args:
        told: sentence index -> the mentions that sentence told, in order.
        latest: the last sentence before `index` that told or spoke of any.
    """
    near = [i for i in sorted(told) if i < index and index - i <= MAX_VOUCH]
    nouns = definite_nouns(sentences[index].text, lex)
    paragraph = sentences[index].paragraph
    chosen = [m for i in near if sentences[i].paragraph == paragraph or _names_any(sentences[i].text, nouns)
              for m in told[i]]
    return chosen or told.get(latest, [])


def definite_nouns(text: str, lex: Lexicons) -> set[str]:
    """The nouns a sentence names with a definite article, less the words that name a speaker ("the
    army") or nothing in particular ("the same", "the statement")."""
    out = set()
    for m in _DEFINITE.finditer(text):
        for word in filter(None, m.groups()):
            word = word.lower()
            if len(word) > 3 and word not in VAGUE_NOUNS and not any(p.fullmatch(word) for _, p in lex.speakers):
                out.add(word)
    return out


def _names_any(text: str, nouns: set[str]) -> bool:
    """True when the text names one of the nouns, singular or plural."""
    return any(re.search(rf"(?i)\b{re.escape(n.removesuffix('s'))}(?:s|es)?\b", text) for n in nouns)


def vouch_copies(mentions: list[Mention], attribution, sent: Sentence, article_id: str) -> list[Mention]:
    """Copies of the mentions asserted by a later sentence's source, for each whose source is not already
    of that kind."""
    return [restated(m, sent, attribution, article_id) for m in mentions if m.attribution.kind is not attribution.kind]

