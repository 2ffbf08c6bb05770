"""A report sent in capital letters is read in ordinary case, offsets unmoved, and says so."""

from __future__ import annotations

from wirewatch import pipeline
from wirewatch.clean.casing import reading_case, recase
from wirewatch.settings import load_settings
from wirewatch.store import EventFilter, SQLiteStore

HEADER = ("Title: Gunmen kill four at police post in Katsina\nOutlet: Savanna Wire\n"
          "URL: https://savannawire.example/2024/09/17/katsina-post\nPublished: 2024-09-17\n\n")
BODY = ("KATSINA, Nigeria (Savanna Wire) — Gunmen on motorcycles attacked a police post in the town of Funtua "
        "in Katsina state on Monday, killing three officers and a civilian, police said.\n\n"
        "\"They came in large numbers and burnt two patrol vehicles,\" a police spokesman told reporters in "
        "Katsina on Tuesday. No group has claimed the attack.")


def test_a_paragraph_in_capitals_reads_as_ordinary_text():
    shout = "GUNMEN ATTACKED A POLICE POST IN FUNTUA ON MAY 5, KILLING THREE OFFICERS, THE POLICE SAID."
    read = reading_case(shout)
    assert len(read) == len(shout)
    assert read == "Gunmen attacked a police post in Funtua on May 5, killing three officers, the police said."


def test_acronyms_stay_in_capitals_and_the_dateline_town_too():
    text, n = recase("MAIDUGURI, NIGERIA — ISWAP FIGHTERS RAIDED A MILITARY BASE NEAR THE TOWN OF MONGUNO ON "
                     "SATURDAY, THE ARMY SAID.")
    assert n == 1
    assert text.startswith("MAIDUGURI, Nigeria — ISWAP fighters raided a military base near the town of Monguno")


def test_ordinary_text_and_a_shouted_headline_are_left_alone():
    text = "BREAKING: BLAST IN KANO\n\n" + BODY
    assert recase(text) == (text, 0)


def _events(folder, tmp_path, name):
    store = SQLiteStore(tmp_path / f"{name}.db")
    try:
        report = pipeline.run([folder], store, load_settings(None, env={}, overrides={"extract.model": False}))
        found = {(e.sub_event_type, e.place.name, e.place.country, e.date.start, e.fatalities and e.fatalities.best,
                  e.actor2 and e.actor2.name, e.claim_status) for e in store.events(EventFilter())}
        return found, [p.message for p in report.problems if p.level == "warning"]
    finally:
        store.close()


def test_a_report_in_capitals_gives_the_events_of_the_same_report_in_ordinary_case(tmp_path):
    plain, shouted = tmp_path / "plain", tmp_path / "shouted"
    plain.mkdir(), shouted.mkdir()
    (plain / "a.txt").write_text(HEADER + BODY, encoding="utf-8")
    (shouted / "a.txt").write_text(HEADER + BODY.upper(), encoding="utf-8")
    expected, warned = _events(plain, tmp_path, "plain")
    found, warnings = _events(shouted, tmp_path, "shouted")
    assert expected and found == expected
    assert not any("capital letters" in w for w in warned)
    assert any("capital letters" in w for w in warnings)
