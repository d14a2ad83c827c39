"""Content is data, never code: hostile text in every field of every kind, built with the plugin's
default options and loaded page by page in Chromium.

Plain-text fields (names, titles, summaries, dates as written, quotes, the site title …) must show
their payloads as literal text; Markdown fields (descriptions, commentary, notes, the home intro)
keep their formatting and lose whatever could run. Nothing may run, and no element or attribute
written by a payload may exist, on any page, in the search index or in the JSON-LD.
"""

from __future__ import annotations

import html.parser
import json
import re
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import MINIMAL_MKDOCS, ROOT, run, run_cli, serve, write_tree

SCRIPT = "<script>window.__xss=1</script>"
IMG = '"><img src=x onerror="window.__xss=1;alert(1)">'
SVG = '<svg onload="window.__xss=1"><circle r="1"/></svg>'
IFRAME = '<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>'
LINK = "[click me](javascript:window.__xss=1)"
ATTRS = '{: onmouseover="window.__xss=1" }'
CLOSE = "</script><script>window.__xss=1</script>"
HREF = '<a href="javascript:window.__xss=1">js link</a>'
# The theme's own classes: a fake sign-in box over the page, in the theme's styles.
CONSENT = ('<div class="md-consent"><div class="md-consent__overlay"></div><div class="md-consent__inner">'
           '<a class="md-button md-button--primary" href="https://evil.example/login">sign in again</a></div></div>')
DIALOG = '<div class="md-dialog md-dialog--active">Copied! <a href="https://evil.example/">Click here</a></div>'
MARKDOWN_LOOKALIKES = "*bold* `code` &lt;script&gt; _under_ \\escaped"
# A plain-text value carrying every payload at once; each must show as these very characters.
PLAIN = f"Evil {SCRIPT} {IMG} {LINK} {ATTRS} {CLOSE} {MARKDOWN_LOOKALIKES}"
# A Markdown value: raw HTML, hostile links and attribute lists, around formatting that must stay.
MARKDOWN = f"""Kept **strong** text and a [fine link](https://example.org/ok).

{SCRIPT}

{IMG}

{SVG}

{IFRAME}

{LINK} and ![image](javascript:window.__xss=1) and <javascript:window.__xss=1>

{HREF} <form action="https://example.org"><input name=q></form> <object data="x"></object>

<p style="position:fixed;top:0" onclick="window.__xss=1">styled</p>

{CONSENT}

{DIALOG}

## A heading {ATTRS}

A paragraph with attributes
{ATTRS}

[reference]: javascript:window.__xss=1

Done with [reference].
"""


def _front(data: dict[str, Any], body: str = "") -> str:
    return "---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False) + "---\n" + body


def _name(tag: str) -> str:
    return f"{tag} {PLAIN}"


ARTICLE_TEXT = f"""The report names {_name("Actor")} and {_name("Place")} here.

It quotes {SCRIPT} said the speaker, and {IMG} said another.

A citation: {LINK} is the passage.

::: caption
{ATTRS} caption text {CLOSE}
:::

::: heading
A heading {LINK} {ATTRS}
:::
"""

FILES: dict[str, str | bytes] = {
    "content/site.yml": yaml.safe_dump({"title": _name("Site"), "intro": MARKDOWN, "description": PLAIN},
                                       allow_unicode=True),
    "content/actors/evil.md": _front({"name": _name("Actor"), "aliases": [f"Alias {SCRIPT}", f"Alias {IMG}"],
                                      "kind": "person", "title": _name("Title"), "summary": _name("Summary"),
                                      "affiliations": [{"actor": "outlet", "role": _name("Role")}]}, MARKDOWN),
    "content/actors/outlet.md": _front({"name": _name("Publisher"), "kind": "media-outlet",
                                        "summary": PLAIN}, MARKDOWN),
    "content/places/evil-place.md": _front({
        "name": _name("Place"), "aliases": [f"Somewhere {SVG}"], "kind": "region",
        "coordinates": {"lat": 36.2, "lon": 37.1, "precision": "region"}}, MARKDOWN),
    "content/places/inner.md": _front({
        "name": f"Inner {ATTRS}", "within": "evil-place", "kind": "town",
        "coordinates": {"lat": 36.3, "lon": 37.2, "precision": "settlement"}}),
    "content/articles/report.md": _front({"title": _name("Article"), "publisher": "outlet", "authors": ["evil"],
                                          "published": "2020-02-12", "url": "https://example.org/report",
                                          "archive_url": "https://web.archive.org/report", "note": MARKDOWN},
                                         ARTICLE_TEXT),
    "content/events/evil-event.md": _front({
        "title": _name("Event"), "date": "2020-02-12", "date_text": _name("on Wednesday"),
        "date_note": _name("Note"), "type": "clash", "tags": ["hostile"],
        "places": ["inner"], "actors": [{"actor": "evil", "role": "attacker"}, {"actor": "outlet"}],
        "sources": ["report"],
        "quotes": [{"by": "evil", "article": "report", "text": SCRIPT, "note": _name("Quote note")},
                   {"by": "outlet", "article": "report", "text": IMG}],
    }, MARKDOWN),
    "content/events/second-event.md": _front({
        "title": f"Second {ATTRS}", "date": "2020-02-13", "places": ["evil-place"], "actors": ["evil"],
        "part_of": "evil-event", "related": ["evil-event"], "sources": ["report"],
    }),
    "content/events/listed.yml": yaml.safe_dump([{
        "id": "listed-event", "title": _name("Listed"), "date": "2020-02", "sources": ["report"],
        "actors": ["evil"], "commentary": MARKDOWN,
    }], allow_unicode=True),
    "content/relations/hostile.yml": yaml.safe_dump([{
        "id": "evil-backs-outlet", "subject": "evil", "type": "backs", "object": "outlet", "date": "2020-02",
        "date_text": _name("Relation date"), "places": ["evil-place"], "note": MARKDOWN,
        "sources": [{"article": "report", "text": LINK}],
    }], allow_unicode=True),
    # (A relative image stays on a page written by hand: a handler on one named x.png must go.)
    "content/pages/about.md": "# About\n\nA page written by hand is sanitised too.\n\n"
                              + MARKDOWN.replace(IMG, '<img src="x.png" onerror="window.__xss=1">'),
}

# What a payload would leave behind if it became markup.
# (Inside a sanitised Markdown field an image with a relative address is allowed: only its handler goes.)
INJECTED = ("img[src='x']:not(.tl-prose img, .tl-note img), [onerror], [onload], [onmouseover], [onclick], "
            "[srcdoc], iframe, object, embed, form:not(.md-search__form):not(.tl-filters), [style*='position'], "
            "a[href^='javascript:' i], img[src^='javascript:' i], article .md-consent, article .md-dialog, "
            ".tl-prose .md-button, .tl-note .md-button")
SCRIPTS = """() => [...document.scripts].filter(s => {
  if (s.type === 'application/ld+json' || s.type === 'application/json') return false;
  if (s.src) return !new URL(s.src).pathname.includes('/assets/');
  return /__xss|alert/.test(s.textContent);
}).map(s => s.outerHTML.slice(0, 120))"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("hostile")
    (project / "mkdocs.yml").write_text(
        MINIMAL_MKDOCS.format(theme=ROOT / "theme") + "markdown_extensions:\n  - attr_list\n  - toc:\n"
        "      permalink: true\n  - admonition\n", encoding="utf-8")
    write_tree(project, FILES)
    site = project / "site"
    # Without --strict: every removal by the sanitiser is a warning, and --strict makes warnings fail.
    mkdocs = shutil.which("mkdocs", path=str(Path(sys.executable).parent)) or "mkdocs"
    result = run([mkdocs, "build", "-d", str(site)], project)
    assert result.returncode == 0, result.stderr
    return site


def _pages(site: Path) -> list[str]:
    return sorted(str(path.relative_to(site).parent) + "/" for path in site.rglob("index.html")
                  if path.parent != site / "search")


def test_every_generated_kind_of_page_is_built(hostile_site: Path) -> None:
    pages = _pages(hostile_site)
    for expected in ("./", "actors/evil/", "places/evil-place/", "events/evil-event/", "events/listed-event/",
                     "sources/report/", "relations/", "timeline/"):
        assert expected in pages
    assert len(pages) >= 15


def test_check_warns_at_the_line_of_each_field(tmp_path: Path) -> None:
    project = tmp_path / "p"
    (project / "content" / "pages").mkdir(parents=True)
    (project / "mkdocs.yml").write_text(MINIMAL_MKDOCS.format(theme=ROOT / "theme"), encoding="utf-8")
    write_tree(project, FILES)
    result = run_cli(project, "check")
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines() + result.stderr.splitlines()
    body = 1 + FILES["content/actors/evil.md"].split("\n---\n", 1)[0].count("\n") + 2  # type: ignore[union-attr]
    script_line = body + MARKDOWN.splitlines().index(SCRIPT)
    assert (f"content/actors/evil.md:{script_line}: warning: description: removed <script> element "
            "(raw HTML is sanitised; set raw_html: true in the plugin options only for content you trust)"
            ) in lines, "\n".join(lines)
    for path in ("content/site.yml", "content/places/evil-place.md", "content/articles/report.md",
                 "content/events/evil-event.md", "content/events/listed.yml", "content/relations/hostile.yml"):
        assert any(line.startswith(path + ":") and "removed <script> element" in line for line in lines), path
    assert any("removed javascript: URL" in line for line in lines), lines
    assert any("removed onmouseover attribute" in line for line in lines), lines
    assert any('removed class "md-consent" of <div>' in line for line in lines), lines


@pytest.mark.browser
def test_no_page_runs_or_grows_anything_from_content(browser: Any, hostile_site: Path) -> None:
    problems: list[str] = []
    with serve(hostile_site) as base:
        context = browser.new_context()
        page = context.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        for path in _pages(hostile_site):
            page.goto(base + path, wait_until="load")
            page.wait_for_timeout(50)
            where = path
            if page.evaluate("() => typeof window.__xss !== 'undefined' || typeof parent.__xss !== 'undefined'"):
                problems.append(f"{where}: window.__xss was set")
            found = page.evaluate(f"() => [...document.querySelectorAll({INJECTED!r})]"
                                  ".map(e => e.outerHTML.slice(0, 120))")
            problems += [f"{where}: injected element {html}" for html in found]
            in_frames = page.evaluate("() => document.querySelectorAll('iframe, frame').length")
            if in_frames:
                problems.append(f"{where}: {in_frames} frame(s)")
            problems += [f"{where}: foreign script {html}" for html in page.evaluate(SCRIPTS)]
            for raw in page.evaluate("() => [...document.querySelectorAll('script[type=\"application/ld+json\"]')]"
                                     ".map(s => s.textContent)"):
                json.loads(raw)  # the payload's </script> did not cut the JSON short
        context.close()
    problems += [f"dialog: {message}" for message in dialogs]
    assert not problems, "\n".join(problems)


@pytest.mark.browser
def test_plain_text_payloads_show_as_literal_text(browser: Any, hostile_site: Path) -> None:
    with serve(hostile_site) as base:
        page = browser.new_page()
        page.goto(base + "actors/evil/")
        assert _name("Actor") in page.title()
        assert page.locator(".md-header__topic").last.inner_text().strip() == _name("Actor")
        text = page.locator("article").inner_text()
        for value in (_name("Actor"), _name("Summary"), _name("Title"), f"Alias {SCRIPT}", _name("Role")):
            assert value in text, value
        ld = json.loads(page.locator("script[type='application/ld+json']").text_content() or "{}")
        assert ld["name"] == _name("Actor")
        assert page.locator("meta[property='og:title']").get_attribute("content") == _name("Actor")
        page.goto(base + "events/evil-event/")
        text = page.locator("article").inner_text()
        for value in (_name("Event"), _name("on Wednesday"), _name("Note"), _name("Quote note"), SCRIPT, IMG):
            assert value in text, value
        # Markdown fields keep their formatting, lose what could run
        assert page.locator("article .tl-prose strong", has_text="strong").count() == 1
        assert page.locator("article .tl-prose a[href='https://example.org/ok']").count() == 1
        page.goto(base + "places/evil-place/")
        heading = page.locator("h2", has_text="Events in places within").inner_text()
        assert _name("Place") in heading
        page.goto(base)
        assert _name("Site") in page.title()
        page.close()


def _markup(text: str) -> Iterator[tuple[str, list[tuple[str, str | None]]]]:
    found: list[tuple[str, list[tuple[str, str | None]]]] = []

    class Parser(html.parser.HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found.append((tag, attrs))

    parser = Parser()
    parser.feed(text)
    parser.close()
    return iter(found)


def test_search_index_holds_no_live_markup_from_content(hostile_site: Path) -> None:
    index = json.loads((hostile_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    problems = []
    for doc in index["docs"]:
        for key in ("title", "text"):
            for tag, attrs in _markup(doc.get(key, "")):
                if tag in {"script", "img", "svg", "iframe", "object", "embed", "form", "a"}:
                    problems.append(f"{doc['location']} {key}: <{tag}>")
                problems += [f"{doc['location']} {key}: {name}=" for name, _ in attrs
                             if name.startswith("on") or name in {"style", "srcdoc", "href", "src"}]
    assert not problems, "\n".join(problems[:20])
    titles = " ".join(doc["title"] for doc in index["docs"])
    assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in titles


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JavaScript:alert(1)", "java\tscript:alert(1)",
                                 " javascript:alert(1)", "data:text/html,<script>alert(1)</script>",
                                 "vbscript:msgbox(1)", "//evil.example/x", "/relative/path", "example.org",
                                 "https://exa mple.org/", "http:/one-slash.org", "mailto:someone@example.org"])
def test_a_url_that_is_not_http_is_an_error_at_its_line(tmp_path: Path, url: str) -> None:
    project = tmp_path / "p"
    (project / "content" / "pages").mkdir(parents=True)
    (project / "mkdocs.yml").write_text(MINIMAL_MKDOCS.format(theme=ROOT / "theme"), encoding="utf-8")
    files = {key: value for key, value in FILES.items() if not key.startswith("content/site")}
    files["content/articles/report.md"] = _front({"title": "A report", "published": "2020-02-12",
                                                  "archive_url": url}, ARTICLE_TEXT)
    write_tree(project, files)
    result = run_cli(project, "check")
    assert result.returncode == 1
    assert re.search(r"^content/articles/report\.md:4: archive_url: .* only http:// and https:// addresses",
                     result.stdout + result.stderr, re.M), result.stdout + result.stderr


def test_raw_html_option_trusts_markdown_fields_and_says_nothing(tmp_path: Path) -> None:
    """``raw_html: true`` (content you trust): fields reach the page as written, and check is quiet."""
    project = tmp_path / "p"
    (project / "content" / "pages").mkdir(parents=True)
    config = MINIMAL_MKDOCS.format(theme=ROOT / "theme").replace("  - timeline\n",
                                                                  "  - timeline:\n      raw_html: true\n")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    write_tree(project, {
        "content/site.yml": "title: T\n",
        "content/actors/trusted.md": _front({"name": "Trusted", "kind": "person"},
                                            '<b class="x" onclick="void 0">trusted markup</b>\n'),
    })
    checked = run_cli(project, "check")
    assert checked.returncode == 0 and "removed" not in checked.stderr, checked.stderr
    mkdocs = shutil.which("mkdocs", path=str(Path(sys.executable).parent)) or "mkdocs"
    built = run([mkdocs, "build", "--strict", "-d", str(project / "site")], project)
    assert built.returncode == 0, built.stderr
    page = (project / "site" / "actors" / "trusted" / "index.html").read_text(encoding="utf-8")
    assert '<b class="x" onclick="void 0">trusted markup</b>' in page
