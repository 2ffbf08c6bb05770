"""A passage with no date words of its own takes the first day words the report tells of the incident with,
before earlier day words that tell of something else (a search, a meeting): resolve/dates.py lead_date."""

from __future__ import annotations

from datetime import date

from wirewatch.models import Article, Span, TextField
from wirewatch.resolve.dates import lead_date, tells_an_incident

TUESDAY = date(2024, 3, 12)

# Written for these tests in the style of local crime reports; the incidents are invented.
SEARCH_FIRST = ("On Monday, officers searched a house on Elm Street and seized two rifles, police said.\n\n"
                "A 24-year-old man was killed and another wounded after shots rang out outside a bar in Dayton.\n\n"
                "Saturday's shooting followed an argument inside the bar, according to detectives.")
NOTHING_TOLD = ("On Monday, officers searched a house on Elm Street and seized two rifles, police said.\n\n"
                "A 24-year-old man was killed and another wounded outside a bar in Dayton.")


MARCH_FIRST = ("On Monday, hundreds of traders marched to the governor's office over new market fees.\n\n"
               "Gunmen killed two guards at the market on Thursday, police said.")


def _lead(text: str, incident: bool = True):
    return lead_date(Article("a", None, "Wire", None, TUESDAY, "en", text), incident=incident)


def test_the_incidents_own_day_words_date_an_undated_passage_before_earlier_ones():
    assert _lead(SEARCH_FIRST).text == "Saturday"


def test_without_incident_day_words_the_first_other_day_words_still_date_it():
    assert _lead(NOTHING_TOLD).text == "On Monday"


def test_a_passage_of_no_incident_keeps_the_first_day_words():
    # a march's passage is dated by its own day words, not by the shooting's told after them
    assert _lead(MARCH_FIRST, incident=False).text == "On Monday"
    assert _lead(MARCH_FIRST).text == "on Thursday"


def test_an_incidents_trigger_is_told_from_an_arrests():
    assert tells_an_incident(TextField("shot", Span("a", 0, 4)))
    assert not tells_an_incident(TextField("arrested", Span("a", 0, 8))) and not tells_an_incident(None)
