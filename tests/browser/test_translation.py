"""The filter script speaks the page's language (issue 18): its words come from the form's
``data-words`` (the translation table), its plurals from the page's ``lang``."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from tests.conftest import mkdocs_build, serve
from tests.site.test_translation import french_project

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def french_timeline(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("french-browser")
    result = mkdocs_build(french_project(root / "project"), root / "site")
    assert result.returncode == 0, result.stderr
    with serve(root / "site") as url:
        yield url + "timeline/"


def test_the_filter_status_and_button_are_in_french(browser: Any, french_timeline: str) -> None:
    page = browser.new_page()
    page.goto(french_timeline)
    status = page.locator(".tl-filter-status")
    assert re.fullmatch(r"\d+ événements", status.inner_text())
    assert page.locator("button.tl-filters-toggle").inner_text() == "Filtrer les événements"
    page.goto(french_timeline + "?actor=myles-caggins")
    assert re.fullmatch(r"\d+ sur \d+ événements affichés", status.inner_text())
    page.goto(french_timeline + "?actor=myles-caggins#syrian-civil-war")  # a linked event the filter leaves out
    assert status.inner_text().endswith(", ainsi que l’événement lié, que les filtres excluent")
