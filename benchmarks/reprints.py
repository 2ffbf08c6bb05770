"""A corpus of distinct articles and their reprints, for measuring near-duplicate detection.

Made only from our own writing: the sentences of the demo articles (src/wirewatch/data/demo/articles) and
of the 1,620 training snippets (training/snippets_*.tsv). An original is a headline and 6-12 paragraphs of
sentences drawn with a seeded RNG, with their numbers and weekdays redrawn, so any number of distinct
articles exist (original i is the same text on every run: it depends only on the seed and i). A reprint
is an original edited the way outlets edit wire copy: a new headline, the last paragraph cut, boilerplate
lines added (a byline, "Follow us on ...", "This story has been updated"), light word edits, or several
of these. Nothing here is read by wirewatch itself.
"""

from __future__ import annotations

import csv
import html
import json
import random
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "src" / "wirewatch" / "data" / "demo" / "articles"
SNIPPETS = [ROOT / "training" / "snippets_a.tsv", ROOT / "training" / "snippets_b.tsv"]

# Each reprint gets one of these, in turn: single edits, then the combinations outlets make.
EDITS: list[tuple[str, ...]] = [
    ("headline",), ("cut",), ("boilerplate",), ("words",),
    ("headline", "boilerplate"), ("cut", "boilerplate"), ("headline", "cut"), ("headline", "words"),
    ("headline", "cut", "boilerplate"), ("headline", "cut", "boilerplate", "words"),
]

_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”]))\s+(?=[\"“A-Z0-9])")
_NUMBER = re.compile(r"\d+")
_WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_TAG = re.compile(r"<[^>]+>")
_PARAGRAPH = re.compile(r"<p[^>]*>(.*?)</p>", re.S | re.I)
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

REPORTERS = ["Amina Diallo", "Pavel Horak", "Lucia Ferreira", "Tomasz Wrona", "Grace Otieno", "Farid Haddad",
             "Ines Moreau", "Kwame Mensah", "Sofia Lindqvist", "Rahul Mehta", "Oksana Kravets", "Diego Salas"]
OUTLETS = ["Harbour Times", "Plateau Daily", "The Evening Ledger", "Riverside Courier", "Northern Dispatch",
           "Meridian News", "Coastal Herald", "Capital Observer"]
CITIES = ["Nairobi", "Kyiv", "Dakar", "Bogota", "Beirut", "Dhaka", "Tbilisi", "Bamako", "Lima", "Manila"]
BOILERPLATE = [
    "By {reporter}, {outlet}",
    "By {reporter} | {outlet} | Updated {hour}:{minute:02d} GMT",
    "Follow us on X, Facebook and Telegram for the latest updates.",
    "Follow {outlet} on social media for breaking news.",
    "This story has been updated.",
    "This story has been updated with new casualty figures.",
    "This story has been updated with comment from officials in {city}.",
    "Additional reporting by {reporter} in {city}; editing by {editor}.",
    "Sign up for our morning briefing and get the day's main stories in your inbox.",
    "Copyright {outlet}. Reproduction without written permission is not allowed.",
    "Have a news tip? Contact our newsroom in {city}.",
    "Read more: our live coverage of the crisis.",
]
# Copy-editing swaps: an editor's light touch on wire copy (house style, a synonym).
SWAPS = {"said": "stated", "told": "informed", "killed": "left dead", "police": "officers", "about": "around",
         "people": "persons", "attack": "assault", "town": "locality", "residents": "locals",
         "authorities": "officials", "near": "close to", "defence": "defense", "neighbouring": "neighboring",
         "organisation": "organization", "wounded": "injured", "soldiers": "troops"}


@dataclass(frozen=True)
class Story:
    """One article: its key in the corpus, a headline and paragraphs."""

    key: str
    headline: str
    paragraphs: tuple[str, ...]

    @property
    def text(self) -> str:
        """The article as a text file's body: headline, then paragraphs, blank lines between."""
        return "\n\n".join((self.headline, *self.paragraphs))


@dataclass(frozen=True)
class Item:
    """A corpus entry: an original (original=None) or a reprint of one, with the edits made."""

    story: Story
    original: str | None = None
    edits: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def sentences() -> tuple[str, ...]:
    """Every sentence of our demo articles and training snippets, in a stable order."""
    found: list[str] = []
    for paragraph in _paragraphs():
        found.extend(s.strip() for s in _SENTENCE_END.split(paragraph) if len(s.split()) >= 6)
    return tuple(dict.fromkeys(found))


def _paragraphs() -> Iterator[str]:
    """Report paragraphs of the sources (page furniture and captions are short and left out)."""
    for path in SNIPPETS:
        with path.open(encoding="utf-8", newline="") as fh:
            yield from (row["text"] for row in csv.DictReader(fh, delimiter="\t"))
    for path in sorted(DEMO.iterdir()):
        if path.suffix == ".txt":
            blocks = path.read_text(encoding="utf-8").split("\n\n")[1:]   # the header block is metadata
        elif path.suffix == ".html":
            blocks = [html.unescape(_TAG.sub("", p)) for p in _PARAGRAPH.findall(path.read_text(encoding="utf-8"))]
        else:
            records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
            blocks = [b for r in records for b in (r.get("text") or _TAG.sub("\n\n", r.get("html", ""))).split("\n\n")]
        yield from (" ".join(b.split()) for b in blocks if len(b.split()) >= 12)


def original(index: int, seed: int = 1) -> Story:
    """Distinct article number `index`: 6-12 paragraphs of 1-3 sentences with redrawn numbers and days."""
    rng = random.Random(seed * 1_000_003 + index)
    pool = sentences()
    paragraphs = tuple(" ".join(_redraw(rng.choice(pool), rng) for _ in range(rng.randint(1, 3)))
                       for _ in range(rng.randint(6, 12)))
    return Story(f"o{index}", _headline(paragraphs[0], rng), paragraphs)


def _redraw(sentence: str, rng: random.Random) -> str:
    """The sentence with other numbers and weekdays, so reused sentences differ between articles."""
    sentence = _NUMBER.sub(lambda m: str(rng.randint(2, 10 ** len(m.group()) - 1)), sentence)
    return _WEEKDAY.sub(lambda m: rng.choice(WEEKDAYS), sentence)


def _headline(paragraph: str, rng: random.Random) -> str:
    """A headline made of a paragraph's opening words."""
    words = paragraph.rstrip(".").split()[: rng.randint(6, 11)]
    return " ".join(words).rstrip(",;:").capitalize()


def reprint(story: Story, edits: tuple[str, ...], rng: random.Random, key: str) -> Story:
    """The story as another outlet runs it, with the given edits."""
    headline, paragraphs = story.headline, list(story.paragraphs)
    if "words" in edits:
        paragraphs = [_touch_words(p, rng) for p in paragraphs]
    if "cut" in edits and len(paragraphs) > 1:
        paragraphs = paragraphs[:-1]
    if "headline" in edits:
        headline = _headline(rng.choice(paragraphs[1:] or paragraphs), rng)
        headline = rng.choice(["", "UPDATE 1-", "WRAPUP ", "EXCLUSIVE-"]) + headline
    if "boilerplate" in edits:
        lines = [_fill(line, rng) for line in rng.sample(BOILERPLATE, rng.randint(1, 3))]
        top = [line for line in lines if line.startswith("By ")]
        paragraphs = top + paragraphs + [line for line in lines if line not in top]
    return Story(key, headline, tuple(paragraphs))


def _touch_words(paragraph: str, rng: random.Random) -> str:
    """About one word in forty changed, dropped or swapped with its neighbour."""
    words = paragraph.split()
    for _ in range(max(1, len(words) // 40)):
        i = rng.randrange(len(words))
        choice = rng.random()
        if words[i].lower() in SWAPS and choice < 0.5:
            words[i] = SWAPS[words[i].lower()]
        elif choice < 0.75 and len(words) > 8:
            del words[i]
        elif i + 1 < len(words):
            words[i], words[i + 1] = words[i + 1], words[i]
    return " ".join(words)


def _fill(line: str, rng: random.Random) -> str:
    """A boilerplate line with its outlet, reporter, city and time filled in."""
    return line.format(reporter=rng.choice(REPORTERS), editor=rng.choice(REPORTERS), outlet=rng.choice(OUTLETS),
                       city=rng.choice(CITIES), hour=rng.randint(0, 23), minute=rng.randint(0, 59))


def corpus(count: int, reprint_share: float = 0.1, seed: int = 1) -> Iterator[Item]:
    """`count` articles in arrival order: originals, and (a share of them) reprints of any earlier original.

    Reprints cycle through EDITS so each kind of edit is equally represented."""
    rng = random.Random(seed)
    originals = 0
    reprints = 0
    for _ in range(count):
        if originals and rng.random() < reprint_share:
            source = original(rng.randrange(originals), seed)
            edits = EDITS[reprints % len(EDITS)]
            yield Item(reprint(source, edits, rng, f"r{reprints}"), source.key, edits)
            reprints += 1
        else:
            yield Item(original(originals, seed))
            originals += 1
