"""Actors and targets of a sentence, with their roles around the trigger.

Named groups an article introduces ("the Free Kuban Legion (FKL)") become aliases for the rest of it:
the acronym and "the Legion" both resolve to the full name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..gazetteer import Gazetteer
from .lexicons import Lexicons, load_lexicons

GROUP_HEADS = (r"Legion|Corps|Brigade|Battalion|Front|Movement|Army|Militia|Guards?|Alliance|Resistance|"
                r"Partisans|Committee|Group|Forces?|Council|Network|Unit|Detachment|Federation|Coalition")
_GROUP = re.compile(rf"\b((?:[A-Z][\w'’-]+ (?:of (?:the )?)?){{1,5}}(?:{GROUP_HEADS}))\b(?: \(([A-Z][A-Za-z]{{1,6}})\))?")
# Words before a group's name that are not part of it: "Fighters of the X Legion", "The X Front".
_LEADING = re.compile(r"^(?:(?:The|A|An|This|That|Its|Their)\s+)?(?:(?:Fighters|Members|Units?|Commanders?|Soldiers|"
                      r"Supporters|Leaders?|Head|Spokes(?:man|woman|person)|Volunteers)\s+of\s+(?:the\s+)?)?")
_STATE_FORCES = {"army", "armed forces", "forces", "national guard", "guard", "border guard", "navy", "air force",
                 "security forces", "defence forces", "defense forces", "special forces", "ground forces"}
# Who "we", "our fighters" and "the group" stand for: the article's most recent named group.
_GROUP_PRONOUN = re.compile(r"(?i)\b(?:we|our (?:fighters|men|people|guys|boys|units?|group|forces)|his (?:fighters|men|unit|group)|"
                            r"their (?:fighters|men)|the group|its fighters|the (?:group|unit)'s fighters)\b")
# "X said its drones struck": only a group named in the same sentence; across sentences "its" is too loose.
_OWN_WEAPONS = re.compile(r"(?i)\b(?:its|their) (?:drones?|militants|members|units?|men|forces|jets|warplanes|aircraft|"
                          r"helicopters?|troops|soldiers)\b")
# "gunmen believed to belong to JNIM", "fighters from the ADF": an unnamed band a group's name then claims.
_AFFILIATION = re.compile(r"(?i)\s*,?\s*(?:(?:believed|suspected|thought|said|reported) to (?:belong to|be (?:members of|"
                          r"from|linked to|part of|with))|from|of|loyal to|linked to|belonging to|affiliated (?:to|with)|"
                          r"allied (?:to|with))\s+(?:the\s+)?$")
# "Al Shabaab claimed responsibility", "residents blamed Houthi snipers", "claimed by the ADF", "attackers
# whom the governor identified as fighters of the X militia": the
# article's own word on whose attack it was; ACLED codes the claimed or blamed group as actor1.
_CLAIM = re.compile(r"(?i)\bclaim(?:ed|s|ing)?\s+(?:responsibility|(?:the|an?|this|that)\s+(?:\w+\s+)?(?:attack|bombing|"
                    r"killing|ambush|abduction|kidnapping|assault|raid|blast|explosion|strike|shooting)s?(?![\w-])"
                    # "the Taliban claimed the air strike killed civilians": a claim about another's attack
                    r"(?!\s+(?:had|has|was|were|killed|wounded|injured|left|hit|targeted|destroyed|struck)\b)|it\b)|"
                    r"\bclaimed by\b|\bblam(?:ed|es|ing)\b|\b(?:said|says)\b[^.;]{0,80}?\b(?:it|(?:one of )?its (?:fighters|men|"
                    r"members)) (?:had )?(?:carried out|attacked|ambushed|killed|targeted|struck|bombed|seized|overran|"
                    r"raided|shot down|downed)\b|"
                    r"\bidentified (?:them|the (?:attackers|gunmen|assailants|militants|fighters|raiders|men)) as\b|"
                    r"\bwhom [^,]{0,40}\bidentified as\b")
# A name with a group's head word that is a state office or police unit ("the Homicide Unit identified the
# victim"), never a claimant.
_OFFICE = re.compile(r"(?i)\b(?:police|sheriff|department|unit|office|council|committee|ministry|bureau|agency|"
                     r"task force|guards?|patrol|court|federation|network)\b")
_WORD = re.compile(r"[\w-]+(?:['’][\w-]+)*|[^\w\s]")
_PASSIVE_AUX = re.compile(r"(?i)\b(?:was|were|is|are|been|be|being)\s+(?:\w+\s+)?$")
# "No group has claimed the attack", "the group denied it": the article also tells of an unclaimed or
# disputed attack, so a claim elsewhere in it does not say whose its unnamed gunmen were.
_NO_CLAIM = re.compile(r"(?i)\b(?:no|not|nobody|never|den(?:y|ied|ies)|yet to)\b|n't\b")
_CLAUSES = re.compile(r"(?i)(?<=[.!?])\s+|;|,?\s+but\s+|,?\s+while\s+|,?\s+although\s+")
# Key under which named_groups keeps the article's one claimant; no alias of a name, it matches no text.
CLAIMANT = "\x00claimant"
_OBJECT_PREP = re.compile(r"(?i)\b(?:on|against|at|targeting|toward|towards|into|of|near|with)\s+(?:the\s+)?$")
# "hundreds of traders marched": the "of" of a quantity heads the subject, not an object.
_QUANTITY_OF = re.compile(r"(?i)\b(?:dozens|hundreds|thousands|scores|tens|millions|groups?|crowds?|number|handful|"
                          r"bands?|couple|some|many|several|most|all)\s+of\s+(?:the\s+)?$")
# "three police officers were killed": the subject of a passive verb of harm is its victim, and so is
# the first of two joined subjects ("two soldiers and a civilian were killed").
_PASSIVE_HARM = re.compile(r"(?i)\s*(?:,[^,]{1,40},\s*)?(?:and\s+(?:[\w-]+\s+){1,4}?)?(?:who\s+)?(?:(?:was|were|had been|have been|has been)\s+"
                           r"(?:\w+ly\s+)?(?:killed|wounded|injured|hurt|shot|abducted|kidnapped|attacked|ambushed|"
                           r"arrested|detained|targeted|hit|struck|caught)|(?:came|come|comes|had come) under)\b")
# "killed four M23 rebels", "captured two soldiers": the object of a verb of harm, whatever the trigger.
_HARMED = re.compile(r"(?i)\b(?:killed|killing|wounded|wounding|injured|injuring|shot|captured|capturing|abducted|"
                     r"kidnapped|ambushed|attacked|attacking|targeted|targeting|arrested|detained)\s+"
                     r"(?:(?:at least|some|about|nearly|more than)\s+)?(?:\d+|one|two|three|four|five|six|seven|eight|"
                     r"nine|ten|a dozen|dozens of|scores of|hundreds of|several|many|three|the|a|an)?\s*$")
# "came under fire from Ukrainian forces", "shelling from rebel positions": the source of the fire acted.
_FIRE_FROM = re.compile(r"(?i)\b(?:fire|shelling|shells|attacks?|strikes?|rockets?|missiles?|drones?)\s+from\s+(?:the\s+)?$")
# "the ELN and a FARC faction clashed": two subjects joined by "and" act together, the first as actor1.
_JOINED = re.compile(r"^\)?\s*,?\s*and\s+(?:the\s+|a\s+|an\s+)?(?:[a-z][\w-]*\s+){0,2}$")
# Only a fight has two sides in its subject; "soldiers and police fired on ..." are one side.
_MUTUAL = re.compile(r"(?i)clash|fought|fight|battle|skirmish|exchang|gunfight|firefight")
# Not "air strike", "drone strike": their civilians are victims, never marchers.
_PROTEST_WORDS = re.compile(r"(?i)march|protest|rall(?:y|ied)|sit-in|demonstrat|gather|block|picket|walk|"
                            r"(?<!air)(?<!air )(?<!drone )(?<!missile )(?<!rocket )(?<!air-)(?<!drone-)strike")
# What the crowd itself does that makes it rioters: violence to people or property, not a march or a sit-in.
_RIOT_ACTS = re.compile(r"(?i)\b(?:smash(?:ed|ing)|set (?:fire|ablaze)|torch(?:ed|ing)|loot(?:ed|ing)|ransack(?:ed|ing)|"
                        r"vandali[sz](?:ed|ing)|pelt(?:ed|ing)|(?:threw|throwing|hurled|hurling) (?:stones|rocks|bricks|"
                        r"bottles|petrol bombs|molotov cocktails|fireworks)|burn(?:ed|t|ing) (?:tyres|tires|cars|vehicles|"
                        r"shops)|barricades of burning|beat(?:ing)? (?:\w+ ){0,4}to death|lynch(?:ed|ing))")
_PLACE_NOUN = re.compile(r"\s+(?:stations?|offices?|buildings?|posts?|headquarters|bases?|cars?|vehicles?|vans?|"
                         r"barracks|depots?|academy|compound|checkpoints?)\b", re.IGNORECASE)
# "..., residents said", "according to police": the teller of an event, not a side in it.
_SPEAKS = re.compile(r"(?i)\s+(?:(?!who\b|whom\b|that\b|which\b)\w+\s+)?(?:said|says|told|reported|added|confirmed|according)\b")
_ACCORDING = re.compile(r"(?i)\baccording to\s+(?:the\s+|a\s+)?(?:\w+\s+)?$")
# Only words of breaking a crowd up: "fired tear gas at the protesters" alone may be the force's own deed.
# "the crowd dispersed peacefully" is the crowd's own going; only the force's deed with the crowd as object.
_DISPERSE = re.compile(r"(?i)\b(?:disperse[ds]?|dispersing|broke up|break up|breaking up)\s+(?!peaceful|calm|quiet|"
                       r"on\b|after\b|at\b|in\b|when\b|before\b|and\b)[\w\s]{0,40}$")
# "shot" whole: "fired warning shots" or "shotgun pellets" break a crowd up, as the typing reads them.
_DEADLY = re.compile(r"(?i)\b(?:kill\w*|dead(?:ly)?\b|died|deaths?|live (?:rounds|ammunition|fire|bullets)|shot\b|"
                     r"fatal\w*|succumb\w*)")
_PROTESTING = re.compile(r"(?i)\s+(?:\w+\s+){0,3}?(?:protest|march|demonstrat|ralli|rally|gather|chant|sit-in)")
_THE = re.compile(r"(?i)\bthe\s+$")
# "by the paramilitary Rapid Support Forces": a word or two of description may stand before the agent.
_BY = re.compile(r"(?i)\bby\s+(?:the\s+|an?\s+)?(?:[a-z][\w-]*\s+){0,2}$")


@dataclass(frozen=True, slots=True)
class ActorHit:
    start: int
    end: int
    name: str
    kind: str
    country: str | None   # ISO alpha-3, or None to take the event's country


def named_groups(text: str, gazetteer: Gazetteer, lex: Lexicons | None = None
                 ) -> dict[str, tuple[str, str | None]]:
    """Alias (lower-case) -> (full name, country ISO3) for groups the article names itself, and under
    CLAIMANT the group the article says claimed an attack or was blamed for one."""
    aliases: dict[str, tuple[str, str | None]] = {}
    for m in _GROUP.finditer(text):
        name = _LEADING.sub("", m.group(1))
        words = name.split()
        if len(words) < 2:
            continue
        if gazetteer.demonyms.get(words[0].lower()) and " ".join(words[1:]).lower() in _STATE_FORCES:
            continue  # "Russian Army" is a state's force, handled by the generic lexicon
        aliases.setdefault(name.lower(), (name, None))
        if m.group(2):
            aliases.setdefault(m.group(2).lower(), (name, None))
        aliases.setdefault(f"the {name.split()[-1].lower()}", (name, None))
    found = claimant(text, lex or load_lexicons(), aliases)
    if found:
        aliases[CLAIMANT] = found
    return aliases


def claimant(text: str, lex: Lexicons, groups: dict[str, tuple[str, str | None]]) -> tuple[str, str | None] | None:
    """The one non-state group the article says claimed or was blamed for an attack; None for none, several,
    or an article that also says an attack went unclaimed or denies a claim (a claim names whose attack it was,
    not which of several)."""
    names: dict[str, tuple[str, str | None]] = {}
    # Aliases looked up by their words: a search for each alias in each clause is quadratic in a long article.
    listed = {_words(a): v for a, v in groups.items() if a != CLAIMANT and not _OFFICE.search(v[0])}
    longest = max((len(k) for k in listed), default=0)
    for clause in _CLAUSES.split(text):
        if not _CLAIM.search(clause):
            continue
        if _NO_CLAIM.search(clause):
            # "No group has claimed that attack": the article tells of an unclaimed attack beside the claimed
            # one, and its unnamed gunmen may be either's.
            return None
        clause = _claimant_side(clause)
        words = _words(clause)
        for i in range(len(words)):
            for n in range(1, min(longest, len(words) - i) + 1):
                found = listed.get(words[i:i + n])
                if found:
                    names[found[0]] = found
        for actor in lex.named_actors:
            if actor.kind != "state_forces" and actor.pattern.search(clause):
                names[actor.name] = (actor.name, actor.country)
    return next(iter(names.values())) if len(names) == 1 else None


def _words(text: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in _WORD.findall(text))


def _claimant_side(clause: str) -> str:
    """The words of a claim clause where the claimant stands: before "claimed responsibility" or "said it
    attacked" (a group after them is the one attacked: "the army said it attacked ADF positions"), after
    "blamed", "claimed by" or "identified as" ("the ADF blamed the army": the ADF is the blamer, not blamed)."""
    m = _CLAIM.search(clause)
    verb = m.group(0).lower()
    if verb.startswith("blam") and not _PASSIVE_AUX.search(clause, 0, m.start()):
        return clause[m.end():]
    if verb.startswith(("claimed by", "identified", "whom")):
        return clause[m.end():]
    return clause[:m.start()]


def find_actors(text: str, lex: Lexicons, groups: dict[str, tuple[str, str | None]],
                gazetteer: Gazetteer, last_group: str | None) -> list[ActorHit]:
    """Actors named in a sentence, left to right, without overlaps."""
    hits: list[ActorHit] = []
    for alias, (name, country) in groups.items():
        if alias == CLAIMANT:
            continue
        pattern = rf"(?<![\w-]){re.escape(alias)}(?:(?:['’]s)? (?:fighters|men|members|units?|commanders?))?(?![\w-])"
        for m in re.finditer(pattern, text, re.IGNORECASE):
            hits.append(ActorHit(m.start(), m.end(), name, "external_forces" if _foreign(name) else "rebel_groups", country))
    named_rows, generic_rows = lex.actor_rows(text)
    for actor in named_rows:
        for m in actor.pattern.regex.finditer(text):
            hits.append(ActorHit(m.start(), m.end(), actor.name, actor.kind, actor.country))
    named = list(hits)
    generic: list[ActorHit] = []
    for actor in generic_rows:
        for m in actor.pattern.regex.finditer(text):
            iso3, start = _demonym_before(text, m.start(), gazetteer)
            if iso3 is None and actor.country == "required":
                continue
            if _PLACE_NOUN.match(text, m.end()):
                continue  # "police station", "army base": a target, not an actor
            generic.append(ActorHit(start, m.end(), actor.name, actor.kind, iso3))
    states = [g for g in generic if g.kind == "state_forces" and g.country]
    hits.extend(_pronoun_hits(text, named, states, last_group))
    generic = _claimed(_the_group(text, generic, last_group), groups.get(CLAIMANT))
    return _without_overlaps(hits + _affiliated(text, named, _absorb_nouns(text, named, generic)))


def _unnamed(hit: ActorHit) -> bool:
    return hit.kind in {"rebel_groups", "political_militias"} and hit.name.startswith("Unidentified")


def _claimed(generic: list[ActorHit], claimed: tuple[str, str | None] | None) -> list[ActorHit]:
    """Unnamed gunmen or militants of an article in which one group claims (or is blamed for) an attack
    are that group's: the claim is the article's word on whose men they were."""
    if claimed is None:
        return generic
    name, country = claimed
    return [ActorHit(g.start, g.end, name, "rebel_groups", country or g.country) if _unnamed(g) and not g.country
            else g for g in generic]


def _affiliated(text: str, named: list[ActorHit], generic: list[ActorHit]) -> list[ActorHit]:
    """"Gunmen believed to belong to JNIM", "fighters from the ADF": the band is the named group's, and
    the phrase from the band to the name is one actor."""
    out = []
    for g in generic:
        owner = next((n for n in named if n.start > g.end and n.start - g.end <= 60
                      and _AFFILIATION.fullmatch(text, g.end, n.start)), None) if _unnamed(g) else None
        out.append(ActorHit(g.start, owner.end, owner.name, owner.kind, owner.country) if owner else g)
    return out


def _the_group(text: str, generic: list[ActorHit], last_group: str | None) -> list[ActorHit]:
    """"The rebels", "the militants" with no country of their own point back at the group the article
    named last; without the article they may be any band."""
    if not last_group:
        return generic
    return [ActorHit(g.start, g.end, last_group, "rebel_groups", None)
            if g.kind == "rebel_groups" and g.country is None and _THE.search(text, max(0, g.start - 8), g.start)
            else g
            for g in generic]


def _pronoun_hits(text: str, named: list[ActorHit], states: list[ActorHit], last_group: str | None
                  ) -> list[ActorHit]:
    """"We", "its fighters": the group named earlier in the same sentence ("Al Shabaab said its fighters
    overran a base"), else the article's most recent named group. "Its jets" may also be a state force's
    named in the sentence ("the Nigerian Air Force said its jets struck ...")."""
    hits = []
    for pattern, reach_back, owners in ((_GROUP_PRONOUN, True, named), (_OWN_WEAPONS, False, named + states)):
        for m in pattern.finditer(text):
            earlier = [h for h in owners if h.end <= m.start()]
            if earlier:
                ref = max(earlier, key=lambda h: h.end)
                hits.append(ActorHit(m.start(), m.end(), ref.name, ref.kind, ref.country))
            elif reach_back and last_group:
                hits.append(ActorHit(m.start(), m.end(), last_group, "rebel_groups", None))
    return hits


def _absorb_nouns(text: str, named: list[ActorHit], generic: list[ActorHit]) -> list[ActorHit]:
    """A generic noun right after a named group belongs to it ("al-Shabaab militants", "M23 rebels"), and
    one right after a generic of the same name is one phrase ("police officers")."""
    kept: list[ActorHit] = []
    for g in sorted(generic, key=lambda h: h.start):
        # only a name that ends within a few spaces of the noun: scanning every earlier name's gap is
        # quadratic in a long sentence
        owner = next((n for n in named if 0 <= g.start - n.end <= 3 and not text[n.end:g.start].strip()), None)
        if owner is None and kept and kept[-1].name == g.name and kept[-1].end <= g.start \
                and not text[kept[-1].end:g.start].strip():
            owner = kept.pop()
        kept.append(ActorHit(owner.start, g.end, owner.name, owner.kind, owner.country) if owner else g)
    return kept


def _foreign(name: str) -> bool:
    """Volunteer legions fighting for another state are external forces in ACLED's terms."""
    return any(word in name for word in ("Legion", "Volunteer", "Corps"))


def _demonym_before(text: str, start: int, gazetteer: Gazetteer) -> tuple[str | None, int]:
    """ISO3 of a demonym or country name just before an actor noun ("Russian troops")."""
    m = re.search(r"([A-Z][\w'-]+)(?:'s)?\s+(?:" + _MODIFIERS + r"\s+){0,2}$", text[max(0, start - 60):start])
    if m:
        iso2 = gazetteer.demonyms.get(m.group(1).lower())
        if iso2 is None:
            entry = next((e for e in gazetteer.entries(m.group(1)) if e.kind == "country"), None)
            iso2 = entry.country if entry else None
        if iso2:
            return gazetteer.countries[iso2]["iso3"], start - len(m.group(0))
    return None, start


# Words between a demonym and its weapon or force: "a Russian guided aerial bomb", "Syrian government artillery".
_MODIFIERS = (r"(?:government|army|military|navy|naval|air|force|guided|aerial|ballistic|cruise|attack|kamikaze|"
              r"glide|heavy|long-range|unmanned|armed|combat|fighter|regime|junta|state|security|riot)")


def _without_overlaps(hits: list[ActorHit]) -> list[ActorHit]:
    """Longest hit wins where hits overlap; the rest are dropped."""
    kept: list[ActorHit] = []
    for hit in sorted(hits, key=lambda h: (-(h.end - h.start), h.start)):
        if all(hit.end <= k.start or hit.start >= k.end for k in kept):
            kept.append(hit)
    return sorted(kept, key=lambda h: h.start)


def assign_roles(text: str, actors: list[ActorHit], trigger_start: int, trigger_end: int
                 ) -> tuple[ActorHit | None, ActorHit | None]:
    """(actor1, actor2): who acted and against whom, from word order around the trigger."""
    # An actor may run into the trigger: "Russian drones struck" has the trigger "drones struck", "a mob beat" the
    # trigger "mob beat".
    before = [a for a in actors if a.start <= trigger_start and a.end <= trigger_end]
    after = [a for a in actors if a.start >= trigger_end]
    actor1 = actor2 = None
    for i in range(len(before) - 1, -1, -1):
        a = before[i]
        if _is_object(text, a):
            actor2 = actor2 or a
            continue
        actor1 = a
        if i and _JOINED.match(text[before[i - 1].end:a.start]) and not _is_object(text, before[i - 1]):
            actor1 = before[i - 1]
            if _MUTUAL.search(text[trigger_start:trigger_end]) and a.name != actor1.name:
                actor2 = actor2 or a
        break
    victim = actor2 is not None and _PASSIVE_HARM.match(text, actor2.end) is not None
    # "a patrol ship had been hit by a Ukrainian missile": the agent may sit inside the trigger's words.
    inside = [a for a in actors if trigger_start < a.start and a.end <= trigger_end]
    for a in inside + after:
        if actor1 is None and (_BY.search(text[:a.start]) or _FIRE_FROM.search(text[:a.start])):
            actor1 = a
        elif a in inside or a.kind == "civilians" and (
                _SPEAKS.match(text, a.end) or _ACCORDING.search(text, max(0, a.start - 20), a.start)):
            # "..., residents said": who tells of the attack is not its side. A force that tells of it
            # ("police said") stays: fusion reads the police of one town across reports as one party.
            continue
        elif actor1 is None and victim and a.name != actor2.name:
            # "rebels were killed in a gunfight with government troops": the other party acted; not one
            # that only tells of it ("two people were wounded in a shooting, police said").
            if not _SPEAKS.match(text, a.end):
                actor1 = a
        elif actor2 is None and (actor1 is None or a.name != actor1.name):
            actor2 = a
    if actor1 is None and actor2 is not None and actor2.kind in {"protesters", "rioters"}:
        actor1, actor2 = actor2, None
    if _dispersed(text, actor1, actor2, trigger_start):
        # Police who break up a protest without a death are the protest's intervening side (ACLED's
        # "protest with intervention" has the protesters as actor1).
        actor1, actor2 = ActorHit(actor2.start, actor2.end, "Protesters ({country})", "protesters", actor2.country), actor1
    elif actor1 is not None and actor1.kind == "civilians" and _RIOT_ACTS.search(text, actor1.end):
        # People who smash, burn or stone are, in ACLED's terms, rioters; a crowd already called protesters
        # keeps its name (the violence may be another party's, or a part of the crowd's).
        actor1 = ActorHit(actor1.start, actor1.end, "Rioters ({country})", "rioters", actor1.country)
    elif actor1 is not None and actor1.kind == "civilians" and _PROTEST_WORDS.search(text[trigger_start:trigger_end]):
        # Civilians who march or block a road are, in ACLED's terms, protesters.
        actor1 = ActorHit(actor1.start, actor1.end, "Protesters ({country})", "protesters", actor1.country)
    return actor1, actor2


def _dispersed(text: str, actor1: ActorHit | None, actor2: ActorHit | None, trigger_start: int) -> bool:
    """Whether the sentence tells of state forces breaking up a protest ("to disperse hundreds of traders")
    and of no one killed or shot, with the crowd as the other side."""
    if actor1 is None or actor2 is None or actor1.kind != "state_forces" or actor2.kind not in {"civilians", "protesters"}:
        return False
    crowd = actor2.kind == "protesters" or _PROTESTING.search(text, actor2.end)
    between = text[actor1.end:actor2.start]
    return bool(crowd and _DISPERSE.search(between) and not _DEADLY.search(text))


def _is_object(text: str, a: ActorHit) -> bool:
    """True for an actor before the trigger that is acted upon: after "on", "against", or the subject of a
    passive verb of harm ("two soldiers were killed when ...")."""
    before = text[:a.start]
    if _OBJECT_PREP.search(before) and not _QUANTITY_OF.search(before) or _HARMED.search(before):
        return True
    return bool(_PASSIVE_HARM.match(text, a.end))


def find_target(text: str, lex: Lexicons, trigger_end: int) -> tuple[str, int, int] | None:
    """The attacked object (a building, railway, depot), preferring one after the trigger."""
    found = [(m.start(), m.end(), name) for pattern, name in lex.targets for m in pattern.finditer(text)]
    if not found:
        return None
    after = [f for f in found if f[0] >= trigger_end]
    start, end, name = min(after or found, key=lambda f: f[0] if f[0] >= trigger_end else -f[0])
    return name, start, end
