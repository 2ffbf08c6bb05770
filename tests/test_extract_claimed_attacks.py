"""An attack whose sentence names no attacker ("their vehicle struck a roadside bomb") is the attack of the one
group the article says claimed it; an air strike, or an attack on that group, is not."""

from __future__ import annotations

from datetime import date

from wirewatch.clean import article_id
from wirewatch.extract import extract
from wirewatch.models import Article

# Written for these tests in the style of wire reports; the incidents are invented.
ROADSIDE_BOMB = ("MOGADISHU, May 12 — Four soldiers were killed on Sunday when their vehicle struck a roadside bomb "
                 "near Afgoye, a military officer said.\n\n"
                 "Al Shabaab claimed responsibility for the attack in a statement on its radio station.")
BUS_MINE = ("QUETTA, May 12 — A landmine exploded under a passenger bus on Sunday near Turbat, killing six people, "
            "police said.\n\nThe Balochistan Liberation Army said it had carried out the attack.")
AIR_STRIKE = ("MOGADISHU, May 12 — Government jets struck a training camp near Jilib on Sunday, killing 12 people, the defence "
              "ministry said.\n\nAl Shabaab claimed responsibility for a roadside bombing in Afgoye on Saturday.")
UNCLAIMED = ("MOGADISHU, May 12 — Four soldiers were killed on Sunday when their vehicle struck a roadside bomb "
             "near Afgoye, a military officer said.\n\nNo group has claimed responsibility for the attack.")


def _mentions(text: str) -> list:
    art = Article(id=article_id(text), url="https://test.example/" + article_id(text), outlet="Test Wire",
                  title=None, published=date(2025, 5, 12), language="en", text=text, source="test")
    return extract(art)[0]


def test_a_roadside_bomb_with_no_attacker_named_is_the_claimants():
    bombs = [m for m in _mentions(ROADSIDE_BOMB) if m.sub_event_type == "Remote explosive/landmine/IED"]
    assert bombs and all(m.actor1 is not None and m.actor1.name == "Al Shabaab" for m in bombs)
    span = bombs[0].actor1.span
    assert ROADSIDE_BOMB[span.start:span.end] == "Al Shabaab"


def test_a_mine_under_a_bus_is_the_claimants():
    mines = [m for m in _mentions(BUS_MINE) if m.sub_event_type == "Remote explosive/landmine/IED"]
    assert mines and mines[0].actor1 is not None and mines[0].actor1.name == "Balochistan Liberation Army"


def test_an_air_strike_is_never_the_claimants():
    strikes = [m for m in _mentions(AIR_STRIKE) if m.sub_event_type == "Air/drone strike"]
    assert strikes and all(m.actor1 is None or m.actor1.name != "Al Shabaab" for m in strikes)


def test_an_unclaimed_attack_takes_no_attacker():
    bombs = [m for m in _mentions(UNCLAIMED) if m.sub_event_type == "Remote explosive/landmine/IED"]
    assert bombs and all(m.actor1 is None for m in bombs)
