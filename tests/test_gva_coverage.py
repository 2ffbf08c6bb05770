"""Causes of lost or misplaced US crime reports (GVA): names inside longer names, and the opening's town
for passages with no place words. Fixture sentences are our own."""

from __future__ import annotations

from datetime import date

import pytest

from wirewatch.models import Article, Attribution, GeoPrecision, Mention, SourceKind, Span, TextField
from wirewatch.resolve import resolve_mentions
from wirewatch.resolve.places import lead_place, part_of_a_name

OPENING = "DAYTON, Ohio — Two men were wounded in a shooting early Sunday in Dayton, police said.\n\n"


@pytest.mark.parametrize("text, name, inside", [
    ("Officers found both victims on Salem Avenue shortly after 2 a.m.", "Salem", True),
    ("The boy was shot near Warren Township Park on Friday.", "Warren", True),
    ("A neighbor, Tyrone Jackson, said he heard four shots.", "Jackson", True),
    ("The Dayton Daily News first reported the shooting.", "Dayton", True),
    ("Two men were shot in Dayton Sunday night.", "Dayton", False),
    ("Police were called to northeast Dayton at 9 p.m.", "Dayton", False),
    ("A woman was shot in Dayton, Ohio, on Friday.", "Dayton", False),
    ("Deputies said the shooting in Jefferson County was the third this year.", "Jefferson", False),
    ("In Dayton the police chief spoke.", "Dayton", False),
    ("By Ana Kerr Holloway\nDAYTON — Two men were shot on Sunday.", "DAYTON", False),   # a byline's line above
    ("Russian missiles struck Ukraine's Kharkiv region on Monday.", "Kharkiv", False),
    ("Gunmen attacked a village in Nigeria’s Borno State on Friday.", "Borno", False),
])
def test_a_place_name_inside_a_longer_name_is_no_place(text, name, inside):
    start = text.index(name)
    assert part_of_a_name(text, start, start + len(name)) is inside


def _article(body: str) -> Article:
    return Article("gva1", None, "Miami Valley Wire", None, date(2017, 4, 10), "en", OPENING + body)


def _mention(article: Article, passage: str, place: str | None) -> Mention:
    start = article.text.index(passage)
    span = Span(article.id, start, start + len(passage))
    words = None
    if place is not None:
        at = article.text.index(place, start)
        words = TextField(place, Span(article.id, at, at + len(place)))
    trigger = TextField(passage[:4], Span(article.id, start, start + 4))
    return Mention(f"{article.id}:1:0:0", article.id, span, "Violence against civilians", "Attack", trigger,
                   Attribution(SourceKind.OUTLET), place_text=words)


def test_a_street_named_after_a_town_gives_way_to_the_openings_town(gazetteer):
    passage = "A third man was shot on Salem Avenue on Sunday, officers said."
    article = _article(passage)
    [resolved] = resolve_mentions(article, [_mention(article, passage, "Salem")], gazetteer)
    assert (resolved.place.name, resolved.place.admin1) == ("Dayton", "Ohio")
    assert resolved.place.precision is GeoPrecision.EXACT and resolved.place.span is None
    assert any("part of a longer name" in n for n in resolved.notes)
    assert any("opening names ('Dayton'" in n for n in resolved.notes)


def test_a_passage_without_place_words_takes_the_openings_town_not_the_country(gazetteer):
    passage = "A third man was shot on Sunday, officers said."
    article = _article(passage)
    [resolved] = resolve_mentions(article, [_mention(article, passage, None)], gazetteer)
    assert resolved.place.name == "Dayton" and resolved.place.iso == "USA"


def test_without_a_town_in_the_opening_the_country_stands(gazetteer):
    text = ("Gun deaths in the United States rose again last year, federal figures show.\n\n"
            "A man was shot on Sunday, officers said.")
    article = Article("gva2", None, None, None, date(2017, 4, 10), "en", text)
    assert lead_place(article.id, text, gazetteer.country_focus(text), gazetteer) is None
    [resolved] = resolve_mentions(article, [_mention(article, "A man was shot on Sunday, officers said.", None)],
                                  gazetteer)
    assert resolved.place.precision is GeoPrecision.COUNTRY and resolved.place.iso == "USA"
