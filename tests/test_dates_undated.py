"""An article without a publication date: relative words are read against its dateline's day when it has one,
and a passage with no date words takes the date an earlier paragraph gave; the ingestion date is the last
resort, and the mention's notes say which was used."""

from __future__ import annotations

from datetime import date

from wirewatch.models import Article
from wirewatch.resolve.dates import preceding_date, reference_of, resolve_date

INGESTED = date(2026, 12, 7)

# Written for these tests in the style of wire reports; the incidents are invented.
DATELINED = ("KABUL, May 14, 2021 - Taliban fighters attacked police checkpoints outside Lashkar Gah on "
             "Wednesday, killing nine officers, a provincial spokesman said.")
NO_DATELINE = ("The army said in a statement issued on 3 March 2023 that troops had repelled insurgents near "
               "Damboa.\n\nFour soldiers were killed in the fighting, a military source said.")


def _undated(text: str) -> Article:
    return Article("u1", None, "Wire", None, None, "en", text, ingested=INGESTED)


def test_an_undated_articles_dateline_is_its_reference_day():
    ref, basis = reference_of(_undated(DATELINED))
    assert ref == date(2021, 5, 14) and basis.startswith("dateline")
    found = resolve_date(None, ref, False, basis)
    assert found.end == date(2021, 5, 14) and "dateline" in found.note


def test_a_dated_article_keeps_its_publication_day():
    art = Article("d1", None, "Wire", None, date(2021, 5, 15), "en", DATELINED, ingested=INGESTED)
    assert reference_of(art) == (date(2021, 5, 15), "publication")


def test_without_a_dateline_the_ingestion_day_is_the_reference_and_says_so():
    ref, basis = reference_of(_undated(NO_DATELINE))
    assert ref == INGESTED and basis.startswith("ingestion")
    assert "ingestion" in resolve_date(None, ref, False, basis).note


def test_a_spoken_date_is_no_dateline():
    text = "Police said on March 3, 2023 that gunmen had stormed a bar in Kisumu."
    assert reference_of(_undated(text))[0] == INGESTED


def test_an_undated_passage_takes_the_date_an_earlier_paragraph_gave():
    art = _undated(NO_DATELINE)
    words = preceding_date(art, NO_DATELINE.index("Four soldiers"), INGESTED)
    assert words is not None and words.text == "3 March 2023"
    assert resolve_date(words, INGESTED, False).start == date(2023, 3, 3)


def test_nothing_before_the_passage_gives_nothing():
    art = _undated(NO_DATELINE)
    assert preceding_date(art, 0, INGESTED) is None


def test_an_undated_dispatch_is_dated_by_its_dateline_end_to_end():
    from wirewatch.clean import article_id
    from wirewatch.extract import extract
    from wirewatch.resolve import resolve_mentions
    art = Article(article_id(DATELINED), None, "Wire", None, None, "en", DATELINED, ingested=INGESTED)
    found, _ = extract(art)
    dated = [m for m in resolve_mentions(art, found) if m.date is not None]
    assert dated and all(m.date.start == date(2021, 5, 12) for m in dated)  # the Wednesday before May 14
    assert any("dateline" in n for m in dated for n in m.notes)
