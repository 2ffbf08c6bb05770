"""Later sentences that speak again of an incident told before, on wire copy written for these tests: a
denier's own version, an official's words on a crowd's day, a speaker named after a place."""

from __future__ import annotations

from datetime import date

from wirewatch.clean import article_id
from wirewatch.extract import extract
from wirewatch.extract.claims import counter_version
from wirewatch.fuse.incidents import claim_status
from wirewatch.models import Article, ClaimStatus, SourceKind


def _extracted(text: str) -> list:
    """The mentions extract finds in a wire report of 12 March 2024."""
    article = Article(id=article_id(text), url="https://test.example/e", outlet="Test Wire", title=None,
                      published=date(2024, 3, 12), language="en", text=text, source="test")
    return extract(article)[0]


def _by_type(text: str) -> dict[str, ClaimStatus]:
    """The claim status of each sub-event type the report tells."""
    kinds: dict[str, set] = {}
    for m in _extracted(text):
        kinds.setdefault(m.sub_event_type, set()).add(m.attribution.kind)
    return {t: claim_status(k) for t, k in kinds.items()}


def test_where_a_deniers_own_version_starts():
    text = "The police rejected the account on Monday, saying the officers had come under fire from the crowd."
    assert text[counter_version(text):].startswith(", saying")
    assert counter_version("Gunmen killed two guards, police said.") == len("Gunmen killed two guards, police said.")


def test_a_deniers_own_version_is_no_second_incident():
    text = ("GAROUA, Cameroon, March 12 — Soldiers shot dead two farmers at a checkpoint outside Touboro on Sunday, "
            "relatives said.\n\n"
            "The army rejected the relatives' account on Monday, saying the two men were bandits who had "
            "opened fire on the soldiers.")
    assert _by_type(text) == {"Attack": ClaimStatus.DISPUTED}


def test_an_officials_words_on_a_crowds_day_are_that_crowd():
    text = ("CHITTAGONG, March 11 — Garment workers hurled stones at police and torched a bus near the port in "
            "Chittagong on Monday, during a protest over unpaid wages.\n\n"
            "Police fired tear gas to disperse the crowd, and 12 officers were hurt, Chittagong Metropolitan "
            "Police spokesman Kamal Uddin said.")
    assert _by_type(text) == {"Violent demonstration": ClaimStatus.CONFIRMED}

