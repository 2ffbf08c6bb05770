"""WARC archives: HTML responses become articles with the record's URL and date; the rest is skipped and
counted; damaged records are named and the records after them still read."""

from __future__ import annotations

import gzip
import io
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from conftest import BINARY_BYTES, TODAY
from wirewatch.clean import clean
from wirewatch.errors import InputError
from wirewatch.ingest.warc import read_warc
from wirewatch.models import RawDocument
from wirewatch.pipeline import run_documents
from wirewatch.settings import load_settings

LIMIT = 1_000_000

PAGES = {
    "https://www.lakeshorecourier.example/2024/05/14/goma-camp-shelling": (
        "Shells hit displacement camp near Goma",
        "GOMA, May 14 - At least six people were killed when shells landed in a camp for displaced families "
        "on the western edge of Goma on Tuesday morning, camp administrators said. The shells struck a row of "
        "tarpaulin shelters near the water point where women were queuing, a nurse at the camp clinic said. "
        "The army and the rebels each blamed the other for the shelling, which came after two days of "
        "fighting in the hills north of the city."),
    "https://sahelobserver.example/news/dori-convoy": (
        "Supply convoy ambushed on road to Dori",
        "OUAGADOUGOU, May 15 - Gunmen ambushed a supply convoy escorted by volunteer defence fighters on the "
        "road between Kaya and Dori on Wednesday, security sources said, killing four of the escort. The "
        "attackers burned two lorries carrying flour and fuel before withdrawing towards the border, a "
        "driver who escaped told reporters. No group has said it carried out the attack."),
    "https://www.andeanwire.example/peru/2024-05-16/puno-road-blockade": (
        "Police clear road blockade in Puno",
        "LIMA, May 16 - Police used tear gas to clear farmers who had blocked the main road south of Puno "
        "for three days in protest against a new water tariff, the regional government said on Thursday. "
        "Eleven protesters were detained and two officers were hurt by stones, according to a police "
        "statement. Farmers' leaders said they would return to the road next week."),
}
DATES = ["2024-05-14T09:12:44Z", "2024-05-15T17:03:10Z", "2024-05-16T08:40:00.123456Z"]

# Written for these tests: a report of an arson attack, in Russian, served as windows-1251.
CYRILLIC = ("В ночь на пятницу неизвестные подожгли здание военкомата в Омске, сообщили в полиции. "
            "Огонь повредил входную дверь и два окна на первом этаже, пострадавших нет. "
            "По словам очевидцев, двое мужчин бросили в окно бутылки "
            "с зажигательной смесью и скрылись.")


def page(title: str, text: str, charset: str = "utf-8") -> str:
    """A small news page around one article."""
    return (f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>{title}</title></head><body>'
            f"<nav><a href='/'>Home</a> | <a href='/world'>World</a></nav>"
            f"<article><h1>{title}</h1><p>{text}</p></article>"
            f"<footer>Copyright the publisher</footer></body></html>")


class Archive:
    """Writes records with warcio, as a crawler would, and remembers where each one starts."""

    def __init__(self, gz: bool) -> None:
        self.buffer = io.BytesIO()
        self.writer = WARCWriter(self.buffer, gzip=gz)
        self.offsets: list[int] = []

    def response(self, url: str, body: bytes, content_type: str = "text/html; charset=utf-8",
                 status: str = "200 OK", date: str = "2024-05-14T09:12:44Z") -> None:
        headers = [("Content-Type", content_type)] if content_type else []
        http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
        self._write(self.writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http,
                                                   warc_headers_dict={"WARC-Date": date}))

    def request(self, url: str) -> None:
        http = StatusAndHeaders(f"GET {url} HTTP/1.1", [("User-Agent", "test-crawler")], is_http_request=True)
        self._write(self.writer.create_warc_record(url, "request", payload=io.BytesIO(b""), http_headers=http))

    def warcinfo(self) -> None:
        self._write(self.writer.create_warcinfo_record("crawl.warc", {"software": "test-crawler"}))

    def _write(self, record) -> None:
        self.offsets.append(self.buffer.tell())
        self.writer.write_record(record)

    def bytes(self) -> bytes:
        return self.buffer.getvalue()


def news_archive(gz: bool = True) -> Archive:
    """A crawl: warcinfo, then for each page a request and its response, plus an image, a 404 and a
    redirect."""
    archive = Archive(gz)
    archive.warcinfo()
    for (url, (title, text)), when in zip(PAGES.items(), DATES):
        archive.request(url)
        archive.response(url, page(title, text).encode(), date=when)
    archive.response("https://sahelobserver.example/img/convoy.jpg", BINARY_BYTES, content_type="image/jpeg")
    archive.response("https://sahelobserver.example/news/missing", b"<html><body>Not found</body></html>",
                     status="404 Not Found")
    archive.response("https://sahelobserver.example/old", b"", status="301 Moved Permanently")
    return archive


def read(path: Path, max_bytes: int = LIMIT) -> tuple[list[RawDocument], list[InputError], Counter]:
    counts: Counter = Counter()
    items = list(read_warc(path, max_bytes, counts))
    docs = [i for i in items if isinstance(i, RawDocument)]
    errors = [i for i in items if isinstance(i, InputError)]
    assert len(docs) + len(errors) == len(items)
    return docs, errors, counts


@pytest.mark.parametrize("name, gz", [("crawl.warc.gz", True), ("crawl.warc", False)])
def test_html_responses_become_documents_with_url_date_and_outlet(write, name, gz):
    path = write(name, news_archive(gz).bytes())
    docs, errors, _ = read(path)
    assert errors == []
    assert [d.url for d in docs] == list(PAGES)
    assert [d.published for d in docs] == [date(2024, 5, 14), date(2024, 5, 15), date(2024, 5, 16)]
    assert [d.outlet for d in docs] == ["lakeshorecourier.example", "sahelobserver.example", "andeanwire.example"]
    assert all(d.format == "html" and d.source == str(path) for d in docs)
    assert "six people were killed" in docs[0].content
    # Records are numbered in the archive: warcinfo 1, then request/response pairs.
    assert [d.line for d in docs] == [3, 5, 7]


def test_skipped_records_are_counted_and_summarised_on_the_last_article(write):
    docs, _, counts = read(write("crawl.warc.gz", news_archive().bytes()))
    assert counts == Counter({"records": 10, "html": 3, "request record": 3, "warcinfo record": 1,
                              "non-HTML response": 1, "HTTP 404 response": 1, "HTTP 301 response": 1})
    assert docs[0].warnings == docs[1].warnings == ()
    (summary,) = docs[-1].warnings
    assert summary.startswith("archive of 10 records: 3 HTML pages read, skipped 3 request record")
    assert "1 HTTP 404 response" in summary and "1 non-HTML response" in summary


def test_documents_clean_into_articles_with_the_record_metadata(write):
    docs, _, _ = read(write("crawl.warc.gz", news_archive().bytes()))
    article, _ = clean(docs[1], TODAY)
    assert article.url == "https://sahelobserver.example/news/dori-convoy"
    assert article.published == date(2024, 5, 15)
    assert "Gunmen ambushed a supply convoy" in article.text
    assert "Home" not in article.text
    assert article.source == f"{docs[1].source}:5"


@pytest.mark.parametrize("content_type, meta", [
    ("text/html; charset=windows-1251", "windows-1251"),   # the HTTP header names it
    ("text/html", "windows-1251"),                         # only the page's meta tag names it
    ('text/html; charset="cp1251"', "cp1251"),             # quoted, and an alias
])
def test_windows_1251_page_is_decoded(write, content_type, meta):
    archive = Archive(gz=True)
    body = page("Поджог военкомата", CYRILLIC, meta).encode("windows-1251")
    archive.response("https://omsk-vesti.example/2024/05/17/voenkomat", body, content_type=content_type)
    (doc,), errors, _ = read(write("ru.warc.gz", archive.bytes()))
    assert errors == []
    assert "подожгли здание военкомата в Омске" in doc.content
    assert doc.warnings == ()


def test_a_wrong_declared_charset_falls_back_to_a_guess_and_says_so(write):
    archive = Archive(gz=True)
    archive.response("https://omsk-vesti.example/a", page("Поджог", CYRILLIC * 3, "utf-8").encode("windows-1251"),
                     content_type="text/html; charset=utf-8")
    (doc,), errors, _ = read(write("ru.warc.gz", archive.bytes()))
    assert errors == []
    assert "военкомата" in doc.content
    assert any("charset 'utf-8' does not decode" in w and "record 1" in w for w in doc.warnings)


def test_page_without_content_type_is_read_when_it_looks_like_html(write):
    archive = Archive(gz=False)
    title, text = PAGES["https://sahelobserver.example/news/dori-convoy"]
    archive.response("https://sahelobserver.example/a", page(title, text).encode(), content_type="")
    archive.response("https://sahelobserver.example/b", b"just some bytes, not a page", content_type="")
    (doc,), errors, counts = read(write("c.warc", archive.bytes()))
    assert doc.url == "https://sahelobserver.example/a"
    assert counts["non-HTML response"] == 1


def test_truncated_gzip_member_is_named_and_the_next_records_are_read(write):
    archive = news_archive(gz=True)
    data, offsets = archive.bytes(), archive.offsets
    # Record 5 (the second page) loses the second half of its gzip member; record 6 follows at once.
    start, end = offsets[4], offsets[5]
    damaged = data[:start] + data[start:(start + end) // 2] + data[end:]
    docs, errors, counts = read(write("cut.warc.gz", damaged))
    (error,) = errors
    assert error.source.endswith("cut.warc.gz")
    assert f"record 5 at byte {start:,} is cut short or corrupt" in error.reason
    assert error.hint
    assert [d.url for d in docs] == [url for i, url in enumerate(PAGES) if i != 1]
    assert counts["damaged"] == 1 and counts["html"] == 2


def test_archive_cut_inside_the_last_page_names_the_record_and_its_url(write):
    archive = Archive(gz=False)
    urls = list(PAGES)
    for url, (title, text) in PAGES.items():
        archive.response(url, page(title, text).encode())
    docs, errors, _ = read(write("end.warc", archive.bytes()[:-200]))
    assert [d.url for d in docs] == urls[:2]
    (error,) = errors
    assert f"record 3 ({urls[2]}, byte {archive.offsets[2]:,}) is truncated" in error.reason


@pytest.mark.parametrize("gz", [True, False])
def test_archive_cut_between_headers_is_reported(write, gz):
    archive = news_archive(gz)
    data = archive.bytes()
    cut = archive.offsets[6] + 30   # a few bytes into record 7, the third page
    docs, errors, _ = read(write("short.warc" + (".gz" if gz else ""), data[:cut]))
    assert len(docs) == 2
    (error,) = errors
    assert "record 7" in error.reason


def test_uncompressed_record_with_a_wrong_length_is_refused_and_the_next_one_read(write):
    archive = Archive(gz=False)
    for url, (title, text) in PAGES.items():
        archive.response(url, page(title, text).encode())
    data, offsets = archive.bytes(), archive.offsets
    middle = offsets[1] + (offsets[2] - offsets[1]) // 2
    docs, errors, _ = read(write("gap.warc", data[:middle] + data[offsets[2]:]))   # record 2 loses its tail
    assert [d.url for d in docs] == [list(PAGES)[0], list(PAGES)[2]]
    (error,) = errors
    assert f"record 2 at byte {offsets[1]:,}" in error.reason


def test_page_over_the_size_limit_is_refused_by_record(write):
    archive = Archive(gz=True)
    (url, (title, text)), (big_url, _) = list(PAGES.items())[:2]
    archive.response(url, page(title, text).encode())
    archive.response(big_url, page("Big", "word " * 5000).encode())
    (doc,), (error,), counts = read(write("big.warc.gz", archive.bytes()), max_bytes=10_000)
    assert doc.url == url
    assert f"record 2 ({big_url}" in error.reason and "over the 10,000-byte limit" in error.reason
    assert counts["refused"] == 1


def test_whole_file_gzip_is_read(write):
    plain = news_archive(gz=False).bytes()
    docs, errors, _ = read(write("one-stream.warc.gz", gzip.compress(plain)))
    assert errors == []
    assert [d.url for d in docs] == list(PAGES)


@pytest.mark.parametrize("content, message", [
    (b"", "is empty"),
    (b"Title: not an archive\n\nSome text.", "is not a WARC archive"),
    (gzip.compress(b"<html>a gzipped page</html>"), "is not a WARC archive"),
    (b"\x1f\x8b\x08garbage after a gzip magic", "is not a readable gzip file"),
])
def test_files_that_are_not_archives_are_refused(write, content, message):
    with pytest.raises(InputError, match=message):
        list(read_warc(write("x.warc.gz", content), LIMIT))


def test_missing_file_is_refused(tmp_path):
    with pytest.raises(InputError, match="cannot be read"):
        list(read_warc(tmp_path / "nowhere.warc", LIMIT))


def test_archive_of_only_non_html_records_gives_one_error(write):
    archive = Archive(gz=True)
    archive.request("https://sahelobserver.example/")
    archive.response("https://sahelobserver.example/logo.png", BINARY_BYTES, content_type="image/png")
    docs, (error,), _ = read(write("images.warc.gz", archive.bytes()))
    assert docs == []
    assert "holds no HTML page" in error.reason and "1 non-HTML response" in error.reason


SAMPLES = {True: news_archive(gz=True), False: news_archive(gz=False)}


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(gz=st.booleans(), share=st.floats(min_value=0, max_value=1))
def test_any_cut_of_an_archive_reads_a_prefix_and_never_crashes(write, gz, share):
    sample = SAMPLES[gz]
    cut = max(1, int(share * (len(sample.bytes()) - 1)))
    try:
        docs, errors, _ = read(write("cut.warc.gz", sample.bytes()[:cut]))
    except InputError:
        return  # cut inside the first record's header: not recognisable as an archive
    complete = sum(1 for i in (2, 4, 6) if sample.offsets[i + 1] <= cut)   # the three page responses
    # A page whose gzip member lost only its trailer (checksum, length) still has all its words.
    assert [d.url for d in docs] in (list(PAGES)[:complete], list(PAGES)[:complete + 1])
    assert all(d.content == page(*PAGES[d.url]) for d in docs)
    assert len(errors) <= 1


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(junk=st.binary(max_size=300), where=st.integers(min_value=0, max_value=len(SAMPLES[True].bytes())))
def test_junk_spliced_into_an_archive_gives_input_errors_only(write, junk, where):
    data = SAMPLES[True].bytes()
    try:
        docs, errors, _ = read(write("junk.warc.gz", data[:where] + junk + data[where:]))
    except InputError:
        return
    assert {d.url for d in docs} <= set(PAGES)


def test_pipeline_stores_archive_pages_with_their_url_and_date_and_reports_the_rest(write, tmp_store, today):
    archive = news_archive(gz=True)
    data, offsets = archive.bytes(), archive.offsets
    damaged = data[:offsets[4]] + data[offsets[4]:offsets[4] + 40] + data[offsets[5]:]   # the second page cut
    path = write("crawl.warc.gz", damaged)
    report = run_documents(read_warc(path, LIMIT), tmp_store,
                           load_settings(None, env={}, overrides={"extract.model": False}), today)
    stored = tmp_store.db.execute("SELECT url, published, outlet FROM articles ORDER BY url").fetchall()
    first, _, third = PAGES
    assert [tuple(row) for row in stored] == [(third, "2024-05-16", "andeanwire.example"),
                                              (first, "2024-05-14", "lakeshorecourier.example")]
    (error,) = report.errors
    assert error.source == str(path) and "record 5 at byte" in error.message
    assert any(p.level == "warning" and p.message.startswith("archive of") for p in report.problems)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.one_of(st.binary(max_size=600), st.binary(max_size=600).map(lambda b: b"WARC/1.0\r\n" + b),
                      st.binary(max_size=600).map(lambda b: gzip.compress(b"WARC/1.1\r\nWARC-Type: response\r\n" + b))))
def test_arbitrary_bytes_give_documents_or_input_errors_only(write, data):
    try:
        items = list(read_warc(write("any.warc.gz", data), LIMIT))
    except InputError:
        return
    assert all(isinstance(item, (RawDocument, InputError)) for item in items)
