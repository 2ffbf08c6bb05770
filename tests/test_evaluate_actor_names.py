"""How the evaluation compares an actor's name with the gold's: one side, not one shared word."""

from __future__ import annotations

import pytest

from wirewatch.evaluate import same_actor
from wirewatch.gazetteer import load_gazetteer


@pytest.mark.parametrize("ours, gold", [
    ("Russian military", "Military Forces of Russia"),
    ("Military Forces of Ukraine", "Ukrainian soldiers"),
    ("Police Forces of Nigeria", "Nigerian policemen"),
    ("M23: March 23 Movement", "M23"),
    ("Legion", "Russian Civic Resistance Legion"),
    ("Protesters (Kenya)", "Kenyan demonstrators"),
    ("Military Forces of Sudan", "Sudan"),
    ("Unidentified Armed Group", "unidentified armed group"),
    ("Al Shabaab", "al-Shabaab"),
    ("Alshabaab militants", "Al-Shabaab"),
    ("Al Qaeda", "al-Qaida"),   # spelt both ways; one word in common before the article was joined
    ("Al Shabaab", "Al-Shabab"),
    ("Hayat Tahrir al-Sham", "HTS: Hayat Tahrir al-Sham"),
])
def test_names_of_one_side_agree(ours, gold):
    assert same_actor(ours, gold, load_gazetteer())


@pytest.mark.parametrize("ours, gold", [
    ("Military Forces of Russia", "Military Forces of Ukraine"),
    ("Civilians (Colombia)", "Protesters (Colombia)"),
    ("Russian military", "Russian Civic Resistance Legion"),
    ("Police Forces of Ukraine", "Military Forces of Ukraine"),
    ("Unidentified Armed Group (Mali)", "JNIM: Group for Support of Islam and Muslims"),
    ("Al Shabaab", "Al Qaeda"),
    ("al-Shabaab", "Ahlu Sunna Wal Jamaa"),
    # the article joined, five letters were "alsha" for each
    ("Al Shabaab", "Hayat Tahrir al-Sham"),
    ("Al Shabaab", "Ansar al-Sharia"),
    # "in" names no side
    ("AQAP: Al Qaeda in the Arabian Peninsula", "Islamic State in Iraq and the Levant"),
])
def test_names_of_two_sides_do_not(ours, gold):
    assert not same_actor(ours, gold, load_gazetteer())
