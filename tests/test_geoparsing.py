"""Geoparsing scoring: reading the three XML shapes, realigning offsets, span and resolution figures."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from wirewatch.errors import InputError
from wirewatch.evaluate.geoparsing import geoparse, read_geoparsing, score_geoparsing, score_set
from wirewatch.serve.cli import app

TEXT = "Shelling hit Kharkiv on Monday, and a drone fell near Belgorod, officials in Kyiv said."

# LGL/TR-News shape: <toponyms><toponym><phrase>, coordinates inside <gaztag>.
LGL_SHAPE = f"""<?xml version="1.0" encoding="utf-8"?>
<articles><article docid="1"><text><![CDATA[{TEXT}]]></text><toponyms>
<toponym><start>13</start><end>20</end><phrase>Kharkiv</phrase>
  <gaztag geonameid="706483"><lat>49.98</lat><lon>36.25</lon></gaztag></toponym>
<toponym><start>54</start><end>62</end><phrase>Belgorod</phrase>
  <gaztag geonameid="578072"><lat>50.61</lat><lon>36.58</lon></gaztag></toponym>
<toponym><start>77</start><end>81</end><phrase>Kyiv</phrase></toponym>
</toponyms></article></articles>"""

# GeoVirus shape: <locations><location><name>, offsets one character late as in the published file.
GEOVIRUS_SHAPE = f"""<articles><article><source>x</source><text>{TEXT}</text><locations>
<location><name>Kharkiv</name><start>14</start><end>21</end><lat>49.98</lat><lon>36.25</lon></location>
<location><name>Lviv</name><start>3</start><end>7</end><lat>49.84</lat><lon>24.03</lon></location>
</locations></article></articles>"""


def _write(folder: Path, name: str, body: str) -> Path:
    path = folder / name
    path.write_text(body, encoding="utf-8")
    return path


def test_reads_lgl_shape_with_and_without_points(tmp_path):
    (doc,) = read_geoparsing(_write(tmp_path, "lgl.xml", LGL_SHAPE))
    assert [(t.name, doc.text[t.start:t.end]) for t in doc.toponyms] == [
        ("Kharkiv", "Kharkiv"), ("Belgorod", "Belgorod"), ("Kyiv", "Kyiv")]
    assert doc.toponyms[0].latitude == pytest.approx(49.98)
    assert doc.toponyms[2].latitude is None


def test_geovirus_offsets_are_realigned_and_unfindable_names_counted(tmp_path):
    (doc,) = read_geoparsing(_write(tmp_path, "GeoVirus.xml", GEOVIRUS_SHAPE))
    (kharkiv,) = doc.toponyms
    assert (kharkiv.start, kharkiv.end) == (13, 20)
    assert doc.unaligned == 1  # "Lviv" is not in the text


def test_geoparse_spans_index_the_text(gazetteer):
    found = geoparse(TEXT, gazetteer)
    assert [TEXT[s:e] for s, e, _ in found] == ["Kharkiv", "Belgorod", "Kyiv"]
    assert all(place.iso in {"UKR", "RUS"} for _, _, place in found)


def test_score_set_counts_spans_and_km(tmp_path, gazetteer):
    docs = read_geoparsing(_write(tmp_path, "lgl.xml", LGL_SHAPE))
    figures = score_set(docs, gazetteer)
    assert (figures["gold_toponyms"], figures["predicted"]) == (3, 3)
    assert figures["span_f1"] == 1.0
    assert figures["resolved_n"] == 2  # Kyiv has no gold point
    assert figures["accuracy_161km"] == 1.0
    assert figures["median_km"] < 25


def test_score_set_penalises_a_far_point(tmp_path, gazetteer):
    far = LGL_SHAPE.replace("<lat>49.98</lat><lon>36.25</lon>", "<lat>10.0</lat><lon>-70.0</lon>")
    figures = score_set(read_geoparsing(_write(tmp_path, "lgl.xml", far)), gazetteer)
    assert figures["accuracy_161km"] == 0.5


def test_missing_sets_are_named_and_skipped(tmp_path):
    _write(tmp_path, "lgl.xml", LGL_SHAPE)
    figures, skipped = score_geoparsing(tmp_path)
    assert list(figures) == ["lgl"]
    assert any("TR-News.xml" in m for m in skipped) and any("GeoVirus.xml" in m for m in skipped)


@pytest.mark.parametrize("body", ["<articles><article>", "<articles></articles>"])
def test_bad_file_names_the_file(tmp_path, body):
    path = _write(tmp_path, "TR-News.xml", body)
    with pytest.raises(InputError, match="TR-News.xml"):
        read_geoparsing(path)


def test_cli_geoparsing_json(tmp_path):
    _write(tmp_path, "lgl.xml", LGL_SHAPE)
    result = CliRunner().invoke(app, ["evaluate", "--geoparsing", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    assert '"span_f1": 1.0' in result.output
