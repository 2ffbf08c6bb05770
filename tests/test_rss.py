"""Feed lists, OPML, feed parsing and `read_feeds` over a local server: every page once, every bad feed,
line and page reported by name, the rest read."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from test_fetch import FEEDS, FeedServer, fast_settings

from wirewatch.errors import InputError
from wirewatch.ingest import read_inputs
from wirewatch.ingest.rss import is_feed_file, parse_feed, read_feed_list, read_feeds
from wirewatch.models import RawDocument
from wirewatch.pipeline import run_documents
from wirewatch.settings import Settings, load_settings

BASE = "http://wire.example"


def render(name: str, base: str = BASE) -> str:
    return (FEEDS / name).read_text(encoding="utf-8").replace("{base}", base)


def feed_settings(**watch) -> Settings:
    """Fast requests, a 60 KB page limit, and the pipeline without the trained model."""
    settings = load_settings(None, env={}, overrides={"extract.model": False, "ingest.max_bytes": 60_000})
    return replace(settings, watch=fast_settings(**watch))


@pytest.fixture
def feed_server():
    with FeedServer() as server:
        yield server

def test_feed_list_reads_urls_and_names_bad_lines(write):
    path = write("desk.feeds", render("desk.feeds"))

    urls, errors = read_feed_list(path)

    assert urls == [f"{BASE}/feeds/world.rss", f"{BASE}/feeds/africa.atom", f"{BASE}/feeds/broken.rss"]
    assert [(e.source, e.line) for e in errors] == [(str(path), 7)]
    assert "'feeds/local-copy.rss' is not an http(s) URL" in str(errors[0])


def test_opml_outlines_read_once_each(write):
    urls, errors = read_feed_list(write("subs.opml", render("subscriptions.opml")))

    assert urls == [f"{BASE}/feeds/world.rss", f"{BASE}/feeds/africa.atom"] and errors == []


def test_opml_outline_that_is_no_web_feed_named(write):
    opml = render("subscriptions.opml").replace(f'"{BASE}/feeds/africa.atom"', '"file:///etc/passwd"')

    urls, errors = read_feed_list(write("subs.opml", opml))

    assert urls == [f"{BASE}/feeds/world.rss"]
    assert [e.reason for e in errors] == ["outline xmlUrl 'file:///etc/passwd' is not an http(s) URL"]


@pytest.mark.parametrize("name, content, message", [
    ("cut.opml", '<?xml version="1.0"?>\n<opml><body>\n<outline xmlUrl="x"', "is not well-formed OPML"),
    ("folders.opml", '<opml version="2.0"><body><outline text="News"/></body></opml>', "without any <outline xmlUrl"),
    ("none.feeds", "# nothing yet\n\n", "lists no feeds"),
    ("empty.feeds", "", "is empty"),
])
def test_unusable_feed_files_refused_by_name(write, name, content, message):
    path = write(name, content)
    with pytest.raises(InputError, match=message) as info:
        read_feed_list(path)
    assert info.value.source == str(path)


@pytest.mark.parametrize("name, content, expected", [
    ("subs.opml", "<opml/>", True),
    ("desk.feeds", "", True),
    ("urls.txt", "# desk\nhttps://wire.example/a.rss\n\nhttp://wire.example/b.xml  # b\n", True),
    ("story.txt", "Title: Blast in Mandalay\nURL: https://wire.example/x\n\nA bomb exploded on Saturday.", False),
    ("mixed.txt", "https://wire.example/a.rss\nA bomb exploded at a market.\n", False),
    ("blank.txt", "\n# only a comment\n", False),
    ("feed.html", "https://wire.example/a.rss\n", False),
])
def test_feed_files_recognised_by_suffix_or_content(write, name, content, expected):
    assert is_feed_file(write(name, content)) is expected


def test_rss_items_carry_id_link_title_and_date():
    feed = parse_feed(render("world.rss").encode(), f"{BASE}/feeds/world.rss", "application/rss+xml")
    items = {item.title: item for item in feed.items}

    assert feed.title == "Continental Wire - World" and feed.outlet == feed.title and feed.warning is None
    kherson = items["Drone strike on Dnipro ferry crossing near Kherson kills two"]
    assert (kherson.id, kherson.link, kherson.published) == (
        "cw-2024-0820-kherson-ferry", f"{BASE}/pages/kherson-ferry-strike.html", date(2024, 8, 20))
    assert items["Blast at Mandalay market kills four"].published is None
    briefing = items["Sahel briefing: what we know so far"]
    assert briefing.link is None and briefing.id.startswith("sha1:")
    again = parse_feed(render("world.rss").encode(), f"{BASE}/feeds/world.rss")
    assert [i.id for i in again.items] == [i.id for i in feed.items]   # ids are stable across polls


def test_atom_entries_prefer_the_published_date():
    feed = parse_feed(render("africa.atom").encode(), f"{BASE}/feeds/africa.atom", "application/atom+xml")

    assert [i.published for i in feed.items] == [date(2024, 8, 27), date(2024, 8, 22), date(2024, 8, 25)]
    assert feed.items[2].link == f"{BASE}/latin1/segou-convoy-ambush.html"


def test_feed_served_as_html_is_still_read():
    feed = parse_feed(render("world.rss").encode(), f"{BASE}/feeds/world.rss", "text/html")

    assert len(feed.items) == 5


@pytest.mark.parametrize("body, ctype, message", [
    (b"", "application/rss+xml", "is empty, not a feed"),
    (b"  \n ", "application/rss+xml", "is empty, not a feed"),
    (None, "text/html", "is an HTML page, not an RSS or Atom feed"),
    (b'<?xml version="1.0"?><note><to>desk</to></note>', "application/xml", "is not a feed that can be read"),
    (b"\x89PNG\r\n\x1a\n\x00\x00binary", "image/png", "is not a feed that can be read"),
])
def test_bad_feeds_refused_naming_the_feed(body, ctype, message):
    data = render("homepage.html").encode() if body is None else body
    with pytest.raises(InputError, match=message) as info:
        parse_feed(data, f"{BASE}/feeds/x", ctype)
    assert info.value.source == f"{BASE}/feeds/x"


def test_html_page_hint_names_the_feed_it_advertises():
    with pytest.raises(InputError) as info:
        parse_feed(render("homepage.html").encode(), f"{BASE}/news/", "text/html")
    assert info.value.hint == f"the page names a feed at {BASE}/feeds/world.rss; list that URL"


def test_malformed_feed_refused_saying_where():
    with pytest.raises(InputError, match=r"is not a feed that can be read \(not well-formed \(invalid token\) "
                                         r"at line 6, column \d+\)"):
        parse_feed(render("broken.rss").encode(), f"{BASE}/feeds/broken.rss", "application/rss+xml")


def test_loosely_read_feed_warns_on_its_pages():
    body = render("world.rss").encode().replace(b"</channel>", b"<item><title>cut</title></chan")

    feed = parse_feed(body, f"{BASE}/feeds/world.rss", "application/rss+xml")

    assert len(feed.items) == 6 and feed.warning.startswith(f"feed {BASE}/feeds/world.rss is not well-formed (")


def docs_and_errors(items) -> tuple[dict[str, RawDocument], list[InputError]]:
    docs: dict[str, RawDocument] = {}
    errors: list[InputError] = []
    for item in items:
        if isinstance(item, InputError):
            errors.append(item)
        else:
            docs[item.source] = item
    return docs, errors


def test_read_feeds_fetches_each_page_once_and_reports_the_rest(feed_server, write):
    path = write("desk.feeds", feed_server.render("desk.feeds"))
    base = feed_server.base

    docs, errors = docs_and_errors(read_feeds(path, feed_settings()))

    assert sorted(docs) == sorted(f"{base}/{p}" for p in (
        "pages/kherson-ferry-strike.html", "pages/lagos-fuel-protest.html", "pages/mandalay-market-blast.html",
        "pages/kinshasa-students-march.html", "latin1/segou-convoy-ambush.html"))
    kherson = docs[f"{base}/pages/kherson-ferry-strike.html"]
    assert (kherson.format, kherson.outlet, kherson.published, kherson.url) == (
        "html", "Continental Wire - World", date(2024, 8, 20), f"{base}/pages/kherson-ferry-strike.html")
    assert kherson.title == "Drone strike on Dnipro ferry crossing near Kherson kills two"
    assert docs[f"{base}/pages/mandalay-market-blast.html"].published is None   # the page's date, later
    assert "between Ségou and Niono" in docs[f"{base}/latin1/segou-convoy-ambush.html"].content
    assert sorted((e.source, e.reason.split(" (")[0]) for e in errors) == sorted([
        (str(path), "'feeds/local-copy.rss' is not an http(s) URL"),
        (f"{base}/feeds/world.rss", "item 'Sahel briefing: what we know so far' has no link to an article; skipped"),
        (f"{base}/pages/aid-convoy-turned-back.html", "answered HTTP 404 Not Found"),
        (f"{base}/feeds/broken.rss", "is not a feed that can be read"),
    ])
    pages = [p for p in feed_server.paths() if not p.startswith("/feeds/")]
    assert len(pages) == len(set(pages)) == 6   # Lagos is in both feeds and fetched once


def test_page_problems_name_the_page_and_its_feed(feed_server, write):
    feed_url = f"{feed_server.base}/feeds/variant.rss"
    feed_server.extra["/feeds/variant.rss"] = feed_server.render("world.rss").replace(
        "/pages/kherson-ferry-strike.html", "/report.pdf").replace("/pages/lagos-fuel-protest.html", "/loop/a").replace(
        "/pages/mandalay-market-blast.html", "/big.html")
    path = write("one.feeds", feed_url + "\n")

    docs, errors = docs_and_errors(read_feeds(path, feed_settings()))
    messages = {e.source.removeprefix(feed_server.base): str(e) for e in errors}

    assert docs == {}
    assert "announces 120,026 bytes, over the 60,000-byte limit (an item of" in messages["/big.html"]

    assert messages["/report.pdf"].endswith(f"is application/pdf, not an HTML page (an item of {feed_url})")
    assert "redirects in a loop" in messages["/loop/a"] and messages["/loop/a"].endswith(f"(an item of {feed_url})")


def test_feed_problems_named_and_the_next_feed_read(feed_server, write):
    base = feed_server.base
    path = write("bad.txt", "".join(f"{base}{p}\n" for p in (
        "/empty.rss", "/huge.rss", "/endless.rss", "/slow.rss", "/feeds/homepage.html", "/feeds/africa.atom")))
    settings = feed_settings(timeout=0.3)

    docs, errors = docs_and_errors(read_inputs([path], settings.ingest.max_bytes, settings))

    assert [(e.source.removeprefix(base), e.reason.split(";")[0]) for e in errors] == [
        ("/empty.rss", "is empty, not a feed"),
        ("/huge.rss", "announces 50,000,000 bytes, over the 200,000-byte limit"),
        ("/endless.rss", "sent more than 200,000 bytes"),
        ("/slow.rss", "timed out after 0.3 s"),
        ("/feeds/homepage.html", "is an HTML page, not an RSS or Atom feed"),
    ]
    assert len(docs) == 3   # the Africa feed, after all that


def test_feed_file_in_a_folder_is_not_fetched(feed_server, tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "desk.feeds").write_text(feed_server.render("desk.feeds"))
    (folder / "urls.txt").write_text(f"{feed_server.base}/feeds/world.rss\n")

    items = list(read_inputs([folder], 60_000, feed_settings()))

    assert feed_server.requests == []
    assert [(i.source, i.format) for i in items] == [(str(folder / "urls.txt"), "text")]   # read as an article


def test_opml_through_the_pipeline_stores_each_article_once(feed_server, write, tmp_store, today):
    path = write("subs.opml", feed_server.render("subscriptions.opml"))
    settings = feed_settings()

    report = run_documents(read_inputs([path], settings.ingest.max_bytes, settings), tmp_store, settings, today)

    urls = {r[0] for r in tmp_store.db.execute("SELECT url FROM articles")}
    assert report.new == 5 and len(urls) == 5
    assert f"{feed_server.base}/pages/kinshasa-students-march.html" in urls
    problems = {r[0] for r in tmp_store.db.execute("SELECT source FROM problems WHERE level='error'")}
    assert problems == {f"{feed_server.base}/feeds/world.rss", f"{feed_server.base}/pages/aid-convoy-turned-back.html"}
