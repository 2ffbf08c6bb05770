"""Who may be speaking in a sentence: the phrases before or after a verb of saying, "according to X", passives,
quotes and appositives, each a candidate speaker with its verb. claims.py decides which candidate speaks and
what kind of source it is.

The verbs and the other word tables are data (data/lexicons/claim_words.tsv).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources

WORDS_FILE = "claim_words.tsv"


def _load_words() -> dict[str, str]:
    """The claim word tables (data/lexicons/claim_words.tsv): name -> regex alternation."""
    path = resources.files("wirewatch") / "data" / "lexicons" / WORDS_FILE
    with path.open(encoding="utf-8") as fh:
        rows = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        return {r["name"]: r["pattern"] for r in rows if not r["name"].startswith("#")}


TABLES = _load_words()   # claims.py reads the other tables
VERBS = rf"(?:{TABLES['verb']})"

# Speaker phrases are up to nine words; each word must end at a space, so matching stays linear.
_WORDS = r"[\w'’.()-]+(?:\s[\w'’.()-]+){0,8}?"
_ACCORDING = re.compile(rf"(?i)\baccording to ({_WORDS})(?=[,.;]|$| who\b| which\b| appointed\b| based\b| in\b)")
_PASSIVE = re.compile(rf"(?i)\b(?P<v>claimed|denied|confirmed|reported|rejected|dismissed|refuted) by "
                      rf"(?P<who>{_WORDS})(?=[,.;]|$| who\b| which\b| as\b| in\b| on\b)")
_AFTER_QUOTE = re.compile(rf"[,?!]\s*[\"”’]\s*(?P<a>{VERBS})\s+(?P<who>{_WORDS})(?=[,.;]|$| who\b| whose\b)|"
                          rf"[,?!]\s*[\"”’]\s*(?P<who2>{_WORDS})\s+(?P<v2>{VERBS})\b")
# "State media quoted the governor as saying…", "the commissioner was quoted by local radio as saying":
# the one quoted speaks, not the outlet that quotes him.
_QUOTED = re.compile(rf"(?i)\bquot(?:ed|es|ing)\s+(?!by\b)(?P<who>{_WORDS})\s+as\s+(?:saying|stating|telling)\b")
_WAS_QUOTED = re.compile(r"(?P<who>(?:[\w'’.()-]+\s){1,9}?)(?:was|were|has been|had been|is)\s+quoted\s+"
                         r"(?:by\s+[^,;]{1,40}?\s+)?as\s+(?:saying|stating|telling)\b")
# "State media reported, citing the defence ministry": an outlet relaying a source; claims.py lets the one
# cited speak only where it vouches (an official, a group), since then the outlet only passes its word on.
_CITING = re.compile(rf"(?i)\b(?:citing|quoting)\s+(?P<who>{_WORDS})(?=[,.;]|$| as\b| that\b| who\b| which\b)")
CITING = "citing"  # the verb a relayed source's candidate carries
_CITES = re.compile(r"[Cc]iting|[Qq]uoting")  # a cheap test before the scan
# "Police spokesman Musa Bello: \"The gunmen fled…\"": a speaker and a colon before a quote, no verb at all.
_COLON_QUOTE = re.compile(rf"^(?P<who>{_WORDS}):\s*[\"“]")
# "…, in what the mayor called a deliberate attack": the speaker of a characterisation.
_IN_WHAT = re.compile(rf"(?i)\bin what (?P<who>{_WORDS}) (?:called|termed|described as)\b")
# Not "told": what follows it is who was told ("…, told reporters").
_INVERTED = re.compile(rf",\s+(?P<v>said|says|say|added|reported)\s+(?!(?:on|in|at|by|that|it|they|he|she|we|there|"
                       rf"last|this|late|early|earlier|later|yesterday|today)\b)(?P<who>{_WORDS})(?=[,.;]|$)")
_CLAUSE_VERB = re.compile(rf"\b(?:was|were|is|are|had|has|have|did|would|will|could|{TABLES['deed_verb']})\b")
_SUBJECT_VERB = re.compile(rf"(?P<who>(?:[\w'’.()-]+\s){{1,9}}?)(?:has |have |had |also |later )*(?P<v>{VERBS})\b")
# The same, starting only where a word starts: a start inside a word reaches the same verbs in the same number
# of words as the word's own start, so it can match only where that start was never tried (the scan's first
# position); skipping the rest saves most of the scan's tries (see _subject_verbs).
_SUBJECT_VERB_AT_WORD = re.compile(rf"(?<![\w'’.()-]){_SUBJECT_VERB.pattern}")
# "The Observatory, a Britain-based monitor, said": the subject before an appositive between commas.
_APPOSITIVE = re.compile(rf"^(?:[A-Z][A-Z' -]+(?:,[^—–]{{0,30}})?\s[—–-]\s)?(?P<who>[^,;:\"“”]{{2,80}}?),"
                         rf"[^;\"“”]{{2,160}}?,\s+(?:has |have |had |also |later )*(?P<v>{VERBS})\b")
# "…, Alexei Smirnov, the region's acting head, said": a named speaker with his role, after the event or a quote.
_MID_APPOSITIVE = re.compile(rf"[,?!][\"”’]?\s+(?P<who>(?:[A-Z][\w'’-]+\s){{0,3}}[A-Z][\w'’-]+),\s+(?:the|a|an)\s+"
                             rf"[^,;\"“”]{{2,80}}?,\s+(?:has |have |had |also |later )*(?P<v>{VERBS})\b")
# "…, a police officer, who asked not to be named, said": an unnamed speaker with the reason he goes unnamed.
_UNNAMED = re.compile(rf",\s+(?P<who>(?:an?|the|two|three|several)\s+[^,;\"“”]{{2,60}}?),\s+(?:who|speaking|requesting|"
                      rf"on condition)\b[^,;\"“”]{{2,80}},\s+(?:has |have |had |also |later )*(?P<v>{VERBS})\b")
# The verb the patterns above end in: a sentence without one (most) skips their costly scans.
_ANY_VERB = re.compile(rf"(?:{VERBS})\b")
# What _SUBJECT_VERB's speaker and its verb cannot hold: no match starts before the last of these ahead of
# the first verb, so its scan (the slowest here, a try of up to nine words at every character) starts there.
_NOT_IN_SUBJECT = re.compile(r"[^\w'’.()\s-]")
SPEAKER_WORDS = 5  # a speaker named before "said" is a short noun phrase: "the regional governor"


@dataclass(frozen=True, slots=True)
class Candidate:
    """A phrase that may name the speaker, the verb it speaks with, and wider words to classify it by."""

    words: str
    start: int
    end: int
    wide: str
    verb: str
    slot: int = -1  # where its verb stands, for conjoined speakers of one verb


def speakers(text: str) -> list[Candidate]:
    """Candidate speakers, most explicit first."""
    found = []
    for m in _CITING.finditer(text) if _CITES.search(text) else ():
        found.append(Candidate(m.group("who"), m.start("who"), m.end("who"), m.group("who"), CITING))
    colon = _COLON_QUOTE.match(text) if ":" in text else None
    if colon:
        found.append(Candidate(colon.group("who"), colon.start("who"), colon.end("who"), colon.group("who"), "said"))
    for m in _ACCORDING.finditer(text):
        found.append(Candidate(m.group(1), m.start(1), m.end(1), m.group(1), "said"))
    for m in _PASSIVE.finditer(text):
        found.append(Candidate(m.group("who"), m.start("who"), m.end("who"), m.group("who"), m.group("v")))
    for m in _AFTER_QUOTE.finditer(text):
        group, verb = ("who", m.group("a")) if m.group("who") else ("who2", m.group("v2"))
        # The words after the name may say who the speaker is: "said Amina Yusuf, a farmer who fled".
        found.append(Candidate(m.group(group), m.start(group), m.end(group), text[m.start(group):], verb))
    for m in _QUOTED.finditer(text):
        found.append(Candidate(m.group("who"), m.start("who"), m.end("who"), m.group("who"), "said"))
    for m in _WAS_QUOTED.finditer(text) if "quoted" in text else ():
        words = list(re.finditer(r"[^\s,\"”]+", m.group("who")))[-SPEAKER_WORDS:]
        if words:
            lo, hi = m.start("who") + words[0].start(), m.start("who") + words[-1].end()
            found.append(Candidate(text[lo:hi], lo, hi, m.group("who"), "said"))
    for m in _IN_WHAT.finditer(text):
        found.append(Candidate(m.group("who"), m.start("who"), m.end("who"), m.group("who"), "said"))
    for m in _INVERTED.finditer(text):
        if _CLAUSE_VERB.search(m.group("who")):
            continue  # "…, said troops killed 12 militants": a clause follows "said", not its speaker
        found.append(Candidate(m.group("who"), m.start("who"), m.end("who"), text[m.start("who"):], m.group("v")))
    first_verb = _ANY_VERB.search(text)
    verb = first_verb is not None
    for m in _MID_APPOSITIVE.finditer(text) if verb else ():
        found.append(Candidate(m.group("who"), m.start("who"), m.end("who"), text[m.start("who"):m.end("v")],
                                m.group("v")))
    for m in _UNNAMED.finditer(text) if verb and (", who" in text or ", speaking" in text) else ():
        found.append(Candidate(m.group("who"), m.start("who"), m.end("who"), m.group("who"), m.group("v")))
    appositive = _APPOSITIVE.match(text) if verb else None
    if appositive and not _CLAUSE_VERB.search(appositive.group("who")):
        # (not "Gunmen killed 12 villagers, a police officer, who asked not to be named, said": a clause)
        found.append(Candidate(appositive.group("who"), appositive.start("who"), appositive.end("who"),
                                text[:appositive.end("v")], appositive.group("v")))
    for m in _subject_verbs(text, _subject_start(text, first_verb.start())) if verb else ():
        who = m.group("who")
        # The speaker is the noun phrase just before the verb: cut at the last comma, quote or clause
        # word; the wider window still classifies "Several news sites, citing sources, reported".
        cut = max(who.rstrip(" ,").rfind(","), who.rfind('"'), who.rfind("”"), who.rfind(" that "))
        start = m.start("who") + (cut + 1 if cut >= 0 else 0)
        # Each speaker joined by "and" is a candidate of its own, the one nearest the verb first.
        parts = [start] + [start + j.end() for j in re.finditer(r" and ", text[start:m.end("who")])]
        for part in reversed(parts):
            # The last few words before the verb, offsets taken from the text itself (any kind of space).
            end = next((p - 5 for p in parts if p > part), m.end("who"))
            words = list(re.finditer(r"[^\s,\"”]+", text[part:end]))[-SPEAKER_WORDS:]
            if len(words) > 1 and words[0].group() in {"and", "that"}:
                words = words[1:]  # "that the police said": the clause word names nobody
            if words:
                lo, hi = part + words[0].start(), part + words[-1].end()
                found.append(Candidate(text[lo:hi], lo, hi, who, m.group("v"), m.start("v")))
    return found


def _subject_verbs(text: str, pos: int) -> Iterator[re.Match[str]]:
    """_SUBJECT_VERB.finditer(text, pos), trying only the scan's own position and the starts of words."""
    while pos < len(text):
        m = _SUBJECT_VERB.match(text, pos) or _SUBJECT_VERB_AT_WORD.search(text, pos + 1)
        if m is None:
            return
        yield m
        pos = m.end()


def _subject_start(text: str, verb: int) -> int:
    """Where a _SUBJECT_VERB match may start at the earliest: past the last character before the first verb
    that no speaker phrase holds (a later verb's phrase cannot reach back over it either)."""
    last = None
    for last in _NOT_IN_SUBJECT.finditer(text, 0, verb):
        pass
    return last.end() if last else 0
