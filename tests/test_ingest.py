"""Ingest: files and records -> RawDocument, or an InputError that names the source (and line)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import BINARY_BYTES, FIXTURES
from wirewatch.errors import InputError
from wirewatch.ingest import expand_paths, read_inputs
from wirewatch.models import RawDocument
from wirewatch.ingest.decode import decode, read_bytes
from wirewatch.ingest.jsonl import parse_record, read_jsonl
from wirewatch.ingest.text import parse_published, parse_text, read_text, split_header

# --- text header ---------------------------------------------------------------------------------


def test_header_fields_are_read_from_text_fixture():
    (doc,) = list(read_text(FIXTURES / "kharkiv-shelling.txt", 1_000_000))
    assert doc.title == "Shelling kills two in residential district of Kharkiv"
    assert doc.outlet == "Eastern Ledger"
    assert doc.url == "https://easternledger.example/ukraine/2024/04/10/kharkiv-shelling"
    assert doc.published == date(2024, 4, 10)
    assert doc.language == "en"
    assert doc.format == "text"
    assert doc.content.startswith("KHARKIV, April 10")
    assert "Title:" not in doc.content


def test_text_without_published_header_has_no_date():
    (doc,) = list(read_text(FIXTURES / "zamfara-abduction-undated.txt", 1_000_000))
    assert doc.published is None
    assert doc.title == "Gunmen abduct traders on highway in Zamfara"
    assert doc.content.startswith("Gunmen abducted")


@pytest.mark.parametrize("text, meta, body_start", [
    ("Title: A\nOutlet: B\n\nBody text.", {"title": "A", "outlet": "B"}, "Body text."),
    ("TITLE: Upper\n\nBody.", {"title": "Upper"}, "Body."),
    ("Source: Wire\nDate: 2024-01-02\n\nBody.", {"source": "Wire", "date": "2024-01-02"}, "Body."),
    # The first line is not a known key: no header at all, the whole text is the body.
    ("Kyiv: blasts heard overnight\n\nBody.", {}, "Kyiv: blasts heard overnight"),
    ("Just a first line.\nAnd a second.", {}, "Just a first line."),
    # A known key followed by an unknown one: not a header.
    ("Title: A\nWeather: sunny\n\nBody.", {}, "Title: A"),
    ("\ufeffTitle: BOM\n\nBody.", {"title": "BOM"}, "Body."),
])
def test_split_header_cases(text, meta, body_start):
    got_meta, body = split_header(text)
    assert got_meta == meta
    assert body.lstrip("\ufeff").startswith(body_start)


def test_source_header_is_used_as_outlet():
    doc = parse_text("Source: Harbour Wire\n\nGunmen attacked a bus near Kano on Monday.", "x.txt")
    assert doc.outlet == "Harbour Wire"


@pytest.mark.parametrize("value, expected, warns", [
    ("2024-04-10", date(2024, 4, 10), False),
    ("2024-04-10T08:00:00+03:00", date(2024, 4, 10), False),
    ("2024-04-10T23:30:00Z", date(2024, 4, 10), False),
    ("10 April 2024", None, True),
    ("yesterday", None, True),
    (None, None, False),
    ("", None, False),
])
def test_parse_published_cases(value, expected, warns):
    day, warnings = parse_published(value)
    assert day == expected
    assert bool(warnings) is warns
    if warns:
        assert repr(value) in warnings[0]


def test_header_only_text_is_refused():
    with pytest.raises(InputError) as info:
        parse_text("Title: Nothing else\nOutlet: Nobody\n\n   \n", "header-only.txt")
    assert info.value.source == "header-only.txt"
    assert info.value.line is None


# --- JSON Lines ----------------------------------------------------------------------------------


def test_jsonl_fixture_gives_two_documents_and_two_errors_with_lines():
    items = list(read_jsonl(FIXTURES / "wires.jsonl", 1_000_000))
    docs = [i for i in items if not isinstance(i, InputError)]
    errors = [i for i in items if isinstance(i, InputError)]
    assert len(docs) == 2 and len(errors) == 2
    source = str(FIXTURES / "wires.jsonl")
    assert [(e.source, e.line) for e in errors] == [(source, 2), (source, 4)]
    assert "not JSON" in errors[0].reason
    assert "text" in errors[1].reason
    assert [(d.source, d.line) for d in docs] == [(source, 1), (source, 3)]
    assert docs[0].outlet == "Lake Chad Wire" and docs[0].published == date(2024, 3, 5)
    assert docs[1].published == date(2024, 2, 8)
    assert all(d.format == "text" for d in docs)


@pytest.mark.parametrize("line, reason_part", [
    ("{not json", "not JSON"),
    ("[1, 2, 3]", "not an object"),
    ('"just a string"', "not an object"),
    ('{"title": "no body"}', "text"),
    ('{"text": "   "}', "text"),
    ('{"text": 42}', "text"),
])
def test_parse_record_refuses_bad_lines(line, reason_part):
    with pytest.raises(InputError) as info:
        parse_record(line, "feed.jsonl", 7)
    assert info.value.source == "feed.jsonl"
    assert info.value.line == 7
    assert reason_part in info.value.reason
    assert "feed.jsonl line 7" in str(info.value)


def test_parse_record_html_field_gives_html_document():
    doc = parse_record(json.dumps({"html": "<p>Troops clashed with rebels in Goma.</p>", "url": "u"}), "f.jsonl", 3)
    assert doc.format == "html"
    assert (doc.source, doc.line) == ("f.jsonl", 3)
    assert doc.url == "u"


def test_parse_record_bad_date_is_a_warning_not_an_error():
    doc = parse_record(json.dumps({"text": "Police arrested ten in Harare.", "published": "last Tuesday"}),
                       "f.jsonl", 1)
    assert doc.published is None
    assert doc.warnings and "not an ISO date" in doc.warnings[0]


def test_jsonl_blank_lines_are_skipped_and_numbering_kept(write):
    path = write("feed.jsonl", "\n" + json.dumps({"text": "A bomb exploded in Kabul."}) + "\n\n{oops\n")
    items = list(read_jsonl(path, 1_000_000))
    assert (items[0].source, items[0].line) == (str(path), 2)
    assert isinstance(items[1], InputError) and items[1].line == 4


# --- unreadable files ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["empty.txt", "empty.html", "empty.jsonl"])
def test_empty_files_are_refused_by_name(write, name):
    path = write(name, b"")
    (err,) = list(read_inputs([path]))
    assert isinstance(err, InputError)
    assert err.source == str(path)
    assert "empty" in err.reason
    assert str(path) in str(err)


@pytest.mark.parametrize("name", ["photo.txt", "page.html", "feed.jsonl", "noext"])
def test_binary_files_are_refused_by_name(write, name):
    path = write(name, BINARY_BYTES)
    (err,) = list(read_inputs([path]))
    assert isinstance(err, InputError)
    assert err.source == str(path)
    assert "binary" in err.reason


def test_missing_file_is_refused_by_name(tmp_path):
    path = tmp_path / "nowhere.txt"
    (err,) = list(read_inputs([path]))
    assert isinstance(err, InputError) and err.source == str(path)


def test_oversized_file_is_refused(write):
    path = write("big.txt", "x" * 2000)
    with pytest.raises(InputError) as info:
        read_bytes(path, 1000)
    assert "limit" in info.value.reason


def test_html_name_without_markup_is_refused(write):
    path = write("plain.html", "Gunmen attacked a convoy near Gao on Sunday.")
    (err,) = list(read_inputs([path]))
    assert isinstance(err, InputError) and err.source == str(path)


def test_read_inputs_yields_errors_and_documents_for_fixture_folder(write):
    blob = write("bin/blob.dat", BINARY_BYTES)
    items = list(read_inputs([FIXTURES, blob]))
    errors = {(Path(i.source).name, i.line) for i in items if isinstance(i, InputError)}
    assert {("wires.jsonl", 2), ("wires.jsonl", 4), ("empty.txt", None), ("blob.dat", None)} <= errors
    assert sum(not isinstance(i, InputError) for i in items) >= 6


# A JSONL record is data from elsewhere: whatever it holds, it must come back as an InputError (or a
# document), never as another exception that stops the whole run.
@pytest.mark.parametrize("line", [
    pytest.param("[" * 100_000, id="deep-nesting"),
    pytest.param('{"text": "Gunmen attacked a bus near Kano.", "published": 20240301}', id="numeric-published"),
    pytest.param('{"text": "Gunmen attacked a bus near Kano.", "date": ["2024-03-01"]}', id="list-date"),
    pytest.param('{"text": "Gunmen attacked a bus near Kano.", "published": "2024-03-01"}', id="good"),
])
def test_parse_record_never_raises_other_than_input_error(line):
    try:
        parse_record(line, "feed.jsonl", 1)
    except InputError as err:
        assert err.line == 1


# --- decoding ------------------------------------------------------------------------------------

CYRILLIC = ("Протестующие собрались у здания администрации в Белгороде в понедельник, "
            "сообщила полиция. Никто не пострадал.")
LATIN = "Café owners in Marseille said the protest near the préfecture was calm and nobody was hurt."


@pytest.mark.parametrize("text, encoding", [(CYRILLIC, "cp1251"), (LATIN, "latin-1"), (LATIN, "cp1252")])
def test_non_utf8_text_is_decoded(text, encoding):
    assert decode(text.encode(encoding), "legacy.txt") == text


def test_non_utf8_file_is_read(write):
    path = write("belgorod.txt", "Title: Протест\n\n" + CYRILLIC, encoding="cp1251")
    (doc,) = list(read_inputs([path]))
    assert doc.title == "Протест"
    assert doc.content == CYRILLIC


def test_utf8_bom_is_dropped():
    assert decode("\ufeffTitle: x".encode("utf-8"), "bom.txt") == "Title: x"


def test_decode_refuses_nul_bytes():
    with pytest.raises(InputError) as info:
        decode(b"text\x00more", "blob.bin")
    assert info.value.source == "blob.bin"


# --- folders -------------------------------------------------------------------------------------


def test_directories_expand_in_sorted_order_skipping_hidden_and_db(write, tmp_path):
    for name in ["b.txt", "a.txt", "sub/c.html", "sub/a.jsonl", ".hidden.txt", "store.db", "store.db-wal"]:
        write(f"news/{name}", "Police said.")
    found = expand_paths([tmp_path / "news"])
    assert [p.relative_to(tmp_path / "news").as_posix() for p in found] == \
        ["a.txt", "b.txt", "sub/a.jsonl", "sub/c.html"]


def test_named_files_keep_their_given_order(write):
    b, a = write("b.txt", "B."), write("a.txt", "A.")
    assert expand_paths([b, a]) == [b, a]


def test_read_inputs_order_follows_sorted_paths(copy_fixtures):
    folder = copy_fixtures("news", "zamfara-abduction-undated.txt", "kharkiv-shelling.txt", "dakar-protest.html")
    sources = [Path(d.source).name for d in read_inputs([folder])]
    assert sources == ["dakar-protest.html", "kharkiv-shelling.txt", "zamfara-abduction-undated.txt"]


# --- properties ----------------------------------------------------------------------------------


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_parse_text_raises_only_input_error(text):
    try:
        doc = parse_text(text, "fuzz.txt")
    except InputError as err:
        assert err.source == "fuzz.txt"
    else:
        assert doc.content.strip()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=300))
def test_decode_raises_only_input_error(data):
    try:
        text = decode(data, "fuzz.bin")
    except InputError as err:
        assert err.source == "fuzz.bin"
    else:
        assert isinstance(text, str)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_parse_record_raises_only_input_error(line):
    try:
        parse_record(line, "fuzz.jsonl", 1)
    except InputError as err:
        assert err.line == 1


def test_folders_are_walked_for_article_files_only(write, tmp_path):
    write("news/a.txt", "Title: a\n\nGunmen attacked a bus near Kano on Monday, police said.")
    write("news/deep/b.html", "<html><body><p>x</p></body></html>")
    write("news/.git/config", "[core]")
    write("news/.hidden/c.txt", "hidden")
    write("news/settings.toml", "[store]")
    found = [p.relative_to(tmp_path / "news").as_posix() for p in expand_paths([tmp_path / "news"])]
    assert found == ["a.txt", "deep/b.html"]


def test_a_large_jsonl_archive_is_streamed_with_a_per_record_limit(write):
    line = json.dumps({"url": "u", "text": "Gunmen attacked a bus near Kano on Monday. " * 20})
    path = write("big.jsonl", "\n".join([line] * 50))
    items = list(read_inputs([path], max_bytes=2_000))
    assert len(items) == 50 and all(not isinstance(i, InputError) for i in items)


# --- dispatch to the archive reader ----------------------------------------------------------------


@pytest.mark.parametrize("name, gz", [("crawls/may.warc.gz", True), ("crawls/may.WARC", False)])
def test_archives_in_a_folder_are_read_as_warc(write, tmp_path, name, gz):
    from test_warc import PAGES, news_archive
    write(name, news_archive(gz).bytes())
    docs = [d for d in read_inputs([tmp_path / "crawls"]) if isinstance(d, RawDocument)]
    assert [d.url for d in docs] == list(PAGES)
    assert all(d.format == "html" and d.source.endswith(name.split("/")[1]) for d in docs)


def test_gz_file_that_is_not_an_archive_is_not_read_as_one(write, tmp_path):
    write("notes.txt.gz", b"\x1f\x8b\x08 not an archive")
    assert list(read_inputs([tmp_path])) == []   # only article suffixes are read from folders
