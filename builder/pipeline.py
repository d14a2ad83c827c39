"""The whole engine-neutral pipeline: content → Site → pages. Adapters call only this module."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from builder.content import load_records
from builder.diagnostics import Diagnostics
from builder.resolve import resolve
from builder.structure.site import Site


@dataclass
class Result:
    site: Site
    diagnostics: Diagnostics


def build_site(content_dir: Path, root: Path | None = None) -> Result:
    """Load and resolve everything under ``content_dir``; paths in diagnostics are relative to
    ``root`` (the project directory)."""
    diagnostics = Diagnostics()
    root = root or content_dir.parent
    records = load_records(content_dir, root, diagnostics)
    site = resolve(records, diagnostics)
    return Result(site, diagnostics)
