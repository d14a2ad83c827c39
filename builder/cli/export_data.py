"""``python -m builder export-data DIR [--site-url URL]``: the open-data files a build puts under
``data/`` (see builder/render/opendata/), without building the site. ``DIR`` is replaced as a whole,
and only once every file is written; it must be new, empty or an earlier export-data."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from builder.cli.export import export_refusal
from builder.cli.report import report
from builder.pipeline import build_site, url_problem, write_data
from builder.runtime.atomic import StagedDir, failure
from builder.runtime.terminal import printable
from builder.settings import ProjectSettings

MARK = ".timeline-data"
MARK_TEXT = "Written by 'python -m builder export-data'; the next export-data replaces this whole folder.\n"


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> argparse.ArgumentParser:
    parser = commands.add_parser("export-data", help="write the open-data files (data/ of a build) to DIR")
    parser.add_argument("dir", type=Path, help="output directory (replaced as a whole)")
    parser.add_argument("--site-url", default="", help="the site's published address: page URLs in the files "
                                                       "are absolute under it (default: relative to the site root)")
    return parser


def run(settings: ProjectSettings, out: Path, site_url: str, strict: bool) -> int:
    if site_url and url_problem(site_url):
        print(f"export-data: --site-url {printable(site_url)}: give the site's http(s) address, e.g. "
              "https://example.org/timeline/", file=sys.stderr)
        return 2
    if problem := export_refusal(settings, out, MARK, "export-data"):
        print(f"export-data: {printable(problem)}", file=sys.stderr)
        return 2
    result = build_site(settings.content_dir, root=settings.root, freeze=True, raw_html=settings.raw_html,
                        docs_dir=settings.docs_dir)
    if report(result.diagnostics, strict):
        return 1
    try:
        with StagedDir(out.resolve()) as staged:
            written = write_data(result.site, staged.path, directory_urls=settings.directory_urls, site_url=site_url)
            (staged.path / MARK).write_text(MARK_TEXT, encoding="utf-8")
            staged.commit()
    except OSError as exc:
        print(f"export-data: {printable(str(failure(exc, out)))}", file=sys.stderr)
        return 1
    total = sum(size for _, size in written)
    print(f"wrote {len(written)} files ({total / 1024:.0f} KiB) to {out}")
    return 0
