"""Date resolution: the words of a mention -> a calendar range with ACLED's precision code."""

from __future__ import annotations

import re
from datetime import date, timedelta

from ..models import Article, DatePrecision, ResolvedDate, Span, TextField
from ..timex import TimeExpression, find_time_expressions, resolve

# With no date words at all, a news report is usually about the days just before it was published.
_UNSTATED_DAYS = 6
# How far before publication the lede's date may lie and still be taken for an undated passage's date:
# further back, the article is a follow-up and its first date is as likely a hearing as the incident.
_LEAD_DAYS = 7
# "police said Monday": the day words date the statement, not what it reports.
_SPEECH_BEFORE = re.compile(r"(?i)\b(?:said|says|told\s+[\w ]{0,30}?|announced|confirmed|reported|stated|"
                            r"identified\s+[\w ]{0,30}?)\s+(?:on\s+)?$")


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


def lead_date(article: Article) -> TextField | None:
    """The article's first day-precise date words within a week before its reference date, if any.

    A passage with no date words of its own, nor any earlier in its paragraph, is usually about the
    incident the lede dates ("Two men were shot early Sunday...")."""
    ref = article.reference_date
    for expr in find_time_expressions(article.text):
        found = resolve(expr, ref)
        if found and found.precision == DatePrecision.DAY and 0 <= (ref - found.start).days <= _LEAD_DAYS:
            return TextField(expr.text, Span(article.id, expr.start, expr.end))
    return None


def event_date_words(field: TextField | None, passage: Span, text: str) -> TextField | None:
    """The date words that date the event: past a speech verb's date ("said Monday") to another in the
    passage, when there is one."""
    if field is None or not _SPEECH_BEFORE.search(text[max(passage.start, field.span.start - 50):field.span.start]):
        return field
    for expr in find_time_expressions(text[passage.start:passage.end]):
        start = passage.start + expr.start
        if start != field.span.start and not _spoken(expr, passage, text):
            return TextField(expr.text, Span(field.span.article_id, start, passage.start + expr.end))
    return field


def _spoken(expr: TimeExpression, passage: Span, text: str) -> bool:
    """True when a time expression in a passage follows a speech verb."""
    start = passage.start + expr.start
    return bool(_SPEECH_BEFORE.search(text[max(passage.start, start - 50):start]))
