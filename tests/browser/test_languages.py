"""Right-to-left sources in Chromium: an Arabic article reads right to left with a Latin name kept
whole inside it, and the markup for quote kinds, claim status and translations has no axe violations."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.test_accessibility import AXE, violations
from tests.conftest import mkdocs_build, serve
from tests.site.test_quotes_languages import copy_fixture

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("languages-browser")
    project = copy_fixture(root / "project")
    result = mkdocs_build(project, root / "site")
    assert result.returncode == 0, result.stderr
    with serve(root / "site") as url:
        yield url


def test_an_arabic_article_renders_right_to_left(browser: Any, server: str, tmp_path: Path) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 800}, device_scale_factor=1)
    page = context.new_page()
    page.goto(server + "sources/qamishli-ar/")
    paragraph = page.locator(".tl-article p").first
    assert paragraph.evaluate("p => getComputedStyle(p).direction") == "rtl"
    # Measured: the paragraph's first word (قال) starts at its right edge, the Latin name sits left of it,
    # and the name's own letters still run left to right (M before s).
    measured = paragraph.evaluate("""p => {
        const box = p.getBoundingClientRect();
        const first = document.createRange();
        first.setStart(p.firstChild, 0); first.setEnd(p.firstChild, 3);
        const name = p.querySelector("a.tl-mention").firstChild;
        const letter = i => { const r = document.createRange(); r.setStart(name, i); r.setEnd(name, i + 1);
                              return r.getBoundingClientRect(); };
        const word = first.getBoundingClientRect();
        return {right: box.right, wordRight: word.right, wordLeft: word.left,
                nameM: letter(0).left, nameS: letter(12).left};
    }""")
    assert abs(measured["right"] - measured["wordRight"]) < 2, measured
    assert measured["nameM"] < measured["wordLeft"] and measured["nameM"] < measured["nameS"], measured
    shot = tmp_path / "arabic.png"
    paragraph.screenshot(path=str(shot), animations="disabled", caret="hide")
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 1_000
    context.close()


@pytest.mark.parametrize("path", ["events/checkpoint-clash/", "events/statement-in-arabic/", "sources/qamishli-ar/",
                                  "timeline/"])
def test_no_axe_violations_on_the_new_markup(browser: Any, server: str, path: str) -> None:
    assert AXE.is_file(), "run `npm ci` (tests/run.sh does)"
    assert violations(browser, server + path, "light") == []
