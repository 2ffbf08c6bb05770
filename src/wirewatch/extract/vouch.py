"""Later words on an incident told before: an official confirming it, a group claiming it, an official
denying it. Such a statement adds no incident; it copies the mentions it speaks of, in its own voice.

Which mentions: those of the same type as its own trigger ("the ministry said it repelled the incursion"),
else the latest told. A denial speaks of every incident told earlier in its paragraph ("Kyiv said its
drones hit a depot and a radar. The ministry denied any strike.") and of those whose sentence shares a
definite noun with it ("denied that the convoy had been lost" speaks of the ambush of the convoy). Further
back, and past the sentences read for incidents, a statement speaks only of the incidents it names by place or
definite noun; a warning, or a statement naming places in another region, speaks of none told.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..models import Attribution, Mention, SourceKind, Span, TextField
from .claims import DENIAL_CUE, REFERS_BACK, VAGUE_NOUNS, SpeakerState, attribute
from .lexicons import Lexicons
from .sentences import Sentence

MAX_VOUCH = 4  # sentences after a mention in which an official may still confirm or deny it

# "the convoy", "that attack", "the town had fallen": the nouns by which a statement names what it speaks of.
_DEFINITE = re.compile(r"(?i)\b(?:the|that|this|these|those)\s+([a-z][a-z-]+)(?:\s+([a-z][a-z-]+))?")


# A warning, a vow or a threat, or what is named followed by a modal ("the gunmen could strike again"),
# speaks of what may come, not of the incident told before.
_CONFIRMS = re.compile(r"(?i)\bconfirm(?:ed|s|ing)?\b")
_AHEAD = re.compile(r"(?i)\b(?:warn(?:ed|s|ing)?|vow(?:ed|s|ing)?|threat(?:en|ens|ened|ening))\b")
_MODAL_AFTER = re.compile(r"^(?:\s+[\w'’-]+){0,2}?\s+(?:could|would|will|might|may|must|should|plan(?:s|ned)? to)\b")


def looks_ahead(text: str, named: re.Match | None) -> bool:
    """True for a statement that warns or vows, or whose words for an incident ("the gunmen") are followed
    by a modal: it vouches for nothing that has happened."""
    return bool(_AHEAD.search(text) or (named is not None and _MODAL_AFTER.match(text[named.end():])))


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


# A crowd's day is one incident whatever befalls it: the march, the force used on it, the riot it turns into.
_CROWD = frozenset({"Protests", "Riots"})


def one_crowd(last_told: list[Mention], triggers, event_type_of: dict[str, str]) -> list[tuple[Mention, object]]:
    """The crowd incident just told, paired with the trigger of a sentence that speaks of it again in other
    words ("Police fired tear gas to disperse the crowd, a police spokesman said" after a riot); none unless
    every trigger is of a crowd's kind."""
    if not triggers or any(event_type_of[t.sub_event_type] not in _CROWD for t in triggers):
        return []
    return [(m, triggers[0]) for m in last_told if m.event_type in _CROWD]


_NAME_GLUE = re.compile(r"(?:['’]s)?(?:\s+[A-Z][\w'’.-]*)*\s+$|(?:['’]s)?\s*$")


def beside_speaker(text: str, places, attribution: Attribution, offset: int) -> list:
    """The place hits that are no part of the speaker's name: "Dhaka Metropolitan Police spokesman", "the
    Kano state police" name an office, not where the sentence's incident was.

    Args:
        offset: the sentence's start in the article (the attribution's span counts from the article's).
    """
    span = attribution.span
    if span is None:
        return list(places)
    lo, hi = span.start - offset, span.end - offset
    return [h for h in places if not (lo <= h.start < hi or (h.end <= lo and _NAME_GLUE.fullmatch(text[h.end:lo])))]


def restated(m: Mention, sent: Sentence, attribution, article_id: str, trigger: TextField | None = None) -> Mention:
    """The mention as this sentence's source asserts it; the toll stays with the sentence that gave it."""
    return replace(m, id=f"{m.id}:echo:{sent.start}", passage=Span(article_id, sent.start, sent.end),
                   trigger=trigger or m.trigger, attribution=attribution_of(sent, attribution, article_id),
                   fatalities=None)


def denied(told: dict[int, list[Mention]], sentences: list[Sentence], index: int, latest: int,
           lex: Lexicons) -> list[Mention]:
    """The earlier mentions an official denial in sentence `index` speaks of: those told in its paragraph
    and those whose sentence shares a definite noun with it, else those it names further back, else the
    latest told.

    Args:
        told: sentence index -> the mentions that sentence told, in order.
        latest: the last sentence before `index` that told or spoke of any.
    """
    near = [i for i in sorted(told) if i < index and index - i <= MAX_VOUCH]
    nouns = definite_nouns(sentences[index].text, lex)
    paragraph = sentences[index].paragraph
    chosen = [m for i in near if sentences[i].paragraph == paragraph or _names_any(sentences[i].text, nouns)
              for m in told[i]]
    return chosen or named_in(told, sentences, index, lex) or told.get(latest, [])


def named_in(told: dict[int, list[Mention]], sentences: list[Sentence], index: int, lex: Lexicons) -> list[Mention]:
    """The earlier mentions, however far back, that sentence `index` names: by a definite noun their sentence
    shares ("disputed the account of the checkpoint killings") or by their place ("that any police station in
    Shwebo had been attacked"). A wire story often keeps the other side's denial for its last paragraph."""
    text = sentences[index].text
    nouns = definite_nouns(text, lex)
    return [m for i in sorted(told) if i < index for m in told[i]
            if _names_any(sentences[i].text, nouns)
            or (m.place_text is not None and _names_place(text, m.place_text.text))]


def _names_place(text: str, place: str) -> bool:
    """True when the text names the place as a word of its own."""
    return bool(re.search(rf"\b{re.escape(place)}\b", text, re.IGNORECASE))


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


def elsewhere(m: Mention, hits, gazetteer, focus) -> bool:
    """True when a later statement names places, none of them in the admin1 unit (or, for a country-wide
    incident, the country) of the mention's place: "Police said they arrested two men in Kano" speaks of
    Kano, not of the march in Lagos told before. Only places in the countries the article is about count
    (a word of a hospital's name may be a town abroad). False where either side cannot be placed."""
    if m.place_text is None or not hits:
        return False
    units = {_unit(e) for e in gazetteer.entries(_REGION_SUFFIX.sub("", m.place_text.text))}
    named = {_unit(e) for h in hits for e in h.entries if not focus or focus.get(e.country)}
    if not units or not named:
        return False
    countries = {c for c, a in units if a is None}
    return not (units & named) and not any(c in countries for c, _ in named)


_REGION_SUFFIX = re.compile(r"(?i)\s+(?:region|oblast|province|state|district|county|governorate)$")


def _unit(entry) -> tuple[str, str | None]:
    """(country, admin1) of a gazetteer entry; a country's admin1 is None."""
    if entry.kind == "country":
        return entry.country, None
    return entry.country, entry.key if entry.kind == "admin1" else entry.admin1


def vouch_copies(mentions: list[Mention], attribution, sent: Sentence, article_id: str) -> list[Mention]:
    """Copies of the mentions asserted by a later sentence's source, for each whose source is not already
    of that kind."""
    return [restated(m, sent, attribution, article_id) for m in mentions if m.attribution.kind is not attribution.kind]


def late_words(sentences: list[Sentence], usable: list[bool], reach: int, told: dict[int, list[Mention]],
               state: SpeakerState, lex: Lexicons, group_aliases: set[str], article_id: str) -> list[Mention]:
    """An official's denial or confirmation past the sentences read for incidents ("The junta denied that any
    police station in Shwebo had been attacked", "A railway official in Sibi confirmed the blast" as the last
    paragraph): copies of the incidents it names, in its voice."""
    out: list[Mention] = []
    for index in range(reach, len(sentences)):
        sent = sentences[index]
        confirms = _CONFIRMS.search(sent.text)
        if not usable[index] or not (confirms or DENIAL_CUE.search(sent.text)):
            continue
        hit = attribute(sent.text, sent.paragraph, state, lex, group_aliases)
        named = REFERS_BACK.search(sent.text)
        confirmed = bool(confirms and named) and hit.kind is SourceKind.OFFICIAL_STATEMENT \
            and not looks_ahead(sent.text, named)
        if hit.start is not None and (hit.kind is SourceKind.OFFICIAL_DENIAL or confirmed):
            out.extend(vouch_copies(named_in(told, sentences, index, lex), hit, sent, article_id))
    return out
