"""Shared fixtures: a store on a temporary file, a file-writing helper, a fixed "today", the fixture
articles and the gazetteer (loaded once per session: about a second)."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path
from typing import Callable

import pytest

from wirewatch.gazetteer import Gazetteer, load_gazetteer
from wirewatch.store import SQLiteStore

FIXTURES = Path(__file__).parent / "fixtures"

# The fixture articles a pipeline run should store, and the inputs it should refuse.
GOOD_FIXTURES = ("dakar-protest.html", "izmail-port-drones.txt", "kharkiv-shelling.txt", "wires.jsonl",
                 "zamfara-abduction-undated.txt")
BAD_FIXTURES = ("broken.html", "empty.txt")

# A fixed ingestion date, after every fixture's publication date.
TODAY = date(2024, 9, 2)

# Bytes no text file has: NULs inside the first block.
BINARY_BYTES = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10" + bytes(range(256))


@pytest.fixture
def today() -> date:
    """The ingestion date every test passes to the pipeline."""
    return TODAY


@pytest.fixture
def fixtures_dir() -> Path:
    return FIXTURES


@pytest.fixture
def tmp_store(tmp_path: Path):
    """A SQLiteStore on a fresh file, closed after the test."""
    store = SQLiteStore(tmp_path / "events.db")
    yield store
    store.close()


@pytest.fixture
def write(tmp_path: Path) -> Callable[..., Path]:
    """write("name.txt", "text") or write("x.bin", b"bytes") -> the path, under tmp_path."""

    def _write(name: str, content: str | bytes, encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_bytes(content.encode(encoding))
        return path

    return _write


@pytest.fixture
def copy_fixtures(tmp_path: Path) -> Callable[..., Path]:
    """copy_fixtures("folder", "a.txt", ...) -> a folder under tmp_path holding those fixture files."""

    def _copy(folder: str, *names: str) -> Path:
        target = tmp_path / folder
        target.mkdir(parents=True, exist_ok=True)
        for name in names:
            shutil.copy(FIXTURES / name, target / name)
        return target

    return _copy


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return load_gazetteer()
