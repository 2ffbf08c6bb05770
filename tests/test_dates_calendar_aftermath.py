"""A calendar day beside an arrest, a charge or a death that followed an incident ("was charged Oct. 20 in
the Oct. 3 shooting") dates what followed; the incident's own calendar day dates the incident."""

from __future__ import annotations

from datetime import date

from wirewatch.models import Article
from wirewatch.resolve.dates import event_date_words, resolve_date

from test_dates_rules import _field, _sentence

OCT_22 = date(2024, 10, 22)  # a Tuesday, weeks after the shooting told below

# Written for these tests in the style of US local crime news; people and streets are invented.
CHARGED = ("Marcus Hill, 24, was charged Oct. 20 with murder in the death of Devon Price, police said.\n\n"
           "Price was shot Oct. 3 outside a convenience store on Salem Avenue and died at the scene.")
NO_INCIDENT_DAY = ("Marcus Hill, 24, was charged Oct. 20 with murder in the death of Devon Price, police said.\n\n"
                   "Hill is being held without bond at the county jail.")
DIED = "A man shot Sept. 28 on Calder Street died Oct. 2 at a hospital, the coroner's office said."


def test_an_incident_trigger_beside_a_charge_day_takes_the_incidents_calendar_day():
    words = event_date_words(_field(CHARGED, "Oct. 20"), _sentence(CHARGED, "Oct. 20"), CHARGED,
                             _field(CHARGED, "murder"))
    assert words is not None and words.text == "Oct. 3"
    assert resolve_date(words, OCT_22, True).start == date(2024, 10, 3)


def test_the_charge_itself_keeps_its_own_calendar_day():
    field = _field(CHARGED, "Oct. 20")
    assert event_date_words(field, _sentence(CHARGED, "Oct. 20"), CHARGED, _field(CHARGED, "charged")) == field


def test_without_a_calendar_day_for_the_incident_the_charge_day_stays():
    field = _field(NO_INCIDENT_DAY, "Oct. 20")
    trigger = _field(NO_INCIDENT_DAY, "murder")
    assert event_date_words(field, _sentence(NO_INCIDENT_DAY, "Oct. 20"), NO_INCIDENT_DAY, trigger) == field


def test_a_calendar_day_beside_the_incidents_own_words_is_kept():
    field = _field(DIED, "Sept. 28")
    assert event_date_words(field, _sentence(DIED, "Sept. 28"), DIED, _field(DIED, "shot")) == field


def test_the_whole_pipeline_dates_the_killing_by_the_shooting_day():
    from wirewatch.clean import article_id
    from wirewatch.extract import extract
    from wirewatch.resolve import resolve_mentions
    art = Article(id=article_id(CHARGED), url="https://test.example/c", outlet="Test Courier", title=None,
                  published=OCT_22, language="en", text=CHARGED, source="test")
    found, _ = extract(art)
    attacks = [m for m in resolve_mentions(art, found) if m.sub_event_type == "Attack"]
    assert attacks and all(m.date.start == date(2024, 10, 3) for m in attacks)
