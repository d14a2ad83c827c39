"""``mkdocs serve`` rebuilds only what an edit changed.

MkDocs rebuilds the whole site after every save. The plugin instance lives from one build to the
next (MkDocs keeps plugins that have ``on_startup``), so it remembers, per generated page, the
digest of what it made, what the page depends on, its metadata, anchors and search entries. On
the next build:

1. the content is loaded and resolved again (an edit can change any cross-reference);
2. only the pages the edit can change are rendered (builder/render/incremental.py);
3. a page whose output is what it was is not built by the theme: it gets the empty
   ``timeline-unchanged.html`` template, so MkDocs writes nothing for it; the build writes into the
   folder being served (not a staging folder: linking or deleting 21,000 page folders takes longer
   than the rebuild), so its file from the last build stays; its search entries are the last ones.

Everything is built again, as without this module, when the last build is not comparable: the
first build, a changed ``mkdocs.yml``, hand-written page, template or theme file, or a different
set of pages.
"""

from __future__ import annotations

import hashlib
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
import jinja2.bccache
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from builder.pipeline import Fingerprints, PageRecord, bare_page, page_fingerprints, pages_to_render
from builder.plugin.theme import THEME

if TYPE_CHECKING:
    from builder.pipeline import RenderedPage

UNCHANGED = "timeline-unchanged.html"  # in theme/: renders nothing, so MkDocs writes nothing
TEMPLATES = Path(__file__).parent.parent / "render" / "templates"


@dataclass
class Remembered:
    record: PageRecord
    meta: dict[str, Any]
    anchors: frozenset[str]
    entries: list[dict[str, Any]] | None = None  # its search entries, once the search index took them


def _environment(config: MkDocsConfig, files: Files, generated: set[str]) -> str:
    """What every page's output depends on besides the content: the configuration, the hand-written
    pages (the nav shows their titles), the templates and the theme."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(Path(config.config_file_path).read_bytes() if config.config_file_path else b"")
    stamps = [(file.src_uri, os.stat(file.abs_src_path).st_mtime_ns) for file in files
              if file.abs_src_path and file.src_uri not in generated and os.path.exists(file.abs_src_path)]
    for folder in (TEMPLATES, THEME):
        stamps += [(str(path), path.stat().st_mtime_ns) for path in sorted(folder.rglob("*")) if path.is_file()]
    digest.update(repr(sorted(stamps)).encode())
    return digest.hexdigest()


@dataclass
class Incremental:
    pages: dict[str, Remembered] = field(default_factory=dict)
    fingerprints: Fingerprints | None = None
    environment: str = ""
    published: Path | None = None  # the last build's site, complete
    # This build's:
    selected: set[str] | None = None  # pages to render; None: all
    comparable: bool = False
    next_pages: dict[str, Remembered] = field(default_factory=dict)
    next_fingerprints: Fingerprints | None = None
    next_environment: str = ""
    unchanged: set[str] = field(default_factory=set)
    why: str = "the first build"  # why this build is not incremental, when it is not

    def plan(self, site: Any, src_uris: list[str]) -> None:
        """Before MkDocs reads the files: which pages to render."""
        self.next_fingerprints = page_fingerprints(site)
        self.next_pages, self.unchanged = {}, set()
        self.selected = None
        if self.fingerprints is None:
            self.why = "the first build, or the last one failed"
        elif set(src_uris) != self.pages.keys():
            self.why = "pages were added or removed"
        else:
            records = {src_uri: remembered.record for src_uri, remembered in self.pages.items()}
            self.selected = pages_to_render(site, self.next_fingerprints, self.fingerprints, records)
            if self.selected is None:
                self.why = "a place, relation, story, site.yml or an event's date changed"

    def in_place(self, site_dir: str) -> bool:
        """Whether this build may write into the last one's folder (it is the one being served)."""
        return self.published is not None and self.published.is_dir() and \
            self.published == Path(os.path.realpath(site_dir))

    def decide(self, config: MkDocsConfig, files: Files, generated: set[str], *, in_place: bool) -> bool:
        """In ``on_files`` of every preview build: whether the last build can stand in for the pages
        this one leaves unchanged (then this build writes only the changed pages, ``in_place``: into
        the last one's folder, which holds them)."""
        self.next_environment = _environment(config, files, generated)
        self.comparable = (in_place and self.selected is not None and self.next_environment == self.environment
                           and self.published is not None and self.published.is_dir())
        if self.selected is not None and not self.comparable:
            self.why = ("mkdocs.yml, a page in docs_dir, a template or the theme changed"
                        if self.next_environment != self.environment else "the last site is not there to build on")
        if not self.comparable:
            self.selected = None
            return False
        # The 404 page and the sitemap show the nav and the pages, which are as they were.
        config.theme.static_templates.difference_update({"404.html", "sitemap.xml"})
        return True

    def needs_render(self, src_uri: str) -> bool:
        return self.selected is None or src_uri in self.selected

    def stand_in(self, src_uri: str) -> RenderedPage | None:
        """The page as the last build left it, when this build need not render it."""
        if not self.comparable or self.needs_render(src_uri):
            return None
        return self._unchanged(src_uri)

    def _unchanged(self, src_uri: str) -> RenderedPage:
        remembered = self.pages[src_uri]
        self.next_pages[src_uri] = remembered
        self.unchanged.add(src_uri)
        return bare_page(src_uri, {**remembered.meta, "template": UNCHANGED}, remembered.anchors)

    def rendered(self, page: RenderedPage, owner: str) -> RenderedPage:
        """A page just rendered: remembered, and replaced by a stand-in when its output is the same."""
        assert self.next_fingerprints is not None
        digest = page.digest()
        previous = self.pages.get(page.src_uri)
        if self.comparable and previous is not None and previous.record.digest == digest:
            return self._unchanged(page.src_uri)
        owned = self.next_fingerprints.entities.get(owner)
        depends = page.linked | owned.refs if owned is not None else page.linked
        self.next_pages[page.src_uri] = Remembered(PageRecord(digest, owner, depends), page.meta, page.anchors)
        return page

    def entries(self, src_uri: str) -> list[dict[str, Any]] | None:
        """An unchanged page's search entries, as the last build indexed them."""
        if src_uri in self.unchanged:
            return self.pages[src_uri].entries
        return None

    def indexed(self, src_uri: str, entries: list[dict[str, Any]]) -> None:
        if (remembered := self.next_pages.get(src_uri)) is not None:
            remembered.entries = entries

    def summary(self) -> str:
        total = len(self.next_pages)
        if not self.comparable:
            return f"all {total} generated pages built ({self.why})"
        rendered = total if self.selected is None else len(self.selected)
        return (f"{rendered} of {total} generated pages rendered again, "
                f"{total - len(self.unchanged)} changed and built")

    def commit(self, published: Path) -> None:
        """The build was published: it is what the next one compares with."""
        self.pages, self.fingerprints = self.next_pages, self.next_fingerprints
        self.environment, self.published = self.next_environment, published
        self.next_pages = {}

    def forget(self) -> None:
        """The build failed: the next one starts from scratch."""
        self.pages, self.fingerprints, self.published = {}, None, None


class TemplateCache(jinja2.BytecodeCache):
    """Compiled theme templates, kept from one build to the next: MkDocs makes a new Jinja
    environment for every build, which compiled Material's templates again each time."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if (code := self.compiled.get(bucket.key)) is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


class SkippedPages(logging.Filter):
    """MkDocs says "Page skipped … Generated empty output" of each unchanged page: not news."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (isinstance(record.msg, str) and record.msg.startswith("Page skipped: "))
