"""The words around a count that are not more victims: asides between dashes, commas or brackets that name some
of its members ("Six rebels, among them a commander, were killed"), a breakdown of the count into parts that add
up to it ("Five people, three women and two children, were killed"), and ages or dates beside a number ("two men,
30 and 41", "March 16 - Two civilians"). fatalities.py blanks the asides and reads past the breakdowns before it
counts."""

from __future__ import annotations

import re

from .counts import sum_counts as _sum_counts
from .victim_words import COUNT as _COUNT, NUMBER as _NUMBER

# Words that open an aside naming some of a count's members: "Six rebels, among them a commander, were killed",
# "eight people, mostly women, ...", "two protesters, both students, ...", "three policemen, one an inspector, ..."
_MEMBERS = r"(?:including|among\s+(?:them|whom|those|the\s+\w+)|mostly|mainly|largely|chiefly|predominantly|" \
           r"both|one\s+(?:an?|the)|(?:an?|the|two|three)\s+[\w-]+(?:\s+[\w-]+)?\s+among\s+them)"
# Words that open an aside describing a count's members: "seven militants, believed to be members of the group,",
# "four soldiers, all from one unit,", "three men, aged 20 to 25,", "four soldiers, who were on patrol,".
# A relative clause ("who", "whose") is one only after a count: "The gunmen, who killed three people at a market,
# fled" tells its toll inside the clause (see _RELATIVE).
_DESCRIBED = r"(?:all|aged|(?:believed|said|thought|reported|suspected)\s+to\s+be|identified\s+as|suspected\s+of)"
_ASIDE = re.compile(r"\s(?:–|—|--)\s[^–—.;]{1,60}?\s(?:–|—|--)(?=\s)|"
                    # a list of ages: "three men, aged 20, 22 and 25, were killed"
                    r",\s(?:aged|ages?)\s\d{1,3}(?:,\s\d{1,3})*,?\s+(?:and|to)\s+\d{1,3},(?=\s)|"
                    # a source told between commas: "Two soldiers, a Kenyan army statement said, were killed"
                    r",\s(?:[\w'’-]+\s){1,6}?(?:said|says|say|reported|added|told\s+(?:[\w-]+\s+)?[\w-]+)\s?,(?=\s)|"
                    # ("one of them fatally" stays: it tells the dead among the wounded)
                    rf",\s(?:{_MEMBERS}(?:\s|(?=,))|{_DESCRIBED}\s|\w+\s+of\s+(?:them|whom)\s(?![^,.;]*\b(?:fatally|mortally)\b)|ages?\s)"
                    r"[^,.;]{0,60},(?=\s)|"
                    # the same in brackets ("four soldiers (including an officer) were killed"); other brackets stay
                    rf"\s\((?i:{_MEMBERS}|\w+\s+of\s+(?:them|whom))\s[^()]{{1,60}}\)(?=\s)|"
                    # unbracketed before the verb: "two soldiers including an officer died"
                    r"(?i:\sincluding\s+(?:an?|one|two|three|the)\s+(?:[\w-]+\s+){0,3}?[\w-]+(?=\s+(?:were|was|died|have been|"
                    r"had been)\b))|"
                    # ages after a count: "two men, 30 and 41, were hurt"
                    r",\s\d{1,3}(?:,\s\d{1,3})*,?\s+and\s+\d{1,3},(?=\s)|"
                    # "Four boys between ages 12 and 16 were wounded"
                    r"\s(?:between\s+)?(?:the\s+)?ages?\s+(?:of\s+)?\d{1,3}\s+(?:and|to|through)\s+\d{1,3}(?=\s)|"
                    # a count shared out between the sides: "killed four people, two on each side" (of the
                    # border, of the frontier) is four
                    rf",\s(?i:{_NUMBER}\s+(?:of\s+them\s+)?(?:on|from|in|among)\s+(?:each|either|both)\s+"
                    r"(?:sides?|camps?|communit(?:y|ies)|groups?|villages?)(?:\s+of\s+the\s+[\w-]+)?)(?=\s*(?:[,.;]|$))|"
                    # a photo gallery's caption: "Image 23 of 33 Seven people have been shot"
                    r"(?i:\b(?:image|photo|picture|slide)\s+\d+\s+of\s+\d+\b)")


def blank_asides(text: str) -> str:
    """Asides between dashes or commas blanked to spaces ("Five children – ages 11 to 15 – were shot", "five
    people, including two children, were hurt"), so a count reaches its verb; offsets stay those of the
    sentence. Brackets stay unless a word of members opens them ("(including an officer)"): a wire dateline's
    "(Agency) -" would join its day to the count after it."""
    if not ("–" in text or "—" in text or "--" in text or ", " in text or "age" in text or " of " in text
            or "(" in text or "including" in text or "etween" in text):
        return text
    text = _ALONG.sub(_as_and, text) if "with" in text or "well as" in text else text
    text = _RANGE.sub(_floor, text) if "etween" in text else text
    text = _RELATIVE.sub(_blank_after_count, text) if "who" in text else text
    return _BREAKDOWN.sub(_blank_breakdown, _ASIDE.sub(lambda m: " " * len(m.group(0)), text))


# "Four soldiers, who were on patrol, died": a clause on a count's members; after anything else it may hold
# the toll itself ("The gunmen, who killed three people, fled").
_RELATIVE = re.compile(r",\s(?:who|whose)\s[^,.;]{0,60},(?=\s)")
_COUNT_BEFORE = re.compile(rf"(?i)\b{_COUNT}\s*$")


def _blank_after_count(m: re.Match) -> str:
    before = m.string[max(0, m.start() - 60):m.start()]
    return " " * len(m.group(0)) if _COUNT_BEFORE.search(before) else m.group(0)


# "Between 10 and 15 people were killed": a range, whose floor is the firm number, not two counts to add.
_RANGE = re.compile(rf"(?i)\bbetween\s+(?P<low>{_NUMBER})\s+and\s+{_NUMBER}\b"
                    r"(?!\s*(?:a\.?m\b|p\.?m\b|o['’]clock|hours?|minutes?|years?|months?|days?|per ?cent|%))")


def _floor(m: re.Match) -> str:
    """The range read as "at least" its floor, same length."""
    floor = "at least " + m.group("low")
    return floor + " " * (len(m.group(0)) - len(floor)) if len(floor) <= len(m.group(0)) else m.group(0)


# "Ten soldiers, along with two civilians, were killed": more victims, joined as "and" joins them.
_ALONG = re.compile(r"(?i),\s(?:along with|as well as|together with)\s(?P<rest>[^,.;]{1,60}),(?=\s)")


def _as_and(m: re.Match) -> str:
    """The joining words and the commas around more victims turned into "and", same length."""
    if not re.match(rf"(?i){_COUNT}", m.group("rest")):
        # "Two soldiers, along with their commander, were killed": no count to add; the count before stands
        return " " * len(m.group(0))
    lead = m.start("rest") - m.start()
    return " " * (lead - 4) + "and " + m.group("rest") + " "


# A count broken down between commas: "Five people, three women and two children, were killed".
# Its parts may be of any noun ("an officer and a private").
_PART = rf"{_NUMBER}\b(?:\s+[\w-]+){{1,3}}?"
_BREAKDOWN = re.compile(rf"(?i)\b(?P<head>{_COUNT}),\s(?P<parts>{_PART}(?:\s*,?\s*and\s+{_PART}|,\s*{_PART})+),(?=\s)")


def _blank_breakdown(m: re.Match) -> str:
    """The parts of a count blanked where they add up to it (then they are its members, not more victims:
    "two soldiers, an officer and a private, were killed" is two); a list that adds more stays."""
    head, parts = _sum_counts(m.group("head")), _sum_counts(m.group("parts"))
    if head is None or parts is None or head[1] != parts[1]:
        return m.group(0)
    return m.group("head") + " " * (m.end() - m.end("head"))


# "three other victims, two women and a man": people counted, then the same people by sex or age.
_GENERIC_HEAD = re.compile(rf"(?i)(?P<head>{_NUMBER}\s+(?:other\s+)?(?:people|persons|victims|others|individuals)),\s*(?P<rest>.+)$")
# "four people, two policemen and two soldiers": a count of people told again by trade is the same people too.
_ANY_PART = re.compile(rf"(?i)\s*(?:and\s+)?{_NUMBER}\s+(?:[\w-]+\s+){{0,2}}?[\w-]+\s*")
_SEX_AGE_PART = re.compile(r"(?i)\s*(?:and\s+)?\S+\s+(?:[\w-]+\s+)?(?:m[ae]n|wom[ae]n|boys?|girls?|child(?:ren)?|males?|females?|"
                           r"adults?|juveniles?|teens?|teenagers?)\s*")


def whole_of_breakdown(phrase: str) -> str:
    """The whole of a count of people broken down, where the parts add up to it ("four people, three men and a
    teenage girl" is four, not eight; "four people, two policemen and two soldiers" too); any other list stays a
    list to add up."""
    m = _GENERIC_HEAD.match(phrase)
    if not m or not all(_SEX_AGE_PART.fullmatch(part) or _ANY_PART.fullmatch(part)
                        for part in re.split(r",|(?=\band\b)", m.group("rest")) if part.strip()):
        return phrase
    whole, parts = _sum_counts(m.group("head")), _sum_counts(m.group("rest"))
    return m.group("head") if whole and parts and whole[1] == parts[1] else phrase


_MONTH_BEFORE = re.compile(r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?\s*$")


def is_age(text: str, start: int, end: int) -> bool:
    """True for the age in "John Smith, 23, died" (a bare number set off by commas), "a 16 year old boy" or
    "ages 12 and 16", and for the day in "March 16 - Two civilians were killed"."""
    # only the words around the number decide: bounded work on a 10,000-word sentence
    text, start, end = text[max(0, start - 40):end + 40], min(start, 40), min(start, 40) + (end - start)
    count = text[start:end].strip()
    return (bool(re.fullmatch(r"\d{1,3}", count)) and text[:start].rstrip().endswith(",")
            or bool(re.match(r"\d", count)) and bool(re.search(r"(?i)\b(?:ages?|aged)\s*$", text[:start]))
            or bool(re.match(r"(?i)\w+[\s-]+(?:years?|months?)[\s-]+old\b", text[start:]))
            or bool(re.match(r"\d", count)) and bool(_MONTH_BEFORE.search(text[:start])))
