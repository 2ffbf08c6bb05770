"""The HTTP API and the page: every route against a real SQLite store built by the pipeline from small
invented articles (real places, invented incidents and outlets)."""

from __future__ import annotations

import csv
import io
import re
import shutil
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest
from fastapi.testclient import TestClient

from conftest import TODAY
from wirewatch import pipeline
from wirewatch.serve import api
from wirewatch.serve.api import create_app
from wirewatch.serve.export import ACLED_COLUMNS, EXTRA_COLUMNS
from wirewatch.settings import load_settings
from wirewatch.store import EventFilter, SQLiteStore

ARTICLES = {
    "kherson-hospital.txt": """Title: Shelling damages hospital in Kherson
Outlet: Dnipro Daily
URL: https://dniprodaily.example/2024/03/12/kherson-hospital
Published: 2024-03-12T10:00:00+02:00

KHERSON, March 12 — Russian forces shelled a hospital in Kherson on Monday, killing two patients and wounding five staff, the regional governor said.

The shells hit the surgical wing and set the roof on fire, according to the governor's statement.
""",
    "kherson-hospital-2.txt": """Title: Two killed as shells hit Kherson hospital
Outlet: Black Sea Monitor
URL: https://blackseamonitor.example/ukraine/kherson-hospital-shelled
Published: 2024-03-12T14:00:00+02:00

KHERSON, March 12 — Two patients were killed when Russian artillery shelled a hospital in Kherson on Monday, the regional governor said on Telegram.

Five medical staff were wounded and the surgical wing was badly damaged, he said.
""",
    "nairobi-teachers.txt": """Title: Teachers march in Nairobi over unpaid wages
Outlet: Rift Valley Herald
URL: https://riftvalleyherald.example/2024/05/20/nairobi-teachers-march
Published: 2024-05-20T09:00:00+03:00

NAIROBI, May 20 — Thousands of teachers marched peacefully through central Nairobi on Sunday to demand three months of unpaid wages, union leaders said.

The protesters carried placards and gathered outside the Ministry of Education before dispersing in the afternoon.
""",
    "lima-buses.txt": """Title: Rioters torch buses in Lima
Outlet: Andes Wire
URL: https://andeswire.example/peru/2024/07/03/lima-buses-torched
Published: 2024-07-03T08:00:00-05:00

LIMA, July 3 — Rioters set fire to three buses and looted shops in Lima on Tuesday night after a fare increase, police said.

Police fired tear gas to disperse the crowd, and 14 people were arrested, according to a police statement.
""",
    "maiduguri-village.txt": """Title: Gunmen kill villagers near Maiduguri
Outlet: Sahel Courier
URL: https://sahelcourier.example/nigeria/2024/06/10/maiduguri-village-attack
Published: 2024-06-10T12:00:00+01:00

MAIDUGURI, June 10 — Gunmen killed seven villagers and burned houses in a village near Maiduguri on Saturday, residents said.

The attackers arrived on motorcycles and fired on people at the market, a witness told Sahel Courier.
""",
}

TBILISI = {
    "text": "TBILISI, May 14 — Police fired tear gas and water cannon at protesters outside parliament in Tbilisi "
            "on Monday night, and 20 people were detained, the interior ministry said.\n\n"
            "The protesters threw bottles and stones at police lines on Rustaveli Avenue, according to witnesses.",
    "url": "https://caucasuswire.example/2024/05/14/tbilisi-clashes", "outlet": "Caucasus Wire",
    "title": "Police use tear gas on Tbilisi protesters", "published": "2024-05-14",
}


def settings_for(db: Path):
    """Defaults, the environment ignored, the trained typing model off (extraction is tested elsewhere)."""
    return load_settings(None, env={}, overrides={"extract.model": False, "store.db": str(db)})


@pytest.fixture(scope="module")
def built_db(tmp_path_factory) -> Path:
    """A store filled by the pipeline from ARTICLES (built once for the module; tests that write copy it)."""
    folder = tmp_path_factory.mktemp("news")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    db = folder / "events.db"
    store = SQLiteStore(db)
    report = pipeline.run([folder], store, settings_for(db), today=TODAY)
    store.close()
    assert report.new == len(ARTICLES) and not report.errors
    return db


@pytest.fixture(scope="module")
def client(built_db) -> TestClient:
    return TestClient(create_app(settings_for(built_db)))


@pytest.fixture
def writable(built_db, tmp_path) -> Path:
    """A copy of the built store that a test may write to."""
    db = tmp_path / "events.db"
    shutil.copy(built_db, db)
    return db


@pytest.fixture(scope="module")
def everything(client) -> list[dict]:
    body = client.get("/api/events", params={"limit": 1000}).json()
    assert body["ok"] and body["next"] is None
    return body["events"]


def ids(events: list[dict]) -> list[str]:
    return [e["id"] for e in events]


def assert_error(response, status: int) -> dict:
    """The one error shape, pinned."""
    assert response.status_code == status
    body = response.json()
    assert set(body) == {"ok", "error", "status"}
    assert body["ok"] is False and body["status"] == status
    assert isinstance(body["error"], str) and body["error"]
    return body


# --- GET /api/events ---------------------------------------------------------------------------

def test_events_are_listed_oldest_first_with_corroboration(everything):
    assert len(everything) >= 4
    keys = [(e["date"]["start"], e["id"]) for e in everything]
    assert keys == sorted(keys)
    kherson = [e for e in everything if e["place"]["name"] == "Kherson"]
    assert len(kherson) == 1 and kherson[0]["corroboration"] == 2
    assert {s["outlet"] for s in kherson[0]["sources"]} == {"Dnipro Daily", "Black Sea Monitor"}


@pytest.mark.parametrize("limit", [1, 2, 3])
def test_a_cursor_walk_returns_every_event_once(client, everything, limit):
    seen, cursor, pages = [], None, 0
    while True:
        params = {"limit": limit} | ({"cursor": cursor} if cursor else {})
        body = client.get("/api/events", params=params).json()
        assert body["count"] == len(body["events"]) <= limit
        seen += ids(body["events"])
        pages += 1
        cursor = body["next"]
        if cursor is None:
            break
    assert seen == ids(everything)
    assert pages == -(-len(everything) // limit)  # no empty last page


def test_a_filtered_cursor_walk_stays_filtered(client, everything):
    expected = [e["id"] for e in everything if e["date"]["start"] >= "2024-05-01"]
    assert len(expected) >= 2
    seen, cursor = [], None
    while True:
        body = client.get("/api/events", params={"since": "2024-05-01", "limit": 1}
                          | ({"cursor": cursor} if cursor else {})).json()
        seen += ids(body["events"])
        if not (cursor := body["next"]):
            break
    assert seen == expected


def _place(e):
    return e["place"]


FILTERS = [
    ({"country": "UKR"}, lambda e: _place(e)["iso"] == "UKR"),
    ({"country": "kenya"}, lambda e: _place(e)["country"] == "Kenya"),
    ({"admin1": "borno"}, lambda e: _place(e)["admin1"] == "Borno"),
    ({"type": "Riots"}, lambda e: e["event_type"] == "Riots"),
    ({"type": "Peaceful protest"}, lambda e: e["sub_event_type"] == "Peaceful protest"),
    ({"sub_type": "Shelling/artillery/missile attack"}, lambda e: e["sub_event_type"] == "Shelling/artillery/missile attack"),
    ({"actor": "russia"}, lambda e: "russia" in ((e["actor1"] or {}).get("name", "") + " "
                                                 + (e["actor2"] or {}).get("name", "")).lower()),
    ({"since": "2024-05-01", "until": "2024-06-30"}, lambda e: "2024-05-01" <= e["date"]["start"] <= "2024-06-30"),
    ({"bbox": "-20,-35,55,38"}, lambda e: -20 <= _place(e)["longitude"] <= 55 and -35 <= _place(e)["latitude"] <= 38),
    ({"bbox": "170,-60,-60,10"},  # across the antimeridian: the Pacific and the Americas
     lambda e: (_place(e)["longitude"] >= 170 or _place(e)["longitude"] <= -60) and -60 <= _place(e)["latitude"] <= 10),
    ({"min_corroboration": 2}, lambda e: e["corroboration"] >= 2),
    ({"country": "NGA", "type": "Violence against civilians"},
     lambda e: _place(e)["iso"] == "NGA" and e["event_type"] == "Violence against civilians"),
]


@pytest.mark.parametrize("params,keep", FILTERS, ids=[str(p) for p, _ in FILTERS])
def test_filters_select_exactly_the_matching_events(client, everything, params, keep):
    expected = [e["id"] for e in everything if keep(e)]
    assert 0 < len(expected) < len(everything), "the test store should have events on both sides of the filter"
    assert ids(client.get("/api/events", params=params).json()["events"]) == expected


def test_claim_status_filter(client, everything):
    status = everything[0]["claim_status"]
    expected = [e["id"] for e in everything if e["claim_status"] == status]
    assert ids(client.get("/api/events", params={"claim_status": status}).json()["events"]) == expected


def test_text_filter_reads_source_passages(client):
    found = client.get("/api/events", params={"text": "buses"}).json()["events"]
    assert found and {e["place"]["name"] for e in found} == {"Lima"}
    assert client.get("/api/events", params={"text": "no such words anywhere"}).json()["events"] == []


def test_filter_values_are_bound_not_pasted(client, everything):
    """SQL in a parameter is only a string to match."""
    for value in ("UKR' OR '1'='1", "x); DROP TABLE events; --"):
        assert client.get("/api/events", params={"country": value}).json()["events"] == []
    assert len(client.get("/api/events", params={"limit": 1000}).json()["events"]) == len(everything)


# --- formats -----------------------------------------------------------------------------------

def test_csv_has_acled_columns_and_pages_by_header(client, everything):
    response = client.get("/api/events", params={"format": "csv", "limit": 2})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert list(rows[0]) == ACLED_COLUMNS + EXTRA_COLUMNS
    assert [r["event_id_cnty"] for r in rows] == ids(everything)[:2]
    assert rows[0]["notes"]  # the first source passage, as in `wirewatch export`
    rest = client.get("/api/events", params={"format": "csv", "limit": 1000,
                                             "cursor": response.headers["x-next-cursor"]})
    assert "x-next-cursor" not in rest.headers
    assert [r["event_id_cnty"] for r in csv.DictReader(io.StringIO(rest.text))] == ids(everything)[2:]


def test_geojson_is_a_feature_collection_of_points(client, everything):
    body = client.get("/api/events", params={"format": "geojson", "limit": 1000}).json()
    assert body["type"] == "FeatureCollection" and body["next"] is None
    by_id = {e["id"]: e for e in everything}
    assert [f["id"] for f in body["features"]] == ids(everything)
    for feature in body["features"]:
        place = by_id[feature["id"]]["place"]
        assert feature["geometry"] == {"type": "Point", "coordinates": [place["longitude"], place["latitude"]]}
        assert feature["properties"]["event_id_cnty"] == feature["id"]


def test_unknown_format_is_refused(client):
    assert "format" in assert_error(client.get("/api/events", params={"format": "xml"}), 422)["error"]


# --- GET /api/events/{id} ----------------------------------------------------------------------

def test_event_detail_has_every_source_with_highlighted_spans(client, everything):
    kherson = next(e for e in everything if e["place"]["name"] == "Kherson")
    body = client.get(f"/api/events/{kherson['id']}").json()
    assert body["ok"] and body["event"]["id"] == kherson["id"]
    assert len(body["sources"]) == 2
    assert {s["article"]["outlet"] for s in body["sources"]} == {"Dnipro Daily", "Black Sea Monitor"}
    for src in body["sources"]:
        assert src["article"]["url"].startswith("https://") and src["merge_reason"]
        assert "Kherson" in src["passage"]
        fields = {h["field"] for h in src["highlights"]}
        assert {"trigger", "place"} <= fields
        for h in src["highlights"]:
            assert src["passage"][h["start"]:h["end"]] == h["text"] == src["fields"][h["field"]]
        assert src["attribution"]["kind"] == "official_statement"


def test_event_detail_lists_the_events_merged_into_it_and_an_absorbed_id_points_to_it(writable):
    store = SQLiteStore(writable)
    kept, absorbed = [e.id for e in store.events(EventFilter(limit=2))]
    store.merge_events(kept, absorbed, "a report dated to one day matched both")
    store.close()
    client = TestClient(create_app(settings_for(writable)))
    body = client.get(f"/api/events/{kept}").json()
    assert [(m["event_id"], m["reason"]) for m in body["merges"]] == [
        (absorbed, "a report dated to one day matched both")]
    assert body["merges"][0]["when"]
    gone = client.get(f"/api/events/{absorbed}")
    assert gone.status_code == 404
    body = gone.json()
    assert set(body) == {"ok", "error", "status", "merged_into"} and body["merged_into"] == kept
    assert kept in body["error"]


def test_an_event_never_merged_lists_no_merges(client, everything):
    assert client.get(f"/api/events/{everything[0]['id']}").json()["merges"] == []


def test_unknown_event_is_404_in_the_error_shape(client):
    body = assert_error(client.get("/api/events/ev-000000000000"), 404)
    assert "ev-000000000000" in body["error"]
    assert_error(client.get("/api/no-such-route"), 404)


@pytest.mark.parametrize("params", [{"since": "last week"}, {"bbox": "1,2,3"}, {"bbox": "0,10,10,0"},
                                    {"bbox": "0,0,200,10"}, {"cursor": "not-a-cursor"}, {"limit": 0},
                                    {"limit": 100_000}, {"claim_status": "likely"}, {"min_corroboration": -1}])
def test_bad_parameters_are_422_in_the_error_shape(client, params):
    body = assert_error(client.get("/api/events", params=params), 422)
    assert next(iter(params)) in body["error"]


def test_store_failures_are_500_in_the_error_shape(tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database" * 100)
    body = assert_error(TestClient(create_app(settings_for(junk))).get("/api/events"), 500)
    assert "junk.db" in body["error"]


# --- GET /api/stats ----------------------------------------------------------------------------

def test_stats_count_by_week_type_and_admin1(client, everything):
    body = client.get("/api/stats").json()
    assert body["ok"] and body["total"] == len(everything)
    for key in ("by_week", "by_type", "by_admin1"):
        assert sum(row["count"] for row in body[key]) == len(everything)
    weeks = body["by_week"]
    assert [w["start"] for w in weeks] == sorted(w["start"] for w in weeks)
    kherson = next(e for e in everything if e["place"]["name"] == "Kherson")
    week = next(w for w in weeks if w["start"] <= kherson["date"]["start"] < _plus_days(w["start"], 7))
    assert week["week"] == "2024-W11" and week["start"] == "2024-03-11"  # Monday 11 March 2024
    assert {"iso": "NGA", "admin1": "Borno", "count": sum(1 for e in everything if e["place"]["admin1"] == "Borno")} \
        in body["by_admin1"]


def test_stats_take_the_event_filters(client, everything):
    body = client.get("/api/stats", params={"country": "NGA"}).json()
    assert body["total"] == sum(1 for e in everything if e["place"]["iso"] == "NGA") > 0
    assert {row["iso"] for row in body["by_admin1"]} == {"NGA"}


def _plus_days(day: str, n: int) -> str:
    from datetime import date, timedelta
    return (date.fromisoformat(day) + timedelta(days=n)).isoformat()


# --- POST /api/articles ------------------------------------------------------------------------

def test_posted_article_is_processed_and_its_event_found(writable):
    client = TestClient(create_app(settings_for(writable)))
    response = client.post("/api/articles", json=TBILISI)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["ok"] and body["stored"] == "new" and len(body["events"]) >= 1
    event = body["events"][0]
    assert event["place"]["iso"] == "GEO" and event["place"]["name"] == "Tbilisi"
    listed = client.get("/api/events", params={"country": "GEO"}).json()["events"]
    assert event["id"] in ids(listed)
    detail = client.get(f"/api/events/{event['id']}").json()
    assert detail["sources"][0]["article"]["url"] == TBILISI["url"]
    # the same article again is known, and says which events it reports
    again = client.post("/api/articles", json=TBILISI).json()
    assert again["stored"] == "known" and ids(again["events"]) == ids(body["events"])
    # the same text from another outlet is a copy, not a second source
    copy = client.post("/api/articles", json=TBILISI | {"url": "https://elsewhere.example/a", "outlet": "Other"}).json()
    assert copy["stored"] == "copy" and copy["copy_of"] == body["article_id"] and ids(copy["events"]) == ids(body["events"])


def test_posted_html_page_is_cleaned(writable):
    page = (f"<html><head><title>{TBILISI['title']}</title></head><body><nav>Home | World</nav>"
            f"<article><h1>{TBILISI['title']}</h1>"
            + "".join(f"<p>{p}</p>" for p in TBILISI["text"].split("\n\n")) + "</article></body></html>")
    body = TestClient(create_app(settings_for(writable))).post(
        "/api/articles", json={"html": page, "url": TBILISI["url"], "published": "2024-05-14"}).json()
    assert body["ok"] and any(e["place"]["name"] == "Tbilisi" for e in body["events"])


@pytest.mark.parametrize("payload,words", [
    ({}, '"text" or "html"'),
    ({"url": "https://x.example/a", "text": "   "}, '"text" or "html"'),
    ({"text": "a", "html": "<p>b</p>"}, "both"),
    ({"text": "Protest in Lima."}, "words"),
    ({"text": TBILISI["text"], "colour": "red"}, "colour"),
    ({"text": 42}, "text"),
    ({"text": TBILISI["text"], "published": "soon"}, None),  # a bad date is a warning, as for files
])
def test_bad_post_bodies_are_422(writable, payload, words):
    response = TestClient(create_app(settings_for(writable))).post("/api/articles", json=payload)
    if words is None:
        assert response.status_code == 200 and response.json()["warnings"]
        return
    assert words in assert_error(response, 422)["error"]


def test_post_that_is_not_json_is_422(writable):
    response = TestClient(create_app(settings_for(writable))).post(
        "/api/articles", content=b"{not json", headers={"content-type": "application/json"})
    assert_error(response, 422)


def test_oversized_article_is_refused(writable):
    settings = load_settings(None, env={}, overrides={"extract.model": False, "store.db": str(writable),
                                                      "ingest.max_bytes": 2_000})
    client = TestClient(create_app(settings))
    assert "limit" in assert_error(client.post("/api/articles", json={"text": "word " * 1_000}), 422)["error"]
    assert_error(client.post("/api/articles", json={"text": "word " * 20_000}), 413)


def test_token_guards_writes_only(writable):
    client = TestClient(create_app(settings_for(writable), token="s3cret"))
    assert_error(client.post("/api/articles", json=TBILISI), 401)
    assert_error(client.post("/api/articles", json=TBILISI, headers={"Authorization": "Bearer wrong"}), 401)
    assert client.post("/api/articles", json=TBILISI, headers={"Authorization": "Bearer s3cret"}).status_code == 200
    assert client.get("/api/events").status_code == 200


# --- the page, OpenAPI, the command ------------------------------------------------------------

# Absolute URLs the built page may contain, none of them fetched: the SVG namespace, and the link in
# Leaflet's attribution prefix (a plain <a href>, switched off in map.js; the browser test blocks any request
# that leaves the server).
INERT_URLS = {"http://www.w3.org/2000/svg", "https://leafletjs.com"}


def test_page_is_served_and_works_offline(client):
    response = client.get("/")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    assert 'src="static/app.js"' in response.text and 'href="static/style.css"' in response.text
    for name, kind in (("app.js", "javascript"), ("style.css", "text/css")):
        asset = client.get(f"/static/{name}")
        assert asset.status_code == 200 and kind in asset.headers["content-type"]
    web = Path(api.web_dir())
    for path in web.iterdir():
        text = path.read_text(encoding="utf-8")
        assert set(re.findall(r"https?://[\w.-]+(?:/[\w./-]*)?", text)) <= INERT_URLS, path
        assert "url(http" not in text.replace(" ", "") and "@import" not in text, path
    assert "api/points" in (web / "app.js").read_text() and "api/events/" in (web / "app.js").read_text()
    # the map's borders are in the bundle, not fetched from a tile server
    assert '"countries"' in (web / "app.js").read_text() or "countries:" in (web / "app.js").read_text()


# --- GET /api/points ---------------------------------------------------------------------------

def test_points_are_columns_of_every_matching_event(client, everything):
    body = client.get("/api/points").json()
    assert body["ok"] and body["count"] == len(everything) and body["truncated"] is False
    cols = body["columns"]
    assert list(cols) == list(api.POINT_COLUMNS) and all(len(v) == len(everything) for v in cols.values())
    assert cols["id"] == ids(everything)
    for i, e in enumerate(everything):
        assert (cols["lon"][i], cols["lat"][i]) == (e["place"]["longitude"], e["place"]["latitude"])
        assert (cols["start"][i], cols["end"][i]) == (e["date"]["start"], e["date"]["end"])
        assert (cols["event_type"][i], cols["sub_event_type"][i], cols["corroboration"][i]) == \
            (e["event_type"], e["sub_event_type"], e["corroboration"])
        assert (cols["place"][i], cols["admin1"][i], cols["iso"][i]) == \
            (e["place"]["name"], e["place"]["admin1"], e["place"]["iso"])


def test_points_take_the_event_filters(client, everything):
    body = client.get("/api/points", params={"country": "NGA", "since": "2024-05-01"}).json()
    expected = [e["id"] for e in everything if e["place"]["iso"] == "NGA" and e["date"]["end"] >= "2024-05-01"]
    assert expected and body["columns"]["id"] == expected
    assert_error(client.get("/api/points", params={"bbox": "1,2"}), 422)


def test_points_say_when_they_are_truncated(client, everything):
    events = [SimpleNamespace(id=f"ev-{n}", date=SimpleNamespace(start=date(2024, 1, n), end=date(2024, 1, n)),
                              place=None, event_type="Riots", sub_event_type="Mob violence", corroboration=1)
              for n in range(1, 6)]
    body = api.points_json(iter(events), limit=3)
    assert body["truncated"] is True and body["count"] == 3 and body["columns"]["id"] == ["ev-1", "ev-2", "ev-3"]
    assert body["columns"]["lat"] == [None] * 3  # no place: on the timeline, not on the map
    assert api.points_json(iter(events), limit=5)["truncated"] is False


def test_openapi_page_lists_the_routes(client):
    assert client.get("/docs").status_code == 200
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/events", "/api/events/{event_id}", "/api/stats", "/api/points", "/api/articles"} <= set(paths)


def test_serve_command_runs_uvicorn_on_the_app(monkeypatch, tmp_path):
    from typer.testing import CliRunner

    import uvicorn
    from wirewatch.serve.cli import app

    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda application, **kw: calls.append((application, kw)))
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "x.db"), "--port", "8123"])
    assert result.exit_code == 0, result.output
    application, kw = calls[0]
    assert kw == {"host": "127.0.0.1", "port": 8123}
    assert TestClient(application).get("/api/stats").json()["total"] == 0
    help_text = CliRunner().invoke(app, ["serve", "--help"]).output
    assert "Example:" in help_text


def test_concurrent_requests_each_get_their_own_store(tmp_path):
    """Requests running at once never share a store: interleaved writes and reads all succeed."""
    from concurrent.futures import ThreadPoolExecutor
    from fastapi.testclient import TestClient
    from wirewatch.serve.api import create_app
    from wirewatch.settings import load_settings
    db = tmp_path / "p.db"
    client = TestClient(create_app(load_settings(None, env={}, overrides={"store.db": str(db), "extract.model": False})))
    cities = ["Tbilisi", "Nairobi", "Lima", "Dakar", "Kherson", "Yerevan", "Bishkek", "Accra"]

    def desk(i: int) -> list[int]:
        codes = []
        for k in range(3):
            text = (f"{cities[i]}, May 14 — Police fired tear gas at protesters outside parliament in {cities[i]} on "
                    f"Monday night, and {i * 10 + k + 3} people were detained, the interior ministry said.\n\n"
                    f"Protesters threw stones at police lines on the main avenue, witness number {k} said.")
            codes.append(client.post("/api/articles", json={"text": text, "url": f"https://desk.example/{i}/{k}",
                                                            "published": "2024-05-14"}).status_code)
            codes.append(client.get("/api/events?limit=5").status_code)
        return codes

    with client:
        client.get("/api/stats")
        with ThreadPoolExecutor(8) as pool:
            codes = [c for batch in pool.map(desk, range(8)) for c in batch]
    assert codes == [200] * 48
    assert SQLiteStore(db).db.execute("SELECT count(*) FROM runs WHERE finished_at IS NOT NULL").fetchone()[0] == 24


def test_event_detail_keeps_its_sources_though_a_merge_commits_between_its_reads(writable):
    """Another process (a `watch`) merges the event away right after the detail has read it: the answer still
    shows the event with its sources, as they were when it was read."""
    store, other = SQLiteStore(writable), SQLiteStore(writable)
    absorbed, kept = [e.id for e in store.events(EventFilter(limit=2))]
    read = store.event

    def then_merge(event_id):
        found = read(event_id)
        other.merge_events(kept, absorbed, "a watch run tied them")
        return found

    store.event = then_merge
    body = api.event_detail(store, absorbed)
    assert body["event"]["id"] == absorbed and body["sources"]


def test_a_posted_article_is_answered_though_a_merge_commits_between_its_reads(writable):
    store, other = SQLiteStore(writable), SQLiteStore(writable)
    read = store.mentions_in_article

    def then_merge(article_id):
        found = read(article_id)
        eid = found[0][0]
        keep = next(e.id for e in other.events(EventFilter(limit=100)) if e.id != eid)
        other.merge_events(keep, eid, "a watch run tied them")
        return found

    store.mentions_in_article = then_merge
    body = api.submit_article(TBILISI, store, settings_for(writable), today=TODAY)
    assert body["ok"] and body["events"]
