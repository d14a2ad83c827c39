"""A story page in Chromium: read without JavaScript, stepped through with the keyboard, smooth
scrolling only for readers who did not ask for less motion, and printed as one document."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import serve

pytestmark = pytest.mark.browser

STORY = "stories/checkpoint-clash-at-khirbet-ammu/"


@pytest.fixture(scope="module")
def server(seed_site: Path) -> Iterator[str]:
    with serve(seed_site) as url:
        yield url


def test_steps_are_read_and_followed_without_javascript(browser: Any, server: str) -> None:
    context = browser.new_context(java_script_enabled=False, reduced_motion="reduce")  # no smooth scroll to wait for
    page = context.new_page()
    page.goto(server + STORY)
    headings = page.locator("h2.tl-step")
    assert headings.count() == 8 and all(headings.nth(i).is_visible() for i in range(8))
    page.locator("#step-2 ~ nav.tl-step-pager a.tl-next").first.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**#step-3")
    top = page.evaluate("document.getElementById('step-3').getBoundingClientRect().top")
    assert 0 <= top < 200, top  # the step is scrolled to the top of the window
    context.close()


@pytest.mark.parametrize(("motion", "behaviour"), [("reduce", "auto"), ("no-preference", "smooth")])
def test_smooth_scrolling_respects_reduced_motion(browser: Any, server: str, motion: str, behaviour: str) -> None:
    context = browser.new_context(reduced_motion=motion)
    page = context.new_page()
    page.goto(server + STORY)
    assert page.evaluate("getComputedStyle(document.documentElement).scrollBehavior") == behaviour
    context.close()


def test_printed_story_is_every_step_without_site_chrome(browser: Any, server: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(server + STORY + "#step-4")
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-footer", ".tl-story-steps", ".tl-step-pager"):
        locator = page.locator(chrome)
        assert all(not locator.nth(i).is_visible() for i in range(locator.count())), chrome
    steps = page.locator("h2.tl-step")
    assert steps.count() == 8 and all(steps.nth(i).is_visible() for i in range(8))
    assert page.locator("figure.tl-strip").count() == 8 and page.locator("figure.tl-strip").nth(7).is_visible()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf)) >= 3  # the whole story
    context.close()


def test_a_phone_reads_the_story_without_scrolling_sideways(browser: Any, server: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    for path in (STORY, "stories/"):
        page.goto(server + path)
        widths = page.evaluate("[document.documentElement.scrollWidth, innerWidth]")
        assert widths[0] <= widths[1], (path, widths)
    context.close()
