"""Attribution: who says an event happened, and what kind of source that is.

Read from reporting verbs ("said", "claimed", "denied"), passives ("was claimed by"), "according to X",
quotes and appositives ("X, a monitoring group, said"); a sentence with no speaker of its own, inside a
quote or not, inherits the last speaker of its paragraph, and "he" or "the statement" points back at the
last speaker. A state's name or capital on its own ("Kyiv said") is its government; a person introduced once
("Abu Karim, a spokesman for the Front") keeps that role when named again ("Karim said"). Officials also speak
without a verb of saying ("police put the toll at six", "was quoted as saying"), deny without "denied" ("disputed
that account", "had nothing to do with it"), and vouch for nothing while they hedge ("not aware of",
"gathering information") or recall a stance taken before. An outlet citing an official or a group passes its word on
("state media reported, citing the ministry"), a group's own news agency or radio is the group, and a speaker may be
named before a colon and a quote with no verb at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..gazetteer import fold
from ..models import SourceKind
from .lexicons import Lexicons
from .own_side import OWN_DEED, VICTIM, done_to_it
from .speaker_phrases import TABLES as _W
from .speaker_phrases import CITING as _CITING
from .speaker_phrases import Candidate as _Candidate
from .speaker_phrases import speakers as _speakers

# The words themselves, less the look-behinds that keep an adjective out ("the disputed region").
_DENY_VERBS = frozenset(re.sub(r"\(\?<!.*?\)", "", w) for w in _W["deny_verb"].split("|"))
# Nouns that follow "the" without naming a particular incident ("the same", "the statement").
VAGUE_NOUNS = frozenset(_W["vague"].split("|"))
# Words by which a statement after a report speaks of the same incident ("the attack", "the men", "killed").
REFERS_BACK = re.compile(rf"(?i)\b(?:the|this|that|its|[a-z]+day's)\s+(?:[\w-]+\s+){{0,2}}?(?:{_W['refer_back_noun']})\b|"
                         rf"\b(?:{_W['refer_back_word']})\b")
_EVENT_DENIAL = re.compile(rf"(?i)\b(?:{_W['event_denial']})\b")
# Words without which no sentence denies anything: a cheap test before reading who speaks.
DENIAL_CUE = re.compile(rf"\b(?:{'|'.join(sorted(_DENY_VERBS))})\b|(?i:\b(?:{_W['event_denial']})\b)")
_CLAIM = re.compile(r"(?i)\b(?:claimed|claims|claiming|took|takes|taking|admitted|accepted) (?:responsibility|credit)\b|"
                    r"\b(?:it|they|he|the group|the movement)\s+(?:was|were|had been)\s+(?:responsible for|behind)\b|"
                    r"\bclaim(?:ed|s|ing)? to have\b|"
                    r"\bclaimed (?:the|an?|this|that|both|last\w*|\w+day'?s) (?:[\w-]+ ){0,2}?(?:attacks?|bombings?|"
                    r"blasts?|killings?|kidnapping|abduction|ambush|assault|strikes?|raids?|explosions?|"
                    r"assassination|shooting|operation|sabotage|arson)\b|\bclaimed by\b")
_NO_CLAIM = re.compile(r"(?i)\b(?:no (?:one|group|organi[sz]ation|faction|claim)|nobody|none)\b|"
                       r"\b(?:not|yet to|never)\s+(?:yet\s+|immediately\s+|publicly\s+)?(?:been\s+)?claim")
_NEGATED_SUBJECT = re.compile(r"(?i)^(?:(?:which|that|who|whom)\s+)?(?:no|nobody|none|neither)\b")
# "We burned them", "our people set fire": a speaker's own side acting ("they shot at us" is a victim, and
# "we heard the shots" a witness).
_FIRST_PERSON = re.compile(rf"(?i)[\"“][^\"”]*\b(?:we|our\s(?:[\w-]+\s){{0,2}}?(?:fighters|men|people|forces|"
                           rf"units|boys|brothers|comrades|mujahideen|drones|troops))\s+(?:have\s|had\s|also\s|then\s|just\s)?"
                           rf"(?:{_W['deed_verb']})\b[^\"”]*[\"”]")
# An official who cannot confirm, speaks of reports or has opened an inquiry relays the event without vouching
# for it.
_HEDGE = re.compile(r"(?i)\b(?:could ?n[o'’]t|cannot|can't|(?:was |were )?unable to|would not|declined to|refused to|"
                    r"rarely|seldom|never|"
                    r"did not|has not|have not|yet to)\s+(?:yet |immediately |independently |officially )?"
                    r"(?:confirm|verify)|\b(?:checking|looking into|investigating|verifying|aware of|received|"
                    r"(?:concerned|alarmed|appalled|troubled) (?:by|at|about|over))\s+(?:the |unconfirmed |media )?"
                    r"(?:reports?|claims?|allegations?|accounts?)\b|\bno information\b|\bnot (?:yet )?aware of\b|"
                    r"\b(?:gathering|collecting|seeking|awaiting) (?:more )?(?:information|details)\b|"
                    r"\bestablish(?:ing)? (?:what happened|the (?:facts|circumstances))\b|"
                    # An inquiry opened, a search under way: what happened is still to be found out.
                    r"\b(?:opened|launched|began|begun|started|ordered)\s+(?:an?\s+)?(?:investigation|inquiry|probe)\b|"
                    # A murder or criminal inquiry looks for who did a crime the police take as fact: no hedge.
                    r"(?<!murder )(?<!homicide )(?<!criminal )(?<!manslaughter )(?<!terrorism )"
                    r"\b(?:investigation|inquiry|probe) (?:was|is|had been|has been) (?:under ?way|launched|opened)\b")
# A stance taken before, or as a rule ("has previously denied targeting civilians"), denies no incident of
# this report.
_PAST_STANCE = re.compile(r"(?i)\b(?:previously|in the past|repeatedly|routinely|consistently|always|has long|"
                          r"have long)\b[^.;]{0,20}?\b(?:denied|denies|deny|rejected|dismissed)\b")
# Who a speaker phrase names stops at a relative clause: "a farmer who saw the militants" is a witness.
_CLAUSE = re.compile(r"(?i)\s(?:who|whose|which|that|when|where|after|as|while)\s")
# "Abu Karim, a spokesman for the Justice Front, …": a person introduced with a role between commas.
_INTRO = re.compile(r"\b(?P<name>(?:[A-Z][\w'’-]+\s){0,3}[A-Z][\w'’-]+),\s(?:a|an|the)\s(?P<role>[^,;:\"“”]{3,80}?)(?=,|\.|$)")
_NAME = re.compile(r"\b[A-Z][\w'’-]{2,}")
_NOT_NAMES = frozenset(_W["not_name"].split("|"))
# "…, but denied that they had fired live rounds": a statement that denies the event's heart.
_PART_DENIAL = re.compile(r"(?i)\b(?:but|and|while)\s+(?:\w+\s+)?(?:denied|rejected|dismissed)\b")
# Bodies named as committees or networks, and the words of a bomb stopped: see _kind_of.
_CIVIC = re.compile(r"\b(?:Committees?|Councils?|Network|Coalition|Federation|Union|Association)\b")
_DISARMED = re.compile(r"(?i)\b(?:defused|defusing|dismantled|dismantling|disarmed|foiled|thwarted)\b")
# Bodies outside the fighting (the UN, aid and rights groups) report, whatever their spokesperson is called.
_INTERNATIONAL = re.compile(rf"\b(?:{_W['international_acronym']})\b|(?i:\b(?:{_W['international']})\b)")
# Sources at a hospital tell what they saw brought in, as medics do.
_MEDICAL = re.compile(rf"(?i)\b(?:{_W['medical']})\b")
# A group's own news agency, radio or media wing is the group speaking, though it names no group.
GROUP_OUTLET = re.compile(rf"(?i)\b(?:{_W['group_outlet']})\b")
# State office-holders the speaker lexicon does not name.
_OFFICE = re.compile(rf"(?i)\b(?:{_W['office']})\b")
# Of several speakers of one verb ("a rebel spokesman and residents said"), the one who vouches most
# (a witness and a rights group alike only report: the one nearest the verb).
_RANK = {SourceKind.OFFICIAL_STATEMENT: 0, SourceKind.PERPETRATOR_CLAIM: 1, SourceKind.WITNESS: 3,
         SourceKind.MEDIA_REPORT: 3, SourceKind.RUMOUR: 4}
_HAS_PRONOUN = re.compile(r"(?i)\b(?:he|she|they)\b")
_BACK_REFERENCE = re.compile(r"(?i)^(?:the|that|this|its|their|his|her) (?:statement|post|message|video|"
                             r"report|communiqu[eé]|update|summary|briefing|spokes(?:man|woman|person))$")
# "…, in which he said": the pronoun's antecedent is the subject earlier in the same sentence.
_RELATIVE = re.compile(r"(?i)\b(?:which|where|whom|when|and|but|adding|before|after)\b")
_DETERMINERS = frozenset(_W["determiner"].split("|"))
_RUN_BY = re.compile(r"[\w'’-]+(?: [\w'’]+)?-(?:run|led|controlled|backed|appointed|allied|affiliated|held)\b")
_KINDS = {"perpetrator": SourceKind.PERPETRATOR_CLAIM, "official": SourceKind.OFFICIAL_STATEMENT,
          "witness": SourceKind.WITNESS, "media": SourceKind.MEDIA_REPORT, "hearsay": SourceKind.RUMOUR}


@dataclass
class SpeakerState:
    """What the article said most recently about who is speaking."""

    last: tuple[SourceKind, str, int, int] | None = None
    by_paragraph: dict[int, tuple[SourceKind, str, int, int]] = field(default_factory=dict)
    # Paragraphs whose last speaker claimed or denied an incident: that voice does not narrate on.
    closed: set[int] = field(default_factory=set)
    names: dict[str, SourceKind] = field(default_factory=dict)  # "Karim" -> the kind he was introduced as


@dataclass(frozen=True, slots=True)
class AttributionHit:
    kind: SourceKind
    source: str | None
    start: int | None   # sentence-relative span of the speaker words
    end: int | None


# Verbs with which an official's words, not the verb, may deny ("said the report was false").
_SAYS = frozenset({"said", "says", "stated", "insisted", "called", "branded", "labelled", "labeled", "denounced",
                   "described", "told", "tells", "added", _CITING, "wrote", "posted", "noted", "explained", "declared",
                   "asserted"})
_VOUCHING = frozenset({SourceKind.PERPETRATOR_CLAIM, SourceKind.OFFICIAL_STATEMENT})
_QUOTES = "\"“‘'«"
_NEW_TOPIC = re.compile(r"(?i)^\W*(?:separately|meanwhile|elsewhere|in (?:a |an )?(?:separate|another|other) "
                        r"(?:incidents?|attacks?|developments?))\b")


def speaking_groups(text: str, groups: dict[str, tuple[str, str | None]], lex: Lexicons) -> set[str]:
    """Lower-case names by which the article's armed groups speak: those it introduces itself and the
    non-state groups of the actor lexicon it names ("a PDF spokesman" is the People's Defence Force's)."""
    # "The Investigative Committee" has a group's head word but is a state office.
    groups = {a: v for a, v in groups.items() if not _OFFICE.search(v[0])}
    aliases = set(groups) | {name.lower() for name, _ in groups.values()}
    for actor in lex.named_actors:
        if actor.kind != "state_forces":
            found = {m.group().lower() for m in actor.pattern.finditer(text)}
            aliases |= found | ({actor.name.lower()} if found else set())
    return aliases


def attribute(text: str, paragraph: int, state: SpeakerState, lex: Lexicons,
              group_aliases: set[str]) -> AttributionHit:
    """The attribution of one sentence; updates the state for the sentences after it."""
    known = set(state.names)  # names met before this sentence
    if ", a" in text or ", the " in text:
        _remember_introductions(text, state, lex, group_aliases)
    candidates = [c for c in _speakers(text) if _says_something(c, text)]
    classified = [(c, _classify_candidate(c, text, state, lex, group_aliases)) for c in candidates]
    # A group or a bystander denying something asserts nothing; only an official denial counts. An outlet
    # citing an official or a group passes that source's word on; citing anyone else, it speaks itself.
    classified = [(c, k) for c, k in classified
                  if (c.verb.lower() not in _DENY_VERBS or k in {None, SourceKind.OFFICIAL_STATEMENT})
                  and (c.verb != _CITING or k in _VOUCHING)]
    candidates = [c for c, _ in classified]
    speaker, kind = next(((c, k) for c, k in classified if k), (candidates[0], None) if candidates else (None, None))
    if kind is not None and speaker.slot >= 0:
        # "A rebel spokesman and residents said": the voice that vouches most speaks for them all.
        speaker, kind = min(((c, k) for c, k in classified if k and c.slot == speaker.slot),
                            key=lambda ck: _RANK.get(ck[1], 5))
    claim = bool(_CLAIM.search(text)) and not _NO_CLAIM.search(text)
    if claim and kind is not SourceKind.OFFICIAL_STATEMENT:
        # "X claimed the ambush, which the army said killed seven soldiers": the official's word on the
        # claimed incident makes it confirmed, as a later sentence of theirs would.
        speaker, kind = _official_beside_claim(classified, text, lex, group_aliases) or (speaker, kind)
    # Posts and videos online are rumour, unless a group or an official speaks through them: a claim on
    # the group's Telegram channel is still its claim.
    if not claim and kind not in _VOUCHING and any(p.search(text) for k, p in lex.speakers if k == "rumour"):
        return AttributionHit(SourceKind.RUMOUR, None, None, None)
    if speaker is None:
        # Wire copy goes on in its source's voice until the paragraph ends: "…, the ministry said. On
        # Tuesday, a bomb hit…" is still the ministry's account.
        inherited = state.by_paragraph.get(paragraph)
        if claim:
            return AttributionHit(SourceKind.PERPETRATOR_CLAIM, None, None, None)
        # A denial or a claim of responsibility speaks of its own incident, and "Separately, …" starts
        # another: neither lends its voice to the narrative that follows, only to its own quote going on.
        quoted = text.lstrip()[:1] in _QUOTES
        if inherited and (quoted or paragraph not in state.closed) and not _NEW_TOPIC.match(text):
            return AttributionHit(inherited[0], inherited[1], None, None)
        return AttributionHit(SourceKind.OUTLET, None, None, None)
    who = speaker.words
    if (_HAS_PRONOUN.search(who) or _BACK_REFERENCE.match(who)) and state.last and kind == state.last[0]:
        who = state.last[1]
    base = kind
    # "He", "the statement", a surname met before: the kind was settled where the speaker was first named.
    settled = _points_back(speaker.words) or any(n in known for n in _NAME.findall(speaker.words))
    kind = _kind_of(kind or SourceKind.MEDIA_REPORT, speaker, text, claim, group_aliases, settled)
    if kind in {SourceKind.MEDIA_REPORT, SourceKind.WITNESS} and any(
            p.search(speaker.words) for k, p in lex.speakers if k in {"rumour", "hearsay"}):
        # "according to unverified posts on channels linked to the group": the group named there does not
        # speak, and what is left is a post no one vouches for.
        kind = SourceKind.RUMOUR
    if base is not None and not _HAS_PRONOUN.search(who):
        # A denial or a hedge is what an official said this time; a group's claim, what the group is.
        _remember_names(who, kind if base is SourceKind.PERPETRATOR_CLAIM else base, state)
    record = (kind, who.strip(), speaker.start, speaker.end)
    state.last = record
    state.by_paragraph[paragraph] = record
    if claim or kind is SourceKind.OFFICIAL_DENIAL:
        state.closed.add(paragraph)
    else:
        state.closed.discard(paragraph)
    return AttributionHit(kind, who.strip(), speaker.start, speaker.end)


def _official_beside_claim(classified, text: str, lex: Lexicons, group_aliases: set[str]):
    """The official who, in a sentence that claims an incident, states it happened too; None if none. A
    spokesman named by that word alone is the claimant's own ("X claimed the attack, a spokesman said"), and so
    is one named by the group's name or "its" ("which its military spokesman said", "Al Shabaab military
    spokesman X")."""
    for c, k in classified:
        if k is SourceKind.OFFICIAL_STATEMENT and c.verb.lower() not in _DENY_VERBS and c.verb != "claimed" \
                and not _GROUPS_OWN.search(c.wide) and not any(a in c.wide.lower() for a in group_aliases) \
                and _classify(_SPOKESMAN.sub("", c.words), lex, set()) is SourceKind.OFFICIAL_STATEMENT \
                and _kind_of(k, c, text, True, set(), False) is SourceKind.OFFICIAL_STATEMENT \
                and not _INQUIRY.search(text, c.end):
            return c, k
    return None


_SPOKESMAN = re.compile(r"(?i)\bspokes(?:man|woman|person)\b")
_GROUPS_OWN = re.compile(r"(?i)\b(?:its|their|the (?:group|movement|militants|rebels|insurgents|jihadists)['’]s)\s+"
                         r"(?:[\w-]+\s+)?(?:spokes(?:man|woman|person)|statement|channel|media|leader|commander|official)")
# "…, which the army said it was investigating": an official looking into a claimed attack vouches for no part of it.
_INQUIRY = re.compile(r"(?i)\b(?:investigating|looking into|under investigation)\b")


# Where a denier's own account starts: "denied the account, saying the men had fired first".
_COUNTER = re.compile(r"(?i),\s*(?:and\s+)?(?:saying|insisting|arguing|explaining|maintaining|adding|countering)\b|"
                      r"\b(?:and|but)\s+(?:said|insisted|maintained|added)\b")


def counter_version(text: str) -> int:
    """Where an official denial's own version of the incident starts ("The army disputed the residents'
    account, saying the men had fired on the checkpoint first"): the deeds told from there are the denier's
    account of the incident it denies, not another incident. The text's length where there is none."""
    cue = DENIAL_CUE.search(text)
    mark = _COUNTER.search(text, cue.end()) if cue else None
    return mark.start() if mark else len(text)


def own_voice(hit: AttributionHit, outlet: str | None) -> AttributionHit:
    """The outlet's own reporting where the speaker is the outlet itself ("according to a Sahel Monitor tally",
    "a Delta Dispatch reporter saw", "our correspondent"): no source outside the report vouches for it."""
    if hit.kind is not SourceKind.MEDIA_REPORT or not hit.source:
        return hit
    named = fold(hit.source)
    if _OUR_OWN.search(hit.source) or (outlet and len(outlet) > 3 and fold(outlet) in named):
        return AttributionHit(SourceKind.OUTLET, hit.source, hit.start, hit.end)
    return hit


_OUR_OWN = re.compile(r"(?i)\b(?:our (?:own )?(?:correspondents?|reporters?|journalists?|team|count|tally)|"
                      r"this (?:newspaper|paper|outlet|agency|website|publication|station|broadcaster))\b")


def _kind_of(kind: SourceKind, speaker: _Candidate, text: str, claim: bool, group_aliases: set[str],
             settled: bool) -> SourceKind:
    """The speaker's kind, turned by what it says: a claim of responsibility, a denial, a hedge."""
    official = kind in {SourceKind.OFFICIAL_STATEMENT, SourceKind.OFFICIAL_DENIAL}
    if not official and (claim or (_FIRST_PERSON.search(text) and kind in
                                   {SourceKind.MEDIA_REPORT, SourceKind.PERPETRATOR_CLAIM})):
        return SourceKind.PERPETRATOR_CLAIM
    if kind is SourceKind.PERPETRATOR_CLAIM and not claim and done_to_it(text, speaker, group_aliases):
        # A party telling of a strike on its own men states what happened to it, as an official would;
        # a group the article does not name only reports it.
        named = settled or any(a in speaker.wide.lower() for a in group_aliases)
        return SourceKind.OFFICIAL_STATEMENT if named else SourceKind.MEDIA_REPORT
    if kind in {SourceKind.MEDIA_REPORT, SourceKind.PERPETRATOR_CLAIM} and OWN_DEED.search(text) and not VICTIM.search(text):
        return SourceKind.PERPETRATOR_CLAIM
    if kind is SourceKind.PERPETRATOR_CLAIM and not settled and not any(a in speaker.wide.lower() for a in group_aliases) \
            and not GROUP_OUTLET.search(speaker.wide):
        # "A local resistance group said jets bombed the market": a group that tells of another's deed
        # reports it; only its own deed, or a group the article names, makes a claim.
        return SourceKind.MEDIA_REPORT
    if kind is SourceKind.PERPETRATOR_CLAIM and not claim and _CIVIC.search(speaker.words):
        # "…, the El Fasher Resistance Committee said": a body named as a committee or a network that tells
        # of no deed of its own reports, as a monitor does.
        return SourceKind.MEDIA_REPORT
    if kind is SourceKind.PERPETRATOR_CLAIM and not claim and _DISARMED.search(text):
        # A group that defused or foiled a bomb tells of a weapon stopped, not an attack it claims: it speaks
        # as the authority where it holds ground.
        return SourceKind.OFFICIAL_STATEMENT
    if official:
        verb = speaker.verb.lower()
        denies = verb in _DENY_VERBS or (verb in _SAYS and (
            _EVENT_DENIAL.search(text) or _PART_DENIAL.search(text, speaker.end)))
        if denies and _PAST_STANCE.search(text):
            return SourceKind.OUTLET
        if denies:
            return SourceKind.OFFICIAL_DENIAL
        return SourceKind.OUTLET if _HEDGE.search(text) else SourceKind.OFFICIAL_STATEMENT
    return kind


def _points_back(words: str) -> bool:
    """True for "he", "the statement": words that point back at an earlier speaker."""
    return bool(_HAS_PRONOUN.search(words) or _BACK_REFERENCE.match(words.strip()))


def _says_something(c: _Candidate, text: str) -> bool:
    """False for a phrase that names no speaker ("The claims could not…", "No group has claimed")."""
    if not any(w.lower() not in _DETERMINERS for w in re.findall(r"[\w'’-]+", c.words)):
        return False
    if _NEGATED_SUBJECT.match(c.words):
        return False
    return True


def _classify_candidate(c: _Candidate, text: str, state: SpeakerState, lex: Lexicons,
                        group_aliases: set[str]) -> SourceKind | None:
    """Kind of a candidate speaker: its own words, else the speaker a pronoun points back to, else the
    words around it ("Several news sites, citing sources, reported")."""
    kind = _classify(c.words, lex, group_aliases)
    if kind is SourceKind.OFFICIAL_STATEMENT and any(state.names.get(n) is SourceKind.PERPETRATOR_CLAIM
                                                      for n in _NAME.findall(c.words)):
        kind = SourceKind.PERPETRATOR_CLAIM  # "M23 spokesman …" after "M23 said its fighters…"
    if kind is None and _HAS_PRONOUN.search(c.words):
        before = text[:c.start]
        if _RELATIVE.search(c.words) or _RELATIVE.search(before[-12:]):
            kind = _classify(before, lex, group_aliases)
        if kind is None and state.last:
            kind = state.last[0]
    if kind is None and _BACK_REFERENCE.match(c.words.strip()) and state.last:
        kind = state.last[0]
    if kind is None and state.names:
        kind = next((state.names[n] for n in _NAME.findall(c.words) if n in state.names), None)
    return kind or _classify(c.wide, lex, group_aliases)


def _remember_introductions(text: str, state: SpeakerState, lex: Lexicons, group_aliases: set[str]) -> None:
    """Note the role of each person the sentence introduces ("Abu Karim, a spokesman for the Front,")."""
    for m in _INTRO.finditer(text):
        kind = _classify(m.group("role"), lex, group_aliases)
        if kind is not None:
            _remember_names(m.group("name"), kind, state)


def _remember_names(who: str, kind: SourceKind, state: SpeakerState) -> None:
    """Each capitalised name in a classified speaker phrase, so that a later bare surname keeps the kind."""
    for name in _NAME.findall(who):
        if name not in _NOT_NAMES and not name.endswith(("'s", "’s")):
            state.names[name] = kind


def _classify(who: str, lex: Lexicons, group_aliases: set[str]) -> SourceKind | None:
    """The kind of source a speaker phrase names; its head first, before any relative clause."""
    cut = _CLAUSE.search(who)
    if cut:
        return _classify_phrase(who[:cut.start()], lex, group_aliases) or _classify_phrase(who, lex, group_aliases)
    return _classify_phrase(who, lex, group_aliases)


def _classify_phrase(who: str, lex: Lexicons, group_aliases: set[str]) -> SourceKind | None:
    """The kind of source a phrase names: a group, a state, or a speaker word from the lexicon."""
    # A ministry or an outlet a group runs ("the Hamas-run health ministry") speaks as an office, not as the group.
    lowered = _RUN_BY.sub("", who.lower())
    if any(alias in lowered for alias in group_aliases):
        return SourceKind.PERPETRATOR_CLAIM
    bare = fold(re.sub(r"(?i)^(?:the|officials? in|authorities in)\s+|['’]s?$", "", who.strip()))
    if bare in lex.state_names:
        return SourceKind.OFFICIAL_STATEMENT
    if any(a.kind == "state_forces" and a.pattern.search(who) for a in lex.named_actors):
        return SourceKind.OFFICIAL_STATEMENT  # "the IDF", "the Tatmadaw": a state's own forces
    if GROUP_OUTLET.search(who):
        return SourceKind.PERPETRATOR_CLAIM
    if _INTERNATIONAL.search(who):
        return SourceKind.MEDIA_REPORT
    if _MEDICAL.search(who):
        return SourceKind.WITNESS
    for kind, pattern in lex.speakers:
        if kind != "rumour" and pattern.search(who):
            return _KINDS[kind]
    return SourceKind.OFFICIAL_STATEMENT if _OFFICE.search(who) else None

