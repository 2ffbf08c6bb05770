"""Date resolution: the words of a mention -> a calendar range with ACLED's precision code."""

from __future__ import annotations

from datetime import date, timedelta

from ..models import DatePrecision, ResolvedDate, TextField
from ..timex import find_time_expressions, resolve

# With no date words at all, a news report is usually about the days just before it was published.
_UNSTATED_DAYS = 6


def resolve_date(field: TextField | None, ref: date, ref_is_publication: bool) -> ResolvedDate:
    """The range a mention's date words stand for, or the week before `ref` when there are none."""
    basis = "publication" if ref_is_publication else "ingestion (no publication date)"
    if field is not None:
        expressions = find_time_expressions(field.text)
        found = resolve(expressions[0], ref) if expressions else None
        if found is not None and found.start <= ref:
            return ResolvedDate(found.start, min(found.end, ref), found.precision, field.span,
                                None if ref_is_publication else f"read against the {basis} date")
        reason = "is not a calendar date" if found is None else f"falls after the {basis} date"
        note = f"date words {field.text!r} {reason}; rejected"
    else:
        note = None
    fallback = f"date not stated; the week before the {basis} date"
    return ResolvedDate(ref - timedelta(days=_UNSTATED_DAYS), ref, DatePrecision.WEEK, None,
                        f"{note}; {fallback}" if note else fallback)
