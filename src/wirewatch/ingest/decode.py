"""Bytes -> str with a named failure for binary data and unknown encodings."""

from __future__ import annotations

from pathlib import Path

from charset_normalizer import from_bytes

from ..errors import InputError


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, refusing missing, empty and oversized files."""
    try:
        size = path.stat().st_size
    except OSError as err:
        raise InputError(str(path), f"cannot be read ({err.strerror})", hint="check the path") from None
    if size == 0:
        raise InputError(str(path), "is empty")
    if size > max_bytes:
        raise InputError(str(path), f"is {size:,} bytes, over the {max_bytes:,}-byte limit",
                         hint="split it, or raise ingest.max_bytes")
    return path.read_bytes()


def decode(data: bytes, source: str) -> str:
    """Decode as UTF-8, else the encoding charset-normalizer finds; refuse binary data."""
    if b"\x00" in data[:8192]:
        raise InputError(source, "looks binary (NUL bytes), not text or HTML",
                         hint="pass text, HTML or JSONL files")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise InputError(source, "has an unknown text encoding", hint="convert it to UTF-8")
    return str(best)
