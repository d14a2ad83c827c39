"""Country outlines for the maps: Natural Earth 1:50m, shipped with the package (builder/render/figures/data/README.md).

The file is TopoJSON: shared, delta-encoded, quantized arcs that polygons refer to by index. It is
decoded once per process into plain rings of longitudes and latitudes, each with its bounding box so
that a map can skip every ring outside its view without touching its points.
"""

from __future__ import annotations

import functools
import gzip
import json
from dataclasses import dataclass
from importlib import resources
from typing import Any

DATA_FILE = "countries-50m.json.gz"


@dataclass(frozen=True)
class Ring:
    lons: tuple[float, ...]
    lats: tuple[float, ...]
    west: float
    south: float
    east: float
    north: float


def _decode_arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    (scale_x, scale_y), (shift_x, shift_y) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for encoded in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in encoded:  # each position is a delta from the previous one
            x += dx
            y += dy
            points.append((x * scale_x + shift_x, y * scale_y + shift_y))
        arcs.append(points)
    return arcs


def _ring(arcs: list[list[tuple[float, float]]], indexes: list[int]) -> Ring:
    points: list[tuple[float, float]] = []
    for index in indexes:
        # ~index (a negative number) means arc `index` walked backwards; consecutive arcs share an end point
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    lons = tuple(lon for lon, _ in points)
    lats = tuple(lat for _, lat in points)
    return Ring(lons, lats, min(lons), min(lats), max(lons), max(lats))


@dataclass(frozen=True)
class Shape:
    """A named geometry: its polygons, each an outer ring followed by its holes."""

    name: str
    polygons: tuple[tuple[Ring, ...], ...]


def shapes_of(topology: dict[str, Any], object_name: str = "countries") -> list[Shape]:
    arcs = _decode_arcs(topology)
    shapes = []
    for geometry in topology["objects"][object_name]["geometries"]:
        if geometry["type"] == "Polygon":
            polygons = [geometry["arcs"]]
        elif geometry["type"] == "MultiPolygon":
            polygons = geometry["arcs"]
        else:  # null geometries carry no shape
            continue
        name = str((geometry.get("properties") or {}).get("name", ""))
        shapes.append(Shape(name, tuple(tuple(_ring(arcs, ring) for ring in polygon) for polygon in polygons)))
    return shapes


def rings_of(topology: dict[str, Any], object_name: str = "countries") -> list[Ring]:
    """Every ring (outer boundaries and holes alike) of every polygon of the named object."""
    return [ring for shape in shapes_of(topology, object_name) for polygon in shape.polygons for ring in polygon]


@functools.cache
def country_shapes() -> tuple[Shape, ...]:
    """Decoded once per process (about 0.2 s); the shapes are immutable, so sharing them is safe."""
    packed = resources.files("builder.render.figures").joinpath("data", DATA_FILE).read_bytes()
    return tuple(shapes_of(json.loads(gzip.decompress(packed))))


@functools.cache
def country_rings() -> tuple[Ring, ...]:
    return tuple(ring for shape in country_shapes() for polygon in shape.polygons for ring in polygon)
