"""Polite HTTP GET with the standard library: a clear User-Agent, a delay per host, a deadline, a size cap,
a redirect limit and conditional requests. Every failure is a FetchError naming the URL."""

from __future__ import annotations

import ipaddress
import re
import socket
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.message import Message
from email.utils import parsedate_to_datetime
from typing import Callable
from urllib.parse import urljoin, urlsplit

from ..errors import InputError
from ..settings import WatchSettings
from .decode import decode

__all__ = ["FetchError", "Fetcher", "Response", "decode_body", "retry_after_seconds"]

CHUNK = 65_536
# Statuses worth asking again later: the server is busy, down or slow, not refusing this URL for good.
TRANSIENT_STATUSES = {408, 425, 429, 500, 502, 503, 504}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


class FetchError(InputError):
    """A request that gave no usable body: the URL, why, and whether asking again later may help."""

    def __init__(self, url: str, message: str, *, status: int | None = None, transient: bool = False,
                 retry_after: str | None = None, hint: str = "") -> None:
        super().__init__(url, message, hint=hint)
        self.status = status
        self.transient = transient
        self.retry_after = retry_after  # the Retry-After header as sent, for retry_after_seconds()


@dataclass(frozen=True)
class Response:
    """A fetched body (empty for 304 Not Modified) with the headers that matter to its reader."""

    url: str                     # after redirects
    status: int                  # 200-class, or 304
    body: bytes
    headers: Message = field(repr=False)

    @property
    def content_type(self) -> str:
        """The media type without parameters, lower case ("" when the server sent none)."""
        return self.headers.get_content_type() if self.headers.get("Content-Type") else ""

    @property
    def charset(self) -> str | None:
        """The charset the Content-Type header declares, if any."""
        return self.headers.get_content_charset()

    @property
    def etag(self) -> str | None:
        """The validator to send back as If-None-Match."""
        return self.headers.get("ETag")

    @property
    def modified(self) -> str | None:
        """Last-Modified as sent, to send back as If-Modified-Since."""
        return self.headers.get("Last-Modified")

    def text(self) -> str:
        """The body decoded: byte-order mark, then the HTTP charset, then the page's meta charset, then a guess."""
        return decode_body(self.body, self.url, self.charset)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Hand 3xx responses back so Fetcher counts hops and spots loops itself."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: ANN001 - urllib's signature
        return None


class Fetcher:
    """GETs URLs one at a time, never two to one host closer together than `host_delay` seconds."""

    def __init__(self, settings: WatchSettings, *, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.settings = settings
        self._clock = clock
        self._sleep = sleep
        self._last: dict[str, float] = {}   # host name -> clock() at its last request (any port)
        self._opener = urllib.request.build_opener(_NoRedirect)

    def get(self, url: str, max_bytes: int, etag: str | None = None, modified: str | None = None) -> Response:
        """Fetch a URL, following redirects, conditionally when an ETag or Last-Modified is given.

        Args:
            url: an http or https URL.
            max_bytes: a larger body is cut off and refused.
            etag, modified: validators from an earlier response; a match comes back as status 304.

        Raises:
            FetchError: bad URL, network failure, timeout, HTTP error, redirect loop, body over max_bytes.
        """
        visited = [url]
        current = url
        while True:
            target = self._open(current, max_bytes, etag, modified)
            if isinstance(target, Response):
                return target
            nxt = urljoin(current, target)
            if nxt in visited:
                raise FetchError(url, f"redirects in a loop ({' -> '.join(visited + [nxt])})",
                                 hint="the site is misconfigured; check the URL in a browser")
            if len(visited) > self.settings.max_redirects:
                raise FetchError(url, f"redirects more than {self.settings.max_redirects} times (last to {nxt})",
                                 hint="use the final URL, or raise watch.max_redirects")
            visited.append(nxt)
            current = nxt

    def _open(self, url: str, max_bytes: int, etag: str | None, modified: str | None) -> Response | str:
        """One request: the Response, or the Location of a redirect."""
        host = _host(url)
        if not self.settings.private_hosts:
            _refuse_private(url, host)
        self._wait_for(host)
        request = urllib.request.Request(url, headers=self._headers(etag, modified))
        deadline = self._clock() + self.settings.timeout
        try:
            with self._opener.open(request, timeout=self.settings.timeout) as resp:
                body = self._read(url, resp, max_bytes, deadline)
                return Response(resp.geturl() or url, resp.status, body, resp.headers)
        except urllib.error.HTTPError as err:
            with err:
                return self._from_error(url, err)
        except (urllib.error.URLError, OSError, ValueError) as err:
            raise _network_error(url, err, self.settings.timeout) from None
        finally:
            self._last[host] = self._clock()  # the delay runs from the end of one request to the next

    def _headers(self, etag: str | None, modified: str | None) -> dict[str, str]:
        """Request headers: who is asking, and the validators for a conditional request."""
        headers = {"User-Agent": self.settings.user_agent, "Accept-Encoding": "identity",
                   "Accept": "application/rss+xml, application/atom+xml, application/xml;q=0.9, "
                             "text/html;q=0.9, */*;q=0.5"}
        if etag:
            headers["If-None-Match"] = etag
        if modified:
            headers["If-Modified-Since"] = modified
        return headers

    def _wait_for(self, host: str) -> None:
        """Sleep until `host_delay` has passed since the last request to this host."""
        last = self._last.get(host)
        if last is not None:
            wait = last + self.settings.host_delay - self._clock()
            if wait > 0:
                self._sleep(wait)

    def _from_error(self, url: str, err: urllib.error.HTTPError) -> Response | str:
        """A non-2xx answer: 304 as a Response, a redirect's target, or a FetchError."""
        if err.code == 304:
            return Response(url, 304, b"", err.headers)
        if err.code in {301, 302, 303, 307, 308}:
            location = err.headers.get("Location")
            if not location:
                raise FetchError(url, f"answered HTTP {err.code} without a Location to go to", status=err.code)
            if urlsplit(urljoin(url, location)).scheme not in {"http", "https"}:
                raise FetchError(url, f"redirects to {location!r}, which is not an http(s) URL", status=err.code)
            return location
        transient = err.code in TRANSIENT_STATUSES
        raise FetchError(url, f"answered HTTP {err.code} {err.reason}", status=err.code, transient=transient,
                         retry_after=err.headers.get("Retry-After"),
                         hint="it will be tried again later" if transient else "check the URL")

    def _read(self, url: str, resp, max_bytes: int, deadline: float) -> bytes:  # noqa: ANN001 - HTTPResponse
        """The body in chunks, cut off at max_bytes or at the deadline, whichever comes first."""
        length = resp.headers.get("Content-Length", "")
        if length.isdigit() and int(length) > max_bytes:
            raise FetchError(url, f"announces {int(length):,} bytes, over the {max_bytes:,}-byte limit",
                             hint="raise the limit (watch.max_feed_bytes or ingest.max_bytes) if it is genuine")
        chunks: list[bytes] = []
        size = 0
        try:
            while chunk := resp.read1(CHUNK):
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError(url, f"sent more than {max_bytes:,} bytes; cut off",
                                     hint="the body is endless or too large; raise the limit if it is genuine")
                if self._clock() > deadline:
                    raise FetchError(url, f"was still sending after {self.settings.timeout:g} s; cut off",
                                     transient=True, hint="the server is slow; it will be tried again later")
                chunks.append(chunk)
        except (OSError, ValueError) as err:  # a reset or a timeout in the middle of the body
            raise _network_error(url, err, self.settings.timeout) from None
        return b"".join(chunks)


def decode_body(data: bytes, source: str, charset: str | None) -> str:
    """Bytes of a page -> str: a byte-order mark wins, then the declared charset, then the page's meta tag,
    then decode()'s UTF-8-or-guess; a declared charset the bytes do not fit is ignored, not trusted."""
    if b"\x00" not in data[:8192]:
        meta = _META_CHARSET.search(data[:4096])
        declared = [enc for bom, enc in _BOMS if data.startswith(bom)]
        declared += [charset, meta.group(1).decode("ascii") if meta else None]
        for encoding in filter(None, declared):
            try:
                return data.decode(encoding)
            except (LookupError, UnicodeDecodeError):
                continue
    return decode(data, source)


def retry_after_seconds(value: str | None, now: datetime) -> float | None:
    """A Retry-After header (seconds, or an HTTP date) as seconds from `now`; None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - now).total_seconds())


def _host(url: str) -> str:
    """The host:port a URL names; refuses anything but http(s), so a feed list cannot read local files."""
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        raise FetchError(url, "is not an http(s) URL", hint="feeds and pages are fetched over http or https only")
    return parts.hostname or parts.netloc.lower()


def _refuse_private(url: str, host: str) -> None:
    """Refuse a host that is or resolves to a loopback, private, link-local or otherwise non-public address.

    Checked before every request, redirects included: a feed on the open web must not be able to send
    the watcher to this machine's own services or a cloud metadata endpoint. (The address is looked up
    again when connecting; a name that changes its answer in between is not caught.)"""
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as err:
        raise FetchError(url, f"host {host!r} not found ({err})", transient=True,
                         hint="check the URL; the feed is tried again later") from None
    for *_, sockaddr in infos:
        address = ipaddress.ip_address(sockaddr[0].split("%")[0])
        if not address.is_global:
            raise FetchError(url, f"host {host!r} is a non-public address ({address})",
                             hint="set watch.private_hosts = true in wirewatch.toml to fetch from your own network")


def _network_error(url: str, err: BaseException, timeout: float) -> FetchError:
    """A FetchError for a failure below HTTP: timeout, refused connection, unknown host, reset."""
    reason = getattr(err, "reason", err)
    if isinstance(reason, (socket.timeout, TimeoutError)):
        return FetchError(url, f"timed out after {timeout:g} s", transient=True,
                          hint="the server is slow or down; it will be tried again later")
    if isinstance(reason, socket.gaierror):
        return FetchError(url, "names a host that cannot be found", transient=True, hint="check the URL")
    return FetchError(url, f"could not be fetched ({reason})", transient=True,
                      hint="the server may be down; it will be tried again later")
