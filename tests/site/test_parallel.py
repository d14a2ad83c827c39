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


def test_generated_pages_are_let_go_once_written(tmp_path: Path) -> None:
    """MkDocs converts every page before writing any; the plugin keeps generated pages out of memory
    meanwhile and empties them once written, so a big site's pages are not all in memory at once."""
    from mkdocs.commands.build import build as mkdocs_build_in_process
    from mkdocs.config import load_config
    from mkdocs.plugins import BasePlugin
    from mkdocs.structure.files import Files

    class Capture(BasePlugin):  # type: ignore[type-arg]
        files: Files | None = None

        def on_files(self, files: Files, *, config: object) -> Files:
            Capture.files = files
            return files

    project = tmp_path / "p"
    shutil.copytree(ROOT / "content", project / "content")
    (project / "mkdocs.yml").write_text(MINIMAL_MKDOCS.format(theme=ROOT / "theme"), encoding="utf-8")
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"))
    config.plugins["capture"] = Capture()
    config.plugins.on_startup(command="build", dirty=False)
    mkdocs_build_in_process(config)
    plugin = config.plugins["timeline"]
    assert len(plugin.waiting) == 0
    assert Capture.files is not None
    pages = {file.src_uri: file.page for file in Capture.files.documentation_pages()}
    generated = [pages[uri] for uri in plugin.pages]
    assert len(generated) > 100 and all(page.content == "" and page.markdown == "" for page in generated)
    assert pages["about.md"].content  # written by hand: left alone
    event = (project / "site/events/qamishli-checkpoint-clash/index.html").read_text(encoding="utf-8")
    assert "<h1>US convoy in deadly clash" in event and "Khirbet Ammu" in event  # restored before writing
