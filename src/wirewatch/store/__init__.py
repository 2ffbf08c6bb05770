"""Store: events, their mentions and articles, behind one small interface (base.Store).

SQLite (a file) and PostgreSQL (a `postgresql://` URL) store the same tables; open_store picks one.
"""

from __future__ import annotations

import re
from pathlib import Path

from .base import EventFilter, FeedState, Store
from .sqlite import SQLiteStore

__all__ = ["EventFilter", "FeedState", "SQLiteStore", "Store", "is_url", "open_store", "redact"]


def is_url(path_or_url: str | Path) -> bool:
    """True for a PostgreSQL connection URL, False for a file path."""
    return str(path_or_url).startswith(("postgres://", "postgresql://"))


def open_store(path_or_url: str | Path) -> Store:
    """The store at a path or URL.

    Args:
        path_or_url: a SQLite file (created with its folders if missing), or a PostgreSQL URL
            (`postgresql://user:password@host:5432/dbname`) of an existing database.

    Raises:
        StoreError: the database cannot be opened, reached or migrated.
    """
    if is_url(path_or_url):
        from .postgres import PostgresStore  # psycopg is loaded only by those who use it

        return PostgresStore(str(path_or_url))
    return SQLiteStore(path_or_url)


def redact(path_or_url: str | Path) -> str:
    """A path or URL as messages may show it: a URL's password replaced by ***."""
    text = str(path_or_url)
    if not is_url(text):
        return text
    head, mark, query = text.partition("?")
    scheme, _, rest = head.partition("://")
    if "@" in rest:
        credentials, host = rest.rsplit("@", 1)  # a password may hold an unescaped "@"; a host never does
        user = credentials.split(":", 1)[0]
        head = f"{scheme}://{user}{':***' if ':' in credentials else ''}@{host}"
    return head + mark + re.sub(r"(?i)(^|&)(password=)[^&]*", r"\1\2***", query)
