"""The words that name casualties and count them: a number ("twelve", "1,200", "a dozen", "several") and its
noun ("two young men"), lists of counts ("two soldiers and a civilian"), one victim in the singular ("a
23-year-old man", "his brother") and two named as a pair ("both the boy and his father", "Dana Reyes and Luis
Ortiz"). The patterns in fatalities.py build on them; counts.py reads the numbers."""

from __future__ import annotations

from .counts import QUALIFIER

# The lookaheads before NUMBER and COUNT hold the first letters their words can start with: a word starting
# otherwise fails at one test instead of at each alternative, which is most of the patterns' time. Same matches.
# "1,200" is one number; "23," (an age before a comma) is 23 and a comma.
NUMBER = r"(?=[\dabdefhnost])(?:\d{1,3}(?:,\d{3})+\b|\d+|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|" \
         r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|" \
         r"sixteen|seventeen|eighteen|nineteen|a dozen|a|an|both|several|a few|dozens|scores|hundreds)"
# Up to two words between a number and its noun ("two young men"); a lone dash is no word ("June 14 - Two men").
# A people named alone is a noun too: "two Palestinians", "three Iraqis", "four Sudanese".
NOUN = r"(?:\s+(?:of\s+)?(?:\w[\w-]*\s+){0,2}?(?:(?:people|persons?|civilians?|soldiers?|servicem[ae]n|troops|policem[ae]n|police(?:\s+officers?)?|" \
       r"officers?|fighters?|militants?|protesters?|demonstrators?|villagers?|residents?|child(?:ren)?|wom[ae]n|m[ae]n|" \
       r"members?|passengers?|workers?|guards?|attackers?|insurgents?|rebels?|others|of them|gunm[ae]n|bystanders?|boys?|girls?|" \
       r"teens?|teenagers?|victims?|students?|adults?|juveniles?|brothers?|sisters?|friends?|kids?|patrons?|individuals?|" \
       r"males?|females?|partygoers?|customers?|employees?|clerks?|neighbou?rs?|relatives?|shoppers?|spectators?|" \
       r"pedestrians?|motorists?|marines?|peacekeepers?|commanders?|officials?|pilgrims?|worship+ers?|miners?|" \
       r"farmers?|herders?|herdsm[ae]n|fisherm[ae]n|journalists?|reporters?|refugees?|migrants?|prisoners?|inmates?|" \
       r"guerrillas?|jihadists?|extremists?|sailors?|airm[ae]n|paramilitar(?:y|ies)|militiam[ae]n|" \
       r"gendarmes?|recruits?|cadets?|teachers?|doctors?|nurses?|medics?|tourists?|hostages?|pupils?|mourners?|" \
       r"guests?|contractors?|personnel|activists?|traders?|travell?ers?|drivers?|" \
       r"youths?|infants?|bab(?:y|ies)|toddlers?|siblings?|cousins?|sons?|daughters?|parents?|" \
       r"(?-i:[A-Z][a-z]+(?:ians?|ans?|is|ese))))\b)?"
COUNT = rf"(?=[\dabdefhmnorstu])(?:{QUALIFIER}\s+)?{NUMBER}\b{NOUN}"   # \b: "a" is no count in "and"
# A list with a comma before its "and" has three counts or more ("two soldiers, a policeman, and a civilian"): with
# two, ", and" joins clauses ("killing two soldiers, and a civilian was hurt").
COUNTS = rf"(?P<count>{COUNT}(?:(?:\s*,\s*{COUNT})+\s*,\s*and\s+{COUNT}|(?:\s*(?:,|and)\s*{COUNT})*))"
# Plural nouns a bare count needs where a number alone could be an age: "wounded were three men", not "were 28".
PLURAL = r"(?:people|persons|men|women|teens|teenagers|children|boys|girls|others|victims|officers)"
SINGLE = r"(?:man|woman|boy|girl|teen|teenager|person|child|toddler|infant|baby|officer|deputy|victim|driver|student|" \
         r"resident|father|mother|son|daughter|suspect|gunman|shooter|bystander|\d{1,3}-year-old)"
HE = rf"(?:he|she|the {SINGLE})"
KIN = r"(?:brother|sister|son|daughter|cousin|nephew|niece|friend|father|mother|stepfather|stepson|grandson|" \
      r"granddaughter|grandfather|grandmother|uncle|aunt|wife|husband|girlfriend|boyfriend|roommate|neighbou?r)"
# "Both the boy and his father were": two victims named as a pair.
BOTH = r"(?P<count>both)\s+(?:the\s+|his\s+|her\s+)?[\w'-]+(?:\s+[\w'-]+)?\s+and\s+(?:the\s+|his\s+|her\s+)?[\w'-]+(?:\s+[\w'-]+)?\s+"

# Two victims named as a pair, each by a first and a last name: "Dana Reyes, 23, and Luis Ortiz, 19, were
# wounded" (the pattern's `pair` group tells _find the count is two).
NAME = r"(?-i:[A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+){1,2})(?:,\s\d{1,3},?)?"
# Past tense only: "Los Angeles and San Diego have been hurt by the wave of shootings" names two cities.
PAIR = rf"(?P<count>(?P<pair>{NAME}\s+and\s+{NAME}))\s+(?:were|had been)\s+(?:both\s+)?"
