"""Evaluate: score what the store holds for the gold articles against hand-coded gold events.

A predicted event matches a gold one when article, event type and place agree (same country, and the
same admin1 wherever the gold names one). Field accuracy is counted over matched pairs; fusion is
scored on gold incidents reported by several articles.
"""

from __future__ import annotations

import json
import re
from datetime import date
from collections import Counter
from importlib import resources
from itertools import combinations
from pathlib import Path

from rich.console import Console
from rich.table import Table

from ..errors import InputError
from ..fuse.incidents import build_event
from ..gazetteer import fold, load_gazetteer
from ..models import Event, Mention

__all__ = ["evaluate", "load_gold", "render_report", "render_typing"]

FIELDS = ["sub_event_type", "admin1", "location", "geo_precision", "date", "time_precision",
          "claim_status", "actor1", "fatalities"]


def load_gold(path: Path | None) -> tuple[list[dict], set[str]]:
    """Gold events and the URLs of articles that report none, from a file or a folder of *.jsonl."""
    if path is None:
        path = Path(str(resources.files("wirewatch") / "data" / "demo" / "gold"))
    files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    events, empty = [], set()
    for file in files:
        for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as err:
                raise InputError(str(file), f"is not JSON ({err.msg})", line=number) from None
            if "no_events" in record:
                empty.update(record["no_events"])
            else:
                events.append(record)
    return events, empty


def predictions_by_url(store, urls: set[str]) -> dict[str, list[Event]]:
    """Per article URL, the events as that article alone reports them (its own mentions fused)."""
    out: dict[str, list[Event]] = {}
    for url, aid in store.article_ids_by_url(urls).items():
        by_event: dict[str, list[Mention]] = {}
        for event_id, mention in store.mentions_in_article(aid):
            by_event.setdefault(event_id, []).append(mention)
        article = store.articles_for({aid})
        out[url] = [build_event(eid, ms, article, {}) for eid, ms in by_event.items()]
    return out


def evaluate(store, gold_path: Path | None = None) -> dict:
    """All figures, as a JSON-ready dict."""
    gold, empty = load_gold(gold_path)
    urls = {g["url"] for g in gold} | empty
    predicted = predictions_by_url(store, urls)
    gazetteer = load_gazetteer()
    matches, missed, confusions = [], [], Counter()
    n_pred = sum(len(v) for v in predicted.values())
    for url in sorted(urls):
        preds = list(predicted.get(url, []))
        for g in (g for g in gold if g["url"] == url):
            candidates = [p for p in preds if p.event_type == g["event_type"] and _place_agrees(g, p)]
            if not candidates:
                missed.append(g)
                kinds = sorted({p.sub_event_type for p in preds}) or ["nothing"]
                confusions[f"missed {g['sub_event_type']} (article had: {', '.join(kinds)})"] += 1
                continue
            best = max(candidates, key=lambda p: (p.sub_event_type == g["sub_event_type"], _date_ok(g, p)))
            preds.remove(best)
            matches.append((g, best))
            if best.sub_event_type != g["sub_event_type"]:
                confusions[f"{g['sub_event_type']} coded as {best.sub_event_type}"] += 1
        for p in preds:
            confusions[f"spurious {p.sub_event_type}"] += 1
    tp = len(matches)
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / len(gold) if gold else 0.0
    fields = {name: _field_accuracy(name, matches, gazetteer) for name in FIELDS}
    return {
        "articles": len(urls), "gold_events": len(gold), "predicted_events": n_pred, "matched": tp,
        "precision": round(precision, 3), "recall": round(recall, 3),
        "f1": round(2 * precision * recall / (precision + recall), 3) if precision + recall else 0.0,
        "fields": fields, "fusion": _fusion(matches, gold),
        "confusions": confusions.most_common(15),
    }


def _place_agrees(g: dict, p: Event) -> bool:
    if p.place is None or p.place.iso != g["country_iso"]:
        return False
    return not g.get("admin1") or fold(p.place.admin1 or "") == fold(g["admin1"])


def _date_ok(g: dict, p: Event) -> bool:
    """The predicted date lies where the gold says, at the gold's precision."""
    if not g.get("event_date"):
        return False
    gd = date.fromisoformat(g["event_date"])
    start = p.date.start
    if g["time_precision"] == 1:
        return start == gd
    if g["time_precision"] == 2:
        return abs((start - gd).days) <= 7
    if g["time_precision"] == 3:
        return (start.year, start.month) == (gd.year, gd.month)
    return start.year == gd.year


def _field_value_ok(name: str, g: dict, p: Event, gazetteer) -> bool | None:
    """Whether one field agrees; None when the gold does not say."""
    if name == "sub_event_type":
        return p.sub_event_type == g["sub_event_type"]
    if name == "admin1":
        return None if not g.get("admin1") else fold(p.place.admin1 or "") == fold(g["admin1"])
    if name == "location":
        if not g.get("location"):
            return None
        ids = {e.key for e in gazetteer.entries(g["location"])}
        return fold(p.place.name) == fold(g["location"]) or str(p.place.geonameid) in ids
    if name == "geo_precision":
        return int(p.place.precision) == g["geo_precision"]
    if name == "date":
        return None if not g.get("event_date") else _date_ok(g, p)
    if name == "time_precision":
        return None if not g.get("time_precision") else int(p.date.precision) == g["time_precision"]
    if name == "claim_status":
        return p.claim_status.value == g["claim_status"]
    if name == "actor1":
        if not g.get("actor1"):
            return None
        return bool(p.actor1) and same_actor(p.actor1.name, g["actor1"], gazetteer)
    if name == "fatalities":
        if g.get("fatalities") is None:
            return None
        return (p.fatalities.best if p.fatalities else None) == g["fatalities"] or \
            (g["fatalities"] == 0 and p.fatalities is None)
    raise KeyError(name)


# Arabic's article before a name: not "an" or "as", which English uses.
_ARTICLE = re.compile(r"(?i)\b(al|el|ad|ash|ar|az|ez)[-‑\s]+(?=\w)")
_JOINED = re.compile(r"al(?=[^\Waeioul]\w{2})")   # "alshabaab", "alqaida", "alsham"; not "alliance", "alawite"
# Words that name no side ("Military Forces of Russia": "of", "forces"), and the plain words for one kind of
# actor that gold and our names use for the same people.
_NO_SIDE = {"of", "the", "forces", "force", "group", "unidentified", "armed", "and", "a", "an", "in"}
_KIND_WORD = {"soldiers": "military", "troops": "military", "army": "military", "servicemen": "military",
              "policemen": "police", "officers": "police", "demonstrators": "protesters", "marchers": "protesters",
              "residents": "civilians", "villagers": "civilians"}


def same_actor(ours: str, gold: str, gazetteer) -> bool:
    """Whether two actor names name one side: the same country where both name one ("Russian military" ~
    "Military Forces of Russia", not "Military Forces of Ukraine"), and a word in common besides the country
    ("Civilians (Colombia)" is not "Protesters (Colombia)"), unless one of them is the country alone."""
    if fold(ours) == fold(gold):
        return True   # "Unidentified Armed Group" is all words that name no side
    (countries_a, words_a), (countries_b, words_b) = _actor_key(ours, gazetteer), _actor_key(gold, gazetteer)
    if countries_a and countries_b and not countries_a & countries_b:
        return False
    if not words_a or not words_b:
        return bool(countries_a & countries_b)
    return bool(words_a & words_b)


def _actor_key(name: str, gazetteer) -> tuple[frozenset[str], frozenset[str]]:
    """The countries a name names (by name or demonym) and its other words, each cut to five letters."""
    countries, spans = set(), []
    for hit in gazetteer.spot(name):
        iso = hit.demonym_of or next((e.country for e in hit.entries if e.kind == "country"), None)
        if iso:
            countries.add(iso)
            spans.append((hit.start, hit.end))
    rest = "".join(" " if any(s <= i < e for s, e in spans) else c for i, c in enumerate(name))
    # "al-Shabaab", "Al Shabaab" and "Alshabaab" are one name; the article is no word of its own, or every
    # "al-" group would match every other.
    rest = _ARTICLE.sub(lambda m: m.group(1), rest)
    words = {fold(w) for w in re.findall(r"[\w'’-]+", rest)}
    return frozenset(countries), frozenset(_word_key(_KIND_WORD.get(w, w)) for w in words - _NO_SIDE)


def _word_key(word: str) -> str:
    """A word's first five letters; a name joined to Arabic's article is told by its consonants instead, whose
    vowels transliterations spell differently ("al-Qaeda", "al-Qaida"; "Shabaab", "Shabab") and whose first five
    letters are mostly the article ("al-Shabaab" is not "al-Sham" nor "Ansar al-Sharia")."""
    article = _JOINED.match(word)
    if not article:
        return word[:5]
    consonants = re.sub(r"[aeiouy'’-]", "", word[article.end():])
    return article.group(0) + re.sub(r"(.)\1+", r"\1", consonants)


def _field_accuracy(name: str, matches, gazetteer) -> dict:
    results = [r for g, p in matches if (r := _field_value_ok(name, g, p, gazetteer)) is not None]
    return {"n": len(results), "accuracy": round(sum(results) / len(results), 3) if results else None}


def _fusion(matches, gold) -> dict:
    """Pairwise precision/recall of 'same event' over matched gold events of multi-article incidents."""
    pairs_gold = pairs_pred = both = 0
    for (g1, p1), (g2, p2) in combinations(matches, 2):
        if g1["url"] == g2["url"]:
            continue
        same_gold = g1["incident"] == g2["incident"]
        same_pred = p1.id == p2.id
        pairs_gold += same_gold
        pairs_pred += same_pred
        both += same_gold and same_pred
    return {"gold_pairs": pairs_gold, "predicted_pairs": pairs_pred, "correct_pairs": both,
            "precision": round(both / pairs_pred, 3) if pairs_pred else None,
            "recall": round(both / pairs_gold, 3) if pairs_gold else None}


def render_report(figures: dict, console: Console) -> None:
    """The figures as Rich tables."""
    head = Table(title="Events (match = article + type + place)")
    for col in ("articles", "gold", "predicted", "matched", "precision", "recall", "F1"):
        head.add_column(col, justify="right")
    head.add_row(*(str(figures[k]) for k in ("articles", "gold_events", "predicted_events", "matched",
                                              "precision", "recall", "f1")))
    console.print(head)
    table = Table(title="Field accuracy over matched events")
    table.add_column("field")
    table.add_column("n", justify="right")
    table.add_column("accuracy", justify="right")
    for name, f in figures["fields"].items():
        table.add_row(name, str(f["n"]), "-" if f["accuracy"] is None else f"{f['accuracy']:.3f}")
    console.print(table)
    fu = figures["fusion"]
    console.print(f"Fusion across articles: {fu['correct_pairs']} of {fu['gold_pairs']} gold same-incident pairs "
                  f"joined (recall {fu['recall']}), {fu['predicted_pairs']} pairs joined in all "
                  f"(precision {fu['precision']})")
    if figures["confusions"]:
        conf = Table(title="Most frequent mistakes")
        conf.add_column("mistake")
        conf.add_column("count", justify="right")
        for text, count in figures["confusions"]:
            conf.add_row(text, str(count))
        console.print(conf)


def render_typing(figures: dict, console: Console) -> None:
    """Event-typing figures as Rich tables."""
    table = Table(title=f"Event typing on {figures['snippets']} snippets "
                        f"({figures['no_prediction']} with no event found)")
    for col in ("class", "support", "precision", "recall", "F1"):
        table.add_column(col, justify="right" if col != "class" else "left")
    for name, c in figures["per_class"].items():
        table.add_row(name, str(c["support"]), f"{c['precision']:.3f}", f"{c['recall']:.3f}", f"{c['f1']:.3f}")
    console.print(table)
    console.print(f"accuracy {figures['accuracy']:.3f} · macro F1 {figures['macro_f1']:.3f} · "
                  f"weighted F1 {figures['weighted_f1']:.3f}")
    for route, c in figures["by_route"].items():
        accuracy = "-" if c["accuracy"] is None else f"{c['accuracy']:.3f}"
        console.print(f"  {route}: {c['snippets']} snippets, accuracy {accuracy}", highlight=False)
    for text, count in figures["confusions"]:
        console.print(f"  {count:3d}  {text}", highlight=False)
