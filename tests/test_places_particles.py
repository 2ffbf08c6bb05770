"""Place names joined by lower-case particles ("Dar es Salaam", "Deir ez-Zor") are read whole, not as a
shorter name ("Dar") or not at all."""

from __future__ import annotations


def _spotted(gazetteer, text: str) -> list[str]:
    return [text[h.start:h.end] for h in gazetteer.spot(text)]


def test_names_with_arabic_and_swahili_particles_are_read_whole(gazetteer):
    assert _spotted(gazetteer, "A grenade went off at a bus stop in Dar es Salaam on Monday.") == ["Dar es Salaam"]
    assert _spotted(gazetteer, "Gunmen attacked a checkpoint in eastern Deir ez-Zor province on Friday.") \
        == ["Deir ez-Zor"]
    assert _spotted(gazetteer, "Police in Sharm el-Sheikh detained four men.") == ["Sharm el-Sheikh"]


def test_particles_still_end_at_ordinary_words(gazetteer):
    # "and" and "in" join no name: two places stay two.
    assert _spotted(gazetteer, "Protests spread from Kisumu and Nakuru in Kenya.") == ["Kisumu", "Nakuru", "Kenya"]


def test_of_the_joins_a_countrys_long_name(gazetteer):
    # Read in two pieces, "Congo" alone meant the Republic of the Congo, not the DRC.
    text = "Fighting spread across the Democratic Republic of the Congo's east, while the Republic of the Congo was calm."
    assert [gazetteer.spot(text)[k].entries[0].country for k in (0, 1)] == ["CD", "CG"]
