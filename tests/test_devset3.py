"""The third development set (tests/fixtures/dev3/): 24 invented reports (17 .txt, 5 .html and one .jsonl of two
records) from Mozambique, Cameroon, Sudan, Libya, Iraq, Yemen, Pakistan, Myanmar, the Philippines, Mexico,
Colombia, Niger, Haiti, Brazil, the DRC, Burkina Faso, Chad, France, the UK and the US. Their gold (44 events, 24
of the 25 sub-event types, one opinion piece with none, two follow-up stories) was written and committed
(cfc119a) before the pipeline first read it, by a writer who had read neither the extractor nor the other
development sets. It is kept for measuring: rules are not developed on it, so its figures say how the
pipeline does on reports it was not fitted to.

First measurement, on 4fcd5e2 (the code as it stood when the set was written):
    wirewatch run tests/fixtures/dev3/articles --db /tmp/dev3.db
    wirewatch evaluate --db /tmp/dev3.db --gold tests/fixtures/dev3/gold.jsonl --json
  events: 44 gold, 37 predicted, 25 matched -> precision 0.676, recall 0.568 (F1 0.617)
  claim status 0.80 (20/25), date 0.84, fatalities 0.60 (9/15), sub-event type 0.84, actor1 0.43 (9/21);
  fusion: the one same-incident pair across articles joined.
The floors sit a little under those figures so that a regression fails."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from wirewatch.evaluate import evaluate
from wirewatch.pipeline import run
from wirewatch.settings import load_settings
from wirewatch.store import SQLiteStore

from devset_tools import check_well_formed, gold

DEV3 = Path(__file__).parent / "fixtures" / "dev3"
PRECISION_FLOOR, RECALL_FLOOR = 0.64, 0.54  # first run: 0.676, 0.568
CLAIM_FLOOR, DATE_FLOOR, FATALITIES_FLOOR = 0.76, 0.8, 0.53  # first run: 0.80, 0.84, 0.60


@pytest.fixture(scope="module")
def figures(tmp_path_factory):
    store = SQLiteStore(tmp_path_factory.mktemp("dev3") / "dev3.db")
    try:
        run([DEV3 / "articles"], store, load_settings(None, env={}), today=date(2027, 1, 1))
        return evaluate(store, DEV3 / "gold.jsonl")
    finally:
        store.close()


def test_devset3_gold_is_well_formed():
    check_well_formed(DEV3, 24)


def test_devset3_gold_is_varied():
    events = [g for g in gold(DEV3) if "no_events" not in g]
    assert len({g["sub_event_type"] for g in events}) >= 20
    assert len({g["event_type"] for g in events}) == 6
    assert len({g["country_iso"] for g in events}) >= 18
    incidents = [g["incident"] for g in events]
    assert any(incidents.count(i) > 1 for i in incidents)
    assert {"claimed", "confirmed", "reported", "disputed"} <= {g["claim_status"] for g in events}


def test_devset3_precision_and_recall_stay_above_their_floors(figures):
    assert figures["gold_events"] == 44
    assert figures["precision"] >= PRECISION_FLOOR, figures["confusions"]
    assert figures["recall"] >= RECALL_FLOOR, figures["confusions"]


def test_devset3_fields_stay_above_their_floors(figures):
    fields = figures["fields"]
    assert fields["claim_status"]["accuracy"] >= CLAIM_FLOOR, fields["claim_status"]
    assert fields["date"]["accuracy"] >= DATE_FLOOR, fields["date"]
    assert fields["fatalities"]["accuracy"] >= FATALITIES_FLOOR, fields["fatalities"]
