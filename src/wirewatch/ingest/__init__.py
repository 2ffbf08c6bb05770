"""Ingest: files and records -> RawDocument, one input at a time, errors named by source and line."""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator

from ..errors import InputError
from ..models import RawDocument
from .html import read_html
from .jsonl import read_jsonl
from .text import read_text

__all__ = ["expand_paths", "read_inputs"]

READERS = {".jsonl": read_jsonl, ".html": read_html, ".htm": read_html}
SKIP_SUFFIXES = {".db", ".db-wal", ".db-shm"}


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files named, and the files under folders named, in a stable order."""
    found: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found.extend(f for f in sorted(p.rglob("*"))
                         if f.is_file() and not f.name.startswith(".") and f.suffix not in SKIP_SUFFIXES)
        else:
            found.append(p)
    return found


def read_inputs(paths: Iterable[str | Path], max_bytes: int = 5_000_000) -> Iterator[RawDocument | InputError]:
    """Yield a RawDocument per article, or the InputError that stopped one; never raise for bad input."""
    for path in expand_paths(paths):
        reader = READERS.get(path.suffix.lower(), read_text)
        try:
            yield from reader(path, max_bytes)
        except InputError as err:
            yield err
