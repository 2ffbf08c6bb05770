"""Feeds: feed lists (one URL a line, or OPML), RSS and Atom feeds read with feedparser, and the pages
their items link to, fetched once each as RawDocuments."""

from __future__ import annotations

import hashlib
import io
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Iterator
from urllib.parse import urljoin, urlsplit
from xml.sax import SAXParseException

import feedparser

from ..errors import InputError
from ..models import RawDocument
from ..settings import Settings
from .decode import decode, read_bytes
from .fetch import Fetcher, FetchError, Response

__all__ = ["Feed", "FeedItem", "fetch_feed", "fetch_page", "is_feed_file", "no_link_error", "parse_feed",
           "read_feed_list", "read_feeds"]

FEED_SUFFIXES = {".opml", ".feeds"}
MAX_LIST_BYTES = 1_000_000   # a feed list is a few hundred lines; a bigger .txt is an article or a dump
HTML_TYPES = {"text/html", "application/xhtml+xml"}
_HTML_START = re.compile(rb"\s*(<!--.*?-->\s*)*<(!doctype html|html)", re.I | re.S)
_URL = re.compile(r"https?://[^\s/]+\S*\Z")
_ALTERNATE = re.compile(rb"""<link[^>]+application/(?:rss|atom)\+xml[^>]*>""", re.I)
_HREF = re.compile(rb"""href\s*=\s*["']([^"']+)["']""", re.I)


@dataclass(frozen=True)
class FeedItem:
    """One entry of a feed: what identifies it across polls, and what it says of its article."""

    id: str                      # the guid/id, else the link, else a hash of title and summary
    link: str | None
    title: str | None
    published: date | None


@dataclass(frozen=True)
class Feed:
    """A parsed feed."""

    url: str
    title: str | None
    items: tuple[FeedItem, ...]
    warning: str | None = None   # set when the XML was broken but items could still be read

    @property
    def outlet(self) -> str:
        """The feed's own title, else its host."""
        return self.title or urlsplit(self.url).hostname or self.url


def is_feed_file(path: Path) -> bool:
    """True for .opml and .feeds files, and for a .txt file whose lines (past comments) are all http(s) URLs."""
    suffix = path.suffix.lower()
    if suffix in FEED_SUFFIXES:
        return True
    if suffix != ".txt" or not path.is_file() or path.stat().st_size > MAX_LIST_BYTES:
        return False
    try:
        lines = _list_lines(path.read_bytes().decode("utf-8-sig"))
    except (OSError, UnicodeDecodeError):
        return False
    return bool(lines) and all(_URL.match(token) for _, token in lines)


def read_feed_list(path: str | Path) -> tuple[list[str], list[InputError]]:
    """The feed URLs a feed list or OPML file names (each once, in order), and an error per bad line.

    Raises:
        InputError: the file is missing, empty, not readable as text, or OPML that does not parse.
    """
    path = Path(path)
    data = read_bytes(path, MAX_LIST_BYTES)
    if path.suffix.lower() == ".opml" or data.lstrip().startswith(b"<"):
        return _opml_urls(data, str(path))
    text = decode(data, str(path))
    urls: list[str] = []
    errors: list[InputError] = []
    for number, token in _list_lines(text):
        if _URL.match(token):
            urls.append(token)
        else:
            errors.append(InputError(str(path), f"{token!r} is not an http(s) URL", line=number,
                                     hint="one feed URL a line; # starts a comment"))
    if not urls and not errors:
        raise InputError(str(path), "lists no feeds", hint="one feed URL a line, or an OPML file")
    return list(dict.fromkeys(urls)), errors


def _list_lines(text: str) -> list[tuple[int, str]]:
    """(line number, first word) of each line that is not blank or a # comment."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        words = line.split()  # a URL may hold "#", so only a line starting with one is a comment
        if words and not words[0].startswith("#"):
            found.append((number, words[0]))
    return found


def _opml_urls(data: bytes, source: str) -> tuple[list[str], list[InputError]]:
    """The http(s) xmlUrl of every outline in an OPML document, and an error for each other one."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError as err:
        raise InputError(source, f"is not well-formed OPML ({err})", line=err.position[0],
                         hint="export the subscription list again, or list one feed URL a line") from None
    found = [o.get("xmlUrl", "").strip() for o in root.iter("outline") if o.get("xmlUrl", "").strip()]
    if not found:
        raise InputError(source, "is OPML without any <outline xmlUrl=...> feed", hint="check the export")
    errors = [InputError(source, f"outline xmlUrl {url!r} is not an http(s) URL", hint="fix or remove the outline")
              for url in found if not _URL.match(url)]
    return list(dict.fromkeys(url for url in found if _URL.match(url))), errors


def parse_feed(data: bytes, url: str, content_type: str = "", charset: str | None = None) -> Feed:
    """An RSS or Atom document -> Feed; items without a link are kept, with link None, for the caller to report.

    Raises:
        InputError: the body is empty, an HTML page, or not a feed feedparser can read any item from.
    """
    if not data.strip():
        raise InputError(url, "is empty, not a feed", hint="check the feed URL")
    if _HTML_START.match(data[:2048]):
        raise InputError(url, "is an HTML page, not an RSS or Atom feed", hint=_feed_hint(data, url))
    # Many servers label feeds text/html or text/plain; feedparser would flag that, so it is told "XML" and
    # only the charset is passed on.
    header = "application/xml" + (f"; charset={charset}" if charset else "")
    parsed = feedparser.parse(io.BytesIO(data), response_headers={"content-type": header, "content-location": url})
    items = tuple(_item(entry, url) for entry in parsed.entries)
    if (parsed.get("bozo") and not any(item.link for item in items)) or not parsed.get("version"):
        if content_type in HTML_TYPES:
            raise InputError(url, "is an HTML page, not an RSS or Atom feed", hint=_feed_hint(data, url))
        why = _why(parsed.get("bozo_exception")) or "no RSS or Atom elements"
        raise InputError(url, f"is not a feed that can be read ({why})", hint="check the feed URL in a browser")
    warning = None
    if parsed.get("bozo"):
        warning = f"feed {url} is not well-formed ({_why(parsed.get('bozo_exception'))}); its items were read loosely"
    return Feed(url, parsed.feed.get("title") or None, items, warning)


def _why(exc: Exception | None) -> str:
    """feedparser's complaint in words: an XML error's line and column rather than "<unknown>:6:50"."""
    if isinstance(exc, SAXParseException):
        return f"{exc.getMessage()} at line {exc.getLineNumber()}, column {exc.getColumnNumber()}"
    return str(exc or "")


def _item(entry: dict, feed_url: str) -> FeedItem:
    """A feedparser entry -> FeedItem, with a stable id even when the feed gives none."""
    link = (entry.get("link") or "").strip() or None
    title = (entry.get("title") or "").strip() or None
    when = entry.get("published_parsed") or entry.get("updated_parsed")
    item_id = (entry.get("id") or "").strip() or link
    if not item_id:
        digest = hashlib.sha1(f"{title}\n{entry.get('summary', '')}".encode()).hexdigest()[:16]
        item_id = f"sha1:{digest}"
    return FeedItem(item_id, urljoin(feed_url, link) if link else None, title, date(*when[:3]) if when else None)


def _feed_hint(data: bytes, url: str) -> str:
    """Point at the feed an HTML page advertises, when it does."""
    for tag in _ALTERNATE.findall(data[:200_000]):
        href = _HREF.search(tag)
        if href:
            return f"the page names a feed at {urljoin(url, href.group(1).decode('ascii', 'replace'))}; list that URL"
    return "list the feed's URL, not the site's page"


def fetch_feed(fetcher: Fetcher, url: str, max_bytes: int, etag: str | None = None,
               modified: str | None = None) -> tuple[Response, Feed | None]:
    """Fetch and parse a feed; the Feed is None when the server answers 304 Not Modified.

    Raises:
        InputError: a FetchError, or a body that is not a feed.
    """
    resp = fetcher.get(url, max_bytes, etag, modified)
    if resp.status == 304:
        return resp, None
    return resp, parse_feed(resp.body, url, resp.content_type, resp.charset)


def fetch_page(fetcher: Fetcher, item: FeedItem, feed: Feed, max_bytes: int) -> RawDocument:
    """Fetch the article an item links to, as a RawDocument carrying the item's title and date.

    Raises:
        FetchError: the page failed, or is neither HTML nor plain text; the message names the feed.
    """
    assert item.link is not None
    try:
        resp = fetcher.get(item.link, max_bytes)
        kind = resp.content_type
        if kind and kind not in HTML_TYPES and kind != "text/plain":
            raise FetchError(item.link, f"is {kind}, not an HTML page", hint="only HTML and text pages are read")
        text = resp.text()
    except FetchError as err:
        raise FetchError(err.source, f"{err.reason} (an item of {feed.url})", status=err.status,
                         transient=err.transient, retry_after=err.retry_after, hint=err.hint) from None
    except InputError as err:
        raise FetchError(item.link, f"{err.reason} (an item of {feed.url})", hint=err.hint) from None
    fmt = "html" if kind in HTML_TYPES or (not kind and "<" in text) else "text"
    return RawDocument(source=item.link, content=text, format=fmt, url=resp.url, outlet=feed.outlet,
                       title=item.title, published=item.published,
                       warnings=(feed.warning,) if feed.warning else ())


def no_link_error(item: FeedItem, feed: Feed) -> InputError:
    """The report for an item that names no article."""
    return InputError(feed.url, f"item {item.title or item.id!r} has no link to an article; skipped",
                      hint="nothing to fetch; the feed's other items were read")


def read_feeds(path: str | Path, settings: Settings | None = None, *,
               fetcher: Fetcher | None = None) -> Iterator[RawDocument | InputError]:
    """Fetch every feed a feed list or OPML file names, and every item's page once, for `wirewatch run`.

    Args:
        path: a feed list (.feeds, or a .txt of URLs) or an OPML file.
        settings: watch settings for the requests, ingest.max_bytes for pages.
        fetcher: an existing Fetcher (tests inject one); a new one otherwise.

    Yields:
        A RawDocument per page, an InputError per bad line, feed or page; never raises for bad input.
    """
    settings = settings or Settings()
    fetcher = fetcher or Fetcher(settings.watch)
    try:
        urls, errors = read_feed_list(path)
    except InputError as err:
        yield err
        return
    yield from errors
    done: set[str] = set()
    for url in urls:
        try:
            _, feed = fetch_feed(fetcher, url, settings.watch.max_feed_bytes)
        except InputError as err:
            yield err
            continue
        for item in feed.items:
            if item.link is None:
                yield no_link_error(item, feed)
            elif item.link not in done:
                done.add(item.link)
                try:
                    yield fetch_page(fetcher, item, feed, settings.ingest.max_bytes)
                except InputError as err:
                    yield err
