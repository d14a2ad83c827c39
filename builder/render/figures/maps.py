"""Maps of places, drawn at build time as inline SVG over bundled country outlines.

Nothing is fetched when a page is viewed, so the maps work from ``file://`` and offline. The
projection is equirectangular with longitudes shrunk by the cosine of the middle latitude: simple,
and close to true shape at the scale of a region. Outlines are cut to the view and thinned to
what a pixel can show, so a page pays only for the coastlines and borders it actually displays.
Precision is drawn as a shape (a dot, a dot in a ring, a dashed area) and always said in words.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from builder.model.event import Event
from builder.model.place import Place
from builder.model.site import Site
from builder.render.figures import labels as naming
from builder.render.figures.boundaries import Ring, country_rings
from builder.render.figures.positions import Position, fit_points, locate
from builder.render.i18n import tr

WIDTH = 720  # viewBox units; the SVG itself scales to its container
PHONE_WIDTH = 340  # px: the column a map gets on a phone, for which a second set of names is laid out
MIN_ASPECT, MAX_ASPECT = 1.5, 2.4  # width ÷ height: never a sliver, never taller than a screen
MARGIN = 0.12  # of the span, on each side, so markers at the edge keep their rings
PAD = 4.0  # px beyond the view that clipped outlines reach, so cut edges fall outside the picture
TOLERANCE = 0.7  # px: how far a drawn outline may stray from Natural Earth's (Douglas–Peucker)
SPECK = 2.0  # px: islands smaller than this across are left out

MARKER_STYLE = {"exact": "point", "approximate": "near", "settlement": "near",
                "district": "area", "region": "area", "country": "area"}
PRECISION_TEXT = {"exact": "exact position", "approximate": "approximate position",
                  "settlement": "centre of the town or village", "district": "somewhere in the district",
                  "region": "somewhere in the region", "country": "somewhere in the country"}
LEGEND = {"point": "exact position", "near": "approximate position, or the centre of a town",
          "area": "somewhere in a district, region or country (an area, not a point)"}
# Smallest span shown around a place, in degrees of latitude: enough land around a town to
# recognise where it is, and a whole country around a country.
MIN_SPAN = {"exact": 3.0, "approximate": 3.0, "settlement": 3.0, "district": 4.0, "region": 6.0, "country": 12.0}
DEFAULT_MIN_SPAN = 3.0
MAX_CONTEXT = 60  # places drawn around a place on its own page; its page lists them all
# Event pages are thousands: their maps snap to a ladder of spans and a grid of centres, so events
# in one area share one view (and its outlines are cut once), and thin their outlines a little more.
SNAP_LADDER = tuple(3.0 * 1.5**k for k in range(12))  # degrees of latitude shown: 3°, 4.5°, … 173°
SNAP_WIDTH = 480  # viewBox units, against WIDTH elsewhere, and
SNAP_TOLERANCE = 1.4  # px, against TOLERANCE: an event's map is a locator, not a chart


@dataclass(frozen=True)
class View:
    """The part of the world shown, and how it maps to the SVG's pixels (y grows southwards)."""

    west: float
    south: float
    east: float
    north: float
    width: int
    height: int

    @property
    def x_scale(self) -> float:
        return self.width / (self.east - self.west)

    @property
    def y_scale(self) -> float:
        return self.height / (self.north - self.south)

    def x(self, lon: float) -> float:
        return (lon - self.west) * self.x_scale

    def y(self, lat: float) -> float:
        return (self.north - lat) * self.y_scale

    def contains(self, lat: float, lon: float) -> bool:
        return self.south <= lat <= self.north and self.west <= lon <= self.east

    def extent_text(self) -> str:
        return tr("{south} to {north}, {west} to {east}", south=_degrees(self.south, "N", "S"),
                  north=_degrees(self.north, "N", "S"), west=_degrees(self.west, "E", "W"),
                  east=_degrees(self.east, "E", "W"))


def _degrees(value: float, positive: str, negative: str, digits: int = 1) -> str:
    return f"{abs(value):.{digits}f}° {tr(positive if value >= 0 else negative)}"


def _clamp(value: float, low: float, high: float) -> float:
    return max(low, min(high, value))


def snapped(view: View) -> View:
    """A view holding ``view``'s points, from a small set: its span from SNAP_LADDER, its centre on a
    grid of a quarter of that span, its aspect 2:1, so nearby views become one. The span has room for
    the grid: a point of ``view`` moves at most an eighth of the span and stays clear of the edge."""
    squeeze = max(math.cos(math.radians((view.south + view.north) / 2)), 0.1)
    needed = max(view.north - view.south, (view.east - view.west) * squeeze / 2) * 1.25
    tall = next((step for step in SNAP_LADDER if step >= needed), 180.0)
    lat_grid = tall / 4
    centre_lat = _clamp(round((view.south + view.north) / 2 / lat_grid) * lat_grid, -90 + tall / 2, 90 - tall / 2)
    squeeze = max(math.cos(math.radians(centre_lat)), 0.1)
    half_lon = min(tall / squeeze, 180.0)  # the width is twice the height, in degrees of latitude
    lon_grid = half_lon / 2
    centre_lon = _clamp(round((view.west + view.east) / 2 / lon_grid) * lon_grid, -180 + half_lon, 180 - half_lon)
    return View(round(centre_lon - half_lon, 4), round(centre_lat - tall / 2, 4), round(centre_lon + half_lon, 4),
                round(centre_lat + tall / 2, 4), SNAP_WIDTH, SNAP_WIDTH // 2)


def fit(points: Sequence[tuple[float, float]], min_span: float = DEFAULT_MIN_SPAN, width: int = WIDTH) -> View:
    """The view around (lat, lon) points: their bounding box plus a margin, at least ``min_span``
    degrees across, its aspect kept between MIN_ASPECT and MAX_ASPECT."""
    if not points:
        raise ValueError("fit() needs at least one point")
    south, north = min(p[0] for p in points), max(p[0] for p in points)
    west, east = min(p[1] for p in points), max(p[1] for p in points)
    # A degree of longitude is cos(latitude) as long as a degree of latitude.
    squeeze = max(math.cos(math.radians((south + north) / 2)), 0.1)
    tall = max(north - south, min_span) * (1 + 2 * MARGIN)
    wide = max((east - west) * squeeze, min_span) * (1 + 2 * MARGIN)  # in degrees of latitude
    wide, tall = max(wide, tall * MIN_ASPECT), max(tall, wide / MAX_ASPECT)
    tall, wide = min(tall, 180.0), min(wide, 360.0 * squeeze)
    centre_lat = _clamp((south + north) / 2, -90 + tall / 2, 90 - tall / 2)
    half_lon = wide / squeeze / 2
    centre_lon = _clamp((west + east) / 2, -180 + half_lon, 180 - half_lon)
    return View(round(centre_lon - half_lon, 4), round(centre_lat - tall / 2, 4),
                round(centre_lon + half_lon, 4), round(centre_lat + tall / 2, 4), width, round(width * tall / wide))


def _number(tenths: int) -> str:
    text = f"{tenths // 10}" if tenths % 10 == 0 else f"{tenths / 10:.1f}"
    return text.replace("0.", ".", 1) if text.startswith(("0.", "-0.")) else text


def _path(points: list[tuple[float, float]]) -> str:
    """A closed path in relative moves of tenths of a pixel: short, and free of rounding drift."""
    ticks = [(round(x * 10), round(y * 10)) for x, y in points]
    parts = [f"M{_number(ticks[0][0])} {_number(ticks[0][1])}l"]
    previous = ticks[0]
    for tick in ticks[1:]:
        if tick == previous:
            continue
        for value in (tick[0] - previous[0], tick[1] - previous[1]):
            text = _number(value)
            parts.append(text if text.startswith("-") or parts[-1].endswith("l") else " " + text)
        previous = tick
    return "".join(parts) + "z"


def _clip(points: list[tuple[float, float]], low_x: float, low_y: float, high_x: float,
          high_y: float) -> list[tuple[float, float]]:
    """Sutherland–Hodgman against a rectangle: exact for any polygon, convex or not."""
    for axis, bound, keep_above in ((0, low_x, True), (0, high_x, False), (1, low_y, True), (1, high_y, False)):
        if not points:
            break
        kept = []
        previous = points[-1]
        for point in points:
            inside = point[axis] >= bound if keep_above else point[axis] <= bound
            was_inside = previous[axis] >= bound if keep_above else previous[axis] <= bound
            if inside != was_inside:
                share = (bound - previous[axis]) / (point[axis] - previous[axis])
                other = 1 - axis
                crossing = [0.0, 0.0]
                crossing[axis] = bound
                crossing[other] = previous[other] + share * (point[other] - previous[other])
                kept.append((crossing[0], crossing[1]))
            if inside:
                kept.append(point)
            previous = point
        points = kept
    return points


def _importance(points: list[tuple[float, float]]) -> list[float]:
    """Douglas–Peucker run once to the end: each point's weight is the (squared) tolerance below which
    the algorithm keeps it, so simplifying to any tolerance later is a mere filter."""
    weights = [0.0] * len(points)
    weights[0] = weights[-1] = math.inf
    spans = [(0, len(points) - 1, math.inf)]
    while spans:
        first, last, ceiling = spans.pop()
        if last - first < 2:
            continue
        (ax, ay), (bx, by) = points[first], points[last]
        dx, dy = bx - ax, by - ay
        length = dx * dx + dy * dy
        farthest, distance = first + 1, -1.0
        for index in range(first + 1, last):
            px, py = points[index]
            cross = (px - ax) * dy - (py - ay) * dx
            d = cross * cross / length if length else (px - ax) ** 2 + (py - ay) ** 2
            if d > distance:
                farthest, distance = index, d
        weight = min(distance, ceiling)  # never above the point that split the span
        weights[farthest] = weight
        spans += [(first, farthest, weight), (farthest, last, weight)]
    return weights


@functools.cache
def _weighted_rings() -> tuple[tuple[Ring, tuple[float, ...]], ...]:
    """Every ring with its points' weights, computed once per process."""
    weighted = []
    for ring in country_rings():
        points = list(zip(ring.lons, ring.lats, strict=True))
        # A closed ring's ends coincide, which Douglas–Peucker cannot start from: weigh two halves.
        middle = len(points) // 2
        weights = _importance(points[:middle + 1])[:-1] + _importance(points[middle:])
        weighted.append((ring, tuple(weights)))
    return tuple(weighted)


def _ring_path(ring: Ring, weights: tuple[float, ...], view: View, tolerance: float) -> str:
    x_scale, y_scale, west, north = view.x_scale, view.y_scale, view.west, view.north
    if (ring.east - ring.west) * x_scale < SPECK and (ring.north - ring.south) * y_scale < SPECK:
        return ""
    least = (tolerance / max(x_scale, y_scale)) ** 2  # in squared degrees, like the weights
    points = [((lon - west) * x_scale, (north - lat) * y_scale)
              for lon, lat, weight in zip(ring.lons, ring.lats, weights, strict=True) if weight > least]
    inside = ring.west >= view.west and ring.east <= view.east and ring.south >= view.south \
        and ring.north <= view.north
    if not inside:  # after thinning, so the clip has fewer points to cut
        points = _clip(points, -PAD, -PAD, view.width + PAD, view.height + PAD)
    return _path(points) if len(points) >= 3 else ""


@functools.lru_cache(maxsize=1024)
def outlines(view: View, tolerance: float = TOLERANCE) -> str:
    """Path data of every country ring that reaches into the view. Pages that share a view (events at
    the same place) share the work through the cache."""
    return "".join(_ring_path(ring, weights, view, tolerance) for ring, weights in _weighted_rings()
                   if ring.east >= view.west and ring.west <= view.east
                   and ring.north >= view.south and ring.south <= view.north)


@dataclass(frozen=True)
class Marker:
    place: Place
    x: float
    y: float
    style: str  # point, near or area: see MARKER_STYLE
    precision: str  # in words
    current: bool  # the place whose page this is: drawn larger, and not a link to itself
    via: Place | None = None  # no coordinates of its own: drawn where this place, which contains it, is


@dataclass(frozen=True)
class PlaceMap:
    view: View
    outlines: str
    markers: list[Marker]
    unplaced: list[Place]  # no coordinates: named in the caption as not on the map
    legend: Sequence[tuple[str, str]]  # (style, meaning) of the marker shapes that occur
    current: Marker | None
    labels: Sequence[naming.Label] = ()  # place names first, then country names
    scale: naming.ScaleBar | None = None
    phone_labels: Sequence[naming.Label] = ()  # the same, larger, fewer: for a phone's narrow column

    def where(self, place: Place) -> str:
        """A place's position and precision in words, for lists that stand in for the map."""
        if place.coordinates is None:
            drawn = next((m for m in self.markers if m.place.id == place.id), None)
            return drawn.precision if drawn else tr("not on the map: no coordinates")
        c = place.coordinates
        return f"{_degrees(c.lat, 'N', 'S', 2)}, {_degrees(c.lon, 'E', 'W', 2)}: {tr(PRECISION_TEXT[c.precision])}"


def _marker(located: Position, view: View, current: bool) -> Marker:
    precision = tr(PRECISION_TEXT[located.precision])
    if located.via is not None:
        precision = tr("no coordinates of its own: drawn at {place}, which contains it ({precision})",
                       place=located.via.name, precision=precision)
    return Marker(located.place, round(view.x(located.lon), 1), round(view.y(located.lat), 1),
                  MARKER_STYLE[located.precision], precision, current, located.via)


_DRAW_ORDER = {"area": 0, "near": 1, "point": 2}  # small markers on top, so every one stays clickable
_LABEL_ORDER = ("country", "region", "district", "settlement", "approximate", "exact")


def _labels(markers: list[Marker], view: View, bar: naming.ScaleBar, column: float) -> list[naming.Label]:
    """Names set for a picture shown ``column`` pixels wide: the type is sized to read the same on
    screen, however wide the viewBox (an event's locator is narrower), and on a phone's column."""
    def rank(m: Marker) -> tuple[bool, int, str, str]:
        style = m.via.coordinates.precision if m.via and m.via.coordinates else \
            m.place.coordinates.precision if m.place.coordinates else "exact"
        return (not m.current, _LABEL_ORDER.index(style), m.place.name.casefold(), m.place.id)

    scale = view.width / column
    spots = []
    for m in sorted(markers, key=rank):
        precision = _LABEL_ORDER[rank(m)[1]]
        size = round((naming.SIZE[precision] + (naming.CURRENT_BONUS if m.current else 0.0)) * scale, 1)
        radius = naming.RADIUS[m.style] * (1.4 if m.current else 1.0)
        spots.append(naming.Spot(m.x, m.y, radius, m.place.name, size, "current" if m.current else "place"))
    placed, taken = naming.place_labels(spots, view.width, view.height, [naming.scale_box(bar, scale)])
    named = {m.place.name.casefold() for m in markers}
    countries = naming.country_labels((view.west, view.south, view.east, view.north), view.x_scale, view.y_scale,
                                      view.width, view.height, taken, named, round(naming.COUNTRY_SIZE * scale, 1))
    return [*placed, *countries]


def place_map(places: Iterable[Place], *, current: Place | None = None, context: Iterable[Place] = (),
              min_span: float = DEFAULT_MIN_SPAN, snap: bool = False,
              known: Mapping[str, Place] | None = None) -> PlaceMap | None:
    """A map fitted to ``places`` (and ``current``), with ``context`` places drawn when they fall in
    the view. None when nothing can be drawn. With ``known`` (every place by id), a place without
    coordinates is drawn where the nearest place containing it is, and says so: event and place
    pages pass it; the index maps do not, since hundreds of places without coordinates would pile
    up on one spot there (they are listed in words instead)."""
    fitted = list({p.id: p for p in [*([current] if current else []), *places]}.values())
    known = known or {}
    where = {p.id: locate(p, known) for p in fitted}
    # A place drawn at its container's position adds nothing when the container is drawn too (the
    # places within a town on the town's own page would pile up on its marker): it stays unplaced.
    drawn_ids = {p.id for p in fitted if p.coordinates}
    where = {id: None if spot and spot.via and spot.via.id in drawn_ids else spot for id, spot in where.items()}
    located = [spot for spot in where.values() if spot is not None]
    if not located:
        return None
    points = [point for spot in located for point in fit_points(spot, spot.place is current)]
    view = fit(points, min_span)
    view = snapped(view) if snap else view
    # A context place already stands on the map as the position of a place within it.
    fitted_ids = {p.id for p in fitted} | {spot.via.id for spot in located if spot.via}
    extra = [spot for p in context if p.id not in fitted_ids and p.coordinates
             for spot in [locate(p, known)] if spot and view.contains(spot.lat, spot.lon)]
    extra = list({spot.place.id: spot for spot in extra}.values())
    markers = [_marker(spot, view, spot.place is current) for spot in [*located, *extra]]
    # The current place first, underneath: it is no link, and must not cover the links near it.
    markers.sort(key=lambda m: (not m.current, _DRAW_ORDER[m.style], m.place.name.casefold(), m.place.id))
    styles = {m.style for m in markers}
    legend = [(style, tr(LEGEND[style])) for style in ("point", "near", "area") if style in styles]
    current_marker = next((m for m in markers if m.current), None)
    lines = outlines(view, SNAP_TOLERANCE if snap else TOLERANCE)
    bar = naming.scale_bar((view.south + view.north) / 2, view.x_scale, view.width, view.height,
                           (view.width / WIDTH, view.width / PHONE_WIDTH))
    return PlaceMap(view, lines, markers, [p for p in fitted if where[p.id] is None], legend, current_marker,
                    _labels(markers, view, bar, WIDTH), bar, _labels(markers, view, bar, PHONE_WIDTH))


def event_map(site: Site, event: Event) -> PlaceMap | None:
    """The event's places; the places containing them are drawn too when they fall in the view."""
    places = [site.places[ref.id] for ref in event.places if ref.id in site.places]
    parents = [site.places[p.within.id] for p in places if p.within and p.within.id in site.places]
    return place_map(places, context=parents, snap=True, known=site.places)


def place_page_map(site: Site, place: Place) -> PlaceMap | None:
    """The place highlighted, fitted with the places directly within it; its parent shown when near."""
    precision = place.coordinates.precision if place.coordinates else "region"
    nearby = sorted(site.place_children.get(place.id, []), key=lambda p: p.name.casefold())[:MAX_CONTEXT]
    parent = site.places.get(place.within.id) if place.within else None
    return place_map(nearby, current=place, context=[parent] if parent else [], min_span=MIN_SPAN[precision],
                     known=site.places)
