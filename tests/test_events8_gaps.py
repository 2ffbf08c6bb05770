"""Gaps in extraction closed by task events8: a kill of soldiers by armed men with no fight word, a bare "bombing
in <town>", a shooting years before a vigil or an arrest, the dead among the wounded told in an aside, a toll
shared between two sides, and an arrest over a protest of an earlier day."""

from __future__ import annotations

from datetime import date

import pytest

from wirewatch.clean import article_id
from wirewatch.extract import extract
from wirewatch.extract.fatalities import find_fatalities, find_injuries
from wirewatch.extract.lexicons import load_lexicons
from wirewatch.models import Article
from wirewatch.resolve import resolve_mentions

WEDNESDAY = date(2025, 5, 14)

# Written for these tests in the style of wire reports and US local news; incidents and people are invented.
GUNMEN = "MAIDUGURI, Nigeria, May 14 (Test Wire) - Gunmen killed 10 soldiers near Maiduguri on Tuesday, a military source said."
ITS_FIGHTERS = "NIAMEY, May 14 (Test Wire) - Islamic State said its fighters killed 10 soldiers near Tillaberi on Tuesday."
SOLDIERS_KILLED_VILLAGERS = ("MAIDUGURI, Nigeria, May 14 (Test Wire) - Soldiers killed 10 villagers near Maiduguri on Tuesday, "
                          "residents said.")
BOMBING = ("MOGADISHU, May 14 (Test Wire) - Al Shabaab claimed the bombing in Mogadishu on Monday, which police said "
           "killed 10 people.")
VIGIL_2019 = ("DETROIT, May 14 (Test Wire) - Relatives held a vigil on Tuesday for Marcus Reed, who was shot and killed "
              "in Detroit in 2019.")
VIGIL_YEARS_AGO = ("DETROIT, May 14 (Test Wire) - Relatives held a vigil on Tuesday for a teenager shot dead three years "
                   "ago on Gratiot Avenue in Detroit.")
ARREST_2019 = ("DETROIT, May 14 (Test Wire) - Police on Tuesday arrested a man suspected in the 2019 shooting of a store "
               "clerk in Detroit.")
VIGIL_FRIDAY = ("DETROIT, May 14 (Test Wire) - Relatives held a vigil on Tuesday for Marcus Reed, who was shot and killed "
                "in Detroit on Friday.")
ARREST_OVER_PROTEST = ("LAGOS, May 14 (Test Wire) - Police in Lagos on Tuesday arrested 12 people over Sunday's protests "
                       "against fuel prices.")


def _mentions(text: str, resolved: bool = False, published: date = WEDNESDAY) -> list:
    art = Article(id=article_id(text), url="https://test.example/" + article_id(text), outlet="Test Wire",
                  title=None, published=published, language="en", text=text, source="test")
    found = extract(art)[0]
    return resolve_mentions(art, found) if resolved else found


@pytest.mark.parametrize("text", [GUNMEN, ITS_FIGHTERS])
def test_armed_men_killing_soldiers_is_a_clash(text):
    assert {m.sub_event_type for m in _mentions(text)} == {"Armed clash"}


def test_soldiers_killing_villagers_is_no_clash():
    assert "Armed clash" not in {m.sub_event_type for m in _mentions(SOLDIERS_KILLED_VILLAGERS)}


def test_a_bombing_in_a_named_town_is_an_explosion():
    found = _mentions(BOMBING)
    assert found and {m.event_type for m in found} == {"Explosions/Remote violence"}
    assert found[0].actor1 is not None and found[0].actor1.name == "Al Shabaab"


def test_the_bombing_row_matches_behind_the_screen():
    sentence = "Al Shabaab claimed the bombing in Mogadishu on Monday, which police said killed 10 people."
    rows = [t for t in load_lexicons().triggers if t.sub_event_type == "Remote explosive/landmine/IED"]
    assert any(t.pattern.search(sentence) for t in rows)


@pytest.mark.parametrize("text", [VIGIL_2019, VIGIL_YEARS_AGO, ARREST_2019])
def test_a_shooting_years_before_is_no_event_of_the_day(text):
    found = _mentions(text)
    assert found and "Attack" not in {m.sub_event_type for m in found}


def test_a_shooting_days_before_a_vigil_is_still_told():
    attacks = [m for m in _mentions(VIGIL_FRIDAY, resolved=True) if m.sub_event_type == "Attack"]
    assert attacks and attacks[0].date.start == date(2025, 5, 9)


def test_a_protest_named_by_its_day_in_an_arrest_story_is_the_protesters_on_that_day():
    found = _mentions(ARREST_OVER_PROTEST, resolved=True)
    assert {m.sub_event_type for m in found} == {"Arrests", "Peaceful protest"}
    protest = next(m for m in found if m.sub_event_type == "Peaceful protest")
    assert protest.actor1 is not None and protest.actor1.name.startswith("Protesters")
    assert protest.date.start == date(2025, 5, 11)
    arrest = next(m for m in found if m.sub_event_type == "Arrests")
    assert arrest.date.start == date(2025, 5, 13)


@pytest.mark.parametrize("text, killed, injured", [
    ("Three soldiers, one of whom later died, were wounded, the army said.", 1, 2),
    ("Four passengers, two of whom later died in hospital, were wounded, police said.", 2, 2),
    ("Gunmen wounded five passengers, one of whom later died, police said.", 1, 5),   # injured_in takes the one off
    ("Two officers, one of whom was shot in the leg, were wounded.", None, 2),
])
def test_the_dead_told_in_an_aside_among_the_wounded(text, killed, injured):
    dead, hurt = find_fatalities(text), find_injuries(text)
    assert (dead.best if dead else None) == killed
    assert (hurt.best if hurt else None) == injured


def test_an_aside_after_the_wounded_is_one_injured_less_in_the_report():
    found = _mentions("KANO, May 14 (Test Wire) - Gunmen opened fire on a bus near Kano on Monday, wounding five "
                      "passengers, one of whom later died, police said.", resolved=True)
    assert found and found[0].fatalities.best == 1 and found[0].injured.best == 4


@pytest.mark.parametrize("text, killed", [
    ("Clashes between herders and farmers near Kaduna on Monday killed four people, two on each side, police said.", 4),
    ("The fighting killed six people, three on each side.", 6),
    ("The fighting killed six people, three from each community, and wounded 10.", 6),
    ("Gunmen killed four people on Monday, two in Kano and two more in Kaduna.", 4),
])
def test_a_toll_shared_between_sides_is_counted_once(text, killed):
    assert find_fatalities(text).best == killed


def test_a_shooting_in_december_told_in_january_is_still_the_incident():
    text = ("DETROIT, Jan 9 (Test Wire) - Police on Tuesday arrested a man in the shooting of a store clerk, who was "
            "shot and killed in Detroit in December 2024.")
    assert "Attack" in {m.sub_event_type for m in _mentions(text, published=date(2025, 1, 9))}


def test_a_bombing_with_no_aircraft_named_is_no_air_strike():
    found = _mentions("MOGADISHU, May 14 (Test Wire) - Al Shabaab claimed responsibility for a roadside bombing in "
                      "Afgoye on Saturday that killed four soldiers.")
    assert found and "Air/drone strike" not in {m.sub_event_type for m in found}
