"""The offline maps: projection and fit, outlines cut to the view, markers that link, say their
precision in words and sit where the coordinates say, on the seed site and in Chromium."""

from __future__ import annotations

import math
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from builder.diagnostics import Origin
from builder.model.place import Coordinates, Place
from builder.pipeline import build_site
from builder.render.figures.boundaries import rings_of
from builder.render.figures.maps import (
    MAX_ASPECT,
    MIN_ASPECT,
    PRECISION_TEXT,
    View,
    _clip,
    fit,
    outlines,
    place_map,
    snapped,
)
from builder.render.pages import render_site
from tests.conftest import ROOT, serve
from tests.htmlsite import read_page, resolve

MARKER = re.compile(r'<a class="tl-map-marker" href="([^"]+)"><title>([^<]+)</title>'
                    r'<use href="#tl-map-(\w+)" x="([\d.]+)" y="([\d.]+)"/></a>')


def place(id: str, lat: float | None, lon: float = 0.0, precision: str = "settlement") -> Place:
    coordinates = Coordinates(lat, lon, precision) if lat is not None else None
    return Place(id, Origin("x", 1), id.title(), coordinates=coordinates)


def inside(view: View, lat: float, lon: float, margin: float) -> bool:
    return margin <= view.x(lon) <= view.width - margin and margin <= view.y(lat) <= view.height - margin


# -- projection and fit --

def test_one_place_is_centred_in_a_view_of_the_minimum_span() -> None:
    view = fit([(36.2, 37.16)], min_span=3.0)
    assert view.x(37.16) == pytest.approx(view.width / 2, abs=0.5)
    assert view.y(36.2) == pytest.approx(view.height / 2, abs=0.5)
    assert view.north - view.south >= 3.0
    assert MIN_ASPECT - 0.01 <= view.width / view.height <= MAX_ASPECT + 0.01


def test_longitudes_are_shrunk_by_the_cosine_of_the_latitude() -> None:
    for lat in (0.0, 45.0, 60.0):
        view = fit([(lat - 5, 10.0), (lat + 5, 20.0)])
        # a degree of longitude is cos(lat) times as long on the map as a degree of latitude
        assert view.x_scale / view.y_scale == pytest.approx(math.cos(math.radians(lat)), rel=0.01)


@pytest.mark.parametrize("points", [
    [(36.2, 37.16), (37.05, 41.22), (33.51, 36.29)],
    [(50.6, 4.5), (61.5, 105.3), (33.5, 36.3)],
    [(-50.0, -170.0), (70.0, 170.0)],  # nearly the whole world
    [(89.0, 179.0)],  # a corner of the world: the view moves inside it instead of leaving it
    [(10.0, -80.0), (10.0, -60.0)],  # all on one parallel: the view still has height
])
def test_every_point_is_inside_the_view_and_the_view_inside_the_world(points: list[tuple[float, float]]) -> None:
    view = fit(points)
    assert -90 <= view.south < view.north <= 90 and -180 <= view.west < view.east <= 180
    assert view.height > 0
    for lat, lon in points:
        assert inside(view, lat, lon, margin=0 if abs(lat) > 80 or abs(lon) > 160 else 10), (lat, lon, view)


def test_fit_needs_a_point() -> None:
    with pytest.raises(ValueError):
        fit([])


def test_clipping_cuts_a_polygon_to_the_rectangle() -> None:
    square = [(-5.0, -5.0), (5.0, -5.0), (5.0, 5.0), (-5.0, 5.0)]
    clipped = _clip(square, 0, 0, 10, 10)
    assert sorted(clipped) == [(0.0, 0.0), (0.0, 5.0), (5.0, 0.0), (5.0, 5.0)]
    assert _clip([(20.0, 20.0), (30.0, 20.0), (30.0, 30.0)], 0, 0, 10, 10) == []


def test_topojson_arcs_are_delta_decoded_and_reversed() -> None:
    topology = {
        "transform": {"scale": [1, 1], "translate": [10, 20]},
        "arcs": [[[0, 0], [2, 0], [0, 2]], [[2, 2], [-2, 0], [0, -2]]],
        "objects": {"countries": {"type": "GeometryCollection", "geometries": [
            {"type": "Polygon", "arcs": [[0, 1]]}, {"type": "MultiPolygon", "arcs": [[[~1]]]},
            {"type": None}]}},
    }
    first, reversed_ = rings_of(topology)
    assert list(zip(first.lons, first.lats, strict=True)) == [(10, 20), (12, 20), (12, 22), (10, 22), (10, 20)]
    assert list(zip(reversed_.lons, reversed_.lats, strict=True)) == [(10, 20), (10, 22), (12, 22)]
    assert (first.west, first.south, first.east, first.north) == (10, 20, 12, 22)


def test_outlines_stay_in_the_view_and_small_when_the_view_is_wide() -> None:
    syria = fit([(36.2, 37.16), (33.51, 36.29), (37.05, 41.22)])
    path = outlines(syria)
    assert path.count("M") >= 3  # Syria, its neighbours and the Mediterranean coast
    starts = [(float(x), float(y)) for x, y in re.findall(r"M(-?[\d.]+) (-?[\d.]+)", path)]
    assert all(-5 <= x <= syria.width + 5 and -5 <= y <= syria.height + 5 for x, y in starts)
    world = outlines(fit([(-55.0, -170.0), (75.0, 170.0)]))
    assert 10_000 < len(world) < 60_000  # every coastline of the world, thinned to what 720 px can show


# -- markers --

def test_markers_say_their_precision_and_places_without_coordinates_are_named() -> None:
    drawn = place_map([place("a", 36.0, 37.0, "exact"), place("b", 36.5, 38.0, "region"), place("c", None)])
    assert drawn is not None
    assert [(m.place.id, m.style, m.precision) for m in drawn.markers] == [
        ("b", "area", PRECISION_TEXT["region"]), ("a", "point", PRECISION_TEXT["exact"])]  # areas underneath
    assert [p.id for p in drawn.unplaced] == ["c"]
    assert drawn.where(place("c", None)) == "not on the map: no coordinates"
    assert drawn.where(place("a", 36.0, -37.0, "exact")) == "36.00° N, 37.00° W: exact position"
    assert place_map([place("c", None)]) is None


def test_context_places_are_drawn_only_inside_the_view() -> None:
    here, near, far = place("here", 36.0, 37.0), place("near", 36.5, 37.5), place("far", 60.0, 100.0)
    drawn = place_map([], current=here, context=[near, far])
    assert drawn is not None and drawn.current is not None
    assert [m.place.id for m in drawn.markers] == ["here", "near"]


def test_thousands_of_places_stay_linear(tmp_path: Path) -> None:
    many = [place(f"p{i}", -40 + (i * 7919 % 8000) / 100, -170 + (i * 104729 % 34000) / 100) for i in range(5000)]
    drawn = place_map(many)
    assert drawn is not None and len(drawn.markers) == 5000
    assert len(drawn.outlines) < 60_000


# -- the seed site --

def markers(html: str) -> dict[str, tuple[str, str, float, float]]:
    figure = re.search(r'<figure class="tl-map"[^>]*>.*?</figure>', html, re.S)
    assert figure, "no map on the page"
    return {title.split(":")[0]: (href, style, float(x), float(y))
            for href, title, style, x, y in MARKER.findall(figure.group(0))}


def test_places_index_plots_every_seed_place_where_it_is(seed_site: Path) -> None:
    page = seed_site / "places" / "index.html"
    html = page.read_text(encoding="utf-8")
    drawn = markers(html)
    located = [p for p in build_site(ROOT / "content", ROOT).site.places.values() if p.coordinates]
    assert sorted(drawn) == sorted(p.name for p in located)
    for href, *_ in drawn.values():
        target = resolve(seed_site, page, href)
        assert target and target[0].is_file()
    x, y = {name: m[2] for name, m in drawn.items()}, {name: m[3] for name, m in drawn.items()}
    assert x["Qamishli"] > x["Aleppo"] + 5 and abs(y["Qamishli"] - y["Aleppo"]) < 20
    assert y["Ankara"] < y["Damascus"] - 20
    assert x["Brussels"] < x["Ankara"] < x["Russia"]
    assert drawn["Idlib"][1] == "area" and drawn["Khirbet Ammu"][1] == "near"
    assert "Khirbet Ammu: approximate position" in html
    assert '<span class="tl-where">37.05° N, 41.22° E: centre of the town or village</span>' in html


def test_place_page_highlights_the_place_among_its_neighbours(seed_site: Path) -> None:
    page = seed_site / "places" / "qamishli" / "index.html"
    html = page.read_text(encoding="utf-8")
    assert sorted(markers(html)) == ["Khirbet Ammu", "north-east Syria"]  # within it, and containing it
    assert "<title>Qamishli (this page): centre of the town or village</title>" in html
    assert "Qamishli is the larger marker in a halo." in html
    for href, *_ in markers(html).values():
        target = resolve(seed_site, page, href)
        assert target and target[1] in read_page(target[0]).ids | {""}


def test_event_page_maps_the_event_places(seed_site: Path) -> None:
    html = (seed_site / "events" / "qamishli-checkpoint-clash" / "index.html").read_text(encoding="utf-8")
    assert "Khirbet Ammu" in markers(html)
    assert "Khirbet Ammu: approximate position" in html


def test_places_without_coordinates_are_listed_as_not_on_the_map(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    syria = tmp_path / "content" / "places" / "syria.md"
    syria.write_text(re.sub(r"coordinates:.*\n", "", syria.read_text(encoding="utf-8")), encoding="utf-8")
    pages = {page.src_uri: page.markdown for page in render_site(build_site(tmp_path / "content", tmp_path).site)}
    assert '<dt>Coordinates<span class="tl-visually-hidden">: </span></dt><dd>none given, so not on the map</dd>' \
        in pages["places/syria.md"]
    assert "Syria (this page)" not in pages["places/syria.md"]
    assert "Aleppo: centre of the town or village" in pages["places/syria.md"]  # its places still are
    assert '<span class="tl-where">not on the map: no coordinates</span>' in pages["places/index.md"]
    assert ">Syria: " not in pages["places/index.md"]


# -- in the browser --

@pytest.fixture(scope="module")
def server(seed_site: Path) -> Iterator[str]:
    with serve(seed_site) as url:
        yield url


@pytest.mark.browser
def test_markers_are_named_links_reachable_by_keyboard(browser: Any, server: str) -> None:
    page = browser.new_page()
    page.goto(server + "places/")
    svg = page.get_by_role("group", name="Map of the places")
    link = svg.get_by_role("link", name="Aleppo: centre of the town or village")
    assert link.count() == 1
    page.locator(".tl-map-skip").focus()
    assert page.locator(".tl-map-skip").is_visible()  # shown when focused, hidden otherwise
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('svg') !== null")
    link.focus()
    link.press("Enter")
    page.wait_for_url("**/places/aleppo/")
    page.close()


@pytest.mark.browser
@pytest.mark.parametrize("width", [360, 1280])
def test_the_map_fits_a_phone_screen(browser: Any, server: str, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(server + "places/qamishli/")
    box = page.locator("figure.tl-map > svg").bounding_box()
    assert box and 0 < box["width"] <= width and box["height"] > 100
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    context.close()


@pytest.mark.parametrize("points", [
    [(36.93, 41.23)], [(36.2, 37.16), (37.05, 41.23)], [(33.5, 36.3), (39.9, 32.85)], [(69.6, 18.9)],
    [(-33.9, 18.4)], [(64.1, -21.9), (40.4, -3.7)], [(-54.8, -68.3)], [(1.3, 103.8), (35.7, 139.7)],
])
def test_snapped_views_hold_their_points(points: list[tuple[float, float]]) -> None:
    view = snapped(fit(points))
    assert all(view.contains(lat, lon) for lat, lon in points)
    assert view.height * 2 == view.width


def test_events_in_one_area_share_a_few_views() -> None:
    """Event maps snap to a small set of views, so an area's outlines are cut once for all its events;
    200 events scattered over a degree around Qamishli need at most 4 (a grid corner may fall inside)."""
    import random

    generator = random.Random(7)
    events = [[(37.0 + generator.random(), 41.0 + generator.random())] for _ in range(200)]
    assert len({snapped(fit(points)) for points in events}) <= 4
    assert len({fit(points) for points in events}) == 200  # unsnapped, every one is its own


def test_maps_and_filters_stay_out_of_the_search_index(seed_site: Path) -> None:
    """A search for a place finds the pages about it, not every map or filter form that names it."""
    legend = "approximate position, or the centre of a town"
    event = (seed_site / "events" / "qamishli-checkpoint-clash" / "index.html").read_text(encoding="utf-8")
    assert legend in event
    index = (seed_site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert legend not in index
    assert "Where it happened" not in index
    assert "Filter the events" not in index and "Clear filters" not in index
    assert "Qamishli" in index  # the places themselves are still found


def test_a_place_without_coordinates_is_drawn_where_its_container_is(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    village = tmp_path / "content" / "places" / "khirbet-ammu.md"
    village.write_text(re.sub(r"coordinates:.*\n", "", village.read_text(encoding="utf-8")), encoding="utf-8")
    pages = {page.src_uri: page.markdown for page in render_site(build_site(tmp_path / "content", tmp_path).site)}
    own = pages["places/khirbet-ammu.md"]
    assert "none given, so drawn on the map where" in own
    assert '<a href="../qamishli/">Qamishli</a> is, which contains it' in own
    assert "Khirbet Ammu (this page): no coordinates of its own: drawn at Qamishli, which contains it " \
           "(centre of the town or village)" in own
    event = pages["events/qamishli-checkpoint-clash.md"]
    assert "Khirbet Ammu: no coordinates of its own: drawn at Qamishli" in event
