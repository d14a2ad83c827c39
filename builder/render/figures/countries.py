"""Countries as the maps need them: found by name or by a point inside, with a point for a marker
or a label that lies inside the outline, and the extent of the country's main landmass.

A centroid can fall outside a country (or, for Russia, far from where anything happens in
Siberia's middle, while the outline the map shows is what a reader recognises); the pole of
inaccessibility of the largest polygon is always inside, and where a label has most room.
"""

from __future__ import annotations

import functools
import heapq
import math
from collections.abc import Sequence
from dataclasses import dataclass

from builder.render.figures.boundaries import Ring, Shape, country_shapes

MAX_POINTS = 120  # points of a ring kept for the search: a label's position needs no finer outline
NEIGHBOURS = 0.5  # polygons within this share of the main one's size around it count as the mainland


@dataclass(frozen=True)
class Country:
    name: str
    point: tuple[float, float]  # (lat, lon) inside the main polygon
    west: float  # extent of the main polygon and the polygons close to it
    south: float
    east: float
    north: float
    main: Ring  # the largest polygon's outer ring


def _area(ring: Ring) -> float:
    squeeze = math.cos(math.radians((ring.south + ring.north) / 2))
    points = list(zip(ring.lons, ring.lats, strict=True))
    twice = sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1], strict=True))
    return abs(twice) / 2 * squeeze


def _thinned(ring: Ring, squeeze: float) -> list[tuple[float, float]]:
    step = max(1, len(ring.lons) // MAX_POINTS)
    return [(lon * squeeze, lat) for lon, lat in zip(ring.lons[::step], ring.lats[::step], strict=True)]


def _signed_distance(x: float, y: float, rings: Sequence[list[tuple[float, float]]]) -> float:
    """Distance to the nearest edge, positive inside (even-odd over the outer ring and its holes).
    Inlined arithmetic: this runs for every cell of every search."""
    inside = False
    nearest = math.inf
    for points in rings:
        ax, ay = points[-1]
        for bx, by in points:
            if (ay > y) != (by > y) and x < (bx - ax) * (y - ay) / (by - ay) + ax:
                inside = not inside
            dx, dy = bx - ax, by - ay
            length = dx * dx + dy * dy
            share = 0.0 if length == 0 else ((x - ax) * dx + (y - ay) * dy) / length
            share = 0.0 if share < 0 else 1.0 if share > 1 else share
            ex, ey = x - ax - share * dx, y - ay - share * dy
            squared = ex * ex + ey * ey
            if squared < nearest:
                nearest = squared
            ax, ay = bx, by
    return math.sqrt(nearest) if inside else -math.sqrt(nearest)


def _contains(x: float, y: float, rings: Sequence[Ring]) -> bool:
    """Even-odd point in polygon, without distances: the cheap test for finding a point's country."""
    inside = False
    for ring in rings:
        ax, ay = ring.lons[-1], ring.lats[-1]
        for bx, by in zip(ring.lons, ring.lats, strict=True):
            if (ay > y) != (by > y) and x < (bx - ax) * (y - ay) / (by - ay) + ax:
                inside = not inside
            ax, ay = bx, by
    return inside


def pole_of_inaccessibility(polygon: Sequence[Ring], precision: float = 0.02) -> tuple[float, float]:
    """(lat, lon) of the point inside ``polygon`` (outer ring, then holes) farthest from its edges,
    to ``precision`` of its size: the quadtree search of Mapbox's polylabel, on a plane where a degree
    of longitude is shrunk by the cosine of the latitude."""
    outer = polygon[0]
    squeeze = max(math.cos(math.radians((outer.south + outer.north) / 2)), 0.1)
    rings = [_thinned(ring, squeeze) for ring in polygon]
    west, east = outer.west * squeeze, outer.east * squeeze
    size = min(east - west, outer.north - outer.south)
    if size <= 0:
        return outer.lats[0], outer.lons[0]
    half = size / 2
    cells: list[tuple[float, float, float, float, float]] = []  # (-potential, distance, x, y, half)

    def push(x: float, y: float, h: float) -> None:
        distance = _signed_distance(x, y, rings)
        heapq.heappush(cells, (-(distance + h * math.sqrt(2)), distance, x, y, h))

    x = west
    while x < east:
        y = outer.south
        while y < outer.north:
            push(x + half, y + half, half)
            y += size
        x += size
    best = (_signed_distance((west + east) / 2, (outer.south + outer.north) / 2, rings),
            (west + east) / 2, (outer.south + outer.north) / 2)
    tolerance = precision * max(east - west, outer.north - outer.south)
    while cells:
        potential, distance, x, y, h = heapq.heappop(cells)
        if distance > best[0]:
            best = (distance, x, y)
        if -potential - best[0] <= tolerance:
            continue
        h /= 2
        for dx in (-h, h):
            for dy in (-h, h):
                push(x + dx, y + dy, h)
    return round(best[2], 4), round(best[1] / squeeze, 4)


def _country(shape: Shape) -> Country:
    polygons = sorted(shape.polygons, key=lambda polygon: -_area(polygon[0]))
    main = polygons[0][0]
    reach_lon = (main.east - main.west) * NEIGHBOURS
    reach_lat = (main.north - main.south) * NEIGHBOURS
    near = [polygon[0] for polygon in polygons
            if polygon[0].east >= main.west - reach_lon and polygon[0].west <= main.east + reach_lon
            and polygon[0].north >= main.south - reach_lat and polygon[0].south <= main.north + reach_lat]
    return Country(shape.name, pole_of_inaccessibility(polygons[0]), min(r.west for r in near),
                   min(r.south for r in near), max(r.east for r in near), max(r.north for r in near), main)


@functools.cache
def _by_name() -> dict[str, Shape]:
    return {shape.name.casefold(): shape for shape in country_shapes()}


@functools.cache
def country(name: str) -> Country | None:
    """The country Natural Earth calls ``name`` (any case), computed once per process."""
    shape = _by_name().get(name.casefold())
    return _country(shape) if shape else None


@functools.cache
def country_of(names: tuple[str, ...], lat: float, lon: float) -> Country | None:
    """A country place's outline: by one of its names, or else the country its coordinates fall in.
    Cached: every map showing the place asks again."""
    for name in names:
        found = country(name)
        if found:
            return found
    for shape in country_shapes():
        for polygon in shape.polygons:
            outer = polygon[0]
            if outer.west <= lon <= outer.east and outer.south <= lat <= outer.north and _contains(lon, lat, polygon):
                return country(shape.name)
    return None
