"""wirewatch: news reports of political violence and unrest -> a sourced, verifiable event dataset.

    from wirewatch import run, open_store
    store = open_store("events.db")
    report = run(["news/"], store)
"""

from .errors import WirewatchError
from .models import Actor, Article, Attribution, ClaimStatus, DatePrecision, Event, Fatalities, GeoPrecision, \
    Mention, Place, ResolvedDate, SourceKind, Span
from .pipeline import RunReport, run
from .settings import Settings, load_settings
from .store import EventFilter, open_store

__version__ = "0.1.0"
__all__ = ["Actor", "Article", "Attribution", "ClaimStatus", "DatePrecision", "Event", "EventFilter",
           "Fatalities", "GeoPrecision", "Mention", "Place", "ResolvedDate", "RunReport", "Settings",
           "SourceKind", "Span", "WirewatchError", "load_settings", "open_store", "run"]
