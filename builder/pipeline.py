"""The whole engine-neutral pipeline: content → Site → pages. Adapters call only this module."""

from __future__ import annotations

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


def write_data(site: Site, folder: Path, *, in_site: bool = False, directory_urls: bool = True,
               site_url: str = "") -> list[tuple[str, int]]:
    """The open-data files (builder/render/opendata/) into ``folder`` (into its data/ folder when
    ``in_site``: a built site's), one at a time; their names and sizes."""
    from builder.render.opendata import DATA_DIR, DataOptions, data_files

    folder = folder / DATA_DIR if in_site else folder
    written = []
    for name, data in data_files(site, DataOptions(directory_urls=directory_urls, site_url=site_url or "")):
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        written.append((name, len(data)))
    return written
