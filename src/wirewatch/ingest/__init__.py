"""Ingest: files and records -> RawDocument, one input at a time, errors named by source and line.

WARC archives (.warc, .warc.gz) yield one document per HTML response. A feed file named on the command line (an .opml or .feeds file, or a .txt file whose lines past comments
are all http(s) URLs) is fetched: each feed once, each item's page once. Feed files inside a folder are not:
a folder of articles never starts network requests.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator

from ..errors import InputError
from ..models import RawDocument
from ..settings import IngestSettings, Settings
from .html import read_html
from .jsonl import read_jsonl
from .rss import is_feed_file, read_feeds
from .text import read_text
from .warc import read_warc

__all__ = ["expand_paths", "read_inputs"]

READERS = {".jsonl": read_jsonl, ".html": read_html, ".htm": read_html, ".warc": read_warc,
           ".warc.gz": read_warc}
# In a folder only these are read; a file named on the command line is read whatever its name.
ARTICLE_SUFFIXES = {".txt", ".text", ".html", ".htm", ".jsonl", ".warc", ".warc.gz"}


def _suffix(path: Path) -> str:
    """The suffix that picks a reader: ".warc.gz" counts as one."""
    name = path.name.lower()
    return ".warc.gz" if name.endswith(".warc.gz") else path.suffix.lower()


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files named, and the article files under folders named (hidden ones skipped), in a stable order."""
    found: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found.extend(f for f in sorted(p.rglob("*"))
                         if f.is_file() and _suffix(f) in ARTICLE_SUFFIXES
                         and not any(part.startswith(".") for part in f.relative_to(p).parts))
        else:
            found.append(p)
    return found


def read_inputs(paths: Iterable[str | Path], max_bytes: int = 5_000_000,
                settings: Settings | None = None) -> Iterator[RawDocument | InputError]:
    """Yield a RawDocument per article, or the InputError that stopped one; never raise for bad input.

    `settings` (watch and ingest sections) governs feed fetching; without it the defaults apply, with
    `max_bytes` as the page limit."""
    for named in map(Path, paths):
        if not named.is_dir() and is_feed_file(named):
            yield from read_feeds(named, settings or Settings(ingest=IngestSettings(max_bytes=max_bytes)))
            continue
        for path in expand_paths([named]):
            reader = READERS.get(_suffix(path), read_text)
            try:
                yield from reader(path, max_bytes)
            except InputError as err:
                yield err
