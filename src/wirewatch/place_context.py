"""What an article's place names say as a whole: the countries it points at, the admin1 units it names
beyond doubt, and the words it uses in people's names. The gazetteer reads these once per article
(Gazetteer._article) for all the article's mentions.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .gazetteer import Hit

# Generic words for an administrative unit ("the Kursk region", "Idlib governorate"), singular forms.
REGION_WORDS = r"(?:region|oblast|province|governorate|state|district|county|prefecture|department|territory|" \
               r"krai|kray|republic|division|municipality)"

# Towns below this population are read as places only where the text supports them (their admin1 named,
# a "Town, State" qualifier, "the village of Town"): most such names in news copy are people or words.
SMALL_TOWN = 5_000
# A country's name counts for the country over namesake towns below this size.
_COUNTRY_OVER_TOWN = 100_000
# "Michael Jones", "Ivan A. Lopez", "David Rutter Sr.": a given name, perhaps a middle initial, and a surname.
_TWO_NAMES = re.compile(r"\b([A-Z][a-z]+)[ \t]+(?:[A-Z]\.[ \t]+)?([A-Z][a-z]+)\b(?![ \t]+(?!(?:Jr|Sr)\b)[A-Z])")
# A state's own bodies after its name: the name is the admin1 unit, not a country or a town that shares it.
_STATE_BODY = re.compile(r"[ \t]+(?:State[ \t]+(?:Police|Patrol|Troopers?)|Highway[ \t]+Patrol|Bureau[ \t]+of[ \t]+"
                         r"(?:Investigation|Criminal)|Department[ \t]+of[ \t]+(?:Corrections|Public[ \t]+Safety|"
                         r"Law[ \t]+Enforcement)|Rangers|Attorney[ \t]+General)\b")
# The offices, officers, roads and charges of American local news: a county sheriff's deputies, a town's "Police
# Department", a district attorney, state troopers and the highway patrol, a medical examiner, the ATF, an
# Interstate ("on I-95", not Islamabad's "I-10 sector"), "the 1200 block of", a county jail, a felony, aggravated
# battery, and a broadcaster's call sign after a dateline ("TAUNTON (WBZ) —": American stations' begin with K or W;
# not the news agencies WAFA, WAM, KUNA, KCNA, KNA, KPL). Other English-language copy names its police forces, coroners,
# motorways and charges otherwise; first-degree murder and aggravated assault are Canadian and Australian charges too.
_AMERICAN = re.compile(r"\b[Ss]heriff['’]s (?:[Oo]ffice|[Dd]epartment|[Dd]eput(?:y|ies))|\b[Cc]ounty [Ss]heriff\b|"
                       r"\b[A-Z][a-z]+ Police Department\b|\bthe \d{1,5} block of\b|\bInterstate \d{1,3}\b|"
                       r"\b(?:on|along|off|onto|[Nn]orthbound|[Ss]outhbound|[Ee]astbound|[Ww]estbound)[ \t]+I-\d{1,3}\b|"
                       r"\b(?:[Dd]istrict|[Cc]ounty|[Ss]tate['’]s) [Aa]ttorney\b|\b[Ss]tate [Tt]roopers?\b|"
                       r"\b[Hh]ighway [Pp]atrol\b|\b[Mm]edical [Ee]xaminer\b|\bATF\b|\b[Cc]ounty [Jj]ail\b|\b[Ff]elony\b|"
                       r"\b[Aa]ggravated battery\b|"
                       r"\bbooked into\b|(?m:^[ \t]*[A-Z][A-Z.'’ -]*[A-Z](?:,[ \t]+[A-Z][\w.]*(?:[ \t][A-Z][\w.]*)?)?[ \t]*"
                       r"\((?!WAFA|WAM\b|KUNA|KCNA|KNA\b|KPL\b)[KW][A-Z]{2,3}(?:-TV)?\))")
# Words that follow a place in a name without making it a person's: a town's own parts, and a state's bodies
# ("Georgia Bureau of Investigation", "Florida Highway Patrol", "Texas Rangers" name the state).
_QUALIFYING_WORD = re.compile(r"(?:Police|Sheriff|County|City|Township|Parish|Borough|Village|Heights|Park|Beach|"
                              r"Bureau|Highway|Patrol|Troopers?|Rangers|Attorney|Governor|Legislature|Senate|"
                              r"Supreme|Corrections|National|"
                              r"Springs|Falls|Lake|Valley|Hills?|North|South|East|West|Central|Downtown|Greater|"
                              r"New|Fort|Port|Mount|Saint|San|Santa|Monday|Tuesday|Wednesday|Thursday|Friday|"
                              r"Saturday|Sunday|The|In|At|On|Near|From|Of|And|But|When|After|Before)$")


@dataclass(frozen=True, slots=True)
class ArticleNames:
    """What the resolver reads of an article's names, for all its mentions."""

    raw: tuple[Hit, ...]           # every name the index knows, small towns included
    hits: tuple[Hit, ...]          # spot(text)
    counties: tuple[tuple[str, frozenset[str]], ...]   # each county named, with the units holding one
    qualifiers: tuple[str, ...]    # the US admin1 keys of state abbreviations after a town
    full_names: frozenset[str]     # words used in a person's name (in_full_names)
    focus: Counter[str]            # country_focus: only copies are handed out
    admin1: frozenset[str]         # admin1_in
    units: tuple[tuple[str, frozenset[str]], ...]      # each place name with its units, for state votes
    american: bool = False         # american_wording(text)


def in_full_names(text: str) -> frozenset[str]:
    """Single words the text uses inside a run of two capitalised words that is no place ("Michael Jones"),
    less the words that qualify a place ("Memphis Police", "Wayne County")."""
    words = set()
    for m in _TWO_NAMES.finditer(text):
        first, last = m.group(1), m.group(2)
        if not any(_QUALIFYING_WORD.match(w) or re.fullmatch(REGION_WORDS, w, re.I) for w in (first, last)):
            words.update((first, last))
    return frozenset(words)


def american_wording(text: str) -> bool:
    """Whether a report speaks of American law enforcement and roads in the words only American copy uses (see
    _AMERICAN): a local report that names its town alone ("Birmingham police said") is set in the US."""
    return bool(_AMERICAN.search(text))


def focus_of(spotted: list[Hit] | tuple[Hit, ...], full_names: frozenset[str], qualifiers: tuple[str, ...],
             counties: tuple[tuple[str, frozenset[str]], ...], american: bool = False) -> Counter[str]:
    """country_focus from an article's hits and what else it names. Where two countries tie, the one that a
    state written after a town ("Franklin, La.") or a county the text names points at comes first: the words
    say outright where the report is, while a town's name may be a namesake or a person's. American wording
    (american_wording) counts as two names of the US: enough to make a lone town abroad that nothing else points
    at a guess (abroad.elsewhere), as a local report's "David" or "George" is a person."""
    focus: Counter[str] = Counter()
    if american:
        focus["US"] += 4
    # "Richmond, Va.": a US state abbreviation after a town says which country the article is about
    if qualifiers:
        focus["US"] += 2 * len(qualifiers)
    for _, units in counties:
        countries = {key.split(".")[0] for key in units}
        if len(countries) == 1:
            focus[countries.pop()] += 2
    towns = set()
    for hit in spotted:
        if all(e.kind != "country" for e in hit.entries) and not hit.demonym_of:
            # a town or a unit counts once, however often it is named: a repeated surname or given name that is
            # also a place abroad ("Lopez said", "Tran is charged", "Michael") must not outweigh the text's
            # other places
            if hit.text.casefold() in towns:
                continue
            towns.add(hit.text.casefold())
        if hit.demonym_of:
            focus[hit.demonym_of] += 1
            continue  # "Somali" is the people, not Ethiopia's Somali Region
        if hit.text in full_names and all(e.kind != "country" for e in hit.entries):
            continue  # "Michael Jones", "Jones said": a person's name, though a town in the Philippines
        # small towns take their country from the context, so they cannot add to it
        countries = {e.country for e in hit.entries if e.kind != "city" or e.population >= SMALL_TOWN}
        if hit.text not in full_names and any(e.kind == "country" for e in hit.entries):
            # a country's name is the country, not its namesake towns abroad ("Mali", a town in Guinea too);
            # a unit of another country that shares it still leaves it open ("Georgia"), and so does a
            # person's name ("Jordan", "Chad")
            countries = {e.country for e in hit.entries if e.kind != "city" or e.population >= _COUNTRY_OVER_TOWN}
        if len(countries) == 1:
            focus[countries.pop()] += 2
    return focus


def admin1_named(hits: list[Hit]) -> frozenset[str]:
    """Admin1 keys that hits name beyond doubt: every reading of the name but a country lies in that
    one unit, as with "Kharkiv"; "Medina" and "Gilbert" name none. Beside an admin1 reading, small
    towns do not count ("Iowa" is also a village in Louisiana)."""
    named = set()
    for hit in hits:
        if hit.demonym_of or any(e.kind == "country" for e in hit.entries):
            continue  # "Liberia" names the country, not the province of a Costa Rican town; "Somali" a people
        readings = [e for e in hit.entries if e.kind != "country"]
        large = [e for e in readings if e.kind == "admin1" or e.population >= SMALL_TOWN]
        # a small town cannot vouch for its own admin1: that would make every namesake its own support
        counted = large if any(e.kind == "admin1" for e in large) else readings if large else []
        units = {e.key if e.kind == "admin1" else e.admin1 for e in counted}
        if len(units) == 1:
            named.update(units)
    named.discard(None)
    return frozenset(named)


def bodies_named(text: str, hits: list[Hit] | tuple[Hit, ...]) -> frozenset[str]:
    """US admin1 keys named by a state body after the name ("the Georgia Bureau of Investigation", "Florida
    Highway Patrol"): the bodies are American, so the name is the US state, whatever countries, towns or
    units abroad share it."""
    named = set()
    for hit in hits:
        units = {e.key for e in hit.entries if e.kind == "admin1" and e.country == "US"}
        if len(units) == 1 and _STATE_BODY.match(text, hit.end):
            named.update(units)
    return frozenset(named)


# A word that is mostly no place ("Jackson", "Troy") used as a town: its police, or a shooting told "in" it.
_TOWN_POLICE_AFTER = re.compile(r"[ \t]+(?:[Pp]olice|[Ss]heriff['’]s|[Ff]ire[ \t]+[Dd]epartment)\b")
# Words that name a kind of police force of their own, not a town's ("Metro police", "University police").
_FORCE_KIND = re.compile(r"(?i)metro|metropolitan|university|campus|transit|capitol|tribal|federal|state|park|"
                         r"airport|port|housing|school|military")
_SHOT_IN_BEFORE = re.compile(r"(?i)\b(?:shot|shooting|killed|wounded|slain|stabbed|gunfire|opened fire)\b"
                             r"[^.!?\n]{0,60}\bin[ \t]+$")


def town_word_use(text: str, start: int, end: int, run: str) -> bool:
    """Whether text[start:end], a word the not-a-place list holds and the first of the capitalised run `run`,
    is used as a town here (see the regexes); not where the run goes on into a longer name ("Warren County")."""
    if _TOWN_POLICE_AFTER.match(text, end):
        # "Metro police said", "University police": the word tells the kind of force, not its town
        return not _FORCE_KIND.fullmatch(text[start:end])
    return len(run) == end - start and bool(_SHOT_IN_BEFORE.search(text[max(0, start - 80):start]))
