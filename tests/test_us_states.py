"""US state abbreviations and state votes (wirewatch.us_states), and the article cache that serves them."""

from __future__ import annotations

from collections import Counter

import pytest

from wirewatch.us_states import name_units, state_key, state_qualifiers, votes


@pytest.mark.parametrize("abbreviation, key", [("Tex.", "US.TX"), ("TX", "US.TX"), ("W.Va.", "US.WV"),
                                               ("OH", "US.OH"), ("Nov.", None), ("UN", None)])
def test_state_key_reads_ap_and_postal_abbreviations(abbreviation, key):
    assert state_key(abbreviation) == key


def test_state_qualifiers_follow_towns_in_text_order():
    text = ("MONROE, La. (KNOE) - A deputy was hurt in a chase that ended in Vicksburg, Miss., and two men "
            "from Tyler, TX were held. The UN, NATO and Sen. Roberts said nothing.")
    assert state_qualifiers(text) == ("US.LA", "US.MS", "US.TX")


def test_name_units_keep_a_names_first_units_and_count_each_qualifier_once():
    units = name_units([("salem", frozenset({"US.OR", "US.MA"})), ("salem", frozenset({"US.VA"})),
                        ("cairo", frozenset())], [("pike county", frozenset({"US.KY", "US.OH"}))],
                       ("US.OR", "US.OR"))
    assert units == (("salem", frozenset({"US.OR", "US.MA"})), ("pike county", frozenset({"US.KY", "US.OH"})),
                     ("0,US.OR", frozenset({"US.OR"})), ("1,US.OR", frozenset({"US.OR"})))


def test_votes_share_one_vote_per_name_and_skip_the_name_itself():
    units = (("salem", frozenset({"US.OR", "US.MA"})), ("eugene", frozenset({"US.OR"})))
    assert votes(units, "eugene") == Counter({"US.OR": 0.5, "US.MA": 0.5})
    assert votes(units, "") == Counter({"US.OR": 1.5, "US.MA": 0.5})


def test_an_articles_names_are_read_once_and_its_focus_handed_out_as_a_copy(gazetteer):
    text = ("Two people were shot Sunday in Peoria, Ill., police said. A man from Decatur was arrested "
            "near Springfield.")
    first = gazetteer.country_focus(text)
    first["XX"] = 99  # a caller's change must not reach the next caller
    assert "XX" not in gazetteer.country_focus(text)
    assert list(gazetteer.names_in(text)) == gazetteer.spot(text)
    assert gazetteer.names_in(text) is gazetteer.names_in(text)
    assert "US.IL" in gazetteer.admin1_in(text)
    # the qualifier and Peoria each give Illinois a vote, Decatur a share of one
    assert gazetteer.state_votes(text, "Springfield")["US.IL"] > 1.5
