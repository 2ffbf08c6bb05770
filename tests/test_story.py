"""The story wirewatch must pass (issue 2): a feature with a commander's claims, media round-ups,
cross-border raids, an expert's speculation and page furniture, run through the whole pipeline."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from wirewatch.models import ClaimStatus, DatePrecision, GeoPrecision
from wirewatch.pipeline import run
from wirewatch.store import EventFilter, SQLiteStore

FIXTURE = Path(__file__).parent / "fixtures" / "story_legion.txt"


@pytest.fixture(scope="module")
def stored(tmp_path_factory):
    store = SQLiteStore(tmp_path_factory.mktemp("story") / "story.db")
    report = run([FIXTURE], store, today=date(2026, 1, 1))
    assert report.errors == []
    yield store
    store.close()


def _events(store, sub_type):
    return [e for e in store.events(EventFilter()) if e.sub_event_type == sub_type]


def test_boilerplate_is_dropped(stored):
    (article_row,) = stored.db.execute("SELECT text FROM articles").fetchall()
    text = article_row[0]
    for furniture in ("Photo:", "READ MORE", "WATCH:", "Sign up", "Related stories", "By Marta Vilks",
                      "Explosion derails train near Bryansk"):
        assert furniture not in text
    assert "Varyag" in text


def test_raids_are_two_month_precise_events_in_the_region(stored):
    raids = _events(stored, "Armed clash")
    assert sorted((e.date.start, e.date.precision) for e in raids) == [
        (date(2023, 5, 1), DatePrecision.MONTH), (date(2023, 6, 1), DatePrecision.MONTH)]
    for e in raids:
        assert (e.place.admin1, e.place.iso, e.place.precision) == ("Belgorod Oblast", "RUS", GeoPrecision.REGION)
        assert e.actor1.name == "Free Ingria Legion"
        assert e.claim_status is ClaimStatus.CLAIMED


def test_sabotage_is_claimed_by_the_group(stored):
    sabotage = [e for e in _events(stored, "Looting/property destruction") if e.place.admin1]
    assert len(sabotage) == 1
    (e,) = sabotage
    assert e.claim_status is ClaimStatus.CLAIMED
    assert (e.place.admin1, e.place.precision) == ("Bryansk Oblast", GeoPrecision.REGION)
    assert (e.date.start, e.date.precision) == (date(2023, 6, 1), DatePrecision.MONTH)
    assert e.actor1.name == "Free Ingria Legion"


def test_fires_are_media_reports(stored):
    fires = [e for e in _events(stored, "Looting/property destruction") if e.place.precision == GeoPrecision.COUNTRY]
    assert len(fires) == 1 and fires[0].claim_status is ClaimStatus.REPORTED


def test_the_experts_speculation_is_no_event(stored):
    rows = stored.db.execute("SELECT m.passage_start, a.text FROM mentions m JOIN articles a ON a.id = m.article_id")
    for start, text in rows:
        assert "Tartu" not in text[start:start + 200]
    assert len(list(stored.events(EventFilter()))) == 4
