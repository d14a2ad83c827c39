"""``python -m builder bundle --out PATH.zip``: the site as an archive that works from ``file://``.

Built with MkDocs itself (so it is exactly the web site), plus Material's ``offline`` plugin, with
directory URLs off and the search worker's shim served from the bundle instead of a CDN: without
that shim Material silently drops search when the page is opened from disk. Nothing outside the
archive is touched: the normal ``site/`` stays as it was, and the archive appears only when complete
(written beside it and renamed into place: a killed run or a full disk leaves the previous one).
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from material.plugins.offline.plugin import OfflinePlugin
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from builder.runtime.atomic import StagedFile, failure
from builder.runtime.progress import QUIET, Progress

SHIM = "assets/vendor/iframe-worker-shim.js"


class BundleError(Exception):
    pass


def _zip_time() -> tuple[int, int, int, int, int, int]:
    """Entry timestamps: SOURCE_DATE_EPOCH when set, so the same content gives the same archive."""
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "315532800"))  # default: 1 Jan 1980, zip's epoch
    stamp = time.gmtime(max(epoch, 315532800))
    return (stamp.tm_year, stamp.tm_mon, stamp.tm_mday, stamp.tm_hour, stamp.tm_min, stamp.tm_sec)


def _write_zip(site: Path, out: Path, top: str, progress: Progress) -> int:
    stamp = _zip_time()
    with StagedFile(out) as staged:  # a killed or failed run leaves no partial archive behind
        with zipfile.ZipFile(staged.path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
            files = sorted(p for p in site.rglob("*") if p.is_file())
            for file in progress.each(files, f"zipping the site into {out.name}"):
                entry = zipfile.ZipInfo(f"{top}/{file.relative_to(site).as_posix()}", date_time=stamp)
                entry.compress_type = zipfile.ZIP_DEFLATED
                entry.external_attr = 0o644 << 16
                archive.writestr(entry, file.read_bytes())
        size = staged.path.stat().st_size
        staged.commit()
    return size


def build_bundle(config_file: Path, out: Path, progress: Progress = QUIET) -> int:
    """Build the offline site into a temporary directory and zip it to ``out``; returns its size.
    ``progress``: the build's stage and the files zipped n/N, on a terminal."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("%(levelname)s - %(message)s"))
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.addHandler(handler)
    try:
        with tempfile.TemporaryDirectory(prefix="timeline-bundle-") as temp:
            site = Path(temp) / "site"
            try:
                config = load_config(str(config_file), site_dir=str(site), strict=True)
                offline = OfflinePlugin()
                offline.load_config({"enabled": True})
                config.plugins["material/offline"] = offline
                config.extra["polyfills"] = [SHIM]
                config.site_url = None  # no canonical links to a web address the reader may not reach
                progress.stage("building the site with MkDocs")
                build(config)
            except MkDocsException as exc:
                raise BundleError(f"{str(exc).strip() or 'the build failed'}; {out} is unchanged") from None
            except OSError as exc:  # the temporary folder's disk is full
                raise BundleError(str(failure(exc, Path(temp)))) from None
            try:
                return _write_zip(site, out, out.stem, progress)
            except OSError as exc:
                raise BundleError(str(failure(exc, out.parent))) from None
    finally:
        mkdocs_log.removeHandler(handler)
