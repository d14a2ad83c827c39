"""Names on the maps, the scale bar, where countries and places without coordinates are drawn."""

from __future__ import annotations

import itertools
import math

import pytest

from builder.diagnostics import Origin
from builder.load.fields import Ref
from builder.model.place import Coordinates, Place
from builder.render.figures.boundaries import Ring
from builder.render.figures.countries import _signed_distance, country, country_of, pole_of_inaccessibility
from builder.render.figures.labels import (
    CHAR_WIDTH,
    KM_PER_DEGREE,
    Spot,
    _box,
    _overlaps,
    place_labels,
    scale_bar,
)
from builder.render.figures.maps import place_map


def ring(points: list[tuple[float, float]]) -> Ring:
    lons, lats = tuple(p[0] for p in points), tuple(p[1] for p in points)
    return Ring(lons, lats, min(lons), min(lats), max(lons), max(lats))


def place(id: str, lat: float | None = None, lon: float = 0.0, precision: str = "settlement",
          within: str | None = None, name: str = "") -> Place:
    coordinates = Coordinates(lat, lon, precision) if lat is not None else None
    container = Ref("place", within, Origin("x", 1)) if within else None
    return Place(id, Origin("x", 1), name or id.title(), within=container, coordinates=coordinates)


def inside(lat: float, lon: float, outer: Ring) -> bool:
    return _signed_distance(lon, lat, [list(zip(outer.lons, outer.lats, strict=True))]) > 0


def test_the_pole_of_a_u_shape_is_inside_it_where_its_centre_is_not() -> None:
    u = ring([(0, 0), (10, 0), (10, 10), (7, 10), (7, 3), (3, 3), (3, 10), (0, 10)])
    lat, lon = pole_of_inaccessibility([u])
    assert inside(lat, lon, u)
    assert not inside(5.0, 5.0, u)  # the box's centre is in the gap


@pytest.mark.parametrize("name", ["Russia", "Chile", "Norway", "Indonesia", "Croatia", "Syria"])
def test_a_country_point_lies_inside_its_outline(name: str) -> None:
    found = country(name)
    assert found is not None
    assert inside(*found.point, found.main)


def test_a_country_is_found_by_name_or_else_by_its_coordinates() -> None:
    assert (found := country_of(("Türkiye", "Turkey"), 0.0, 0.0)) and found.name == "Turkey"
    assert (found := country_of(("Nowhere",), 35.0, 38.5)) and found.name == "Syria"
    assert country_of(("Nowhere",), 0.0, -30.0) is None  # the Atlantic


def test_a_country_marker_sits_inside_its_outline_even_when_its_coordinates_do_not() -> None:
    # Coordinates at sea, west of Syria's coast: the marker moves inside Syria.
    syria = place("syria", 35.0, 34.0, "country", name="Syria")
    drawn = place_map([syria])
    assert drawn is not None
    found = country("Syria")
    assert found is not None
    marker = drawn.markers[0]
    assert (marker.x, marker.y) == (round(drawn.view.x(found.point[1]), 1), round(drawn.view.y(found.point[0]), 1))


def test_a_country_page_shows_the_whole_country() -> None:
    # New Zealand's centroid-ish coordinates on the South Island used to cut the North Island off.
    nz = place("nz", -44.0, 170.5, "country", name="New Zealand")
    drawn = place_map([], current=nz)
    assert drawn is not None
    north_cape, south_tip = (-34.4, 173.0), (-46.6, 168.4)
    for lat, lon in (north_cape, south_tip):
        assert drawn.view.contains(lat, lon)


def test_a_place_without_coordinates_is_drawn_at_the_place_containing_it() -> None:
    city = place("city", 36.2, 37.16, "settlement", name="Aleppo")
    building = place("citadel", within="city", name="The citadel")
    drawn = place_map([building], known={"city": city, "citadel": building})
    assert drawn is not None and not drawn.unplaced
    [marker] = drawn.markers
    assert marker.via is city and "drawn at Aleppo" in marker.precision and "centre of the town" in marker.precision
    assert (marker.x, marker.y) == (round(drawn.view.x(37.16), 1), round(drawn.view.y(36.2), 1))
    assert "drawn at Aleppo" in drawn.where(building)
    # Without the places to look in, it stays off the map and is named as such.
    alone = place_map([building, city])
    assert alone is not None and alone.unplaced == [building]


def test_every_marker_of_a_sparse_map_is_named_once() -> None:
    places = [place("a", 36.2, 37.16), place("b", 33.5, 36.3, "region"), place("c", 39.9, 32.9, "country",
                                                                                name="Turkey")]
    drawn = place_map(places)
    assert drawn is not None
    names = [label.text for label in drawn.labels if label.kind != "country"]
    assert sorted(names) == ["A", "B", "Turkey"]
    # the country a place names itself is not named a second time in capitals
    assert "TURKEY" not in [label.text for label in drawn.labels]


def test_labels_never_overlap_each_other_or_leave_the_picture() -> None:
    # A crowded square: some labels must be left out rather than overlap.
    spots = [Spot(100 + 12 * i, 100 + 9 * j, 5.0, f"Place {i}-{j}", 13.0, "place")
             for i, j in itertools.product(range(5), range(5))]
    labels, _ = place_labels(spots, 300, 200)
    assert 3 <= len(labels) < len(spots)
    boxes = [_box(label.x, label.y, label.text, label.size, label.anchor) for label in labels]
    for a, b in itertools.combinations(boxes, 2):
        assert not _overlaps(a, b)
    for left, top, right, bottom in boxes:
        assert left >= 0 and top >= 0 and right <= 300 and bottom <= 200
    for box in boxes:  # nor cover a marker
        for spot in spots:
            assert not _overlaps(box, (spot.x - 5, spot.y - 5, spot.x + 5, spot.y + 5))


def test_the_more_important_place_is_named_first() -> None:
    near = [Spot(50, 50, 5.0, "Second", 13.0, "place"), Spot(50, 50, 5.0, "First", 17.0, "current")]
    labels, _ = place_labels(list(reversed(near)), 200, 100)
    assert labels[0].text == "First" and labels[0].anchor == "start"  # its first choice: to the right


@pytest.mark.parametrize("mid_lat, x_scale", [(0.0, 10.0), (60.0, 10.0), (36.0, 1.0), (36.0, 200.0)])
def test_the_scale_bar_is_a_round_length_true_at_the_middle_latitude(mid_lat: float, x_scale: float) -> None:
    bar = scale_bar(mid_lat, x_scale, 720, 480)
    number, unit = bar.text.split(" ")
    km = float(number.replace(",", "")) / (1000 if unit == "m" else 1)
    assert str(int(number.replace(",", "")))[0] in "125" and set(str(int(number.replace(",", "")))[1:]) <= {"0"}

    expected = km / (KM_PER_DEGREE * math.cos(math.radians(mid_lat))) * x_scale
    assert bar.length == pytest.approx(expected, abs=0.1)
    assert 720 / 12 <= bar.length <= 720 / 5 + 0.1
    assert CHAR_WIDTH > 0


def test_a_crowded_place_is_named_apart_with_a_line_to_its_marker() -> None:
    # Everything around the marker is taken (other markers and names in a cluster).
    spot = Spot(100, 60, 10.0, "Khirbet Ammu", 12.0, "place")
    labels, _ = place_labels([spot], 300, 140, obstacles=[(70, 30, 130, 90)])
    [label] = labels
    assert label.leader is not None
    x1, y1, x2, y2 = label.leader
    assert math.hypot(x1 - 100, y1 - 60) == pytest.approx(10.0, abs=0.2)  # from the marker's edge
    box = _box(label.x, label.y, label.text, label.size, label.anchor)
    assert not _overlaps(box, (70, 30, 130, 90))
    assert box[0] - 4 <= x2 <= box[2] + 4 and box[1] - 4 <= y2 <= box[3] + 4  # to the name
    # With room beside it, a name sits next to its marker, without a line.
    [near], _ = place_labels([spot], 300, 140)
    assert near.leader is None


def test_places_within_a_drawn_place_do_not_pile_up_on_its_marker() -> None:
    city = place("city", 36.2, 37.16, "settlement", name="Aleppo")
    rooms = [place(f"room-{n}", within="city", name=f"Room {n}") for n in range(3)]
    known = {p.id: p for p in [city, *rooms]}
    drawn = place_map(rooms, current=city, known=known)  # the city's own page
    assert drawn is not None and [m.place.id for m in drawn.markers] == ["city"] and drawn.unplaced == rooms
    event = place_map(rooms[:1], context=[city], known=known)  # an event in one room: the city stands for it
    assert event is not None and [(m.place.id, m.via) for m in event.markers] == [("room-0", city)]
