"""Which day words date an incident: a day after publication, a statement's day, an arrest's day."""

from __future__ import annotations

from datetime import date

import pytest

from wirewatch.models import Article, DatePrecision, Span, TextField
from wirewatch.resolve.dates import event_date_words, lead_date, resolve_date
from wirewatch.timex import find_time_expressions, resolve

MON = date(2021, 3, 8)  # a Monday

# Written for these tests in the style of US local crime news; people and streets are invented.
UPDATED = ("A 31-year-old man died early Tuesday after he was shot outside a bar on Mill Street, "
           "police said.")
STATEMENT = ("Two men were wounded Saturday night in a shooting near Garfield Park.\n\n"
             "Both were taken to a hospital in stable condition, police said Monday.")
ARREST_AFTER_WEEKDAY = ("A Pueblo man was arrested Friday in connection with Sunday's shooting on Elm Avenue "
                        "that left a teenager dead.")
INCIDENT_WORDS = ("Marcus Hill, 24, was charged Friday with murder in the death of Devon Price. The incident "
                  "happened about 11 p.m. Jan. 3 outside a convenience store on Salem Avenue.")
GUNNED_DOWN = ("Marcus Hill, 24, was charged Friday with murder in the death of Devon Price. Price was gunned "
               "down Jan. 3 outside a store.")


def _article(text: str, published: date = MON) -> Article:
    return Article("a1", None, "Valley Ledger", None, published, "en", text)


def _field(text: str, words: str) -> TextField:
    start = text.index(words)
    return TextField(words, Span("a1", start, start + len(words)))


def _sentence(text: str, words: str) -> Span:
    at = text.index(words)
    start = max(text.rfind(". ", 0, at) + 2, text.rfind("\n", 0, at) + 1, 0)
    end = text.find(".", at)
    return Span("a1", start, len(text) if end < 0 else end + 1)


# --- a day after publication: impossible for a past event -------------------------------------------

def test_the_weekday_after_the_page_date_is_that_next_day():
    (expr,) = find_time_expressions("died early Tuesday")
    assert resolve(expr, MON).start == date(2021, 3, 9)


@pytest.mark.parametrize("text, words", [
    (UPDATED, "early Tuesday"),                                  # one day after: no exception for a page's date
    ("A man was shot on March 10 near Mill Street.", "March 10"),  # two days after
])
def test_a_day_after_publication_is_rejected_with_a_note_naming_the_words(text, words):
    rejected = resolve_date(_field(text, words), MON, True)
    assert rejected.span is None and rejected.precision == DatePrecision.WEEK
    assert (rejected.start, rejected.end) == (date(2021, 3, 7), MON)
    assert f"date words {words!r} falls after the publication date; rejected" in rejected.note


def test_the_lede_is_not_dated_by_the_day_after_its_page_date():
    assert lead_date(_article(UPDATED)) is None
    text = UPDATED + " A second man was wounded in the shooting on Sunday night."
    assert lead_date(_article(text)).text == "on Sunday night"


def test_last_weekday_stays_in_the_past_week():
    (expr,) = find_time_expressions("last Tuesday")
    assert resolve(expr, MON).start == date(2021, 3, 2)


# --- a statement's day ---------------------------------------------------------------------------

def test_a_statements_day_gives_way_to_the_incidents_day_words_elsewhere():
    field = _field(STATEMENT, "Monday")
    assert event_date_words(field, _sentence(STATEMENT, "Monday"), STATEMENT) is None
    lead = lead_date(_article(STATEMENT))
    assert lead.text == "Saturday night" and resolve_date(lead, MON, True).start == date(2021, 3, 6)


def test_a_statements_day_stays_when_the_text_has_no_other():
    text = "A man was found shot dead in his car, police said Monday."
    field = _field(text, "Monday")
    assert event_date_words(field, _sentence(text, "Monday"), text) == field


def test_the_lede_skips_a_statements_day_for_the_incidents():
    text = "Police said Monday that a man was shot Sunday night on Elm Avenue."
    assert lead_date(_article(text)).text == "Sunday night"


# --- an arrest's day -----------------------------------------------------------------------------

def test_an_arrest_day_gives_way_to_the_weekday_of_the_shooting():
    text = ARREST_AFTER_WEEKDAY
    words = event_date_words(_field(text, "Friday"), _sentence(text, "Friday"), text, _field(text, "shooting"))
    assert words is None  # the lede's date, below, dates it
    lead = lead_date(_article(text))
    assert lead.text == "Sunday" and resolve_date(lead, MON, True).start == date(2021, 3, 7)


def test_an_arrest_with_no_other_day_words_keeps_its_day():
    text = "A Pueblo man was arrested Friday in connection with a shooting on Elm Avenue."
    field = _field(text, "Friday")
    assert event_date_words(field, _sentence(text, "Friday"), text, _field(text, "shooting")) == field


def test_an_incident_that_happened_on_a_calendar_day_is_dated_by_it():
    text = INCIDENT_WORDS
    words = event_date_words(_field(text, "Friday"), _sentence(text, "Friday"), text, _field(text, "death"))
    assert words.text == "Jan. 3"


def test_a_victim_gunned_down_on_a_calendar_day_is_dated_by_it():
    text = GUNNED_DOWN
    words = event_date_words(_field(text, "Friday"), _sentence(text, "Friday"), text, _field(text, "death"))
    assert words.text == "Jan. 3"


# --- no date words at all ------------------------------------------------------------------------

def test_a_report_with_no_date_words_tells_of_its_day_or_the_night_before():
    resolved = resolve_date(None, MON, True)
    assert (resolved.start, resolved.end) == (date(2021, 3, 7), MON)
    assert resolved.precision == DatePrecision.WEEK and resolved.span is None
    assert "date not stated" in resolved.note


def test_an_incident_dated_past_its_own_date_words_says_so_in_its_notes():
    from wirewatch.clean import article_id
    from wirewatch.extract import extract
    from wirewatch.resolve import resolve_mentions
    text = ("PUEBLO, Colo. — A Pueblo man was arrested Friday in connection with Sunday's shooting on Elm "
            "Avenue that left a teenager dead, police said.")
    art = Article(id=article_id(text), url="https://test.example/a", outlet="Test Courier", title=None,
                  published=date(2024, 3, 12), language="en", text=text, source="test")
    found, _ = extract(art)
    attack = next(m for m in resolve_mentions(art, found) if m.sub_event_type == "Attack")
    assert attack.date.start == date(2024, 3, 10)
    assert any("('Friday')" in n and "('Sunday')" in n for n in attack.notes)


def test_a_day_after_publication_is_rejected_in_the_mentions_notes():
    from wirewatch.clean import article_id
    from wirewatch.extract import extract
    from wirewatch.resolve import resolve_mentions
    text = "DAYTON, Ohio — " + UPDATED
    art = Article(id=article_id(text), url="https://test.example/b", outlet="Test Courier", title=None,
                  published=MON, language="en", text=text, source="test")
    found, _ = extract(art)
    attack = next(m for m in resolve_mentions(art, found) if m.sub_event_type == "Attack")
    assert attack.date.span is None and attack.date.end == MON
    assert any("'early Tuesday' falls after the publication date; rejected" in n for n in attack.notes)
