"""Search entries made from a page's parts: what each part contributes to Material's entries."""

from __future__ import annotations

import pickle
import re
from pathlib import Path
from typing import Any

import pytest
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.toc import AnchorLink, TableOfContents

from builder.plugin.search_entries import entries, search_config, strip_attributes

CONFIG = {"lang": ["en"], "separator": r"[\s\-]+", "pipeline": ["stopWordFilter"], "fields": {}}
HTML = """<h1 id="the-page">The page<a class="headerlink" href="#the-page">¶</a></h1>
<p>Intro &amp; more</p>
<figure data-search-exclude><p>A map</p></figure>
<h2 id="later">Later</h2>
<ul>
<li>one</li>
</ul>
"""


def toc() -> TableOfContents:
    top = AnchorLink("The page", "the-page", 1)
    top.children = [AnchorLink("Later", "later", 2)]
    return TableOfContents([top])


def test_sections_become_entries_linked_through_the_toc() -> None:
    made = entries(HTML, toc(), "events/x/", {}, "Ignored: the page has a heading", CONFIG)
    assert made == [
        {"location": "events/x/", "title": "The page", "text": "<p>Intro &amp; more</p>"},
        {"location": "events/x/#later", "title": "Later", "text": "<ul> <li>one</li> </ul>"},
    ]
    assert pickle.loads(pickle.dumps(made)) == made  # they travel from the page worker


def test_a_section_without_heading_takes_the_front_matter_title_then_the_page_title() -> None:
    content = "<p>Before any heading</p>"
    assert entries(content, TableOfContents([]), "a/", {}, "Page", CONFIG)[0]["title"] == "Page"
    assert entries(content, TableOfContents([]), "a/", {"title": "Meta"}, "Page", CONFIG)[0]["title"] == "Meta"


def test_front_matter_tags_boost_and_exclusion() -> None:
    meta: dict[str, Any] = {"tags": ["Syria", 2020, None], "search": {"boost": 2}}
    made = entries(HTML, toc(), "p/", meta, "P", CONFIG)
    assert [(entry["tags"], entry["boost"]) for entry in made] == [(["Syria", "2020"], 2)] * 2
    assert entries(HTML, toc(), "p/", {"search": {"exclude": True}}, "P", CONFIG) == []


def test_attributes_are_stripped_as_material_strips_them() -> None:
    content = '<div data-search-exclude><p data-search-boost="2" class="x">t</p></div>'
    assert strip_attributes(content) == '<div data-search-exclude><p class="x">t</p></div>'


def config_of(tmp_path: Path, text: str) -> MkDocsConfig:
    (tmp_path / "docs").mkdir(exist_ok=True)
    (tmp_path / "mkdocs.yml").write_text(f"site_name: t\n{text}", encoding="utf-8")
    config = load_config(str(tmp_path / "mkdocs.yml"))
    config.plugins.on_config(config)
    return config


@pytest.mark.parametrize("text", [
    "theme: {name: mkdocs}\nplugins: [search]\n",  # MkDocs' own search: left alone
    "theme: {name: material}\nplugins: []\n",
    "theme: {name: material}\nplugins: [{search: {enabled: false}}]\n",
])
def test_no_config_without_materials_search(tmp_path: Path, text: str) -> None:
    assert search_config(config_of(tmp_path, text)) is None


def test_config_is_the_plugins_after_its_on_config(tmp_path: Path) -> None:
    found = search_config(config_of(tmp_path, "theme: {name: material, language: de}\nplugins: [search]\n"))
    assert found is not None and found["lang"] == ["de"] and found["pipeline"] == ["stopWordFilter"]
    assert found["fields"] == {"title": {"boost": 1e3}, "text": {"boost": 1e0}, "tags": {"boost": 1e6}}
    assert re.fullmatch(found["separator"], " ")
    assert pickle.loads(pickle.dumps(found)) == found
