"""Train the event-typing model that ships in src/wirewatch/data/models/typing.npz.

Data: training/snippets_*.tsv, news-style snippets written for wirewatch by its developers (label, text),
one of ACLED's 25 sub-event types or NONE. No evaluation set is read. Labels follow the ACLED codebook's
definitions: a seized weapons cache is Disrupted weapons use, a surrender or a release of prisoners or
hostages is an Agreement, road-blocking with barricades or burning tyres is a Violent demonstration.
Model: multinomial logistic regression on MiniLM sentence embeddings, trained with numpy (full-batch
gradient descent, L2).

Usage: python training/train_typing.py [--folds 5]   # prints cross-validated scores, then writes the model
"""

from __future__ import annotations

import argparse
import csv
import hashlib
from collections import Counter
from pathlib import Path

import numpy as np

from wirewatch.embed import load_embedder
from wirewatch.ontology import load_ontology

HERE = Path(__file__).parent
OUT = HERE.parent / "src" / "wirewatch" / "data" / "models" / "typing.npz"
NONE = "NONE"


def load_snippets() -> tuple[list[str], list[str], str]:
    """Texts, labels and a digest of the training files."""
    texts, labels, digest = [], [], hashlib.sha256()
    valid = set(load_ontology().event_type_of) | {NONE}
    for path in sorted(HERE.glob("snippets_*.tsv")):
        digest.update(path.read_bytes())
        with path.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
                if row["label"] not in valid:
                    raise SystemExit(f"{path}: unknown label {row['label']!r}")
                texts.append(row["text"])
                labels.append(row["label"])
    return texts, labels, digest.hexdigest()


def fit(x: np.ndarray, y: np.ndarray, classes: int, l2: float = 1e-4, steps: int = 3000,
        rate: float = 4.0) -> tuple[np.ndarray, np.ndarray]:
    """Softmax regression by gradient descent; deterministic (zero start, full batch)."""
    w = np.zeros((x.shape[1], classes))
    b = np.zeros(classes)
    onehot = np.eye(classes)[y]
    for _ in range(steps):
        p = softmax(x @ w + b)
        grad = p - onehot
        w -= rate * (x.T @ grad / len(x) + l2 * w)
        b -= rate * grad.mean(axis=0)
    return w, b


def softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def cross_validate(x: np.ndarray, y: np.ndarray, names: list[str], folds: int) -> None:
    """Print accuracy and macro/weighted F1 over stratified folds."""
    rng = np.random.default_rng(0)
    fold_of = np.zeros(len(y), dtype=int)
    for c in range(len(names)):
        idx = np.flatnonzero(y == c)
        fold_of[rng.permutation(idx)] = np.arange(len(idx)) % folds
    predicted = np.zeros_like(y)
    for f in range(folds):
        w, b = fit(x[fold_of != f], y[fold_of != f], len(names))
        predicted[fold_of == f] = (x[fold_of == f] @ w + b).argmax(axis=1)
    f1s, support = [], Counter(y.tolist())
    for c in range(len(names)):
        tp = int(((predicted == c) & (y == c)).sum())
        prec = tp / max(1, int((predicted == c).sum()))
        rec = tp / max(1, int((y == c).sum()))
        f1s.append(2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    weighted = sum(f1s[c] * support[c] for c in range(len(names))) / len(y)
    print(f"{folds}-fold cross-validation on {len(y)} snippets: accuracy {(predicted == y).mean():.3f}, "
          f"macro F1 {np.mean(f1s):.3f}, weighted F1 {weighted:.3f}")
    for c in np.argsort(f1s)[:5]:
        print(f"  weakest: {names[c]:40s} F1 {f1s[c]:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args()
    texts, labels, digest = load_snippets()
    names = sorted(set(labels))
    y = np.array([names.index(label) for label in labels])
    x = load_embedder()(texts).astype(np.float64)
    if args.folds > 1:
        cross_validate(x, y, names, args.folds)
    w, b = fit(x, y, len(names))
    np.savez(OUT, weights=w.astype(np.float32), bias=b.astype(np.float32), labels=np.array(names),
             training_sha256=np.array(digest))
    print(f"wrote {OUT.relative_to(HERE.parent)}: {len(names)} classes from {len(texts)} snippets")


if __name__ == "__main__":
    main()
