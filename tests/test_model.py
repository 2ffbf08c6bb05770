"""The shipped typing model: it matches the training files it was trained on, and speaks the ontology; the
embedder batches sentences of near-equal length, and a vector does not depend on its batch."""

from __future__ import annotations

import hashlib
from importlib import resources
from pathlib import Path

import numpy as np
import pytest

from wirewatch.embed import BATCH_TOKENS, MAX_PADDING, batches, load_embedder
from wirewatch.errors import ResourceError
from wirewatch.extract.classify import TriggerHit, combine
from wirewatch.extract.model import load_typing_model
from wirewatch.ontology import load_ontology

TRAINING = Path(__file__).resolve().parents[1] / "training"


def test_labels_are_ontology_sub_event_types_or_none():
    labels = set(load_typing_model().labels)
    assert labels - {"NONE"} == set(load_ontology().event_type_of)


def test_model_was_trained_on_the_training_files_in_the_repo():
    digest = hashlib.sha256()
    for path in sorted(TRAINING.glob("snippets_*.tsv")):
        digest.update(path.read_bytes())
    with (resources.files("wirewatch") / "data" / "models" / "typing.npz").open("rb") as fh, np.load(fh) as data:
        assert str(data["training_sha256"]) == digest.hexdigest(), "retrain: python training/train_typing.py"


def test_model_separates_clear_cases():
    model = load_typing_model()
    rows = model.probabilities(["Police fired tear gas to disperse protesters outside parliament on Tuesday.",
                                "The central bank left interest rates unchanged on Thursday."])
    assert [model.labels[int(r.argmax())] for r in rows] == ["Protest with intervention", "NONE"]


def test_the_models_choice_among_the_lexicon_types_goes_first():
    # "Militants attacked a police post near Bannu, killing two officers, before police drove them off":
    # the lexicon finds an attack first and a clash later; a model that reads a clash puts the clash first.
    labels = ("NONE", "Attack", "Armed clash", "Arrests")
    attack, clash = TriggerHit("Attack", 10, 18), TriggerHit("Armed clash", 80, 90)
    assert combine([attack, clash], np.array([0.05, 0.3, 0.6, 0.05]), labels, 0.3) == [clash, attack]
    assert combine([attack, clash], np.array([0.05, 0.6, 0.3, 0.05]), labels, 0.3) == [attack, clash]
    assert combine([attack, clash], np.array([0.6, 0.1, 0.2, 0.1]), labels, 0.3) == [attack, clash]
    # A type the lexicon did not find still replaces the first one only when the model is confident.
    assert combine([attack, clash], np.array([0.1, 0.1, 0.2, 0.6]), labels, 0.3) == [TriggerHit("Arrests", 10, 18), clash]
    assert combine([attack, clash], np.array([0.2, 0.2, 0.2, 0.4]), labels, 0.5) == [attack, clash]


@pytest.mark.parametrize("lengths", [[], [7], [30, 12, 31, 12, 128, 13, 29, 14, 90], [20] * 40, list(range(60, 5, -3))])
def test_batches_take_each_sentence_once_near_equal_lengths_within_the_token_budget(lengths):
    out = batches(lengths)
    assert sorted(k for batch in out for k in batch) == list(range(len(lengths)))
    for batch in out:
        sizes = [lengths[k] for k in batch]
        assert len(batch) == 1 or len(batch) * max(sizes) <= BATCH_TOKENS
        assert max(sizes) <= (1 + MAX_PADDING) * min(sizes)


def test_equal_lengths_share_batches_and_unequal_ones_do_not():
    assert batches([20] * 40) == [list(range(19)), list(range(19, 38)), [38, 39]]   # 19 x 20 tokens <= 384
    assert batches([10, 40, 11]) == [[0, 2], [1]]


def test_a_vector_does_not_depend_on_the_sentences_batched_with_it():
    try:
        embed = load_embedder(1)
    except ResourceError as err:
        pytest.skip(f"embedding model not installed here: {err}")
    sentences = ["Gunmen opened fire on a minibus near Kaduna on Sunday, killing four passengers.",
                 "Police said.", "Two soldiers were wounded when a roadside bomb exploded under their "
                 "vehicle outside the town of Gao, the army said in a statement late on Tuesday night.",
                 "Protesters blocked the main road into Dhaka for a second day on Monday.",
                 "Protesters blocked the main road into Dhaka for a third day on Friday."]
    alone = np.vstack([embed([s]) for s in sentences])
    pooled = embed(sentences + sentences[::-1])
    # Equal to rounding: kernels may sum in another order on another CPU or batch shape.
    assert np.allclose(pooled[:5], alone, atol=1e-6) and np.allclose(pooled[5:], alone[::-1], atol=1e-6)
    assert np.allclose(np.linalg.norm(alone, axis=1), 1, atol=1e-5)


def test_the_model_does_not_bring_in_a_type_the_sentences_words_rule_out():
    # "Fighters crossed into the region and fought troops": no word of a change of control, so a model that
    # reads a take-over leaves the clash alone; with the take-over words it may still retype.
    labels = ("NONE", "Armed clash", "Non-state actor overtakes territory")
    probs = np.array([0.1, 0.2, 0.7])
    barred = TriggerHit("Armed clash", 20, 30, ruled_out=frozenset({"Non-state actor overtakes territory"}))
    assert combine([barred], probs, labels, 0.3) == [barred]
    free = TriggerHit("Armed clash", 20, 30)
    assert combine([free], probs, labels, 0.3) == [TriggerHit("Non-state actor overtakes territory", 20, 30)]
