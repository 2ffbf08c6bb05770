"""WARC archives (.warc, .warc.gz): every HTML response with a 2xx status becomes a RawDocument.

Everything else a crawl holds (requests, metadata, images, scripts, redirects, 404 pages) is skipped and
counted; the counts reach the user as one warning on the archive's last article. A damaged record (a gzip
member cut short, a record whose bytes end before its Content-Length) is reported by number, byte offset
and URL, and reading resumes at the next record that parses, so one bad record does not cost the archive.
"""

from __future__ import annotations

import gzip
import mmap
import re
import zlib
from collections import Counter
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import BinaryIO, Iterator

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord
from warcio.statusandheaders import StatusAndHeadersParserException

from ..errors import InputError
from ..models import RawDocument
from ..outlets import outlet_of
from .decode import decode

__all__ = ["read_warc"]

HTML_TYPES = {"text/html", "application/xhtml+xml"}
GZIP_MAGIC = b"\x1f\x8b\x08"
WARC_MAGIC = b"WARC/1."
# What warcio and zlib raise on bytes that are not a well-formed record; anything else is a bug.
_DAMAGE = (ArchiveLoadFailed, StatusAndHeadersParserException, zlib.error, EOFError, ValueError, OSError)
_CHARSET = re.compile(rb"""charset\s*=\s*["']?([\w.:-]+)""", re.IGNORECASE)
_CHUNK = 1 << 16
_DECOMPRESSED = " of the decompressed archive"   # where offsets count in a single-stream gzip


def read_warc(path: Path, max_bytes: int, counts: Counter[str] | None = None) -> Iterator[RawDocument | InputError]:
    """A RawDocument per HTML response, an InputError per damaged or oversized one.

    Args:
        path: a .warc or .warc.gz file (gzip per record, as crawlers write it, or gzip over the whole file).
        max_bytes: the size limit of one record's page.
        counts: filled with the number of records read ("records"), of articles ("html"), of records
            refused or damaged, and of each kind skipped, for callers that report them their own way.

    Raises:
        InputError: a file that cannot be opened, is empty, or is not a WARC archive.
    """
    source = str(path)
    counts = Counter() if counts is None else counts
    try:
        fh = path.open("rb")
    except OSError as err:
        raise InputError(source, f"cannot be read ({err.strerror})", hint="check the path") from None
    last: RawDocument | None = None
    with fh:
        _check_start(fh, source)
        for item in _Walk(fh, source, max_bytes, counts):
            if isinstance(item, RawDocument):
                if last is not None:
                    yield last
                last = item  # held back: the archive's summary goes on its last article
            else:
                yield item
    summary = _summary(counts)
    if last is not None:
        yield replace(last, warnings=last.warnings + (summary,)) if summary else last
    elif counts["records"] and not counts["refused"] + counts["damaged"]:  # else the errors said it
        yield InputError(source, f"holds no HTML page with a 2xx status ({summary})",
                         hint="only HTML responses become articles")


def _check_start(fh: BinaryIO, source: str) -> None:
    """Refuse an empty file, or one that does not begin with a WARC header (after gunzipping)."""
    head = fh.read(4096)
    fh.seek(0)
    if not head:
        raise InputError(source, "is empty", hint="pass a .warc or .warc.gz file written by a crawler")
    if head.startswith(GZIP_MAGIC[:2]):
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 64)
        except zlib.error as err:
            raise InputError(source, f"is not a readable gzip file ({err})", hint="fetch it again") from None
    if not head.lstrip(b"\r\n").startswith(b"WARC/"):
        first = head.lstrip()[:40].decode("latin-1")
        raise InputError(source, f"is not a WARC archive (it begins {first!r})",
                         hint="pass a .warc or .warc.gz file written by a crawler")


def _summary(counts: Counter[str]) -> str:
    """One line on what the archive held besides articles, or "" when it held only articles."""
    skipped = {k: n for k, n in counts.items() if k not in ("records", "html", "refused", "damaged")}
    if not skipped:
        return ""
    parts = ", ".join(f"{n} {kind}" for kind, n in sorted(skipped.items(), key=lambda kv: (-kv[1], kv[0])))
    return f"archive of {counts['records']} records: {counts['html']} HTML pages read, skipped {parts}"


class _QuietIterator(ArchiveIterator):
    """warcio's iterator, minus the warning it prints on a misaligned record: _Walk reports that itself."""

    INC_RECORD = ""


class _Damage(Exception):
    """Bytes that are not the record they claim to be; the message says how."""


class _Walk:
    """The records of one archive, read in order; after damage, reading restarts at the next record start."""

    def __init__(self, fh: BinaryIO, source: str, max_bytes: int, counts: Counter[str]) -> None:
        self.fh, self.source, self.max_bytes, self.counts = fh, source, max_bytes, counts
        self.size = fh.seek(0, 2)
        self.whole_gzip = False   # the whole file is one gzip stream: offsets are in the decompressed bytes
        self.number = 0           # records met so far, the damaged ones included
        self.position = 0         # where the record being read begins
        self.counted = False      # whether the record at `position` has its number yet
        self.searching = False    # restarted after damage, and no record read since
        self.seen: set[int] = set()

    def __iter__(self) -> Iterator[RawDocument | InputError]:
        start: int | None = 0
        while start is not None:
            try:
                yield from self._read_from(start)
                start = self._trailing()
            except _DAMAGE + (_Damage,) as err:
                if "non-chunked gzip" in str(err) and not self.whole_gzip:
                    # `gzip file.warc` makes one gzip stream: read it whole from the top, past what was read.
                    self.whole_gzip, start, self.seen = True, 0, set(range(1, self.number + 1))
                    continue
                if not self.searching:  # a false start found by the search is part of the same damage
                    yield self._damaged(err)
                start = None if self.whole_gzip else _next_start(self.fh, self.position + 1)
                self.searching = True

    def _read_from(self, start: int) -> Iterator[RawDocument | InputError]:
        """Records from a byte offset to the end, or until one cannot be read."""
        self.fh.seek(start)
        stream = gzip.GzipFile(fileobj=self.fh, mode="rb") if self.whole_gzip else self.fh
        iterator = _QuietIterator(stream)
        self.position, self.counted = start, False
        for index, record in enumerate(_parsed(iterator), start=1):
            self.position = iterator.offset
            key = index if self.whole_gzip else iterator.offset
            if key in self.seen:
                continue  # read before the restart that brought us back here
            self.seen.add(key)
            self.number, self.counted = self.number + 1, True
            self.counts["records"] += 1
            item = _document(record, self.number, iterator.offset, self.source, self.max_bytes, self.whole_gzip)
            iterator.read_to_end()
            if iterator.err_count:
                raise _Damage("the record does not end where its Content-Length says")
            self.position, self.counted, self.searching = iterator.offset, False, False
            if isinstance(item, str):
                self.counts[item] += 1
                continue
            self.counts["html" if isinstance(item, RawDocument) else "refused"] += 1
            yield item

    def _trailing(self) -> int | None:
        """After the last record: anything but blank lines left in the file is a record cut short."""
        if self.whole_gzip or self.position >= self.size:
            return None
        self.fh.seek(self.position)
        if self.size - self.position > 64 or self.fh.read(64).strip():
            raise EOFError
        return None

    def _damaged(self, err: Exception) -> InputError:
        """The error for the record at `position`, which could not be read."""
        if not self.counted:
            self.number += 1
            self.counts["records"] += 1
        self.counts["damaged"] += 1
        where = f"byte {self.position:,}{_DECOMPRESSED if self.whole_gzip else ''}"
        return InputError(self.source, f"record {self.number} at {where} is cut short or corrupt ({_describe(err)}); "
                          "the records after it were read where they could be",
                          hint="the archive is damaged: fetch it again, or check it with `warcio check`")


def _parsed(iterator: ArchiveIterator) -> Iterator[ArcWarcRecord]:
    """warcio's records; its AttributeError or TypeError on a header that lacks a field is damage too."""
    try:
        yield from iterator
    except (AttributeError, TypeError) as err:
        raise _Damage(f"a record header lacks a field warcio needs ({err})") from None


def _describe(err: Exception) -> str:
    """What went wrong, in words; warcio's own message quotes the garbage bytes it met."""
    if isinstance(err, ArchiveLoadFailed):
        return "no WARC header where a record should begin"
    if isinstance(err, zlib.error):
        return f"corrupt gzip data: {err}"
    if isinstance(err, EOFError):
        return "the archive ends inside it"
    text = "".join(c for c in " ".join(str(err).split()) if c.isprintable())[:100]
    return text or type(err).__name__


def _next_start(fh: BinaryIO, after: int) -> int | None:
    """Where the next gzip member (or, uncompressed, the next WARC header) begins after a byte offset."""
    fh.seek(0)
    gzipped = fh.read(2) == GZIP_MAGIC[:2]
    if after >= fh.seek(0, 2):
        return None
    with mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as data:
        if gzipped:
            found = data.find(GZIP_MAGIC, after)
            return None if found < 0 else found
        found = data.find(WARC_MAGIC, after)
        return None if found < 0 else found


def _skip_reason(record: ArcWarcRecord) -> str | None:
    """Why a record is not an article ("request", "HTTP 404 response", ...), or None when it may be one."""
    if record.rec_type != "response":
        return f"{record.rec_type} record"
    if record.http_headers is None:
        return "non-HTTP response"
    status = record.http_headers.get_statuscode() or "?"
    if not status.startswith("2"):
        return f"HTTP {status} response"
    kind = (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    if kind and kind not in HTML_TYPES:
        return "non-HTML response"
    return None


def _document(record: ArcWarcRecord, number: int, offset: int, source: str, max_bytes: int,
              whole_gzip: bool) -> RawDocument | InputError | str:
    """The article in one record, the InputError that stops it, or why the record is skipped."""
    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
    where = f"record {number} ({uri or 'no URL'}, byte {offset:,}{_DECOMPRESSED if whole_gzip else ''})"
    if not record.rec_type:
        return InputError(source, f"{where} has no WARC-Type: its header is corrupt",
                          hint="the archive is damaged: fetch it again, or check it with `warcio check`")
    reason = _skip_reason(record)
    if reason:
        return reason
    if record.payload_length > max_bytes:
        return InputError(source, f"{where} is a {record.payload_length:,}-byte page, "
                          f"over the {max_bytes:,}-byte limit", hint="raise ingest.max_bytes")
    body = record.content_stream().read(max_bytes + 1)
    if len(body) > max_bytes:
        return InputError(source, f"{where} decompresses to over the {max_bytes:,}-byte limit",
                          hint="raise ingest.max_bytes")
    while record.raw_stream.read(_CHUNK):
        pass  # drain, so a short record shows in the reader's remaining limit
    missing = getattr(record.raw_stream, "limit", 0)
    if missing > 0:
        return InputError(source, f"{where} is truncated: the archive ends {missing:,} bytes before the record does",
                          hint="the page was skipped; fetch the archive again for it")
    content_type = record.http_headers.get_header("Content-Type") or ""
    if not content_type and not _looks_like_html(body):
        return "non-HTML response"
    try:
        html, warnings = _decode(body, content_type, source, where)
    except InputError as err:
        return err
    published, more = _warc_date(record.rec_headers.get_header("WARC-Date"))
    return RawDocument(source=source, line=number, content=html, format="html", url=uri or None,
                       outlet=_outlet(uri), published=published, warnings=warnings + more)


def _looks_like_html(body: bytes) -> bool:
    """A page with no Content-Type header still counts when it opens like HTML."""
    head = body[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<body" in head


def _decode(body: bytes, content_type: str, source: str, where: str) -> tuple[str, tuple[str, ...]]:
    """The page as text: the charset the HTTP header (or else a meta tag) declares, else a guess."""
    declared = _CHARSET.search(content_type.encode("latin-1", "replace")) or _CHARSET.search(body[:2048])
    warnings: tuple[str, ...] = ()
    if declared and b"\x00" not in body[:8192]:  # NULs: binary whatever the header says; decode() refuses it
        name = declared.group(1).decode("ascii", "replace")
        try:
            return body.decode(name).lstrip("\ufeff"), warnings
        except (LookupError, UnicodeDecodeError):
            warnings = (f"{where}: the declared charset {name!r} does not decode the page; the encoding was guessed",)
    try:
        return decode(body, source), warnings
    except InputError as err:
        raise InputError(source, f"{where} {err.reason}", hint=err.hint) from None


def _warc_date(value: str | None) -> tuple[date | None, tuple[str, ...]]:
    """The capture date of a record (WARC-Date, ISO 8601 in UTC)."""
    if not value:
        return None, ()
    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00")).date(), ()
    except ValueError:
        return None, (f"WARC-Date {value!r} is not an ISO date; relative dates are read against the ingestion date",)


def _outlet(uri: str) -> str | None:
    """The site a page came from, without a leading "www.", as the outlet name: for a page the Wayback Machine
    archived, the site it copied (outlets.outlet_of)."""
    return outlet_of(uri)
