"""The resolver places an incident at the article's lead town when the passage's town is named for another role
(an attribute, a hospital) or is a namesake elsewhere that nothing in the text points at (resolve/town_roles.py)."""

from __future__ import annotations

from datetime import date

from wirewatch.models import Article, Attribution, Mention, SourceKind, Span, TextField
from wirewatch.resolve import resolve_mentions


def _resolved(gazetteer, text: str, place_words: str):
    start, shot = text.index(place_words), text.index("shot")
    mention = Mention(id="m", article_id="t", passage=Span("t", 0, len(text)),
                      event_type="Violence against civilians", sub_event_type="Attack",
                      trigger=TextField("shot", Span("t", shot, shot + 4)),
                      attribution=Attribution(SourceKind.MEDIA_REPORT),
                      place_text=TextField(place_words, Span("t", start, start + len(place_words))))
    article = Article(id="t", url=None, outlet=None, title=None, published=date(2016, 5, 2), language="en", text=text)
    (resolved,) = resolve_mentions(article, [mention], gazetteer)
    return resolved.place


def test_a_town_named_only_as_an_attribute_yields_to_the_lead_town(gazetteer):
    text = ("MACON, Ga. (WXYZ) — Two men were shot after midnight, deputies said. Both had left a Warner Robins "
            "nightclub an hour before.")
    place = _resolved(gazetteer, text, "Warner Robins")
    assert (place.name, place.admin1) == ("Macon", "Georgia")


def test_a_town_the_shooting_is_told_in_keeps_its_place(gazetteer):
    text = "MACON, Ga. (WXYZ) — Two men were shot outside a nightclub in Warner Robins after midnight."
    place = _resolved(gazetteer, text, "Warner Robins")
    assert (place.name, place.admin1) == ("Warner Robins", "Georgia")
