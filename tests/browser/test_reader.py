"""The reader's experience in Chromium: deep links, search by a quote's word, narrow screens and 200%
zoom, visible focus, print, and the README's screenshots.

Pages are served over HTTP, as a reader gets them, with Material's sticky header and scripts live.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.test_accessibility import violations
from tests.conftest import MINIMAL_MKDOCS, ROOT, SEED_PAGES, mkdocs_build, serve, write_tree

pytestmark = pytest.mark.browser

SCREENSHOTS = ROOT / "tests" / "screenshots"
MAX_SCREENSHOT_BYTES = 300 * 1024
PAGES = SEED_PAGES
CLASH = "qamishli-checkpoint-clash"
# A phone, and a 1280 px window at 200% zoom (zoom halves the CSS viewport and doubles the pixels).
NARROW = {"phone": ({"width": 360, "height": 740}, 1), "zoom-200": ({"width": 640, "height": 400}, 2)}

ORIGINAL_URL = "https://www.example.org/world/2020/feb/12/us-syrian-and-russian-forces-involved-in-deadly-checkpoint-clash"
SOURCED_PROJECT: dict[str, str | bytes] = {
    "content/site.yml": "title: Sourced timeline\nintro: One event from an article with its address.\n",
    "content/actors/the-guardian.md": "---\nname: The Guardian\nkind: media-outlet\n---\n",
    "content/actors/carla-gleason.md": "---\nname: Carla Gleason\nkind: person\n---\n",
    "content/articles/guardian-clash.md": f"""\
        ---
        title: Deadly checkpoint clash
        publisher: the-guardian
        published: 2020-02-12
        url: {ORIGINAL_URL}
        ---
        Carla Gleason said no Americans were killed in the incident.
        """,
    "content/events/gleason-statement.md": """\
        ---
        title: Pentagon says no Americans were killed
        date: 2020-02-12
        type: statement
        actors:
          - {actor: carla-gleason, role: speaker}
        sources: [guardian-clash]
        quotes:
          - {by: carla-gleason, article: guardian-clash, text: no Americans were killed in the incident, kind: reported}
        ---
        See the [report](https://www.example.org/report).
        """,
}

LANDING = """id => {
  const entry = document.getElementById(id);
  const box = entry.getClientRects()[0];
  const header = document.querySelector('.md-header').getBoundingClientRect();
  const probe = document.elementFromPoint(box.left + Math.min(box.width / 2, 40), box.top + box.height / 2);
  const peer = [...document.querySelectorAll(entry.tagName + '.' + entry.classList[0])].find(e => e !== entry);
  const style = (element) => { const s = getComputedStyle(element);
    return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.backgroundColor].join(' '); };
  return {top: box.top, bottom: box.bottom, headerBottom: header.bottom, viewport: innerHeight,
          uncovered: entry.contains(probe), targeted: entry.matches(':target'),
          hidden: entry.closest('[hidden]') !== null, style: style(entry), peerStyle: peer ? style(peer) : null,
          hash: location.hash};
}"""


@pytest.fixture(scope="module")
def server(seed_site: Path) -> Iterator[str]:
    with serve(seed_site) as url:
        yield url


@pytest.fixture(scope="module")
def paged_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A generated project just past the page limit, so its timeline has a page per year."""
    project = tmp_path_factory.mktemp("paged") / "project"
    subprocess.run([sys.executable, str(ROOT / "bench" / "generate.py"), "--events", "510", "--actors", "10",
                    "--articles", "10", "--out", str(project)], check=True, capture_output=True)
    site = project / "site"
    build = mkdocs_build(project, site)
    assert build.returncode == 0, build.stderr[-3000:]
    with serve(site) as url:
        yield url


@pytest.fixture(scope="module")
def sourced_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A small project whose article has its original address (the seed's articles have none)."""
    project = tmp_path_factory.mktemp("sourced") / "project"
    write_tree(project, {"mkdocs.yml": MINIMAL_MKDOCS.format(theme=ROOT / "theme"), **SOURCED_PROJECT})
    (project / "content" / "pages").mkdir()
    build = mkdocs_build(project, project / "site")
    assert build.returncode == 0, build.stderr[-3000:]
    with serve(project / "site") as url:
        yield url


def assert_landed(landing: dict[str, Any]) -> None:
    """In view, below the sticky header, not covered by it, and visibly set apart from its peers."""
    assert landing["targeted"] and not landing["hidden"], landing
    assert landing["headerBottom"] <= landing["top"] < landing["viewport"], landing
    assert landing["uncovered"], landing
    assert landing["style"].startswith("solid") and landing["style"] != landing["peerStyle"], landing


SCREENS = {"desktop": ({"width": 1280, "height": 700}, 1), **NARROW}
DEEP_LINKS = {
    "timeline entry": ("timeline/", "jeffrey-arrives-in-ankara"),
    "quote on an event page": (PAGES["event"], f"q-{CLASH}-3"),
    "relation on an actor page": ("actors/turkey/", "r-turkey-member-of-nato"),
}


@pytest.mark.parametrize("screen", sorted(SCREENS))
@pytest.mark.parametrize("link", sorted(DEEP_LINKS))
def test_deep_link_lands_on_and_highlights_its_entry(browser: Any, server: str, link: str, screen: str) -> None:
    viewport, scale = SCREENS[screen]
    path, anchor = DEEP_LINKS[link]
    context = browser.new_context(viewport=viewport, device_scale_factor=scale)
    page = context.new_page()
    page.goto(server + path + "#" + anchor)
    landing = page.evaluate(LANDING, anchor)
    assert_landed(landing)
    assert landing["hash"] == "#" + anchor  # no script rewrites the anchor away
    assert page.evaluate("scrollY") > 0
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_highlighted_entries_keep_their_contrast(browser: Any, server: str, scheme: str) -> None:
    for path, anchor in DEEP_LINKS.values():
        assert violations(browser, f"{server}{path}#{anchor}", scheme) == [], (path, anchor)


def test_quote_link_on_an_event_page_lands_on_the_quote_in_its_article(browser: Any, server: str) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 700})
    page.goto(server + f"events/{CLASH}/")
    quote = page.locator("blockquote.tl-quote").first
    quote_id = quote.get_attribute("id")
    quote.locator("footer a[href*='sources/']").click()
    page.wait_for_url(f"**/sources/guardian-checkpoint-clash/#{quote_id}")
    landing = page.evaluate(LANDING, quote_id)
    assert_landed(landing)
    assert page.evaluate("id => document.getElementById(id).tagName", quote_id) == "MARK"
    page.close()


def test_event_page_links_to_its_entry_in_a_paged_timeline(browser: Any, paged_server: str) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 700})
    page.goto(paged_server + "timeline/")
    year_page = page.locator("nav.tl-periods a").nth(3)
    year_page.click()
    event_link = page.locator("li.tl-event a").nth(20)
    event_id = event_link.evaluate("a => a.closest('li').id")
    event_link.click()
    page.locator("a.tl-in-timeline").click()
    page.wait_for_url(f"**/timeline/*/#{event_id}")
    assert_landed(page.evaluate(LANDING, event_id))
    page.close()


def test_a_linked_entry_stays_shown_when_the_filters_in_the_url_leave_it_out(browser: Any, server: str) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 700})
    page.goto(server + f"timeline/?type=statement#{CLASH}")
    assert_landed(page.evaluate(LANDING, CLASH))
    other_clashes = page.eval_on_selector_all(f"li.tl-event[data-type=clash]:not(#{CLASH})",
                                              "items => items.map(item => item.hidden)")
    assert other_clashes and all(other_clashes)  # the filter still holds for everything else
    assert "the linked event" in page.locator(".tl-filter-status").inner_text()

    page.locator("summary", has_text="Type").click()
    page.locator("input[name=type][value=meeting]").check()
    page.wait_for_function("() => location.search.includes('type=meeting')")
    assert page.evaluate("location.hash") == f"#{CLASH}"  # changing the filters keeps the anchor

    page.locator("#tl-filters button[type=reset]").click()
    page.wait_for_function("() => !location.search")
    assert "the linked event" not in page.locator(".tl-filter-status").inner_text()
    page.close()


def test_following_an_anchor_to_a_filtered_out_entry_reveals_it(browser: Any, server: str) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 700})
    page.goto(server + "timeline/?type=statement")
    assert page.locator(f"#{CLASH}").is_hidden()
    page.evaluate(f"location.hash = '{CLASH}'")
    page.wait_for_function(f"() => !document.getElementById('{CLASH}').hidden")
    assert_landed(page.evaluate(LANDING, CLASH))
    page.close()


def test_search_finds_an_event_by_a_word_of_one_of_its_quotes(browser: Any, server: str) -> None:
    # "occupied" is in the Defense Department's quote, nowhere else on the event page, nor in any
    # other event's page (actor pages and the article quote it too).
    page = browser.new_page(viewport={"width": 1280, "height": 700})
    page.goto(server)
    page.locator("input.md-search__input").click()
    page.keyboard.type("occupied", delay=30)  # Material searches on key events, as a reader types
    results = page.locator(".md-search-result__item > a")
    results.first.wait_for(timeout=15000)
    top = results.evaluate_all("links => links.slice(0, 3).map(a => a.origin + a.pathname)")
    assert server + f"events/{CLASH}/" in top, top
    page.close()


@pytest.mark.parametrize("screen", sorted(NARROW))
def test_narrow_screens_and_200_percent_zoom_never_scroll_sideways(browser: Any, server: str,
                                                                 sourced_server: str, screen: str) -> None:
    viewport, scale = NARROW[screen]
    context = browser.new_context(viewport=viewport, device_scale_factor=scale)
    page = context.new_page()
    urls = [server + path for path in PAGES.values()]
    urls += [sourced_server + "sources/guardian-clash/", sourced_server + "events/gleason-statement/"]
    for url in urls:
        page.goto(url)
        widths = page.evaluate("[document.documentElement.scrollWidth, innerWidth]")
        assert widths[0] <= widths[1], (url, widths)
    context.close()


@pytest.mark.parametrize("screen", sorted(NARROW))
def test_the_nav_is_reachable_through_the_drawer(browser: Any, server: str, screen: str) -> None:
    viewport, scale = NARROW[screen]
    context = browser.new_context(viewport=viewport, device_scale_factor=scale)
    page = context.new_page()
    page.goto(server + PAGES["event"])
    assert page.locator(".md-tabs").is_hidden()  # too narrow for tabs: the drawer holds the nav
    page.locator("label.md-header__button[for=__drawer]").click()
    timeline = page.locator(".md-nav--primary a.md-nav__link", has_text="Timeline").first
    # The drawer slides in; wait until the link has arrived fully on screen.
    timeline.evaluate("a => new Promise(done => { const check = () => { const r = a.getBoundingClientRect();"
                      " if (r.width > 0 && r.left >= 0 && r.right <= innerWidth) done(); else setTimeout(check, 50); };"
                      " check(); })")
    timeline.click()
    page.wait_for_url("**/timeline/")
    context.close()


def tab_to(page: Any, selector: str, limit: int = 300) -> dict[str, str]:
    """Press Tab until ``selector`` has the focus; its focus indicator."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return dict(page.evaluate("() => { const s = getComputedStyle(document.activeElement);"
                                      " return {outline: s.outlineStyle, width: s.outlineWidth,"
                                      " shadow: s.boxShadow}; }"))
        page.wait_for_timeout(0)
    raise AssertionError(f"Tab never reached {selector}")


def shows_focus(style: dict[str, str]) -> bool:
    return (style["outline"] != "none" and style["width"] != "0px") or style["shadow"] != "none"


def test_keyboard_focus_is_visible_on_filters_and_timeline_entries(browser: Any, server: str) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 700})
    page.goto(server + "timeline/")
    assert shows_focus(tab_to(page, "#tl-filters summary"))
    page.keyboard.press("Enter")  # opens the group, so its checkboxes take the focus
    assert shows_focus(tab_to(page, "#tl-filters input[type=checkbox]"))
    assert shows_focus(tab_to(page, "li.tl-event a"))
    page.close()


PRINT_HIDDEN = [".md-header", ".md-tabs", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-search",
                ".md-footer", ".md-top", ".md-skip", ".tl-filters", ".headerlink"]


@pytest.mark.parametrize("kind", ["timeline", "event"])
def test_print_shows_the_content_without_the_site_chrome(browser: Any, server: str, kind: str) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 700})
    page.goto(server + PAGES[kind])
    page.emulate_media(media="print")
    shown = page.evaluate("selectors => selectors.filter(s => [...document.querySelectorAll(s)]"
                          ".some(e => e.getClientRects().length > 0))", PRINT_HIDDEN)
    assert shown == []
    assert page.locator("article.md-content__inner").is_visible()
    assert page.locator("h1").first.is_visible()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
    page.close()


def after_content(page: Any, selector: str) -> str:
    return str(page.eval_on_selector(selector, "a => getComputedStyle(a, '::after').content"))


def test_print_shows_the_address_of_every_external_link_once(browser: Any, sourced_server: str) -> None:
    page = browser.new_page()
    page.goto(sourced_server + "events/gleason-statement/")
    original = page.locator("ul.tl-sources a.tl-original")
    assert original.get_attribute("href") == ORIGINAL_URL  # the event cites where its source appeared
    assert after_content(page, "a.tl-original") == "none"  # on screen, just the link
    page.emulate_media(media="print")
    assert after_content(page, "a.tl-original") == f'" ({ORIGINAL_URL})"'
    assert after_content(page, ".md-typeset a[href^='https://www.example.org/report']") == (
        '" (https://www.example.org/report)"')  # a link in the commentary too
    assert after_content(page, "ul.tl-sources a:not(.tl-original)") == "none"  # internal links stay bare

    page.goto(sourced_server + "sources/guardian-clash/")
    page.emulate_media(media="print")
    assert page.locator("a.tl-url").inner_text() == ORIGINAL_URL
    assert after_content(page, "a.tl-url") == "none"  # its text is the address already: not twice
    page.close()


SHOTS = {
    "home": (PAGES["home"], {"width": 1280, "height": 800}),  # the front page
    "timeline": (PAGES["timeline"], {"width": 1280, "height": 800}),  # the overview, the filter bar, the first events
    "actor": (PAGES["actor"], {"width": 1280, "height": 800}),
    "event": (PAGES["event"] + "#accounts", {"width": 1280, "height": 800}),  # accounts side by side
    "mobile": (PAGES["event"], {"width": 360, "height": 740}),
    "places": ("places/", {"width": 1280, "height": 800}),  # the offline map of every place
    "relations": ("relations/", {"width": 1280, "height": 800}),  # who backs or opposes whom, over time
}


@pytest.mark.parametrize("name", sorted(SHOTS))
def test_screenshots_for_the_readme(browser: Any, server: str, name: str) -> None:
    path, viewport = SHOTS[name]
    context = browser.new_context(viewport=viewport, device_scale_factor=1, color_scheme="light",
                                  reduced_motion="reduce")
    page = context.new_page()
    page.goto(server + path)
    target = SCREENSHOTS / f"{name}.png"
    target.parent.mkdir(exist_ok=True)
    page.screenshot(path=str(target), animations="disabled", caret="hide")
    context.close()
    data = target.read_bytes()
    assert data.startswith(b"\x89PNG") and 10_000 < len(data) < MAX_SCREENSHOT_BYTES, len(data)
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (viewport["width"], viewport["height"])
