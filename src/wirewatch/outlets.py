"""Which outlet a page came from, read from its URL.

An archived copy names the archive as its host ("https://web.archive.org/web/20151026092316/http://q13fox.com/
2014/05/16/..."): the outlet is the site the archive copied, not the archive, or every archived page would
count as one outlet and a local station's reports would be told apart from nobody's.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

__all__ = ["outlet_of"]

# The Wayback Machine's hosts, and its path: "/web/<timestamp><modifier>/<original URL>", where the modifier
# ("id_", "if_", "im_") says how the copy is served and the original may lack its scheme.
_ARCHIVE_HOSTS = frozenset({"web.archive.org", "wayback.archive.org", "archive.org"})
_ARCHIVED_PATH = re.compile(r"^/web/\d{1,14}(?:[a-z]{2}_)?/+(.+)$", re.IGNORECASE)


def outlet_of(url: str | None) -> str | None:
    """The site a page came from, without a leading "www.": the archived site for a Wayback Machine copy;
    None for no URL or one with no host."""
    host, rest = _host_and_path(url)
    if host in _ARCHIVE_HOSTS and rest:
        archived = _ARCHIVED_PATH.match(rest)
        if archived:
            # A copy's URL may arrive percent-encoded ("http%3A%2F%2Fexample.com") or with the scheme's "//"
            # collapsed to "/" by a tool that tidied the path ("http:/example.com"), or with no scheme at all
            original = re.sub(r"(?i)^([a-z][a-z0-9+.-]*):/+", r"\1://", unquote(archived.group(1)))
            if not re.match(r"(?i)^[a-z][a-z0-9+.-]*://", original):
                original = "http://" + original   # "web.archive.org/web/2016/example.com/a": no scheme kept
            host = _host_and_path(original)[0] or host
    # "example.com." is the same site as "example.com" (a fully qualified name's root dot)
    host = (host or "").rstrip(".").removeprefix("www.")
    return host or None


def _host_and_path(url: str | None) -> tuple[str | None, str]:
    """The URL's host name (lower case, no port) and its path with the query, or (None, "")."""
    if not url:
        return None, ""
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname
    except ValueError:   # a malformed port or bracket: no host to read
        return None, ""
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    return host, path
