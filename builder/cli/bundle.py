"""``python -m builder bundle --out FILE.zip``: the site built for offline use, as one archive."""

from __future__ import annotations

import sys
from pathlib import Path

from builder.cli.report import report
from builder.pipeline import build_site
from builder.runtime.progress import reporter
from builder.runtime.terminal import printable
from builder.settings import ProjectSettings


def run(settings: ProjectSettings, config_file: Path, out: Path, strict: bool) -> int:
    """Validate first (same report as check), then build the offline archive."""
    progress = reporter()  # on a terminal: the files read n/N, the build, the files zipped n/N
    with progress:  # the line is cleared before the report
        result = build_site(settings.content_dir, root=settings.root, raw_html=settings.raw_html,
                            docs_dir=settings.docs_dir, progress=progress)
    if report(result.diagnostics, strict):
        return 1
    if out.is_dir():
        print(f"bundle: {printable(str(out))} is a folder: give the archive's file name, e.g. timeline.zip",
              file=sys.stderr)
        return 2
    from builder.plugin.bundle import BundleError, build_bundle  # MkDocs and Material: not needed to check

    try:
        with progress:
            size = build_bundle(config_file, out, progress)
    except BundleError as exc:
        print(f"bundle: {printable(str(exc))}", file=sys.stderr)
        return 1
    print(f"wrote {out} ({size / 1024:.0f} KiB): unzip it and open {out.stem}/index.html")
    return 0
