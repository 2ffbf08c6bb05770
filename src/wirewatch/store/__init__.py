"""Store: events, their mentions and articles, behind one small interface (base.Store)."""

from .base import EventFilter, Store
from .sqlite import SQLiteStore, open_store

__all__ = ["EventFilter", "SQLiteStore", "Store", "open_store"]
