"""The speed-ups of the extract stage change no result: the lexicon screen answers as the bare patterns do, the
speaker scan that starts late finds the same candidates, and the embedder gives a repeated sentence the vector it
would get alone."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import numpy as np
import pytest

from wirewatch.extract import speaker_phrases
from wirewatch.extract.lexicons import _FOLD, Screen, beginnings, load_lexicons, words
from wirewatch.extract.sentences import split_sentences

_ROOT = Path(__file__).parent
_EDGES = [
    "Gunmen attacked a police post near the border on Tuesday, killing two officers, the army said.",
    "Rebels clashed-with the army.", "The counter-attack failed.", "Nothing happened here today.",
    "İNSURGENTS ATTACKED the base; ſoldiers ſhot back and a drone-dropped bomb KİLLED one.",
    "Kılled in an aırstrike, the local governor told reporters, were three civilians.",
    "\u212aamikaze drones hit an oil depot overnight, the regional governor said.",
    "Protesters threw stones at riot police, who fired tear gas, witnesses said.",
    '"We repelled the attack," said Col. Amina Yusuf, a spokeswoman for the Joint Task Force.',
    "The Free Kuban Legion (FKL) claimed responsibility for the raid, according to a statement on Telegram.",
]


def _sentences() -> list[str]:
    paths = [*(_ROOT / "fixtures" / "dev" / "articles").glob("*.txt"),
             *(_ROOT.parent / "src" / "wirewatch" / "data" / "demo" / "articles").glob("*.txt")]
    texts = [s.text for p in sorted(paths) for s in split_sentences(p.read_text(encoding="utf-8"))]
    texts += _EDGES
    return texts + [t.upper() for t in texts] + [t.lower() for t in texts]


def _patterns():
    lex = load_lexicons()
    return [*lex.cues.values(), *(t.pattern for t in lex.triggers), *(a.pattern for a in lex.named_actors),
            *(a.pattern for a in lex.generic_actors), *(p for p, _ in lex.targets), *(p for _, p in lex.speakers)]


def test_every_screened_pattern_finds_what_the_bare_pattern_finds():
    patterns = _patterns()
    texts = _sentences()
    assert len(texts) > 900
    whole = "\n".join(texts[:200])   # a whole article's text, as speaking_groups reads it
    for text in [*texts, whole]:
        for p in patterns:
            assert [m.span() for m in p.finditer(text)] == [m.span() for m in p.regex.finditer(text)], (p, text)
            assert bool(p.search(text)) == bool(p.regex.search(text))
            assert bool(p.fullmatch(text)) == bool(p.regex.fullmatch(text))


def test_the_combined_searches_match_where_some_row_does():
    lex = load_lexicons()
    rows = [a.pattern.regex for a in lex.named_actors + lex.generic_actors]
    texts = _sentences()
    assert all(bool(lex.any_trigger.search(t)) == any(r.pattern.regex.search(t) for r in lex.triggers) for t in texts)
    assert all(bool(lex.any_actor.search(t)) == any(r.search(t) for r in rows) for t in texts)
    assert sum(bool(lex.any_trigger.search(t)) for t in texts) > 50


def test_the_screen_passes_over_a_sentence_without_the_words():
    lex = load_lexicons()
    text = "The central bank kept interest rates unchanged on Thursday, citing slower growth."
    screen = lex.triggers[0].pattern.screen
    assert not any(t.pattern.key in screen.candidates(text) for t in lex.triggers if t.pattern.key not in screen.always)
    assert lex.any_trigger.search(text) is None


@pytest.mark.parametrize("pattern, expected", [
    ("air ?strikes?|drone (strikes?|raids?)", {"air strike", "air strikes", "airstrike", "airstrikes", "drone raid",
                                               "drone raids", "drone strike", "drone strikes"}),
    ("(artillery |tank )?shells (hit|fell)", {"artillery shells hit", "artillery shells fell", "tank shells hit",
                                              "tank shells fell", "shells hit", "shells fell"}),
    ("(were|was) (\\w+ )?(shot|beaten)", {"were ", "was ", "were shot", "was shot", "were beaten", "was beaten"}),
    ("stone[- ]pelting", {"stone-pelting", "stone pelting"}),
    ("(?<!opened )fires (at|on)", {"fires at", "fires on"}),
    ("[a-z]+ killed", {""}),   # a word class first: nothing to screen by, the pattern always runs
])
def test_beginnings_start_every_match(pattern, expected):
    assert beginnings(words(pattern)) == expected


def test_a_pattern_with_no_beginning_is_always_a_candidate():
    screen = Screen([words("[a-z]+ killed"), words("shelling")])
    assert screen.candidates("Nobody was hurt.") == frozenset({0})
    assert screen.candidates("Heavy SHELLING overnight.") == frozenset({0, 1})


def test_the_fold_table_holds_every_character_lower_does_not_map_to_its_ascii_match():
    # re.IGNORECASE matches these to an ASCII letter, and lower() alone does not give that letter.
    everything = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    for letter in "abcdefghijklmnopqrstuvwxyz":
        for char in re.findall(letter, everything, re.IGNORECASE):
            assert char.translate(_FOLD).lower() == letter, (letter, hex(ord(char)))


@pytest.mark.parametrize("text", [
    "The attack happened near the market, a police spokesman said on Tuesday.",
    "Police said the gunmen fled; residents, who asked not to be named, told reporters they heard blasts.",
    '"They came at night," said a farmer, who fled with his family, and local officials confirmed the raid.',
    "(Reuters) - Two soldiers were killed, the army and the interior ministry said in a joint statement.",
    "No one said anything.",
    "Security forces said, without giving details, that they had repelled the assault, officials said.",
])
def test_the_speaker_scan_that_starts_late_finds_every_candidate(text, monkeypatch):
    fast = speaker_phrases.speakers(text)
    monkeypatch.setattr(speaker_phrases, "_subject_start", lambda text, verb: 0)
    assert speaker_phrases.speakers(text) == fast
    assert fast or text == "No one said anything."


def test_a_repeated_sentence_gets_the_vector_it_gets_alone():
    from wirewatch.embed import Embedder

    try:
        embedder = Embedder(1)
    except Exception as err:   # the model is an optional install
        pytest.skip(str(err))
    texts = ["Gunmen killed two police officers at a checkpoint on Monday.", "The army said it repelled the attack.",
             "Gunmen killed two police officers at a checkpoint on Monday."]
    pooled = embedder(texts)
    alone = [Embedder(1)([t])[0] for t in texts]
    assert all(np.array_equal(p, a) for p, a in zip(pooled, alone))
    again = embedder(texts[1:])   # the second call takes both from the vectors kept
    assert np.array_equal(again, pooled[1:])
    assert embedder([]).shape == (0, 384)


def test_an_article_split_again_gives_an_equal_list_of_its_own():
    text = "Gunmen attacked a bus near Kano on Monday. Two people died.\n\nPolice said on Tuesday they had arrested three."
    first = split_sentences(text)
    first.pop()
    again = split_sentences(text)
    assert [s.text for s in again] == ["Gunmen attacked a bus near Kano on Monday.", "Two people died.",
                                      "Police said on Tuesday they had arrested three."]
    assert again is not first and len(again) == 3


def test_the_lexicons_survive_a_round_trip_through_pickle():
    import pickle

    lex = load_lexicons()
    copy = pickle.loads(pickle.dumps(lex))
    text = "Gunmen attacked a police post on Tuesday, killing two officers, the army said."
    assert bool(copy.any_trigger.search(text)) and copy.triggers[0].pattern.pattern == lex.triggers[0].pattern.pattern
    assert [m.span() for m in copy.cues["state_forces"].finditer(text)] == \
        [m.span() for m in lex.cues["state_forces"].regex.finditer(text)]
