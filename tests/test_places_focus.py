"""The country an article points at: a surname that is also a town abroad must not outweigh its other places."""

from __future__ import annotations


def test_a_repeated_surname_that_is_a_town_abroad_counts_once(gazetteer):
    text = ("FORT WORTH, Texas — Army Spc. Ivan R. Lopez, 34, opened fire at a motor pool on Wednesday. Lopez had "
            "served in Iraq. Investigators said Lopez bought the pistol in Killeen. A friend said Lopez seemed calm. "
            "Lopez shot himself as police arrived.")
    assert gazetteer.country_focus(text).most_common(1)[0][0] == "US"


def test_a_middle_initial_does_not_hide_a_persons_name(gazetteer):
    from wirewatch.place_context import in_full_names
    assert {"Ivan", "Lopez"} <= in_full_names("Spc. Ivan R. Lopez, 34, opened fire.")
