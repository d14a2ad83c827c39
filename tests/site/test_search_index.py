"""The seed's search index: the same before and after issue 19, and the same whether Material parses
each page or takes entries made beside the page (builder/plugin/search_entries.py)."""

from __future__ import annotations

import difflib
import json
import pickle
from pathlib import Path
from typing import Any

import pytest
from material.plugins.search.plugin import SearchIndex, SearchPlugin
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.pages import Page

from builder.plugin.search_entries import PAGE_TITLE, Entry, entries, install, search_config
from tests.conftest import ROOT

# The seed's index as `mkdocs build` made it at commit 1a4ba67, before issue 19 (indented here).
# Remake it only for a change meant to change what search finds, from that change's build:
# json.dumps(index, indent=1, ensure_ascii=False) of site/search/search_index.json, plus a newline.
FIXTURE = ROOT / "tests" / "fixtures" / "search" / "seed_search_index.json"


def first_difference(expected: list[Entry], built: list[Entry]) -> str | None:
    """The first page section whose entry differs, shown as a diff; entries are keyed by location
    because the order of the index does not change what a search finds."""
    expected_at = {entry["location"]: entry for entry in expected}
    built_at = {entry["location"]: entry for entry in built}
    if len(expected_at) != len(expected) or len(built_at) != len(built):
        return "two entries share a location"
    for location, entry in expected_at.items():
        if location not in built_at:
            return f"{location}: missing from the built index ({json.dumps(entry, ensure_ascii=False)[:300]})"
        if built_at[location] != entry:
            lines = difflib.unified_diff(
                json.dumps(entry, indent=1, ensure_ascii=False).splitlines(),
                json.dumps(built_at[location], indent=1, ensure_ascii=False).splitlines(),
                "before", "built", lineterm="")
            return f"{location}: entry differs\n" + "\n".join(lines)
    extra = [location for location in built_at if location not in expected_at]
    return f"{len(extra)} entries not in the fixture, first {extra[0]}" if extra else None


def test_seed_search_index_is_the_one_built_before(seed_site: Path) -> None:
    before = json.loads(FIXTURE.read_text(encoding="utf-8"))
    built = json.loads((seed_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert built["config"] == before["config"]
    assert len(before["docs"]) > 500
    difference = first_difference(before["docs"], built["docs"])
    if difference is not None:
        pytest.fail(difference, pytrace=False)


def test_first_difference_names_the_entry() -> None:
    entry = {"location": "a/#b", "title": "B", "text": "<p>one</p>"}
    assert first_difference([entry], [entry]) is None
    changed = first_difference([entry], [{**entry, "text": "<p>two</p>"}])
    assert changed is not None and changed.startswith("a/#b: entry differs") and '+ "text": "<p>two</p>"' in changed
    assert "missing" in (first_difference([entry], []) or "")
    assert "not in the fixture" in (first_difference([], [entry]) or "")


def search_plugin(config: MkDocsConfig) -> SearchPlugin:
    [plugin] = [plugin for plugin in config.plugins.values() if isinstance(plugin, SearchPlugin)]
    return plugin


class Probe(BasePlugin):  # type: ignore[type-arg]
    """Around Material's indexing of each page (priority 0), after the timeline plugin has put the
    generated page's HTML back (100): the entries computed apart, and those Material added."""

    def __init__(self) -> None:
        self.computed: dict[str, list[Entry]] = {}
        self.added: dict[str, list[Entry]] = {}
        self.before = 0

    def index(self, config: MkDocsConfig) -> SearchIndex:
        return search_plugin(config).search_index

    @event_priority(50)
    def on_page_context(self, context: Any, /, *, page: Page, config: MkDocsConfig, nav: Any) -> Any:
        found = search_config(config)
        assert found is not None
        self.computed[page.file.src_uri] = entries(
            page.content or "", page.toc, page.url, page.meta, page.title or "", found)
        self.before = len(self.index(config).entries)
        return context

    @event_priority(-50)
    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        self.added[page.file.src_uri] = self.index(config).entries[self.before:]
        return output


def build_seed(site: Path, *plugins: tuple[str, BasePlugin]) -> tuple[MkDocsConfig, dict[str, Any]]:  # type: ignore[type-arg]
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(site))
    for name, plugin in plugins:
        config.plugins[name] = plugin
    config.plugins.on_startup(command="build", dirty=False)
    build(config)
    return config, json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))


def test_entries_are_what_material_adds_for_every_page(tmp_path: Path) -> None:
    probe = Probe()
    config, index = build_seed(tmp_path / "site", ("probe", probe))
    generated = set(config.plugins["timeline"].pages)
    assert len(generated) > 100 and "about.md" in probe.added  # generated pages and hand-written ones
    assert probe.added.keys() == probe.computed.keys() >= generated
    assert sum(len(added) for added in probe.added.values()) == len(index["docs"])
    for src_uri, added in probe.added.items():
        assert probe.computed[src_uri] == added, src_uri


class Ready(BasePlugin):  # type: ignore[type-arg]
    """Entries for the generated pages, as the page worker would send them (pickled), installed
    after the search plugin has made this build's index."""

    def __init__(self) -> None:
        self.taken: list[str] = []
        self.parsed: list[str] = []

    def ready(self, page: Page, config: MkDocsConfig) -> list[Entry] | None:
        if page.file.src_uri not in config.plugins["timeline"].pages:
            self.parsed.append(page.file.src_uri)
            return None
        self.taken.append(page.file.src_uri)
        found = search_config(config)
        assert found is not None
        # The worker does not know the titles MkDocs takes from the nav (the home page's "Home").
        made = entries(page.content or "", page.toc, page.url, page.meta, PAGE_TITLE, found)
        sent: list[Entry] = pickle.loads(pickle.dumps(made))
        return sent

    def on_nav(self, nav: Any, /, *, config: MkDocsConfig, files: Any) -> Any:
        install(config, lambda page: self.ready(page, config))
        return nav


def test_installed_entries_give_the_same_index(tmp_path: Path) -> None:
    _, parsed = build_seed(tmp_path / "parsed")
    ready = Ready()
    config, taken = build_seed(tmp_path / "taken", ("ready", ready))
    assert len(ready.taken) == len(config.plugins["timeline"].pages) > 100
    assert "about.md" in ready.parsed and "index.md" not in ready.parsed  # written by hand: parsed by Material
    assert taken == parsed
    assert first_difference(json.loads(FIXTURE.read_text(encoding="utf-8"))["docs"], taken["docs"]) is None
