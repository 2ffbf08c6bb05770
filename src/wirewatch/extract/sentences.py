"""Sentence and paragraph boundaries as character offsets."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

# A full stop after these does not end a sentence.
_ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "sgt", "st", "no", "vs",
                  "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
                  "u.s", "u.k", "u.n", "e.g", "i.e", "a.m", "p.m", "gov", "sen", "rep", "prof", "inc", "co"}
_END = re.compile(r"[.!?]+[\"'”’)]*(?=\s+[\"'“‘(]?[A-Z0-9])")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    paragraph: int
    text: str


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of the text; paragraphs (blank-line separated) always end one."""
    return list(_split_once(text)[1])   # extract and resolve each split the same article


def _split(text: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    for number, para in enumerate(re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]+)*", text)):
        start = para.start()
        for end in _ends(para.group(0)):
            _add(sentences, text, start, para.start() + end, number)
            start = para.start() + end
        _add(sentences, text, start, para.end(), number)
    return sentences


@lru_cache(maxsize=64)
def _split_once(text: str) -> tuple[tuple[int, ...], tuple[Sentence, ...]]:
    sentences = tuple(_split(text))
    return tuple(s.start for s in sentences), sentences


def sentences_of(text: str) -> tuple[Sentence, ...]:
    """split_sentences, done once per text: each of an article's mentions asks of the same text."""
    return _split_once(text)[1]


def sentence_of(text: str, offset: int) -> Sentence:
    """The sentence holding a text offset (the one before it, for an offset between two); the whole text
    when it has none."""
    starts, sentences = _split_once(text)
    return sentences[max(0, bisect_right(starts, offset) - 1)] if sentences else Sentence(0, len(text), 0, text)


def _ends(paragraph: str) -> list[int]:
    """Offsets just after each sentence-final punctuation mark in a paragraph."""
    ends = []
    for m in _END.finditer(paragraph):
        # Only the word before the stop matters; looking back a short way keeps splitting linear.
        before = re.search(r"([\w.]+)\.+$", paragraph[max(0, m.start() - 40):m.start() + 1])
        word = before.group(1).lower() if before else ""
        if paragraph[m.start()] == "." and (word in _ABBREVIATIONS or len(word) == 1):
            continue
        ends.append(m.end())
    return ends


def _add(out: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    """Append the sentence with surrounding whitespace trimmed off its offsets."""
    chunk = text[start:end]
    lead = len(chunk) - len(chunk.lstrip())
    trail = len(chunk) - len(chunk.rstrip())
    if end - trail > start + lead:
        out.append(Sentence(start + lead, end - trail, paragraph, text[start + lead:end - trail]))
