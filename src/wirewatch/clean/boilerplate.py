"""Line-level removal of what is not the report: captions, credits, promo lines, related links.

Rules are data (lexicons/boilerplate.tsv); each is a regex tried against one stripped line.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from importlib import resources

# Lines after a "Related stories" header are headlines: short and without a final full stop.
_HEADLINE_MAX_WORDS = 16
_FURNITURE_MAX_WORDS = 40


@lru_cache(maxsize=1)
def load_rules() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The boilerplate rules shipped with the package."""
    path = resources.files("wirewatch") / "data" / "lexicons" / "boilerplate.tsv"
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    return tuple((row["kind"], re.compile(row["pattern"], re.IGNORECASE)) for row in rows)


def boilerplate_kind(line: str) -> str | None:
    """The kind of boilerplate a line is, or None when it reads as report text."""
    stripped = line.strip()
    # A long paragraph that merely mentions a photo or a newsletter is text, not page furniture.
    if len(stripped.split()) > _FURNITURE_MAX_WORDS:
        return None
    for kind, pattern in load_rules():
        if pattern.search(stripped):
            return kind
    return None


def looks_like_headline(line: str) -> bool:
    """Short, unpunctuated lines: the items of a related-stories list."""
    words = line.split()
    return 0 < len(words) <= _HEADLINE_MAX_WORDS and not line.rstrip().endswith((".", "?\"", ".\"", ".”"))


def strip_boilerplate(lines: list[str]) -> list[str]:
    """The report's lines, page furniture dropped."""
    kept: list[str] = []
    in_related = False
    for line in lines:
        if not line.strip():
            continue
        kind = boilerplate_kind(line)
        if kind:
            in_related = in_related or kind == "related"
            continue
        if in_related and looks_like_headline(line):
            continue
        in_related = False
        kept.append(line.strip())
    return kept
