"""A village is the incident's place when an attack is told against it, not when anything is told 'on' it."""

from wirewatch.resolve.town_roles import places_the_incident


def _places(text: str, name: str) -> bool:
    start = text.index(name)
    return places_the_incident(text, start, start + len(name))


def test_a_documentary_on_a_village_places_no_attack_there():
    text = ("Gunmen killed two guards in Maiduguri on Monday, weeks after a documentary on the village of "
            "Damboa aired on state television.")
    assert not _places(text, "Damboa")


def test_an_attack_or_raid_on_a_village_places_the_attack_there():
    for text in ("Gunmen killed two guards in an attack on the village of Damboa on Monday.",
                 "Troops killed four fighters in a raid on the village of Damboa on Monday.",
                 "Gunmen opened fire on the village of Damboa on Monday, killing two guards."):
        assert _places(text, "Damboa"), text
