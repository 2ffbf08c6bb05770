"""JSON Lines: one article per line with `text` or `html` and its metadata."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator

from ..errors import InputError
from ..models import RawDocument
from .decode import decode, read_bytes
from .text import parse_published


def read_jsonl(path: Path, max_bytes: int) -> Iterator[RawDocument | InputError]:
    """A RawDocument per good line, an InputError per bad one; blank lines are skipped."""
    text = decode(read_bytes(path, max_bytes), str(path))
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            try:
                yield parse_record(line, str(path), number)
            except InputError as err:
                yield err


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
        raise InputError(source, "is not a JSON object", line=number)
    body, fmt = (record.get("text"), "text") if record.get("text") else (record.get("html"), "html")
    if not isinstance(body, str) or not body.strip():
        raise InputError(source, 'has no "text" or "html" field', line=number,
                         hint='give each record "text" (plain) or "html" (a page)')
    for key in ("url", "outlet", "title", "published", "date", "language"):
        if record.get(key) is not None and not isinstance(record[key], str):
            raise InputError(source, f'"{key}" is {type(record[key]).__name__}, expected a string', line=number,
                             hint='give dates as ISO strings, e.g. "2024-03-01"')
    where = f"{source}:{number}"
    published, warnings = parse_published(record.get("published") or record.get("date"), where)
    return RawDocument(
        source=where, content=body, format=fmt, url=record.get("url"), outlet=record.get("outlet"),
        title=record.get("title"), published=published, language=record.get("language"),
        warnings=warnings,
    )
