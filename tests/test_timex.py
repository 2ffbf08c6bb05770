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
    # The weekday after the reference is that next day (six days back a writer says "last Wednesday"), which
    # resolve/dates.py rejects as after publication; "last" or "since" keep it in the past week.
    ("on Wednesday", TUE, date(2024, 4, 10), date(2024, 4, 10), DAY),
    ("early Wednesday", TUE, date(2024, 4, 10), date(2024, 4, 10), DAY),
    ("last Wednesday", TUE, date(2024, 4, 3), date(2024, 4, 3), DAY),
    ("since Wednesday", TUE, date(2024, 4, 3), date(2024, 4, 3), DAY),
    ("on Monday", TUE, date(2024, 4, 8), date(2024, 4, 8), DAY),
    ("on Thursday", TUE, date(2024, 4, 4), date(2024, 4, 4), DAY),
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
    # Night and early-morning shootings: the calendar day named, whatever the hour.
    ("early Sunday", date(2024, 4, 15), SUN, SUN, DAY),
    ("early Sunday morning", date(2024, 4, 15), SUN, SUN, DAY),
    ("early on Sunday", date(2024, 4, 16), SUN, SUN, DAY),
    ("Saturday night", SUN, date(2024, 4, 13), date(2024, 4, 13), DAY),
    ("late Friday", SUN, date(2024, 4, 12), date(2024, 4, 12), DAY),
    ("Sunday evening", SUN, SUN, SUN, DAY),
    ("last night", SUN, date(2024, 4, 13), date(2024, 4, 13), DAY),
    ("this morning", SUN, SUN, SUN, DAY),
    ("Thursday afternoon", TUE, date(2024, 4, 4), date(2024, 4, 4), DAY),
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


def test_early_and_late_belong_to_the_weekday_expression():
    assert [e.text for e in find_time_expressions("He was shot early Sunday outside a bar.")] == ["early Sunday"]
    assert [e.text for e in find_time_expressions("A fight broke out late Friday.")] == ["late Friday"]



# --- which words date an event (resolve/dates.py) ------------------------------------------------

from wirewatch.models import Article, Span, TextField  # noqa: E402
from wirewatch.resolve.dates import event_date_words, lead_date, resolve_date  # noqa: E402


def _article(text: str, published: date = SUN) -> Article:
    return Article("a1", None, "Lakeside Courier", None, published, "en", text)


def _words(text: str, words: str) -> TextField:
    start = text.index(words)
    return TextField(words, Span("a1", start, start + len(words)))


@pytest.mark.parametrize("text, published, expected", [
    ("Two men were shot early Saturday outside a bar. Police have no suspects.", SUN, "early Saturday"),
    ("Posted 2024 in crime. A woman was wounded Friday night on Elm Street.", SUN, "Friday night"),
    ("The hearing on April 2 was delayed.", SUN, None),             # twelve days back: a follow-up's date
    ("The shooting on April 2 left one dead.", SUN, "April 2"),     # ... unless it dates the incident itself
    ("A man was shot. Police are investigating.", SUN, None),
    ("He will be arraigned in May. He was shot yesterday.", SUN, "yesterday"),
])
def test_lead_date_is_the_first_day_in_the_week_before_publication(text, published, expected):
    found = lead_date(_article(text, published))
    assert (found.text if found else None) == expected
    if found:
        assert text[found.span.start:found.span.end] == found.text


@pytest.mark.parametrize("text, first, expected", [
    ("Police said Monday that a man was shot Saturday night.", "Monday", "Saturday night"),
    ("Police told reporters on Monday the victim was shot Saturday.", "Monday", "Saturday"),
    ("Police said Monday a man was shot.", "Monday", "Monday"),               # nothing better: kept
    ("A man was shot Saturday, police said Monday.", "Saturday", "Saturday"),  # not after a speech verb
])
def test_a_statement_date_gives_way_to_the_event_date(text, first, expected):
    passage = Span("a1", 0, len(text))
    assert event_date_words(_words(text, first), passage, text).text == expected


def test_resolve_date_reads_words_and_falls_back_to_the_day_and_the_one_before():
    text = "A man was shot Saturday night."
    resolved = resolve_date(_words(text, "Saturday night"), SUN, True)
    assert (resolved.start, resolved.precision, resolved.span.start) == (date(2024, 4, 13), DAY, 15)
    unstated = resolve_date(None, SUN, True)
    assert (unstated.start, unstated.end, unstated.precision, unstated.span) == (date(2024, 4, 13), SUN, WEEK, None)


def test_an_undated_passage_takes_the_ledes_date_and_says_so():
    from wirewatch.models import Attribution, Mention, SourceKind
    from wirewatch.resolve import resolve_mentions

    text = "Two men were shot early Saturday in Dayton. A third man was shot nearby, police said."
    passage = Span("a1", text.index("A third"), len(text))
    m = Mention("a1:1:0:0", "a1", passage, "Violence against civilians", "Attack",
                TextField("shot", Span("a1", text.index("shot nearby"), text.index("shot nearby") + 4)),
                Attribution(SourceKind.OUTLET))
    (resolved,) = resolve_mentions(_article(text), [m])
    assert resolved.date.start == date(2024, 4, 13) and resolved.date.precision == DAY
    assert resolved.date.span == Span("a1", text.index("early"), text.index(" in Dayton"))
    assert any("article's first date" in n for n in resolved.notes)


def test_plain_dates_read_without_dateparser_give_dateparsers_day(monkeypatch):
    import random
    from datetime import timedelta

    import wirewatch.timex as timex

    rnd = random.Random(7)
    months = ["March", "February", "Sept.", "Dec", "May", "January"]
    shapes = ["{d} {m}", "{d} {m} {y}", "the {d}th of {m}", "{m} {d}", "{m} {d}, {y}", "{m} {d}th", "{y}-02-{d:02d}"]
    cases = []
    for _ in range(250):
        ref = date(2012, 1, 1) + timedelta(days=rnd.randrange(0, 3000))
        text = rnd.choice(shapes).format(d=rnd.choice([1, 5, 28, 29, 30, 31, 32]), m=rnd.choice(months),
                                         y=rnd.choice([ref.year - 1, ref.year, ref.year + 1]))
        if any(e.text == text and e.kind in {"dmy", "mdy", "iso"} for e in timex.find_time_expressions(text)):
            cases.append((text, ref))
    fast = [timex._absolute(text, ref) for text, ref in cases]
    assert sum(timex._plain_day(text, ref) is not None for text, ref in cases) > 100
    monkeypatch.setattr(timex, "_plain_day", lambda text, ref: None)
    assert fast == [timex._absolute(text, ref) for text, ref in cases]


def test_the_quick_check_never_hides_a_time_expression():
    from pathlib import Path

    import wirewatch.timex as timex
    from wirewatch.extract.sentences import split_sentences

    root = Path(__file__).parent
    paths = [*(root / "fixtures" / "dev" / "articles").glob("*.txt"),
             *(root.parent / "src" / "wirewatch" / "data" / "demo" / "articles").glob("*.txt")]
    texts = [s.text for p in sorted(paths) for s in split_sentences(p.read_text(encoding="utf-8"))]
    texts += ["It happened OVER THE WEEKEND.", "Police came LAST NIGHT.", "in mid-May", "the 3rd of Sept. 2021"]
    scanned = [[timex.TimeExpression(m.start(), m.end(), m.group(0), m.lastgroup or "")
                for m in timex._SCANNER.finditer(t)] for t in texts]
    assert sum(bool(found) for found in scanned) > 100
    assert [timex.find_time_expressions(t) for t in texts] == scanned
