"""The second lexicon screen (a pattern's needs), the trigger and actor passes that read only the rows the screen
lets through, and the time scan's quicker first search: all give the answers the bare patterns give."""

from __future__ import annotations

import re
import sys

import pytest

from test_lexicon_screen import _patterns, _sentences as _lexicon_sentences
from wirewatch import timex
from wirewatch.extract.actors import find_actors
from wirewatch.extract.classify import find_triggers
from wirewatch.extract.lexicons import Screen, _folded, load_lexicons, needs, words
from wirewatch.gazetteer import load_gazetteer

_OWN = [
    "A 17-year-old shot outside a gas station on Friday night died at the hospital, police said.",
    "Three protesters were hospitalized after riot police charged the march, organisers said.",
    "Demonstrators hurled stones at officers, and two policemen were injured in the scuffles.",
    "ſeveral VILLAGERS WERE HOSPITALİZED after soldiers fired live rounds at the crowd.",
    "The 23-year-old man was found with gunshot wounds in a parked car early Sunday.",
    "Nobody was hurt when the storm knocked down power lines across the county.",
]


def _sentences() -> list[str]:
    return _lexicon_sentences() + _OWN + [t.upper() for t in _OWN] + [t.lower() for t in _OWN]


@pytest.mark.parametrize("pattern, expected", [
    ("[\\w-]+-year-old shot", {"-year-old shot"}),
    ("(two|people) (were |was )?(hospitali[sz]ed|admitted to hospital)",
     {"hospitalised", "hospitalized", "admitted to hospital"}),
    ("(were|was) (\\w+ )?(shot|beaten)", {"shot", "beaten"}),       # the rarer word, not "was"
    ("shots (were |had been )?fired", {"shots "}),
    ("[a-z]+(ed)?", None),                                           # nothing every match must hold
    ("[Ss]helling", {"shelling"}),
])
def test_needs_occur_in_every_match(pattern, expected):
    assert needs(words(pattern)) == (frozenset(expected) if expected is not None else None)


def test_every_lexicon_match_holds_one_of_its_needs():
    patterns = [(p, needs(p.regex)) for p in _patterns()]
    assert sum(n is not None for _, n in patterns) > 150
    for text in _sentences():
        lowered = _folded(text).lower()
        for p, need in patterns:
            if need is not None and p.regex.search(text):
                assert any(n in lowered for n in need), (p, text)


def test_a_pattern_with_no_beginning_is_screened_by_its_needs():
    screen = Screen([words("[\\w-]+-year-old shot"), words("shelling")])
    assert 0 in screen.candidates("Nobody was hurt in the crash on the highway.")   # no beginning to screen by
    assert not screen.admits(0, "Nobody was hurt in the crash on the highway.")
    assert screen.admits(0, "A 19-YEAR-OLD SHOT near the park was taken to hospital.")


def test_the_screened_trigger_and_actor_passes_read_as_every_row_would():
    lex = load_lexicons()
    gazetteer = load_gazetteer()
    texts = _sentences()
    everything = lex.named_actors + lex.generic_actors
    assert sum(len(lex.any_trigger.may_match(t)) for t in texts) < len(texts) * len(lex.triggers) / 4
    for text in texts:
        rows = lex.any_trigger.may_match(text)
        assert [k for k, t in enumerate(lex.triggers) if t.pattern.regex.search(text)] == \
            [k for k in rows if lex.triggers[k].pattern.regex.search(text)]
        named, generic = lex.actor_rows(text)
        assert [a for a in everything if a.pattern.regex.search(text)] == \
            [a for a in named + generic if a.pattern.regex.search(text)]
    hits = [find_triggers(t, lex) for t in texts]
    actors = [find_actors(t, lex, {}, gazetteer, None) for t in texts]
    unscreened = type(lex)(lex.cues, lex.triggers, lex.overrides, lex.named_actors, lex.generic_actors, lex.targets,
                           lex.speakers, lex.state_names)   # no any_trigger, no any_actor: every row is read
    assert hits == [find_triggers(t, unscreened) for t in texts]
    assert actors == [find_actors(t, unscreened, {}, gazetteer, None) for t in texts]
    assert sum(map(bool, hits)) > 100 and sum(map(bool, actors)) > 100


def test_the_time_scan_lead_holds_every_first_character():
    lead = re.search(r"\(\?=\[(.*?)\]\)", timex._MAY_HOLD.pattern).group(1)
    chars = re.compile(f"[{lead}]")
    firsts = re.compile(r"\d|[ADFJMNOSTW]|(?i:[aefmnstwy])")   # months and weekdays, then the other words
    everything = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    missing = [c for c in firsts.findall(everything) if not chars.match(c)]
    assert missing == []


@pytest.mark.parametrize("text, found", [
    ("Gunmen opened fire on a bus in the north of the country.", False),
    ("Gunmen opened fire on a bus on Tuesday.", True),
    ("The ſpring offensive began in the hills.", True),
    ("GUNMEN OPENED FIRE ON A BUS EARLIER THIS MONTH.", True),
    ("The vote was held on \u0661\u0664 in the capital.", True),   # any digit, as before
])
def test_the_time_scan_passes_over_only_sentences_without_time_words(text, found):
    assert bool(timex._MAY_HOLD.search(text)) is found
