"""The second development set (tests/fixtures/dev2/): 24 invented reports (21 .txt/.html files and one .jsonl of
three) from the Sahel, the Horn of Africa, the Great Lakes, Nigeria, the Middle East, South and Southeast Asia,
Latin America, the Caucasus, the Balkans, the US and Europe. Their gold (43 events, 24 of the 25 sub-event types,
one opinion piece with none) was written and committed (feb4c4c) before the pipeline first read them, by a writer
who had not read the extractor or the first development set, so the rules were never fitted to it.

First measurement (run once on the committed gold; the same figures again on a clean export of ca0784c, through
both the commands below and this module's fixture):
    wirewatch run tests/fixtures/dev2/articles --db /tmp/dev2/dev2.db
    wirewatch evaluate --db /tmp/dev2/dev2.db --gold tests/fixtures/dev2/gold.jsonl --json
  events: 43 gold, 43 predicted, 28 matched -> precision 0.651, recall 0.651 (F1 0.651)
  claim status 0.929 (26 of 28 matched), date 0.857 (24/28), fatalities 0.526 (10/19),
  sub-event type 0.964, admin1 1.0, location 0.643, geo precision 0.679, time precision 1.0, actor1 0.36 (9/25);
  fusion: the one same-incident pair across articles (the Mogadishu bombing and its follow-up) joined.
  Aggregate mistakes: 15 missed and 15 spurious events, spread over many sub-types (at most 2 of any one kind).
The floors below sit a little under those figures so a regression fails; raise them as the pipeline improves
(never by editing the gold, which changes only where it breaks docs/demo-corpus.md's own rules)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from wirewatch.evaluate import evaluate
from wirewatch.pipeline import run
from wirewatch.settings import load_settings
from wirewatch.store import SQLiteStore

from devset_tools import check_well_formed, gold

DEV2 = Path(__file__).parent / "fixtures" / "dev2"
PRECISION_FLOOR, RECALL_FLOOR = 0.62, 0.62  # reached: 0.651, 0.651
CLAIM_FLOOR, DATE_FLOOR, FATALITIES_FLOOR = 0.89, 0.82, 0.47  # reached: 0.929, 0.857, 0.526

@pytest.fixture(scope="module")
def figures(tmp_path_factory):
    """Evaluate figures for the pipeline's output on the second development set."""
    store = SQLiteStore(tmp_path_factory.mktemp("dev2") / "dev2.db")
    try:
        run([DEV2 / "articles"], store, load_settings(None, env={}), today=date(2026, 1, 1))
        return evaluate(store, DEV2 / "gold.jsonl")
    finally:
        store.close()


def test_devset2_gold_is_well_formed():
    check_well_formed(DEV2, 24)


def test_devset2_gold_is_varied():
    """The set is worth its name only while it spans the ontology and the hard cases it was written for."""
    events = [g for g in gold(DEV2) if "no_events" not in g]
    assert len({g["sub_event_type"] for g in events}) >= 16
    assert len({g["event_type"] for g in events}) == 6
    assert len({g["country_iso"] for g in events}) >= 18
    incidents = [g["incident"] for g in events]
    assert any(incidents.count(i) > 1 for i in incidents)  # a follow-up story on an incident reported elsewhere
    assert {"claimed", "confirmed", "reported", "disputed"} <= {g["claim_status"] for g in events}


def test_devset2_precision_and_recall_stay_above_their_floors(figures):
    assert figures["gold_events"] == 43
    assert figures["precision"] >= PRECISION_FLOOR, figures["confusions"]
    assert figures["recall"] >= RECALL_FLOOR, figures["confusions"]


def test_devset2_fields_stay_above_their_floors(figures):
    fields = figures["fields"]
    assert fields["claim_status"]["accuracy"] >= CLAIM_FLOOR, fields["claim_status"]
    assert fields["date"]["accuracy"] >= DATE_FLOOR, fields["date"]
    assert fields["fatalities"]["accuracy"] >= FATALITIES_FLOOR, fields["fatalities"]
