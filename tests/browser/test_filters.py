"""Timeline filters in Chromium: narrowing, state in the URL, back/forward, and no-JS fallback."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import serve

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def timeline(seed_site: Path) -> Iterator[tuple[str, dict[str, dict[str, set[str]]]]]:
    html = (seed_site / "timeline" / "index.html").read_text(encoding="utf-8")
    facets = {
        match[0]: {"actors": set(match[1].split()), "type": {match[2]}}
        for match in re.findall(r'<li class="tl-event" id="([^"]+)" data-actors="([^"]*)" data-places="[^"]*" '
                                r'data-type="([^"]*)"', html)
    }
    with serve(seed_site) as url:
        yield url + "timeline/", facets


def visible(page: Any) -> set[str]:
    return set(page.eval_on_selector_all("li.tl-event:not([hidden])", "items => items.map(i => i.id)"))


def test_filters_narrow_restore_from_url_and_follow_history(browser: Any, timeline: tuple[str, Any]) -> None:
    url, facets = timeline
    with_caggins = {e for e, f in facets.items() if "myles-caggins" in f["actors"]}
    with_caggins_or_sana = {e for e, f in facets.items() if f["actors"] & {"myles-caggins", "sana"}}
    assert 0 < len(with_caggins) < len(with_caggins_or_sana) < len(facets)

    page = browser.new_page()
    page.goto(url + "?actor=myles-caggins")
    assert visible(page) == with_caggins  # restored from the URL
    assert page.locator("input[name=actor][value=myles-caggins]").is_checked()

    page.locator("summary", has_text="Who").click()
    page.locator("input[name=actor][value=sana]").check()  # OR within a group
    assert visible(page) == with_caggins_or_sana
    assert "actor=myles-caggins" in page.url and "actor=sana" in page.url

    clash = {e for e in with_caggins_or_sana if facets[e]["type"] == {"clash"}}
    page.locator("summary", has_text="Type").click()
    page.locator("input[name=type][value=clash]").check()  # AND across groups
    assert visible(page) == clash
    assert re.search(r"\d+ of \d+ events shown", page.locator(".tl-filter-status").inner_text())

    page.go_back()
    assert visible(page) == with_caggins_or_sana and not page.locator("input[name=type][value=clash]").is_checked()
    page.go_back()
    assert visible(page) == with_caggins
    page.locator("#tl-filters button[type=reset]").click()
    page.wait_for_function("() => !location.search")
    assert visible(page) == set(facets)
    page.close()


def test_filters_are_keyboard_operable(browser: Any, timeline: tuple[str, Any]) -> None:
    url, facets = timeline
    page = browser.new_page()
    page.goto(url)
    page.locator("summary", has_text="Who").focus()
    page.keyboard.press("Enter")  # opens the group
    page.keyboard.press("Tab")
    page.keyboard.press("Space")  # ticks its first choice
    page.wait_for_function("() => location.search.includes('actor=')")
    assert len(visible(page)) < len(facets)
    page.close()


def test_without_javascript_the_whole_list_shows(browser: Any, timeline: tuple[str, Any]) -> None:
    url, facets = timeline
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(url + "?actor=myles-caggins")
    assert page.locator("li.tl-event").count() == len(facets)
    assert page.locator("#tl-filters").is_hidden()
    context.close()
