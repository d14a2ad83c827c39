"""The whole engine-neutral pipeline: content → Site → pages. Adapters call only this module."""

from __future__ import annotations

import functools
import gc
import os
import shutil
import traceback
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import TYPE_CHECKING

from builder.diagnostics import Diagnostics
from builder.load.fields import url_problem as url_problem  # re-exported: the one http(s) rule, for --site-url
from builder.load.records import ReadCache as ReadCache  # re-exported: serve keeps one
from builder.load.records import Records, load_records
from builder.load.source_files import ContentFiles
from builder.model.site import Site as Site  # re-exported: the plugin holds one between builds
from builder.render.incremental import Fingerprints as Fingerprints  # re-exported: serve remembers builds
from builder.render.incremental import PageRecord as PageRecord
from builder.render.incremental import fingerprints, to_render
from builder.render.sanitize import check_site
from builder.render.sanitize import clean_page as clean_page  # re-exported: the plugin cleans hand-written pages
from builder.resolve.references import resolve
from builder.runtime.collector import without_cycle_collection
from builder.runtime.fork import PARALLEL_FROM, fork_child
from builder.runtime.progress import QUIET, Progress

DATA_DIR = "data"  # the open data's folder in a site (the Data page is its index)

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping
    from typing import Any

    from builder.render.page import GeneratedPage, PendingPage
    from builder.render.page_output import OutputStyle
    from builder.render.page_output import RenderedPage as RenderedPage  # what the plugin receives


@dataclass
class Result:
    site: Site
    diagnostics: Diagnostics


def build_site(content_dir: Path, root: Path | None = None, *, validate_only: bool = False,
               freeze: bool = False, raw_html: bool = False, docs_dir: Path | None = None,
               reads: ReadCache | None = None, progress: Progress = QUIET) -> Result:
    """Load and resolve everything under ``content_dir``; paths in diagnostics are relative to
    ``root`` (the project directory). ``validate_only`` gives the same diagnostics and a Site
    without the mentions of names in articles, which only pages need. ``freeze``: see
    ``without_cycle_collection``. ``raw_html``: trust raw HTML in Markdown fields (the plugin
    option); otherwise each thing sanitising will remove is a warning. ``docs_dir``: MkDocs' own
    pages, published as they are: a link in them (or in content/) out of the project is an error.
    ``reads``: files read by an earlier load, parsed again only when changed (``mkdocs serve``).
    ``progress``: the stages and the files read, on a terminal (builder/runtime/progress.py)."""
    diagnostics = Diagnostics()
    root = root or content_dir.parent
    with without_cycle_collection(freeze):
        listing = ContentFiles(content_dir, root, diagnostics)
        folders = listing.published_folders(docs_dir)
        records = (load_records(content_dir, root, diagnostics, reads, progress) if content_dir in folders
                   else Records())
        listing.report_links_out(folders, docs_dir)
        progress.stage("resolving references")
        site = resolve(records, diagnostics, validate_only=validate_only)
        if not raw_html:
            check_site(site, diagnostics)
    return Result(site, diagnostics)


def site_title(content_dir: Path, root: Path) -> str | None:
    """The title ``content/site.yml`` gives, if it gives one: the one place a site's title is set."""
    from builder.load.records import load_info

    info = load_info(content_dir, root, Diagnostics())  # its problems are reported with the build's
    return info.title if info.title_given else None


def plan_pages(site: Site, *, directory_urls: bool = True, raw_html: bool = False,
               style: OutputStyle | None = None) -> list[PendingPage]:
    """Every generated page of the Site, made when asked (the plugin asks page by page): HTML with
    ``style``, else Markdown files."""
    from builder.render.page_output import MARKDOWN
    from builder.render.pages import plan_site  # Jinja and the templates: not needed to check

    return plan_site(site, directory_urls=directory_urls, raw_html=raw_html, style=style or MARKDOWN)


def html_style(toc_options: Mapping[str, Any], trusted_markdown: Callable[[str], str] | None = None,
               language: str = "en") -> OutputStyle:
    """Pages as HTML, their headings as the ``toc`` extension with ``toc_options`` would make them,
    worded in ``language`` (one of ``interface_language``'s answers)."""
    from builder.render.page_output import HeadingStyle, OutputStyle

    return OutputStyle(HeadingStyle.from_options(toc_options), trusted_markdown, language)


def interface_language(code: str) -> tuple[str, str]:
    """The table the pages are worded from for a ``theme.language`` code, and why not that
    language when there is no table for it ("" when there is)."""
    from builder.render.i18n import DEFAULT, LANGUAGES, supported

    found = supported(code)
    if found is not None:
        return found, ""
    return DEFAULT, (f"theme.language {code!r}: the timeline's pages have no translation for it, so they are in "
                     f"English (translations: {', '.join(LANGUAGES)})")


def interface_words(language: str) -> Callable[..., str]:
    """The translation table of ``language`` as a function (key, **values) → text, for templates
    outside the pages (the theme's, the preview's problems page)."""
    from builder.render.i18n import words_for

    return words_for(language).text


def bare_page(src_uri: str, meta: dict[str, Any], anchors: frozenset[str]) -> RenderedPage:
    """A generated page with no content: a stand-in for one MkDocs need not build again."""
    from builder.render.page_output import RenderedPage

    return RenderedPage(src_uri, "", meta, anchors=anchors)


def page_fingerprints(site: Site) -> Fingerprints:
    """Every entity's fingerprint, to tell what an edit changed (builder/render/incremental.py)."""
    return fingerprints(site)


def pages_to_render(site: Site, now: Fingerprints, before: Fingerprints,
                    pages: Mapping[str, PageRecord]) -> set[str] | None:
    """The pages an edit can change (None: all), from what the last build knew of each page."""
    return to_render(site, now, before, pages)


def render_pages(site: Site, *, directory_urls: bool = True, raw_html: bool = False,
                 language: str = "en") -> list[GeneratedPage]:
    """Every generated page of the Site with its Markdown (for export)."""
    from builder.render.pages import render_site

    return render_site(site, directory_urls=directory_urls, raw_html=raw_html, language=language)


def data_paths() -> list[str]:
    """Where the open-data files go in a site (``data/timeline.json`` …), to keep hand-written files off them."""
    from builder.render.opendata import FILES

    return [f"data/{file.name}" for file in FILES]


def write_data(site: Site, folder: Path, *, directory_urls: bool = True, site_url: str = "") -> list[tuple[str, int]]:
    """The open-data files (builder/render/opendata/) into ``folder``, one at a time; their names and sizes."""
    from builder.render.opendata import DataOptions, data_files

    written = []
    for name, data in data_files(site, DataOptions(directory_urls=directory_urls, site_url=site_url or "")):
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        written.append((name, len(data)))
    return written


@dataclass(frozen=True)
class DataRequest:
    """The open data of a project, to write into ``site_dir/data`` from its content (a preview's,
    by a standing child: builder/runtime/standing.py)."""

    content_dir: Path
    root: Path
    site_dir: Path
    raw_html: bool
    directory_urls: bool
    site_url: str


def write_requested_data(request: DataRequest) -> None:
    result = build_site(request.content_dir, request.root, raw_html=request.raw_html)
    if result.diagnostics.errors:
        return  # the preview shows the problems; there is no data to write
    try:
        DataJob(result.site, request.site_dir, directory_urls=request.directory_urls, site_url=request.site_url,
                parallel=False).finish(request.site_dir)
    except (DataError, OSError) as exc:
        raise DataError(f"the open data of the preview could not be written: {exc}") from None


class DataError(Exception):
    """The open data could not be written (the message says why)."""


def _write_in_child(site: Site, folder: Path, directory_urls: bool, site_url: str, sender: Connection) -> None:
    gc.freeze()  # everything inherited is long-lived: no collection walks (and copies) it again
    os.nice(10)  # MkDocs and the page worker come first
    try:
        write_data(site, folder, directory_urls=directory_urls, site_url=site_url)
    except BaseException:  # the parent fails the build with the last line: the reason
        sender.send(traceback.format_exc().strip().splitlines()[-1])
    finally:
        sender.close()


class DataJob:
    """The open data of a build, written by a forked child while MkDocs builds the pages.

    At M the files take about 8 s to make (the iCalendar library folds lines a character at a
    time); MkDocs uses one core and the page worker little of the other, so a child at low priority
    writes them meanwhile, into a hidden folder of ``site_dir`` that MkDocs neither cleans nor
    copies; ``finish`` moves them into ``data/`` (beside the Data page). Once the child runs, this
    process lets go of the Site, as the page supply does (builder/runtime/page_supply.py): MkDocs'
    collections would walk it all build long. Without ``fork``, with other threads running
    (``mkdocs serve``) or for a small site, ``finish`` writes the files itself.
    """

    HIDDEN = ".timeline-data"

    def __init__(self, site: Site, site_dir: Path, *, directory_urls: bool, site_url: str,
                 parallel: bool = True) -> None:
        self.folder = site_dir / self.HIDDEN
        shutil.rmtree(self.folder, ignore_errors=True)  # left by a build killed in a site_dir built in place
        self.folder.mkdir(parents=True)
        self.site: Site | None = site
        self.options = (directory_urls, site_url)
        self.process: BaseProcess | None = None
        self.receiver: Connection | None = None
        if parallel and len(site.events) >= PARALLEL_FROM:
            # None without fork, with other threads running, or when the fork fails: finish writes them here
            forked = fork_child(functools.partial(_write_in_child, site, self.folder, *self.options))
            if forked:
                (self.process, self.receiver), self.site = forked, None

    def finish(self, site_dir: Path) -> list[str]:
        """Wait for the files, move them into ``data/``; their names. DataError if they could not be made."""
        if self.process is not None and self.receiver is not None:
            try:
                why = str(self.receiver.recv())  # sent only on failure; the end of the pipe otherwise
            except (EOFError, OSError):
                why = ""
            self.process.join()
            if why or self.process.exitcode != 0:
                self.cancel()
                raise DataError(f"the open data could not be written: {why or 'it stopped'}")
            self.receiver.close()
            self.process = self.receiver = None
        elif self.site is not None:
            directory_urls, site_url = self.options
            write_data(self.site, self.folder, directory_urls=directory_urls, site_url=site_url)
            self.site = None
        target = site_dir / DATA_DIR
        target.mkdir(parents=True, exist_ok=True)
        names = sorted(path.name for path in self.folder.iterdir())
        for name in names:
            os.replace(self.folder / name, target / name)
        shutil.rmtree(self.folder, ignore_errors=True)
        return names

    def cancel(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.join()
            self.process = None
        if self.receiver is not None:
            self.receiver.close()
            self.receiver = None
        self.site = None
        shutil.rmtree(self.folder, ignore_errors=True)
