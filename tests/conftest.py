"""Shared fixtures: build small real projects in a temp dir from a compact file-tree spec."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import subprocess
import sys
import textwrap
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent

MINIMAL_MKDOCS = """\
site_name: Test timeline
docs_dir: content/pages
theme:
  name: material
  font: false
plugins:
  - search
  - timeline
nav:
  - Home: index.md
  - Timeline: timeline/index.md
  - Actors: actors/index.md
  - Events: events/index.md
  - Places: places/index.md
  - Sources: sources/index.md
validation:
  nav:
    omitted_files: ignore
  links:
    not_found: warn
    anchors: warn
    absolute_links: warn
    unrecognized_links: warn
"""


def write_tree(root: Path, files: dict[str, str | bytes]) -> None:
    for relative, content in files.items():
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(textwrap.dedent(content).lstrip("\n"), encoding="utf-8")


@pytest.fixture
def make_project(tmp_path: Path) -> Callable[[dict[str, str | bytes]], Path]:
    """A project dir with mkdocs.yml and the given content files (paths relative to the project)."""

    def make(files: dict[str, str | bytes]) -> Path:
        project = tmp_path / "project"
        project.mkdir(exist_ok=True)
        (project / "content" / "pages").mkdir(parents=True, exist_ok=True)
        if "mkdocs.yml" not in files:
            (project / "mkdocs.yml").write_text(MINIMAL_MKDOCS.format(theme=ROOT / "theme"), encoding="utf-8")
        if "content/site.yml" not in files:
            files = {"content/site.yml": "title: Test timeline\n", **files}
        write_tree(project, files)
        return project

    return make


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, env=env, timeout=600)


def run_cli(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run([sys.executable, "-m", "builder", *args], project)


def mkdocs_build(project: Path, site_dir: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    mkdocs = shutil.which("mkdocs", path=str(Path(sys.executable).parent)) or "mkdocs"
    return run([mkdocs, "build", "--strict", "-d", str(site_dir), *extra], project)


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed project built once with ``mkdocs build --strict``."""
    site = tmp_path_factory.mktemp("seed") / "site"
    result = mkdocs_build(ROOT, site)
    assert result.returncode == 0, result.stderr
    return site


# One page of each kind in the seed site, for the browser tests (accessibility, reading, screenshots).
SEED_PAGES = {
    "home": "",
    "timeline": "timeline/",
    "actor": "actors/recep-tayyip-erdogan/",
    "event": "events/qamishli-checkpoint-clash/",
    "place": "places/khirbet-ammu/",
    "article": "sources/guardian-checkpoint-clash/",
}

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's Chromium driven by Playwright (never a downloaded browser)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@contextlib.contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve ``directory`` over HTTP on a free loopback port; yields its base URL."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(directory))
    handler.log_message = lambda *args: None  # type: ignore[method-assign]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
