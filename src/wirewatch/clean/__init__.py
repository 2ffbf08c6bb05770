"""Clean: RawDocument -> Article with the report's text only, and an id that is the text's hash."""

from __future__ import annotations

import hashlib
import re
from datetime import date

import trafilatura
from lxml import etree

from ..errors import InputError
from ..models import Article, RawDocument
from ..outlets import outlet_of
from .boilerplate import strip_boilerplate
from .casing import recase
from .language import guess_language

__all__ = ["clean", "article_id"]

_SPACES = re.compile(r"[ \t\u00a0]+")
MIN_WORDS = 12  # below this an input is a fragment, a nav bar or an error page, not a report


def clean(raw: RawDocument, today: date) -> tuple[Article, list[str]]:
    """The cleaned Article and the warnings met on the way.

    Raises:
        InputError: a page with no extractable article text.
    """
    warnings = list(raw.warnings)
    meta = {"url": raw.url, "outlet": raw.outlet, "title": raw.title, "published": raw.published,
            "language": raw.language}
    if raw.format == "html":
        lines, page = _html_lines(raw)
        for key, value in page.items():
            meta[key] = meta[key] or value
    else:
        lines = raw.content.splitlines()
    # an input that names no outlet still has its site in its URL (an archived copy: the site it copied)
    meta["outlet"] = meta["outlet"] or outlet_of(meta["url"])
    kept = strip_boilerplate(lines)
    if kept and isinstance(meta["title"], str) and _same_headline(kept[0], meta["title"]):
        kept = kept[1:]  # the headline repeated at the top of the body
    text, in_capitals = recase("\n\n".join(_SPACES.sub(" ", line) for line in kept))
    if in_capitals:
        warnings.append(f"{in_capitals} paragraph(s) written in capital letters were read in ordinary case "
                        f"(the stored text is that reading; names are told by a word list and some may be missed)")
    words = len(text.split())
    if words < MIN_WORDS:
        raise InputError(raw.source, f"has {words} words of article text after removing page furniture "
                                     f"(fewer than {MIN_WORDS})",
                         line=raw.line, hint="check that it is a news article, not an index, error page or fragment")
    if meta["published"] is None:
        warnings.append(f"no publication date; relative dates are read against "
                        f"the ingestion date {today.isoformat()}")
    article = Article(
        id=article_id(text), url=meta["url"], outlet=meta["outlet"], title=meta["title"],
        published=meta["published"], language=(meta["language"] or guess_language(text) or "en").lower()[:2], text=text,
        source=raw.where, ingested=today,
    )
    return article, warnings


def _html_lines(raw: RawDocument) -> tuple[list[str], dict]:
    """Main-text lines and metadata of an HTML page, via trafilatura."""
    try:
        # Only dates the page states: htmldate's extensive search reads "Copyright 2023" as a date.
        doc = trafilatura.bare_extraction(raw.content, with_metadata=True, favor_precision=True,
                                          include_comments=False, include_tables=False, include_images=False,
                                          date_extraction_params={"extensive_search": False, "original_date": True})
    except (ValueError, TypeError, AttributeError, etree.LxmlError) as err:  # lxml's failures on mangled markup
        raise InputError(raw.source, f"is broken HTML ({type(err).__name__}: {err})", line=raw.line,
                         hint="check that the file is a whole HTML page") from None
    if doc is None or not (doc.text or "").strip():
        raise InputError(raw.source, "is HTML with no article text that could be extracted", line=raw.line,
                         hint="check that it is a news article page")
    published = None
    if doc.date:
        try:
            published = date.fromisoformat(doc.date[:10])
        except ValueError:
            published = None
    page = {"url": doc.url, "outlet": doc.sitename, "title": doc.title, "published": published,
            "language": getattr(doc, "language", None)}
    return doc.text.splitlines(), page


def _same_headline(line: str, title: str) -> bool:
    """True when a line is the page title, give or take the site name appended to <title>."""
    a, b = _norm(line), _norm(title)
    # "<title>" often carries " | Site name": the line may be the title's start, but most of it.
    return bool(a) and (a == b or (b.startswith(a) and len(a) >= 0.6 * len(b)))


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().lower()


def article_id(text: str) -> str:
    """Content hash of the cleaned text, insensitive to case and spacing."""
    return hashlib.sha256(_norm(text).encode("utf-8")).hexdigest()[:16]
