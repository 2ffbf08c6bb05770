"""The outlet of a page read from its URL: the site, and for a Wayback Machine copy the site it copied."""

from __future__ import annotations

from datetime import date

from wirewatch.clean import clean
from wirewatch.ingest.warc import _outlet
from wirewatch.models import RawDocument
from wirewatch.outlets import outlet_of


def test_a_plain_url_gives_its_host_without_www():
    assert outlet_of("https://www.kvnews.example/2019/03/02/shooting") == "kvnews.example"
    assert outlet_of("http://valleytimes.example:8080/a?id=3") == "valleytimes.example"


def test_an_archived_copy_gives_the_site_it_copied():
    url = "https://web.archive.org/web/20151026092316/http://www.kvnews.example:80/2014/05/16/boy-shot/"
    assert outlet_of(url) == "kvnews.example"
    assert outlet_of("http://web.archive.org/web/20160101000000id_/https://valleytimes.example/x") == \
        "valleytimes.example"
    # the archive keeps the original without its scheme at times
    assert outlet_of("https://web.archive.org/web/2016/valleytimes.example/news/1") == "valleytimes.example"


def test_an_archived_url_mangled_on_its_way_still_gives_the_site():
    # a path tidier collapsed the scheme's "//"
    assert outlet_of("https://web.archive.org/web/20170304050607/http:/www.valleytimes.example/a") == \
        "valleytimes.example"
    # the original came percent-encoded
    assert outlet_of("https://web.archive.org/web/20170304050607/https%3A%2F%2Fkvnews.example%2Fa%3Fb%3D1") == \
        "kvnews.example"


def test_a_fully_qualified_host_is_the_same_outlet():
    assert outlet_of("https://kvnews.example./2019/a") == "kvnews.example"
    assert outlet_of("https://web.archive.org/web/2016/http://www.kvnews.example./b") == "kvnews.example"


def test_an_archive_page_that_is_no_copy_stays_the_archive():
    assert outlet_of("https://web.archive.org/details/somecollection") == "web.archive.org"


def test_no_url_or_no_host_gives_no_outlet():
    assert outlet_of(None) is None
    assert outlet_of("") is None
    assert outlet_of("/data/news.jsonl:12") is None
    assert outlet_of("http://[broken/") is None


def test_warc_records_and_cleaned_articles_take_the_archived_site():
    url = "http://web.archive.org/web/20140212022312/http://kvnews.example/2014/02/11/man-shot/"
    assert _outlet(url) == "kvnews.example"
    text = ("A man was shot and wounded outside a store on Main Street late Tuesday, police said. "
            "Officers found him in the parking lot and took him to a hospital.")
    raw = RawDocument("feed.jsonl", text, "text", url, None, "Man shot", date(2014, 2, 11), "en")
    article, _ = clean(raw, date(2014, 3, 1))
    assert article.outlet == "kvnews.example"
    named = RawDocument("feed.jsonl", text, "text", url, "KV News", "Man shot", date(2014, 2, 11), "en")
    assert clean(named, date(2014, 3, 1))[0].outlet == "KV News"   # an outlet the input names is kept


def test_gva_articles_come_with_the_outlet_of_their_archived_url(tmp_path):
    import json

    from wirewatch.evaluate.fusion import read_gva

    url = "http://web.archive.org/web/20160617190546/http://valleytimes.example:80/2014/01/20/shooting/"
    (tmp_path / "news.jsonl").write_text(json.dumps({
        "incident_id": "1", "dct": "2014-01-20", "uri": url, "title": "Four shot",
        "content": "Four people were shot outside a nightclub early Sunday, police said."}) + "\n")
    (tmp_path / "incidents.jsonl").write_text(json.dumps({"incident_uri": "1"}) + "\n")
    docs, incident_of, _ = read_gva(tmp_path)
    assert [d.outlet for d in docs] == ["valleytimes.example"] and incident_of == {url: "1"}
