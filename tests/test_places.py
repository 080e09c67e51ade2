"""Place names resolved to country and coordinates."""

from __future__ import annotations

import pytest

from newsgraph.places import head_name, resolve_place


def test_city_gets_country_and_coordinates():
    place = resolve_place("Corfu")
    assert place.country == "GRC"
    assert place.latitude == pytest.approx(39.6, abs=0.2) and place.longitude == pytest.approx(19.9, abs=0.2)


def test_descriptive_phrase_resolves_by_its_head_name():
    assert head_name("the Greek island of Corfu") == "Corfu"
    assert resolve_place("the Greek island of Corfu").country == "GRC"


def test_the_most_populous_match_wins_unless_the_phrase_names_a_country():
    assert resolve_place("Tripoli").country == "LBY"
    assert resolve_place("the Lebanese city of Tripoli").country == "LBN"
    assert resolve_place("Paris, France").country == "FRA"


def test_countries_are_placed_at_their_capital():
    place = resolve_place("the Czech Republic")
    assert (place.name, place.country) == ("Czech Republic", "CZE")
    assert place.latitude == pytest.approx(50.1, abs=0.2)


def test_a_seat_of_government_is_its_city():
    assert resolve_place("Moscow").name == "Moscow" and resolve_place("Moscow").country == "RUS"


def test_regions_belong_to_their_parent_state():
    assert resolve_place("the breakaway province of South Ossetia").country == "GEO"
    assert resolve_place("Helmand province").country == "AFG"


def test_alternate_spellings_and_us_states():
    assert resolve_place("Kiev").country == "UKR"
    assert resolve_place("New Jersey").country == "USA"


@pytest.mark.parametrize("text", ["", "the city", "Xyzzy", "Nato"])
def test_unknown_places_are_none(text):
    assert resolve_place(text) is None


def test_a_citys_own_name_beats_another_citys_alternate_name_unless_far_smaller():
    assert resolve_place("Calcutta").country == "IND"
    assert resolve_place("Tsunami") is None


def test_us_states_are_not_foreign_towns_of_the_same_name():
    assert resolve_place("Florida").country == "USA"
    assert resolve_place("New York").latitude == pytest.approx(40.7, abs=0.2)
