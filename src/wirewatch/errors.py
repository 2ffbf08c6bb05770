"""One family of errors, so callers can catch wirewatch's failures and nothing else.

WirewatchError
├── InputError(source, line)  an input that cannot be read: empty, binary, broken, malformed
├── ConfigError(key)          bad settings, ontology or lexicon file
├── ResourceError             missing data file or package: says what to install
├── StoreError                database failure; the batch was rolled back
└── NotFound                  unknown event or article id
"""

from __future__ import annotations


class WirewatchError(Exception):
    """Base of every error wirewatch raises on purpose."""

    hint: str = ""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.hint = hint or self.hint


class InputError(WirewatchError):
    """An input file or record that cannot be turned into an article."""

    def __init__(self, source: str, message: str, line: int | None = None, hint: str = "") -> None:
        where = f"{source} line {line}" if line is not None else source
        super().__init__(f"{where}: {message}", hint)
        self.source = source
        self.line = line
        self.reason = message


class ConfigError(WirewatchError):
    """A setting or data file with a bad value."""

    def __init__(self, key: str, message: str, hint: str = "") -> None:
        super().__init__(f"{key}: {message}", hint)
        self.key = key


class ResourceError(WirewatchError):
    """A data file or package wirewatch needs is missing."""


class StoreError(WirewatchError):
    """The database failed; the batch in progress was rolled back."""


class NotFound(WirewatchError):
    """No record with that id; for an event that fusion merged into another, `merged_into` names that one."""

    def __init__(self, message: str, hint: str = "", merged_into: str | None = None) -> None:
        super().__init__(message, hint)
        self.merged_into = merged_into
