"""The fused event's day for an incident a report dates by "overnight" alone: the small hours of the report's
own day, not the evening before, unless the incident would then follow its first report."""

from __future__ import annotations

from datetime import date, timedelta

from wirewatch.fuse.incidents import build_event
from wirewatch.models import (Article, Attribution, DatePrecision, Mention, Place, GeoPrecision, ResolvedDate,
                              SourceKind, Span, TextField)

TUE = date(2024, 3, 12)
DAYTON = Place("Dayton", GeoPrecision.EXACT, "United States", "USA", "Ohio", None, 39.76, -84.19, 4509884)

# Written for these tests in the style of US local crime news; the streets are invented.
OVERNIGHT = "Two men were wounded in a shooting overnight outside a bar on Keowee Street, police said."
LAST_NIGHT = "Two men were wounded in a shooting last night outside a bar on Keowee Street, police said."
MONDAY = "Two men were wounded in a shooting Monday outside a bar on Keowee Street, police said."


def _report(aid: str, text: str, words: str, published: date, read_as: date) -> tuple[Article, Mention]:
    """An article and its mention, dated as resolve/dates.py reads `words` (day words: against `published`)."""
    start = text.index(words)
    span = Span(aid, start, start + len(words))
    when = ResolvedDate(read_as, read_as, DatePrecision.DAY, span)
    mention = Mention(id=f"{aid}:0", article_id=aid, passage=Span(aid, 0, len(text)), event_type="Violence "
                      "against civilians", sub_event_type="Attack", trigger=TextField("shooting", span),
                      attribution=Attribution(SourceKind.OUTLET), place=DAYTON, date=when)
    return Article(aid, None, "Dayton Ledger", None, published, "en", text), mention


def _day(*reports: tuple[Article, Mention]) -> date:
    articles = {a.id: a for a, _ in reports}
    return build_event("ev-1", [m for _, m in reports], articles, {}).date.start


def test_overnight_alone_dates_the_incident_to_the_reports_own_day():
    assert _day(_report("a", OVERNIGHT, "overnight", TUE, TUE - timedelta(days=1))) == TUE


def test_last_night_still_names_the_evening_before_the_report():
    assert _day(_report("a", LAST_NIGHT, "last night", TUE, TUE - timedelta(days=1))) == TUE - timedelta(days=1)


def test_a_weekday_in_another_report_still_names_the_day():
    monday = TUE - timedelta(days=1)
    assert _day(_report("a", OVERNIGHT, "overnight", TUE, monday),
                _report("b", MONDAY, "Monday", TUE, monday)) == monday


def test_overnight_in_a_later_report_does_not_move_the_incident_past_the_first_report():
    # The first report, published Monday, gives no day; Tuesday's "overnight" would put the shooting after it.
    monday = TUE - timedelta(days=1)
    first = Article("b", None, "Dayton Ledger", None, monday, "en", "Two men were shot on Keowee Street.")
    undated = ResolvedDate(monday - timedelta(days=1), monday, DatePrecision.WEEK, None)
    m = Mention(id="b:0", article_id="b", passage=Span("b", 0, 10), event_type="Violence against civilians",
                sub_event_type="Attack", trigger=TextField("shot", Span("b", 14, 18)),
                attribution=Attribution(SourceKind.OUTLET), place=DAYTON, date=undated)
    assert _day(_report("a", OVERNIGHT, "overnight", TUE, monday), (first, m)) == monday
