"""A tiny content/ tree written to a temp dir, loaded and resolved: what the resolve tests start from."""

from __future__ import annotations

from pathlib import Path

from builder.diagnostics import Diagnostics
from builder.load.records import load_records
from builder.model.site import Site
from builder.resolve.references import resolve
from tests.conftest import write_tree


def actor(name: str, kind: str = "person", more: str = "") -> str:
    return f"---\nname: {name}\nkind: {kind}\n{more}---\n"


def place(name: str, more: str = "") -> str:
    return f"---\nname: {name}\n{more}---\n"


def article(body: str, title: str = "An article", more: str = "") -> str:
    return f"---\ntitle: {title}\npublished: 2020-02-12\n{more}---\n{body}"


def event(date: str = "2020-02-12", title: str = "An event", more: str = "sources: [a]\n") -> str:
    return f"---\ntitle: '{title}'\ndate: {date}\n{more}---\n"


def resolved(tmp_path: Path, files: dict[str, str | bytes], *, validate_only: bool = False) -> tuple[Site, list[str]]:
    """The Site of ``files`` (paths under content/), and every diagnostic as ``path:line: message``."""
    write_tree(tmp_path / "content", {"site.yml": "title: T\n", **files})  # every project has one
    diagnostics = Diagnostics()
    site = resolve(load_records(tmp_path / "content", tmp_path, diagnostics), diagnostics,
                   validate_only=validate_only)
    return site, [d.format() for d in diagnostics]
