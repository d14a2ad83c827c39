"""Names on the maps, and a scale bar.

Labels are placed greedily, the most important first (the page's own place, then larger places),
each at the first of eight spots around its marker that stays inside the picture and clear of
every marker and of the labels already placed; a label with no free spot is left out (the caption
names every place in words). Country names go last, in the room that is left. Widths are
estimated from the number of characters: the SVG is drawn at build time, without a font to
measure.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from builder.render.figures.boundaries import country_shapes
from builder.render.figures.countries import country

# Font size in viewBox units by precision: larger places get larger names.
SIZE = {"country": 17.0, "region": 15.0, "district": 14.0, "settlement": 13.0, "approximate": 12.0, "exact": 12.0}
CURRENT_BONUS = 2.0
COUNTRY_SIZE = 11.0  # country names in the background are small capitals, set apart from place names
CHAR_WIDTH = 0.58  # of the font size: an average letter of a sans-serif face, slightly generous
RADIUS = {"point": 5.0, "near": 10.0, "area": 15.0}
GAP = 3.0
LEADER_REACH = (0.0, 1.1, 2.2, 3.3, 4.5, 6.0)  # in label heights: how far past its marker a name may go (with a line)
EDGE = 2.0
SCALE_STEPS = (1, 2, 5)
KM_PER_DEGREE = 111.2
SCALE_TEXT = 11.0  # the scale bar's type, in px of a map shown at its viewBox width (see map.css)


@dataclass(frozen=True)
class Label:
    x: float
    y: float  # the baseline
    text: str
    size: float
    anchor: str  # SVG text-anchor: start, middle or end
    kind: str  # "place", "current" or "country"
    leader: tuple[float, float, float, float] | None = None  # a line from the marker, for a label set apart


@dataclass(frozen=True)
class ScaleBar:
    x: float
    y: float
    length: float  # in viewBox units
    text: str  # "200 km"
    size: float = SCALE_TEXT  # of the text, in viewBox units
    phone_size: float = SCALE_TEXT  # the same for a phone's column


@dataclass(frozen=True)
class Spot:
    """What a label is placed around: a marker's centre and radius, the name and its rank."""

    x: float
    y: float
    radius: float
    text: str
    size: float
    kind: str


Box = tuple[float, float, float, float]  # left, top, right, bottom


def _box(x: float, y: float, text: str, size: float, anchor: str) -> Box:
    width = len(text) * size * CHAR_WIDTH
    left = {"start": x, "middle": x - width / 2, "end": x - width}[anchor]
    return left, y - size * 0.8, left + width, y + size * 0.25


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _inside(box: Box, width: float, height: float) -> bool:
    return box[0] >= EDGE and box[1] >= EDGE and box[2] <= width - EDGE and box[3] <= height - EDGE


def _candidates(spot: Spot, reach: float = 0.0) -> list[tuple[float, float, str]]:
    """Eight spots around the marker, ``reach`` beyond its edge: beside, above, below, diagonal."""
    r, s, x, y = spot.radius + GAP + reach, spot.size, spot.x, spot.y
    middle = y + s * 0.3  # the baseline that centres a line of text on the marker
    diagonal = r * 0.75
    return [(x + r, middle, "start"), (x - r, middle, "end"), (x, y - r - s * 0.25, "middle"),
            (x, y + r + s * 0.8, "middle"), (x + diagonal, y - diagonal, "start"),
            (x + diagonal, y + diagonal + s * 0.8, "start"), (x - diagonal, y - diagonal, "end"),
            (x - diagonal, y + diagonal + s * 0.8, "end")]


def _leader(spot: Spot, box: Box) -> tuple[float, float, float, float]:
    """A line from the marker's edge towards the nearest point of the label's box."""
    near_x = min(max(spot.x, box[0]), box[2])
    near_y = min(max(spot.y, box[1]), box[3])
    dx, dy = near_x - spot.x, near_y - spot.y
    length = math.hypot(dx, dy) or 1.0
    return (round(spot.x + dx / length * spot.radius, 1), round(spot.y + dy / length * spot.radius, 1),
            round(near_x - dx / length * GAP, 1), round(near_y - dy / length * GAP, 1))


def place_labels(spots: Sequence[Spot], width: float, height: float,
                 obstacles: Iterable[Box] = ()) -> tuple[list[Label], list[Box]]:
    """Labels for ``spots`` (most important first), and every box taken, markers included."""
    taken: list[Box] = [*obstacles, *((s.x - s.radius, s.y - s.radius, s.x + s.radius, s.y + s.radius)
                                      for s in spots)]
    labels = []
    for spot in spots:
        # Next to the marker; failing that, set apart with a line to it (crowded places in a cluster).
        for reach in LEADER_REACH:
            found = next(((x, y, anchor, box) for x, y, anchor in _candidates(spot, reach * spot.size)
                          for box in [_box(x, y, spot.text, spot.size, anchor)]
                          if _inside(box, width, height) and not any(_overlaps(box, other) for other in taken)), None)
            if found:
                x, y, anchor, box = found
                taken.append(box)
                labels.append(Label(round(x, 1), round(y, 1), spot.text, spot.size, anchor, spot.kind,
                                    _leader(spot, box) if reach else None))
                break
    return labels, taken


def country_labels(view_box: tuple[float, float, float, float], x_scale: float, y_scale: float,
                   width: float, height: float, taken: Iterable[Box], named: set[str],
                   size: float = COUNTRY_SIZE) -> list[Label]:
    """The names of the countries whose main landmass is wide enough on the map to hold them, at
    their pole of inaccessibility, where nothing else is; ``named`` ones already have a label."""
    boxes = list(taken)
    labels = []
    for label, box in _country_candidates(view_box, x_scale, y_scale, width, height, size):
        if label.text.casefold() in named or any(_overlaps(box, other) for other in boxes):
            continue
        boxes.append(box)
        labels.append(label)
    return labels


@functools.lru_cache(maxsize=1024)
def _country_candidates(view_box: tuple[float, float, float, float], x_scale: float, y_scale: float,
                        width: float, height: float, size: float) -> tuple[tuple[Label, Box], ...]:
    """Every country name that fits in the view, largest country first; maps sharing a view (events
    in one area) share this work."""
    west, south, east, north = view_box
    found = []
    for name, ring_west, ring_south, ring_east, ring_north in _main_extents():
        if ring_east < west or ring_west > east or ring_north < south or ring_south > north:
            continue
        text = name.upper()
        if (ring_east - ring_west) * x_scale < len(text) * size * CHAR_WIDTH * 1.2:
            continue
        shape = country(name)
        if shape is None:
            continue
        lat, lon = shape.point
        x, y = (lon - west) * x_scale, (north - lat) * y_scale + size * 0.3
        box = _box(x, y, text, size, "middle")
        if _inside(box, width, height):
            found.append((Label(round(x, 1), round(y, 1), text, size, "middle", "country"), box))
    return tuple(found)


@functools.cache
def _main_extents() -> tuple[tuple[str, float, float, float, float], ...]:
    """Each country's largest polygon's box, by area in square degrees: a cheap first test before
    the pole of inaccessibility is computed for the few countries a map shows."""
    extents = []
    for shape in country_shapes():
        main = max((polygon[0] for polygon in shape.polygons),
                   key=lambda r: (r.east - r.west) * (r.north - r.south))
        extents.append((shape.name, main.west, main.south, main.east, main.north))
    return tuple(sorted(extents, key=lambda e: (-(e[3] - e[1]) * (e[4] - e[2]), e[0])))


def scale_bar(mid_lat: float, x_scale: float, width: float, height: float,
              scales: tuple[float, float] = (1.0, 1.0)) -> ScaleBar:
    """A bar of a round length (1, 2 or 5 times a power of ten km) near a fifth of the map's width,
    true at the map's middle latitude."""
    km_per_unit = KM_PER_DEGREE * max(math.cos(math.radians(mid_lat)), 0.01) / x_scale
    wanted = width / 5 * km_per_unit
    power = 10 ** math.floor(math.log10(wanted))
    km = max(step * power for step in SCALE_STEPS if step * power <= wanted)
    text = f"{km:,.0f} km" if km >= 1 else f"{km * 1000:,.0f} m"
    return ScaleBar(10.0, round(height - 10.0, 1), round(km / km_per_unit, 1), text,
                    round(SCALE_TEXT * scales[0], 1), round(SCALE_TEXT * scales[1], 1))


def scale_box(bar: ScaleBar, scale: float = 1.0) -> Box:
    """The room the bar and its text take (the text, SCALE_TEXT high times ``scale``, sits above the
    bar's left end)."""
    size = SCALE_TEXT * scale
    return bar.x - 2, bar.y - 5 - size, bar.x + max(bar.length, len(bar.text) * size * CHAR_WIDTH) + 2, bar.y + 4
