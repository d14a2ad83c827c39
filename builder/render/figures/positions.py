"""Where a place is drawn on a map, when its coordinates alone would mislead or are missing."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from builder.model.place import Place
from builder.render.figures.countries import Country, country_of

WIDEST_FIT = 90  # degrees of longitude: a country wider than this (Russia) is not fitted whole


@dataclass(frozen=True)
class Position:
    """Where a place is drawn: its own coordinates, its country's inner point, or (without
    coordinates) the position of the nearest place containing it that has some."""

    place: Place
    lat: float
    lon: float
    precision: str
    via: Place | None
    country: Country | None


def locate(place: Place, places: Mapping[str, Place]) -> Position | None:
    holder: Place | None = place
    seen = set()
    while holder is not None and holder.coordinates is None and holder.id not in seen:
        seen.add(holder.id)
        holder = places.get(holder.within.id) if holder.within else None
    if holder is None or holder.coordinates is None:
        return None
    c = holder.coordinates
    found = country_of(tuple(holder.names), c.lat, c.lon) if c.precision == "country" else None
    lat, lon = found.point if found else (c.lat, c.lon)
    return Position(place, lat, lon, c.precision, holder if holder is not place else None, found)


def fit_points(located: Position, current: bool) -> list[tuple[float, float]]:
    """A country the map is about shows whole (its main landmass and the islands near it), unless
    it is too wide to be worth the zoom out (Russia runs round the world)."""
    country = located.country
    if country is None or not current or country.east - country.west > WIDEST_FIT:
        return [(located.lat, located.lon)]
    return [(located.lat, located.lon), (country.south, country.west), (country.north, country.east)]
