"""Event typing of a sentence: lexicon triggers, gated by context cues, precedence and modality."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..ontology import load_ontology
from .lexicons import Lexicons

# Words that put an event in the future, the conditional, a plan, a fear or a guess. The modal verbs
# are matched in lower case only, so the month "May" is not one of them.
_IRREALIS = re.compile(
    r"\b(?:could|would|might|will|shall|should|may|must)\b|"
    r"(?i:\b(?:if|unless|whether|plans?|planned|planning|threat(?:en|ens|ened|ening)?|vow(?:s|ed)?|"
    r"intend(?:s|ed)?|prepar(?:e|es|ed|ing) to|fears?|feared|warn(?:s|ed|ing)?(?! shots)|risks?|possibl[ey]|likely|"
    r"expect(?:s|ed)?|potential(?:ly)?|hypothetical|speculat\w*|imagine|calls? for|urg(?:e|es|ed)|"
    r"aim(?:s|ed)? to|seek(?:s)? to|attempt to|would-be|future)\b)"
)
_NEGATION = re.compile(r"(?i:\b(?:no|not|never|without|nor)\b)")
# A fear or a call that the trigger word itself completes ("fled, fearing an attack", "called for protests"):
# read only just before the trigger, as these words also stand beside real events ("called for backup after
# a gunman opened fire", "fearing more violence after gunmen killed five").
_PROSPECT = re.compile(r"(?i)\b(?:fear(?:ing|ed|s)?|call(?:ed|ing|s)? for)\s+(?:(?:an?|the|more|further|new|renewed|"
                       r"fresh|another|possible|nationwide|mass|general|reprisal)\s+){0,2}$")
# Words that describe what an actor does as a rule, or did over years, rather than one incident.
_HABITUAL = re.compile(
    r"(?i)\b(?:(?:best |well |widely )?known for|notorious for|famous for|(?:a )?history of|track record|"
    r"tends? to|used to|frequently|regularly|routinely|often|usually|typically|habitually|time and again|"
    r"(?:has|have|had) (?:\w+ )?(?:repeatedly|long)|(?:holds?|held|stag(?:es?|ed)) (?:occasional|sporadic)|in recent (?:years|months|weeks)|for (?:years|decades)|"
    r"over the (?:past|last) (?:few |several )?(?:years|decades?)|since the (?:start|beginning|outbreak) of|"
    r"anniversary|commemorat\w+|in memory of|remembered|mourned|"
    r"every (?:single )?(?:day|night|week|month|year|season|summer|winter|spring|autumn|rainy season|dry season))\b")
# "Since April 2023, the war has killed…": a span of a war, not an incident ("the worst attack since
# March" names one, so only a "since" before the trigger counts).
_SINCE = re.compile(r"(?i)\bsince (?:(?:early|late|mid-?)\s*)?(?:(?:January|February|March|April|May|June|July|"
                    r"August|September|October|November|December)\b|(?:19|20)\d\d\b)")
# A kind of act, not an incident: "every torched office", "sabotage of rail lines is a cheap way".
_QUANTIFIED = re.compile(r"(?i)\b(?:every|each|any)\s+(?:[\w-]+\s+){0,2}$")
_DETERMINED = re.compile(r"(?i)\b(?:the|a|an|this|that|these|those|its|their|his|her|our|[\w-]+['’]s)\s+(?:[\w-]+\s+){0,2}$")
_CLASSIFYING = re.compile(r"^(?:\s+(?:of|against|on|in)\s+[^,;.\"“]{1,60}?)?\s+(?:is|was|are|were|remains?|"
                          r"ha(?:s|ve) become)\s+[\"“]?(?:an?|one of|part of|the (?:most|best|only|main|cheapest))\b",
                          re.IGNORECASE)
# What a ban forbids has not happened: "police banned all protests".
_BANNED = re.compile(r"(?i)\b(?:bann?(?:ed|s)?|prohibit(?:ed|s|ing)?|outlaw(?:ed|s|ing)?)\s+(?:on\s+|all\s+|any\s+|further\s+)?"
                     r"(?:[\w-]+\s+)?$")
# A trend across many incidents: "a sharp rise in kidnappings", "the number of attacks".
_TREND = re.compile(r"(?i)\b(?:rise|surge|increase|spike|upsurge|uptick|decline|drop|fall|fewer|more|number|share|"
                    r"proportion|rate|statistics|string|spate|campaign)\s+(?:in|of)\s+(?:[\w-]+\s+){0,2}$")
# The event is only named inside what a summary or report left out: "the tally of intercepted drones did not mention".
_NOT_MENTIONED = re.compile(r"(?i)^[^,;.]{0,60}?\b(?:did|does|do|has|have|had) not (?:mention|include|list|report|"
                            r"refer to|cover)\b|^[^,;.]{0,60}?\bmade no mention\b")
_BEFORE, _AFTER, _NEG_BEFORE = 60, 35, 25
# Shooting words say a gun was fired, not by whom at whom: they type a sentence only where no stronger
# trigger does, and never where the sentence is about a strike, a shelling, a blast, a protest, a riot, a
# verdict or a trial, a policy, an accident or a film (cue names in data/lexicons/cues.tsv).
# A charge or a court appearance does not block them: "charged in the March 3 shooting" tells of one; a
# verdict, a sentence or an indictment looks back on one long past.
_GUNFIRE_BLOCKS = ("drone", "aircraft", "artillery", "explosive", "protest", "riot", "verdict", "accident",
                   "filming", "aftermath")
_CRIME_WORDS = ("gunfight", "gunfire", "homicide")  # cue names, strongest reading first
# Shooting words that are a past verb of their own: "were shot", "opened fire", "fired two shots".
_PAST_SHOT = re.compile(r"(?i)(?:was|were|got)\b|opened fire|fired\b|shot (?:and|dead|to death)")
# "The city's 12th shooting this year": a count of incidents, not a report of one.
_COUNTED = re.compile(r"(?i)\b(?:\d+(?:st|nd|rd|th)|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
                      r"another)\s+(?:[\w-]+\s+){0,2}$")
# Fire at soldiers, police or their posts comes from armed men: ACLED codes it as a clash, not as
# violence against civilians.
_ARMED_SIDE = (r"(?:soldiers?|troops|servicem[ae]n|(?:police )?officers?|policem[ae]n|police|deput(?:y|ies)|"
               r"troopers?|border guards?|guards?|positions|(?:army |military |police )?(?:post|checkpoint|patrol|"
               r"convoy|base|station))")
_ARMED_VICTIM = re.compile(rf"(?i)\b{_ARMED_SIDE}\s+(?:who\s+|that\s+)?(?:was|were|had been|has been)\s+"
                           rf"(?:\w+ly\s+)?shot\b|\b(?:shot|fired|opened fire)\s+(?:at|on|upon)\s+"
                           rf"(?:an?\s+|the\s+|two\s+|three\s+|several\s+)?(?:[\w-]+\s+)?{_ARMED_SIDE}\b")
CLASH, ATTACK = "Armed clash", "Attack"
_STRATEGIC = "Strategic developments"
# Types that say who holds a place: a reading of the whole sentence may not bring one in where no word
# in it tells of a change of control ("crossed into the region and fought troops" is a clash).
_TERRITORY = frozenset({"Non-state actor overtakes territory", "Government regains territory",
                        "Non-violent transfer of territory"})
# Protest types from the crowd's violence down to a peaceful gathering: the order precedence.tsv keeps.
_PROTEST = ("Violent demonstration", "Excessive force against protesters", "Protest with intervention",
            "Peaceful protest")
# Words that leave the type open to the model's reading of the whole: a clash's ("fought", "battle") and a
# protest's ("killed" near a protest word, an act read by who did it). Arrests or dispersal of people who
# were protesting ("arrested students who were staging a sit-in") are not: the arrest is that protest's
# intervention, however the model reads it.
_LOOSE = frozenset({CLASH, *_PROTEST}) - {"Protest with intervention"}
_TAKERS = frozenset({"Non-state actor overtakes territory", "Government regains territory"})
_PEACEFUL_TRANSFER = "Non-violent transfer of territory"
# ACLED's residual type for a group's non-violent changes: a sentence whose words report a violent act
# stays that act, however the model reads the whole ("fighters crossed into the region and fought troops").
_RESIDUAL = "Change to group/activity"
# The doer of a take-over: the actor named last before the verb, in its clause, or a passive's "by" agent.
_ACTORS = ("state_forces", "armed_group")
_CLAUSE_BREAK = re.compile(r"(?i)[;:,]\s*(?:and |but |while |as |after |before |when )|\b(?:after|before|while|"
                           r"as|when|until|from|against|than)\b")
_PASSIVE = re.compile(r"(?i)\b(?:was|were|been|being|is|are|got)\s+(?:\w+ly\s+)?$")
# "the police station", "an army base": a place or a vehicle named after a force, not the force acting
# ("villagers surrounded the police station and damaged it" is the crowd's act).
_FORCE_PLACE = re.compile(r"(?i)\s+(?:stations?|posts?|outposts?|headquarters|vans?|vehicles?|cars?|trucks?|chowki|"
                          r"camps?|barracks|bases?|checkpoints?|lines|cordons?)\b")
_AGENT_REACH = 200
# A device found, defused or recovered did not go off: "troops defused a roadside bomb", "police recovered
# a grenade". Read only in the words just before the device's own trigger, so a sentence that also tells of
# one that exploded ("a bomb killed three; a second was defused") keeps it.
_DEVICES = frozenset({"Remote explosive/landmine/IED", "Grenade", "Suicide bomb"})
_UNEXPLODED = re.compile(r"(?i)\b(?:defus(?:ed|ing)|disarm(?:ed|ing)|dismantl(?:ed|ing)|deactivat(?:ed|ing)|"
                         r"found|discover(?:ed|ing)|recover(?:ed|ing)|seiz(?:ed|ing)|locat(?:ed|ing)|spott(?:ed|ing)|"
                         r"unexploded)\s+(?:an?\s+|the\s+|two\s+|three\s+|several\s+|\d+\s+)?(?:[\w-]+,?\s+(?:and\s+)?){0,3}$|"
                         # a bomb squad's own blast: "safely detonated the device", "a controlled explosion"
                         r"\b(?:controlled|safely|deliberately)\s+$")
# Reporters' words for whoever fired ("attackers", "assailants") name no organised armed group: a shooting
# they did is no clash by that word alone.
# The words of a device's own trigger that make it the bomb squad's ("bomb squad safely detonated").
_DISPOSAL = re.compile(r"(?i)\b(?:controlled|safely|deliberately)\b|\bbomb (?:squad|disposal)\b")
_ANY_SHOOTER = frozenset({"attackers", "assailants"})
# A deed someone is held for is no incident of its own in the sentence that tells of the arrest or the
# charge: "police arrested three men suspected of kidnapping a priest" reports an arrest. Not a killing: a
# crime report often tells its shooting first in the arrest ("charged with killing a clerk on Friday").
# "Ukraine accused Russia of shelling a hospital" is the news of a shelling: only one accused ("men accused
# of kidnapping") is held for a deed.
_HELD_FOR = re.compile(r"(?i)(?:\b(?:suspected|convicted|charged|wanted|arrested|detained|jailed|sentenced|"
                       r"held|questioned)\s+(?:\w+\s+)?|\baccused\s+)(?:of|for|with|over|in connection with)\s+"
                       r"(?:(?:the|a|an|their|his|her|alleged(?:ly)?|involvement in|role in|taking part in)\s+){0,3}$")
# What a crowd protests against is its grievance, not the event: "lawyers boycotted courts to protest against
# the killing of a colleague" and "a rally against police brutality" report a protest. Read only in the words
# just before the trigger, up to a clause word or a verb's auxiliary ("students protesting over fees were shot"
# are shot at that protest).
_GRIEVANCE = re.compile(r"(?i)\b(?:protest(?:s|ed|ing)?|demonstrat(?:ed|ing|ions?)|rall(?:y|ies|ied|ying)|"
                        r"march(?:ed|es|ing)?|sit-ins?|agitat(?:ed|ing|ion)|outrage[ds]?|anger(?:ed)?|"
                        r"condemn(?:ed|ing|ation of)|denounc(?:ed|ing)|"
                        r"(?:demand(?:ed|ing|s)?|seeking|sought)\s+(?:justice|action|a probe|an inquiry|an investigation|"
                        r"compensation))\s+(?:(?:against|over|at|of|about|for|into)\s+)?"
                        r"(?:(?:the|a|an|their|his|her|its|alleged|recent|continued|last\s+\w+['’]s)\s+)*"
                        r"(?:(?!(?:and|but|then|when|as|while|before|after|who|which|that|was|were|is|are|had|has|have|"
                        r"been|by)\b)[\w'’-]+\s+){0,3}$")
# A grievance is named by a noun ("the killing", "attacks on journalists", "police brutality") or a participle
# with its agent ("a colleague killed by police"); a verb after the words of a protest is the crowd's own act
# ("supporters protesting the results set a car on fire").
_NOMINAL = re.compile(r"(?i)(?:[\w-]*(?:ing|ion|ity|ence|ance|ment)s?|attacks?|arrests?|raids?|assaults?|rapes?|"
                      r"murders?|deaths?|abuses?|force|torture|lynching)\b(?!\s+(?:by|at|on)\b)"
                      r"|[\w-]+ed\s+(?:[\w-]+\s+)?by\b")
# An arrest the crowd protests ("demanding the release of a leader who was arrested last week") came before.
_EARLIER_ARREST = re.compile(r"(?i)(?:\b(?:who|whom|which|that)\s+(?:[\w-]+\s+){0,3}|\brelease\s+of\b[^,;.]{0,60}?|"
                             r"\b(?:the|their|his|her|its)\s+)$")
# A protest named only as what someone is arrested for ("accusing him of inciting violence during the
# protests", "for taking part in a protest") or as what the arrest followed ("over Sunday's protests", "a day
# after he led a march") is no protest the arrest broke up: ACLED codes such an arrest on its own.
_ARRESTED_FOR = re.compile(r"(?i)\b(?:accus\w*|suspect\w*|charg\w*|blam\w*|incit\w*|role|involvement|over|"
                           r"organi[sz]ed|in connection with|linked to|for (?:taking part|participating|joining|organi[sz]ing|"
                           r"leading|staging|holding|calling)|(?:days?|weeks?|hours?) (?:after|before)|following)\b"
                           r"[^.;]{0,50}$")
_PEACEFUL, _INTERVENTION, _ARRESTS = "Peaceful protest", "Protest with intervention", "Arrests"
# Police or soldiers who shoot or beat marchers use excessive force: a reading of the whole sentence may
# not make that a plain attack or a clash.
_EXCESSIVE = "Excessive force against protesters"
_MAX_TRIES = 16
_PASSIVE_AGENT = re.compile(r"(?i)^\s+(?:[\w-]+\s+){0,6}?by\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?")


@dataclass(frozen=True, slots=True)
class TriggerHit:
    """A sub-event type and the words in the sentence that signal it."""

    sub_event_type: str
    start: int
    end: int
    weak: bool = False  # shooting words only: the model does not retype it, and stronger words elsewhere win
    ruled_out: frozenset[str] = frozenset()  # types the sentence's words exclude, however the model reads it


def find_triggers(text: str, lex: Lexicons) -> list[TriggerHit]:
    """The sub-event types a sentence reports as having happened, each with its first trigger."""
    # Only the rows the lexicon screen lets through are read: most sentences hold the words of none.
    rows = [lex.triggers[k] for k in lex.any_trigger.may_match(text)] if lex.any_trigger is not None \
        else lex.triggers
    if not rows:
        return []
    seen: dict[str, bool] = {}

    def present(cue: str) -> bool:  # cues are read only for rows whose words occur: most sentences have none
        if cue not in seen:
            seen[cue] = bool(lex.cues[cue].search(text))
        return seen[cue]

    hits: dict[str, TriggerHit] = {}
    for trig in rows:
        if trig.sub_event_type in hits or not trig.pattern.regex.search(text):
            continue
        if trig.requires and not any(present(c) for c in trig.requires):
            continue
        if any(present(c) for c in trig.blocks):
            continue
        for k, m in enumerate(trig.pattern.regex.finditer(text)):
            if k >= _MAX_TRIES:   # a row whose first matches all fail is not read at every later one
                break
            if trig.sub_event_type in _DEVICES and (_UNEXPLODED.search(text[max(0, m.start() - 50):m.start()])
                                                    or _DISPOSAL.search(m.group(0))):
                continue
            if trig.sub_event_type != ATTACK and _HELD_FOR.search(text[max(0, m.start() - 60):m.start()]):
                continue
            if trig.sub_event_type != _PEACEFUL and _NOMINAL.match(text, m.start()) \
                    and _GRIEVANCE.search(text[max(0, m.start() - 80):m.start()]):
                continue
            if is_realis(text, m.start(), m.end()) and (not trig.agent or is_agent(text, m.start(), m.end(), lex,
                                                                                  trig.agent)):
                hits[trig.sub_event_type] = TriggerHit(trig.sub_event_type, m.start(), m.end())
                break
    if not hits:
        return []
    if _ARRESTS in hits and _PEACEFUL in hits and not _EARLIER_ARREST.search(text[:hits[_ARRESTS].start]) \
            and not _ARRESTED_FOR.search(text[max(0, hits[_PEACEFUL].start - 60):hits[_PEACEFUL].start]):
        # ACLED: people arrested at a protest that was happening make it a protest with intervention, whatever
        # words name them ("police arrested 30 people as traders marched on the town hall").
        arrest = hits.pop(_ARRESTS)
        hits.setdefault(_INTERVENTION, TriggerHit(_INTERVENTION, arrest.start, arrest.end))
    suppressed = set().union(*(lex.overrides.get(s, frozenset()) for s in hits))
    ruled_out = frozenset() if present("takeover") else _TERRITORY
    if any(load_ontology().event_type_of[s] != _STRATEGIC for s in hits):
        ruled_out |= {_RESIDUAL}
    # A type whose words were found outranks its losers (precedence.tsv) however the model reads the
    # sentence: a grenade thrown is no plain attack. Not a clash's ("fought" and "battle" are loose words,
    # and whether the other side was armed is better read from the whole sentence), nor a protest's, save
    # that words of the crowd's violence or of the authorities' answer leave no peaceful protest.
    ruled_out |= set().union(*(lex.overrides.get(s, frozenset()) for s in hits if s not in _LOOSE)) \
        - (hits.keys() - suppressed)
    if _PROTEST[-1] in suppressed:
        ruled_out |= {_PROTEST[-1]}
    if _PROTEST[0] in hits and _PROTEST[0] not in suppressed:
        # ACLED: a crowd that used violence makes a violent demonstration however the authorities answered it,
        # so words of the crowd's violence leave no reading of the protest as one merely broken up.
        ruled_out |= {_INTERVENTION}
    if ATTACK in hits and _one_armed_side(text, lex):
        ruled_out |= {CLASH}
    force = hits.get(_EXCESSIVE)
    if force is not None and is_agent(text, force.start, force.end, lex, "state_forces"):
        ruled_out |= {ATTACK, CLASH}
    if force is not None and _EXCESSIVE not in suppressed:
        # Words of lethal or serious force on a crowd leave no milder reading of how it was handled: the model
        # may still find the crowd violent.
        ruled_out |= {_INTERVENTION, _PEACEFUL}
    return sorted((TriggerHit(h.sub_event_type, h.start, h.end, ruled_out=ruled_out)
                   for s, h in hits.items() if s not in suppressed), key=lambda h: h.start)


def _one_armed_side(text: str, lex: Lexicons) -> bool:
    """True where a sentence names one armed party and no state forces: a clash needs two armed sides, so
    "armed men killed four men and wounded two others" is an attack however it is read. Where it names no
    armed party at all, the model's reading of the whole stays open."""
    if lex.cues["state_forces"].search(text):
        return False
    return sum(1 for _ in lex.cues["armed_group"].finditer(text)) == 1


def is_agent(text: str, start: int, end: int, lex: Lexicons, cue: str) -> bool:
    """True when the actor that does the act at text[start:end] is one the cue names: the doer after a
    passive's "by" ("was overrun by militants"), else the actor named last before the verb
    in its clause. In "rebel forces" the first word says whose forces they are. A cue other than state
    forces and armed groups (the crowd of a protest) is weighed against both: "police attacked the
    marchers" is no act of the crowd."""
    kinds = _ACTORS if cue in _ACTORS else (*_ACTORS, cue)
    passive = _PASSIVE.search(text[max(0, start - 30):start])
    after = passive and _PASSIVE_AGENT.match(text[end:end + 80])
    if after:
        named = _actor_kind(text[end + after.end():end + after.end() + 40], lex, True, kinds)
        if named:
            return named == cue
    elif passive and cue not in _ACTORS:
        return False  # "protesters were injured": the subject of a passive suffered the act, it did not do it
    reach = max(0, start - _AGENT_REACH)   # the doer stands in the verb's clause: bounded work per match
    lo = max([reach, *(m.end() for m in _CLAUSE_BREAK.finditer(text, reach, start))])
    return _actor_kind(text[lo:start], lex, False, kinds) == cue


def _actor_kind(span: str, lex: Lexicons, first: bool, kinds: tuple[str, ...] = _ACTORS) -> str | None:
    """The actor cue (state forces, armed group, or the crowd a row asks for) of the first or last actor
    phrase in a span."""
    found = sorted((m.start(), m.end(), cue) for cue in kinds for m in lex.cues[cue].finditer(span)
                   if not _FORCE_PLACE.match(span, m.end()))
    if not found:
        return None
    if first:
        return found[0][2]
    k = len(found) - 1
    while k > 0 and span[found[k - 1][1]:found[k][0]].strip() == "":  # "rebel forces": the modifier decides
        k -= 1
    return found[k][2]


def find_gunfire(text: str, lex: Lexicons) -> list[TriggerHit]:
    """The sentence's first reported shooting as a weak trigger: an Armed clash where both sides are armed
    (a shoot-out, fire at soldiers or police), otherwise an Attack; [] where a context cue blocks it. A crime
    report's killing words ("arrested in the slaying of a clerk", "a murder-suicide") count as its shooting
    words do: they tell that someone was killed, not how."""
    if not any(lex.cues[cue].search(text) for cue in _CRIME_WORDS) \
            or any(lex.cues[cue].search(text) for cue in _GUNFIRE_BLOCKS):   # the blocks only where shooting is
        return []
    for cue in _CRIME_WORDS:
        for m in lex.cues[cue].finditer(text):
            # "was shot and may not survive": a past verb tells what happened; words after it speak of
            # what may follow, so only the words before it can make it unreal.
            past = bool(_PAST_SHOT.match(m.group(0)))
            if is_realis(text, m.start(), m.end(), look_after=not past) \
                    and not _COUNTED.search(text[max(0, m.start() - 40):m.start()]):
                armed = _armed_exchange(text, cue, lex)
                return [TriggerHit(CLASH if armed else ATTACK, m.start(), m.end(), weak=True)]
    return []


def _armed_exchange(text: str, cue: str, lex: Lexicons) -> bool:
    """True where shooting words tell of organised armed men on both sides, as ACLED's clash asks: a
    shoot-out, or fire at police or soldiers, with an armed group named in the sentence ("militants fired
    at a police post"). A lone gunman or a suspect who trades fire with officers makes no clash, so every
    report of one shooting gets the one type (on the GVA set this halved the articles that one incident's
    reports split between Armed clash and Attack)."""
    if cue != "gunfight" and not _ARMED_VICTIM.search(text):
        return False
    return any(m.group(0).lower() not in _ANY_SHOOTER for m in lex.cues["armed_group"].finditer(text))


def is_realis(text: str, start: int, end: int, look_after: bool = True) -> bool:
    """False when the words around a trigger make it threatened, planned, feared, negated or hypothetical;
    with look_after False, only the words before it are read for modality."""
    window = _clause(text, max(0, start - _BEFORE), min(len(text), end + _AFTER) if look_after else end, start)
    before = _clause(text, max(0, start - _BEFORE), start, start)
    if _IRREALIS.search(window) or _HABITUAL.search(window) or _SINCE.search(before) or _PROSPECT.search(before):
        return False
    return not (_NEGATION.search(text[max(0, start - _NEG_BEFORE):start]) or _generic(text, start, end)
                or _NOT_MENTIONED.search(text[end:]))


def _generic(text: str, start: int, end: int) -> bool:
    """True for a trigger naming a kind of act rather than an incident: under "every", in a trend ("a
    rise in attacks"), under a ban, or a bare noun a copula classifies ("sabotage … was a legitimate part")."""
    before = text[max(0, start - 40):start]
    if _QUANTIFIED.search(before) or _TREND.search(before) or _BANNED.search(before):
        return True
    return not _DETERMINED.search(before) and bool(_CLASSIFYING.match(text[end:]))


def _clause(text: str, lo: int, hi: int, anchor: int) -> str:
    """The window cut back to the clause around the anchor: a semicolon or dash ends a clause."""
    left = max(text.rfind(sep, lo, anchor) for sep in (";", " — ", " – ", ":"))
    lo = left + 1 if left >= 0 else lo
    right = [text.find(sep, anchor, hi) for sep in (";", " — ", " – ")]
    right = [r for r in right if r >= 0]
    return text[lo:min(right) if right else hi]


def combine(hits: list[TriggerHit], probabilities, labels: tuple[str, ...], override: float) -> list[TriggerHit]:
    """Lexicon hits checked against the model's view of the sentence: the model's top type replaces the
    first lexicon type when the lexicon did not find it and the model is confident enough. Where the
    lexicon found several types and the model's top type is one of them, that one goes first: the order of
    the trigger words does not say which type the sentence is mainly about, a reading of the whole does."""
    if probabilities is None or not hits or hits[0].weak:
        return hits
    best = int(probabilities.argmax())
    label, p = labels[best], float(probabilities[best])
    found = next((k for k, h in enumerate(hits) if h.sub_event_type == label), None)
    if found is not None:
        return [hits[found], *hits[:found], *hits[found + 1:]]
    if label == "NONE" or p < override or label in hits[0].ruled_out \
            or _turns_around(hits[0].sub_event_type, label):
        return hits
    return [TriggerHit(label, hits[0].start, hits[0].end), *hits[1:]]


def _turns_around(found: str, label: str) -> bool:
    """True where the model's type would undo what the words told of a change of control. Who took a
    place from whom is read from the words around the verb, which a reading of the whole sentence does not
    weigh; a change the words tell was made without a fight is no battle. The model may still read a
    battle's change as one made without a fight."""
    if found in _TAKERS:
        return label in _TAKERS
    return found == _PEACEFUL_TRANSFER and label in _TAKERS
