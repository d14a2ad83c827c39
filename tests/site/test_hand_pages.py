"""Pages written by hand (MkDocs' docs_dir, content/pages/) are content too: the build sanitises
their HTML like a Markdown field's, keeps what the site's Markdown extensions make (heading ids,
permalinks, admonitions, footnotes, the theme's buttons), and warns of each removal at its line."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import MINIMAL_MKDOCS, ROOT, run, run_cli, serve, write_tree

EXTENSIONS = "markdown_extensions:\n  - admonition\n  - attr_list\n  - footnotes\n  - toc:\n      permalink: true\n"
GOOD = """# Good

## Part two

!!! warning "Mind"
    Careful here.

[Subscribe](https://example.org/s){ .md-button .md-button--primary } and a note[^1].

```python
x = 1
```

[^1]: The note.
"""
HOSTILE = """# About

A plain paragraph.

<img src=x onerror="window.__xss=1">

[x](javascript:window.__xss=1)

<div class="md-consent"><div class="md-consent__overlay"></div>
<a class="md-button" href="https://evil.example/login">sign in again</a></div>

<script>window.__xss=1</script>

## Styled { .md-dialog .md-dialog--active }
"""
WARNING = "(raw HTML is sanitised; set raw_html: true in the plugin options only for content you trust)"


def _build(tmp_path: Path, options: str = "") -> tuple[Path, str]:
    project = tmp_path / "p"
    config = MINIMAL_MKDOCS.format(theme=ROOT / "theme") + EXTENSIONS
    if options:
        config = config.replace("  - timeline\n", f"  - timeline:\n      {options}\n")
    project.mkdir()
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    write_tree(project, {"content/site.yml": "title: T\n",
                         "content/pages/about.md": HOSTILE, "content/pages/good.md": GOOD,
                         "content/actors/a.md": "---\nname: A\nkind: person\n---\n"})
    mkdocs = shutil.which("mkdocs", path=str(Path(sys.executable).parent)) or "mkdocs"
    result = run([mkdocs, "build", "-d", str(project / "site")], project)
    assert result.returncode == 0, result.stderr
    return project / "site", result.stderr


def _article(path: Path) -> str:
    """The page's content, without the theme's own markup (which has a .md-dialog of its own)."""
    html = path.read_text(encoding="utf-8")
    return html[html.index("<article"):html.index("</article>")]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    return _build(tmp_path_factory.mktemp("pages"))


def test_what_could_run_goes_with_a_warning_at_its_line(built: tuple[Path, str]) -> None:
    site, log = built
    lines = HOSTILE.splitlines()

    def at(fragment: str) -> int:
        return next(number for number, line in enumerate(lines, 1) if fragment in line)

    for line, message in [(at("<img"), "removed onerror attribute of <img>"),
                          (at("javascript:"), "removed javascript: URL"),
                          (at("md-consent"), 'removed class "md-consent" of <div>'),
                          (at("md-consent"), 'removed class "md-consent__overlay" of <div>'),
                          (at("<script>"), "removed <script> element"),
                          (at(".md-dialog"), 'removed class "md-dialog" of <h2>')]:
        assert f"content/pages/about.md:{line}: warning: {message} {WARNING}" in log, log
    page = _article(site / "about" / "index.html")
    for gone in ("onerror", "javascript:", "md-consent", "md-dialog", "window.__xss"):
        assert gone not in page
    assert '<img src="x">' in page and "A plain paragraph." in page
    assert 'class="md-button"' in page  # the theme's button, as its documentation writes it, stays


def test_what_the_sites_extensions_make_stays_and_costs_no_warning(built: tuple[Path, str]) -> None:
    site, log = built
    assert "content/pages/good.md" not in log, log
    page = _article(site / "good" / "index.html")
    for kept in ('<h2 id="part-two">', 'class="headerlink" href="#part-two"', 'class="admonition warning"',
                 'class="admonition-title"', 'class="md-button md-button--primary"', 'class="footnote-ref"',
                 'id="fn:1"', 'class="language-python"'):
        assert kept in page, kept


def test_check_warns_of_the_same_removals_as_the_build(built: tuple[Path, str]) -> None:
    site, log = built
    checked = run_cli(site.parent, "check")
    assert checked.returncode == 0, checked.stderr
    warnings = [line for line in checked.stderr.splitlines() if line.startswith("content/pages/")]
    assert len(warnings) == 7 and all(line in log for line in warnings), checked.stderr
    assert run_cli(site.parent, "check", "--strict").returncode == 1


def test_raw_html_leaves_pages_as_written(tmp_path: Path) -> None:
    site, log = _build(tmp_path, "raw_html: true")
    assert "removed" not in log, log
    page = _article(site / "about" / "index.html")
    assert 'onerror="window.__xss=1"' in page and 'class="md-consent"' in page


@pytest.mark.browser
def test_nothing_from_a_hand_written_page_runs_or_overlays(browser: Any, built: tuple[Path, str]) -> None:
    site, _ = built
    with serve(site) as base:
        page = browser.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(base + "about/", wait_until="load")
        page.wait_for_timeout(100)
        assert page.evaluate("() => typeof window.__xss") == "undefined"
        assert page.locator("article .md-consent, article .md-dialog, article [onerror]").count() == 0
        assert page.locator("article a[href^='javascript:' i]").count() == 0
        page.close()
    assert not dialogs
