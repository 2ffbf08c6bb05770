"""Review of the American-wording and lead-town rules (b051b37, 38d9ba4, c349790): words that Canadian,
Australian, Pakistani or Palestinian copy also uses, and a neighbouring force that only helped."""

from __future__ import annotations

from datetime import date

import pytest

from wirewatch.clean import article_id
from wirewatch.extract import extract
from wirewatch.gazetteer import load_gazetteer
from wirewatch.models import Article
from wirewatch.resolve import resolve_mentions


def _places(text: str) -> list[tuple[str, str | None]]:
    art = Article(id=article_id(text), url=None, outlet=None, title=None, published=date(2024, 9, 23),
                  language="en", text=text, source="test")
    gazetteer = load_gazetteer()
    return [(m.place.name, m.place.iso) for m in resolve_mentions(art, extract(art)[0], gazetteer)]


@pytest.mark.parametrize("text, iso", [
    ("A man was stabbed to death in Windsor on Saturday. Windsor police said a 22-year-old has been charged with "
     "second-degree murder.", None),
    ("A man was shot dead on Saturday night in Perth, and a 30-year-old was later charged with aggravated "
     "assault, police said.", None),
    ("BETHLEHEM (WAFA) - Israeli forces shot and injured a young man during a raid in Bethlehem on Monday, "
     "medics said.", "PSE"),
    ("Gunmen shot dead two police officers at a checkpoint in Islamabad's I-10 sector on Monday, police said.",
     "PAK"),
])
def test_charges_agencies_and_sectors_abroad_are_no_american_wording(text, iso):
    found = _places(text)
    assert found and all(country != "USA" for _, country in found), found
    # Windsor, Perth: which of their namesakes the words leave open; Bethlehem: the West Bank or Israel
    assert iso in {None, "PSE"} or all(country == iso for _, country in found), found


def test_a_neighbouring_force_that_only_helped_does_not_take_the_incident():
    text = ("TROTWOOD, Ohio (WHIO) - A 19-year-old man was shot and killed outside a house on Sunday night.\n\n"
            + "He had finished school in the spring and worked at a warehouse, and friends described him as a "
              "quiet young man who loved music and basketball and spent his weekends with his younger brothers. "
            * 4
            + "\n\nOfficers from Huber Heights police helped block off the street while detectives searched the "
              "area.")
    assert [name for name, _ in _places(text)] == ["Trotwood"]


def test_an_incident_told_as_another_does_not_take_the_claimant():
    text = ("Al Shabaab claimed responsibility for Friday's suicide bombing at a hotel in Mogadishu, which killed "
            "nine people, police said. Separately, two herders were killed on Sunday when a landmine exploded "
            "near Baidoa, a local official said.")
    art = Article(id=article_id(text), url=None, outlet=None, title=None, published=date(2024, 9, 23),
                  language="en", text=text, source="test")
    mine = [m for m in extract(art)[0] if m.sub_event_type == "Remote explosive/landmine/IED"]
    assert mine and all(m.actor1 is None or "Shabaab" not in m.actor1.name for m in mine)
