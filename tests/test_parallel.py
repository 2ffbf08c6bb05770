"""A parallel run on Dask stores what a serial run stores; chunks come back in order, a lost chunk is
reported per article, bad addresses are refused with a clear error.

One local cluster of two worker processes serves the whole module: starting one costs seconds.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

import wirewatch.pipeline as pipeline
from conftest import BAD_FIXTURES, BINARY_BYTES, GOOD_FIXTURES
from wirewatch import parallel
from wirewatch.errors import ConfigError, InputError
from wirewatch.models import RawDocument, to_dict
from wirewatch.serve.cli import demo_articles
from wirewatch.settings import load_settings
from wirewatch.store import EventFilter, SQLiteStore

distributed = pytest.importorskip("distributed", reason="the parallel run needs dask[distributed]")


@pytest.fixture(scope="module")
def scheduler():
    """The address of a local cluster of two single-threaded worker processes."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  silence_logs=logging.ERROR) as cluster:
        yield cluster.scheduler_address


def stored(store: SQLiteStore) -> dict:
    """Everything a run leaves in the store that a reader sees, in a comparable form."""
    rows = lambda sql: sorted(tuple(r) for r in store.db.execute(sql))  # noqa: E731
    return {
        "events": {e.id: to_dict(e) for e in store.events(EventFilter())},
        "articles": rows("SELECT id, url, outlet, title, published, source FROM articles"),
        "duplicates": rows("SELECT article_id, duplicate_of, kind, url, outlet, source FROM duplicates"),
        "mentions": rows("SELECT article_id, event_id FROM mentions"),
        "problems": [tuple(r) for r in store.db.execute("SELECT source, line, level, message FROM problems "
                                                        "ORDER BY rowid")],
    }


def both_ways(paths, tmp_path: Path, settings, today, scheduler: str):
    """Run serially and on the cluster into two fresh stores; (report, stored, progress) for each."""
    results = []
    for name, options in (("serial", {}), ("parallel", {"scheduler": scheduler})):
        store, seen = SQLiteStore(tmp_path / f"{name}.db"), []
        report = pipeline.run(paths, store, settings, today=today, progress=seen.append, **options)
        results.append((report, stored(store), seen))
        store.close()
    return results


def test_demo_corpus_gives_the_same_events_in_parallel(scheduler, tmp_path, monkeypatch, today):
    # Chunks of 7 against batches of 25: chunk and transaction boundaries fall in different places.
    monkeypatch.setattr(parallel, "CHUNK_SIZE", 7)
    # Typing model off to keep this test quick: benchmarks/parallel.py compares runs with it on.
    settings = load_settings(None, env={}, overrides={"extract.model": False})
    (serial, serial_db, serial_seen), (par, par_db, par_seen) = both_ways([demo_articles()], tmp_path, settings,
                                                                         today, scheduler)
    assert serial_db["events"] and serial_db["duplicates"]   # something to compare
    assert par_db == serial_db
    assert (par.read, par.new, par.unchanged, par.duplicates, par.mentions) == \
           (serial.read, serial.new, serial.unchanged, serial.duplicates, serial.mentions)
    assert par.events_changed == serial.events_changed and par.problems == serial.problems
    assert par_seen == serial_seen


def test_bad_inputs_are_reported_in_parallel_as_in_a_serial_run(scheduler, copy_fixtures, tmp_path, monkeypatch,
                                                                today):
    monkeypatch.setattr(parallel, "CHUNK_SIZE", 3)
    folder = copy_fixtures("mixed", *GOOD_FIXTURES, *BAD_FIXTURES)
    (folder / "blob.txt").write_bytes(BINARY_BYTES)
    settings = load_settings(None, env={}, overrides={"extract.model": False})
    (serial, serial_db, _), (par, par_db, _) = both_ways([folder], tmp_path, settings, today, scheduler)
    errors = {(Path(p.source).name, p.line) for p in par.errors}
    assert errors == {("broken.html", None), ("empty.txt", None), ("blob.txt", None),
                      ("wires.jsonl", 2), ("wires.jsonl", 4)}
    assert par.problems == serial.problems and par_db == serial_db and par.new == serial.new == 6


def test_rerun_in_parallel_stores_nothing_new(scheduler, copy_fixtures, tmp_store, today):
    folder = copy_fixtures("rerun", *GOOD_FIXTURES)
    settings = load_settings(None, env={}, overrides={"extract.model": False})
    first = pipeline.run([folder], tmp_store, settings, today=today, scheduler=scheduler)
    second = pipeline.run([folder], tmp_store, settings, today=today, scheduler=scheduler)
    assert first.new == 6 and second.new == 0 and second.unchanged == 6 and second.events_changed == set()


# --- the chunking, without a cluster --------------------------------------------------------------


class InlineClient:
    """Stands in for a Dask client: runs each task at once, here, and counts chunks out at a time."""

    def __init__(self, fail: tuple[str, str] | None = None) -> None:
        self.out = self.most = 0
        self.calls: list[tuple[str, list[str]]] = []   # (task, sources of its items)
        self.fail = fail                               # (task, source): that task dies

    def scheduler_info(self) -> dict:
        return {"workers": {"a": {"nthreads": 1}, "b": {"nthreads": 1}}}

    def register_plugin(self, plugin) -> None:
        self.plugin = plugin

    def submit(self, fn, items, *args, pure: bool = True):
        sources = [item.source for item in items]
        self.calls.append((fn.__name__, sources))
        if fn is parallel.prepare_chunk:
            self.out += 1
            self.most = max(self.most, self.out)
        failed = self.fail is not None and self.fail[0] == fn.__name__ and self.fail[1] in sources
        return DoneFuture(self, fn is parallel.prepare_chunk, RuntimeError("worker died") if failed
                          else fn(items, *args))


class DoneFuture:
    def __init__(self, client: InlineClient, counted: bool, value) -> None:
        self.client, self.counted, self.value = client, counted, value

    def done(self) -> bool:
        return True

    def result(self):
        self.client.out -= self.counted
        if isinstance(self.value, Exception):
            raise self.value
        return self.value


def docs_and_errors(n: int) -> list:
    """n inputs, every fourth one unreadable; doc1 is a copy of doc0."""
    text = "Police fired tear gas at several hundred protesters in {} on Friday, witnesses told reporters."
    towns = ["Dakar", "Dakar", "Thies", "", "Ziguinchor", "Kaolack", "Touba", "", "Mbour", "Rufisque", "Kolda", "",
             "Louga", "Matam", "Kedougou", "", "Fatick", "Tambacounda", "Sedhiou", ""]
    return [InputError(f"bad{i}.txt", "is empty") if i % 4 == 3
            else RawDocument(f"doc{i}.txt", text.format(towns[i]), "text", url=f"https://x.example/{i}")
            for i in range(n)]


def inline_run(client: InlineClient, items: list, today, worth_analysing=lambda item: True, **options) -> list:
    preparer = parallel.DaskPreparer(client, **options)
    settings = load_settings(None, env={}, overrides={"extract.model": False})
    return list(preparer(items, today, settings, worth_analysing))


def test_chunks_come_back_in_input_order_with_few_out_at_once(today):
    client = InlineClient()
    items = docs_and_errors(20)
    out = inline_run(client, items, today, chunk_size=3, in_flight=2)
    assert [item.source for item in out] == [item.source for item in items]
    assert [type(item).__name__ for item in out] == \
           ["InputError" if isinstance(item, InputError) else "Prepared" for item in items]
    assert all(isinstance(item.analysis, pipeline.Analysis) for item in out if isinstance(item, pipeline.Prepared))
    assert [task for task, _ in client.calls].count("prepare_chunk") == 7 and client.most == 2


def test_articles_the_writer_sets_aside_are_not_analysed(today):
    client = InlineClient()
    out = inline_run(client, docs_and_errors(8), today, lambda item: item.source != "doc1.txt", chunk_size=4)
    analysed = [source for task, sources in client.calls if task == "analyses" for source in sources]
    assert analysed == ["doc0.txt", "doc2.txt", "doc4.txt", "doc5.txt", "doc6.txt"]
    assert [item.analysis for item in out if item.source == "doc1.txt"] == [None]   # left to the writer


@pytest.mark.parametrize("task, lost", [("prepare_chunk", ["doc4.txt", "doc5.txt", "doc6.txt"]),
                                        ("analyses", ["doc4.txt", "doc5.txt", "doc6.txt"])])
def test_a_lost_chunk_costs_only_its_articles_each_reported(today, task, lost):
    out = inline_run(InlineClient(fail=(task, "doc5.txt")), docs_and_errors(12), today, chunk_size=4, in_flight=2)
    problems = [item if isinstance(item, pipeline.Problem) else item.analysis for item in out
                if not isinstance(item, InputError)]
    failed = [p for p in problems if isinstance(p, pipeline.Problem)]
    assert [p.source for p in failed] == lost            # doc7 is an InputError, passed through as it was
    assert all("lost with its chunk" in p.message and "worker died" in p.message for p in failed)
    assert sum(isinstance(p, pipeline.Analysis) for p in problems) == 6


def test_an_article_that_breaks_extraction_fails_alone_in_its_chunk(today, monkeypatch):
    real = pipeline.extract_steps

    def flaky(article, *args, **kwargs):
        if article.url.endswith("/2"):
            raise ValueError("boom")
        return (yield from real(article, *args, **kwargs))

    monkeypatch.setattr(pipeline, "extract_steps", flaky)
    settings = load_settings(None, env={}, overrides={"extract.model": False})
    docs = [d for d in docs_and_errors(7) if isinstance(d, RawDocument)]
    out = parallel.analyse_chunk(parallel.prepare_chunk(docs, today, settings), settings)
    failed = [item for item in out if isinstance(item.analysis, pipeline.Problem)]
    assert [item.source for item in failed] == ["doc2.txt"] and "boom" in failed[0].analysis.message
    assert sum(isinstance(item.analysis, pipeline.Analysis) for item in out) == len(docs) - 1


def test_workers_run_the_embedder_on_one_thread_whatever_the_serial_setting():
    settings = load_settings(None, env={"WIREWATCH_EXTRACT_MODEL_THREADS": "2"})
    assert parallel.for_workers(settings).extract.model_threads == 1 < settings.extract.model_threads


def test_workers_warm_up_with_their_own_settings():
    settings = load_settings(None, env={"WIREWATCH_EXTRACT_MODEL_THREADS": "2"})
    plugin = parallel.WarmCaches(settings)
    assert plugin.settings == parallel.for_workers(settings) and plugin.settings.extract.model_threads == 1


@pytest.mark.parametrize("workers, address", [(2, "tcp://127.0.0.1:1"), (0, None), (-1, None)])
def test_workers_and_scheduler_must_be_one_or_the_other(workers, address):
    with pytest.raises(ConfigError, match="not both"):
        with parallel.dask_preparer(workers, address):
            pass


def test_a_scheduler_that_does_not_answer_is_a_config_error(monkeypatch):
    monkeypatch.setattr(parallel, "CONNECT_TIMEOUT", 0.5)
    with pytest.raises(ConfigError, match="tcp://127.0.0.1:9") as info:
        with parallel.dask_preparer(scheduler="tcp://127.0.0.1:9"):
            pass
    assert "dask scheduler" in info.value.hint
