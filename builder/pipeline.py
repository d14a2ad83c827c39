"""The whole engine-neutral pipeline: content → Site → pages. Adapters call only this module."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from builder.diagnostics import Diagnostics
from builder.load.records import Records, load_records
from builder.load.source_files import ContentFiles
from builder.model.site import Site
from builder.render.sanitize import check_site
from builder.render.sanitize import clean_page as clean_page  # re-exported: the plugin cleans hand-written pages
from builder.resolve.references import resolve
from builder.runtime.collector import without_cycle_collection
from builder.runtime.fork import InChild

DATA_DIR = "data"  # the open data's folder in a site (the Data page is its index)

if TYPE_CHECKING:
    from builder.render.page import GeneratedPage, PendingPage


@dataclass
class Result:
    site: Site
    diagnostics: Diagnostics


def build_site(content_dir: Path, root: Path | None = None, *, validate_only: bool = False,
               freeze: bool = False, raw_html: bool = False, docs_dir: Path | None = None) -> Result:
    """Load and resolve everything under ``content_dir``; paths in diagnostics are relative to
    ``root`` (the project directory). ``validate_only`` gives the same diagnostics and a Site
    without the mentions of names in articles, which only pages need. ``freeze``: see
    ``without_cycle_collection``. ``raw_html``: trust raw HTML in Markdown fields (the plugin
    option); otherwise each thing sanitising will remove is a warning. ``docs_dir``: MkDocs' own
    pages, published as they are: a link in them (or in content/) out of the project is an error."""
    diagnostics = Diagnostics()
    root = root or content_dir.parent
    with without_cycle_collection(freeze):
        listing = ContentFiles(content_dir, root, diagnostics)
        folders = listing.published_folders(docs_dir)
        records = load_records(content_dir, root, diagnostics) if content_dir in folders else Records()
        listing.report_links_out(folders, docs_dir)
        site = resolve(records, diagnostics, validate_only=validate_only)
        if not raw_html:
            check_site(site, diagnostics)
    return Result(site, diagnostics)


def plan_pages(site: Site, *, directory_urls: bool = True, raw_html: bool = False) -> list[PendingPage]:
    """Every generated page of the Site, its Markdown made when asked (the plugin asks page by page)."""
    from builder.render.pages import plan_site  # Jinja and the templates: not needed to check

    return plan_site(site, directory_urls=directory_urls, raw_html=raw_html)


def render_pages(site: Site, *, directory_urls: bool = True, raw_html: bool = False) -> list[GeneratedPage]:
    """Every generated page of the Site with its Markdown (for export)."""
    from builder.render.pages import render_site

    return render_site(site, directory_urls=directory_urls, raw_html=raw_html)


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


class DataJob:
    """The open data of a build, written by a forked child while MkDocs builds the pages.

    At M the files take about 8 s to make (the iCalendar library folds lines a character at a
    time); MkDocs uses one core and the page worker little of the other, so a child at low priority
    writes them meanwhile. It writes into a hidden folder of ``site_dir``, which MkDocs does not
    clean, and ``finish`` moves them into ``data/`` (beside the Data page). Without ``fork``, or for
    a small site, or should the child die, ``finish`` writes them itself.
    """

    HIDDEN = ".timeline-data"  # MkDocs neither cleans nor copies a dot-folder

    def __init__(self, site: Site, site_dir: Path, *, directory_urls: bool, site_url: str,
                 parallel: bool = True) -> None:
        self.folder = site_dir / self.HIDDEN
        shutil.rmtree(self.folder, ignore_errors=True)  # left by a build killed in a site_dir built in place
        parent = os.getpid()

        def work() -> list[tuple[str, int]]:
            if os.getpid() != parent:
                os.nice(10)  # MkDocs and the page worker come first
            return write_data(site, self.folder, directory_urls=directory_urls, site_url=site_url)

        self.job: InChild[list[tuple[str, int]]] | None = InChild(work, size=len(site.events) if parallel else 0)

    def finish(self, site_dir: Path) -> list[tuple[str, int]]:
        assert self.job is not None
        written, self.job = self.job.result(), None
        target = site_dir / DATA_DIR
        target.mkdir(parents=True, exist_ok=True)
        for name, _ in written:
            os.replace(self.folder / name, target / name)
        shutil.rmtree(self.folder, ignore_errors=True)
        return written

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.job = None
        shutil.rmtree(self.folder, ignore_errors=True)
