"""Fuse: each new mention joins the stored event it best matches, or founds a new one.

Only events the store returns as candidates (same country and type, dates within reach) are compared,
so the cost of a batch grows with the batch, not with the store.
"""

from __future__ import annotations

from ..models import Article, Event, Mention
from ..settings import FuseSettings
from .incidents import build_event, event_id
from .similarity import match

__all__ = ["fuse"]


def fuse(mentions: list[Mention], articles: dict[str, Article], store, settings: FuseSettings) -> list[Event]:
    """Merge mentions into the store's events; returns the events created or changed, in order."""
    changed: dict[str, Event] = {}
    for mention in mentions:
        if mention.place is None or mention.date is None:
            continue
        scored = []
        for event in store.candidate_events(mention):
            m = match(mention, event, settings.max_km)
            if m and m.score >= settings.threshold:
                scored.append((m.score, event.id, m))
        if scored:
            _, eid, best = max(scored, key=lambda s: (s[0], s[1]))
            reason = f"merged (score {best.score}): " + "; ".join(best.reasons)
        else:
            eid, reason = event_id(mention.id), "founded the event"
        previous = store.mentions_of(eid)
        members = [m for m, _ in previous] + [mention]
        reasons = {m.id: r for m, r in previous} | {mention.id: reason}
        known = articles | store.articles_for({m.article_id for m in members} - articles.keys())
        event = build_event(eid, members, known, reasons)
        store.save_event(event, mention, reason)
        changed[eid] = event
    return list(changed.values())
