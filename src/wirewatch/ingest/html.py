"""HTML pages: kept whole; clean/ extracts the main text and the page's own metadata."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from ..errors import InputError
from ..models import RawDocument
from .decode import decode, read_bytes


def read_html(path: Path, max_bytes: int) -> Iterator[RawDocument]:
    """One RawDocument holding the page's HTML."""
    html = decode(read_bytes(path, max_bytes), str(path))
    if "<" not in html:
        raise InputError(str(path), "has an .html name but no markup", hint="rename it to .txt")
    yield RawDocument(source=str(path), content=html, format="html")
