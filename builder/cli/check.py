"""``python -m builder check``: validate everything under ``content/`` and report every problem."""

from __future__ import annotations

from pathlib import Path

from builder.cli.report import report
from builder.pipeline import build_site
from builder.plugin.page_check import check_pages
from builder.runtime.progress import reporter
from builder.settings import ProjectSettings


def run(settings: ProjectSettings, strict: bool, config_file: Path) -> int:
    with reporter() as progress:  # on a terminal: the files read n/N, then each stage
        result = build_site(settings.content_dir, root=settings.root, validate_only=True, freeze=True,
                            raw_html=settings.raw_html, docs_dir=settings.docs_dir, progress=progress)
        if not settings.raw_html:  # pages written by hand, cleaned as the build cleans them
            progress.stage("checking the pages written by hand")
            check_pages(config_file, settings.docs_dir, settings.root, result.diagnostics)
    status = report(result.diagnostics, strict)
    if status == 0:
        site = result.site
        print(f"{len(site.articles)} articles, {len(site.actors)} actors, {len(site.places)} places, "
              f"{len(site.events)} events, {len(site.relations)} relations, {len(site.stories)} stories")
    return status
