"""Attribution: who says an event happened, and what kind of source that is.

Read from reporting verbs ("said", "claimed", "denied"), "according to X", and quotes; a sentence inside
a quote with no verb of its own inherits the speaker of the sentence around it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..models import SourceKind
from .lexicons import Lexicons

_VERBS = r"(?:said|says|told|tells|reported|reports|claimed|claims|announced|stated|wrote|posted|added|" \
         r"confirmed|confirms|denied|denies|insisted|dismissed|rejected|acknowledged|admitted|alleged|" \
         r"described|recalled|explained|noted|declared|warned)"
# Speaker phrases are up to nine words; each word must end at a space, so matching stays linear.
_WORDS = r"[\w'’.-]+(?:\s[\w'’.-]+){0,8}?"
_ACCORDING = re.compile(rf"(?i)\baccording to ({_WORDS})(?=[,.;]|$| who\b| which\b)")
_AFTER_QUOTE = re.compile(rf"[,?!]\s*[\"”’]\s*(?P<a>{_VERBS})\s+(?P<who>{_WORDS})(?=[,.;]|$)|"
                          rf"[,?!]\s*[\"”’]\s*(?P<who2>{_WORDS})\s+{_VERBS}\b")
_SUBJECT_VERB = re.compile(rf"(?P<who>(?:[\w'’.-]+\s){{1,9}}?)(?:has |have |had )?{_VERBS}\b")
_DENIAL = re.compile(r"(?i)\b(?:denied|denies|deny|dismissed|rejected|refuted|no such|did not happen|never happened|"
                     r"fake|fabricat\w+|provocation|disinformation|false reports?)\b")
_CLAIM = re.compile(r"(?i)\b(?:claimed|claims|took|takes) (?:responsibility|credit)\b")
_FIRST_PERSON = re.compile(r"(?i)[\"“][^\"”]*\b(?:we|our|us)\b[^\"”]*[\"”]")
_SPEAKER_WORDS = 5  # a speaker named before "said" is a short noun phrase: "the regional governor"
_HAS_PRONOUN = re.compile(r"(?i)\b(?:he|she|they)\b")


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


def attribute(text: str, paragraph: int, state: SpeakerState, lex: Lexicons,
              group_aliases: set[str]) -> AttributionHit:
    """The attribution of one sentence; updates the state for the sentences after it."""
    if any(p.search(text) for kind, p in lex.speakers if kind == "rumour"):
        return AttributionHit(SourceKind.RUMOUR, None, None, None)
    candidates = _speakers(text)
    classified = [(c, _classify_candidate(c, state, lex, group_aliases)) for c in candidates]
    speaker, kind = next(((c, k) for c, k in classified if k), (candidates[0], None) if candidates else (None, None))
    if speaker is None:
        inherited = state.by_paragraph.get(paragraph) if _in_quote(text) else None
        if _CLAIM.search(text):
            return AttributionHit(SourceKind.PERPETRATOR_CLAIM, None, None, None)
        if inherited:
            return AttributionHit(inherited[0], inherited[1], None, None)
        return AttributionHit(SourceKind.OUTLET, None, None, None)
    who, start, end, _ = speaker
    if _HAS_PRONOUN.search(who) and state.last and kind == state.last[0]:
        who = state.last[1]
    kind = kind or SourceKind.MEDIA_REPORT
    if _CLAIM.search(text) or (_FIRST_PERSON.search(text) and kind in {SourceKind.MEDIA_REPORT, SourceKind.PERPETRATOR_CLAIM}):
        kind = SourceKind.PERPETRATOR_CLAIM
    if kind in {SourceKind.OFFICIAL_STATEMENT, SourceKind.OFFICIAL_DENIAL} and _DENIAL.search(text):
        kind = SourceKind.OFFICIAL_DENIAL
    if kind == SourceKind.OFFICIAL_DENIAL and not _DENIAL.search(text):
        kind = SourceKind.OFFICIAL_STATEMENT
    record = (kind, who.strip(), start, end)
    state.last = record
    state.by_paragraph[paragraph] = record
    return AttributionHit(kind, who.strip(), start, end)


def _speakers(text: str) -> list[tuple[str, int, int, str]]:
    """Candidate speakers, most explicit first: (words, start, end, wider words to classify)."""
    found = []
    for m in _ACCORDING.finditer(text):
        found.append((m.group(1), m.start(1), m.end(1), m.group(1)))
    for m in _AFTER_QUOTE.finditer(text):
        group = "who" if m.group("who") else "who2"
        found.append((m.group(group), m.start(group), m.end(group), m.group(group)))
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
            found.append((text[lo:hi], lo, hi, who))
    return found


def _classify_candidate(candidate: tuple[str, int, int, str], state: SpeakerState, lex: Lexicons,
                        group_aliases: set[str]) -> SourceKind | None:
    """Kind of a candidate speaker: its own words, else the speaker a pronoun points back to, else the
    words around it ("Several news sites, citing sources, reported")."""
    narrow, _, _, wide = candidate
    kind = _classify(narrow, lex, group_aliases)
    if kind is None and _HAS_PRONOUN.search(narrow) and state.last:
        kind = state.last[0]
    return kind or _classify(wide, lex, group_aliases)


def _classify(who: str, lex: Lexicons, group_aliases: set[str]) -> SourceKind | None:
    """The kind of source a speaker phrase names."""
    lowered = who.lower()
    if any(alias in lowered for alias in group_aliases):
        return SourceKind.PERPETRATOR_CLAIM
    for kind, pattern in lex.speakers:
        if kind != "rumour" and pattern.search(who):
            return {"perpetrator": SourceKind.PERPETRATOR_CLAIM, "official": SourceKind.OFFICIAL_STATEMENT,
                    "witness": SourceKind.WITNESS, "media": SourceKind.MEDIA_REPORT}[kind]
    return None


def _in_quote(text: str) -> bool:
    """True for a sentence that opens or continues a quotation."""
    stripped = text.lstrip()
    return stripped[:1] in {'"', "“"} or stripped.count('"') % 2 == 1 or stripped.count("“") != stripped.count("”")
