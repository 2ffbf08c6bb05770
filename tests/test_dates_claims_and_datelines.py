"""Days that date the report, not the incident: a group's claim of responsibility ("claimed responsibility on
Wednesday for an ambush"), and the dispatch's dateline ("NIAMEY, March 12 —")."""

from __future__ import annotations

from datetime import date

from wirewatch.resolve.dates import event_date_words, lead_date, resolve_date

from test_dates_rules import _article, _field, _sentence

THU = date(2024, 3, 14)  # a Thursday

# Written for these tests in the style of a wire report from the Sahel; the places are real, the incident is not.
CLAIM = ("NIAMEY, March 14 — An Islamic State affiliate claimed responsibility on Thursday for an attack on an "
         "army post near Tillaberi that killed five soldiers.\n\n"
         "The group said its fighters stormed the post on Tuesday before dawn.")
CLAIM_NO_DAY = ("An armed group claimed responsibility on Wednesday for a bombing at a bus station in Gao that "
                "killed three people.")
DATELINE_ONLY = ("NIAMEY, March 12 — Gunmen on motorcycles attacked a market in Tillaberi region, killing "
                 "eight civilians, officials said.")


def test_a_claims_day_hands_the_attack_to_the_day_the_claim_gives_it():
    words = event_date_words(_field(CLAIM, "on Thursday"), _sentence(CLAIM, "on Thursday"), CLAIM,
                             _field(CLAIM, "attack"))
    assert words is None  # the claim's day is not the attack's: lead_date reads the day the story gives
    lead = lead_date(_article(CLAIM, THU))
    assert lead is not None and lead.text == "on Tuesday"
    assert resolve_date(lead, THU, True).start == date(2024, 3, 12)


def test_the_dateline_dates_the_dispatch_not_the_incident():
    # The dateline's day is no incident's day to take over from a claim's: the story's own weekday is.
    lead = lead_date(_article(CLAIM, THU))
    assert lead.text != "March 14"


def test_a_claims_day_stays_when_the_text_gives_the_attack_no_day():
    field = _field(CLAIM_NO_DAY, "on Wednesday")
    words = event_date_words(field, _sentence(CLAIM_NO_DAY, "on Wednesday"), CLAIM_NO_DAY,
                             _field(CLAIM_NO_DAY, "bombing"))
    assert words == field  # the claim's day is all there is, and the attack came no later


def test_a_dateline_alone_still_dates_the_report():
    lead = lead_date(_article(DATELINE_ONLY, date(2024, 3, 12)))
    assert lead is not None and lead.text == "March 12"
