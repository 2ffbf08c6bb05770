"""A follow-up story (a vigil, an arrest) still reports the shooting it follows: the shooting becomes an event
of its own, dated by the words tied to it, not by the vigil's or the arrest's day."""

from __future__ import annotations

from datetime import date

from wirewatch.clean import article_id
from wirewatch.extract import extract
from wirewatch.models import Article
from wirewatch.resolve import resolve_mentions

TUESDAY = date(2024, 10, 22)

# Written for these tests in the style of US local news; people and streets are invented.
VIGIL = ("Neighbors and relatives gathered Sunday evening outside a corner store in Flint for a candlelight vigil "
         "for Darnell Brooks, 19, who was shot and killed there Friday night.\n\n"
         "\"He was just getting his life together,\" his cousin said.")
ARREST_THEN_SHOOTING = ("MEMPHIS, Tenn. - Police on Tuesday arrested a 23-year-old man who they said fled from "
                        "officers on foot.\n\n"
                        "The shooting happened on Elvis Presley Boulevard in Memphis, where officers found a man "
                        "with several gunshot wounds, police said.")
SHOOTING_THEN_ARREST_RETOLD = ("A man was shot and wounded Saturday night on Vine Street in Cincinnati, police said."
                               "\n\nOfficers arrested a suspect on Monday.\n\n"
                               "Police said the shooting followed an argument inside a bar in Cincinnati.")


def _resolved(text: str) -> list:
    art = Article(id=article_id(text), url="https://test.example/" + article_id(text), outlet="Test Courier",
                  title=None, published=TUESDAY, language="en", text=text, source="test")
    found, _ = extract(art)
    return resolve_mentions(art, found)


def test_a_vigil_story_reports_the_shooting_dated_by_its_own_day():
    found = _resolved(VIGIL)
    assert {m.sub_event_type for m in found} >= {"Peaceful protest", "Attack"}
    attack = next(m for m in found if m.sub_event_type == "Attack")
    assert attack.date.start == date(2024, 10, 18)  # Friday, not the vigil's Sunday


def test_the_shooting_after_an_arrest_is_no_restatement_of_the_arrest():
    found = _resolved(ARREST_THEN_SHOOTING)
    assert {m.sub_event_type for m in found} == {"Arrests", "Attack"}


def test_the_shooting_after_a_shooting_is_still_that_shooting():
    attacks = [m for m in _resolved(SHOOTING_THEN_ARREST_RETOLD) if m.sub_event_type == "Attack"]
    assert len({m.passage for m in attacks}) == 1
