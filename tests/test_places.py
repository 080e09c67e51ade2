"""Place names resolved to country and coordinates."""

from __future__ import annotations

import pytest

from newsgraph.model import Block, Layout
from newsgraph.places import city_country_among, find_dateline, head_name, resolve_place


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


def layout_of(text: str) -> Layout:
    blocks, start = [], 0
    for number, line in enumerate(text.split("\n")):
        blocks.append(Block(number, "paragraph", start, start + len(line), line))
        start += len(line) + 1
    return Layout(blocks)


@pytest.mark.parametrize("opening, country", [
    ("KABUL, Afghanistan (AP) — ", "AFG"),
    ("SEOUL, South Korea — ", "KOR"),
    ("WASHINGTON (AP) — ", "USA"),
    ("Indianapolis – ", "USA"),
    ("VALDORA, April 9 (Reuters) -- ", None),
])
def test_datelines_are_found_with_their_country(opening, country):
    text = f"Headline about a dispute\n{opening}The minister resigned on Monday."
    dateline = find_dateline(text, layout_of(text))
    assert dateline is not None and text[dateline.start:dateline.end] == opening
    assert (dateline.place.country if dateline.place else None) == country


def test_a_sentence_with_a_dash_is_no_dateline():
    for text in ("Ion Vartic – the minister – resigned.", "The minister resigned - again."):
        assert find_dateline(text, layout_of(text)) is None


def test_a_world_city_is_not_a_small_namesake_even_where_one_exists():
    assert city_country_among("Geneva", {"USA", "CHE"}) == "CHE"
    assert city_country_among("Geneva", {"USA"}) is None
    assert city_country_among("Tripoli", {"LBN"}) == "LBN"
