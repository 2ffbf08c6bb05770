"""The whole pipeline over folders: bad inputs reported not raised, reruns idempotent, batches atomic,
copies set aside."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import wirewatch.pipeline as pipeline
from conftest import BAD_FIXTURES, BINARY_BYTES, FIXTURES, GOOD_FIXTURES
from wirewatch.clean import article_id, clean
from wirewatch.ingest import read_inputs
from wirewatch.ingest.text import split_header
from wirewatch.errors import ResourceError
from wirewatch.models import to_dict
from wirewatch.settings import load_settings
from wirewatch.store import EventFilter, SQLiteStore

GOOD_URLS = {
    "https://sahelcourier.example/senegal/2024/02/10/dakar-tear-gas",
    "https://continentalpress.example/ukraine/2024/08/14/izmail-port-drones",
    "https://easternledger.example/ukraine/2024/04/10/kharkiv-shelling",
    "https://lakewire.example/nigeria/2024/03/05/maiduguri-blast",
    "https://greatlakesnews.example/drc/2024/02/08/goma-protest",
    None,  # the undated Zamfara article has no URL
}


def settings(**overrides):
    """Settings for these tests: the process environment is ignored, and the trained typing model is off
    (these tests are about ingest, storage and reruns; extraction quality is tested in test_extract.py)."""
    return load_settings(None, env={}, overrides={"extract.model": False, **overrides})


def count(store: SQLiteStore, table: str) -> int:
    return store.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def snapshot(store: SQLiteStore) -> dict[str, dict]:
    return {e.id: to_dict(e) for e in store.events(EventFilter())}


@pytest.fixture
def mixed_folder(copy_fixtures):
    folder = copy_fixtures("news", *GOOD_FIXTURES, *BAD_FIXTURES)
    (folder / "blob.txt").write_bytes(BINARY_BYTES)
    return folder


def test_good_articles_stored_and_bad_inputs_reported(mixed_folder, tmp_store, today):
    report = pipeline.run([mixed_folder], tmp_store, settings(), today=today)

    assert report.new == 6
    urls = {r[0] for r in tmp_store.db.execute("SELECT url FROM articles")}
    assert urls == GOOD_URLS
    assert count(tmp_store, "events") >= 1
    assert report.mentions == count(tmp_store, "mentions")

    errors = {(Path(p.source).name, p.line) for p in report.errors}
    assert errors == {("broken.html", None), ("empty.txt", None), ("blob.txt", None),
                      ("wires.jsonl", 2), ("wires.jsonl", 4)}
    for p in report.errors:
        assert Path(p.source).parent == mixed_folder
        assert p.message
    warnings = [p for p in report.problems if p.level == "warning"]
    assert any("zamfara" in p.source and "no publication date" in p.message for p in warnings)

    stored = {(Path(r["source"]).name, r["line"], r["level"])
              for r in tmp_store.db.execute("SELECT source, line, level FROM problems")}
    assert {(name, line, "error") for name, line in errors} <= stored
    run = tmp_store.db.execute("SELECT articles_new, problems, finished_at FROM runs").fetchone()
    assert run["articles_new"] == 6 and run["problems"] == len(report.problems) and run["finished_at"]


def test_articles_keep_their_metadata(mixed_folder, tmp_store, today):
    pipeline.run([mixed_folder], tmp_store, settings(), today=today)
    row = tmp_store.db.execute("SELECT outlet, title, published, ingested FROM articles WHERE url LIKE "
                               "'%kharkiv-shelling'").fetchone()
    assert tuple(row) == ("Eastern Ledger", "Shelling kills two in residential district of Kharkiv",
                          "2024-04-10", today.isoformat())
    row = tmp_store.db.execute("SELECT source, published FROM articles WHERE url LIKE '%goma-protest'").fetchone()
    assert row["source"].endswith("wires.jsonl:3") and row["published"] == "2024-02-08"


def test_only_bad_inputs_give_an_empty_report_not_an_exception(copy_fixtures, tmp_store, today):
    folder = copy_fixtures("bad", *BAD_FIXTURES)
    report = pipeline.run([folder], tmp_store, settings(), today=today)
    assert report.new == 0 and len(report.errors) == 2
    assert count(tmp_store, "articles") == 0


def test_second_run_stores_nothing_new(mixed_folder, tmp_store, today):
    first = pipeline.run([mixed_folder], tmp_store, settings(), today=today)
    before = snapshot(tmp_store), count(tmp_store, "articles"), count(tmp_store, "mentions")

    second = pipeline.run([mixed_folder], tmp_store, settings(), today=today)

    assert first.new == 6
    assert second.new == 0
    assert second.unchanged == 6
    assert second.mentions == 0 and second.duplicates == 0
    assert second.events_changed == set()
    assert (snapshot(tmp_store), count(tmp_store, "articles"), count(tmp_store, "mentions")) == before
    assert len(second.errors) == len(first.errors)      # bad inputs are reported again
    assert count(tmp_store, "runs") == 2


def test_progress_is_called_for_every_input(mixed_folder, tmp_store, today):
    seen: list[str] = []
    pipeline.run([mixed_folder], tmp_store, settings(), today=today, progress=seen.append)
    names = {Path(re.sub(r":\d+$", "", s)).name for s in seen}
    assert names == set(GOOD_FIXTURES) | set(BAD_FIXTURES) | {"blob.txt"}
    assert len(seen) == len(GOOD_FIXTURES) + len(BAD_FIXTURES) + 1 + 3   # wires.jsonl: four records


# --- batches --------------------------------------------------------------------------------------

ORDERED = ("dakar-protest.html", "kharkiv-shelling.txt", "zamfara-abduction-undated.txt")


def test_failed_batch_keeps_earlier_batches_and_rerun_finishes(copy_fixtures, tmp_path, monkeypatch, today):
    folder = copy_fixtures("batches", *ORDERED)
    cfg = settings(**{"store.batch_size": 1})

    # The state a run without failure reaches, for comparison.
    clean_store = SQLiteStore(tmp_path / "clean.db")
    pipeline.run([folder], clean_store, cfg, today=today)
    expected = snapshot(clean_store), count(clean_store, "articles"), count(clean_store, "mentions")
    clean_store.close()

    store = SQLiteStore(tmp_path / "failing.db")
    real_fuse = pipeline.fuse
    calls = {"n": 0}

    def failing_fuse(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("disk full, say")
        return real_fuse(*args, **kwargs)

    monkeypatch.setattr(pipeline, "fuse", failing_fuse)
    with pytest.raises(RuntimeError, match="disk full"):
        pipeline.run([folder], store, cfg, today=today)

    # The first batch (dakar) is committed; the second (kharkiv) left nothing behind.
    stored = {r[0] for r in store.db.execute("SELECT url FROM articles")}
    assert stored == {"https://sahelcourier.example/senegal/2024/02/10/dakar-tear-gas"}
    (raw,) = list(read_inputs([folder / "kharkiv-shelling.txt"]))
    kharkiv_id = clean(raw, today)[0].id
    assert store.db.execute("SELECT count(*) FROM mentions WHERE article_id=?", (kharkiv_id,)).fetchone()[0] == 0
    assert all(s.article_id != kharkiv_id for e in store.events(EventFilter()) for s in e.sources)
    assert count(store, "mentions") == store.db.execute(
        "SELECT count(*) FROM mentions m JOIN articles a ON a.id = m.article_id").fetchone()[0]

    monkeypatch.setattr(pipeline, "fuse", real_fuse)
    rerun = pipeline.run([folder], store, cfg, today=today)
    assert rerun.unchanged == 1 and rerun.new == 2
    assert (snapshot(store), count(store, "articles"), count(store, "mentions")) == expected
    store.close()


def test_rolled_back_article_leaves_no_mentions_or_events(copy_fixtures, tmp_store, monkeypatch, today):
    folder = copy_fixtures("one", "kharkiv-shelling.txt")
    real_fuse = pipeline.fuse

    def fuse_then_fail(*args, **kwargs):
        real_fuse(*args, **kwargs)          # writes events and mentions inside the transaction ...
        raise RuntimeError("crash after writing")

    monkeypatch.setattr(pipeline, "fuse", fuse_then_fail)
    with pytest.raises(RuntimeError):
        pipeline.run([folder], tmp_store, settings(), today=today)
    for table in ("articles", "events", "mentions", "duplicates", "problems"):
        assert count(tmp_store, table) == 0, table


# --- copies ---------------------------------------------------------------------------------------

ORIGINAL = FIXTURES / "izmail-port-drones.txt"
MIRROR_URL = "https://danubepost.example/2024/08/14/izmail-drone-attack"
ORIGINAL_URL = "https://continentalpress.example/ukraine/2024/08/14/izmail-port-drones"


def mirror_text(extra: str = "Local officials said schools in Izmail would stay closed on Thursday.") -> str:
    text = ORIGINAL.read_text(encoding="utf-8")
    text = text.replace("Outlet: Continental Press", "Outlet: Danube Morning Post").replace(ORIGINAL_URL, MIRROR_URL)
    return text.rstrip("\n") + (f"\n\n{extra}\n" if extra else "\n")


def _ids(store: SQLiteStore) -> tuple[str, str]:
    original = store.db.execute("SELECT id FROM articles WHERE url=?", (ORIGINAL_URL,)).fetchone()[0]
    _, body = split_header(mirror_text())
    return original, article_id(body.strip())


def test_near_duplicate_in_same_run_is_recorded_not_extracted(copy_fixtures, tmp_store, today):
    folder = copy_fixtures("copies", "izmail-port-drones.txt")
    (folder / "zz-izmail-mirror.txt").write_text(mirror_text(), encoding="utf-8")

    report = pipeline.run([folder], tmp_store, settings(), today=today)

    assert report.new == 1 and report.duplicates == 1
    original_id, mirror_id = _ids(tmp_store)
    assert original_id != mirror_id
    row = tmp_store.db.execute("SELECT article_id, duplicate_of, kind, url, outlet FROM duplicates").fetchone()
    assert tuple(row) == (mirror_id, original_id, "near", MIRROR_URL, "Danube Morning Post")
    assert count(tmp_store, "articles") == 1
    assert tmp_store.db.execute("SELECT count(*) FROM mentions WHERE article_id=?", (mirror_id,)).fetchone()[0] == 0
    for event in tmp_store.events(EventFilter()):
        assert all(s.article_id == original_id for s in event.sources)


def test_near_duplicate_in_later_run_is_recorded_and_rerun_is_stable(copy_fixtures, write, tmp_store, today):
    folder = copy_fixtures("first", "izmail-port-drones.txt")
    pipeline.run([folder], tmp_store, settings(), today=today)
    before = snapshot(tmp_store), count(tmp_store, "mentions")

    mirror = write("second/mirror.txt", mirror_text())
    report = pipeline.run([mirror], tmp_store, settings(), today=today)
    assert report.duplicates == 1 and report.new == 0
    assert (snapshot(tmp_store), count(tmp_store, "mentions")) == before

    again = pipeline.run([mirror], tmp_store, settings(), today=today)
    assert again.unchanged == 1 and again.duplicates == 0
    assert count(tmp_store, "duplicates") == 1


def test_exact_copy_under_another_url_is_an_exact_duplicate(copy_fixtures, tmp_store, today):
    folder = copy_fixtures("exact", "izmail-port-drones.txt")
    (folder / "zz-mirror.txt").write_text(mirror_text(extra=""), encoding="utf-8")
    report = pipeline.run([folder], tmp_store, settings(), today=today)
    assert report.duplicates == 1
    (kind,) = tmp_store.db.execute("SELECT kind FROM duplicates").fetchone()
    assert kind == "exact"


def test_different_story_is_not_a_duplicate(copy_fixtures, tmp_store, today):
    folder = copy_fixtures("different", "izmail-port-drones.txt", "kharkiv-shelling.txt")
    report = pipeline.run([folder], tmp_store, settings(), today=today)
    assert report.new == 2 and report.duplicates == 0


def test_copy_of_a_stored_article_is_not_extracted(copy_fixtures, write, tmp_store, today, monkeypatch):
    pipeline.run([copy_fixtures("first", "izmail-port-drones.txt")], tmp_store, settings(), today=today)
    seen: list[str] = []
    real_extract = pipeline.extract_steps

    def spy(article, *args, **kwargs):
        seen.append(article.url)
        return real_extract(article, *args, **kwargs)

    monkeypatch.setattr(pipeline, "extract_steps", spy)
    pipeline.run([write("second/mirror.txt", mirror_text())], tmp_store, settings(), today=today)
    assert MIRROR_URL not in seen


# --- records that are data from elsewhere ---------------------------------------------------------


@pytest.mark.parametrize("record", [
    pytest.param({"text": "Gunmen attacked a bus near Kano on Monday, police said.", "title": ["x"]},
                 id="list-title"),
    pytest.param({"text": "Gunmen attacked a bus near Kano on Monday, police said.", "published": 20240301},
                 id="numeric-published"),
])
def test_jsonl_record_with_wrong_field_types_does_not_stop_the_run(write, tmp_store, today, record):
    good = {"text": "Police fired tear gas at protesters in Dakar on Friday, witnesses said.",
            "url": "https://example.org/dakar", "published": "2024-02-10"}
    path = write("feed.jsonl", json.dumps(record) + "\n" + json.dumps(good) + "\n")
    report = pipeline.run([path], tmp_store, settings(), today=today)
    assert report.new >= 1
    assert any(p.line == 1 for p in report.problems)


def test_default_settings_run_stores_the_articles(copy_fixtures, tmp_store, today):
    """The shipped defaults (typing model on) over two articles."""
    folder = copy_fixtures("defaults", "kharkiv-shelling.txt", "dakar-protest.html")
    try:
        report = pipeline.run([folder], tmp_store, today=today)
    except ResourceError as err:
        pytest.skip(f"typing model resources not installed here: {err}")
    assert report.new == 2 and report.errors == []


def test_an_unexpected_failure_on_one_article_is_reported_and_the_rest_stored(mixed_folder, tmp_store, today,
                                                                              monkeypatch):
    real = pipeline.extract_steps

    def flaky(article, *args, **kwargs):
        if "Izmail" in article.text:
            raise ValueError("boom")
        return (yield from real(article, *args, **kwargs))

    monkeypatch.setattr(pipeline, "extract_steps", flaky)
    report = pipeline.run([mixed_folder], tmp_store, settings(), today=today)
    failed = [p for p in report.errors if "boom" in p.message]
    assert len(failed) == 1 and failed[0].source.endswith("izmail-port-drones.txt")
    assert report.new == len(GOOD_URLS) - 1


def test_placeless_mentions_are_reported_not_counted(write, tmp_store, today):
    path = write("x.txt", "Title: t\nPublished: 2024-05-02\n\nUnknown attackers torched a warehouse on Tuesday night, "
                          "a witness said, and nobody has said where it stood or who owned it.")
    report = pipeline.run([path], tmp_store, settings(), today=today)
    assert report.mentions == count(tmp_store, "mentions")
    assert any("no place" in p.message for p in report.problems) or report.mentions > 0


@pytest.mark.parametrize("model, threads, calls", [(True, 2, [2]), (False, 1, [])])
def test_warm_up_loads_the_typing_model_only_when_it_is_on(monkeypatch, model, threads, calls):
    seen = []

    class Model:
        def probabilities(self, sentences, threads):
            seen.append(threads)

    monkeypatch.setattr(pipeline, "load_typing_model", Model)
    pipeline.warm_up(settings(**{"extract.model": model, "extract.model_threads": threads}))
    assert seen == calls


def test_a_model_failure_on_one_article_of_a_chunk_fails_only_that_article(monkeypatch, today):
    from datetime import date

    import numpy as np

    from wirewatch.extract.model import load_typing_model
    from wirewatch.models import RawDocument

    real = load_typing_model()

    class Fussy:
        labels = real.labels

        def probabilities(self, sentences, threads):
            if any("Kherson" in s for s in sentences):
                raise RuntimeError("model failed on this batch")
            return np.asarray(real.probabilities(sentences, threads))

    monkeypatch.setattr(pipeline, "load_typing_model", Fussy)
    monkeypatch.setattr("wirewatch.extract.load_typing_model", Fussy)
    texts = ["Russian artillery shelled Kherson on Monday, the regional governor said. Two homes burned down.",
             "Police fired tear gas at protesters in Nairobi on Tuesday, witnesses said. Shops stayed shut."]
    on = settings(**{"extract.model": True})
    prepared = [pipeline.prepare(RawDocument(f"doc{i}.txt", t, "text", published=date(2024, 3, 12)), today,
                                 on, analysed=False) for i, t in enumerate(texts)]
    bad, good = pipeline.analyse_chunk(prepared, on)
    assert isinstance(bad.analysis, pipeline.Problem) and "model failed" in bad.analysis.message
    assert not isinstance(good.analysis, pipeline.Problem) and good.analysis.mentions
