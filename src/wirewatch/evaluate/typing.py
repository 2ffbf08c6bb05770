"""Event typing scored on CASE 2021 Task 2 snippets (ACLED's 25 sub-event types, subtask 1)."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

from ..errors import InputError
from ..extract.classify import combine, find_triggers
from ..extract.model import NONE as MODEL_NONE, load_typing_model
from ..extract.lexicons import load_lexicons
from ..extract.sentences import split_sentences
from ..ontology import load_ontology
from ..settings import ExtractSettings

NONE = "(no event)"


def classify_snippet(text: str, settings: ExtractSettings) -> str:
    """The sub-event type of a short passage: the first type of the first sentence that has one,
    decided as the extract stage decides (lexicon, then the model if enabled); with no trigger
    anywhere, the model's reading of the whole passage, which may be "not an event"."""
    lex = load_lexicons()
    model = load_typing_model() if settings.model else None
    for sentence in split_sentences(text):
        hits = find_triggers(sentence.text, lex)
        if hits:
            row = model.probabilities([sentence.text])[0] if model else None
            return combine(hits, row, model.labels if model else (), settings.model_override)[0].sub_event_type
    if model is None:
        return NONE
    label = model.labels[int(model.probabilities([text])[0].argmax())]
    return NONE if label == MODEL_NONE else label


def read_case2021(path: Path) -> list[tuple[str, str]]:
    """(snippet, ACLED sub-event type) pairs of the 25 ACLED classes; other classes are dropped."""
    code_to_name = {code: name for name, code in load_ontology().code_of.items()}
    try:
        with path.open(encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    except (OSError, csv.Error) as err:
        raise InputError(str(path), f"cannot be read as CASE 2021 TSV ({err})") from None
    return [(r["EventSnippet"], code_to_name[r["SubType"]]) for r in rows if r.get("SubType") in code_to_name]


def score_typing(pairs: list[tuple[str, str]], settings: ExtractSettings | None = None) -> dict:
    """Accuracy and micro/macro/weighted F1 over the gold classes, with per-class figures."""
    settings = settings or ExtractSettings()
    predicted = [classify_snippet(text, settings) for text, _ in pairs]
    gold = [label for _, label in pairs]
    tp, fp, fn = Counter(), Counter(), Counter()
    for g, p in zip(gold, predicted):
        if g == p:
            tp[g] += 1
        else:
            fn[g] += 1
            fp[p] += 1
    per_class = {}
    for label in sorted(set(gold)):
        prec = tp[label] / (tp[label] + fp[label]) if tp[label] + fp[label] else 0.0
        rec = tp[label] / (tp[label] + fn[label]) if tp[label] + fn[label] else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        per_class[label] = {"support": tp[label] + fn[label], "precision": round(prec, 3),
                            "recall": round(rec, 3), "f1": round(f1, 3)}
    support = Counter(gold)
    macro = sum(c["f1"] for c in per_class.values()) / len(per_class)
    weighted = sum(per_class[k]["f1"] * support[k] for k in per_class) / len(gold)
    accuracy = sum(tp.values()) / len(gold)
    confusions = Counter((g, p) for g, p in zip(gold, predicted) if g != p).most_common(10)
    return {"snippets": len(gold), "accuracy": round(accuracy, 3), "micro_f1": round(accuracy, 3),
            "macro_f1": round(macro, 3), "weighted_f1": round(weighted, 3), "per_class": per_class,
            "no_prediction": predicted.count(NONE),
            "confusions": [[f"{g} -> {p}", n] for (g, p), n in confusions]}
