"""A report that opens on its victim may quote the force that answered the call only paragraphs later ("Trotwood
police said ..."): that force's town is the incident's jurisdiction, ahead of the outlet's dateline and of towns the
opening names for other reasons, wherever in the report the force is quoted."""

from __future__ import annotations

from wirewatch.resolve.places import lead_place

_OPENING = ("DAYTON — A 24-year-old man was found shot in a parked car early Sunday, the second shooting in the "
            "area this month. Friends remembered him as a quiet young father who loved basketball and worked long "
            "shifts at a warehouse to support his two daughters. His mother said he had just started classes at a "
            "community college and hoped to become a nurse. Neighbors said they heard several shots shortly after "
            "2 a.m. and saw a dark sedan speed away from the apartment complex. A vigil is planned for Tuesday "
            "evening at a church near the family's home, and a fund has been set up to help pay for his funeral "
            "and for the care of his children. ")


def test_a_force_quoted_late_names_the_town(gazetteer):
    text = _OPENING + "Trotwood police said no arrests had been made and asked witnesses to come forward."
    assert text.index("Trotwood") > 600
    lead = lead_place("t", text, gazetteer.country_focus(text), gazetteer)
    assert (lead.name, lead.admin1) == ("Trotwood", "Ohio")


def test_without_a_force_the_dateline_stands(gazetteer):
    text = _OPENING + "Police said no arrests had been made and asked witnesses to come forward."
    lead = lead_place("t", text, gazetteer.country_focus(text), gazetteer)
    assert (lead.name, lead.admin1) == ("Dayton", "Ohio")
