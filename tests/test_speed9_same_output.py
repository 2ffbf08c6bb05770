"""speed9: faster speaker scan and candidate-event reads, with the outputs they had."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from test_store import KHARKIV, make_article, make_event, make_mention
from wirewatch.extract import speaker_phrases as sp
from wirewatch.gazetteer import load_gazetteer
from wirewatch.ingest.dedup import fingerprint
from wirewatch.models import Fatalities
from wirewatch.store import SQLiteStore

SENTENCES = [
    "The regional governor said two civilians were killed.",
    "Police spokesman Musa Bello later said the gunmen fled, and the army also said it had found the bodies.",
    "State media, citing the defence ministry, reported 12 deaths; residents told reporters the toll was higher.",
    '"We heard shots," a resident of the village told AFP, and local officials put the death toll at nine.',
    "The U.S.-backed coalition (SDF) has said it denied the claims, which the ministry disputed.",
    "Officials  said nothing; the mayor's office's spokeswoman-in-chief had confirmed it.",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_subject_verb_scan_finds_what_the_full_scan_finds_from_any_start(text):
    # every start: inside a word, at a word, just past a verb (where the scan goes on after a match)
    for pos in range(len(text) + 1):
        full = [(m.span(), m.groupdict()) for m in sp._SUBJECT_VERB.finditer(text, pos)]
        assert [(m.span(), m.groupdict()) for m in sp._subject_verbs(text, pos)] == full


def test_speakers_of_a_sentence_are_unchanged():
    found = sp.speakers("Police spokesman Musa Bello said the gunmen fled, and the army later said it killed two.")
    assert [(c.words, c.verb) for c in found] == [("Police spokesman Musa Bello", "said"), ("the army", "said")]


def _kharkiv_store(tmp_path):
    """A SQLite store holding one event, and a mention in its block."""
    store = SQLiteStore(tmp_path / "events.db")
    article = make_article("Russian forces shelled Kharkiv on Tuesday, the governor said.")
    mention = make_mention(article, 0, "Shelling/artillery/missile attack", "Explosions/Remote violence", KHARKIV,
                           date(2024, 4, 9))
    with store.transaction():
        store.add_article(article, fingerprint(article.text))
        store.save_event(make_event("ev-k", mention, article), [(mention, "founded the event")])
    return store, article, mention


def test_candidate_events_decode_a_stored_event_once(tmp_path):
    store, _, mention = _kharkiv_store(tmp_path)
    first, again = store.candidate_events(mention), store.candidate_events(mention)
    assert [e.id for e in first] == ["ev-k"]
    assert again[0] is first[0]
    store.close()


def test_candidate_events_read_a_rewritten_event_afresh(tmp_path):
    store, article, mention = _kharkiv_store(tmp_path)
    before = store.candidate_events(mention)[0]
    with store.transaction():
        store.save_event(replace(before, fatalities=Fatalities(3, 3, 3)), [])
    after = store.candidate_events(mention)[0]
    assert before.fatalities is None and after.fatalities == Fatalities(3, 3, 3)
    store.close()


ARTICLE = ("Gunmen opened fire at a market in Maiduguri, Borno State, on Monday, police said. "
           "The Borno State police commissioner said two suspects were arrested outside Maiduguri.")


def test_a_capitalised_run_is_read_once_for_the_article_and_its_sentences():
    gazetteer = load_gazetteer()
    in_article = gazetteer._raw_spot(ARTICLE)
    second = ARTICLE.index("The Borno")
    seen = gazetteer._run_hits.cache_info().hits
    in_sentence = gazetteer._raw_spot(ARTICLE[second:])
    assert gazetteer._run_hits.cache_info().hits > seen
    # the sentence's names are the article's, at offsets into the sentence
    assert [(h.start + second, h.end + second, h.text, h.entries) for h in in_sentence] == \
        [(h.start, h.end, h.text, h.entries) for h in in_article if h.start >= second]
    assert {h.text for h in in_sentence} >= {"Borno", "Maiduguri"}
