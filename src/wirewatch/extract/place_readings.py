"""Which readings of a place name compete when an event chooses among the places of its sentence."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from ..gazetteer import Hit


def as_the_country(hits: list[Hit], focus: Counter[str]) -> list[Hit]:
    """The hits with a country's name read as that country where the article is about it: "Mali's central
    Segou region" names a region of Mali, not the towns called Mali in Guinea and China, so the name must
    not outrank the region as if it were a town."""
    return [_country_only(h, focus) for h in hits]


def _country_only(hit: Hit, focus: Counter[str]) -> Hit:
    """The hit less its towns abroad, when it names a country the article points at."""
    country = next((e for e in hit.entries if e.kind == "country" and focus.get(e.country)), None)
    if country is None:
        return hit
    kept = tuple(e for e in hit.entries if e.kind != "city" or e.country == country.country)
    return hit if len(kept) == len(hit.entries) else replace(hit, entries=kept)


# "the village of Sar Kalay", "Tudun Wada village": a settlement's name of several words, read before its last.
_SETTLEMENT_BEFORE = re.compile(r"\b(?i:village|town|settlement|hamlet|locality)\s+of\s+(?:[A-Z][\w'’-]+\s+){1,2}$")
_CAPITALISED_BEFORE = re.compile(r"\b[A-Z][\w'’-]+\s+$")
_SETTLEMENT_AFTER = re.compile(r"\s+(?i:village|town|settlement|hamlet)\b")
# A province's or a region's name ("in Ituri province"); not a county or a US state's, where a stray word
# that ends a person's or a street's name is better left to the resolver.
_UNIT_AFTER = re.compile(r"\s+(?i:province|region|oblast|governorate|prefecture|department|territory)\b")
# Capitalised words that may stand before a place name without making it part of a longer one.
_FREE_BEFORE = re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|"
                          r"April|May|June|July|August|September|October|November|December|North|South|East|West|"
                          r"Northern|Southern|Eastern|Western|Central|In|At|On|Near|Of|From|The|And|After|"
                          r"Outside|Inside)\s+$")


def outside_longer_names(text: str, hits: list[Hit], focus: Counter[str]) -> list[Hit]:
    """The hits less those that end a longer name the gazetteer does not know: a settlement's ("the village of
    Sar Kalay", "Tudun Wada village"), or any whose word is a town only abroad ("a camp at Plaine Savo"), where
    the sentence names another place an event can take instead (its province, its state). Where it names
    none, the hits stay as they are and the dateline or the paragraph decides as before."""
    unit = any(_UNIT_AFTER.match(text, h.end) for h in hits)
    kept = [h for h in hits if not _ends_a_longer_name(text, h, focus if unit else None)]
    return kept if kept and len(kept) < len(hits) else hits


def _ends_a_longer_name(text: str, hit: Hit, focus: Counter[str] | None) -> bool:
    """True for the last word of a settlement's name of several words, or, where `focus` is given (the sentence
    names a province or a region to fall back on), of a longer name when the word is a town only in
    countries the article does not point at."""
    before = text[max(0, hit.start - 60):hit.start]
    if _SETTLEMENT_BEFORE.search(before):
        return True
    if not _CAPITALISED_BEFORE.search(before) or _FREE_BEFORE.search(before):
        return False
    return bool(_SETTLEMENT_AFTER.match(text, hit.end)) or (
        focus is not None and not any(focus.get(e.country) for e in hit.entries))
