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
from .ingest.dedup import simhash
from .models import Article, Mention, RawDocument
from .resolve import resolve_mentions
from .settings import Settings
from .store.base import Store

__all__ = ["Problem", "RunReport", "run"]


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
    simhash: int
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
    settings = settings or Settings()
    today = today or date.today()
    paths = [str(p) for p in paths]
    report = RunReport()
    run_id = store.start_run(paths)
    batch: list[RawDocument | InputError] = []
    for item in read_inputs(paths, settings.ingest.max_bytes):
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
    """Clean, extract and resolve a batch, then store and fuse it in one transaction."""
    gazetteer = load_gazetteer()
    prepared: list[_Prepared] = []
    problems: list[Problem] = []
    for item in items:
        source = item.source
        if isinstance(item, InputError):
            problems.append(Problem("error", item.source, item.reason, item.line, item.hint))
        else:
            report.read += 1
            try:
                article, warnings = clean(item, today)
            except InputError as err:
                problems.append(Problem("error", err.source, err.reason, err.line, err.hint))
            else:
                mentions, more = extract(article, settings.extract, gazetteer)
                mentions = resolve_mentions(article, mentions, gazetteer)
                problems.extend(Problem("warning", article.source, w) for w in warnings + more)
                prepared.append(_Prepared(article, simhash(article.text), mentions))
        if progress:
            progress(source)
    with store.transaction():
        for item in prepared:
            if _is_copy(item, store, settings, report):
                continue
            store.add_article(item.article, item.simhash)
            report.new += 1
            report.mentions += len(item.mentions)
            changed = fuse(item.mentions, {item.article.id: item.article}, store, settings.fuse)
            report.events_changed.update(e.id for e in changed)
        for p in problems:
            store.record_problem(run_id, p.source, p.line, p.level, p.message)
    report.problems.extend(problems)


def _is_copy(item: _Prepared, store: Store, settings: Settings, report: RunReport) -> bool:
    """True for an article stored already, or a copy of one; a copy is recorded as such."""
    article = item.article
    if store.is_known(article.id, article.url):
        report.unchanged += 1
        return True
    # Articles stored earlier in this batch are visible here: the transaction is the same.
    twin = article.id if store.has_article(article.id) else \
        store.near_duplicate(item.simhash, settings.ingest.near_duplicate_bits)
    if twin:
        store.add_duplicate(article, twin, "exact" if twin == article.id else "near")
        report.duplicates += 1
        return True
    return False
