"""Which place words of a sentence an event takes: not a place named for its government or an institution
("Moscow said", "the Bryansk governor"), the most specific and nearest to the trigger, a pair of regions
together, and the town of a wire dateline ("BELGOROD, June 14 —").
"""

from __future__ import annotations

import re
from collections import Counter

from ..gazetteer import NEAR_BEFORE, REGION_WORDS, Gazetteer, Hit
from ..models import TextField
from .actors import GROUP_HEADS
from .sentences import Sentence
from .vouch import field_of as _field

_REGION_WORD = re.compile(rf"^\s+{REGION_WORDS}\b", re.IGNORECASE)
_INSTITUTION_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:(?:regional|city|local|state|federal|national|military|top)\s+)?(?:defen[cs]e ministry|foreign ministry|"
    r"interior ministry|ministry|government|governor|mayor|authorities|officials?|president|prime minister|army|"
    r"military|armed forces|forces|troops|police|navy|air force|prosecutors?|administration|security service|"
    r"spokes(?:man|woman|person)|leadership|embassy|parliament|envoy|diplomats?|border guards?|"
    r"general staff|emergency services|media|state media|news agency)\b", re.IGNORECASE)
_SPEAKS_AFTER = re.compile(r"\s+(?:has|had|have|also|later|then)?\s*(?:said|says|denied|denies|claimed|claims|accused|"
                           r"accuses|insisted|insists|warned|announced|stated|reported|responded|blamed|"
                           r"confirmed|rejected|vowed|called)\b|\s+(?:has|had) not (?:said|commented|confirmed)")
# A place name that opens a group's name ("the Volya Battalion", "Sudan Armed Forces") is not a venue.
_GROUP_AFTER = re.compile(rf"\s+(?:[A-Z][\w'’-]+\s+){{0,2}}(?:{GROUP_HEADS})\b")
_REGION_PLURAL = re.compile(rf"^\s+{REGION_WORDS}s\b", re.IGNORECASE)
_DATELINE = re.compile(r"^([A-Z][A-Z' -]+?)(?:,\s*([A-Z][A-Za-z ]+?))?\s*(?:,|\(|—|–|-)")
_DATELINE_SEARCH = 4  # sentences from the top in which a dateline may stand (after a kicker or byline)


def not_a_venue(text: str, hit: Hit) -> bool:
    """True for a place name used for its government ("Moscow said") or to qualify an institution
    ("Russia's Defence Ministry", "the Bryansk governor"): it says who speaks, not where it happened."""
    after = text[hit.end:hit.end + 40]
    return bool(_INSTITUTION_AFTER.match(after) or _SPEAKS_AFTER.match(after) or _GROUP_AFTER.match(after))


def past_dateline(text: str, hits: list[Hit], dateline_end: int) -> list[Hit]:
    """The places a dateline sentence names after its dateline, unless they only widen the dateline's
    town ("NAIROBI — … in Kenya on Tuesday") or none is a town or a named region ("MOPTI — Jihadists who
    crossed from Niger…"): then the dateline's town still competes."""
    own = [h for h in hits if h.start >= dateline_end]
    towns = {(e.country, e.admin1) for h in hits if h.start < dateline_end for e in h.entries if e.kind == "city"}
    if own and towns and all(_contains(h, towns) for h in own):
        return hits
    if not any(_REGION_WORD.match(text[h.end:]) or any(e.kind == "city" for e in h.entries) for h in own):
        return hits
    return own


def _contains(hit: Hit, towns: set[tuple[str, str | None]]) -> bool:
    """True for a country or region that holds one of the towns."""
    return any((e.kind == "country" and any(c == e.country for c, _ in towns))
               or (e.kind == "admin1" and any(a == e.key for _, a in towns)) for e in hit.entries)


def place_field(sent: Sentence, hit: Hit, article_id: str) -> TextField:
    """A place hit as a field, taking in a following "region"/"oblast" word."""
    end = hit.end
    region = _REGION_WORD.match(sent.text[end:])
    if region:
        end += region.end()
    return _field(sent, hit.start, end, article_id)


def choose_places(sent: Sentence, places: list[Hit], trigger_start: int, article_id: str,
                   focus: Counter[str]) -> list[TextField]:
    """The most specific place in the sentence, the nearest to the trigger among equals; every region
    of a pair like "the Kursk and Bryansk regions"."""
    if not places:
        return []
    for first, second in zip(places, places[1:]):
        between = sent.text[first.end:second.start]
        if _REGION_PLURAL.match(sent.text[second.end:]) and re.fullmatch(r"\s*(?:,|and|,\s*and)\s*", between):
            return [_field(sent, h.start, h.end, article_id) for h in (first, second)]

    def rank(hit: Hit) -> tuple[int, bool, int]:
        kinds = {e.kind for e in hit.entries}
        if _REGION_WORD.match(sent.text[hit.end:]):
            level = 3
        elif NEAR_BEFORE.search(sent.text[max(0, hit.start - 60):hit.start]):
            level = 2
        elif "city" in kinds:
            level = 1
        elif "admin1" in kinds:
            level = 3
        else:
            level = 4
        # A name that could be in one of the article's countries beats one that cannot ("Fleet", England).
        foreign = not any(focus.get(e.country) for e in hit.entries)
        return level, foreign, abs(hit.start - trigger_start)

    return [place_field(sent, min(places, key=rank), article_id)]


def find_dateline(sentences: list[Sentence], gazetteer: Gazetteer, article_id: str
              ) -> tuple[TextField | None, int, int]:
    """The place in a wire dateline ("BELGOROD, June 14 —"), its sentence and where the dateline ends."""
    for index, sent in enumerate(sentences[:_DATELINE_SEARCH]):
        m = _DATELINE.match(sent.text)
        dash = re.search(r" [—–-] ", sent.text[:60])
        if m and dash and m.group(1).strip().isupper():
            name = m.group(1).strip()
            place = _field(sent, 0, len(name), article_id) if gazetteer.entries(name) else None
            if place is None and m.group(2) and gazetteer.entries(m.group(2)):
                # A town the gazetteer lacks: "SOTK, Armenia —" is still in Armenia.
                place = _field(sent, m.start(2), m.end(2), article_id)
            return place, index, dash.end()
    return None, -1, 0
