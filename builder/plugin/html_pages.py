"""Generated pages reach MkDocs as HTML: a Page that takes its content and TOC as they were made.

MkDocs' own ``Page.render`` builds a Python-Markdown converter with every configured extension and
runs it over the page: for pages the renderer already wrote as HTML, that was most of a build. A
``GeneratedHtmlPage`` gets its HTML, metadata, TOC and anchor ids from the page supply instead
(builder/render/page_output.py makes them the way Python-Markdown would), so every other plugin
and the theme see the same ``page.content``, ``page.meta`` and ``page.toc`` as before.

MkDocs makes the Page objects itself, in ``get_navigation`` (nav entries keep their nav title), so
the plugin turns them into this class in ``on_nav``, before any page is read.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from builder.plugin import search_entries

if TYPE_CHECKING:
    from builder.pipeline import RenderedPage

Supplier = Callable[[str], "RenderedPage"]


class GeneratedHtmlPage(Page):
    """``supplier`` gives the page as made. ``lazy`` (a build): MkDocs reads every page before it
    writes any, so a page made on the second core would be waited for while this core idles, and
    then this core would write them all while the other idles. A lazy page is empty until the theme
    is about to render it (``fill``, from the plugin's ``on_page_context``): both cores work at once."""

    supplier: Supplier
    lazy: bool

    def read_source(self, config: MkDocsConfig) -> None:
        self.markdown = ""
        if self.lazy:
            self.meta = {}
            return
        self._made = self.supplier(self.file.src_uri)
        self.meta = dict(self._made.meta)

    def render(self, config: MkDocsConfig, files: Files) -> None:
        self.links_to_anchors = {}
        self._title_from_render = None
        if self.lazy:
            self.content, self.toc = "", get_toc([])
            return
        made = self._made
        del self._made  # held by MkDocs until the page is written: only what it needs stays
        self._show(made)

    def fill(self) -> None:
        """A lazy page's content, metadata and TOC, just before the theme renders it."""
        self.meta = dict((made := self.supplier(self.file.src_uri)).meta)
        self._show(made)

    def _show(self, made: RenderedPage) -> None:
        self.content = made.text
        self.toc = get_toc(made.toc)  # type: ignore[arg-type]  # the toc extension's token dicts
        self.present_anchor_ids = set(made.anchors)


def adopt(files: Files, src_uris: list[str], config: MkDocsConfig, supplier: Supplier, *, lazy: bool) -> None:
    """Make each generated file's Page a GeneratedHtmlPage (class swapped, so that the nav, which
    already holds the Page objects of its entries, keeps them and their titles)."""
    for src_uri in src_uris:
        file = files.get_file_from_path(src_uri)
        if file is None:
            continue
        page = file.page
        if page is None:
            page = Page(None, file, config)
        page.__class__ = GeneratedHtmlPage
        page.supplier = supplier  # type: ignore[attr-defined]
        page.lazy = lazy  # type: ignore[attr-defined]


def trusted_markdown(config: MkDocsConfig) -> Callable[[str], str]:
    """Markdown fields the ``raw_html`` option trusts, converted as MkDocs converts pages (the site's
    own extensions and their settings), each distinct text once: the same notes recur on many pages,
    and under ``mkdocs serve`` the cache lives from one rebuild to the next."""
    converter = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)

    @functools.lru_cache(maxsize=8192)
    def convert(text: str) -> str:
        converter.reset()
        return converter.convert(text)

    return convert


def toc_options(config: MkDocsConfig) -> dict[str, Any]:
    return dict(config.mdx_configs.get("toc", {}))


@dataclass(frozen=True)
class Finished:
    """A generated page as the page supply hands it over: with its search entries, made beside it."""

    page: RenderedPage
    entries: list[dict[str, Any]] | None


@dataclass(frozen=True)
class Finisher:
    """Runs where the page was rendered (the worker, in a build): its search entries are made there,
    with Material's own code (builder/plugin/search_entries.py), not parsed again in this process."""

    search: Mapping[str, Any] | None
    directory_urls: bool

    def __call__(self, page: RenderedPage, spare: bool = True) -> Finished:
        """``spare``: time to make the search entries too; else Material makes them in the parent."""
        if self.search is None or not spare:
            return Finished(page, None)
        url = File(page.src_uri, None, "", self.directory_urls).url
        url = "" if url in (".", "./") else url
        title = page.meta.get("title", search_entries.PAGE_TITLE)  # else the nav's, known only to MkDocs
        return Finished(page, search_entries.entries(page.text, get_toc(page.toc), url,  # type: ignore[arg-type]
                                                     page.meta, title, self.search))
