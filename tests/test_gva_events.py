"""Follow-up crime stories (an arrest, a charge, a funeral) still give the shooting they tell of; trial and
policy stories still give none. Fixture articles are our own, in the style of US local news."""

from __future__ import annotations

from datetime import date

from wirewatch.clean import article_id
from wirewatch.extract import extract
from wirewatch.models import Article


def types_in(text: str) -> list[str]:
    art = Article(id=article_id(text), url="https://test.example/news/local", outlet="Test Courier", title=None,
                  published=date(2024, 3, 12), language="en", text=text, source="test")
    found, _ = extract(art)
    return [m.sub_event_type for m in found]


def test_an_arrest_sentence_also_tells_the_shooting_it_is_for():
    text = ("AKRON, Ohio — Police arrested a 24-year-old man on Monday in the shooting of a cashier at a "
            "Kenmore Boulevard gas station on Saturday.\n\n"
            "He is being held in the Summit County jail, a police spokesman said.")
    assert {"Arrests", "Attack"} <= set(types_in(text))


def test_a_follow_up_whose_shooting_sentence_has_no_place_or_date_still_gives_the_shooting():
    text = ("SPRINGFIELD, Mo. — Family and friends gathered at a church to remember Darnell Price, 17.\n\n"
            "Detectives said the teenager was shot after an argument over a borrowed car.\n\n"
            "His mother said he wanted to become a welder.")
    assert types_in(text) == ["Attack"]


def test_only_the_first_placeless_shooting_sentence_counts():
    text = ("Detectives said the teenager was shot after an argument over a borrowed car.\n\n"
            "A neighbor said the boy was shot more than once and collapsed in the yard.")
    assert types_in(text).count("Attack") == 1


def test_a_placeless_shooting_sentence_adds_nothing_where_another_gives_place_and_date():
    text = ("A 40-year-old man was shot and killed on Euclid Avenue in Cleveland on Sunday night, police said.\n\n"
            "Investigators said he was shot after an argument with a neighbor.")
    assert types_in(text) == ["Attack"]


def test_a_trial_story_stays_without_a_shooting_event():
    text = ("CANTON, Ohio — Jurors heard testimony on Monday from a detective who said the defendant was shot "
            "by his cousin.\n\n"
            "The trial is expected to last two weeks.")
    assert "Attack" not in types_in(text)


def test_a_killing_told_without_place_or_date_leaves_the_shooting_words_to_report_it():
    text = ("Whoever killed the father of three in front of his children remains at large.\n\n"
            "Hale, 52, was shot outside his home on Linden Street in Toledo on Friday night, police said.")
    assert "Attack" in types_in(text)


def test_a_killing_with_its_own_place_and_date_still_keeps_shooting_words_out():
    text = ("Gunmen killed three villagers near Tillaberi in Niger on Sunday, residents said.\n\n"
            "One survivor was shot in the arm in the village on Sunday and taken to a clinic.")
    assert types_in(text) == ["Attack"]
