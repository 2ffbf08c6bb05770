"""Clean: page furniture dropped, report text kept, page metadata read, ids stable."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import FIXTURES, TODAY
from wirewatch.clean import article_id, clean
from wirewatch.clean.boilerplate import boilerplate_kind, looks_like_headline, strip_boilerplate
from wirewatch.errors import InputError
from wirewatch.ingest import read_inputs
from wirewatch.models import RawDocument

REPORT = [
    "ZAPORIZHZHIA, June 3 — Russian missiles struck an industrial area of Zaporizhzhia on Monday, "
    "killing one worker, the regional governor said.",
    "The strike damaged a warehouse and several lorries, he said on Telegram.",
    "Police said the photo of the damaged warehouse was taken by a resident shortly after the blast.",
    "More than 20 people were treated for cuts from broken glass.",
]

CLUTTER = [
    "Firefighters at the warehouse on Monday. Photo: Olena Kovalenko / Dnipro Herald",
    "A damaged lorry outside the plant (Photo: Reuters)",
    "Smoke rises over the city. Getty Images",
    "READ MORE: Zaporizhzhia nuclear plant loses power again",
    "Read also: How air defence works",
    "WATCH: Moment the missile hit",
    "Video: Residents describe the blast",
    "Sign up for our morning briefing",
    "Subscribe to our newsletter",
    "Advertisement",
    "Reporting by Olena Kovalenko; editing by Tom Hale",
    "© 2024 Dnipro Herald",
]

RELATED = [
    "Related stories",
    "Kharkiv metro used as shelter during raids",
    "Ukraine's energy grid under strain",
    "- Belgorod region: a timeline of cross-border attacks",
]


def _raw(content: str, **kw) -> RawDocument:
    return RawDocument(**{"source": "test.txt", "content": content, "format": "text", **kw})


def test_boilerplate_lines_dropped_and_report_kept():
    lines = [REPORT[0], CLUTTER[0], REPORT[1], CLUTTER[3], CLUTTER[5], CLUTTER[6], REPORT[2], CLUTTER[7],
             REPORT[3], *CLUTTER[8:], *RELATED]
    assert strip_boilerplate(lines) == REPORT


@pytest.mark.parametrize("line", CLUTTER)
def test_clutter_line_has_a_boilerplate_kind(line):
    assert boilerplate_kind(line) is not None


@pytest.mark.parametrize("line", REPORT + [
    "The governor said the footage showed the moment the missile hit.",
    "Watch commanders at the border post said nobody was hurt.",
    "Related fighting was reported near Orikhiv, where two soldiers were killed on Sunday and a bridge was hit.",
])
def test_report_line_is_not_boilerplate(line):
    assert boilerplate_kind(line) is None


@pytest.mark.parametrize("line", [
    pytest.param("Police detained the editor of an opposition newsletter in Harare on Monday.",
                 id="newsletter-in-report"),
    pytest.param("Activists urged supporters to subscribe to their channel for news of the trial in Minsk.",
                 id="subscribe-in-report"),
    pytest.param("Footage obtained via Reuters showed soldiers firing into the crowd in Khartoum on Sunday.",
                 id="via-reuters-in-report"),
])
def test_report_sentence_mentioning_promo_words_is_kept(line):
    assert boilerplate_kind(line) is None


def test_related_list_ends_at_the_next_sentence():
    lines = ["Related stories", "Ukraine's energy grid under strain",
             "Officials said repairs would take at least a week."]
    kept = strip_boilerplate(lines)
    assert kept == ["Officials said repairs would take at least a week."]


@pytest.mark.parametrize("line, expected", [
    ("Kharkiv metro used as shelter during raids", True),
    ("Officials said repairs would take a week.", False),
    ('"We will rebuild," the mayor said."', False),
    ("Why are young voters in Senegal angry?", True),
    ("", False),
    (" ".join(["word"] * 17), False),
])
def test_looks_like_headline(line, expected):
    assert looks_like_headline(line) is expected


def test_clean_text_document_joins_kept_lines_as_paragraphs(today):
    raw = _raw("\n".join([REPORT[0], CLUTTER[0], "", REPORT[1], *RELATED]), title="Missiles hit Zaporizhzhia",
               published=date(2024, 6, 3))
    article, warnings = clean(raw, today)
    assert article.text == REPORT[0] + "\n\n" + REPORT[1]
    assert warnings == []
    assert article.ingested == today
    assert article.language == "en"


def test_repeated_headline_at_top_of_body_is_dropped(today):
    raw = _raw("Missiles hit Zaporizhzhia!\n" + REPORT[0], title="Missiles hit  zaporizhzhia",
               published=date(2024, 6, 3))
    article, _ = clean(raw, today)
    assert article.text == REPORT[0]


def test_spaces_and_tabs_are_collapsed(today):
    article, _ = clean(_raw("Troops\t clashed\u00a0 with   rebels near Goma on Monday, the army said in a statement.",
                            published=today), today)
    assert article.text == "Troops clashed with rebels near Goma on Monday, the army said in a statement."


def test_text_fixture_cleans_to_report_sentences_only(today):
    (raw,) = list(read_inputs([FIXTURES / "kharkiv-shelling.txt"]))
    article, warnings = clean(raw, today)
    assert article.text.startswith("KHARKIV, April 10 — Two civilians were killed")
    assert article.text.endswith("Russia's Defence Ministry did not comment on the report.")
    assert article.text.count("\n\n") == 3
    assert warnings == []


# --- HTML ----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def dakar():
    (raw,) = list(read_inputs([FIXTURES / "dakar-protest.html"]))
    return clean(raw, TODAY)


def test_html_metadata_is_read(dakar):
    article, warnings = dakar
    assert article.title == "Police fire tear gas at protesters in Dakar"
    assert article.outlet == "Sahel Courier"
    assert article.url == "https://sahelcourier.example/senegal/2024/02/10/dakar-tear-gas"
    assert article.published == date(2024, 2, 10)
    assert article.language == "en"
    assert warnings == []


@pytest.mark.parametrize("sentence", [
    "Police fired tear gas to disperse several hundred people",
    "Demonstrators burned tyres and threw stones at riot police",
    "23 people had been arrested",
    "Opposition parties said they would hold another march",
])
def test_html_report_sentences_are_kept(dakar, sentence):
    assert sentence in dakar[0].text


@pytest.mark.parametrize("clutter", [
    "Photo:", "Ousmane Diop", "READ MORE", "newsletter", "Related stories", "Senegal parliament backs",
    "Log in", "All rights reserved", "Sport",
])
def test_html_clutter_is_gone(dakar, clutter):
    assert clutter not in dakar[0].text


def test_container_metadata_wins_over_page_metadata(today):
    html = (FIXTURES / "dakar-protest.html").read_text(encoding="utf-8")
    raw = RawDocument(source="feed.jsonl:3", content=html, format="html", url="https://feed.example/x",
                      outlet="Feed Outlet", published=date(2024, 2, 11))
    article, _ = clean(raw, today)
    assert (article.url, article.outlet, article.published) == ("https://feed.example/x", "Feed Outlet",
                                                                date(2024, 2, 11))
    assert article.title == "Police fire tear gas at protesters in Dakar"


@pytest.mark.parametrize("html", [
    "<html><head><title>Breaking news</title></head><body><div><p>",
    "<html><body><div><p>",
    "<<<>>>",
])
def test_html_without_article_text_raises_input_error(today, html):
    with pytest.raises(InputError) as info:
        clean(RawDocument(source="broken.html", content=html, format="html"), today)
    assert info.value.source == "broken.html"


def test_broken_html_fixture_raises_input_error(today):
    (raw,) = list(read_inputs([FIXTURES / "broken.html"]))
    with pytest.raises(InputError) as info:
        clean(raw, today)
    assert info.value.source == str(FIXTURES / "broken.html")


@pytest.mark.parametrize("html", [
    "<html><body><div><p>unclosed",
    "<html><body><nav><a href='/'>Home</a></nav></body></html>",
])
def test_html_with_one_stray_word_is_refused(today, html):
    with pytest.raises(InputError):
        clean(RawDocument(source="cut.html", content=html, format="html"), today)


UNDATED_PAGE = """<html><head><title>Gunmen kill three in Kano</title></head><body><article>
<h1>Gunmen kill three in Kano</h1>
<p>Gunmen killed three people in an attack on a village near Kano on Tuesday night, police said.</p>
<p>The attackers arrived on motorcycles and opened fire on residents returning from a market.</p>
<p>Police said they had arrested two suspects.</p>
</article><footer><p>Copyright 2023 Kano Voice</p></footer></body></html>"""


def test_html_without_date_is_not_dated_from_copyright_footer(today):
    article, warnings = clean(RawDocument(source="kano.html", content=UNDATED_PAGE, format="html"), today)
    assert article.published is None
    assert any("no publication date" in w for w in warnings)


def test_text_with_only_furniture_raises_input_error(today):
    with pytest.raises(InputError):
        clean(_raw("READ MORE: elsewhere\nSign up for our newsletter\nAdvertisement"), today)


# --- ids and warnings ----------------------------------------------------------------------------


@pytest.mark.parametrize("a, b", [
    ("Troops clashed with rebels near Goma.", "troops  clashed with\nrebels near GOMA."),
    ("Troops clashed with rebels near Goma.", "  Troops clashed with rebels near Goma.  "),
    ("Two killed in Kharkiv.", "TWO KILLED IN KHARKIV."),
])
def test_article_id_ignores_case_and_spacing(a, b):
    assert article_id(a) == article_id(b)


@pytest.mark.parametrize("a, b", [
    ("Troops clashed with rebels near Goma.", "Troops clashed with rebels near Bukavu."),
    ("Two killed in Kharkiv.", "Three killed in Kharkiv."),
])
def test_article_id_differs_for_different_text(a, b):
    assert article_id(a) != article_id(b)


def test_article_id_is_short_hex():
    aid = article_id("Troops clashed with rebels near Goma.")
    assert len(aid) == 16 and int(aid, 16) >= 0


def test_clean_ids_equal_for_respaced_copies(today):
    one, _ = clean(_raw("Troops clashed with rebels near Goma on Monday.\n\nTwo soldiers were killed, the army said."), today)
    two, _ = clean(_raw("Troops  clashed with rebels near Goma on Monday.\nTwo soldiers were killed, the army said."), today)
    assert one.id == two.id


def test_missing_date_gives_a_warning(today):
    (raw,) = list(read_inputs([FIXTURES / "zamfara-abduction-undated.txt"]))
    article, warnings = clean(raw, today)
    assert article.published is None
    assert article.reference_date == today
    assert len(warnings) == 1
    assert "no publication date" in warnings[0] and today.isoformat() in warnings[0]


def test_container_warnings_are_passed_on(today):
    article, warnings = clean(_raw("Troops clashed with rebels near Goma on Monday, the army said in a statement.",
                                   warnings=("earlier warning",)), today)
    assert warnings[0] == "earlier warning"
    assert any("no publication date" in w for w in warnings)


def test_a_lede_that_starts_with_a_short_title_is_kept(today):
    raw = _raw("Kyiv was hit by Russian missiles overnight, the city's military administration said on Friday.",
               published=today, title="Kyiv")
    article, _ = clean(raw, today)
    assert article.text.startswith("Kyiv was hit")


# --- language ------------------------------------------------------------------------------------

FRENCH = ("Les forces de l'ordre ont dispersé vendredi une manifestation devant l'Assemblée nationale à Dakar, "
          "selon plusieurs témoins. Les manifestants protestaient contre le report de l'élection présidentielle "
          "et ont brûlé des pneus dans les rues voisines avant l'arrivée des renforts.")
RUSSIAN = ("Во вторник вечером беспилотники атаковали нефтебазу в Брянской области, сообщил губернатор региона. "
           "По его словам, пострадавших нет, на месте работают пожарные расчёты и сотрудники экстренных служб.")
SHOUTED = ("POLICE FIRED TEAR GAS AT SEVERAL HUNDRED PROTESTERS IN CENTRAL DAKAR ON FRIDAY, WITNESSES SAID. "
           "DEMONSTRATORS BURNED TYRES NEAR INDEPENDENCE SQUARE AND THREW STONES AT RIOT POLICE, WHO MADE ARRESTS.")


@pytest.mark.parametrize("text, expected", [(FRENCH, "fr"), (RUSSIAN, "ru"), (SHOUTED, "en"),
                                            (" ".join(REPORT), "en")])
def test_undeclared_language_is_guessed_from_the_text(today, text, expected):
    article, _ = clean(_raw(text), today)
    assert article.language == expected


def test_declared_language_wins_over_the_guess(today):
    article, _ = clean(_raw(FRENCH, language="en"), today)
    assert article.language == "en"


def test_short_text_keeps_the_default_language(today):
    from wirewatch.clean.language import guess_language
    assert guess_language("Tirs à Dakar vendredi, selon des témoins sur place.") is None
