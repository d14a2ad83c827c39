"""Search entries of generated pages, made beside their HTML instead of by re-parsing it.

Material's search plugin indexes a page in ``on_page_context`` by feeding its whole HTML to an
``HTMLParser`` (a fifth of a build's time at S). A generated page's HTML is made in the page worker
(``builder/runtime/page_supply.py``), so the worker can index it there too, on the other core:
``entries`` runs Material's own ``SearchIndex`` and ``Parser`` with the plugin's configuration on
a stand-in for the page, so the entries are Material's by construction, not a copy of its rules.
``install`` then has the search plugin take those entries for the pages that have them and parse
only the others (pages written by hand).

Material also strips ``data-search-*="…"`` attributes from ``page.content`` right after indexing,
with one regex over the whole page. The worker can apply the same regex (``strip_attributes``),
after indexing, so that Material's finds nothing to replace; it still scans the page once.
Our templates only write the valueless ``data-search-exclude``, which that regex never matches.

The entries are right as long as nothing changes ``page.content``, ``page.toc``, ``page.meta`` or
``page.title`` between the worker and Material's ``on_page_context``: a plugin that does must
leave ``ready`` unused for those pages.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from material.plugins.search import plugin as material_search
from material.plugins.search.plugin import SearchIndex, SearchPlugin
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents

Entry = dict[str, Any]

# Material's own, from SearchPlugin.on_page_context.
_ATTRIBUTE = re.compile(r"\s?data-search-\w+=\"[^\"]+\"")

# A title to pass when the page's is not known where the entries are made: the home page's, for
# one, comes from the nav. ``install`` puts ``page.title`` in its place, as Material would have.
PAGE_TITLE = "\x00page title\x00"


@dataclass
class _PageLike:
    """What ``SearchIndex.add_entry_from_context`` reads of a page, and no more."""

    content: str
    toc: TableOfContents
    url: str
    meta: Mapping[str, Any]
    title: str


def entries(content: str, toc: TableOfContents, url: str, meta: Mapping[str, Any], title: str,
            search_config: Mapping[str, Any]) -> list[Entry]:
    """The entries Material's search adds for a page of this HTML, table of contents, URL, front
    matter and title (``page.title`` as MkDocs settles it, or ``PAGE_TITLE``: only the section before
    the first heading with an ``id`` takes it, unless the front matter has a title)."""
    index = SearchIndex(**search_config)
    index.add_entry_from_context(_PageLike(content, toc, url, meta, title))
    found: list[Entry] = index.entries
    return found


def strip_attributes(content: str) -> str:
    """``content`` as Material leaves it after indexing: without ``data-search-*="…"`` attributes."""
    return _ATTRIBUTE.sub("", content)


def _search_plugin(config: MkDocsConfig) -> SearchPlugin | None:
    """The site's one enabled Material search plugin; None without one (MkDocs' own search, none at
    all, or several, whose indexes the entries might not all fit)."""
    found = [plugin for plugin in config.plugins.values()
             if isinstance(plugin, SearchPlugin) and plugin.config.enabled]
    return found[0] if len(found) == 1 else None


def search_config(config: MkDocsConfig) -> dict[str, Any] | None:
    """The Material search plugin's configuration once its ``on_config`` has filled in the language,
    separator, pipeline and fields; a plain copy that pickles, to hand to ``entries`` in a worker."""
    plugin = _search_plugin(config)
    if plugin is None:
        return None
    return copy.deepcopy(dict(plugin.config))


def install(config: MkDocsConfig, ready: Callable[[Page], list[Entry] | None],
            parsed: Callable[[Page, list[Entry]], None] | None = None) -> None:
    """Have the search plugin take ``ready(page)``'s entries instead of parsing the page, and parse
    the pages for which it gives None (their entries go to ``parsed``). The plugin makes a new index in
    each build's ``on_config``, so
    this is called in each build after that (``on_files``, ``on_nav``)."""
    plugin = _search_plugin(config)
    if plugin is None:
        return
    index = plugin.search_index
    parse = index.add_entry_from_context

    def add_entry_from_context(page: Page) -> None:
        found = ready(page)
        if found is None:
            before = len(index.entries)
            parse(page)
            if parsed is not None:  # what Material made of it, for whoever keeps it (a preview)
                parsed(page, index.entries[before:])
            return
        title = str(page.title).strip()
        if material_search.jieba:  # Material segments Chinese in titles when jieba is installed
            title = index._segment_chinese(title)
        index.entries.extend({**entry, "title": title} if entry["title"] == PAGE_TITLE else entry
                             for entry in found)

    index.add_entry_from_context = add_entry_from_context
