"""The shipped typing model: it matches the training files it was trained on, and speaks the ontology."""

from __future__ import annotations

import hashlib
from importlib import resources
from pathlib import Path

import numpy as np

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
