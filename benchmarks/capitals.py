"""How much of a report survives being sent in capital letters.

Usage: python benchmarks/capitals.py [FOLDER ...]   (default: the demo corpus's ru-ua set)

Each article is read twice: as written, and with its cleaned text in capitals, read back through
clean/casing.py's ordinary case. Prints how many mentions each reading gives and how many of the
capitals' mentions agree with the original's in sub-event type and place words.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from datetime import date
from pathlib import Path

from wirewatch.clean import clean
from wirewatch.clean.casing import recase
from wirewatch.extract import extract
from wirewatch.ingest import read_inputs
from wirewatch.models import RawDocument, replace
from wirewatch.serve.cli import demo_articles

RU_UA = demo_articles().parent / "gold" / "ru-ua.jsonl"


def _key(mentions) -> Counter:
    return Counter((m.sub_event_type, m.place_text.text.casefold() if m.place_text else "") for m in mentions)


def main() -> None:
    folders = [Path(p) for p in sys.argv[1:]]
    rows = [json.loads(line) for line in RU_UA.read_text(encoding="utf-8").splitlines() if line.strip()]
    keep = None if folders else {r["url"] for r in rows if "url" in r} | {u for r in rows for u in r.get("no_events", [])}
    plain = shouted = agree = articles = 0
    for doc in read_inputs(folders or [demo_articles()]):
        if not isinstance(doc, RawDocument):
            continue
        article, _ = clean(doc, date(2026, 1, 1))   # a page's URL is known only once it is cleaned
        if keep is not None and article.url not in keep:
            continue
        ours, _ = extract(article)
        read, _ = recase(article.text.upper())
        theirs, _ = extract(replace(article, text=read))
        a, b = _key(ours), _key(theirs)
        articles, plain, shouted, agree = articles + 1, plain + sum(a.values()), shouted + sum(b.values()), agree + sum((a & b).values())
    print(f"{articles} articles: {plain} mentions as written, {shouted} in capitals, {agree} of them agreeing "
          f"(sub-event type and place words)")


if __name__ == "__main__":
    main()
