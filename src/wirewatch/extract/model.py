"""The trained event-typing model (data/models/typing.npz, made by training/train_typing.py).

Softmax regression over MiniLM sentence embeddings; it scores a sentence against ACLED's sub-event
types and NONE ("not a political-violence event").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np

from ..embed import load_embedder
from ..errors import ResourceError

NONE = "NONE"


@dataclass(frozen=True)
class TypingModel:
    weights: np.ndarray
    bias: np.ndarray
    labels: tuple[str, ...]

    def probabilities(self, sentences: list[str], threads: int = 1) -> np.ndarray:
        """One row of class probabilities per sentence, columns in `labels` order."""
        if not sentences:
            return np.zeros((0, len(self.labels)), dtype=np.float32)
        z = load_embedder(threads)(sentences) @ self.weights + self.bias
        z -= z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=1, keepdims=True)


@lru_cache(maxsize=1)
def load_typing_model() -> TypingModel:
    """The packaged model."""
    path = resources.files("wirewatch") / "data" / "models" / "typing.npz"
    try:
        with path.open("rb") as fh, np.load(fh) as data:
            return TypingModel(data["weights"], data["bias"], tuple(str(x) for x in data["labels"]))
    except FileNotFoundError:
        raise ResourceError("data/models/typing.npz is missing",
                            hint="run python training/train_typing.py, or set extract.model = false") from None
