"""Rendering in a worker beside MkDocs gives exactly the site that rendering inline gives."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import MINIMAL_MKDOCS, ROOT, mkdocs_build


def build(tmp_path: Path, name: str, parallel: bool) -> dict[str, bytes]:
    project = tmp_path / name
    shutil.copytree(ROOT / "content", project / "content")
    config = MINIMAL_MKDOCS.format(theme=ROOT / "theme").replace(
        "  - timeline\n", f"  - timeline:\n      parallel: {str(parallel).lower()}\n")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stderr
    site = project / "site"
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_parallel_and_inline_rendering_build_the_same_site(tmp_path: Path) -> None:
    parallel, inline = build(tmp_path, "a", True), build(tmp_path, "b", False)
    assert parallel.keys() == inline.keys() and len(parallel) > 100
    assert [name for name in parallel if parallel[name] != inline[name]] == []
