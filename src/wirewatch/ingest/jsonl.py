"""JSON Lines: one article per line with `text` or `html` and its metadata."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator

from ..errors import InputError
from ..models import RawDocument
from .text import parse_published


def read_jsonl(path: Path, max_bytes: int) -> Iterator[RawDocument | InputError]:
    """A RawDocument per good line, an InputError per bad one; blank lines are skipped.

    The file is streamed: archives of any size are read, and the size limit applies to each record."""
    try:
        fh = path.open("rb")
    except OSError as err:
        raise InputError(str(path), f"cannot be read ({err.strerror})", hint="check the path") from None
    with fh:
        if b"\x00" in fh.read(8192):
            raise InputError(str(path), "looks binary (NUL bytes), not JSON Lines", hint="pass text, HTML or JSONL files")
        fh.seek(0)
        seen = False
        for number, raw in enumerate(fh, start=1):
            if not raw.strip():
                continue
            seen = True
            try:
                if len(raw) > max_bytes:
                    raise InputError(str(path), f"is a {len(raw):,}-byte record, over the {max_bytes:,}-byte limit",
                                     line=number, hint="raise ingest.max_bytes")
                yield parse_record(_decode_line(raw, str(path), number), str(path), number)
            except InputError as err:
                yield err
    if not seen:
        raise InputError(str(path), "is empty", hint="a JSONL file holds one JSON object per line")


def _decode_line(raw: bytes, source: str, number: int) -> str:
    """JSON Lines are UTF-8 by definition; anything else is named, not guessed."""
    try:
        return raw.decode("utf-8-sig" if number == 1 else "utf-8")
    except UnicodeDecodeError:
        raise InputError(source, "is not UTF-8", line=number, hint="JSON Lines must be UTF-8; convert the file") from None


def parse_record(line: str, source: str, number: int) -> RawDocument:
    """One JSONL line -> RawDocument."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        raise InputError(source, f"is not JSON ({err.msg} at column {err.colno})", line=number,
                         hint="fix or remove the line; the other lines were read") from None
    except RecursionError:
        raise InputError(source, "is JSON nested too deeply to read", line=number) from None
    if not isinstance(record, dict):
        raise InputError(source, f"is a JSON {type(record).__name__}, not an object", line=number,
                         hint='write one object per line: {"url": ..., "text": ...}')
    for key in ("text", "html", "url", "outlet", "title", "published", "date", "language"):
        if record.get(key) is not None and not isinstance(record[key], str):
            raise InputError(source, f'"{key}" is {type(record[key]).__name__}, expected a string', line=number,
                             hint='give text and metadata as strings, dates as ISO strings ("2024-03-01")')
    body, fmt = (record.get("text"), "text") if record.get("text") else (record.get("html"), "html")
    if not body or not body.strip():
        raise InputError(source, 'has no "text" or "html" field', line=number,
                         hint='give each record "text" (plain) or "html" (a page)')
    if any(0xD800 <= ord(c) <= 0xDFFF for value in record.values() if isinstance(value, str) for c in value):
        raise InputError(source, "holds a lone UTF-16 surrogate (\\ud800-\\udfff), not text", line=number,
                         hint="re-export the record as valid Unicode")
    published, warnings = parse_published(record.get("published") or record.get("date"))
    return RawDocument(
        source=source, line=number, content=body, format=fmt, url=record.get("url"), outlet=record.get("outlet"),
        title=record.get("title"), published=published, language=record.get("language"),
        warnings=warnings,
    )
