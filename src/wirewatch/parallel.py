"""Prepare articles on a Dask cluster while this process stays the only writer.

Cleaning, extraction and resolution need no store (pipeline.prepare), so they run on the workers, a
chunk of articles per task: a task costs about 2.5 ms of Dask overhead, an article 15 to 70 ms of work.
Each chunk goes out twice: to be cleaned and fingerprinted, then, once this process has checked which
of its articles are already stored or copies of stored ones, to have the others extracted and resolved
(a rerun over stored files costs cleaning only, as in a serial run). Results come back in input order
and go through the same writer as a serial run (dedup, store, fuse, one transaction per batch), which
is why a parallel run stores the same events as a serial one.

    with dask_preparer(workers=2) as prepare_all:        # or scheduler="tcp://host:8786"
        for item in prepare_all(items, today, settings): ...
"""

from __future__ import annotations

import logging
from collections import deque
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from itertools import islice
from typing import Callable, Iterable, Iterator

from .errors import ConfigError, InputError, ResourceError, WirewatchError
from .models import RawDocument
from .pipeline import CHUNK_SIZE, Item, Prepared, Problem, analyse_chunk, prepare, warm_up
from .settings import Settings

try:
    from distributed import Client, LocalCluster, wait
    from distributed.diagnostics.plugin import WorkerPlugin
except ImportError:  # the serial pipeline works without Dask; dask_preparer says what to install
    Client = LocalCluster = wait = None
    WorkerPlugin = object

__all__ = ["CHUNK_SIZE", "DaskPreparer", "WarmCaches", "analyse_chunk", "dask_preparer", "for_workers",
           "local_cluster", "prepare_chunk"]

IN_FLIGHT_PER_THREAD = 2    # chunks queued per worker thread: one running, one ready while the writer writes
CONNECT_TIMEOUT = 10        # seconds to wait for a scheduler before giving up on its address


def prepare_chunk(docs: list[RawDocument], today: date, settings: Settings) -> list[Prepared | Problem]:
    """Clean and fingerprint a chunk of documents on a worker, in order; analysis comes in a second task."""
    return [prepare(doc, today, settings, analysed=False) for doc in docs]


def analyses(items: list[Prepared], settings: Settings) -> list:
    """The analyses of a chunk (pipeline.analyse_chunk), without the articles: the writer holds those already,
    so only what it lacks travels back."""
    return [item.analysis for item in analyse_chunk(items, settings)]


class WarmCaches(WorkerPlugin):
    """Loads the gazetteer, the language identifier and the typing model once per worker process, before its
    first chunk (pipeline.warm_up), with the workers' settings."""

    name = "wirewatch-caches"

    def __init__(self, settings: Settings) -> None:
        self.settings = for_workers(settings)

    def setup(self, worker) -> None:
        """Load what every chunk needs; a missing resource is left for the articles to report."""
        try:
            warm_up(self.settings)
        except WirewatchError:
            pass  # each article then fails with the same message as in a serial run


def for_workers(settings: Settings) -> Settings:
    """The settings a worker runs with: one thread for the typing model's embedder (the default; a serial run
    may be set to two), as a worker has one core.

    Two ONNX threads per worker on a core each spin-wait for the other: twice the CPU time, measured.
    """
    return replace(settings, extract=replace(settings.extract, model_threads=1))


class _Chunk:
    """One chunk on its way: cleaned on a worker, screened here, analysed on a worker."""

    def __init__(self, items: list, cleaning) -> None:
        self.items = items                  # the inputs as read, in order
        self.cleaning = cleaning            # future of prepare_chunk; None once its results are in
        self.prepared: list | None = None   # prepare_chunk's results, then with analyses filled in
        self.todo: list[int] = []           # positions in `prepared` sent for analysis
        self.analysing = None               # future of analyse_chunk, None when nothing needed it

    @property
    def docs(self) -> list[RawDocument]:
        return [item for item in self.items if isinstance(item, RawDocument)]

    def ready(self) -> bool:
        return self.prepared is not None and (self.analysing is None or self.analysing.done())


class DaskPreparer:
    """Prepares inputs on a Dask cluster, chunk by chunk, and hands them back in input order."""

    def __init__(self, client: "Client", chunk_size: int = CHUNK_SIZE, in_flight: int | None = None) -> None:
        self.client = client
        self.chunk_size = chunk_size
        threads = sum(w.get("nthreads", 1) for w in client.scheduler_info()["workers"].values())
        self.in_flight = in_flight or max(2, IN_FLIGHT_PER_THREAD * threads)

    def __call__(self, items: Iterable[RawDocument | InputError], today: date, settings: Settings,
                 worth_analysing: Callable[[Prepared], bool] = lambda item: True) -> Iterator[Item]:
        """Prepared inputs (InputErrors passed through) in input order.

        Args:
            worth_analysing: False for an article the writer will set aside anyway (one already stored,
                or a copy of one): it is not extracted. A wrong True costs time, never a result.

        Raises:
            ResourceError: the workers cannot load wirewatch (raised here, before any input is read).
        """
        try:
            self.client.register_plugin(WarmCaches(settings))
        except Exception as err:  # raised on the worker: an import or unpickling failure, most likely
            raise ResourceError(f"the Dask workers could not load wirewatch ({type(err).__name__}: {err})",
                                hint="install the same version of wirewatch on every worker") from None
        return self._stream(iter(items), today, for_workers(settings), worth_analysing)

    def _stream(self, items: Iterator, today: date, settings: Settings,
                worth_analysing: Callable[[Prepared], bool]) -> Iterator[Item]:
        """Submit chunks, at most `in_flight` out at once so memory stays flat, and yield results in order."""
        pending: deque[_Chunk] = deque()
        while batch := list(islice(items, self.chunk_size)):
            docs = [item for item in batch if isinstance(item, RawDocument)]
            # pure=False: two chunks with equal contents are still two tasks, and hashing them would cost time
            pending.append(_Chunk(batch, self.client.submit(prepare_chunk, docs, today, settings, pure=False)))
            if len(pending) >= self.in_flight:
                yield from self._finish(pending, settings, worth_analysing)
        while pending:
            yield from self._finish(pending, settings, worth_analysing)

    def _finish(self, pending: deque[_Chunk], settings: Settings,
                worth_analysing: Callable[[Prepared], bool]) -> Iterator[Item]:
        """Wait for the first chunk, keeping the others moving, then yield its items in input order."""
        head = pending[0]
        while True:
            # Screened in input order, so that the screen's memory of recent articles sees originals first.
            cleaning = next((c for c in pending if c.cleaning is not None), None)
            if cleaning is not None and cleaning.cleaning.done():
                self._screen(cleaning, settings, worth_analysing)
                continue
            if head.ready():
                break
            waiting = [f for f in (cleaning and cleaning.cleaning, head.analysing) if f is not None]
            wait(waiting, return_when="FIRST_COMPLETED")
        pending.popleft()
        yield from _results(head)

    def _screen(self, chunk: _Chunk, settings: Settings, worth_analysing: Callable[[Prepared], bool]) -> None:
        """Take a chunk's cleaned articles and send the ones worth analysing back to the workers."""
        chunk.prepared = _outcome(chunk.cleaning, chunk.docs)
        chunk.cleaning = None
        chunk.todo = [i for i, item in enumerate(chunk.prepared)
                      if isinstance(item, Prepared) and worth_analysing(item)]
        if chunk.todo:
            chunk.analysing = self.client.submit(analyses, [chunk.prepared[i] for i in chunk.todo], settings,
                                                 pure=False)


def _outcome(future, docs: list[RawDocument]) -> list[Prepared | Problem]:
    """A chunk's cleaned documents; when the task was lost, one error per document."""
    try:
        return future.result()
    except Exception as err:  # a worker that died (KilledWorker) or a result that could not travel back
        return [_lost(doc.source, doc.line, err, len(docs)) for doc in docs]


def _results(chunk: _Chunk) -> Iterator[Item]:
    """A finished chunk's items in input order, analyses in place; a lost analysis is an error per article."""
    prepared = chunk.prepared
    if chunk.analysing is not None:
        try:
            for i, analysis in zip(chunk.todo, chunk.analysing.result()):
                prepared[i] = replace(prepared[i], analysis=analysis)
        except Exception as err:  # as in _outcome; a copy among them is still set aside by the writer
            for i in chunk.todo:
                item = prepared[i]
                prepared[i] = replace(item, analysis=_lost(item.source, item.line, err, len(chunk.todo)))
    results = iter(prepared)
    for item in chunk.items:
        yield item if isinstance(item, InputError) else next(results)


def _lost(source: str, line: int | None, err: Exception, size: int) -> Problem:
    return Problem("error", source, f"was lost with its chunk of {size} articles on a Dask worker "
                                    f"({type(err).__name__}: {err})", line,
                   "run again: stored articles are skipped; if the chunk fails again, run it without "
                   "--workers to find the article that breaks it")


@contextmanager
def dask_preparer(workers: int = 0, scheduler: str | None = None,
                  chunk_size: int | None = None) -> Iterator[DaskPreparer]:
    """A DaskPreparer on the cluster at `scheduler`, or on a local cluster of `workers` processes that is
    stopped on exit.

    Raises:
        ConfigError: both or neither of workers and scheduler, or no scheduler answering at the address.
        ResourceError: Dask is not installed, or the workers cannot load wirewatch.
    """
    if Client is None:
        raise ResourceError("a parallel run needs Dask, which is not installed",
                            hint="pip install 'dask[distributed]'")
    if bool(workers) == bool(scheduler) or workers < 0:
        raise ConfigError("workers/scheduler", f"got workers={workers!r} and scheduler={scheduler!r}; give a "
                                               "number of local worker processes or a scheduler address, not both")
    with _client(workers, scheduler) as client:
        yield DaskPreparer(client, chunk_size or CHUNK_SIZE)


@contextmanager
def _client(workers: int, scheduler: str | None) -> Iterator["Client"]:
    """A client on the scheduler at the address, or on a local cluster started (and stopped) here."""
    if scheduler:
        try:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError, ValueError) as err:
            raise ConfigError(f"scheduler {scheduler}", f"no Dask scheduler answered ({type(err).__name__}: {err})",
                              hint="start one with `dask scheduler` and give its tcp://host:8786 address, "
                                   "or use --workers N for a cluster on this machine") from None
        with client:
            yield client
        return
    with local_cluster(workers) as cluster, Client(cluster) as client:
        yield client


def local_cluster(workers: int) -> "LocalCluster":
    """A Dask cluster of `workers` single-threaded processes on this machine, without the profiler.

    One thread per process: the stages are Python, so threads in one process would queue on the GIL. Dask's
    statistical profiler samples each worker's stack every 10 ms for a dashboard this cluster does not serve.
    """
    import dask
    with dask.config.set({"distributed.worker.profile.enabled": False}):   # read by each worker as it starts
        return LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                            silence_logs=logging.ERROR)
