"""Claim status on wire-copy passages written for these tests: an official's word beside a claim, a party
telling of its own losses or of a bomb it defused, a civic committee reporting, an official who speaks after a
quote, posts no one vouches for."""

from __future__ import annotations

from datetime import date

import pytest

from wirewatch.clean import article_id
from wirewatch.extract import extract
from wirewatch.fuse.incidents import claim_status
from wirewatch.models import Article, ClaimStatus


def status(text: str) -> ClaimStatus:
    """The claim status of everything extract() finds in a wire report of 18 November 2025."""
    article = Article(id=article_id(text), url="https://test.example/s", outlet="Test Wire", title=None,
                      published=date(2025, 11, 18), language="en", text=text, source="test")
    mentions = extract(article)[0]
    assert mentions, "no event read"
    return claim_status(m.attribution.kind for m in mentions)


@pytest.mark.parametrize("text, expected", [
    # A claim whose incident an official also states in the same sentence is confirmed.
    ("JNIM claimed responsibility on Wednesday for an ambush on an army convoy near Boni that the army said "
     "killed seven soldiers.", ClaimStatus.CONFIRMED),
    ("The Pakistani Taliban claimed responsibility for a suicide bombing at a police station in Bannu on "
     "Monday, a police spokesman said.", ClaimStatus.CONFIRMED),
    # ... but the claimant's own unnamed spokesman, or an official who cannot confirm, leaves it claimed.
    ("The Pakistani Taliban claimed responsibility for a suicide bombing at a police station in Bannu on "
     "Monday, a spokesman said.", ClaimStatus.CLAIMED),
    ("The Pakistani Taliban claimed responsibility for a suicide bombing at a police station in Bannu on "
     "Monday that police have not confirmed.", ClaimStatus.CLAIMED),
    # A party telling of its own losses states what befell it.
    ("Attackers threw a grenade at an SDF checkpoint in Al-Busayrah on Monday, wounding three SDF fighters, "
     "the SDF said.", ClaimStatus.CONFIRMED),
    ("The SDF said a grenade thrown at one of its checkpoints in Al-Busayrah on Monday wounded three of its "
     "fighters.", ClaimStatus.CONFIRMED),
    # ... while the other side's losses in its own attack are its claim.
    ("Al Shabaab said its fighters attacked an AU base in Lower Shabelle on Tuesday, killing 10 Ugandan "
     "soldiers.", ClaimStatus.CLAIMED),
    # A bomb a party defused is no attack it claims.
    ("The SDF said its engineers defused a car bomb near a market in Hajin on Monday.", ClaimStatus.CONFIRMED),
    # Clashes "between" a group and the army are the group's fight, not a deed done to it.
    ("Clashes between the Kachin Independence Army and junta troops erupted near Bhamo on Monday, the Kachin "
     "Independence Army said in a statement.", ClaimStatus.CLAIMED),
    # A neighbourhood committee telling of another side's shelling reports it.
    ("Shelling by the RSF killed 11 people in the Abu Shouk camp near El Fasher on Wednesday, a volunteer "
     "group said. The shells hit a water point, the El Fasher Resistance Committee said in a post.",
     ClaimStatus.REPORTED),
    # An official named with his role after a quote confirms; "told reporters" names who heard it.
    ("Suspected jihadists killed 12 villagers in an attack on Solenzo in western Burkina Faso on Sunday.\n\n"
     "\"We have recovered twelve bodies,\" Colonel Ahmed Sawadogo, the regional army commander, told reporters "
     "on Monday.", ClaimStatus.CONFIRMED),
    # Tear gas an official speaks of is the crowd's day told before.
    ("Police fired tear gas at hundreds of protesters in Conakry on Thursday, witnesses said. Police spokesman "
     "Mamadou Camara said officers had used tear gas to restore order.", ClaimStatus.CONFIRMED),
    # An official who describes the reports as false denies them, with "described" as with "said".
    ("Soldiers killed 20 civilians in a raid on the village of Kasuwa in Borno state on Friday, residents "
     "said.\n\nArmy spokesman Onyema Nwachukwu described the reports as false and baseless.", ClaimStatus.DISPUTED),
    ("Soldiers shot dead 12 civilians at a wedding in the village of Tin Hama in northern Mali on Sunday, "
     "residents said.\n\nIn a statement, the army called the allegations \"baseless\" and said its troops had come "
     "under fire.", ClaimStatus.DISPUTED),
    # Posts that the article calls unverified, or a channel it does not say is the group's, vouch for nothing.
    ("Militants burned houses in Solenzo in western Burkina Faso on Sunday, according to unverified posts on "
     "Telegram channels linked to the group.", ClaimStatus.UNVERIFIED),
    ("Militants burned houses in Solenzo in western Burkina Faso on Sunday, according to posts on a jihadist "
     "Telegram channel.", ClaimStatus.UNVERIFIED),
])
def test_claim_status_by_who_speaks(text, expected):
    assert status(text) is expected


@pytest.mark.parametrize("text, expected", [
    # Unchanged families, pinned: a group's claim on its Telegram channel, state media on their own,
    # residents, a UN mission, an official on a later paragraph.
    ("JNIM said on its Telegram channel that its fighters burned houses in Solenzo in western Burkina Faso on "
     "Sunday.", ClaimStatus.CLAIMED),
    ("Gunmen killed five people in an attack on a village in Tillaberi on Sunday, state television reported.",
     ClaimStatus.REPORTED),
    ("Gunmen killed five people in an attack on a village in Tillaberi on Sunday, state television reported, "
     "citing the interior ministry.", ClaimStatus.CONFIRMED),
    ("Gunmen killed 14 civilians in a village near Beni on Sunday, residents said.", ClaimStatus.REPORTED),
    ("Armed men killed 14 civilians in a village near Beni on Sunday, the UN mission in Congo said.",
     ClaimStatus.REPORTED),
    ("Gunmen stormed a church in Owo in Ondo state on Sunday, killing at least 20 worshippers. Witnesses said "
     "the attackers came on motorbikes. The attack was the deadliest in the state this year, the state "
     "governor told reporters.", ClaimStatus.CONFIRMED),
    ("Gunmen killed 20 villagers in a raid on Kasuwa in Borno state on Friday, residents said.\n\nThe state "
     "governor described the attack as barbaric.", ClaimStatus.CONFIRMED),
    ("Gunmen killed five people in an attack on a village in Tillaberi on Sunday, residents said. JNIM denied "
     "involvement in a statement.", ClaimStatus.REPORTED),
])
def test_claim_status_families_kept(text, expected):
    assert status(text) is expected
