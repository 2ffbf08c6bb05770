"""Fuse: each new mention joins the stored event it best matches, or founds a new one.

Only events the store returns as candidates (same country, a compatible sub-type, dates within reach)
are compared, so the cost of a batch grows with the batch, not with the store. The particulars of the
articles (ages, streets) are read only for candidates whose place and day leave the match open, once each
article a batch.
"""

from __future__ import annotations

from datetime import timedelta
from functools import reduce
from operator import or_
from typing import Callable

from ..models import Article, DatePrecision, Event, Mention, replace
from ..settings import FuseSettings
from ..store.base import in_block
from .incidents import build_event, event_id
from .particulars import Particulars, read_particulars
from .similarity import FOLLOW_UP_DAYS, compatible_types, match

__all__ = ["fuse"]


def fuse(mentions: list[Mention], articles: dict[str, Article], store, settings: FuseSettings,
         absorbed: set[str] | None = None) -> list[Event]:
    """Merge mentions into the store's events; returns the events created or changed, in order, and adds to
    `absorbed` (when given) the ids of the stored events this call merged into others, which no longer exist.

    Events touched in this call are kept in memory and written once at the end, so a batch that adds
    many mentions to one event costs one write, not one per mention."""
    pending: dict[str, tuple[Event, list[tuple[Mention, str]], list[tuple[Mention, str]]]] = {}
    known = dict(articles)
    read: dict[str, Particulars] = {}
    for mention in mentions:
        if mention.place is None or mention.date is None:
            continue
        blocks = _blocks(mention)
        candidates = {e.id: e for m in blocks.values() for e in store.candidate_events(m)}
        candidates.update({eid: ev for eid, (ev, _, _) in pending.items()
                           if ev.sub_event_type in blocks and in_block(ev, blocks[ev.sub_event_type])})
        scored = [(m.score, eid, m) for eid, ev in candidates.items()
                  if (m := match(mention, ev, settings.max_km, _reader(mention, ev, known, store, read)))
                  and m.score >= settings.threshold]
        scored.sort(key=lambda s: (s[0], s[1]), reverse=True)
        if scored:
            _, eid, best = scored[0]
            reason = f"merged (score {best.score}): " + "; ".join(best.reasons)
        else:
            eid, reason = event_id(mention.id), "founded the event"
        members, new = (pending[eid][1], pending[eid][2]) if eid in pending else (store.mentions_of(eid), [])
        members, new = members + [(mention, reason)], new + [(mention, reason)]
        missing = {m.article_id for m, _ in members} - known.keys()
        if missing:
            known |= store.articles_for(missing)
        event = build_event(eid, [m for m, _ in members], known, {m.id: r for m, r in members})
        pending[eid] = (event, members, new)
        # A report that matches two events above the threshold may tie them (see _joins_both).
        for _, other, second in scored[1:]:
            if _joins_both(mention, candidates[eid], pending[eid][0], candidates[other]):
                why = (f"report {mention.id} matched both: {eid} (score {best.score}: {'; '.join(best.reasons)}) "
                       f"and {other} (score {second.score}: {'; '.join(second.reasons)})")
                # The event with more sources keeps its id: it is the one users have more likely seen and cited.
                keep, gone = ((other, eid) if len(candidates[other].sources) > len(candidates[eid].sources)
                              else (eid, other))
                _absorb(keep, gone, why, pending, store)
                # Later ties are told against the kept event, with the report's match to it.
                if keep == other:
                    eid, best = other, second
                if absorbed is not None:
                    absorbed.add(gone)
    for event, _, new in pending.values():
        store.save_event(event, new)
    return [event for event, _, _ in pending.values()]


def _joins_both(mention: Mention, before: Event, kept: Event, other: Event) -> bool:
    """Whether a report that matches two stored events above the threshold makes them one (`before` is the
    event it joined as it was, `kept` the same with the report in it): reports of an incident read before
    the one that ties them found events of their own, and fusion would have merged them had the tying
    report come first.

    Only a report dated to a day ties, and only to an event dated to a day: "in November" in a big city
    matches every shooting of the month there, and so do two reports of "last week". Not when the events
    are of another sub-type than the report (an arrest matching two incidents in one town says nothing of
    whose arrest it is), nor when one article reports in both (it told two incidents apart)."""
    if not mention.sub_event_type == kept.sub_event_type == other.sub_event_type:
        return False
    if mention.date.precision != DatePrecision.DAY or DatePrecision.DAY not in (before.date.precision,
                                                                               other.date.precision):
        return False
    return not {s.article_id for s in kept.sources} & {s.article_id for s in other.sources}


def _absorb(keep: str, absorbed: str, why: str, pending: dict, store) -> None:
    """Merge a stored event into another in the store (writing first what this batch holds of either), and
    hold the merged event as this batch's."""
    for eid in (keep, absorbed):
        if eid in pending:
            event, _, new = pending[eid]
            store.save_event(event, new)
    event = store.merge_events(keep, absorbed, why)
    pending.pop(absorbed, None)
    pending[keep] = (event, store.mentions_of(keep), [])


def _reader(mention: Mention, event: Event, known: dict[str, Article], store,
            read: dict[str, Particulars]) -> Callable[[], tuple[Particulars, Particulars]] | None:
    """What reads the particulars of the mention's article and those of the event's articles together, when
    asked; None when the mention's article is one of the event's (one text tells one story)."""
    theirs = {s.article_id for s in event.sources}
    if mention.article_id in theirs:
        return None
    return lambda: _particulars(mention.article_id, theirs, known, store, read)


def _particulars(ours: str, theirs: set[str], known: dict[str, Article], store,
                 read: dict[str, Particulars]) -> tuple[Particulars, Particulars]:
    """The particulars of one article and of a set of articles together; each article is read once a batch."""
    missing = ({ours} | theirs) - read.keys() - known.keys()
    if missing:
        known |= store.articles_for(missing)
    for aid in ({ours} | theirs) - read.keys():
        read[aid] = read_particulars(known[aid].text) if aid in known else Particulars()
    return read[ours], reduce(or_, (read[a] for a in theirs), Particulars())


def _blocks(mention: Mention) -> dict[str, Mention]:
    """Sub-type -> the mention as the store's blocking query sees it, for each sub-type of event it may join.

    A day-precise mention also looks a week ahead: a follow-up dated by its own news may be read before the
    report of the incident it names (similarity._told_again)."""
    seen = mention
    if mention.date.precision == DatePrecision.DAY:
        seen = replace(mention, date=replace(mention.date, end=mention.date.end + timedelta(days=FOLLOW_UP_DAYS)))
    return {sub: replace(seen, sub_event_type=sub) for sub in sorted(compatible_types(mention.sub_event_type))}
