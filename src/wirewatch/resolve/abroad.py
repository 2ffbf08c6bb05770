"""Where a local report's names point abroad without meaning it: a town abroad that is a car's or a street's name
in a report on another country, and a main country that rests on place names alone (a given name that is also a
unit abroad), with no country named outright.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..gazetteer import fold
from .town_roles import km

if TYPE_CHECKING:
    from ..gazetteer import Entry, Gazetteer, Hit

# A town abroad that nothing else in the text points at, in a text whose other names point at another country
# (this much focus: two names), is a guess below a city of this size (elsewhere).
_ELSEWHERE = 4
WORLD_CITY = 1_000_000
_NEIGHBOUR_KM = 500   # a town abroad this near one the text names in its country may be across the border


def elsewhere(entry: Entry, name: str, text: str, gazetteer: Gazetteer) -> bool:
    """Whether the text's other names point at another country, two names' worth or more, and not at all at the
    town's, and the town lies far from every town of that country the text names: a local report's "Toyota" is
    a car, not the town in Japan; a drone that fell near Belgorod in a report on Kharkiv fell across the border."""
    others = gazetteer.context_without(text, name)[0]
    top = others.most_common(1)
    if not top or top[0][0] == entry.country or top[0][1] < _ELSEWHERE or others.get(entry.country):
        return False
    near = (e for h in gazetteer.names_in(text) if fold(h.text) != fold(name) for e in h.entries
            if e.kind == "city" and e.country == top[0][0] and e.latitude is not None)
    return all(km(entry.latitude, entry.longitude, e.latitude, e.longitude) > _NEIGHBOUR_KM for e in near)


def named_outright(country: str, hits: tuple[Hit, ...]) -> bool:
    """Whether a text names a country outright, by its name or its people's ("Mexico", "Mexican"): a main country
    that rests on place names alone may rest on a namesake or a person's name ("Michael", a unit of the Isle of
    Man), and is then no reason to pass over the town a report opens with, of whatever country it is."""
    return any(h.demonym_of == country or any(e.kind == "country" and e.country == country for e in h.entries)
               for h in hits)
