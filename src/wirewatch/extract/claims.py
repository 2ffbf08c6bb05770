"""Attribution: who says an event happened, and what kind of source that is.

Read from reporting verbs ("said", "claimed", "denied"), passives ("was claimed by"), "according to X",
quotes and appositives ("X, a monitoring group, said"); a sentence with no speaker of its own, inside a
quote or not, inherits the last speaker of its paragraph, and "he" or "the statement" points back at the
last speaker. A state's name or capital on its own ("Kyiv said") is its government.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..gazetteer import fold
from ..models import SourceKind
from .lexicons import Lexicons

_VERBS = r"(?:said|says|told|tells|reported|reports|claimed|claims|announced|stated|wrote|posted|added|" \
         r"confirmed|confirms|denied|denies|insisted|dismissed|rejected|acknowledged|admitted|alleged|" \
         r"described|recalled|explained|noted|declared|warned|refuted)"
_DENY_VERBS = {"denied", "denies", "dismissed", "rejected", "refuted"}
# Speaker phrases are up to nine words; each word must end at a space, so matching stays linear.
_WORDS = r"[\w'’.-]+(?:\s[\w'’.-]+){0,8}?"
_ACCORDING = re.compile(rf"(?i)\baccording to ({_WORDS})(?=[,.;]|$| who\b| which\b)")
_PASSIVE = re.compile(rf"(?i)\b(?P<v>claimed|denied|confirmed|reported|rejected|dismissed|refuted) by "
                      rf"(?P<who>{_WORDS})(?=[,.;]|$| who\b| which\b| as\b| in\b| on\b)")
_AFTER_QUOTE = re.compile(rf"[,?!]\s*[\"”’]\s*(?P<a>{_VERBS})\s+(?P<who>{_WORDS})(?=[,.;]|$)|"
                          rf"[,?!]\s*[\"”’]\s*(?P<who2>{_WORDS})\s+(?P<v2>{_VERBS})\b")
_SUBJECT_VERB = re.compile(rf"(?P<who>(?:[\w'’.-]+\s){{1,9}}?)(?:has |have |had |also |later )*(?P<v>{_VERBS})\b")
# "The Observatory, a Britain-based monitor, said": the subject before an appositive between commas.
_APPOSITIVE = re.compile(rf"^(?:[A-Z][A-Z' -]+(?:,[^—–]{{0,30}})?\s[—–-]\s)?(?P<who>[^,;:\"“”]{{2,80}}?),"
                         rf"[^;\"“”]{{2,160}}?,\s+(?:has |have |had |also |later )*(?P<v>{_VERBS})\b")
_EVENT_DENIAL = re.compile(r"(?i)\b(?:no such|did not happen|never happened|fake|fabricat\w+|provocation|"
                           r"disinformation|false reports?|untrue|baseless)\b")
_CLAIM = re.compile(r"(?i)\b(?:claimed|claims|claiming|took|takes|taking) (?:responsibility|credit)\b|"
                    r"\bclaimed (?:the|an?|this|that|both|last\w*|\w+day'?s) (?:[\w-]+ ){0,2}?(?:attacks?|bombings?|"
                    r"blasts?|killings?|kidnapping|abduction|ambush|assault|strikes?|raids?|explosions?|"
                    r"assassination|shooting|operation|sabotage|arson)\b|\bclaimed by\b")
_NO_CLAIM = re.compile(r"(?i)\b(?:no (?:one|group|organi[sz]ation|faction|claim)|nobody|none)\b|"
                       r"\b(?:not|yet to|never)\s+(?:yet\s+|immediately\s+|publicly\s+)?(?:been\s+)?claim")
_NEGATED_SUBJECT = re.compile(r"(?i)^(?:(?:which|that|who|whom)\s+)?(?:no|nobody|none|neither)\b")
_FIRST_PERSON = re.compile(r"(?i)[\"“][^\"”]*\b(?:we|our|us)\b[^\"”]*[\"”]")
_SPEAKER_WORDS = 5  # a speaker named before "said" is a short noun phrase: "the regional governor"
_HAS_PRONOUN = re.compile(r"(?i)\b(?:he|she|they)\b")
_BACK_REFERENCE = re.compile(r"(?i)^(?:the|that|this|its|their|his|her) (?:statement|post|message|video|"
                             r"report|communiqu[eé]|update|summary|briefing|spokes(?:man|woman|person))$")
# "…, in which he said": the pronoun's antecedent is the subject earlier in the same sentence.
_RELATIVE = re.compile(r"(?i)\b(?:which|where|whom|when|and|but|adding|before|after)\b")
_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "it", "its", "their"}
_KINDS = {"perpetrator": SourceKind.PERPETRATOR_CLAIM, "official": SourceKind.OFFICIAL_STATEMENT,
          "witness": SourceKind.WITNESS, "media": SourceKind.MEDIA_REPORT, "hearsay": SourceKind.RUMOUR}


@dataclass
class SpeakerState:
    """What the article said most recently about who is speaking."""

    last: tuple[SourceKind, str, int, int] | None = None
    by_paragraph: dict[int, tuple[SourceKind, str, int, int]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class AttributionHit:
    kind: SourceKind
    source: str | None
    start: int | None   # sentence-relative span of the speaker words
    end: int | None


@dataclass(frozen=True, slots=True)
class _Candidate:
    """A phrase that may name the speaker, the verb it speaks with, and wider words to classify it by."""

    words: str
    start: int
    end: int
    wide: str
    verb: str

_NO_INHERIT = frozenset({SourceKind.OFFICIAL_DENIAL, SourceKind.PERPETRATOR_CLAIM})
_QUOTES = "\"“‘'«"
_NEW_TOPIC = re.compile(r"(?i)^\W*(?:separately|meanwhile|elsewhere|in (?:a |an )?(?:separate|another|other) "
                        r"(?:incidents?|attacks?|developments?))\b")


def attribute(text: str, paragraph: int, state: SpeakerState, lex: Lexicons,
              group_aliases: set[str]) -> AttributionHit:
    """The attribution of one sentence; updates the state for the sentences after it."""
    if any(p.search(text) for kind, p in lex.speakers if kind == "rumour"):
        return AttributionHit(SourceKind.RUMOUR, None, None, None)
    candidates = [c for c in _speakers(text) if _says_something(c, text)]
    classified = [(c, _classify_candidate(c, text, state, lex, group_aliases)) for c in candidates]
    # A group or a bystander denying something asserts nothing; only an official denial counts.
    classified = [(c, k) for c, k in classified
                  if c.verb.lower() not in _DENY_VERBS or k in {None, SourceKind.OFFICIAL_STATEMENT}]
    candidates = [c for c, _ in classified]
    speaker, kind = next(((c, k) for c, k in classified if k), (candidates[0], None) if candidates else (None, None))
    claim = bool(_CLAIM.search(text)) and not _NO_CLAIM.search(text)
    if speaker is None:
        # Wire copy goes on in its source's voice until the paragraph ends: "…, the ministry said. On
        # Tuesday, a bomb hit…" is still the ministry's account.
        inherited = state.by_paragraph.get(paragraph)
        if claim:
            return AttributionHit(SourceKind.PERPETRATOR_CLAIM, None, None, None)
        # A denial or a claim of responsibility speaks of its own incident, and "Separately, …" starts
        # another: neither lends its voice to the narrative that follows, only to its own quote going on.
        quoted = text.lstrip()[:1] in _QUOTES
        if inherited and (quoted or inherited[0] not in _NO_INHERIT) and not _NEW_TOPIC.match(text):
            return AttributionHit(inherited[0], inherited[1], None, None)
        return AttributionHit(SourceKind.OUTLET, None, None, None)
    who = speaker.words
    if (_HAS_PRONOUN.search(who) or _BACK_REFERENCE.match(who)) and state.last and kind == state.last[0]:
        who = state.last[1]
    kind = _kind_of(kind or SourceKind.MEDIA_REPORT, speaker, text, claim)
    record = (kind, who.strip(), speaker.start, speaker.end)
    state.last = record
    state.by_paragraph[paragraph] = record
    return AttributionHit(kind, who.strip(), speaker.start, speaker.end)


def _kind_of(kind: SourceKind, speaker: _Candidate, text: str, claim: bool) -> SourceKind:
    """The speaker's kind, turned by what it says: a claim of responsibility, a denial."""
    official = kind in {SourceKind.OFFICIAL_STATEMENT, SourceKind.OFFICIAL_DENIAL}
    if not official and (claim or (_FIRST_PERSON.search(text) and kind in
                                   {SourceKind.MEDIA_REPORT, SourceKind.PERPETRATOR_CLAIM})):
        return SourceKind.PERPETRATOR_CLAIM
    if official:
        denies = speaker.verb.lower() in _DENY_VERBS or (
            speaker.verb.lower() in {"said", "says", "stated", "insisted", "called"} and _EVENT_DENIAL.search(text))
        return SourceKind.OFFICIAL_DENIAL if denies else SourceKind.OFFICIAL_STATEMENT
    return kind


def _says_something(c: _Candidate, text: str) -> bool:
    """False for a phrase that names no speaker ("The claims could not…", "No group has claimed")."""
    if not any(w.lower() not in _DETERMINERS for w in re.findall(r"[\w'’-]+", c.words)):
        return False
    if _NEGATED_SUBJECT.match(c.words):
        return False
    return True


def _speakers(text: str) -> list[_Candidate]:
    """Candidate speakers, most explicit first."""
    found = []
    for m in _ACCORDING.finditer(text):
        found.append(_Candidate(m.group(1), m.start(1), m.end(1), m.group(1), "said"))
    for m in _PASSIVE.finditer(text):
        found.append(_Candidate(m.group("who"), m.start("who"), m.end("who"), m.group("who"), m.group("v")))
    for m in _AFTER_QUOTE.finditer(text):
        group, verb = ("who", m.group("a")) if m.group("who") else ("who2", m.group("v2"))
        # The words after the name may say who the speaker is: "said Amina Yusuf, a farmer who fled".
        found.append(_Candidate(m.group(group), m.start(group), m.end(group), text[m.start(group):], verb))
    appositive = _APPOSITIVE.match(text)
    if appositive:
        found.append(_Candidate(appositive.group("who"), appositive.start("who"), appositive.end("who"),
                                text[:appositive.end("v")], appositive.group("v")))
    for m in _SUBJECT_VERB.finditer(text):
        who = m.group("who")
        # The speaker is the noun phrase just before the verb: cut at the last comma, quote or clause
        # word; the wider window still classifies "Several news sites, citing sources, reported".
        cut = max(who.rstrip(" ,").rfind(","), who.rfind('"'), who.rfind("”"), who.rfind(" that "), who.rfind(" and "))
        start = m.start("who") + (cut + 1 if cut >= 0 else 0)
        # The last few words before the verb, offsets taken from the text itself (any kind of space).
        words = list(re.finditer(r"[^\s,\"”]+", text[start:m.end("who")]))[-_SPEAKER_WORDS:]
        if words:
            lo, hi = start + words[0].start(), start + words[-1].end()
            found.append(_Candidate(text[lo:hi], lo, hi, who, m.group("v")))
    return found


def _classify_candidate(c: _Candidate, text: str, state: SpeakerState, lex: Lexicons,
                        group_aliases: set[str]) -> SourceKind | None:
    """Kind of a candidate speaker: its own words, else the speaker a pronoun points back to, else the
    words around it ("Several news sites, citing sources, reported")."""
    kind = _classify(c.words, lex, group_aliases)
    if kind is None and _HAS_PRONOUN.search(c.words):
        before = text[:c.start]
        if _RELATIVE.search(c.words) or _RELATIVE.search(before[-12:]):
            kind = _classify(before, lex, group_aliases)
        if kind is None and state.last:
            kind = state.last[0]
    if kind is None and _BACK_REFERENCE.match(c.words.strip()) and state.last:
        kind = state.last[0]
    return kind or _classify(c.wide, lex, group_aliases)


def _classify(who: str, lex: Lexicons, group_aliases: set[str]) -> SourceKind | None:
    """The kind of source a speaker phrase names."""
    lowered = who.lower()
    if any(alias in lowered for alias in group_aliases):
        return SourceKind.PERPETRATOR_CLAIM
    bare = fold(re.sub(r"(?i)^(?:the|officials? in|authorities in)\s+|['’]s?$", "", who.strip()))
    if bare in lex.state_names:
        return SourceKind.OFFICIAL_STATEMENT
    for kind, pattern in lex.speakers:
        if kind != "rumour" and pattern.search(who):
            return _KINDS[kind]
    return None

