"""Particles that are English words ("at", "of the") must not glue a town to its neighbours (found in review)."""

from __future__ import annotations


def _spotted(gazetteer, text: str) -> list[str]:
    return [text[h.start:h.end] for h in gazetteer.spot(text)]


def test_at_does_not_glue_a_common_word_town_to_the_venue(gazetteer):
    assert _spotted(gazetteer, "A man was shot in Troy at Walmart on Friday.") == ["Troy"]


def test_at_keeps_the_saint_prefix(gazetteer):
    assert _spotted(gazetteer, "Shooting at Ft. Worth bar leaves one dead") == ["Ft. Worth"]


def test_of_the_joins_only_a_republic(gazetteer):
    assert _spotted(gazetteer, "said Chief John Harris of the Jackson Police Department.") == ["Jackson"]
    assert "the Valley" not in _spotted(gazetteer, "Call Detective Ann Lee of the Valley Bureau.")
