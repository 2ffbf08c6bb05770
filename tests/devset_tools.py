"""Shared reading and checks for the development sets under tests/fixtures/ (dev2, dev3): each is a folder of
invented reports (`articles/`: .txt with a URL header, .html with og:url, .jsonl records) and a gold file."""

from __future__ import annotations

import json
import re
from pathlib import Path

from wirewatch.ontology import load_ontology

_HEADER_URL = re.compile(r"^URL:\s*(\S+)", re.MULTILINE)
_META_URL = re.compile(r'<meta property="og:url" content="([^"]+)"')
CLAIM_STATUSES = {"claimed", "confirmed", "reported", "denied", "disputed", "unverified"}


def articles(folder: Path) -> dict[str, str]:
    """Each article's URL -> the text its gold evidence must come from (the raw page, or the jsonl record's body)."""
    found: dict[str, str] = {}
    for path in sorted((folder / "articles").iterdir()):
        raw = path.read_text(encoding="utf-8")
        if path.suffix == ".jsonl":
            for line in raw.splitlines():
                if line.strip():
                    record = json.loads(line)
                    found[record["url"]] = record.get("text") or record["html"]
            continue
        match = _HEADER_URL.search(raw) if path.suffix == ".txt" else _META_URL.search(raw)
        assert match, path.name
        found[match.group(1)] = raw
    return found


def gold(folder: Path) -> list[dict]:
    return [json.loads(line) for line in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line]


def check_well_formed(folder: Path, n_articles: int) -> None:
    """Every gold row's labels, URL, evidence and date words agree with the ontology and its article; every
    article has events or is listed as having none."""
    ontology = load_ontology()
    found = articles(folder)
    assert len(found) == n_articles
    rows = gold(folder)
    events = [g for g in rows if "no_events" not in g]
    for g in events:
        assert ontology.event_type_of[g["sub_event_type"]] == g["event_type"], g["incident"]
        assert g["url"] in found, g["incident"]
        assert g["evidence"] in found[g["url"]], g["incident"]
        assert g["date_text"] is None or g["date_text"] in found[g["url"]], g["incident"]
        assert g["claim_status"] in CLAIM_STATUSES
        assert (g["event_date"] is None) == (g["time_precision"] is None), g["incident"]
    no_events = {u for g in rows for u in g.get("no_events", [])}
    assert no_events and not no_events & {g["url"] for g in events}
    assert {g["url"] for g in events} | no_events == set(found)
