"""The site's title is set in one place, content/site.yml: the home page, the <title> of every page
and the header all say it, whatever mkdocs.yml's site_name says."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from tests.conftest import mkdocs_build

EVENT = "---\ntitle: Bridge reopens\ndate: 2021-03-04\nsources: [a]\n---\n"
ARTICLE = "---\ntitle: A report\npublished: 2021-03-05\n---\nThe bridge reopened.\n"


def _titles(site: Path, page: str) -> tuple[str, str]:
    html = (site / page).read_text(encoding="utf-8")
    title = re.search(r"<title>(.*?)</title>", html, re.S)
    header = re.search(r'<span class="md-ellipsis">\s*(.*?)\s*</span>', html, re.S)
    assert title and header, page
    return title.group(1).strip(), header.group(1).strip()


def test_site_yml_title_is_the_site_name(make_project: Callable[[dict[str, str]], Path], tmp_path: Path) -> None:
    project = make_project({"content/site.yml": "title: Flood of the Ahr valley\n",
                            "content/events/bridge.md": EVENT, "content/articles/a.md": ARTICLE})
    built = mkdocs_build(project, tmp_path / "site")  # mkdocs.yml still says "Test timeline"
    assert built.returncode == 0, built.stderr
    site = tmp_path / "site"
    assert _titles(site, "index.html") == ("Flood of the Ahr valley", "Flood of the Ahr valley")
    title, header = _titles(site, "events/bridge/index.html")
    assert title.endswith("- Flood of the Ahr valley") and header == "Flood of the Ahr valley"
    assert title.count("Flood of the Ahr valley") == 1
    assert "Test timeline" not in (site / "events/bridge/index.html").read_text(encoding="utf-8")


def test_without_a_title_in_site_yml_the_home_page_says_site_name(
        make_project: Callable[[dict[str, str]], Path], tmp_path: Path) -> None:
    project = make_project({"content/site.yml": "description: Floods\n",
                            "content/events/bridge.md": EVENT, "content/articles/a.md": ARTICLE})
    built = mkdocs_build(project, tmp_path / "site")
    assert built.returncode == 0, built.stderr
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<h1 class="tl-home-title">\s*Test timeline\s*</h1>', home)
    assert "Annotated timeline" not in home
