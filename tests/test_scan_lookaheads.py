"""The first-character lookaheads that speed up the time and casualty patterns change no match: each pattern
finds the same spans as it does without them, on the dev fixtures, the demo articles and written edge cases."""

import re
from pathlib import Path

import pytest

import wirewatch.timex as timex
from wirewatch.extract import fatalities
from wirewatch.extract.sentences import split_sentences

_ROOT = Path(__file__).parent
_EDGES = [
    "TWO MEN WERE SHOT AND KILLED LATE SATURDAY IN THE 1200 BLOCK OF MAIN STREET.",
    "A 23-year-old man, 23, later died at the hospital, police said Wednesday.",
    "Jones, 41, was listed in critical condition; another woman was treated and released.",
    "Of the five men, two are in critical condition and one of three people wounded remains hospitalized.",
    "Since January 2019, more than 1,200 people have been shot; at least a dozen died last week.",
    "Police said 'three people were wounded' early on Monday morning, the 3rd of Sept. 2021.",
    "ſince Jan. 4 ſix men were ſhot",   # a long s folds to "s" in a case-blind pattern: the lookahead agrees
]


def _sentences() -> list[str]:
    paths = [*(_ROOT / "fixtures" / "dev" / "articles").glob("*.txt"),
             *(_ROOT.parent / "src" / "wirewatch" / "data" / "demo" / "articles").glob("*.txt")]
    texts = [s.text for p in sorted(paths) for s in split_sentences(p.read_text(encoding="utf-8"))]
    texts += _EDGES
    return texts + [t.upper() for t in texts] + [t.lower() for t in texts]


def _spans(pattern: re.Pattern, texts: list[str]) -> list[list[tuple]]:
    return [[(m.regs, m.lastgroup) for m in pattern.finditer(t)] for t in texts]


def test_the_time_scanner_finds_what_its_patterns_find_without_the_lookahead():
    texts = _sentences()
    plain = re.compile("|".join(f"(?P<{name}>{pat})" for name, pat in timex.PATTERNS))
    found = _spans(timex._SCANNER, texts)
    assert sum(bool(f) for f in found) > 100
    assert found == _spans(plain, texts)


def test_a_cached_scan_hands_out_a_fresh_list():
    first = timex.find_time_expressions("He was shot on Monday.")
    first.clear()
    assert [e.text for e in timex.find_time_expressions("He was shot on Monday.")] == ["on Monday"]


_CASUALTY_PATTERNS = [*fatalities._KILLED_PATTERNS, *fatalities._INJURED_PATTERNS, *fatalities._SHOT_PATTERNS,
                      fatalities._ONE_KILLED, fatalities._ONE_INJURED, fatalities._ONE_SHOT]


@pytest.mark.parametrize("number", range(len(_CASUALTY_PATTERNS)))
def test_each_casualty_pattern_finds_what_it_finds_without_the_lookaheads(number):
    pattern = _CASUALTY_PATTERNS[number]
    plain = re.compile(re.sub(r"\(\?=\[[^\]]*\]\)", "", pattern.pattern), pattern.flags)
    assert plain.pattern != pattern.pattern or "(?=[" not in pattern.pattern
    texts = _sentences()
    assert _spans(pattern, texts) == _spans(plain, texts)


def test_the_lookaheads_are_there():
    assert all("(?=[" in p.pattern for p in (fatalities._ONE_KILLED, fatalities._ONE_INJURED, fatalities._ONE_SHOT))
    assert "(?=[" in fatalities._COUNT and "(?=[" in fatalities._NUMBER
