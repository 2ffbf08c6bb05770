"""Plain-text articles: an optional `Key: value` header, a blank line, then the page text."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path
from typing import Iterator

from ..errors import InputError
from ..models import RawDocument
from .decode import decode, read_bytes

HEADER_KEYS = {"title", "outlet", "url", "published", "language", "date", "source"}
_HEADER_LINE = re.compile(r"^([A-Za-z]+):\s*(.*)$")


def read_text(path: Path, max_bytes: int) -> Iterator[RawDocument]:
    """One RawDocument from a text file."""
    text = decode(read_bytes(path, max_bytes), str(path))
    yield parse_text(text, str(path))


def parse_text(text: str, source: str) -> RawDocument:
    """Split off the header (if the file starts with one) and keep the rest as the page text."""
    meta, body = split_header(text)
    if not body.strip():
        raise InputError(source, "has no article text", hint="put the text after the header and a blank line")
    published, warnings = parse_published(meta.get("published") or meta.get("date"))
    return RawDocument(
        source=source, content=body, format="text", url=meta.get("url"),
        outlet=meta.get("outlet") or meta.get("source"), title=meta.get("title"),
        published=published, language=meta.get("language"), warnings=warnings,
    )


def split_header(text: str) -> tuple[dict[str, str], str]:
    """Header keys (lower-cased) and the body; no header when the first line is not a known key."""
    lines = text.lstrip("\ufeff").splitlines()
    meta: dict[str, str] = {}
    for i, line in enumerate(lines):
        if not line.strip():
            return (meta, "\n".join(lines[i + 1:])) if meta else ({}, text)
        m = _HEADER_LINE.match(line)
        if not m or m.group(1).lower() not in HEADER_KEYS:
            return {}, text
        meta[m.group(1).lower()] = m.group(2).strip()
    return meta, ""


def parse_published(value: str | None) -> tuple[date | None, tuple[str, ...]]:
    """An ISO date or date-time; None (clean/ looks further, then warns) when absent or unreadable."""
    if not value:
        return None, ()
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date(), ()
    except ValueError:
        return None, (f"publication date {value!r} is not an ISO date; "
                      "relative dates are read against the ingestion date",)
