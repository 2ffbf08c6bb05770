"""Time expressions: found in text and resolved against the publication date."""

from __future__ import annotations

from datetime import date

import pytest

from wirewatch.models import DatePrecision
from wirewatch.timex import DateRange, find_time_expressions, resolve

DAY, WEEK, MONTH, YEAR = DatePrecision.DAY, DatePrecision.WEEK, DatePrecision.MONTH, DatePrecision.YEAR

TUE = date(2024, 4, 9)      # a Tuesday
THU = date(2024, 4, 11)     # a Thursday
SUN = date(2024, 4, 14)     # a Sunday
AUG = date(2024, 8, 15)
MAR = date(2024, 3, 15)


def _one(text: str, ref: date) -> DateRange | None:
    found = find_time_expressions(text)
    assert len(found) == 1, f"{text!r} -> {found}"
    return resolve(found[0], ref)


def test_fixture_dates_are_the_weekdays_they_claim():
    assert (TUE.strftime("%A"), THU.strftime("%A"), SUN.strftime("%A")) == ("Tuesday", "Thursday", "Sunday")


@pytest.mark.parametrize("text, ref, start, end, precision", [
    # The publication day itself is a Tuesday: "on Tuesday" is that day, not a week before.
    ("on Tuesday", TUE, date(2024, 4, 9), date(2024, 4, 9), DAY),
    ("on Tuesday", THU, date(2024, 4, 9), date(2024, 4, 9), DAY),
    ("Tuesday", THU, date(2024, 4, 9), date(2024, 4, 9), DAY),
    ("late on Monday night", TUE, date(2024, 4, 8), date(2024, 4, 8), DAY),
    ("on Wednesday", TUE, date(2024, 4, 3), date(2024, 4, 3), DAY),
    ("last Tuesday", TUE, date(2024, 4, 2), date(2024, 4, 2), DAY),
    ("last Tuesday", THU, date(2024, 4, 9), date(2024, 4, 9), DAY),
    ("yesterday", TUE, date(2024, 4, 8), date(2024, 4, 8), DAY),
    ("overnight", TUE, date(2024, 4, 8), date(2024, 4, 8), DAY),
    ("last night", TUE, date(2024, 4, 8), date(2024, 4, 8), DAY),
    ("earlier today", TUE, date(2024, 4, 9), date(2024, 4, 9), DAY),
    ("two days ago", TUE, date(2024, 4, 7), date(2024, 4, 7), DAY),
    ("3 days ago", TUE, date(2024, 4, 6), date(2024, 4, 6), DAY),
    ("two weeks ago", TUE, date(2024, 3, 26), date(2024, 4, 1), WEEK),
    ("a month ago", date(2024, 1, 15), date(2023, 12, 1), date(2023, 12, 31), MONTH),
    ("last week", TUE, date(2024, 4, 1), date(2024, 4, 7), WEEK),
    ("the previous week", TUE, date(2024, 4, 1), date(2024, 4, 7), WEEK),
    ("this week", TUE, date(2024, 4, 8), date(2024, 4, 9), WEEK),
    ("over the weekend", TUE, date(2024, 4, 6), date(2024, 4, 7), WEEK),
    ("over the weekend", SUN, date(2024, 4, 13), date(2024, 4, 14), WEEK),
    ("last weekend", date(2024, 4, 8), date(2024, 4, 6), date(2024, 4, 7), WEEK),
    ("last weekend", SUN, date(2024, 4, 6), date(2024, 4, 7), WEEK),
    ("earlier this month", TUE, date(2024, 4, 1), date(2024, 4, 9), MONTH),
    ("last month", TUE, date(2024, 3, 1), date(2024, 3, 31), MONTH),
    ("last month", date(2024, 1, 20), date(2023, 12, 1), date(2023, 12, 31), MONTH),
    ("at the end of last month", TUE, date(2024, 3, 1), date(2024, 3, 31), MONTH),
    # "in May": this year when May is not after the publication month, else the year before.
    ("in May", AUG, date(2024, 5, 1), date(2024, 5, 31), MONTH),
    ("in May", date(2024, 5, 20), date(2024, 5, 1), date(2024, 5, 31), MONTH),
    ("in May", MAR, date(2023, 5, 1), date(2023, 5, 31), MONTH),
    ("In May", AUG, date(2024, 5, 1), date(2024, 5, 31), MONTH),
    ("in mid-May", AUG, date(2024, 5, 1), date(2024, 5, 31), MONTH),
    ("in December", date(2024, 1, 5), date(2023, 12, 1), date(2023, 12, 31), MONTH),
    ("May 2023", TUE, date(2023, 5, 1), date(2023, 5, 31), MONTH),
    ("last May", AUG, date(2024, 5, 1), date(2024, 5, 31), MONTH),
    ("last May", date(2024, 5, 20), date(2023, 5, 1), date(2023, 5, 31), MONTH),
    ("last May", MAR, date(2023, 5, 1), date(2023, 5, 31), MONTH),
    ("3 March 2023", TUE, date(2023, 3, 3), date(2023, 3, 3), DAY),
    ("the 3rd of March", TUE, date(2024, 3, 3), date(2024, 3, 3), DAY),
    ("on 2024-03-02", TUE, date(2024, 3, 2), date(2024, 3, 2), DAY),
    ("June 12", AUG, date(2024, 6, 12), date(2024, 6, 12), DAY),
    ("June 12", MAR, date(2023, 6, 12), date(2023, 6, 12), DAY),   # a date after publication: last year
    ("Sept. 3", TUE, date(2023, 9, 3), date(2023, 9, 3), DAY),
    ("December 31", date(2024, 1, 1), date(2023, 12, 31), date(2023, 12, 31), DAY),
    ("on 29 February", date(2024, 3, 5), date(2024, 2, 29), date(2024, 2, 29), DAY),
    ("last year", TUE, date(2023, 1, 1), date(2023, 12, 31), YEAR),
    ("since 2022", TUE, date(2022, 1, 1), date(2022, 12, 31), YEAR),
    ("last winter", date(2024, 1, 10), date(2022, 12, 1), date(2023, 2, 28), MONTH),
    ("this winter", date(2024, 1, 10), date(2023, 12, 1), date(2024, 2, 29), MONTH),
    ("last summer", date(2024, 9, 20), date(2024, 6, 1), date(2024, 8, 31), MONTH),
    ("last summer", date(2024, 7, 20), date(2023, 6, 1), date(2023, 8, 31), MONTH),
])
def test_resolve_table(text, ref, start, end, precision):
    assert _one(text, ref) == DateRange(start, end, precision)


@pytest.mark.parametrize("text, ref, start, end", [
    ("last summer", date(2024, 4, 9), date(2023, 6, 1), date(2023, 8, 31)),
    ("last spring", date(2024, 1, 10), date(2023, 3, 1), date(2023, 5, 31)),
    ("last winter", date(2024, 5, 10), date(2023, 12, 1), date(2024, 2, 29)),
])
def test_last_season_before_it_begins_is_the_previous_year(text, ref, start, end):
    assert _one(text, ref) == DateRange(start, end, MONTH)


@pytest.mark.parametrize("text, ref", [
    ("30 February", TUE),
    ("31 April", date(2024, 6, 1)),
    ("Feb 30, 2024", TUE),
    ("29 February 2023", TUE),
    ("2024-02-30", TUE),
])
def test_impossible_calendar_dates_resolve_to_none(text, ref):
    assert _one(text, ref) is None


def test_month_after_a_yeared_reference_is_none():
    assert _one("May 2025", TUE) is None


@pytest.mark.parametrize("text", [
    "since the war began",
    "they may march",
    "They may march on the capital if talks fail.",
    "the sun rose over the square",
    "a long time ago",
    "police said the mayor would resign",
])
def test_phrases_without_dates_find_nothing(text):
    assert find_time_expressions(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Two soldiers were killed on Monday and five wounded overnight.", ["on Monday", "overnight"]),
    ("They may march in May.", ["in May"]),
    ("BELGOROD, June 6 — fighting on Monday", ["June 6", "on Monday"]),
    ("Talks began on 3 March 2023, the ministry said.", ["3 March 2023"]),
])
def test_find_expressions_in_sentences(text, expected):
    assert [e.text for e in find_time_expressions(text)] == expected


def test_expression_offsets_point_into_the_text():
    text = "Shelling resumed late on Monday night near Orikhiv."
    (expr,) = find_time_expressions(text)
    assert text[expr.start:expr.end] == expr.text == "late on Monday night"
    assert expr.kind == "weekday"
