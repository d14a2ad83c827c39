"""The reader's design in Chromium (issue 16), measured at a laptop's 1280×800 and a phone's 390×844:
events on the first screen, named places on every map, the whole width for entity pages, the
article's text near the top, a label for every year on the overview, the site's name as the home
page's heading."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import ROOT, SEED_PAGES, serve

pytestmark = pytest.mark.browser

SIZES = {"laptop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}
MAP_PAGES = ["places/", "places/syria/", "places/qamishli/", "places/khirbet-ammu/", "places/russia/",
             "events/qamishli-checkpoint-clash/", "events/sochi-agreement-2018/"]
ENTITY_PAGES = [SEED_PAGES[kind] for kind in ("actor", "event", "place", "article")]


@pytest.fixture(scope="module")
def server(seed_site: Path) -> Iterator[str]:
    with serve(seed_site) as url:
        yield url


@pytest.fixture(params=sorted(SIZES))
def page(request: pytest.FixtureRequest, browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport=SIZES[request.param])
    yield context.new_page()
    context.close()


def test_the_first_timeline_entry_is_on_the_first_screen(page: Any, server: str) -> None:
    page.goto(server + "timeline/")
    box = page.locator("li.tl-event").first.bounding_box()
    assert box is not None
    assert box["y"] + box["height"] <= page.viewport_size["height"], box


def test_every_map_names_the_places_it_marks(page: Any, server: str) -> None:
    for path in MAP_PAGES:
        page.goto(server + path)
        for figure in page.locator("figure.tl-map").all():
            marked = [re.sub(r" \(this page\)$", "", title.split(":")[0]) for title in
                      figure.locator(".tl-map-marker > title").all_text_contents()]
            shown = figure.evaluate("f => [...f.querySelectorAll('text.tl-map-label')]"
                                    ".filter(t => getComputedStyle(t.parentNode).display !== 'none')"
                                    ".map(t => [t.textContent, t.getBoundingClientRect().height])")
            labels = {text for text, _ in shown}
            assert marked and sorted(set(marked)) == sorted(set(marked) & labels), (path, marked, labels)
            # Legible on either screen: no name shown smaller than 10 CSS pixels.
            assert min(height for _, height in shown) >= 10, (path, shown)
            scale = figure.evaluate("f => [...f.querySelectorAll('.tl-map-scale text')]"
                                    ".filter(t => getComputedStyle(t).display !== 'none').map(t => t.textContent)")
            assert len(scale) == 1 and scale[0].endswith("km"), (path, scale)


def test_entity_pages_have_no_empty_sidebar_and_use_the_width(page: Any, server: str) -> None:
    for path in ENTITY_PAGES:
        page.goto(server + path)
        sidebar = page.locator(".md-sidebar--primary")
        content = page.locator(".md-content").bounding_box()
        assert content is not None
        if page.viewport_size["width"] >= 1220:
            assert not sidebar.is_visible(), path
            assert content["width"] >= 0.7 * page.viewport_size["width"], (path, content)
        else:  # the drawer: out of sight until opened
            box = sidebar.bounding_box()
            assert box is None or box["x"] + box["width"] <= 0, (path, box)


def test_the_article_text_starts_within_one_and_a_half_screens(page: Any, server: str) -> None:
    page.goto(server + SEED_PAGES["article"])
    box = page.locator(".tl-article").bounding_box()
    assert box is not None
    assert box["y"] < 1.5 * page.viewport_size["height"], box
    # and what it is cited for comes after it
    cited = page.locator("#cited-for").bounding_box()
    assert cited is None or cited["y"] > box["y"]


def test_the_overview_labels_every_year(page: Any, server: str) -> None:
    page.goto(server + "timeline/")
    ticks = page.locator("figure.tl-overview .tl-ov-tick")
    labels = ticks.all_text_contents()
    assert labels == [str(year) for year in range(2011, 2021)]
    for tick in ticks.all():  # each shown whole, none clipped
        assert tick.evaluate("t => t.scrollWidth <= t.clientWidth + 1 "
                             "&& getComputedStyle(t).color !== 'rgba(0, 0, 0, 0)'")


def test_the_home_page_is_headed_by_the_site_title(page: Any, server: str) -> None:
    title = yaml.safe_load((ROOT / "content" / "site.yml").read_text(encoding="utf-8"))["title"]
    page.goto(server)
    assert page.locator("h1").all_inner_texts() == [title]
    assert page.title() == title  # the site's name once, not "X - X"


def test_phone_filters_fold_into_one_button(browser: Any, server: str) -> None:
    context = browser.new_context(viewport=SIZES["phone"])
    page = context.new_page()
    page.goto(server + "timeline/")
    toggle = page.locator("button.tl-filters-toggle")
    assert toggle.is_visible() and toggle.get_attribute("aria-expanded") == "false"
    assert not page.locator("details.tl-facet").first.is_visible()
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    assert page.locator("details.tl-facet").first.is_visible()
    context.close()
