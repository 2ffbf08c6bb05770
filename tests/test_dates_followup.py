"""Follow-up stories: the incident keeps its own day when the news is an arrest, a hearing or a funeral."""

from __future__ import annotations

from datetime import date

import pytest

from wirewatch.models import Article, DatePrecision, Span, TextField
from wirewatch.resolve.dates import event_date_words, lead_date, resolve_date
from wirewatch.timex import find_time_expressions, resolve

FEB_10 = date(2020, 2, 10)  # a Monday, five weeks after the shootings below

# Written for these tests in the style of US local crime news; people, shops and streets are invented.
CHARGED = ("DAYTON — A 24-year-old man was charged Tuesday in the Jan. 3 shooting death of a teenager "
           "outside a Salem Avenue convenience store. Marcus Hill is being held in the Montgomery County jail.")
ARRESTED = ("A Dayton man was arrested Friday in connection with a deadly shooting last month, police said.\n\n"
            "Investigators say Marcus Hill, 24, shot Devon Price, 19, on Jan. 3 outside a convenience store "
            "on Salem Avenue. Price died at the scene.")
NEXT_SENTENCE = ("Devon Price, 19, was shot and killed outside a convenience store on Salem Avenue. The shooting "
                 "happened about 11 p.m. Jan. 3, according to police. A funeral was held Saturday at "
                 "Greater Mount Zion Church.")
HEARING = ("A judge on Wednesday set bond at $1 million for Marcus Hill. A preliminary hearing took place "
           "on Jan. 3 in Dayton Municipal Court.")
VIGIL = ("Dozens gathered Sunday for a vigil to remember a teen killed in a Jan. 3 shooting on Salem "
         "Avenue, the boy's mother said.")


def _article(text: str, published: date = FEB_10) -> Article:
    return Article("a1", None, "Miami Valley Ledger", None, published, "en", text)


def _field(text: str, words: str, occurrence: int = 0) -> TextField:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(words, start + 1)
    return TextField(words, Span("a1", start, start + len(words)))


def _sentence(text: str, words: str) -> Span:
    start = text.rfind(". ", 0, text.index(words))
    start = 0 if start < 0 else start + 2
    end = text.find(". ", text.index(words))
    return Span("a1", start, len(text) if end < 0 else end + 1)


def _day(field: TextField | None, ref: date = FEB_10):
    return resolve_date(field, ref, True)


# --- the incident's trigger beside an arrest's or a hearing's day --------------------------------

def test_an_incident_charged_on_a_later_day_keeps_the_day_the_text_gives_it():
    trigger = _field(CHARGED, "shooting death")
    words = event_date_words(_field(CHARGED, "Tuesday"), _sentence(CHARGED, "Tuesday"), CHARGED, trigger)
    assert words.text == "Jan. 3" and CHARGED[words.span.start:words.span.end] == "Jan. 3"
    assert _day(words).start == date(2020, 1, 3)


def test_the_arrest_itself_keeps_its_own_day():
    trigger = _field(CHARGED, "charged")
    words = event_date_words(_field(CHARGED, "Tuesday"), _sentence(CHARGED, "Tuesday"), CHARGED, trigger)
    assert words.text == "Tuesday"
    # Tuesday is the day after this Monday page's date (see timex._weekday): impossible for a past arrest,
    # so the words are rejected with a note and the mention falls back to the page's date.
    resolved = _day(words)
    assert resolved.span is None and (resolved.start, resolved.end) == (date(2020, 2, 9), FEB_10)
    assert "'Tuesday' falls after the publication date; rejected" in resolved.note
    # The same report on the Wednesday page keeps the arrest's own Tuesday.
    assert _day(words, date(2020, 2, 12)).start == date(2020, 2, 11)


def test_a_vigil_keeps_its_own_day():
    trigger = _field(VIGIL, "vigil")
    words = event_date_words(_field(VIGIL, "Sunday"), _sentence(VIGIL, "Sunday"), VIGIL, trigger)
    assert words.text == "Sunday"


def test_without_its_trigger_a_mention_keeps_its_words():
    words = event_date_words(_field(CHARGED, "Tuesday"), _sentence(CHARGED, "Tuesday"), CHARGED)
    assert words.text == "Tuesday"


def test_a_calendar_date_that_dates_a_hearing_is_no_incident_day():
    text = HEARING + " Hill is accused of killing Devon Price."
    words = event_date_words(_field(text, "on Wednesday"), _sentence(text, "Wednesday"), text,
                             _field(text, "killing"))
    assert words.text == "on Wednesday"


def test_a_speech_date_still_gives_way_first():
    text = "Police said Monday that a man was shot Saturday night on Elm Street."
    words = event_date_words(_field(text, "Monday"), Span("a1", 0, len(text)), text, _field(text, "shot"))
    assert words.text == "Saturday night"


# --- passages with no date words of their own ---------------------------------------------------

@pytest.mark.parametrize("text, expected, day", [
    # the arrest's Friday is passed over for the day the shooting is given
    (ARRESTED, "Jan. 3", date(2020, 1, 3)),
    # the day stands in the sentence after the shooting's; the funeral's Saturday is not the incident's
    (NEXT_SENTENCE, "Jan. 3", date(2020, 1, 3)),
    # a hearing's day is no incident's: the lede's day of the last week stays the fallback
    (HEARING, "on Wednesday", date(2020, 2, 5)),
])
def test_an_undated_passage_of_a_follow_up_takes_the_incidents_day(text, expected, day):
    found = lead_date(_article(text))
    assert found.text == expected and text[found.span.start:found.span.end] == found.text
    assert _day(found).start == day


def test_a_recent_incident_day_comes_before_an_older_one():
    text = ("Two men were shot early Sunday on Wayne Avenue. It was the second shooting on the street since "
            "a man was killed there on Jan. 3.")
    assert lead_date(_article(text)).text == "early Sunday"


# --- calendar dates: a weekday before one, and a day after publication ---------------------------

@pytest.mark.parametrize("text, words, day", [
    ("Price was shot Saturday, Jan. 4, outside the store.", "Saturday, Jan. 4", date(2020, 1, 4)),
    ("He was last seen late Friday night, Jan. 3, 2020, on Salem Avenue.", "late Friday night, Jan. 3, 2020",
     date(2020, 1, 3)),
    ("The shooting happened on Sunday 5 January near the river.", "on Sunday 5 January", date(2020, 1, 5)),
])
def test_a_weekday_before_a_calendar_date_is_read_as_that_date(text, words, day):
    (expr,) = find_time_expressions(text)
    assert expr.text == words and expr.kind in {"mdy", "dmy"}
    assert resolve(expr, FEB_10).start == day


def test_a_yearless_date_just_after_publication_is_rejected_with_a_note():
    text = "A man was shot on Feb. 12 near Smithville Road."
    resolved = _day(_field(text, "Feb. 12"))
    assert resolved.precision == DatePrecision.WEEK and resolved.span is None
    assert "falls after the publication date; rejected" in resolved.note


def test_a_yearless_date_months_after_publication_is_last_years():
    text = "A man was shot on Dec. 12 near Smithville Road."
    resolved = _day(_field(text, "Dec. 12"))
    assert resolved.start == date(2019, 12, 12) and resolved.precision == DatePrecision.DAY


def test_the_pipeline_dates_a_charged_shooting_to_the_day_of_the_shooting():
    from wirewatch.models import RawDocument
    from wirewatch.pipeline import prepare
    from wirewatch.settings import Settings
    raw = RawDocument(source="charged.txt", content=CHARGED, format="text", url="https://ledger.example/charged",
                      published=FEB_10)
    mentions = prepare(raw, FEB_10, Settings()).analysis.mentions
    shooting = [m for m in mentions if m.trigger.text == "shooting"]
    assert shooting and shooting[0].date.start == date(2020, 1, 3)
