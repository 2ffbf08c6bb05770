"""The `wirewatch` command: help texts, run -> events/show/export, and error exits."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import BAD_FIXTURES, GOOD_FIXTURES
from wirewatch.errors import WirewatchError
from wirewatch.serve.cli import app

COMMANDS = ["run", "events", "show", "export", "demo", "evaluate"]
ACLED = ["event_date", "time_precision", "event_type", "sub_event_type", "actor1", "actor2", "country", "iso",
         "admin1", "admin2", "location", "latitude", "longitude", "geo_precision", "source", "notes",
         "fatalities"]
MAIN = "from wirewatch.serve.cli import main; main()"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    """Run commands from an empty folder, with no wirewatch.toml and no other WIREWATCH_* variables; the
    trained typing model is switched off (extraction quality is tested elsewhere)."""
    monkeypatch.chdir(tmp_path)
    for name in [n for n in os.environ if n.startswith("WIREWATCH_")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("WIREWATCH_EXTRACT_MODEL", "false")
    return tmp_path


@pytest.fixture
def filled_db(runner, workdir, copy_fixtures):
    """A database after `wirewatch run` over the fixture folder."""
    folder = copy_fixtures("news", *GOOD_FIXTURES, *BAD_FIXTURES)
    db = workdir / "events.db"
    result = runner.invoke(app, ["run", str(folder), "--db", str(db)])
    assert result.exit_code == 0, result.output
    return db


def _events(runner, db: Path, *args: str) -> list[dict]:
    result = runner.invoke(app, ["events", "--db", str(db), "--json", *args])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_help_has_an_example(runner, command):
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output


def test_top_level_help_lists_commands(runner):
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in COMMANDS:
        assert command in result.output


def test_run_reports_counts_and_refused_inputs(runner, workdir, copy_fixtures):
    folder = copy_fixtures("news", *GOOD_FIXTURES, *BAD_FIXTURES)
    result = runner.invoke(app, ["run", str(folder), "--db", str(workdir / "events.db")])
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split())      # Rich wraps long lines
    assert "6 new" in text
    assert "4 inputs refused" in text
    assert "empty.txt: is empty" in text
    assert "wires.jsonl line 2: is not JSON" in text
    assert "wires.jsonl line 4" in text


def test_run_with_only_bad_inputs_exits_2(runner, workdir, copy_fixtures):
    folder = copy_fixtures("bad", "empty.txt")
    result = runner.invoke(app, ["run", str(folder), "--db", str(workdir / "events.db")])
    assert result.exit_code == 2


def test_events_json_lines(runner, filled_db):
    events = _events(runner, filled_db)
    assert events
    for e in events:
        assert e["id"].startswith("ev-")
        assert {"event_type", "sub_event_type", "date", "place", "claim_status", "sources", "corroboration"} <= e.keys()
        assert e["corroboration"] >= 1
    dates = [e["date"]["start"] for e in events]
    assert dates == sorted(dates)


def test_events_filters_pass_through(runner, filled_db):
    everything = _events(runner, filled_db)
    isos = {e["place"]["iso"] for e in everything}
    some_iso = sorted(i for i in isos if i)[0]
    only = _events(runner, filled_db, "--country", some_iso)
    assert only and all(e["place"]["iso"] == some_iso for e in only)
    assert _events(runner, filled_db, "--since", "2030-01-01") == []
    assert len(_events(runner, filled_db, "--limit", "1")) == 1


def test_events_table(runner, filled_db):
    result = runner.invoke(app, ["events", "--db", str(filled_db)])
    assert result.exit_code == 0
    assert "events" in result.output


def test_events_bad_date_is_a_wirewatch_error(runner, filled_db):
    result = runner.invoke(app, ["events", "--db", str(filled_db), "--since", "yesterday"])
    assert isinstance(result.exception, WirewatchError)
    assert "--since" in str(result.exception)


def test_show_prints_event_and_sources(runner, filled_db):
    event = _events(runner, filled_db)[0]
    result = runner.invoke(app, ["show", event["id"], "--db", str(filled_db)])
    assert result.exit_code == 0, result.output
    assert event["id"] in result.output
    outlet = event["sources"][0]["outlet"]
    if outlet:
        assert outlet in result.output


def test_show_unknown_id_is_not_found(runner, filled_db):
    result = runner.invoke(app, ["show", "ev-000000000000", "--db", str(filled_db)])
    assert isinstance(result.exception, WirewatchError)
    assert "ev-000000000000" in str(result.exception)


def test_export_csv_has_acled_columns(runner, filled_db, workdir):
    out = workdir / "out" / "events.csv"
    result = runner.invoke(app, ["export", "--format", "csv", "-o", str(out), "--db", str(filled_db)])
    assert result.exit_code == 0, result.output
    with out.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        header = reader.fieldnames
        rows = list(reader)
    assert set(ACLED) <= set(header)
    assert header.index("event_date") < header.index("fatalities")
    assert len(rows) == len(_events(runner, filled_db))
    for row in rows:
        assert row["event_date"] and row["event_type"] and row["sub_event_type"]
        assert row["time_precision"] in {"1", "2", "3", "4"}
        assert int(row["fatalities"]) >= 0


def test_export_geojson_is_a_feature_collection(runner, filled_db, workdir):
    out = workdir / "events.geojson"
    result = runner.invoke(app, ["export", "-f", "geojson", "-o", str(out), "--db", str(filled_db)])
    assert result.exit_code == 0, result.output
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["type"] == "FeatureCollection"
    assert doc["features"]
    for feature in doc["features"]:
        assert feature["type"] == "Feature"
        lon, lat = feature["geometry"]["coordinates"]
        assert feature["geometry"]["type"] == "Point"
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert feature["properties"]["latitude"] == lat
        assert feature["id"] == feature["properties"]["event_id_cnty"]


def test_export_jsonl_has_every_event(runner, filled_db, workdir):
    out = workdir / "events.jsonl"
    result = runner.invoke(app, ["export", "--format", "jsonl", "-o", str(out), "--db", str(filled_db)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == [e["id"] for e in _events(runner, filled_db)]
    assert all("summary" in r and "corroboration" in r for r in records)


def test_export_unknown_format_is_a_wirewatch_error(runner, filled_db, workdir):
    result = runner.invoke(app, ["export", "--format", "xlsx", "-o", str(workdir / "x.xlsx"),
                                 "--db", str(filled_db)])
    assert isinstance(result.exception, WirewatchError)


@pytest.mark.parametrize("args", [["events"], ["show", "ev-1"], ["export", "-o", "x.csv"], ["evaluate"]])
def test_commands_on_a_missing_db_raise_wirewatch_error(runner, workdir, args):
    result = runner.invoke(app, [*args, "--db", str(workdir / "missing.db")])
    assert isinstance(result.exception, WirewatchError)
    assert "no database" in str(result.exception)
    assert not (workdir / "missing.db").exists()


def test_entry_point_turns_errors_into_exit_code_2(workdir):
    proc = subprocess.run([sys.executable, "-c", MAIN, "events", "--db", str(workdir / "missing.db")],
                          capture_output=True, text=True, timeout=60, cwd=workdir)
    assert proc.returncode == 2
    assert "error" in proc.stderr and "no database" in proc.stderr
    assert "hint" in proc.stderr
    assert "Traceback" not in proc.stderr
