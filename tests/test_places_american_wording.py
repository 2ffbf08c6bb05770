"""A local American report that names its town alone ("Birmingham police said") is set in the US: the words of
American law enforcement and roads (a sheriff's office, a district attorney, state troopers, an Interstate, "the
1400 block of") count as a name of the US, so a namesake abroad (Birmingham, England) or a word that is a town
abroad ("God", Göd in Hungary) does not take the report out of the country. And a town known by a name only as an
alias (GeoNames gives a Georgia city the name "York") gives way to its country's town of that name."""

from __future__ import annotations

from wirewatch.models import Span, TextField
from wirewatch.place_context import american_wording
from wirewatch.resolve.places import lead_place, resolve_place


def _place(gazetteer, text: str, words: str):
    start = text.index(words)
    field = TextField(words, Span("t", start, start + len(words)))
    return resolve_place(field, text, gazetteer.country_focus(text), gazetteer)


def test_a_sheriffs_office_keeps_richmond_in_the_us(gazetteer):
    text = ("Two men were wounded in a shooting outside a bar in Richmond early Sunday. A suspect was taken into "
            "custody, the sheriff's office said.")
    place = _place(gazetteer, text, "Richmond")
    assert (place.iso, place.admin1) == ("USA", "Virginia")


def test_state_troopers_on_an_interstate_put_york_in_pennsylvania(gazetteer):
    # in the US, York is York, Pennsylvania, not Warner Robins, Georgia, which GeoNames also calls "York"
    text = "A woman was found shot dead in her car on Interstate 83 near York on Tuesday, state troopers said."
    place = _place(gazetteer, text, "York")
    assert (place.name, place.admin1) == ("York", "Pennsylvania")


def test_a_block_number_puts_birmingham_in_alabama(gazetteer):
    text = ("A man was shot and killed late Saturday in the 1400 block of Jefferson Avenue, Birmingham police "
            "said. He died at the scene.")
    place = _place(gazetteer, text, "Birmingham")
    assert (place.iso, place.admin1) == ("USA", "Alabama")


def test_a_word_is_no_town_abroad_in_an_american_report(gazetteer):
    text = ("'God help us,' a neighbor said after a man was shot in the 300 block of Main Street on Monday, the "
            "district attorney's office said.")
    assert _place(gazetteer, text, "God") is None


def test_other_copy_is_not_read_as_american(gazetteer):
    assert not american_wording("Police in Birmingham said a man was stabbed on the M6 motorway; the coroner "
                                "will open an inquest.")
    text = "Police in Birmingham said a man was stabbed near the M6 motorway on Friday."
    assert _place(gazetteer, text, "Birmingham").iso == "GBR"


def test_a_call_sign_after_the_dateline_is_american(gazetteer):
    assert american_wording("LEXINGTON, Ky. (WKYT) — A man was shot on Tuesday.")
    assert american_wording("PHOENIX (KPHO) — Officers responded to a shooting.")
    assert not american_wording("KYIV (Reuters) — Russian drones struck the city overnight.")
    text = "RICHMOND (WWBT) — A man was shot and wounded near a gas station on Sunday night, police said."
    lead = lead_place("t", text, gazetteer.country_focus(text), gazetteer)
    assert (lead.iso, lead.admin1) == ("USA", "Virginia")


def test_an_acronym_in_brackets_is_no_call_sign(gazetteer):
    assert not american_wording("The World Health Organization (WHO) said the outbreak in Lille was contained.")
    assert not american_wording("GENEVA — The World Anti-Doping Agency (WADA) said on Monday.")


def test_a_lone_town_abroad_is_a_guess_in_an_american_report(gazetteer):
    # American wording counts as two names of the US: a name that only a town abroad bears is no place here
    text = ("Deputies said George was shot twice outside his home late Saturday, and the county sheriff's office "
            "is investigating.")
    assert _place(gazetteer, text, "George") is None
    text = ("A man was shot outside a store in Vannes early Sunday and later died at a hospital, the district "
            "attorney's office said.")
    assert _place(gazetteer, text, "Vannes") is None
