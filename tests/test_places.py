"""Toponym resolution in context: which entry a name in a passage refers to, at which precision."""

from __future__ import annotations

import pytest

from wirewatch.models import GeoPrecision, Span, TextField
from wirewatch.resolve.places import resolve_place


def _resolve(gazetteer, text: str, name: str):
    """Resolve the first occurrence of name in text, in the text's own context."""
    start = text.index(name)
    field = TextField(name, Span("t", start, start + len(name)))
    return resolve_place(field, text, gazetteer.country_focus(text), gazetteer)


@pytest.mark.parametrize("text, name, iso, admin1, admin2", [
    ("Two men were shot outside a bar in Nacogdoches on Friday night.", "Nacogdoches", "USA", "Texas",
     "Nacogdoches County"),  # the town and its county share a name
    ("Riot police fired tear gas in Villeurbanne, near Lyon.", "Villeurbanne", "FRA",
     "Auvergne-Rhone-Alpes", "Rhône"),
    ("A deputy was wounded in Bay Minette, Alabama, police said.", "Bay Minette", "USA", "Alabama",
     "Baldwin County"),
])
def test_towns_carry_their_admin2(gazetteer, text, name, iso, admin1, admin2):
    place = _resolve(gazetteer, text, name)
    assert (place.iso, place.admin1, place.admin2) == (iso, admin1, admin2)
    assert place.precision == GeoPrecision.EXACT


@pytest.mark.parametrize("text, name", [
    ("Protesters gathered in Nigeria's capital on Monday.", "Nigeria"),
    ("Shelling was reported across Kharkiv region overnight.", "Kharkiv region"),
])
def test_countries_and_regions_have_no_admin2(gazetteer, text, name):
    place = _resolve(gazetteer, text, name)
    assert place is not None and place.admin2 is None
    assert place.precision in (GeoPrecision.COUNTRY, GeoPrecision.REGION)


def test_unknown_name_stays_unresolved(gazetteer):
    assert _resolve(gazetteer, "Gunmen attacked Zzyzqvx on Sunday.", "Zzyzqvx") is None


@pytest.mark.parametrize("text, name, admin1", [
    ("Two men were shot outside a bar in Henderson, Texas, on Friday night.", "Henderson", "Texas"),
    ("Two men were shot outside a bar in Henderson, Tex., on Friday night.", "Henderson", "Texas"),
    ("HENDERSON, Nev. (AP) — A gunman opened fire at a casino on Friday.", "HENDERSON", "Nevada"),
    ("A fire gutted a church in Sheldon, Iowa, late on Sunday.", "Sheldon", "Iowa"),
    ("A fire gutted a church in Sheldon, TX, late on Sunday.", "Sheldon", "Texas"),
])
def test_a_qualifier_after_the_town_decides(gazetteer, text, name, admin1):
    place = _resolve(gazetteer, text, name)
    assert (place.iso, place.admin1, place.precision) == ("USA", admin1, GeoPrecision.EXACT)


@pytest.mark.parametrize("text, name, admin1", [
    # Gilbert, Arizona has 250,000 people; Gilbert, Minnesota 1,800: the article's state decides.
    ("Minnesota deputies said a man was shot in Gilbert on Friday.", "Gilbert", "Minnesota"),
    ("A man was shot in Gilbert on Friday, police said.", "Gilbert", "Arizona"),
    # Florence, Italy outranks every Florence in the US unless the article names the state.
    ("Police in South Carolina said the suspect was arrested in Florence.", "Florence", "South Carolina"),
])
def test_the_articles_admin1_beats_population(gazetteer, text, name, admin1):
    assert _resolve(gazetteer, text, name).admin1 == admin1


@pytest.mark.parametrize("text", [
    "Kountze said the gunmen fled before dawn.",                   # a surname, no context for the town
    "The family of Kountze told reporters he had been detained.",
])
def test_small_town_without_support_is_not_a_place(gazetteer, text):
    assert _resolve(gazetteer, text, "Kountze") is None


@pytest.mark.parametrize("text", [
    "A deputy was shot in Kountze, Texas, on Tuesday.",            # qualifier
    "Texas officials said a deputy was shot in Kountze.",           # the town's admin1 named
    "American officials said gunmen raided the village of Kountze.",  # "village of", in the US
])
def test_small_town_with_support_is_resolved(gazetteer, text):
    place = _resolve(gazetteer, text, "Kountze")
    assert (place.name, place.admin1) == ("Kountze", "Texas")


def test_village_of_needs_the_articles_country(gazetteer):
    # The only Baka in the gazetteer is a small town in the Philippines; this one is in Pakistan.
    text = "Pakistani police said a bomb hit a van in the village of Baka on Monday."
    assert _resolve(gazetteer, text, "Baka") is None
    assert _resolve(gazetteer, "Philippine troops said rebels raided the village of Baka.", "Baka").iso == "PHL"


def test_ucdp_scoring_counts_admin2(tmp_path):
    from wirewatch.evaluate.places import score_ucdp

    header = "source_headline,country,adm_1,adm_2,where_prec,where_coordinates,latitude,longitude\n"
    rows = ('"Deputy shot dead in Bay Minette, Alabama",United States of America,Alabama state,'
            'Baldwin county,1,Bay Minette town,30.88,-87.77\n'
            '"Two killed in Nacogdoches, Texas",United States of America,Texas state,Harris county,1,x,31.6,-94.65\n')
    path = tmp_path / "ged.csv"
    path.write_text(header + rows, encoding="utf-8")
    figures = score_ucdp(path)
    assert (figures["admin2_n"], figures["admin2_accuracy"]) == (2, 0.5)
    assert figures["admin1_accuracy"] == 1.0 and figures["within_25km"] == 1.0
