"""The pipeline: ingest -> clean -> dedup -> extract -> resolve -> fuse -> store, in batches.

Two steps. `prepare` cleans, fingerprints, extracts and resolves one input without touching the store,
so it can run anywhere (here, or on Dask workers: parallel.py). The writer, always in this process,
takes prepared inputs in input order, sets copies aside, stores and fuses the rest, one transaction per
batch. A serial run and a parallel run go through the same writer in the same order: same events.

Each batch is one transaction: a run killed halfway keeps every batch committed before, and a rerun
skips the articles already stored and finishes the job. A bad input is reported with its source and
line and the rest of the batch goes on.
"""

from __future__ import annotations

from collections import defaultdict, deque
from itertools import islice
from contextlib import nullcontext
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Callable, ContextManager, Iterable, Iterator, Union

from .clean import clean
from .clean.language import MIN_WORDS, guess_language
from .errors import InputError
from .extract import extract_steps
from .extract.model import load_typing_model
from .fuse import fuse
from .gazetteer import load_gazetteer
from .ingest import read_inputs
from .ingest.dedup import Fingerprint, fingerprint, similarity
from .models import Article, Mention, RawDocument
from .resolve import resolve_mentions
from .settings import Settings
from .store.base import Store

__all__ = ["CHUNK_SIZE", "Analysis", "Prepared", "Problem", "RunReport", "analyse_chunk", "prepare", "run",
           "run_documents", "warm_up", "with_analysis"]

CHUNK_SIZE = 100   # articles analysed together: the typing model runs on fuller batches (a third less CPU), and
                   # a Dask task has 1-3 s of work for 2.5 ms of overhead, with a short tail at the end of a run


@dataclass(frozen=True)
class Problem:
    """An input that could not be read (error) or was read with a caveat (warning)."""

    level: str
    source: str
    message: str
    line: int | None = None
    hint: str = ""


@dataclass
class RunReport:
    """What a run did."""

    read: int = 0
    new: int = 0
    unchanged: int = 0
    duplicates: int = 0
    mentions: int = 0
    events_changed: set[str] = field(default_factory=set)
    events_merged: set[str] = field(default_factory=set)   # merged into another event: stored no more
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.level == "error"]


@dataclass(frozen=True)
class Analysis:
    """What extraction and resolution made of an article."""

    mentions: list[Mention]     # placed mentions only: the ones stored
    warnings: list[str]


@dataclass(frozen=True)
class Prepared:
    """One input after the steps that need no store."""

    source: str                 # the input's file, as RawDocument.source
    line: int | None
    article: Article
    fingerprint: Fingerprint
    warnings: list[str]         # met while reading and cleaning
    analysis: Analysis | Problem | None = None  # None: left for the writer, which skips it for copies


# What the writer consumes, in input order: an InputError is an input that could not be read at all,
# a Problem one that was read and then refused.
Item = Union[Prepared, Problem, InputError]


def run(paths: Iterable[str | Path], store: Store, settings: Settings | None = None,
        today: date | None = None, progress: Callable[[str], None] | None = None,
        workers: int = 0, scheduler: str | None = None) -> RunReport:
    """Run the whole pipeline over files and folders, storing what is new.

    Args:
        paths: text, HTML and JSONL files, or folders of them.
        store: where articles, mentions and events go.
        settings: the configuration (defaults when None).
        today: the ingestion date, for articles without a publication date.
        progress: called with each input's source name once it is done.
        workers: prepare on a local Dask cluster of this many processes (0: here, serially).
        scheduler: prepare on the Dask cluster at this address ("tcp://host:8786") instead.
    """
    paths = [str(p) for p in paths]
    settings = settings or Settings()
    return run_documents(read_inputs(paths, settings.ingest.max_bytes, settings), store, settings, today, progress,
                         label=paths, workers=workers, scheduler=scheduler)


def run_documents(items: Iterable[RawDocument | Prepared | InputError], store: Store, settings: Settings | None = None,
                  today: date | None = None, progress: Callable[[str], None] | None = None,
                  label: list[str] | None = None, workers: int = 0, scheduler: str | None = None) -> RunReport:
    """Run the pipeline over documents already read (an API request, an archive reader, a test).

    Args:
        items: RawDocuments; InputErrors to report as such; in a serial run, also inputs the caller has
            already prepared (`prepare(..., analysed=False)`), which are not cleaned again.
        label: what the run record names as its inputs.
        workers, scheduler: as for `run`; the store is written from this process either way.

    Raises:
        ConfigError: no Dask scheduler answers at `scheduler`.
        ResourceError: Dask is not installed, or the workers cannot import wirewatch.
    """
    settings = settings or Settings()
    today = today or date.today()
    report = RunReport()
    with _preparer(workers, scheduler) as prepare_all:  # a parallel run starts or joins its cluster here
        stream = prepare_all(items, today, settings, _LooksNew(store, settings))
        run_id = store.start_run(label or ["(documents)"])
        batch: list[Item] = []
        for item in stream:
            batch.append(item)
            if len(batch) >= settings.store.batch_size:
                _write(batch, store, settings, run_id, report, progress)
                batch = []
        if batch:
            _write(batch, store, settings, run_id, report, progress)
    store.finish_run(run_id, {"read": report.read, "new": report.new, "duplicates": report.duplicates,
                              "mentions": report.mentions, "problems": len(report.problems)})
    return report


def prepare(raw: RawDocument, today: date, settings: Settings, analysed: bool = True) -> Prepared | Problem:
    """Clean and fingerprint one input and, when `analysed`, extract and resolve it; no store needed.

    Never raises for a bad or unexpected input: the Problem says which input failed and why.
    """
    try:
        article, warnings = clean(raw, today)
        fp = fingerprint(article.text)
    except InputError as err:
        return Problem("error", err.source, err.reason, err.line, err.hint)
    except Exception as err:  # a bug met on one article must not cost the rest of the run
        return _crash(raw.source, raw.line, err)
    prepared = Prepared(raw.source, raw.line, article, fp, warnings)
    return with_analysis(prepared, settings) if analysed else prepared


def analyse_chunk(items: list[Prepared], settings: Settings) -> list[Prepared]:
    """The prepared inputs with their analyses (pipeline.with_analysis), the sentences of all of them typed
    in one call of the typing model; never raises: a failure is its article's Problem."""
    gazetteer = load_gazetteer()
    runs = [extract_steps(item.article, settings.extract, gazetteer) for item in items]
    outcomes = [_advance(run, None) for run in runs]       # sentences to type, or extract's result
    asks = {i: texts for i, texts in enumerate(outcomes) if isinstance(texts, list)}
    if asks:
        rows = _typed([t for texts in asks.values() for t in texts], settings)
        start = 0
        for i, texts in asks.items():
            # When the pooled call fails, each article is typed alone, so only the one at fault fails.
            own = rows[start:start + len(texts)] if not isinstance(rows, Exception) else _typed(texts, settings)
            outcomes[i] = own if isinstance(own, Exception) else _advance(runs[i], own)
            start += len(texts)
    return [replace(item, analysis=_analysis(item, outcome, gazetteer)) for item, outcome in zip(items, outcomes)]


def _typed(texts: list[str], settings: Settings):
    """The typing model's probabilities for the sentences, or the exception it raised."""
    try:
        return load_typing_model().probabilities(texts, settings.extract.model_threads)
    except Exception as err:  # a missing model fails each article that needed it, as it would alone
        return err


def with_analysis(item: Prepared, settings: Settings) -> Prepared:
    """The prepared input with its analysis, or with the Problem that stopped it; never raises."""
    return analyse_chunk([item], settings)[0]


def _advance(run, rows):
    """One step of extract_steps: the sentences it asks the model about, its (mentions, warnings), or the
    exception it raised."""
    try:
        return next(run) if rows is None else run.send(rows)
    except StopIteration as done:
        return done.value
    except Exception as err:  # kept for _analysis to report, so the rest of the chunk goes on
        return err


def _analysis(item: Prepared, outcome, gazetteer) -> Analysis | Problem:
    """Resolve extract's result; placeless mentions are counted in a warning, not kept."""
    try:
        if isinstance(outcome, Exception):
            raise outcome
        found, warnings = outcome
        mentions = resolve_mentions(item.article, found, gazetteer)
    except InputError as err:
        return Problem("error", err.source, err.reason, err.line, err.hint)
    except Exception as err:  # a bug met on one article must not cost the rest of the run
        return _crash(item.source, item.line, err)
    unplaced = [m for m in mentions if m.place is None]
    if unplaced:
        warnings.append(f"{len(unplaced)} mention(s) with no place in the text or the article were not stored")
    return Analysis([m for m in mentions if m.place is not None], warnings)


def warm_up(settings: Settings) -> None:
    """Load what the first article would otherwise wait for: the gazetteer, the language identifier, and the
    typing model with its embedder (seconds, once per process).

    Raises:
        ResourceError: the gazetteer or, with extract.model on, the typing model is not installed.
    """
    load_gazetteer()
    guess_language(" ".join(["news"] * MIN_WORDS))   # shorter texts are not shown to the identifier
    if settings.extract.model:
        load_typing_model().probabilities(["A warm-up sentence."], settings.extract.model_threads)


def _preparer(workers: int, scheduler: str | None) -> ContextManager[Callable[..., Iterator[Item]]]:
    """What turns the input stream into prepared items: Dask workers, or this process."""
    if workers or scheduler:
        from .parallel import dask_preparer  # Dask is imported only for a parallel run
        return dask_preparer(workers, scheduler)
    return nullcontext(_prepare_serially)


def _prepare_serially(items: Iterable[RawDocument | Prepared | InputError], today: date, settings: Settings,
                      worth_analysing: Callable[[Prepared], bool]) -> Iterator[Item]:
    """A chunk at a time, as on Dask workers: clean it, then analyse together the articles that look new; the
    writer analyses any the screen set aside wrongly."""
    items = iter(items)
    while chunk := list(islice(items, CHUNK_SIZE)):
        done = [item if isinstance(item, (InputError, Prepared)) else prepare(item, today, settings, analysed=False)
                for item in chunk]
        todo = [i for i, item in enumerate(done)
                if isinstance(item, Prepared) and item.analysis is None and worth_analysing(item)]
        for i, item in zip(todo, analyse_chunk([done[i] for i in todo], settings)):
            done[i] = item
        yield from done


def _crash(source: str, line: int | None, err: Exception) -> Problem:
    return Problem("error", source, f"could not be processed ({type(err).__name__}: {err})", line,
                   "please report this with the input attached")


def _write(items: list[Item], store: Store, settings: Settings, run_id: int, report: RunReport,
           progress: Callable[[str], None] | None) -> None:
    """Set copies aside, analyse what is new and not yet analysed, then store and fuse it in one transaction."""
    new: list[Prepared] = []
    copies: list[tuple[Article, str, str]] = []
    problems: list[Problem] = []
    for item in items:
        if isinstance(item, InputError):
            problems.append(Problem("error", item.source, item.reason, item.line, item.hint))
        else:
            report.read += 1
            if isinstance(item, Problem):
                problems.append(item)
            else:
                _sort(item, store, settings, new, copies, problems, report)
        if progress:
            progress(item.source)
    with store.transaction():
        # Another writer on a shared store (a second `watch`, a PostgreSQL peer) may have stored some of these
        # since the dedup check above; inside the transaction its rows are visible: skip what is known now,
        # and fuse only what this batch stored.
        for article, original, kind in copies:
            if not store.is_known(article.id, article.url):
                store.add_duplicate(article, original, kind)
        stored = [item for item in new if store.add_article(item.article, item.fingerprint)]
        for item in new:
            if all(item is not s for s in stored) and not store.is_known(item.article.id, item.article.url):
                store.add_duplicate(item.article, item.article.id, "exact")   # the same text under another URL
        merged: set[str] = set()
        changed = fuse([m for item in stored for m in item.analysis.mentions],
                       {item.article.id: item.article for item in stored}, store, settings.fuse, merged)
        report.events_changed = (report.events_changed - merged) | {e.id for e in changed}
        report.events_merged |= merged
        for p in problems:
            store.record_problem(run_id, p.source, p.line, p.level, p.message)
    report.new += len(stored)
    report.unchanged += len(new) - len(stored)
    report.duplicates += len(copies)
    report.mentions += sum(len(item.analysis.mentions) for item in stored)
    report.problems.extend(problems)


def _sort(item: Prepared, store: Store, settings: Settings, new: list[Prepared], copies: list,
          problems: list[Problem], report: RunReport) -> None:
    """File one prepared input as already stored, a copy, new, or failed."""
    copy = _copy_of(item.article, item.fingerprint, new, store, settings)
    warnings = item.warnings
    if copy == "known":
        report.unchanged += 1
    elif copy:
        copies.append((item.article, *copy))
    else:
        if item.analysis is None:
            item = with_analysis(item, settings)
        if isinstance(item.analysis, Problem):
            problems.append(item.analysis)
            return
        new.append(item)
        warnings = warnings + item.analysis.warnings
    problems.extend(Problem("warning", item.source, w, item.line) for w in warnings)


class _LooksNew:
    """Guesses ahead of the writer whether an article will be new: not stored, no copy of a stored article
    nor of one of the last `memory` articles it passed. Only a hint to skip needless extraction: the writer
    decides, and analyses what it finds unanalysed, so a wrong guess costs time, never a result."""

    def __init__(self, store: Store, settings: Settings, memory: int = 2_000) -> None:
        self.store, self.settings, self.memory = store, settings, memory
        self.recent: deque[Prepared] = deque()
        self.by_key: dict[int, list[Prepared]] = defaultdict(list)   # LSH band key -> recent articles

    def __call__(self, item: Prepared) -> bool:
        nearby = {id(p): p for key in item.fingerprint.keys for p in self.by_key.get(key, ())}
        if _copy_of(item.article, item.fingerprint, list(nearby.values()), self.store, self.settings):
            return False
        self.recent.append(item)
        for key in item.fingerprint.keys:
            self.by_key[key].append(item)
        if len(self.recent) > self.memory:
            old = self.recent.popleft()
            for key in old.fingerprint.keys:
                kept = [p for p in self.by_key[key] if p is not old]  # by identity: copies are equal dataclasses
                if kept:
                    self.by_key[key] = kept
                else:
                    del self.by_key[key]
        return True


def _copy_of(article: Article, fp: Fingerprint, batch: list[Prepared], store: Store,
             settings: Settings) -> str | tuple[str, str] | None:
    """"known" for an article stored before; (original id, "exact"|"near") for a copy of a stored
    article or of one earlier in the batch; None for a new article."""
    if store.is_known(article.id, article.url):
        return "known"
    threshold = settings.ingest.near_duplicate
    for earlier in batch:
        if earlier.article.id == article.id:
            return "known" if earlier.article.url == article.url else (earlier.article.id, "exact")
        if similarity(earlier.fingerprint.signature, fp.signature) >= threshold:
            return earlier.article.id, "near"
    if store.has_article(article.id):
        return article.id, "exact"
    twin = store.near_duplicate(fp, threshold)
    return (twin, "near") if twin else None
