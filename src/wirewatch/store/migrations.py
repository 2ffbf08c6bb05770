"""Schema migrations: numbered SQL files, one folder per backend (migrations/sqlite, migrations/postgres).

A store at version N runs every file numbered above N in order, each in its own transaction with the new
version number, so a database is never left between two versions. Steps that need Python (fingerprints
computed from stored text) are done by the store after the SQL, idempotently.
"""

from __future__ import annotations

from importlib import resources

__all__ = ["FINGERPRINTS_SINCE", "latest", "pending"]

# The schema version whose migration fingerprints the articles stored without a signature (stores from before
# version 2): the last one that changed where signatures and band keys live (it was 2 until versions 4 to 8).
FINGERPRINTS_SINCE = 8


def _scripts(dialect: str) -> list[tuple[int, str]]:
    """(version, SQL) for each migration file of a backend, in version order."""
    folder = resources.files("wirewatch") / "store" / "migrations" / dialect
    return sorted((int(f.name.split("_", 1)[0]), f.read_text("utf-8"))
                  for f in folder.iterdir() if f.name.endswith(".sql"))


def latest(dialect: str) -> int:
    """The schema version this wirewatch writes for a backend."""
    return _scripts(dialect)[-1][0]


def pending(dialect: str, current: int) -> list[tuple[int, str]]:
    """The migrations a database at version `current` still needs, in order."""
    return [(version, sql) for version, sql in _scripts(dialect) if version > current]
