"""Store: events, their mentions and articles, behind one small interface (base.Store)."""

from .base import EventFilter, FeedState, Store
from .sqlite import SQLiteStore, open_store

__all__ = ["EventFilter", "FeedState", "SQLiteStore", "Store", "open_store"]
