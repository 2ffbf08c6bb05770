"""Event typing scored on CASE 2021 Task 2 snippets (ACLED's 25 sub-event types, subtask 1)."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

from ..errors import InputError
from ..extract.classify import TriggerHit, combine, find_triggers
from ..extract.model import NONE as MODEL_NONE, TypingModel, load_typing_model
from ..extract.lexicons import load_lexicons
from ..extract.sentences import split_sentences
from ..ontology import load_ontology
from ..settings import ExtractSettings

NONE = "(no event)"


# How a passage got its type: the figures per route say where typing loses without reading any passage.
ONE_TYPE, SEVERAL_TYPES, NO_TRIGGER = "one type told", "several types told", "no trigger (model on the passage)"


def classify_snippet(text: str, settings: ExtractSettings) -> str:
    """The sub-event type of a short passage, read as one incident told in one or more sentences: each
    sentence typed as the extract stage types it (lexicon, then the model if enabled), the passage by
    passage_type over all of them; with no trigger anywhere, the model's most probable event type for the
    whole passage (without the model, "(no event)")."""
    return _type_and_route(text, settings)[0]


def _type_and_route(text: str, settings: ExtractSettings) -> tuple[str, str]:
    """classify_snippet's type and the route (ONE_TYPE, SEVERAL_TYPES, NO_TRIGGER) that gave it."""
    lex = load_lexicons()
    model = load_typing_model() if settings.model else None
    triggered = [(s.text, hits) for s in split_sentences(text) if (hits := find_triggers(s.text, lex))]
    if triggered:
        types = _sentence_types(triggered, model, settings)
        return passage_type(types, lex.overrides), ONE_TYPE if len(types) == 1 else SEVERAL_TYPES
    if model is None or not any(c.isalpha() for c in text):
        return NONE, NO_TRIGGER  # an empty passage reports nothing: the model would still rank its types
    return _best_event_type(model, text), NO_TRIGGER


def _best_event_type(model: TypingModel, text: str) -> str:
    """The model's most probable event type for a passage, never "not an event": every CASE snippet
    reports one of the 25 types, so the task is to choose among them; the pipeline itself keeps the
    model's "not an event" and stores nothing for such a passage."""
    probabilities = model.probabilities([text])[0]
    ranked = sorted(range(len(model.labels)), key=lambda k: -float(probabilities[k]))
    return next(model.labels[k] for k in ranked if model.labels[k] != MODEL_NONE)


def _sentence_types(triggered: list[tuple[str, list[TriggerHit]]], model: TypingModel | None,
                    settings: ExtractSettings) -> list[str]:
    """Every type the sentences report, in the order told, each sentence's own first."""
    rows = model.probabilities([text for text, _ in triggered]) if model else [None] * len(triggered)
    labels = model.labels if model else ()
    told = [h.sub_event_type for (_, hits), row in zip(triggered, rows)
            for h in combine(hits, row, labels, settings.model_override)]
    return list(dict.fromkeys(told))


def passage_type(types: list[str], overrides: dict[str, frozenset[str]]) -> str:
    """The one type of an incident whose sentences report several: the first told that no other outranks
    in ACLED's precedence (data/lexicons/precedence.tsv), as within a sentence. A report that opens on an
    attack and goes on to the fighting it set off tells of a clash; an opening sentence is often the
    reporter's summary, not the most specific account of what happened."""
    outranked = set().union(*(overrides.get(t, frozenset()) for t in types))
    return next((t for t in types if t not in outranked), types[0] if types else NONE)


def read_case2021(path: Path) -> list[tuple[str, str]]:
    """(snippet, ACLED sub-event type) pairs of the 25 ACLED classes; other classes are dropped."""
    code_to_name = {code: name for name, code in load_ontology().code_of.items()}
    try:
        with path.open(encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    except (OSError, csv.Error) as err:
        raise InputError(str(path), f"cannot be read as CASE 2021 TSV ({err})") from None
    pairs = [(r["EventSnippet"], code_to_name[r["SubType"]]) for r in rows
             if r.get("EventSnippet") and r.get("SubType") in code_to_name]
    if not pairs:
        # An empty or foreign file would otherwise score as nothing, or fail deep inside the scoring.
        raise InputError(str(path), "holds no snippet of ACLED's 25 classes: expected a tab-separated file with "
                                    "the columns EventSnippet and SubType (CASE 2021 task 2)")
    return pairs


def score_typing(pairs: list[tuple[str, str]], settings: ExtractSettings | None = None) -> dict:
    """Accuracy and micro/macro/weighted F1 over the gold classes, with per-class figures."""
    settings = settings or ExtractSettings()
    predicted, routes = zip(*(_type_and_route(text, settings) for text, _ in pairs))
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
            "no_prediction": predicted.count(NONE), "by_route": _by_route(gold, predicted, routes),
            "confusions": [[f"{g} -> {p}", n] for (g, p), n in confusions]}


def _by_route(gold: list[str], predicted: tuple[str, ...], routes: tuple[str, ...]) -> dict:
    """Snippets and accuracy per typing route."""
    out = {}
    for route in (ONE_TYPE, SEVERAL_TYPES, NO_TRIGGER):
        hits = [g == p for g, p, r in zip(gold, predicted, routes) if r == route]
        out[route] = {"snippets": len(hits), "accuracy": round(sum(hits) / len(hits), 3) if hits else None}
    return out
