"""The article's language when its source does not say: py3langid's packaged model over the text's start."""

from __future__ import annotations

from functools import lru_cache

__all__ = ["guess_language"]

SAMPLE_CHARS = 3_000     # the opening paragraphs decide; reading more costs time and changes nothing
MIN_WORDS = 20           # shorter texts are left to the default: a dozen words of names mislead the model
MIN_CONFIDENCE = 0.9     # below this the text is mixed or unclear, and English (the default) stands


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def guess_language(text: str) -> str | None:
    """The ISO 639-1 code of the text's language, or None when the text is too short or the guess unsure."""
    sample = text[:SAMPLE_CHARS]
    if len(sample.split()) < MIN_WORDS:
        return None
    # Capitals carry less of a language's signature; all-caps wire copy would otherwise look foreign.
    code, confidence = _identifier().classify(sample if not sample.isupper() else sample.lower())
    return code if confidence >= MIN_CONFIDENCE else None
