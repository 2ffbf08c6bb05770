"""Casualty counts as low/best/high: the killed ("at least 12 killed", "was shot and killed") and the
injured ("two people were wounded", "shot and wounded three", "no injuries", "two remain in critical condition"),
and the victims hit whose fate a sentence leaves open ("four were struck by gunfire", "a fifth victim was hit").

Within a sentence, asides are set aside ("Five children – ages 11 to 15 – were shot"), "others" add to the
victims told before them ("a woman was wounded and two others hurt"), a victim who is "one of five people
wounded" gives the five, a part of a whole is the part ("Of the five men, two are in critical condition"), ages
are no count ("two men, 30 and 41", "between ages 12 and 16"), and a tally of several incidents ("in separate
shootings") gives no count of one. A hit says whether it told one victim in the singular ("he was wounded"):
injured.injured_in, which reads a report's sentences together, takes such a victim for the dead one where a
death is told."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .counts import IMPLIED as _IMPLIED, ORDINALS as _ORDINALS, QUALIFIER as _QUALIFIER, sum_counts as _sum_counts
from .count_asides import blank_asides, is_age, whole_of_breakdown
from .victim_words import (BOTH as _BOTH, COUNT as _COUNT, COUNTS as _COUNTS, HE as _HE, KIN as _KIN,
                           NUMBER as _NUMBER, PAIR as _PAIR, PLURAL as _PLURAL, SINGLE as _SINGLE)

_KILLED = r"(?:(?:were|was|are|is|have been|had been|being)\s+(?:now\s+|all\s+|both\s+|found\s+|discovered\s+)?)?(?:confirmed\s+)?(?:shot and killed|shot dead|shot to death|(?:fatally|mortally) (?:shot|wounded|injured|stabbed)|" \
          r"killed|dead|pronounced dead|died|killed outright|lost their lives|slain|perished)"
# "were critically wounded", "two others badly hurt": a manner adverb, but "fatally" or "mortally" tells of a death.
_HURT = r"(?:were|was|are|is|have been|had been|being)?\s*(?:also\s+)?(?:(?!fatally|mortally)\w+ly\s+)?" \
        r"(?:shot and (?:wounded|injured)|wounded|injured|hurt|hospitalized|hospitalised|grazed)"
# Alive in hospital, whatever their number: "two are in critical condition", "three remain hospitalized in".
_CONDITION = r"in\s+(?:critical|stable|serious|fair|good|grave|guarded|satisfactory)(?:\s+(?:but|and)\s+stable)?\s+condition"
# What follows "died" when it tells of a victim's death, not of a life's end long ago.
_DIED_HOW = r"at|from|of|after|shortly|later|soon|a short time|hours|days|early|late|en route|on the way|while|" \
            r"overnight|in (?:the|an?) (?:hospital|shooting|attack)|(?:on\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day"


def _one_of(verbs: str) -> re.Pattern:
    """"Smith was one of five people wounded": the victim is one of a count the sentence gives, which is the
    toll; "one of five people was wounded" would say one, but reports put the verb after the group."""
    return re.compile(rf"(?i)\bone of\s+(?:the\s+)?(?P<count>{_COUNT})\s+(?:(?:who|that)\s+(?:were\s+)?)?(?:{verbs})\b")


# Patterns whose `count` group holds the number; tried in order, the first that reads a count wins.
_KILLED_PATTERNS = [
    _one_of(r"killed|shot and killed|shot dead|slain|died"),
    re.compile(rf"(?i)\b{_COUNTS}\s+{_KILLED}\b"),
    re.compile(rf"(?i)\b(?:killing|killed|shot and killed|(?:fatally|mortally) (?:shot|wounded|wounding))\s+{_COUNTS}"),
    re.compile(rf"(?i)\b{_PAIR}(?:shot and killed|shot dead|shot to death|(?:fatally|mortally) (?:shot|wounded)|killed|slain|"
               r"found dead)\b"),
    re.compile(rf"(?i)\b(?:leaving|left)\s+{_COUNTS}\s+dead\b"),
    # "The death toll from Tuesday's attack rose to 9", "the number of people killed ... has risen to 14"
    re.compile(rf"(?i)\bdeath toll\s+(?:[\w'’]+\s+){{0,8}}?(?:to|of|at|stood at|reached)\s+(?P<count>{_COUNT})"),
    re.compile(rf"(?i)\bnumber of (?:\w+ )?(?:killed|dead)\b[^.;]{{0,80}}?\b(?:risen|rose|climbed|reached)\s+(?:to\s+)?"
               rf"(?P<count>{_COUNT})"),
    re.compile(rf"(?i)\b(?P<count>{_COUNT})\s+(?:deaths|dead|fatalities|bodies)\b"),
    re.compile(rf"(?i)\b(?:shot|wounded),?\s+(?:(?:--|—|–)\s+)?(?P<count>{_COUNT})\s+(?:of them\s+)?(?:fatally|mortally)\b"),
    # A charge per victim: "charged with two counts of first-degree murder" (not "attempted murder").
    re.compile(rf"(?i)\b(?P<count>{_NUMBER})\s+counts?\s+of\s+(?:(?:first|second|third)-degree\s+|capital\s+)?murder\b"),
    re.compile(rf"(?i)\b(?P<count>{'|'.join(_IMPLIED)})\b"),
]
_INJURED_PATTERNS = [
    _one_of(r"wounded|injured|hurt|shot and wounded|shot and injured"),
    re.compile(rf"(?i)\b{_BOTH}(?:(?:were|are)\s+(?:\w+ly\s+)?(?:wounded|injured|hurt)|(?:suffered|sustained)\s+[^.;]{{0,40}}?"
               r"\b(?:injuries|wounds))\b"),
    re.compile(rf"(?i)\b{_COUNTS}\s+(?:who\s+|that\s+)?{_HURT}\b"),
    re.compile(rf"(?i)\b{_PAIR}(?:(?!fatally|mortally)\w+ly\s+)?(?:shot and (?:wounded|injured)|wounded|injured)\b"),
    # "injured another four teenagers": another four are four more, like "four others"
    re.compile(rf"(?i)\b(?<!fatally )(?<!mortally )(?:wounding|injuring|wounded|injured|shot and wounded|shot and injured)\s+"
               rf"(?:his\s+|her\s+|their\s+|another\s+)?{_COUNTS}"),
    # Told the other way round: "Also wounded in the shooting were three men".
    re.compile(rf"(?i)\b(?:wounded|injured|hurt)\s+(?:in\s+the\s+(?:shooting|attack|gunfire|incident)\s+)?(?:were|was)\s+"
               rf"(?P<count>(?:{_QUALIFIER}\s+)?{_NUMBER}\s+(?:other\s+)?{_PLURAL})\b"),
    re.compile(rf"(?i)\b{_COUNTS}\s+(?:are|were|is)\s+(?:still\s+)?(?:recovering|expected to (?:survive|recover))\b"),
    re.compile(rf"(?i)\b(?:leaving|left)\s+{_COUNTS}\s+(?:wounded|injured|hurt)\b"),
    re.compile(rf"(?i)\b{_COUNTS}\s+(?:others?\s+)?(?:also\s+)?(?:suffered|sustained|received|(?:had|escaped with)(?=\s+(?:only\s+)?"
               r"(?:non|superficial|minor\s+(?:gunshot|bullet))))\s+[^.;]{0,40}?\b(?:injuries|wounds)\b"),
    # "all four victims survived the shooting": the wounded who lived
    re.compile(rf"(?i)\b{_COUNTS}\s+(?:who\s+)?survived\s+(?:the\s+(?:shooting|attack|gunfire)|(?:their|the)\s+(?:wounds|injuries))\b"),
    re.compile(rf"(?i)\b{_COUNTS}\s+(?:(?:who|that)\s+)?(?:are|were|remain|remained|was|is)\s+(?:still\s+|listed\s+|reported\s+|hospitalized\s+){{0,2}}{_CONDITION}"),
    re.compile(rf"(?i)\b{_COUNTS}\s+(?:were|are|was|have been)\s+(?:\w+ly\s+)?treated\s+(?:and released|at|for|in)\b"),
]


def _starting(first: str, pattern: str) -> re.Pattern:
    """A case-insensitive pattern of many alternatives, behind a lookahead for the characters its matches can
    start with: elsewhere it fails at one test instead of at each alternative. The same matches."""
    return re.compile(rf"(?i)(?=[{first}])(?:{pattern})")


# One victim named or described in the singular: "A 23-year-old man was shot and killed", "He died".
_ONE_KILLED = _starting(",abcdfhiklpstw", r"\bwas\s+(?:later\s+|also\s+)?(?:shot and killed|shot dead|shot to death|(?:fatally|mortally) (?:shot|wounded|stabbed)|"
                         rf"killed|slain|pronounced dead|found dead)\b|(?:\b{_HE}|,\s*\d{{1,3}},)(?:,[^,.;]{{1,40}},)?\s+(?:later\s+)?"
                         r"(?:died|succumbed|passed away)\b|\b(?:shot and killed|fatally shot|stabbed and killed|killed)\s+(?:his|her|their)\b|"
                         r"\bthe\s+(?:(?:fatal\s+)?shooting\s+|stabbing\s+)?death\s+of\b|\bthe\s+fatal\s+shooting\s+of\b|"
                         r"\b(?:charged with|charges? of)\s+(?:(?:first|second|third)-degree\s+|capital\s+)?murder\b|"
                         # "doctors pronounced him dead", "the child was dead when deputies arrived"
                         r"\bpronounced\s+(?:him|her|(?-i:[A-Z][\w'-]+)(?:\s+(?-i:[A-Z][\w'-]+))?)\s+dead\b|"
                         rf"\b(?:{_HE}|an?\s+(?:[\w-]+\s+){{0,2}}?(?:{_SINGLE}|\d{{1,3}}-(?:month|week|day)-old))\s+(?:is|was)\s+"
                         r"dead\s+(?:after|following|from|when)\b|"
                         r"\bwas\s+dead\s+when\s+(?:[\w-]+\s+){0,2}?(?:arrived|got there)\b|"
                         # A death told by its circumstances, whoever died: "Smith died at the scene", "who later
                         # died", "found shot to death", "fatally shot himself", "claimed the life of".
                         rf"\b(?:died|succumbed|passed away)\s+(?:{_DIED_HOW})\b|\b(?:who|later|since|has|had|and)\s+(?:later\s+)?"
                         r"(?:died|passed away)\b|"
                         r"\b(?:found|discovered)\s+(?:shot\s+)?(?:dead|to death)\b|\bfound\s+fatally\s+shot\b|"
                         # "shot his 8-year-old brother to death"
                         rf"\b(?:shot|stabbed|beat|strangled)\s+(?:his|her|their|the|a|an)\s+(?:[\w-]+\s+){{0,2}}?(?:{_KIN}|{_SINGLE})\s+"
                         r"to death\b|"
                         # "a mob beat a 28-year-old garment worker to death", "a sniper shot dead a 12-year-old boy":
                         # one victim told by "a", whatever the noun; "a man and a woman" are left to the counts
                         r"\b(?:beat|hacked|stoned|clubbed|lynched|burned|stabbed|strangled)\s+(?:a|an)\s+"
                         r"(?:(?!and\b)[\w-]+\s+){0,3}?[\w-]+\s+to death\b|"
                         rf"\bshot dead\s+(?:a|an)\s+(?:[\w-]+\s+){{0,2}}?(?:{_SINGLE})\b(?!\s+and\b)|"
                         # "was hit in the head and pronounced dead", "shot another teen, killing him", "a 4-year-old
                         # shot dead in ..."
                         r"\band\s+(?:later\s+|was\s+)*pronounced dead\b|\bkilling\s+(?:him|her)\b|"
                         rf"\b(?:a|an)\s+(?:[\w-]+\s+){{0,2}}?{_SINGLE}\s+(?:shot dead|shot to death|fatally shot)\b|\b(?:accidentally\s+)?(?:(?:fatally|mortally)\s+(?:shot|stabbed|wounded)|"
                         r"(?:shot|stabbed|beat(?:en)?) and killed)\s+(?:\w+\s+){0,3}?(?:himself|herself|a|an|the|his|her|their|him)\b|"
                         r"\bclaimed the life of\b|\b(?:a|the|an apparent)\s+(?:deadly|fatal)\s+(?:shooting|stabbing)\b")
# Wounds a victim lives through, whoever bears them: "suffered a graze wound", "with non-life-threatening injuries",
# "minor gunshot wounds"; and a victim who got to a hospital alone ("drove himself to Mercy Hospital"). Bare "minor
# injuries" stay out: they are as often a fall or a scuffle's (an officer's, a suspect's) as a wound.
_SURVIVED = r"\b(?:suffered|sustained|received|with|had|for)\s+(?:an?\s+)?(?:only\s+)?(?:(?:non[- ]life[- ]threatening|superficial)\s+" \
            r"(?:gunshot\s+|bullet\s+)?(?:injur(?:y|ies)|wounds?)|minor\s+(?:gunshot|bullet)\s+wounds?|" \
            r"(?:[\w-]+\s+){0,2}?(?:graze|grazing)\s+wounds?)\b|" \
            r"\b(?:drove|took|walked)\s+(?:himself|herself)\s+(?:in)?to\s+(?:the\s+|a\s+|an\s+)?(?:[\w.'-]+\s+){0,4}?" \
            r"(?:hospital|medical cent(?:er|re)|trauma cent(?:er|re)|emergency room)\b"
_ONE_INJURED = _starting("abdfhilrstw", _SURVIVED + r"|"
                         # told the other way round: "Also wounded in the shooting was his brother"
                         r"\balso\s+(?:wounded|injured|hurt)\s+(?:in\s+the\s+(?:shooting|attack|gunfire|incident)\s+)?was\b|"
                         r"\bwas\s+(?:also\s+)?(?:found\s+)?(?:(?!fatally|mortally)\w+ly\s+)?(?:shot and (?:wounded|injured)|wounded|injured|hurt|"
                          r"hospitalized|hospitalised|grazed)\b|"
                          r"\b(?:was|is|being)\s+treated\s+(?:and released\b|for\s+[^.;]{0,40}?\b(?:injur|wound))|"
                          r"\b(?:remains|remained|is still|was still|has been|had been|is)\s+hospitali[sz]ed\b|"
                          r"\b(?:is|was)\s+(?:still\s+)?(?:recovering|expected to (?:survive|recover))\b|\b(?:was|has been)\s+(?:\w+ly\s+)?released from\s+(?:the|a|an|"
                          r"area|local)\s+(?:\w+\s+)?hospital\b|\b(?:wounding|injuring)\s+(?:his|her|their)\s+\w+|"
                          # "shot and critically injured his 6-year-old brother"
                          rf"(?<!fatally )(?<!mortally )\b(?:wounded|injured)\s+(?:his|her|their)\s+(?:[\w-]+\s+){{0,2}}?{_KIN}\b|"
                          # "The victim, a 30-year-old man, suffered ..."
                          rf"\b(?:{_HE}|an?\s+[^.;]{{0,40}}?{_SINGLE})(?:,[^,.;]{{1,40}},)?\s+(?:suffered|sustained)\s+(?![^.;]{{0,40}}?\b(?:fatal|mortal)\b)[^.;]{{0,40}}?"
                          r"\b(?:injuries|wounds)\b|"
                          # One victim alive in hospital: "in critical condition", "fighting for his life".
                          r"\b(?:is|was|remains|remained|listed|reported|be)\s+(?:\w+\s+){0,2}?in\s+(?:critical|stable|serious|"
                          r"fair|good|grave|guarded|satisfactory)(?:\s+(?:but|and)\s+stable)?\s+condition\b|"
                          r"\bfighting for (?:his|her) life\b|(?<!non-)(?<!non )\blife-threatening (?:injuries|wounds)\b")
# "shot at" is fired at, unless a place or a time follows: "were shot at a party", "shot at about 2 a.m.".
_NOT_AT = r"(?!\s+(?:and killed|dead|to death|at(?!\s+(?:a|an|the|about|around|approximately|least|\d+)\b)))"
# A hospital by its name too: "to Grady Memorial Hospital", "to Harborview Medical Center".
_HOSPITAL = r"to\s+(?:(?:the|a|an|area|local|nearby|several|different|two|three)\s+){0,2}" \
            r"(?:(?-i:[A-Z])[\w.'-]*\s+){0,4}(?:hospitals?|medical cent(?:er|re)|trauma cent(?:er|re))\b"
_AT_HOSPITAL = r"(?:(?:the|a|an|area|local|nearby)\s+)?(?:(?-i:[A-Z])[\w.'-]*\s+){0,4}(?:hospitals?|medical cent(?:er|re)|" \
               r"trauma cent(?:er|re)|emergency room)\b"
_GUNSHOT = r"(?:gunshot|gun shot|gun-shot|bullet|graze) wounds?\b"
# Victims hit, dead or alive: "Three people were shot", "A man was shot Saturday", "shot two men", "four were
# struck by gunfire", "found two men with gunshot wounds", "sent four people to the hospital", "a fifth victim
# was hit".
_SHOT_PATTERNS = [
    _one_of(r"shot"),
    # An ordinal victim before any count ("a second man arrived at Mercy with a gunshot wound" is two hit, not
    # one); the ordinal's noun a victim ("a third man", "a fifth male victim"), not "the second floor was hit"
    re.compile(rf"(?i)\b(?:a|an|the)\s+(?P<count>{'|'.join(_ORDINALS)}|\d{{1,2}}(?:st|nd|rd|th))\s+"
               rf"(?:(?:[\w-]+\s+)?(?:{_SINGLE}|male|female|individual|juvenile|patient)\s+)?"
               r"(?:was|is|had been|has been|remains)\s+(?:also\s+|still\s+)?(?:being\s+)?(?:\w+ly\s+)?"
               r"(?:shot|wounded|injured|hurt|struck|hit|grazed|treated|hospitali[sz]ed|in\s+\w+\s+condition|"
               r"(?:at|in)\s+(?:the\s+|a\s+)?hospital)\b"),
    # ...named after a comma, or come to a hospital: "a second victim, a 20-year-old woman, was treated", "a
    # third victim later arrived at Mercy Hospital", "a fourth man drove himself to the hospital"
    re.compile(rf"(?i)\b(?:a|an|the)\s+(?P<count>{'|'.join(_ORDINALS)})\s+(?:[\w-]+\s+)?(?:victim|{_SINGLE}|male|female|"
               r"individual|juvenile|patient)\b(?:,[^,.;]{1,40},)?\s+(?:later\s+|also\s+|then\s+)?(?:(?:was|is)\s+"
               r"(?:also\s+|later\s+)?(?:\w+ly\s+)?(?:shot|wounded|injured|hurt|struck|hit|grazed|treated|taken|transported|"
               r"rushed|hospitali[sz]ed)|arrived|showed up|turned up|walked into|drove (?:himself|herself)|suffered|sustained)\b"),
    re.compile(rf"(?i)\b{_BOTH}(?:were|are)\s+(?:(?:\w+ly\s+)?shot|(?:taken|transported|rushed)\s+to)\b"),
    # "found two shooting victims": victims of gunfire, dead or alive.
    re.compile(rf"(?i)\b(?P<count>(?:{_QUALIFIER}\s+)?{_NUMBER}\s+(?:gunshot|shooting)\s+victims)\b"),
    re.compile(rf"(?i)\b{_PAIR}(?:(?!fatally|mortally)\w+ly\s+)?shot\b{_NOT_AT}"),
    re.compile(rf"(?i)\b{_COUNTS}\s+(?:(?:who|that)\s+)?(?:(?:were|are|have been|had been)\s+(?:also\s+|all\s+)?|got\s+|"
               rf"getting\s+)(?:\w+ly\s+)?shot\b{_NOT_AT}"),
    # "found five people shot", "left two men shot": the victims after the deed that found or left them
    re.compile(rf"(?i)\b(?:found|left|leaving)\s+{_COUNTS}\s+shot\b(?!\s+(?:at|dead|to death)\b)"),
    re.compile(rf"(?i)\b(?<!been )shot\s+(?:the\s+)?(?P<count>(?:{_QUALIFIER}\s+)?{_NUMBER}\s+(?:other\s+)?{_PLURAL})\b"
               r"(?!\s+(?:dead|to death))"),
    re.compile(rf"(?i)\b{_COUNTS}\s+(?:were|are|had been|have been)\s+(?:also\s+|all\s+)?(?:hit|struck)\s+by\s+(?:a\s+)?"
               r"(?:stray\s+)?(?:gunfire|bullets?|shots|rounds|gunshots|pellets)\b"),
    re.compile(rf"(?i)\bfound\s+{_COUNTS}\s+(?:suffering\s+from|with)\s+(?:[\w-]+\s+){{0,2}}?{_GUNSHOT}"),
    re.compile(rf"(?i)\b{_COUNTS}\s+(?:(?:were|are)\s+(?:found\s+)?(?:suffering\s+from|with)|suffering(?:\s+from)?)\s+"
               rf"(?:[\w-]+\s+){{0,2}}?{_GUNSHOT}"),
    re.compile(rf"(?i)\b(?:sent|sending|rushed)\s+{_COUNTS}\s+{_HOSPITAL}"),
    # "five other victims showed up at the hospital with gunshot wounds"
    re.compile(rf"(?i)\b{_COUNTS}\s+(?:later\s+)?(?:arrived|showed up|turned up|walked in(?:to)?)\s+(?:at\s+)?(?:[\w'-]+\s+){{0,4}}?"
               rf"(?:with|suffering from)\s+(?:[\w-]+\s+){{0,2}}?{_GUNSHOT}"),
    re.compile(rf"(?i)\b{_COUNTS}\s+(?:were|are|have been|had been)\s+(?:all\s+)?(?:taken|transported|rushed)\s+{_HOSPITAL}"),
    # "two victims later arrived at Mercy Hospital by private vehicle"
    re.compile(rf"(?i)\b{_COUNTS}\s+(?:later\s+)?(?:arrived|showed up|turned up)\s+at\s+{_AT_HOSPITAL}"),
]
_ONE_SHOT = _starting("abfghistw", r"\b(?:an?\s+(?:[\w-]+\s+){0,2}?(?:man|woman|boy|girl|teen|teenager|person|child|victim|male|"
                       r"female|\d{1,3}-year-old)|the victim|he|she)(?:,[^,.;]{1,40},)?\s+(?:later\s+)?(?:arrived|showed up|turned up|"
                       r"walked into)\s+(?:at\s+)?" + _AT_HOSPITAL + "|"
                       r"\b(?:was|got|has been|had been|being)\s+(?:also\s+)?(?:(?!fatally|mortally)\w+ly\s+)?(?:found\s+)?shot\b"
                       rf"(?!\s+(?:and wounded|and injured)){_NOT_AT}|"
                       # "was also hit", told as one more victim beside those before ("A woman with him was also hit")
                       r"\b(?:was|got)\s+also\s+(?:hit|struck)\b(?![^.;]{0,60}?\b(?:and|who|but|later)\s+(?:later\s+|also\s+)?(?:died|succumbed|was killed|killed|was pronounced dead)\b)|"
                       r"\b(?:was|has been|had been|being)\s+(?:also\s+)?(?:\w+ly\s+)?(?:hit|struck)\s+(?:by|with)\s+(?:a\s+)?(?:stray\s+)?"
                       r"(?:bullets?|gunfire|shots?|rounds?|gunshots?|pellets)\b|"
                       r"\b(?:was|is)\s+(?:later\s+)?(?:taken|transported|rushed|airlifted|flown)\s+" + _HOSPITAL + "|"
                       # "shot the boy in the face": one victim, named by the shooter's deed.
                       r"\bshot\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,3}?in\s+the\s+(?:head|face|chest|leg|arm|back|neck|"
                       r"stomach|abdomen|shoulder|foot|hand|hip|buttocks|side|torso|thigh|knee)\b|"
                       # "the gunman also shot a 40-year-old woman": one more victim, named by the shooter's deed
                       rf"\balso\s+shot\s+(?:a|an|his|her|their)\s+(?:[\w-]+\s+){{0,2}}?(?:{_SINGLE}|{_KIN}|neighbou?r|"
                       r"bystander|passer-?by|customer|clerk|friend)\b(?![^.;]{0,60}?\b(?:and|who|but|later)\s+(?:later\s+|also\s+)?(?:died|succumbed|was killed|killed|was pronounced dead)\b)|"
                       # "accidentally shot his 7-year-old brother": one of the shooter's own, named by the deed.
                       rf"\b(?:accidentally\s+)?shot\s+(?:his|her|their)\s+(?:own\s+)?(?:[\w-]+\s+){{0,2}}?{_KIN}\b"
                       r"(?!\s+(?:dead|to death))|"
                       # Himself by accident, or a wound that does not say whether it killed.
                       r"\b(?:accidentally\s+)?shot\s+(?:himself|herself)\b|"
                       r"\b(?:suffered|suffering|sustained|with|from|for)\s+(?:a\s+)?(?:(?!fatal)[\w-]+\s+){0,2}?(?:gunshot|graze|grazing|bullet) "
                       r"wound\b")
# A tally of several incidents: "in separate shootings", "in three shootings", "shootings across the city",
# "over an eight-hour stretch".
_ROUNDUP = re.compile(r"(?i)\b(?:separate|unrelated|different|multiple|several|two|three|four|five|six|seven|eight|"
                      r"nine|ten|\d+)\s+(?:separate\s+|other\s+)?(?:shootings|incidents|attacks)\b|"
                      r"\bshootings\s+(?:across|around|throughout)\b|"
                      # "wounded in South Side shootings", "27 wounded over an eight-hour stretch"
                      r"(?<!rise )(?<!spike )(?<!surge )(?<!increase )(?<!uptick )(?<!drop )(?<!decline )"
                      r"\bin\s+(?:(?!the\b|a\b|an\b)[\w-]+\s+){1,2}shootings\b|"
                      r"\b(?:over|in|during)\s+an?\s+[\w-]*(?:minute|hour|day|night|week|month)s?\s+(?:stretch|span|period)\b")
_DIED_SINCE = re.compile(r"(?i)\b(?:has|had|later|then|where\s+(?:he|she)|and\s+(?:he|she))\s+(?:later\s+)?"
                         r"(?:died|succumbed|passed away)\b|\bwhere\s+(?:he|she)\s+was\s+(?:later\s+)?pronounced dead\b|"
                         # "was listed in critical condition until she died"
                         r"\b(?:until|before)\s+(?:he|she)\s+(?:died|succumbed|passed away)\b")
_FATAL_PART = re.compile(rf"(?i),?\s+(?:(?:--|—|–)\s+)?(?P<count>{_COUNT})\s+(?:of them\s+)?(?:fatally|mortally)\b")
# The dead among a count of wounded told in an aside: "Three soldiers, one of whom later died, were wounded". The
# aside is blanked before counting (count_asides.py); these are its dead, and no longer injured.
_DIED_AMONG = re.compile(rf"(?i),\s+(?P<count>{_NUMBER})\s+of\s+(?:them|whom)\s+(?:later\s+|since\s+|subsequently\s+|"
                         r"(?:has|have)\s+since\s+)?(?:died|succumbed|passed away)\b")
_PARTITIVE = re.compile(r"(?i)\bof\s+(?:the|those|these|all)\s+$")
_NEGATED = re.compile(r"(?i)\b(?:no|no one|nobody|no-one|none|not|never)(?:\s+(?:else|other))?\s*$")
_NONE = re.compile(r"(?i)\b(?:no one|nobody|no-one|none)\s+(?:was|were|has been|had been)\s+(?:killed|hurt|injured|harmed|wounded)|"
                   r"\bno (?:casualties|deaths|fatalities|victims|one was hurt)\b|\bwithout (?:casualties|loss of life)\b")
# "no one was hit" after shots fired: nobody hurt ("no one was shot and killed" tells the dead only)
_NONE_INJURED = re.compile(r"(?i)\b(?:no one|nobody|no-one|none)\s+(?:was|were|has been|had been)\s+(?:hurt|injured|harmed|wounded|"
                           r"hit|struck|shot)\b(?!\s+(?:and killed|dead|to death))|"
                           r"\bno (?:injuries|casualties|one was hurt)\b|\bwithout injur")


@dataclass(frozen=True, slots=True)
class FatalityHit:
    """A casualty count with the sentence offsets of the words that gave it."""

    low: int
    best: int
    high: int
    start: int
    end: int
    single: bool = False    # one victim told in the singular ("he was wounded"), not a count


# Word stems that each family of patterns needs somewhere in the sentence: most sentences have none, and one
# plain search tells so before the patterns' many alternatives are tried at every word.
_KILLED_STEMS = re.compile(r"(?i)kill|dead|die|death|slain|perish|lives|life|fatal|mortal|bodies|murder|homicide|succumb|"
                           r"passed away")
_INJURED_STEMS = re.compile(r"(?i)wound|injur|hurt|hospital|condition|life|grazed|treated|recover|surviv")
_SHOT_STEMS = re.compile(r"(?i)shot|hit|struck|wound|hospital|grazed|shooting victims|medical cent|trauma cent")


# Cached: resolve reads an article's sentences once per mention, so the same texts come back many times.
@lru_cache(maxsize=4096)
def find_fatalities(text: str) -> FatalityHit | None:
    """The first death toll stated in a sentence, or None when it gives none."""
    return (_find(text, _KILLED_PATTERNS, _ONE_KILLED) if _KILLED_STEMS.search(text) else None) or _died_among(text) \
        or _none(text, _NONE)


@lru_cache(maxsize=4096)
def find_injuries(text: str) -> FatalityHit | None:
    """The first count of injured in a sentence ("no injuries" is 0), or None when it gives none."""
    found = _find(text, _INJURED_PATTERNS, _ONE_INJURED) if _INJURED_STEMS.search(text) else None
    return _less_the_dead(text, found) if found else _none(text, _NONE_INJURED)


@lru_cache(maxsize=4096)
def find_shot(text: str) -> FatalityHit | None:
    """The victims a sentence says were shot, without saying whether they lived."""
    return _find(text, _SHOT_PATTERNS, _ONE_SHOT) if _SHOT_STEMS.search(text) else None


def _find(text: str, patterns: list[re.Pattern], single: re.Pattern) -> FatalityHit | None:
    """The first count any pattern reads, else 1 for a victim in the singular.

    A sentence that tallies several incidents ("six people were wounded in separate shootings") gives no count
    of one; "others" add to the victims told before them in the sentence."""
    text = blank_asides(text)
    roundup = _ROUNDUP.search(text)
    for pattern in patterns:
        for m in pattern.finditer(text):
            if roundup or is_age(text, m.start("count"), m.end("count")) or _NEGATED.search(text[max(0, m.start("count") - 30):m.start("count")]):
                continue
            counts = (2, 2, 2) if "pair" in pattern.groupindex else _sum_counts(whole_of_breakdown(_past_the_whole(text, m)))
            if counts is not None and not (counts[1] == 1 and _died_since(text, m.end(), patterns)):
                more = (_told_before(text, m, patterns, single) + _others_after(text, m.end(), patterns)
                        - _fatally(text, m.end(), patterns))
                # "critically injured a 16-year-old" tells one victim as plainly as "he was injured" does
                single = counts[1] + more == 1 and bool(re.match(r"(?i)an?\b", m.group("count")))
                return FatalityHit(*(max(0, n + more) for n in counts), m.start(), m.end(), single)
    for one in single.finditer(text):
        if not _NEGATED.search(text[max(0, one.start() - 20):one.start()]) and not _died_since(text, one.end(), patterns):
            n = _one_to_a_clause(text, one.end(), single)
            return FatalityHit(n, n, n, one.start(), one.end(), single=n == 1)
    return None


def _one_to_a_clause(text: str, end: int, single: re.Pattern) -> int:
    """The victims a sentence tells one to a clause, each clause led by a new one: "A woman was shot in the
    torso; a man was shot in the leg; and a girl was shot in the arm" is three. A clause led by a pronoun
    ("; he was taken to Mercy") tells of the same victim."""
    victims = 1
    for clause in text[end:].split(";")[1:]:
        own = single.search(clause, 0, 80)
        # the clause's own victim: its verb near its head, not one a speaker tells ("; a spokesman said he was shot")
        if not (re.match(r"(?i)\s*(?:and\s+)?(?:a|an|another)\s", clause) and own and own.start() <= 40
                and not re.search(r"(?i)\b(?:said|says|told|according)\b", clause[:own.start()])):
            break
        victims += 1
    return victims


def _past_the_whole(text: str, m: re.Match) -> str:
    """The count a match read, less the whole a partitive names first: in "Of the five men, two are in critical
    condition" the list "five men, two" is two of five, not seven."""
    phrase = m.group("count")
    if not _PARTITIVE.search(text[max(0, m.start("count") - 30):m.start("count")]):
        return phrase
    whole, comma, part = phrase.partition(",")
    return part if comma and not re.match(r"\d{3}", part) else phrase


def _told_before(text: str, m: re.Match, patterns: list[re.Pattern], single: re.Pattern) -> int:
    """The victims that "others" and "she and three others" are counted beyond: a count or a victim told
    earlier in the sentence; for the shot, one victim named (alive or dead) when none is."""
    prefix = text[:m.start("count")]
    if re.search(r"(?i)\b(?:he|she|him|her)\s+and\s+$", prefix):
        return 1
    # "the other three victims" as "three others"
    if not re.search(r"(?i)\bothers?\b", text[m.start("count"):m.end()]) and not re.search(r"(?i)\bother\s+$", prefix):
        return 0
    for pattern in patterns:
        for earlier in pattern.finditer(text[:m.start()]):
            counts = _sum_counts(earlier.group("count"))
            if counts is not None and not is_age(text, earlier.start("count"), earlier.end("count")):
                return counts[1]
    return 1 if single.search(text[:m.start()]) or patterns is _SHOT_PATTERNS else 0


def _died_since(text: str, end: int, patterns: list[re.Pattern]) -> bool:
    """Whether the one victim told as wounded dies later in the sentence: "a woman who was wounded on Sunday
    has died", "he was taken in critical condition to Mercy, where he died". Only the injured lose such a
    victim: the killed count them, and the shot count the dead with the living."""
    return patterns is _INJURED_PATTERNS and bool(_DIED_SINCE.search(text, end))


def _fatally(text: str, end: int, patterns: list[re.Pattern]) -> int:
    """The dead among the wounded a count tells: "six people wounded -- two mortally" is four injured (the
    killed read the two)."""
    fatal = _FATAL_PART.match(text, end) if patterns is _INJURED_PATTERNS else None
    counts = _sum_counts(fatal.group("count")) if fatal else None
    return counts[1] if counts else 0


def _others_after(text: str, end: int, patterns: list[re.Pattern]) -> int:
    """The victims a sentence adds after its first count: "a woman was wounded and two others hurt", "a boy
    was wounded in a shooting that also injured a woman"."""
    for pattern in patterns:
        for later in pattern.finditer(text, end):
            counts = _sum_counts(later.group("count"))
            if counts is not None and (re.search(r"(?i)\bothers?\b", text[later.start("count"):later.end()])
                                       or re.search(r"(?i)\balso\b", text[max(end, later.start() - 6):later.end()])):
                return counts[1]
    return 0


def _died_among(text: str) -> FatalityHit | None:
    """The dead an aside tells among the wounded ("five passengers, two of whom later died"), where no other
    words give the killed."""
    m = _DIED_AMONG.search(text) if "of" in text else None
    counts = _sum_counts(m.group("count")) if m else None
    return FatalityHit(*counts, m.start("count"), m.end()) if counts else None


def _less_the_dead(text: str, hit: FatalityHit) -> FatalityHit:
    """A count of wounded less those of them an aside inside it says later died. An aside after it ("wounding
    five, one of whom later died") is a death told after the count, which injured.injured_in takes off."""
    m = _DIED_AMONG.search(text, hit.start, hit.end) if "of" in text else None
    counts = _sum_counts(m.group("count")) if m else None
    if not counts:
        return hit
    return FatalityHit(*(max(0, n - counts[1]) for n in (hit.low, hit.best, hit.high)), hit.start, hit.end)


def _none(text: str, pattern: re.Pattern) -> FatalityHit | None:
    m = pattern.search(text)
    return FatalityHit(0, 0, 0, m.start(), m.end()) if m else None
