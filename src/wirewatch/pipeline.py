"""The pipeline: ingest -> clean -> dedup -> extract -> resolve -> fuse -> store, in batches.

Each batch is one transaction: a run killed halfway keeps every batch committed before, and a rerun
skips the articles already stored and finishes the job. A bad input is reported with its source and
line and the rest of the batch goes on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable, Iterable

from .clean import clean
from .errors import InputError
from .extract import extract
from .fuse import fuse
from .gazetteer import load_gazetteer
from .ingest import read_inputs
from .ingest.dedup import Fingerprint, fingerprint, similarity
from .models import Article, Mention, RawDocument
from .resolve import resolve_mentions
from .settings import Settings
from .store.base import Store

__all__ = ["Problem", "RunReport", "run", "run_documents"]


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
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.level == "error"]


@dataclass
class _Prepared:
    article: Article
    fingerprint: Fingerprint
    mentions: list[Mention]


def run(paths: Iterable[str | Path], store: Store, settings: Settings | None = None,
        today: date | None = None, progress: Callable[[str], None] | None = None) -> RunReport:
    """Run the whole pipeline over files and folders, storing what is new.

    Args:
        paths: text, HTML and JSONL files, or folders of them.
        store: where articles, mentions and events go.
        settings: the configuration (defaults when None).
        today: the ingestion date, for articles without a publication date.
        progress: called with each input's source name once it is done.
    """
    paths = [str(p) for p in paths]
    settings = settings or Settings()
    return run_documents(read_inputs(paths, settings.ingest.max_bytes), store, settings, today, progress,
                         label=paths)


def run_documents(items: Iterable[RawDocument | InputError], store: Store, settings: Settings | None = None,
                  today: date | None = None, progress: Callable[[str], None] | None = None,
                  label: list[str] | None = None) -> RunReport:
    """Run the pipeline over documents already read (an API request, an archive reader, a test).

    Args:
        items: RawDocuments, and InputErrors to report as such.
        label: what the run record names as its inputs.
    """
    settings = settings or Settings()
    today = today or date.today()
    report = RunReport()
    run_id = store.start_run(label or ["(documents)"])
    batch: list[RawDocument | InputError] = []
    for item in items:
        batch.append(item)
        if len(batch) >= settings.store.batch_size:
            _process(batch, store, settings, today, run_id, report, progress)
            batch = []
    if batch:
        _process(batch, store, settings, today, run_id, report, progress)
    store.finish_run(run_id, {"read": report.read, "new": report.new, "duplicates": report.duplicates,
                              "mentions": report.mentions, "problems": len(report.problems)})
    return report


def _process(items: list[RawDocument | InputError], store: Store, settings: Settings, today: date,
             run_id: int, report: RunReport, progress: Callable[[str], None] | None) -> None:
    """Clean and deduplicate a batch, extract and resolve what is new, then store and fuse it in one
    transaction."""
    prepared: list[_Prepared] = []
    copies: list[tuple[Article, str, str]] = []
    problems: list[Problem] = []
    for item in items:
        if isinstance(item, InputError):
            problems.append(Problem("error", item.source, item.reason, item.line, item.hint))
        else:
            report.read += 1
            try:
                _prepare(item, today, store, settings, prepared, copies, problems, report)
            except InputError as err:
                problems.append(Problem("error", err.source, err.reason, err.line, err.hint))
            except Exception as err:  # a bug met on one article must not cost the rest of the batch
                problems.append(Problem("error", item.source, f"could not be processed ({type(err).__name__}: {err})",
                                        item.line, "please report this with the input attached"))
        if progress:
            progress(item.source)
    with store.transaction():
        for article, original, kind in copies:
            store.add_duplicate(article, original, kind)
        for item in prepared:
            store.add_article(item.article, item.fingerprint)
        changed = fuse([m for item in prepared for m in item.mentions],
                       {item.article.id: item.article for item in prepared}, store, settings.fuse)
        report.events_changed.update(e.id for e in changed)
        for p in problems:
            store.record_problem(run_id, p.source, p.line, p.level, p.message)
    report.new += len(prepared)
    report.duplicates += len(copies)
    report.mentions += sum(len(item.mentions) for item in prepared)
    report.problems.extend(problems)


def _prepare(raw: RawDocument, today: date, store: Store, settings: Settings, prepared: list[_Prepared],
             copies: list, problems: list[Problem], report: RunReport) -> None:
    """Clean one input; set it aside as a copy, or extract and resolve it."""
    gazetteer = load_gazetteer()
    article, warnings = clean(raw, today)
    fp = fingerprint(article.text)
    copy = _copy_of(article, fp, prepared, store, settings)
    if copy == "known":
        report.unchanged += 1
    elif copy:
        copies.append((article, *copy))
    else:
        found, more = extract(article, settings.extract, gazetteer)
        mentions = resolve_mentions(article, found, gazetteer)
        unplaced = [m for m in mentions if m.place is None]
        if unplaced:
            more.append(f"{len(unplaced)} mention(s) with no place in the text or the article were not stored")
        prepared.append(_Prepared(article, fp, [m for m in mentions if m.place is not None]))
        warnings = warnings + more
    problems.extend(Problem("warning", raw.source, w, raw.line) for w in warnings)


def _copy_of(article: Article, fp: Fingerprint, batch: list[_Prepared], store: Store,
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
