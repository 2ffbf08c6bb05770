"""The fused event's day when reports disagree by one night: "Saturday night" in one, "early Sunday" in
another tell of one shooting after midnight, dated by the early hours."""

from __future__ import annotations

from datetime import date

from wirewatch.fuse.incidents import _part_of_night, _pick_date
from wirewatch.models import Article, DatePrecision, ResolvedDate, Span

SUN, MON = date(2023, 6, 11), date(2023, 6, 12)

# Written for these tests in the style of US local crime news; the streets are invented.
NIGHT = "A man was shot Saturday night outside a bar on Fulton Avenue, police said."
EARLY = "A man was wounded in a shooting early Sunday outside a bar on Fulton Avenue."
DIED = "A man shot late Saturday outside a bar on Fulton Avenue died early Sunday at a hospital."


def _art(aid: str, text: str, published: date) -> Article:
    return Article(aid, None, "Ledger", None, published, "en", text)


def _day(aid: str, text: str, words: str, day: date) -> tuple[str, ResolvedDate]:
    start = text.index(words)
    return aid, ResolvedDate(day, day, DatePrecision.DAY, Span(aid, start, start + len(words)))


def _pick(dated, articles):
    return _pick_date(dated, min(a.published for a in articles.values()), lambda d: False,
                      lambda d: _part_of_night(d, articles))


def test_the_early_hours_of_another_report_date_a_shooting_told_as_the_night_before():
    articles = {"a": _art("a", NIGHT, SUN), "b": _art("b", EARLY, MON)}
    dated = [_day("a", NIGHT, "Saturday night", date(2023, 6, 10)), _day("b", EARLY, "early Sunday", SUN)]
    assert _pick(dated, articles).start == SUN


def test_one_reports_night_and_early_hours_are_not_read_against_each_other():
    # "shot late Saturday ... died early Sunday": the early hours are the death's, in the same report
    articles = {"a": _art("a", DIED, SUN)}
    dated = [_day("a", DIED, "late Saturday", date(2023, 6, 10)), _day("a", DIED, "early Sunday", SUN)]
    assert _pick(dated, articles).start == date(2023, 6, 10)


def test_plain_days_keep_the_earliest_among_equals():
    articles = {"a": _art("a", NIGHT, SUN), "b": _art("b", EARLY, MON)}
    plain_b = EARLY.replace("early Sunday", "Sunday")
    articles["b"] = _art("b", plain_b, MON)
    dated = [_day("a", NIGHT, "Saturday night", date(2023, 6, 10)), _day("b", plain_b, "Sunday", SUN)]
    assert _pick(dated, articles).start == date(2023, 6, 10)


def test_what_the_words_tell_of_the_night():
    arts = {"a": _art("a", DIED, SUN)}
    assert _part_of_night(_day("a", DIED, "late Saturday", SUN)[1], arts) == "night"
    assert _part_of_night(_day("a", DIED, "early Sunday", SUN)[1], arts) == "early"
    assert _part_of_night(ResolvedDate(SUN, SUN, DatePrecision.WEEK), arts) is None


def test_an_incident_no_report_dates_takes_the_reports_day_not_the_night_before():
    unstated = ResolvedDate(date(2023, 6, 10), SUN, DatePrecision.WEEK, None, "date not stated")
    picked = _pick_date([("a", unstated)], SUN)
    assert (picked.start, picked.end, picked.precision, picked.span) == (SUN, SUN, DatePrecision.WEEK, None)


def test_a_stated_day_keeps_its_range():
    stated = _day("a", NIGHT, "Saturday night", date(2023, 6, 10))
    assert _pick_date([stated], SUN).start == date(2023, 6, 10)
