"""The packaged gazetteer: names, alternate spellings, stopwords, demonyms, credit."""

from __future__ import annotations

import importlib.util
from importlib import resources
from pathlib import Path

import pytest

from wirewatch.gazetteer import fold


def test_belgorod_is_admin1_and_city(gazetteer):
    kinds = {(e.kind, e.country) for e in gazetteer.entries("Belgorod")}
    assert ("admin1", "RU") in kinds
    assert ("city", "RU") in kinds


def test_belgorod_oblast_full_name(gazetteer):
    assert any(e.kind == "admin1" and e.country == "RU" for e in gazetteer.entries("Belgorod Oblast"))


@pytest.mark.parametrize("alternate, name, country", [
    ("Kharkov", "Kharkiv", "UA"),
    ("Kiev", "Kyiv", "UA"),
    ("Odessa", "Odesa", "UA"),
])
def test_old_spellings_find_the_current_city(gazetteer, alternate, name, country):
    cities = [e for e in gazetteer.entries(alternate) if e.kind == "city" and e.country == country]
    assert any(e.name == name for e in cities)


def test_entries_are_case_and_accent_insensitive(gazetteer):
    assert gazetteer.entries("KHARKIV") == gazetteer.entries("kharkiv")
    assert fold("Łódź") == fold("Łodz")
    assert fold("  Bogotá ") == "bogota"
    assert fold("Kryvyi Rih’s") == "kryvyi rih's"


def test_city_entries_have_coordinates(gazetteer):
    (city,) = [e for e in gazetteer.entries("Belgorod") if e.kind == "city"]
    assert city.latitude == pytest.approx(50.6, abs=0.1)
    assert city.longitude == pytest.approx(36.6, abs=0.1)
    assert city.admin1 and city.admin1.startswith("RU.")
    assert gazetteer.admin1_names[city.admin1].startswith("Belgorod")


def _spotted(gazetteer, text: str) -> list[str]:
    return [h.text for h in gazetteer.spot(text) if h.entries]


def test_police_is_not_a_place_in_police_said(gazetteer):
    # "Police" is a town in Poland; in "Police said" it is the police.
    assert gazetteer.entries("Police")  # the town exists in the data ...
    assert "Police" not in _spotted(gazetteer, "Police said two people were hurt in the blast.")


@pytest.mark.parametrize("text, place", [
    ("Russian troops shelled Kharkov on Monday.", "Kharkov"),
    ("Residents of Belgorod region fled on Tuesday.", "Belgorod"),
    ("A drone hit an oil depot in Novorossiysk, officials said.", "Novorossiysk"),
])
def test_spot_finds_places_in_sentences(gazetteer, text, place):
    hits = [h for h in gazetteer.spot(text) if h.text == place]
    assert hits
    assert text[hits[0].start:hits[0].end] == place


@pytest.mark.parametrize("word, iso2", [("Russian", "RU"), ("Russians", "RU"), ("Ukrainian", "UA"),
                                        ("Sudanese", "SD")])
def test_demonyms(gazetteer, word, iso2):
    assert gazetteer.demonyms[fold(word)] == iso2


def test_demonym_is_spotted_in_text(gazetteer):
    (hit,) = [h for h in gazetteer.spot("Russian forces said they had repelled the attack.") if h.demonym_of]
    assert (hit.text, hit.demonym_of) == ("Russian", "RU")


@pytest.mark.parametrize("iso2, iso3, name", [("RU", "RUS", "Russia"), ("UA", "UKR", "Ukraine"),
                                              ("NG", "NGA", "Nigeria")])
def test_country_records(gazetteer, iso2, iso3, name):
    assert gazetteer.countries[iso2] == {"iso3": iso3, "name": name}
    country = gazetteer.country(iso2)
    assert country is not None and country.kind == "country" and country.country == iso2


def test_unknown_country_code(gazetteer):
    assert gazetteer.country("XX") is None


def test_geonames_credit_in_readme():
    readme = (resources.files("wirewatch") / "data" / "gazetteer" / "README.md").read_text("utf-8")
    assert "GeoNames" in readme
    assert "CC BY 4.0" in readme
    assert "geonames.org" in readme


def test_towns_name_their_admin2_unit(gazetteer):
    (town,) = [e for e in gazetteer.entries("Bay Minette") if e.kind == "city"]
    assert town.admin2 == "Baldwin County"
    assert all(e.admin2 is None for e in gazetteer.entries("Alabama") if e.kind != "city")


def test_admin2_source_credited_in_readme():
    readme = (resources.files("wirewatch") / "data" / "gazetteer" / "README.md").read_text("utf-8")
    assert "admin2Codes.txt" in readme


def test_gazetteer_holds_towns_of_a_thousand(gazetteer):
    towns = [e for e in gazetteer.entries("Kountze") if e.kind == "city"]
    assert towns and all(1_000 <= t.population < 5_000 for t in towns)


@pytest.mark.parametrize("text, found", [
    ("Kountze told the court he was innocent.", False),
    ("A deputy was shot in Kountze, Texas, on Tuesday.", True),
    ("A deputy was shot in Kountze, Tex., on Tuesday.", True),
    ("A deputy was shot in Kountze, Ohio, on Tuesday.", False),  # no Kountze in Ohio
])
def test_small_towns_are_spotted_only_with_support(gazetteer, text, found):
    assert ("Kountze" in _spotted(gazetteer, text)) is found


def test_sentence_spot_takes_support_from_the_article(gazetteer):
    article = "Texas rangers opened an inquiry. A deputy was shot in Kountze on Tuesday."
    sentence = article.split(". ")[1]
    assert "Kountze" not in _spotted(gazetteer, sentence)
    assert any(h.text == "Kountze" and h.entries for h in gazetteer.spot(sentence, context=article))


@pytest.mark.parametrize("text, unit", [
    ("Shelling hit Kharkiv overnight.", "UA.07"),      # the city and its oblast: one unit either way
    ("Storms swept across Iowa.", "US.IA"),            # also a village in Louisiana, too small to count
    ("A crowd gathered in Medina.", None),             # Saudi Arabia's region, or towns in Ohio and New York
    ("A man was shot in Gilbert.", None),              # towns in Arizona, Iowa and Minnesota
    ("A deputy was shot in Kountze.", None),           # a small town cannot vouch for its own state
    ("Students rallied in Liberia.", None),            # the country, not the Costa Rican town's province
])
def test_admin1_named_only_beyond_doubt(gazetteer, text, unit):
    assert gazetteer.admin1_in(text) == (frozenset({unit}) if unit else frozenset())


def test_village_of_supports_only_a_whole_name(gazetteer):
    assert "Baka" not in _spotted(gazetteer, "The blast hit a van in the village of Baka Khel on Monday.")


def _build_script():
    """The build script's geometry helpers as a module; they need only the standard library."""
    path = Path(__file__).resolve().parents[1] / "scripts" / "topojson_centroids.py"
    spec = importlib.util.spec_from_file_location("topojson_centroids", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# A hand-written quantized topology: "250" is a 10-degree square with a far island (an overseas part
# that must not pull the centroid), "999" a U whose centroid falls in its notch, and one shape with no id.
TOPOLOGY = {
    "type": "Topology",
    "transform": {"scale": [0.5, 0.25], "translate": [-60, -10]},
    "arcs": [
        [[120, 40], [20, 0], [0, 40], [-20, 0], [0, -40]],      # square 0..10 E, 0..10 N
        [[20, 80], [2, 0], [0, 4], [-2, 0], [0, -4]],           # island 50..49 W, 10..11 N
        [[120, 0], [12, 0], [0, 24], [-4, 0], [0, -16], [-4, 0], [0, 16], [-4, 0], [0, -24]],
        [[0, 0], [2, 0], [0, 4], [-2, 0], [0, -4]],             # a shape Natural Earth leaves without id
    ],
    "objects": {"countries": {"type": "GeometryCollection", "geometries": [
        {"type": "MultiPolygon", "id": "250", "arcs": [[[0]], [[1]]]},
        {"type": "Polygon", "id": "999", "arcs": [[2]]},
        {"type": "Polygon", "arcs": [[3]]},
    ]}},
}


def test_decode_arcs_undoes_quantization_and_deltas():
    arcs = _build_script().decode_arcs(TOPOLOGY)
    assert arcs[0] == [(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0), (0.0, 0.0)]
    assert arcs[1][:2] == [(-50.0, 10.0), (-49.0, 10.0)]


def test_stitch_walks_negative_arcs_backwards_and_shares_end_points():
    script = _build_script()
    arcs = [[(0, 0), (2, 0), (2, 2)], [(0, 0), (0, 2), (2, 2)]]
    assert script.stitch(arcs, [0, ~1]) == [(0, 0), (2, 0), (2, 2), (0, 2), (0, 0)]


def test_centroid_of_the_largest_polygon_ignores_far_islands_and_shapes_without_id():
    centroids = _build_script().centroids_by_id(TOPOLOGY)
    assert set(centroids) == {"250", "999"}
    latitude, longitude = centroids["250"]
    # equal-area weighting: the square is wider near the equator, so the centre sits a little south of 5 N
    assert longitude == pytest.approx(5.0, abs=1e-6)
    assert 4.8 < latitude < 5.0


def test_a_centroid_outside_its_crescent_moves_to_the_nearest_inside_point():
    script = _build_script()
    (polygon,) = script.polygons(TOPOLOGY["objects"]["countries"]["geometries"][1], script.decode_arcs(TOPOLOGY))
    _, (latitude, longitude) = script.polygon_centroid(polygon)
    assert not script.contains(polygon, latitude, longitude)  # the U's centroid lies in its notch
    point = script.centroids_by_id(TOPOLOGY)["999"]
    assert script.contains(polygon, *point)
    assert abs(point[0] - latitude) + abs(point[1] - longitude) < 1.5


def test_a_hole_pushes_the_centroid_away():
    script = _build_script()
    square = [(0, 0), (6, 0), (6, 6), (0, 6), (0, 0)]
    hole = [(1, 1), (1, 3), (3, 3), (3, 1), (1, 1)]
    _, (_, plain) = script.polygon_centroid([square])
    _, (_, holed) = script.polygon_centroid([square, hole])
    assert plain == pytest.approx(3.0)
    assert holed == pytest.approx((36 * 3 - 4 * 2) / 32, abs=0.01)  # the hole's area counted negative


def test_a_polygon_across_the_antimeridian_is_centred_on_it():
    script = _build_script()
    topology = {"arcs": [[(170, 0), (180, 0), (-170, 0), (-170, 10), (180, 10), (170, 10), (170, 0)]],
                "objects": {"countries": {"geometries": [{"type": "Polygon", "id": "242", "arcs": [[0]]}]}}}
    latitude, longitude = script.centroids_by_id(topology)["242"]
    assert abs(longitude) == pytest.approx(180.0, abs=1e-6)
    assert 4.5 < latitude < 5.0


@pytest.mark.parametrize("iso2, latitude, longitude", [
    ("FR", 46.5, 2.5),     # metropolitan France, not Paris and not pulled toward French Guiana
    ("US", 39.0, -98.8),   # Kansas, not Washington
    ("RU", 60.0, 96.0),    # Siberia, not Moscow, with Chukotka across the antimeridian counted
    ("ZA", -28.9, 25.2),   # Lesotho is a hole in South Africa
])
def test_country_points_are_centroids(gazetteer, iso2, latitude, longitude):
    country = gazetteer.country(iso2)
    assert country.latitude == pytest.approx(latitude, abs=1.0)
    assert country.longitude == pytest.approx(longitude, abs=1.0)


def test_natural_earth_credited_in_readme():
    readme = (resources.files("wirewatch") / "data" / "gazetteer" / "README.md").read_text("utf-8")
    assert "Natural Earth" in readme
    assert "naturalearthdata.com" in readme


@pytest.mark.parametrize("text, name, iso2", [
    ("Insurgents attacked Mocímboa da Praia on Friday.", "Mocímboa da Praia", "MZ"),
    ("Police dispersed a march in Mar del Plata.", "Mar del Plata", "AR"),
    ("Smugglers were arrested in Foz do Iguaçu.", "Foz do Iguaçu", "BR"),
])
def test_names_joined_by_a_lowercase_da_do_or_del_are_one_place(gazetteer, text, name, iso2):
    hits = [h for h in gazetteer.spot(text) if h.entries]
    assert [h.text for h in hits] == [name]
    assert hits[0].entries[0].country == iso2


def test_a_demonym_two_countries_share_goes_to_the_more_populous(gazetteer):
    assert gazetteer.demonyms["congolese"] == "CD"      # not the Republic of the Congo, 5 million against 84
    assert gazetteer.demonyms["russian"] == "RU"


@pytest.mark.parametrize("names, added", [
    (["Nord Kivu", "Nord-Kivu"], ["North Kivu"]),
    (["Sud-Kivu"], ["South Kivu"]),
    (["Sud-Ouest"], []),            # "Ouest" is no name: nothing to turn
    (["Haut-Katanga"], []),         # no compass word
])
def test_units_get_their_english_compass_names(names, added):
    from wirewatch.gazetteer import english_forms

    assert english_forms(names) == names + added


def test_an_english_unit_name_reaches_the_unit(gazetteer):
    assert [(e.kind, e.country) for e in gazetteer.entries("North Kivu")] == [("admin1", "CD")]


def test_state_votes_share_one_vote_per_name_among_its_units(gazetteer):
    text = ("Officers from Bluffton and Newberry were called to Hopkins, S.C., after the shooting, "
            "Newberry police said.")
    votes = gazetteer.state_votes(text, "Hopkins")
    # Bluffton (Indiana, South Carolina) and Newberry (Florida, South Carolina) once each, and the qualifier
    assert votes["US.SC"] == pytest.approx(2.0)
    assert votes["US.IN"] == pytest.approx(0.5) and votes["US.FL"] == pytest.approx(0.5)
    # a name does not vote for itself
    assert gazetteer.state_votes(text, "Newberry")["US.FL"] == 0


def test_a_side_of_town_is_no_icelandic_region(gazetteer):
    text = ("Two men were shot Friday night on the city's Northeast side. Police said the gunman ran "
            "toward a car parked on the Northwest Side.")
    assert "IS" not in gazetteer.country_focus(text)
    assert not gazetteer.spot(text)
