"""The ontology file and its agreement with the lexicons."""

from __future__ import annotations

import csv
from collections import Counter
from importlib import resources

import pytest
import yaml

from wirewatch.errors import ConfigError
from wirewatch.extract import lexicons as lexicons_module
from wirewatch.ontology import load_ontology

DATA = resources.files("wirewatch") / "data"
RAW = yaml.safe_load((DATA / "ontology.yaml").read_text("utf-8"))
ONTOLOGY = load_ontology()

ACLED_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
               "Strategic developments"}
PLOVER_TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


def _tsv(name: str) -> list[dict[str, str]]:
    with (DATA / "lexicons" / name).open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def test_six_event_types():
    assert {t["name"] for t in RAW["event_types"]} == ACLED_TYPES
    assert set(ONTOLOGY.event_type_of.values()) == ACLED_TYPES


def test_twenty_five_sub_event_types_unique():
    names = [s["name"] for t in RAW["event_types"] for s in t["sub_event_types"]]
    assert len(names) == 25
    assert len(set(names)) == 25
    assert len(ONTOLOGY.event_type_of) == 25


@pytest.mark.parametrize("event_type, count", [
    ("Battles", 3), ("Explosions/Remote violence", 6), ("Violence against civilians", 3), ("Protests", 3),
    ("Riots", 2), ("Strategic developments", 8),
])
def test_sub_event_types_per_type(event_type, count):
    assert Counter(ONTOLOGY.event_type_of.values())[event_type] == count


def test_every_sub_event_type_has_definition_and_unique_code():
    codes = [s["code"] for t in RAW["event_types"] for s in t["sub_event_types"]]
    assert len(set(codes)) == 25
    assert all(ONTOLOGY.definitions[name].strip() for name in ONTOLOGY.event_type_of)


def test_eight_actor_kinds_with_inter_one_to_eight():
    assert len(RAW["actor_kinds"]) == 8
    assert sorted(ONTOLOGY.inter_of.values()) == list(range(1, 9))
    assert ONTOLOGY.inter_of["state_forces"] == 1
    assert ONTOLOGY.inter_of["civilians"] == 7


def test_sixteen_plover_event_types():
    assert {p["name"] for p in RAW["plover_event_types"]} == PLOVER_TYPES


@pytest.mark.parametrize("sub_event_type", sorted(ONTOLOGY.event_type_of))
def test_plover_crosswalk_names_a_known_event_and_mode(sub_event_type):
    plover = ONTOLOGY.plover_of[sub_event_type]
    assert plover is not None and "event" in plover
    if plover["event"] is None:
        assert plover.get("mode") is None
        return
    assert plover["event"] in PLOVER_TYPES
    modes = next(p["modes"] for p in RAW["plover_event_types"] if p["name"] == plover["event"])
    assert plover.get("mode") is None or plover["mode"] in modes


@pytest.mark.parametrize("name", sorted({r["sub_event_type"] for r in _tsv("triggers.tsv")}))
def test_trigger_sub_event_types_exist(name):
    assert name in ONTOLOGY.event_type_of


@pytest.mark.parametrize("name", sorted({n for r in _tsv("precedence.tsv")
                                         for n in [r["winner"], *r["losers"].split("|")]}))
def test_precedence_sub_event_types_exist(name):
    assert name in ONTOLOGY.event_type_of


def test_packaged_lexicons_load():
    lex = lexicons_module.load_lexicons()
    assert lex.triggers
    assert {t.sub_event_type for t in lex.triggers} <= set(ONTOLOGY.event_type_of)


def test_check_raises_config_error_naming_the_file():
    assert ONTOLOGY.check("Armed clash", "x.tsv") == "Armed clash"
    with pytest.raises(ConfigError) as info:
        ONTOLOGY.check("Armed clashes", "lexicons/triggers.tsv")
    assert info.value.key == "lexicons/triggers.tsv"
    assert "Armed clashes" in str(info.value)


@pytest.fixture
def fresh_lexicons():
    """load_lexicons with its cache cleared before and after, so a doctored table is read and forgotten."""
    lexicons_module.load_lexicons.cache_clear()
    yield lexicons_module.load_lexicons
    lexicons_module.load_lexicons.cache_clear()


@pytest.mark.parametrize("table, bad_row", [
    ("triggers.tsv", {"sub_event_type": "Armed clashes", "pattern": "fought", "requires": "", "blocks": ""}),
    ("precedence.tsv", {"winner": "Armed clash", "losers": "Peaceful protest|Riot"}),
    ("precedence.tsv", {"winner": "Massacre", "losers": "Attack"}),
])
def test_unknown_sub_event_type_in_lexicon_raises_config_error(monkeypatch, fresh_lexicons, table, bad_row):
    real_rows = lexicons_module._rows

    def doctored(name: str) -> list[dict[str, str]]:
        rows = real_rows(name)
        return rows + [bad_row] if name == table else rows

    monkeypatch.setattr(lexicons_module, "_rows", doctored)
    with pytest.raises(ConfigError) as info:
        fresh_lexicons()
    assert info.value.key == f"lexicons/{table}"
