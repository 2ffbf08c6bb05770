"""Scorers: cluster metrics, typing metrics and the gold matcher, on tiny hand-made inputs."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from wirewatch.evaluate import evaluate
from wirewatch.evaluate.fusion import _cluster_scores
from wirewatch.evaluate.typing import score_typing
from wirewatch.models import GeoPrecision, Place
from wirewatch.pipeline import run
from wirewatch.settings import ExtractSettings, load_settings
from wirewatch.store import SQLiteStore

STORY = Path(__file__).parent / "fixtures" / "story_legion.txt"
URL = "https://balticcourier.example/2023/06/20/free-ingria-legion-commander"


def test_perfect_clusters_score_one():
    gold = {"a": "1", "b": "1", "c": "2"}
    scores = _cluster_scores({"a": "x", "b": "x", "c": "y"}, gold)
    assert scores["pairwise_f1"] == scores["b3_f1"] == 1.0


def test_all_singletons_have_no_pairwise_recall():
    gold = {"a": "1", "b": "1", "c": "1"}
    scores = _cluster_scores({"a": "x", "b": "y", "c": "z"}, gold)
    assert scores["pairwise_recall"] == 0.0 and scores["b3_precision"] == 1.0
    assert scores["b3_recall"] == pytest.approx(1 / 3, abs=0.001)


def test_one_big_cluster_has_no_pairwise_precision_for_distinct_incidents():
    scores = _cluster_scores({"a": "x", "b": "x"}, {"a": "1", "b": "2"})
    assert scores["pairwise_precision"] == 0.0 and scores["b3_precision"] == 0.5


def test_gva_slots_score_date_killed_and_injured():
    from wirewatch.evaluate.fusion import _slots
    from wirewatch.models import (ClaimStatus, DatePrecision, Event, Fatalities, GeoPrecision, Place,
                                  ResolvedDate)

    place = Place("Dayton", GeoPrecision.EXACT, "United States", "USA", "Ohio", None, 39.76, -84.19)
    when = ResolvedDate(date(2017, 4, 9), date(2017, 4, 9), DatePrecision.DAY)
    right = Event("ev-1", "Violence against civilians", "Attack", when, place, ClaimStatus.REPORTED,
                  fatalities=Fatalities(1, 1, 1), injured=Fatalities(2, 2, 2))
    wrong = Event("ev-2", "Violence against civilians", "Attack", when, place, ClaimStatus.REPORTED)
    gold = {"g1": {"date": "April 10, 2017", "city_or_county": "Dayton", "state": "Ohio", "num_killed": 1,
                   "num_injured": 2}}
    slots = _slots({"u1": right, "u2": wrong}, {"u1": "g1", "u2": "g1"}, gold)
    assert (slots["events"], slots["date_exact"], slots["date_within_1_day"]) == (2, 0.0, 1.0)
    assert (slots["killed_exact"], slots["injured_exact"], slots["city_and_state"]) == (0.5, 0.5, 1.0)


@pytest.mark.parametrize("gold, ours, county, same", [
    ("Bronx", "The Bronx", None, True), ("The Bronx", "Bronx", None, True), ("New York", "New York City", None, True),
    ("Dayton", "Dayton", None, True), ("Dayton (Harrison Township)", "Dayton", None, True),
    ("Philadelphia (Germantown)", "Germantown", "Philadelphia County", True),
    ("Dayton", "Daytona Beach", None, False), ("Springfield", None, None, False),
    ("Plantation", "Plant City", None, False), ("Miami Gardens", "Miami", None, False),
    ("Lake (county)", "Leesburg", "Lake County", True), ("Lake (county)", "Lake City", "Columbia County", False),
    ("Lake (county)", "Lake", None, False),
    ("Saint Louis", "St. Louis", None, True), ("Fort Myers", "Ft. Myers", None, True),
    ("Mount Vernon", "Mt Vernon", None, True), ("Saint Louis", "St. Charles", None, False),
])
def test_gva_city_names_compare_without_the_and_city(gold, ours, county, same):
    from wirewatch.evaluate.fusion import _same_city

    assert _same_city(gold, Place(ours or "", GeoPrecision.EXACT, admin2=county)) is same


def test_typing_scores_count_misses_as_no_event():
    pairs = [("Police fired tear gas to disperse protesters in Nairobi on Tuesday.", "Protest with intervention"),
             ("Officials met to discuss the budget.", "Armed clash")]
    figures = score_typing(pairs, ExtractSettings(model=False))
    assert figures["accuracy"] == 0.5 and figures["no_prediction"] == 1


def test_demo_style_gold_is_matched_by_article_type_and_place(tmp_path):
    store = SQLiteStore(tmp_path / "s.db")
    run([STORY], store, load_settings(None, env={}), today=date(2026, 1, 1))
    gold = [{"url": URL, "incident": "raid-may", "event_type": "Battles", "sub_event_type": "Armed clash",
             "actor1": "Free Ingria Legion", "actor2": None, "target": None, "country_iso": "RUS",
             "admin1": "Belgorod Oblast", "location": "Belgorod Oblast", "geo_precision": 3,
             "event_date": "2023-05-01", "time_precision": 3, "date_text": "in May", "fatalities": None,
             "claim_status": "claimed", "evidence": "in May"},
            {"url": URL, "incident": "made-up", "event_type": "Riots", "sub_event_type": "Mob violence",
             "actor1": None, "actor2": None, "target": None, "country_iso": "RUS", "admin1": None,
             "location": "Russia", "geo_precision": 4, "event_date": None, "time_precision": None,
             "date_text": None, "fatalities": None, "claim_status": "reported", "evidence": "x"}]
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(g) for g in gold) + "\n")
    figures = evaluate(store, path)
    store.close()
    assert figures["matched"] == 1 and figures["recall"] == 0.5
    assert figures["fields"]["date"]["accuracy"] == 1.0
    assert figures["fields"]["claim_status"]["accuracy"] == 1.0
