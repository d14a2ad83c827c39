"""axe-core in Chromium on every page kind, in the light and the dark palette: zero violations."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, SEED_PAGES, serve

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PAGES = {
    **SEED_PAGES,
    "places": "places/",  # the map of every place
    "country": "places/syria/",  # a map with the page's own place among links
    "relations": "relations/",  # an axis broken at its start
    "actors": "actors/",
    "events": "events/",
    "sources": "sources/",
    "about": "about/",
    "stories": "stories/",
    "story": "stories/checkpoint-clash-at-khirbet-ammu/",  # several maps and time strips on one page
}


@pytest.fixture(scope="module")
def server(seed_site: Path) -> Iterator[str]:
    with serve(seed_site) as url:
        yield url


def violations(browser: Any, url: str, scheme: str) -> list[str]:
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(url)
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    result = page.evaluate("async () => (await axe.run(document)).violations.map("
                           "v => `${v.impact} ${v.id}: ${v.nodes.length} × ${v.nodes[0].target.join(' ')}`)")
    context.close()
    return list(result)


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("kind", sorted(PAGES))
def test_no_axe_violations(browser: Any, server: str, kind: str, scheme: str) -> None:
    assert AXE.is_file(), "run `npm ci` (tests/run.sh does)"
    assert violations(browser, server + PAGES[kind], scheme) == []
