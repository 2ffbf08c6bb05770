"""Review review9b's findings on b0c6219/b35fd16 (claim status) and 035848b/9b97ee4 (casualty counts): a group
boasting of the enemy's losses makes a claim, not an official's word on what befell it; an official only looking
into a claimed attack, or the claimant's own spokesman, does not confirm it; a relative clause holds a toll unless it follows a count; a source told
between commas, a range and a list of ages sit between a count and its verb; "along with" someone not counted
leaves the count before it standing. Sentences written for these tests in the style of wire copy."""

from __future__ import annotations

from datetime import date

import pytest

from wirewatch.clean import article_id
from wirewatch.extract import extract
from wirewatch.extract.fatalities import find_fatalities
from wirewatch.extract.injured import injured_in
from wirewatch.fuse.incidents import claim_status
from wirewatch.models import Article, ClaimStatus


def status(text: str) -> ClaimStatus:
    article = Article(id=article_id(text), url="https://test.example/r9b", outlet="Test Wire", title=None,
                      published=date(2025, 11, 18), language="en", text=text, source="test")
    mentions = extract(article)[0]
    assert mentions, "no event read"
    return claim_status(m.attribution.kind for m in mentions)


@pytest.mark.parametrize("text, expected", [
    # the group counts the other side's dead: its own deed, claimed
    ("GOMA (Reuters) - M23 rebels attacked army positions near Goma on Monday, killing 15 FARDC troops, the M23 "
     "said.", ClaimStatus.CLAIMED),
    ("BAMAKO (Reuters) - JNIM fighters ambushed a convoy near Gao on Monday, wounding three FAMa soldiers, JNIM "
     "said.", ClaimStatus.CLAIMED),
    # ... while its own losses to the other side stay its word on what befell it
    ("GOMA (Reuters) - Army shelling killed three civilians near Goma on Monday, the M23 said.",
     ClaimStatus.CONFIRMED),
    # an official who is only investigating a claimed attack vouches for nothing
    ("BAMAKO (Reuters) - JNIM claimed the ambush near Gao on Monday, which the army said it was investigating.",
     ClaimStatus.CLAIMED),
    ("BAMAKO (Reuters) - JNIM claimed the ambush near Gao on Monday, which the army said killed seven soldiers.",
     ClaimStatus.CONFIRMED),
    # the claimant's own spokesman, by "its" or by the group's name, is no official beside the claim
    ("MOGADISHU (Reuters) - Al Shabaab claimed the bombing at a Mogadishu hotel on Monday that killed 10 people, "
     "which its military spokesman said was carried out by a suicide bomber.", ClaimStatus.CLAIMED),
    ("MOGADISHU (Reuters) - Al Shabaab claimed the bombing at a Mogadishu hotel on Monday that killed 10 people, "
     "which Al Shabaab military spokesman Abdiasis Abu Musab said was revenge.", ClaimStatus.CLAIMED),
    ("MOGADISHU (Reuters) - Al Shabaab claimed the bombing at a Mogadishu hotel on Monday that killed 10 people, "
     "which a police commander said was carried out by a suicide bomber.", ClaimStatus.CONFIRMED),
    # an unnamed official, with the reason he goes unnamed between commas, speaks (the clause before is no speaker)
    ("MAIDUGURI, Nigeria (Reuters) - Gunmen killed 12 villagers in Borno state on Monday, a police officer, who "
     "asked not to be named, told Reuters.", ClaimStatus.CONFIRMED),
    ("MAIDUGURI, Nigeria (Reuters) - Gunmen killed 12 villagers in Borno state on Monday, a military source, "
     "speaking on condition of anonymity, said.", ClaimStatus.CONFIRMED),
    ("MAIDUGURI, Nigeria (Reuters) - Gunmen killed 12 villagers in Borno state on Monday, a resident, who asked "
     "not to be named, said.", ClaimStatus.REPORTED),
])
def test_whose_losses_and_inquiries(text, expected):
    assert status(text) is expected


@pytest.mark.parametrize("text, killed", [
    ("The gunmen, who killed three people at a market, fled on motorcycles.", 3),
    ("Four soldiers, who were on patrol, were killed.", 4),
    ("Two soldiers, a Kenyan army statement said, were killed in the attack.", 2),
    ("The attack killed 10 soldiers, a military source said, and wounded 15.", 10),
    ("Between 10 and 15 people were killed.", 10),
    ("Clashes killed between five and seven soldiers.", 5),
    ("Gunmen attacked the village between 2 and 4 a.m., killing three people.", 3),
    ("Three men, aged 20, 22 and 25, were killed.", 3),
    ("Two soldiers, along with their commander, were killed in the attack.", 2),
    ("Ten soldiers, along with two civilians, were killed in the attack.", 12),
    ("Three people, two of them children, were killed when gunmen attacked the market.", 3),
    ("Gunmen, along with their accomplices, killed two people.", 2),
])
def test_toll_past_asides(text, killed):
    hit = find_fatalities(text)
    assert hit is not None and hit.best == killed


@pytest.mark.parametrize("text, injured", [
    # a second victim hit who then died is no one injured
    ("A man was shot and killed. The gunman also shot a woman, who died later at the hospital.", None),
    ("A man was found dead with a gunshot wound. A woman with him was also hit and died at the scene.", 0),
    ("A man was shot and killed. His brother was also hit and later died at a hospital.", None),
    # fatal wounds are no injury
    ("The victim, a 30-year-old man, suffered fatal gunshot wounds.", None),
    # ... while one who lives stays injured
    ("A man was killed. The gunman also shot a 40-year-old woman, who is expected to survive.", 1),
    ("A man was shot. A woman with him was also hit and is in stable condition.", 2),
])
def test_a_second_victim_who_died_is_not_injured(text, injured):
    sentences = [(i, s if s.endswith(".") else s + ".") for i, s in enumerate(text.split(". "))]
    killed = next((h for h in map(find_fatalities, (s for _, s in sentences)) if h), None)
    hit = injured_in(sentences, killed.best if killed else None)
    assert (hit.best if hit else None) == injured


@pytest.mark.parametrize("text, killed", [
    # a count of people told again by trade is the same people, not more
    ("Gunmen killed four people, two policemen and two soldiers.", 4),
    ("Gunmen killed three people, two police officers and a soldier.", 3),
    ("Gunmen killed two police officers and a soldier.", 3),
    # parts that do not add up to the count stay a list
    ("Gunmen killed two people, three soldiers and a policeman.", 6),
])
def test_people_told_again_by_trade(text, killed):
    hit = find_fatalities(text)
    assert hit is not None and hit.best == killed
