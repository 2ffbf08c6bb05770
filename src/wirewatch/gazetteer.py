"""The packaged gazetteer (GeoNames, CC BY 4.0): countries, admin1 units and towns, in memory.

`spot` finds place names in text; `entries` lists what a name may refer to. Choosing among them in
context is resolve/places.py's job.
"""

from __future__ import annotations

import csv
import gzip
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import Iterator

from .errors import ResourceError
from .name_forms import english_forms, name_forms
# REGION_WORDS and SMALL_TOWN are read from here by extract and resolve
from .place_context import (REGION_WORDS, SMALL_TOWN, ArticleNames, admin1_named, american_wording, bodies_named,
                            focus_of, in_full_names, town_word_use)
from .us_states import ABBREVIATED, ABBREVIATION, name_units, state_key, state_qualifiers, votes

# Candidate names: runs of capitalised words, joined by spaces, hyphens or a few lower-case particles.
_NAME_RUN = re.compile(
    r"(?:(?:St|ST|Ste|STE|Ft|FT|Mt|MT)\.[ \t](?=[A-Z]))?[A-Z][\w'’-]*(?:(?: |-)(?:(?:(?<=Republic )of the|al|el|es|ez|ed|en|ar|az|ad|de|du|da|do|dos|das|des|del|di|la|le|los|las|of|upon|sur|an|am|ash|as|bin|ibn|i|y)(?: |-))?"
    r"[A-Z][\w'’-]*)*"
)
_MAX_WORDS = 5

# Words before a place name that make it a reference point rather than the place itself ("near X").
NEAR_BEFORE = re.compile(r"(?i)\b(?:near|outside|close to|outskirts of|north of|south of|east of|west of|"
                   r"northeast of|northwest of|southeast of|southwest of|km from|kilometres from|miles from|"
                   r"area of|around)\s+(?:the\s+)?(?:(?:town|village|city|settlement) of\s+)?$")

# "Pitt County", and "PITT COUNTY" as a dateline writes it ("GREENVILLE, PITT COUNTY -")
_COUNTY = re.compile(r"\b((?:[A-Z][\w'’.-]*[ \t]){1,3})(County|Parish|Borough|COUNTY|PARISH)\b")
_COUNTY_NEXT = re.compile(r"[ \t]+(?:County|Parish|COUNTY|PARISH)\b")
_SETTLEMENT_BEFORE = re.compile(r"(?i)\b(?:town|village|city|hamlet|settlement|township|community|borough|"
                                r"suburb|municipality) of\s+$")
# Words that news copy abbreviates with a full stop and that GeoNames also lists as towns: "Ore." is
# Oregon and "Nov." November, not Ore in Nigeria or Nov in Tajikistan.
_ABBREVIATED = ABBREVIATED | {
    "jan", "feb", "mar", "apr", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed",
    "thu", "thur", "thurs", "fri", "sat", "sun", "ave", "st", "rd", "blvd", "hwy", "co", "inc", "jr", "sr", "ft",
    "mt", "gov", "sen", "rep", "det", "sgt", "lt", "capt", "col", "gen", "cpl", "dr", "mr", "mrs", "ms", "no"}
# Month abbreviations before a day are dates, with or without the full stop ("PESHAWAR, Nov 10 —").
_MONTHS = frozenset({"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"})
_DAY_AFTER = re.compile(r"\.?[ \t]+\d{1,2}\b")

# Iceland's "Northeast" and "Northwest" units: in English copy the words say which side of a town ("Northeast
# Philadelphia", "the Northwest Side"), like the plain compass words in lexicons/not_places.txt.
_BARE_COMPASS = frozenset({"northeast", "northwest", "southeast", "southwest"})


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer record."""

    kind: str            # "country", "admin1" or "city"
    key: str             # ISO2 for countries, "CC.code" for admin1, the geonameid for cities
    name: str
    country: str         # ISO 3166-1 alpha-2
    admin1: str | None   # "CC.code"
    latitude: float | None
    longitude: float | None
    population: int
    admin2: str | None = None   # the admin2 unit's name, for towns where GeoNames gives one


@dataclass(frozen=True, slots=True)
class Hit:
    """A run of text that names a place, a demonym or both."""

    start: int
    end: int
    text: str
    entries: tuple[Entry, ...]
    demonym_of: str | None = None   # ISO2, when the words are a demonym ("Russian")


def fold(text: str) -> str:
    """Lower-case, diacritics off, curly apostrophes straight: the index key."""
    if text.isascii():   # most words: nothing to decompose, and the spotter folds hundreds per article
        return text.lower().strip()
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower().strip()


class Gazetteer:
    """In-memory index of the packaged gazetteer files."""

    def __init__(self, rows: Iterator[tuple[Entry, list[str]]], demonyms: dict[str, str],
                 countries: dict[str, dict[str, str]], admin1: dict[str, str],
                 stopwords: frozenset[str]) -> None:
        self.index: dict[str, list[Entry]] = {}
        self.admin2_units: dict[str, set[str]] = {}  # a county's folded name -> the admin1 keys holding one
        self._seats: dict[tuple[str, str], Entry] = {}  # (folded county, admin1 key) -> its largest town
        # an admin1 unit's people, as the sum of its towns': its weight against a namesake town abroad
        self.admin1_population: Counter[str] = Counter()
        for entry, names in rows:
            if entry.kind == "city" and entry.admin1:
                self.admin1_population[entry.admin1] += entry.population
            if entry.admin2 and entry.admin1:
                county = entry.admin2.lower()
                self.admin2_units.setdefault(county, set()).add(entry.admin1)
                seat = self._seats.get((county, entry.admin1))
                if seat is None or entry.population > seat.population:
                    self._seats[(county, entry.admin1)] = entry
            for name in names:
                # most names are ASCII already, and lower() is all fold() would do to them
                key = name.lower().strip() if name.isascii() else fold(name)
                self.index.setdefault(key, []).append(entry)
        self.demonyms = demonyms
        self.countries = countries      # ISO2 -> {"iso3", "name"}
        self.admin1_names = admin1      # "CC.code" -> name
        self.stopwords = stopwords
        # Extract and every mention of resolve ask about the same article: its names are read once and kept
        # for as many articles as the pipeline extracts before it resolves them (pipeline.CHUNK_SIZE).
        self._article = lru_cache(maxsize=128)(self._article_of)
        # lower-cased names of the counties and parishes a text names ("fayette county")
        self.counties_in = lru_cache(maxsize=16)(lambda text: frozenset(county for county, _ in self._counties(text)))
        self._raw_spot_once = lru_cache(maxsize=4)(lambda text: tuple(self._raw_spot(text)))
        self._context_without = lru_cache(maxsize=64)(self._context_without_key)
        self._state_votes = lru_cache(maxsize=64)(lambda text, key: votes(self._article(text).units, key))
        # A run's names depend on the run alone, and the same runs come back: each sentence's were read with its
        # article's, and "Police" or "the United States" open run after run.
        self._run_hits = lru_cache(maxsize=8192)(lambda run: tuple(self._hits_of_run(run)))

    def entries(self, name: str) -> list[Entry]:
        """Everything a name may refer to."""
        return self._lookup(fold(name))

    def county_towns(self, county: str) -> list[Entry]:
        """The largest town of each county ("admin2") of this name, one per admin1 unit holding one."""
        key = next((k for k in name_forms(county.lower()) if k in self.admin2_units), "")
        return [self._seats[(key, a1)] for a1 in sorted(self.admin2_units.get(key, ()))]

    def country(self, iso2: str) -> Entry | None:
        """The country record for an ISO2 code."""
        return next((e for e in self.entries(self.countries[iso2]["name"]) if e.kind == "country"), None) \
            if iso2 in self.countries else None

    def country_focus(self, text: str) -> Counter[str]:
        """How strongly an article points at each country (ISO2): names, demonyms, unambiguous towns."""
        return Counter(self._article(text).focus)

    def names_in(self, text: str) -> tuple[Hit, ...]:
        """spot(text) for a whole article, read once for all its mentions."""
        return self._article(text).hits

    def admin1_in(self, text: str) -> frozenset[str]:
        """Keys of the admin1 units a text names: by their own names, by a town only they hold, by a county
        only one unit has, or by a state abbreviation after a town ("Franklin, La." makes the article's
        other "Franklin"s too)."""
        return self._article(text).admin1

    def context_without(self, text: str, name: str) -> tuple[Counter[str], frozenset[str]]:
        """The country focus and the admin1 keys that the text's words other than `name` give: the support
        a reading of the name has beyond the name itself (a lone "Baar" names its own canton and country)."""
        return self._context_without(text, fold(name))

    def _context_without_key(self, text: str, key: str) -> tuple[Counter[str], frozenset[str]]:
        """context_without for a folded name."""
        article = self._article(text)
        hits = [h for h in article.hits if fold(h.text) != key]
        raw = [h for h in article.raw if fold(h.text) != key]
        counties = {next(iter(units)) for _, units in article.counties if len(units) == 1}
        return (focus_of(hits, article.full_names, article.qualifiers, article.counties, article.american),
                admin1_named(raw) | bodies_named(text, raw) | frozenset(article.qualifiers) | counties)

    def state_votes(self, text: str, name: str) -> Counter[str]:
        """The admin1 units that the text's place names other than `name` point at (us_states.votes); a
        state after a town ("Franklin, La.") and a county count as names. Shared between callers: read only."""
        return self._state_votes(text, fold(name))

    def counties_of_towns(self, text: str, name: str) -> frozenset[tuple[str, str]]:
        """(admin1 key, folded county) of every town reading of the text's names other than `name`, small towns
        included: a village named beside a county tells which state's county of that name it is ("Lithonia" and
        "DeKalb County" are Georgia's)."""
        # the county's own first words are no town beside it ("DeKalb" of "DeKalb County" is Illinois's DeKalb)
        keys = {fold(name), re.sub(r" (?:county|parish)$", "", fold(name))}
        return frozenset((e.admin1, fold(e.admin2)) for h in self._article(text).raw if fold(h.text) not in keys
                         for e in h.entries if e.kind == "city" and e.admin2)

    def _article_of(self, text: str) -> ArticleNames:
        """What the resolver reads of an article's names (see ArticleNames)."""
        raw = self._raw_spot_once(text)
        # a county's first words ("DeKalb" of "DeKalb County") are no town: they name no state nor vote for one
        bare = [h for h in raw if not _COUNTY_NEXT.match(text, h.end)]
        named = admin1_named(bare) | bodies_named(text, bare)
        hits = tuple(self._supported_hits(text, raw, named))
        counties = tuple((county, frozenset(units)) for county, units in self._counties(text))
        qualifiers, full_names, american = state_qualifiers(text), in_full_names(text), american_wording(text)
        single = {next(iter(units)) for _, units in counties if len(units) == 1}
        # "Mexican" is a people and "Jordan said" a person: neither votes for a unit
        places = ((fold(h.text), frozenset(e.key if e.kind == "admin1" else e.admin1 for e in h.entries if e.admin1))
                  for h in hits if not h.demonym_of and h.text not in full_names and not _COUNTY_NEXT.match(text, h.end))
        return ArticleNames(raw, hits, counties, qualifiers, full_names,
                            focus_of(hits, full_names, qualifiers, counties, american),
                            named | frozenset(qualifiers) | single, name_units(places, counties, qualifiers), american)

    def _counties(self, text: str) -> list[tuple[str, set[str]]]:
        """For each county or parish the text names ("the Trigg County Sheriff's Office"), its folded name
        and the admin1 keys of the units of that name."""
        found = []
        for m in _COUNTY.finditer(text):
            words = m.group(1).split()
            # "the Brown County", "Pasco County": try the longest run of words before "County" first
            for k in range(len(words)):
                written = f"{' '.join(words[k:])} {m.group(2)}".lower()
                county = next((c for c in name_forms(written) if c in self.admin2_units), written)
                units = self.admin2_units.get(county)
                if units:
                    found.append((county, units))
                    break
        return found

    def spot(self, text: str, context: str | None = None) -> list[Hit]:
        """Place names and demonyms in text, longest match first, never overlapping.

        A town under SMALL_TOWN people counts only where the text supports it (see `supported`); its
        admin1 may be named anywhere in `context` (the whole article, when text is one sentence of it)."""
        raw = self._raw_spot_once(text)
        return list(self._supported_hits(text, raw, admin1_named(raw) if context is None
                                         else self.admin1_in(context)))

    def _supported_hits(self, text: str, raw: tuple[Hit, ...], named: frozenset[str]) -> Iterator[Hit]:
        """The raw hits of text with only the readings the text supports; a hit left with none is dropped."""
        for hit in raw:
            entries = tuple(e for e in hit.entries if self.supported(e, text, hit.start, hit.end, named))
            if entries or hit.demonym_of:
                yield hit if len(entries) == len(hit.entries) else replace(hit, entries=entries)

    def supported(self, entry: Entry, text: str, start: int, end: int, named_admin1: frozenset[str],
                  focus: Counter[str] | None = None) -> bool:
        """Whether the text backs reading text[start:end] as this entry: always, for all but small
        towns; for those, their admin1 or county named in the text, a qualifier after them, "the village of"
        (with their country in the article's focus, when the caller knows it)."""
        if entry.kind != "city" or entry.population >= SMALL_TOWN or entry.admin1 in named_admin1:
            return True
        if entry.admin2 and entry.admin2.lower() in self.counties_in(text):
            return True  # "Union County deputies were called to a home in Elgin"
        # "the village of Baka" but not "the village of Baka Khel", a village the gazetteer lacks
        whole = not re.match(r"[ -][A-Z]", text[end:end + 2])
        if whole and _SETTLEMENT_BEFORE.search(text[max(0, start - 30):start]):
            return focus is None or focus.get(entry.country, 0) > 0
        admin1s, countries = self.qualifier(text, end)
        return entry.admin1 in admin1s or entry.country in countries

    def qualifier(self, text: str, end: int) -> tuple[frozenset[str], frozenset[str]]:
        """The admin1 keys and countries named right after a place, as in "Henderson, Texas" or
        "Henderson, Tex.": what narrows the name down."""
        m = re.match(r",\s+(?:the\s+)?", text[end:end + 8])
        if not m:
            return frozenset(), frozenset()
        tail = text[end + m.end():end + m.end() + 60]
        abbreviation = ABBREVIATION.match(tail)
        key = state_key(abbreviation.group(1)) if abbreviation else None
        if key:
            return frozenset({key}), frozenset()
        run = _NAME_RUN.match(tail)
        hit = next(iter(self._hits_in_run(run.group(0), 0)), None) if run else None
        if hit is None or hit.start != 0:
            return frozenset(), frozenset()
        return (frozenset(e.key for e in hit.entries if e.kind == "admin1"),
                frozenset(e.country for e in hit.entries if e.kind == "country"))

    def _raw_spot(self, text: str) -> list[Hit]:
        """Every name the index knows in text, small towns included, longest match first."""
        hits: list[Hit] = []
        for run in _NAME_RUN.finditer(text):
            found = [h for h in self._hits_in_run(run.group(0), run.start())
                     if not (text[h.end:h.end + 1] == "." and h.text.lower() in _ABBREVIATED)
                     and not (h.text.lower() in _MONTHS and _DAY_AFTER.match(text, h.end))]
            hits.extend(found)
            if not found or found[-1].end < run.end():
                hits.extend(self._qualified_word(text, run.end()))
            if not found:
                hits.extend(self._town_word(text, run.start(), run.group(0)))
        return hits

    def _qualified_word(self, text: str, end: int) -> Iterator[Hit]:
        """The word before `end` as a town despite the not-a-place list, where the state or country written
        right after it holds a town of that name: "Liberty, Mo.", "Union, S.C." (the words alone are mostly
        not places)."""
        if text[end:end + 1] != ",":
            return
        word = re.search(r"[A-Z][\w'’]*$", text[max(0, end - 40):end])
        key = fold(word.group(0)) if word else ""
        if key not in self.stopwords:
            return
        admin1s, countries = self.qualifier(text, end)
        entries = tuple(e for e in self.index.get(key, ()) if e.kind == "city"
                        and (e.admin1 in admin1s or e.country in countries))
        if entries:
            yield Hit(end - len(word.group(0)), end, word.group(0), entries)

    def _town_word(self, text: str, start: int, run: str) -> Iterator[Hit]:
        """A run's first word as a town despite the not-a-place list where the text uses it as one: its own
        police speak ("Jackson police said") or a shooting is told "in" it ("was shot in Troy on Friday")."""
        word = re.match(r"[A-Z][\w'’]*", run)
        key = fold(word.group(0)) if word else ""
        if key not in self.stopwords or not town_word_use(text, start, start + len(key), run):
            return
        entries = tuple(e for e in self.index.get(key, ()) if e.kind == "city")
        if entries:
            yield Hit(start, start + len(key), word.group(0), entries)

    def _lookup(self, key: str) -> list[Entry]:
        """The entries of a folded name under each of its forms (name_forms), the written form's first."""
        forms = name_forms(key)
        if len(forms) == 1:
            return self.index.get(key, [])
        found: list[Entry] = []
        for form in forms:
            found += [e for e in self.index.get(form, []) if e not in found]
        return found

    def _hits_in_run(self, run: str, offset: int) -> Iterator[Hit]:
        """Greedy longest-first matching of word n-grams inside one capitalised run."""
        for hit in self._run_hits(run):
            yield hit if offset == 0 else Hit(offset + hit.start, offset + hit.end, hit.text, hit.entries,
                                              hit.demonym_of)

    def _hits_of_run(self, run: str) -> Iterator[Hit]:
        """_hits_in_run at offset 0."""
        words = [(m.start(), m.end()) for m in re.finditer(r"[^\s-]+(?:-[^\s-]+)*|[^\s]+", run)]
        i = 0
        while i < len(words):
            for j in range(min(len(words), i + _MAX_WORDS), i, -1):
                start, end = words[i][0], words[j - 1][1]
                surface = re.sub(r"['’]s?$", "", run[start:end])
                key = fold(surface)
                demonym = self.demonyms.get(key)
                found = self._lookup(key)
                if (key in self.stopwords or key in _BARE_COMPASS) and not demonym:
                    continue
                if surface.isupper() and len(surface) <= 4:
                    found = [e for e in found if e.kind == "country"]  # "UN", "US", "EU": not towns
                if found or demonym:
                    yield Hit(start, start + len(surface), surface, tuple(found), demonym)
                    i = j - 1
                    break
            i += 1


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The packaged gazetteer, loaded once per process (about a second)."""
    folder = resources.files("wirewatch") / "data" / "gazetteer"
    try:
        countries = list(_tsv(folder / "countries.tsv"))
        admin1 = list(_tsv(folder / "admin1.tsv"))
        with (folder / "places.tsv.gz").open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
            header = fh.readline().rstrip("\n").split("\t")
            places = [line.rstrip("\n").split("\t") for line in fh]
    except FileNotFoundError as err:
        raise ResourceError(f"gazetteer file missing: {err.filename}",
                            hint="reinstall wirewatch, or run scripts/build_gazetteer.py") from None
    stop_path = resources.files("wirewatch") / "data" / "lexicons" / "not_places.txt"
    stopwords = frozenset(fold(line) for line in stop_path.read_text(encoding="utf-8").splitlines()
                          if line.strip() and not line.startswith("#"))

    def rows() -> Iterator[tuple[Entry, list[str]]]:
        for c in countries:
            yield Entry("country", c["iso2"], c["name"], c["iso2"], None, _num(c["latitude"]),
                        _num(c["longitude"]), int(c["population"] or 0)), c["names"].split("|")
        for a in admin1:
            yield Entry("admin1", a["code"], a["name"], a["country"], a["code"], _num(a["latitude"]),
                        _num(a["longitude"]), 0), english_forms(a["names"].split("|"))
        # positional columns: a DictReader over 150,000 rows would cost a third of the load time
        col = {name: i for i, name in enumerate(header)}
        gid, nm, lat, lon, cc, a1, a2, pop, names = (col[k] for k in (
            "geonameid", "name", "latitude", "longitude", "country", "admin1", "admin2", "population", "names"))
        for p in places:
            yield Entry("city", p[gid], p[nm], p[cc], p[a1] or None, float(p[lat]), float(p[lon]),
                        int(p[pop]), p[a2] or None), p[names].split("|")

    # A demonym two countries share ("Congolese") goes to the more populous: population as the prior, as for towns.
    by_size = sorted(countries, key=lambda c: int(c["population"] or 0))
    demonyms = {fold(d): c["iso2"] for c in by_size for d in c["demonyms"].split("|") if d}
    return Gazetteer(rows(), demonyms, {c["iso2"]: {"iso3": c["iso3"], "name": c["name"]} for c in countries},
                     {a["code"]: a["name"] for a in admin1}, stopwords)


@lru_cache(maxsize=1)
def country_codes() -> dict[str, str]:
    """Folded country names, ISO2 and ISO3 codes -> ISO3, from the countries file alone (no town index)."""
    codes: dict[str, str] = {}
    for c in _tsv(resources.files("wirewatch") / "data" / "gazetteer" / "countries.tsv"):
        for name in [c["iso2"], c["iso3"], c["name"], *c["names"].split("|")]:
            codes.setdefault(fold(name), c["iso3"])
    return codes


def _tsv(path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8") as fh:
        yield from csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)


def _num(value: str) -> float | None:
    return float(value) if value else None
