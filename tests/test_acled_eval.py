"""`wirewatch evaluate --acled`: event notes read by the pipeline, scored for place and toll."""

from pathlib import Path

import pytest
from typer.testing import CliRunner

from wirewatch.errors import InputError
from wirewatch.evaluate.acled import score_acled
from wirewatch.serve.cli import app
from wirewatch.settings import Settings

HEADER = "event_id_cnty,event_date,country,admin1,location,latitude,longitude,geo_precision,notes,fatalities\n"
# Notes written for this test in the style of coders' summaries; the second note's gold point is set 60 km
# away and its toll to 3, so that two answers are wrong on purpose.
ROWS = [
    'T1,04/01/2016,Kenya,Kisumu,Kisumu,-0.1022,34.7617,1,"Police fired tear gas to disperse hundreds of traders '
    'protesting against new market fees in Kisumu.",0\n',
    'T2,05/01/2016,Nigeria,Borno,Maiduguri,11.30,13.40,1,"Suspected militants opened fire on worshippers at a '
    'mosque in Maiduguri, killing two people.",3\n',
    'T3,06/01/2016,Somalia,Banaadir,Mogadishu,2.0371,45.3438,2,"Residents held a meeting about water prices.",0\n',
]
# ACLED codes one event per place a note names: the same note on two rows, each scored against its own town.
SHARED = [
    f'T{n},07/01/2016,Kenya,{admin1},{town},{lat},{lon},1,"Nurses protested outside the county hospitals in Kisumu '
    f'and later in Nakuru over three months of unpaid salaries, union officials said.",0\n'
    for n, admin1, town, lat, lon in ((4, "Kisumu", "Kisumu", -0.1022, 34.7617), (5, "Nakuru", "Nakuru", -0.3031, 36.08))
]


def _csv(tmp_path: Path, rows: list[str]) -> Path:
    path = tmp_path / "acled.csv"
    path.write_text(HEADER + "".join(rows), encoding="utf-8")
    return path


def test_notes_are_scored_for_place_and_toll(tmp_path):
    figures = score_acled(_csv(tmp_path, ROWS), Settings())
    assert figures["notes"] == 3 and figures["refused"] == 1   # seven words: too short for the clean stage
    assert figures["with_place"] == 2 and figures["coverage"] == 1.0
    assert figures["country_accuracy"] == 1.0 and figures["admin1_accuracy"] == 1.0
    assert figures["precise_n"] == 2 and figures["within_25km"] == 0.5
    assert figures["fatalities_exact"] == 0.5               # 0 right in Kisumu, 2 against 3 in Maiduguri


def test_a_note_coded_as_two_events_scores_each_row(tmp_path):
    figures = score_acled(_csv(tmp_path, SHARED), Settings())
    assert (figures["notes"], figures["with_place"], figures["refused"]) == (2, 2, 0)
    assert figures["country_accuracy"] == 1.0


def test_limit_reads_the_first_notes_only(tmp_path):
    assert score_acled(_csv(tmp_path, ROWS), Settings(), limit=1)["notes"] == 1


def test_a_file_without_acled_columns_is_named(tmp_path):
    path = tmp_path / "other.csv"
    path.write_text("id,text\n1,hello\n", encoding="utf-8")
    with pytest.raises(InputError, match="other.csv.*lacks ACLED columns"):
        score_acled(path, Settings())


def test_cli_prints_the_figures_as_json(tmp_path):
    result = CliRunner().invoke(app, ["evaluate", "--acled", str(_csv(tmp_path, ROWS)), "--json"])
    assert result.exit_code == 0, result.output
    assert '"with_place": 2' in result.output


def test_a_file_with_no_notes_or_no_dates_is_named(tmp_path):
    with pytest.raises(InputError, match="acled.csv.*no rows with notes"):
        score_acled(_csv(tmp_path, []), Settings())
    undated = [row.replace("04/01/2016", "2016-01-04") for row in ROWS[:1]]
    with pytest.raises(InputError, match="acled.csv.*no event date"):
        score_acled(_csv(tmp_path, undated), Settings())


def test_a_gold_point_in_our_unit_counts_under_another_name(tmp_path):
    # "Nyanza" is Kenya's old province; the gold point lies in Kisumu county, the gazetteer's unit
    note = ('"Police fired tear gas to disperse hundreds of traders protesting against new market fees in '
            'Kisumu."')
    rows = [f'T6,04/01/2016,Kenya,Nyanza,Kisumu,-0.1022,34.7617,{precision},{note},0\n' for precision in (1, 3)]
    figures = score_acled(_csv(tmp_path, rows), Settings())
    # the point is read only where ACLED gives the town's own point (geo-precision 1 or 2)
    assert (figures["admin1_n"], figures["admin1_accuracy"], figures["admin1_by_name"]) == (2, 0.5, 0.0)
