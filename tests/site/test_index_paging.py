"""The actors and places indexes of a big project: bounded pages, every actor and place reachable.

Small projects keep one actors index and one places tree (the seed's are checked unchanged by
tests/site/test_seed_site.py); past PAGE_LIMIT actors the actors index lists kinds with a page each, a
kind past the limit splits by first letters; past PAGE_LIMIT places the places index shows the top
of the tree, or letter pages of the places within no other, and a place with more than PAGE_LIMIT
places directly within it lists them on letter pages of its own.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections import deque
from pathlib import Path

import pytest

from builder.pipeline import build_site
from builder.render.index_paging import OTHER, PLACES_PER_PAGE, alphabetical_pages, first_letter, shown_children
from builder.render.pages import render_site
from builder.render.paging import PAGE_LIMIT
from tests.conftest import ROOT, mkdocs_build, run_cli
from tests.htmlsite import broken_links, read_page, resolve

MAX_INDEX_BYTES = 300 * 1024
FLAT_PLACES = 520  # places within no other, added to the generated ones: past PLACES_PER_PAGE roots
VILLAGES = 620  # places directly within one country: past PAGE_LIMIT children


def generate(project: Path, actors: int = 1000, places: int = 600) -> None:
    subprocess.run([sys.executable, str(ROOT / "bench" / "generate.py"), "--events", "100", "--actors", str(actors),
                    "--articles", "40", "--places", str(places), "--out", str(project)], check=True,
                   capture_output=True)


def add_places(project: Path) -> str:
    """Flat places (some with accented or non-letter names) and many villages in one country; the
    country's id."""
    places = project / "content" / "places"
    country = re.search(r'id: "([a-z0-9-]+)"', sorted(places.glob("*.yml"))[0].read_text(encoding="utf-8"))
    assert country
    flat = [f'- {{id: "flat-{i:03d}", name: "{prefix}Flatstead {i:03d}", '
            f'coordinates: {{lat: {10 + i % 40}, lon: {i % 90}, precision: settlement}}}}'
            for i, prefix in ((i, ("Érsek ", "9 Mile ", "")[i % 3] if i < 30 else "") for i in range(FLAT_PLACES))]
    villages = [f'- {{id: "village-{i:03d}", name: "Village {i:03d}", kind: village, within: "{country[1]}", '
                f'coordinates: {{lat: {i % 10}, lon: {i % 20}, precision: settlement}}}}' for i in range(VILLAGES)]
    (places / "zz-flat.yml").write_text("\n".join(flat) + "\n", encoding="utf-8")
    (places / "zz-villages.yml").write_text("\n".join(villages) + "\n", encoding="utf-8")
    return country[1]


# --- the page plans ------------------------------------------------------------------------------


def test_alphabetical_pages_are_bounded_ordered_and_complete() -> None:
    names = [f"{letter}{i:03d}" for letter, n in (("a", 30), ("b", 25), ("c", 130), ("d", 5)) for i in range(n)]
    names += ["Émile", "émile 2", "42nd Street", "Ōsaka", "Łódź"]
    names.sort(key=str.casefold)
    shelves = alphabetical_pages(names, str, limit=50)
    assert all(0 < len(shelf.items) <= 50 for shelf in shelves)
    assert [item for shelf in shelves for item in shelf.items] != [] and \
        sorted(item for shelf in shelves for item in shelf.items) == sorted(names)
    assert [(shelf.label, shelf.slug) for shelf in shelves] == [
        ("A", "a"), ("B", "b"), ("C (1 of 3)", "c-1"), ("C (2 of 3)", "c-2"), ("C (3 of 3)", "c-3"),
        ("D–O", "d-o"), ("Other", "other")]
    assert shelves[3].items[0] == "c044" and shelves[-2].items == ["d000", "d001", "d002", "d003", "d004", "Émile",
                                                                   "émile 2", "Ōsaka"]
    assert shelves[-1].items == ["42nd Street", "Łódź"]  # Ł has no decomposition: filed under Other
    assert first_letter("  Éowyn") == "e" and first_letter("") == OTHER
    assert len({shelf.slug for shelf in alphabetical_pages([f"x{i}" for i in range(2001)], str)}) == 5


def test_shown_children_fits_the_budget() -> None:
    assert shown_children([5, 5, 5], budget=9, most=10) == 3
    assert shown_children([1, 100], budget=50, most=10) == 10
    assert shown_children([20, 20], budget=1, most=10) == 0
    assert shown_children([], budget=0, most=10) == 10


def test_a_big_tree_shows_its_top_levels(tmp_path: Path) -> None:
    """Past PAGE_LIMIT places with fewer roots: the roots, and as many of their busiest children as fit."""
    generate(tmp_path, actors=200, places=700)
    first = (sorted((tmp_path / "content" / "places").glob("*.yml"))[0]).read_text(encoding="utf-8")
    country, region = re.findall(r'id: "([a-z0-9-]+)"', first)[:2]
    (tmp_path / "content" / "places" / "zz-hamlets.yml").write_text("".join(
        f'- {{id: "hamlet-{i:03d}", name: "Hamlet {i:03d}", within: "{region}"}}\n' for i in range(VILLAGES)),
        encoding="utf-8")
    site = build_site(tmp_path / "content", tmp_path).site
    markdown = {page.src_uri: page.markdown for page in render_site(site)}
    index = markdown["places/index.md"]
    linked = set(re.findall(r'<a href="([a-z0-9-]+)/">', index))
    roots = {p.id for p in site.places.values() if not p.within}
    assert roots <= linked and len(linked) <= PLACES_PER_PAGE and len(site.places) > PAGE_LIMIT
    assert any(p.within and p.within.id in roots for p in site.places.values() if p.id in linked)
    assert "directly within" in index and not any(uri.startswith("places/by-letter/") for uri in markdown)
    markers = re.findall(r'<a class="tl-map-marker" href="([a-z0-9-]+)/">', index)
    assert set(markers) <= linked  # the map draws only the places listed
    # Past PAGE_LIMIT places at any depth, a place lists only those directly within it, with their counts;
    # past PAGE_LIMIT directly within it, on letter pages.
    country_page = markdown[f"places/{country}.md"]
    assert "directly within it" in country_page and "hamlet-000" not in country_page
    assert max(int(n) for n in re.findall(r"\((\d+) places within\)", country_page)) > VILLAGES
    region_page = markdown[f"places/{region}.md"]
    assert "hamlet-000" not in region_page and 'href="within/h-1/"' in region_page
    hamlets = [uri for uri in markdown if uri.startswith(f"places/{region}/within/")]
    listed = [markdown[uri].count('href="../../../hamlet-') for uri in hamlets]
    assert len(listed) >= 2 and max(listed) <= PLACES_PER_PAGE and sum(listed) == VILLAGES


# --- a real build --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def big_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    project = tmp_path_factory.mktemp("indexes") / "project"
    generate(project)
    country = add_places(project)
    check = run_cli(project, "--strict", "check")
    assert check.returncode == 0 and "no problems found" in check.stderr, check.stderr[-2000:]
    site = project / "site"
    build = mkdocs_build(project, site)
    assert build.returncode == 0, build.stderr[-3000:]
    return project, site, country


def _section(site: Path, section: str) -> set[str]:
    """Ids of the entity pages built in a section (actors/<id>/index.html)."""
    return {page.parent.name for page in (site / section).glob("*/index.html")
            if page.parent.name not in ("by-kind", "by-letter")}


def _reached(site: Path, starts: list[Path], section: str) -> set[Path]:
    """Every page of ``section`` reachable from ``starts`` by links in the pages' content."""
    seen, queue = set(starts), deque(starts)
    while queue:
        page = queue.popleft()
        for href in read_page(page).content_links:
            target = resolve(site, page, href)
            if target is None:
                continue
            file = target[0].resolve()
            if file not in seen and file.is_relative_to((site / section).resolve()) and file.exists():
                seen.add(file)
                queue.append(file)
    return seen


def test_every_actor_is_linked_from_an_actors_index_page(big_site: tuple[Path, Path, str]) -> None:
    _, site, _ = big_site
    index_pages = [site / "actors" / "index.html", *(site / "actors" / "by-kind").rglob("index.html")]
    assert len(index_pages) >= 10  # the index, a page per kind, and letter pages for people
    assert list((site / "actors" / "by-kind" / "person").glob("*/index.html")), "people split by first letters"
    linked = set()
    for page in index_pages:
        for href in read_page(page).content_links:
            target = resolve(site, page, href)
            if target and target[0].resolve().parent.parent == (site / "actors").resolve():
                linked.add(target[0].resolve().parent.name)
    actors = _section(site, "actors")
    assert len(actors) >= 1000 and actors <= linked


def test_every_place_is_reachable_from_the_places_index(big_site: tuple[Path, Path, str]) -> None:
    _, site, country = big_site
    places = _section(site, "places")
    assert len(places) >= 600 + FLAT_PLACES + VILLAGES
    reached = _reached(site, [(site / "places" / "index.html").resolve()], "places")
    reached_ids = {page.parent.name for page in reached if page.parent.parent == (site / "places").resolve()}
    assert places <= reached_ids
    assert list((site / "places" / "by-letter").glob("*/index.html")), "the places within no other, by letters"
    within = list((site / "places" / country / "within").glob("*/index.html"))
    assert len(within) >= 2, "the country's villages, by letters"


def test_index_pages_stay_small(big_site: tuple[Path, Path, str]) -> None:
    _, site, country = big_site
    pages = [site / "actors" / "index.html", site / "places" / "index.html", site / "places" / country / "index.html",
             *(site / "actors" / "by-kind").rglob("*.html"), *(site / "places" / "by-letter").rglob("*.html"),
             *(site / "places" / country / "within").rglob("*.html")]
    sizes = {page.relative_to(site).as_posix(): page.stat().st_size for page in pages}
    print("index page sizes (KB):", {uri: round(size / 1024, 1) for uri, size in sorted(sizes.items())})
    assert {uri: size for uri, size in sizes.items() if size > MAX_INDEX_BYTES} == {}


def test_no_broken_links_and_no_index_page_in_the_nav(big_site: tuple[Path, Path, str]) -> None:
    _, site, _ = big_site
    assert broken_links(site) == []
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "by-kind" not in home and "by-letter" not in home and "/within/" not in home


def test_the_seed_keeps_a_single_index(seed_site: Path) -> None:
    assert not (seed_site / "actors" / "by-kind").exists() and not (seed_site / "places" / "by-letter").exists()
    assert not list((seed_site / "places").glob("*/within"))
    actors = read_page(seed_site / "actors" / "index.html").content_links
    assert len({href for href in actors if not href.startswith("#")}) == len(_section(seed_site, "actors"))
    places = (seed_site / "places" / "index.html").read_text(encoding="utf-8")
    assert "Map of the places" in places and "directly within" not in places
