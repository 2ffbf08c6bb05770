"""The injured of one incident, read across a passage and the sentences after it, knowing how many died.

A report tells its victims in turns: a count ("three people were shot"), then each victim ("one is in
critical condition", "he died at the hospital"). The injured are the largest count stated, or the victims
shot less those who died, and a victim told in the singular as wounded is the one who died when the report
has a death and nothing sets that victim apart ("He was taken to Mercy in critical condition." in a report
of one killing)."""

from __future__ import annotations

import re

from .fatalities import _HOSPITAL, FatalityHit, find_fatalities, find_injuries, find_shot

# Words that set a victim told in the singular apart from the dead: another victim ("was also shot", "a
# second man"), or one who lives ("in stable condition", "expected to survive", "treated and released").
_ANOTHER = re.compile(r"(?i)\b(?:also|another|other|second|third|fourth|fifth|survived|survives|survivor|"
                      r"expected to (?:survive|recover|live)|non[- ]life|not life-threatening|(?:stable|fair|good|"
                      r"satisfactory) condition|treated and released|released|recovering|doing well|improving|upgraded|minor|"
                      r"graze[ds]?|grazing|superficial|(?:drove|took) (?:himself|herself)|walked into)\b")
_ELSE = re.compile(r"(?i)\b(?:else|other)\b")
_OTHERS = re.compile(r"(?i)\bothers?\b")
# A victim told in the singular beyond those told before: "was also shot", "also suffered a gunshot wound",
# "another man, 21, was hit", "a second victim was wounded" (the subject of a wound: "shot by another 5-year-old"
# and "another child pulled the trigger" name the shooter).
_ALSO = re.compile(r"(?i)\b(?:was|is|got|had been)\s+also\s+(?:found\s+)?(?:\w+ly\s+)?(?:shot|wounded|injured|hurt|hit|struck|grazed)\b|"
                   r"\balso\s+(?:suffered|sustained|shot|wounded|injured|hurt)\b|"
                   r"(?:^|[,;:]\s*|\band\s+)(?:another|a second|a third)\s+(?:[\w-]+\s+){0,2}?(?:man|woman|person|victim|"
                   r"boy|girl|teen|teenager|child|male|female|\d{1,3}-year-old)\b(?:,[^,.;]{1,30},)?\s+(?:(?:was|is|had been)\s+)?"
                   r"(?:also\s+)?(?:\w+ly\s+)?(?:shot|wounded|injured|hurt|hit|struck|grazed|suffered|sustained|"
                   # "one man is dead and another man was taken to an area hospital"
                   r"(?:taken|transported|rushed|airlifted|flown)\s+" + _HOSPITAL + ")")


def injured_in(sentences: list[tuple[int, str]], killed: int | None) -> FatalityHit | None:
    """The injured among a passage and the sentences after it, offsets into the article.

    The larger of the largest stated count (a report names one victim, then counts them all) and the most
    victims shot less those killed ("Three people were shot. One died."); "nobody was hurt" where neither
    is given. "No one else was hurt" speaks of bystanders and is not a count of all. Where someone died, a
    victim told alone as wounded is the dead one unless set apart (by words of survival, or where one victim
    died, by another sex or age than the dead's), and each victim told as also shot, or so set apart, adds
    one to the victims told before."""
    dead = killed or 0
    stated = shot = nobody = others = None
    stated_at = -1
    also: list[FatalityHit] = []
    the_dead, told_at = _the_dead_one(sentences) if dead == 1 else (None, -1)
    for k, (offset, text) in enumerate(sentences):
        hit = find_injuries(text)
        found = find_shot(text)
        one = next((h for h in (found, hit) if h and h.single), None)
        # "A man was killed. A woman was wounded.": a victim told as another person than the one who died
        # (told just after the death: farther on, a report may recall other shootings)
        apart = (one is not None and the_dead is not None and 0 < k - told_at <= _NEAR
                 and _someone_else(text, one, the_dead))
        if hit and hit.best > 0:
            if apart or not _the_dead(hit, text, dead):
                kept, stated = stated, _larger(stated, _moved(hit, offset))
                stated_at = k if stated is not kept else stated_at
        elif hit and not _ELSE.search(text[hit.start:hit.end]):
            nobody = nobody or _moved(hit, offset)
        if one and (apart or _ALSO.search(text)):
            also.append(_moved(one, offset))
        shot = _larger(shot, _moved(found, offset) if found else None)
        if found and _OTHERS.search(text, found.start, found.end):
            others = _larger(others, _moved(found, offset))
    shot = _larger(shot, _one_by_one(also))
    if stated is not None:
        stated = _less(stated, _died_since_wounded(sentences, stated_at, stated.end - sentences[stated_at][0]))
    if nobody and not stated or not shot:
        return stated or nobody
    alive = FatalityHit(max(0, shot.low - dead), max(0, shot.best - dead), max(0, shot.high - dead),
                        shot.start, shot.end)
    if others and dead and others.best - 1 > alive.best:
        # "Two men died. Two others who were shot were taken to Mercy": the others are beyond the dead, where
        # find_shot counted one victim told before them
        alive = FatalityHit(others.low - 1, others.best - 1, others.high - 1, others.start, others.end)
    # "Three people were shot. One is in critical condition": the victim singled out is one of the three.
    return stated if stated and stated.best >= alive.best else alive


# A death told as one that came after the wounding: "later died", "has since died", "died at the hospital",
# "one of them died".
_LATER_DEATH = re.compile(r"(?i)\b(?:later|since|subsequently|eventually|then)\s+(?:died|succumbed|passed away)\b|"
                          r"\b(?:has|had|have)\s+(?:since\s+)?(?:died|succumbed|passed away)\b|"
                          r"\b(?:died|succumbed|pronounced dead)\s+(?:\w+\s+){0,2}?(?:at|in)\s+(?:the|a|an)?\s*"
                          r"(?:[\w'-]+\s+){0,4}?(?:hospital|medical cent(?:er|re)|trauma cent(?:er|re))\b|"
                          r"\b(?:one|two|three|four|five|\d+|both|all)\s+of\s+(?:them|the\s+(?:\w+\s+)?(?:victims|wounded|"
                          r"injured|men|women|people|teens|boys|girls))\b[^.;]{0,40}?\b(?:died|succumbed|passed away|dead)\b")


def _died_since_wounded(sentences: list[tuple[int, str]], at: int, end: int) -> int:
    """The wounded of a stated count who died since: "Two men were wounded ... One of the men later died at
    Mercy Hospital" is one injured. Only where the report tells its count of wounded before any death, and
    tells the death as one that followed (a death told first is another victim than the wounded counted
    after it: "A man was killed and two others wounded. He died at the scene.")."""
    for k, (_, text) in enumerate(sentences):
        if k < at:
            if _a_death(find_fatalities(text)):
                return 0
            continue
        toll = find_fatalities(text)
        if not _a_death(toll) or k == at and toll.start < end:
            if k == at and _a_death(toll):
                return 0
            continue
        words = text[toll.start:] if k == at else text
        return toll.best if _LATER_DEATH.search(words) else 0
    return 0


def _a_death(toll: FatalityHit | None) -> bool:
    return toll is not None and toll.best > 0


def _less(hit: FatalityHit, dead: int) -> FatalityHit:
    return FatalityHit(max(0, hit.low - dead), max(0, hit.best - dead), max(0, hit.high - dead), hit.start, hit.end,
                       hit.single) if dead else hit


# The sentences after a death within which a victim told as another person is another victim.
_NEAR = 2


def _the_dead_one(sentences: list[tuple[int, str]]) -> tuple[tuple[str | None, str | None] | None, int]:
    """Who the one victim told as killed is, as (sex, age) read before the words of the death ("A 23-year-old
    man was shot and killed"), and the index of the sentence telling it; None and -1 where none is told so."""
    for k, (_, text) in enumerate(sentences):
        toll = find_fatalities(text)
        if toll is not None and toll.single and _DIED.search(text[toll.start:toll.end]):
            return _who(text, toll), k
    return None, -1


# Words that make the words before them the one who died ("A man was shot and killed", "Smith died"), not
# those that name the dead after them ("charged in the shooting death of", "accused of killing a girl").
_DIED = re.compile(r"(?i)^(?!.*\b(?:death of|killing|charged|accused|murder)\b).*(?:\b(?:was|is|were)\s+(?:\w+\s+){0,2}?"
                   r"(?:shot and killed|shot dead|shot to death|fatally|killed|slain|pronounced dead|found dead)|"
                   r"\b(?:died|succumbed|passed away))")


def _someone_else(text: str, one: FatalityHit, dead: tuple[str | None, str | None]) -> bool:
    """Whether a victim told alone in a sentence of no death is another person than the one who died: the
    sex or the age told before the words differ ("A woman was shot in the arm" after "A man was killed")."""
    toll = find_fatalities(text)
    if toll is not None and toll.best > 0:
        return False
    sex, age = _who(text, one)
    return bool(sex and dead[0] and sex != dead[0] or age and dead[1] and age != dead[1])


_MALE = r"man|boy|male|he|father|son|brother|husband|boyfriend|grandfather|uncle|nephew"
_FEMALE = r"woman|girl|female|she|mother|daughter|sister|wife|girlfriend|grandmother|aunt|niece"
_SEX = re.compile(rf"(?i)\b(?:(?P<m>{_MALE})|(?P<f>{_FEMALE}))\b")
_AGE = re.compile(r"(?i)\b(\d{1,3})[- ](?:years?[- ]old|yo)\b|,\s(\d{1,3}),")


def _who(text: str, hit: FatalityHit) -> tuple[str | None, str | None]:
    """The sex and the age of the victim a hit names before its verb, within its clause: the nearest word of
    sex ("a man", "she") and of age ("a 19-year-old", "Smith, 19,"); none where the victim follows the verb
    ("shot and killed his wife": the words before name the shooter)."""
    words = text[hit.start:hit.end]
    if re.search(r"(?i)\b(?:his|her|their)\b", words) or re.match(r"(?i)\s+(?:his|her|their)\b", text[hit.end:]):
        return None, None
    verb = re.search(r"(?i)\b(?:was|were|is|are|had|has|got|died|shot|killed|fatally|suffered|sustained)\b", words)
    clause = text[max(0, hit.start - 80):hit.start + (verb.start() if verb else 0)]
    clause = re.split(r"[;:]|\b(?:said|after|when|while)\b", clause)[-1]
    sexes = [("m" if m.group("m") else "f") for m in _SEX.finditer(clause)]
    ages = [a or b for a, b in _AGE.findall(clause)]
    return (sexes[-1] if sexes else None), (ages[-1] if ages else None)


def _one_by_one(also: list[FatalityHit]) -> FatalityHit | None:
    """Victims told one by one: the first, and each told as another ("A woman was shot and killed. A man was
    also shot in the leg." is two shot); None where no victim is told as another."""
    if not also:
        return None
    victims = 1 + len(also)
    return FatalityHit(victims, victims, victims, also[0].start, also[0].end)


def _the_dead(hit: FatalityHit, text: str, dead: int) -> bool:
    """Whether a victim told in the singular as wounded is one the report counts among the dead: "He was
    taken to Mercy in critical condition" where a death is told, and nothing in the sentence sets the
    victim apart nor tells a death of its own ("a man was killed and a woman wounded")."""
    toll = find_fatalities(text)
    return hit.single and dead > 0 and not _ANOTHER.search(text) and not (toll and toll.best > 0)


def _larger(kept: FatalityHit | None, new: FatalityHit | None) -> FatalityHit | None:
    """The larger of two counts, the earlier among equals: a report names one victim, then counts them all."""
    return new if kept is None or (new is not None and new.best > kept.best) else kept


def _moved(hit: FatalityHit, offset: int) -> FatalityHit:
    return FatalityHit(hit.low, hit.best, hit.high, hit.start + offset, hit.end + offset, hit.single)
