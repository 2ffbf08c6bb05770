"""Review of the strategic-development wordings (067b1c9): rows that fired on words of fighting."""

from __future__ import annotations

from datetime import date

import pytest

from wirewatch.clean import article_id
from wirewatch.extract import extract
from wirewatch.models import Article


def _types(text: str) -> set[str]:
    art = Article(id=article_id(text), url=None, outlet=None, title=None, published=date(2024, 9, 23),
                  language="en", text=text, source="test")
    return {m.sub_event_type for m in extract(art)[0]}


@pytest.mark.parametrize("text, not_type", [
    ("The army launched a crackdown on militias in Ituri province on Monday, a spokesman said.",
     "Change to group/activity"),
    ("Nigerian jets launched airstrikes against rebel groups near Gwoza on Tuesday, the air force said.",
     "Change to group/activity"),
    ("Gunmen opened fire on camps for displaced people near Djibo on Sunday, killing five, residents said.",
     "Headquarters or base established"),
    ("Protest leaders agreed to end the sit-in outside the governor's office in Kano on Friday after police "
     "promised to free detained traders.", "Agreement"),
])
def test_words_of_fighting_or_protest_make_no_strategic_development(text, not_type):
    assert not_type not in _types(text)


def test_opened_fire_is_no_blaze_that_razed_the_homes():
    text = "Gunmen opened fire on residents and razed dozens of homes in Kukawa on Saturday, a local official said."
    assert "Looting/property destruction" in _types(text)


def test_the_rows_still_read_what_they_were_written_for():
    assert "Change to group/activity" in _types(
        "Villagers in Kukawa formed a new self-defence militia on Sunday after weeks of raids, a local leader said.")
    assert "Headquarters or base established" in _types(
        "The rebels set up a new military base at Kashuga in North Kivu last week, local sources said.")

