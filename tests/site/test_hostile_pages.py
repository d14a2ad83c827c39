"""Symbolic links out of the project through what MkDocs publishes as it is (the docs_dir, the
hand-written pages) or through ``content/`` itself.

MkDocs copies every file of the docs_dir into the site and follows links to do so: a link to
``/proc/self/environ`` would publish the build machine's environment. Each case is ``BASE`` of
``test_bad_input`` with links added; ``check`` and ``mkdocs build --strict`` run on it as
subprocesses, with a secret in their environment and in a folder outside the project. Each case
asserts the complete list of diagnostics (exact), that both fail, that the site built earlier is
byte-identical afterwards, and that no secret reached it.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import MINIMAL_MKDOCS, ROOT, write_tree
from tests.site.test_bad_input import BASE, snapshot
from tests.site.test_hostile_loading import _run, earlier_site  # noqa: F401 (earlier_site: a fixture)

SECRET = "TOP-SECRET"
ENV = {"TIMELINE_TEST_TOKEN": f"{SECRET}-ENVIRONMENT"}
OUTSIDE = "symbolic link to '{target}', outside the project: not read (copy what it leads to into the project)"
MakeProject = Callable[[dict[str, str | bytes]], Path]
Setup = Callable[[Path, Path], None]  # (project, a folder outside it holding secrets)


@dataclass(frozen=True)
class Case:
    id: str
    links: dict[str, str]  # link (in the project) -> target ("{outside}/…", or relative to the link)
    expected: list[str]  # every diagnostic; "{outside}" stands for the folder outside the project
    files: dict[str, str | bytes] | None = None
    setup: Setup | None = None


def _outside(link: str, target: str) -> str:
    return f"{link}:1: " + OUTSIDE.format(target=target)


def _content_elsewhere(project: Path, outside: Path) -> None:
    """content/ moved out of the project, a link left in its place (with a page holding a secret)."""
    shutil.move(project / "content", outside / "content")
    (outside / "content/pages/secret.md").write_text(f"# {SECRET}-PAGE\n", encoding="utf-8")
    os.symlink(outside / "content", project / "content")


def _pages_elsewhere(project: Path, outside: Path) -> None:
    shutil.move(project / "content/pages", outside / "pages")
    (outside / "pages/secret.md").write_text(f"# {SECRET}-PAGE\n", encoding="utf-8")
    os.symlink(outside / "pages", project / "content/pages")


DOCS_ELSEWHERE = MINIMAL_MKDOCS.format(theme=ROOT / "theme").replace("docs_dir: content/pages", "docs_dir: docs")

CASES = [
    Case("page-link-to-file", {"content/pages/secret.txt": "{outside}/secret.txt"},
         [_outside("content/pages/secret.txt", "{outside}/secret.txt")]),
    Case("page-link-up-and-out", {"content/pages/secret.txt": "../../../outside/secret.txt"},
         [_outside("content/pages/secret.txt", "{outside}/secret.txt")]),
    Case("page-link-to-environment", {"content/pages/env.txt": "/proc/self/environ"},
         [_outside("content/pages/env.txt", "/proc/PID/environ")]),
    Case("page-link-to-folder", {"content/pages/out": "{outside}"}, [_outside("content/pages/out", "{outside}")]),
    Case("page-link-through-the-project", {"content/pages/notes": "../../notes", "notes/secret.txt":
                                           "{outside}/secret.txt"},
         [_outside("content/pages/notes/secret.txt", "{outside}/secret.txt")], files={"notes/readme.txt": "Notes\n"}),
    # MkDocs walks a loop until the system refuses, then fails: a loop is an error too, and the walk ends
    Case("page-link-beside-a-loop", {"content/pages/again": ".", "content/pages/secret.txt": "{outside}/secret.txt"},
         [_outside("content/pages/secret.txt", "{outside}/secret.txt"),
          "content/pages/again:1: symbolic link loop: leads back to 'content/pages', a folder that holds it"]),
    Case("page-link-loop-to-itself", {"content/pages/self.md": "self.md"},
         ["content/pages/self.md:1: symbolic link loop: the link never reaches a file"]),
    # MkDocs fails on a dangling link in the docs_dir, and leaves hidden files out (an editor's lock)
    Case("page-link-dangling", {"content/pages/gone.txt": "nowhere.txt", "content/pages/.#about.md": "nowhere.md",
                                "content/notes/gone.txt": "nowhere.txt"},
         ["content/pages/gone.txt:1: symbolic link to 'nowhere.txt', which does not exist: MkDocs cannot publish "
          "it"]),
    Case("links-elsewhere-in-content", {"content/notes/secret.txt": "{outside}/secret.txt",
                                        "content/actors/secret.txt": "{outside}/secret.txt",
                                        "content/actors/secret.md": "{outside}/secret.md"},
         [_outside("content/notes/secret.txt", "{outside}/secret.txt"),
          _outside("content/actors/secret.txt", "{outside}/secret.txt"),
          _outside("content/actors/secret.md", "{outside}/secret.md")]),  # once, though two walks meet it
    Case("content-is-a-link", {}, [_outside("content", "{outside}/content")], setup=_content_elsewhere),
    Case("pages-folder-is-a-link", {}, [_outside("content/pages", "{outside}/pages")], setup=_pages_elsewhere),
    Case("docs-dir-outside-content", {"docs/secret.txt": "{outside}/secret.txt"},
         [_outside("docs/secret.txt", "{outside}/secret.txt")],
         files={"mkdocs.yml": DOCS_ELSEWHERE, "docs/about.md": "# About\n"}),
]


def _prepare(case: Case, make_project: MakeProject, tmp_path: Path) -> tuple[Path, Path]:
    project = make_project(BASE | (case.files or {}))
    outside = tmp_path / "outside"
    write_tree(outside, {"secret.txt": f"{SECRET}-FILE\n", "secret.md": f"---\nname: {SECRET}\nkind: person\n---\n"})
    if case.setup:
        case.setup(project, outside)
    for link, target in case.links.items():
        (project / link).parent.mkdir(parents=True, exist_ok=True)
        os.symlink(target.replace("{outside}", str(outside)), project / link)
    return project, outside


def _same_process(text: str) -> str:
    """/proc/self is a link to the reading process's own folder: one name for every process."""
    return re.sub(r"/proc/\d+/", "/proc/PID/", text)


def _diagnostics(stderr: str) -> list[str]:
    return sorted(line for line in _same_process(stderr).splitlines() if re.match(r"[\w./-]+:\d+: ", line))


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_links_out_of_the_project(case: Case, make_project: MakeProject, tmp_path: Path,
                                  earlier_site: Path) -> None:  # noqa: F811 (the fixture imported above)
    project, outside = _prepare(case, make_project, tmp_path)
    expected = sorted(line.replace("{outside}", str(outside.resolve())) for line in case.expected)

    check = _run([sys.executable, "-m", "builder", "check"], project, [], ENV)
    assert _diagnostics(check.stderr) == expected, check.stderr
    errors = len(expected)
    assert check.stderr.splitlines()[-1] == f"{errors} error{'s' * (errors != 1)}, 0 warnings", check.stderr
    assert check.returncode == 1

    site = tmp_path / "site"
    shutil.copytree(earlier_site, site)
    before = snapshot(site)
    mkdocs = str(Path(sys.executable).parent / "mkdocs")
    build = _run([mkdocs, "build", "--strict", "-d", str(site)], project, [], ENV)
    assert build.returncode != 0, build.stderr
    for line in expected:
        assert line in _same_process(build.stderr), build.stderr
    assert "nothing was built" in build.stderr, build.stderr
    assert snapshot(site) == before  # so no secret either: the earlier site holds none


def test_bundle_and_export_refuse_a_link_out(make_project: MakeProject, tmp_path: Path) -> None:
    project, outside = _prepare(CASES[0], make_project, tmp_path)
    expected = _outside("content/pages/secret.txt", f"{outside.resolve()}/secret.txt")
    bundle = _run([sys.executable, "-m", "builder", "bundle", "--out", "site.zip"], project, [], ENV)
    assert bundle.returncode == 1 and expected in bundle.stderr.splitlines(), bundle.stderr
    assert not (project / "site.zip").exists()
    export = _run([sys.executable, "-m", "builder", "export", str(tmp_path / "export")], project, [], ENV)
    assert export.returncode == 1 and expected in export.stderr.splitlines(), export.stderr
    assert not (tmp_path / "export").exists()


def test_links_inside_the_project_still_build(make_project: MakeProject, tmp_path: Path) -> None:
    """Pages linked from elsewhere in the project are published as before."""
    project = make_project(BASE | {"shared/linked.md": "# Linked page\n\nShared text.\n"})
    os.symlink("../../shared", project / "content/pages/shared")
    os.symlink("../../shared/linked.md", project / "content/pages/linked.md")
    check = _run([sys.executable, "-m", "builder", "check"], project, [], ENV)
    assert check.returncode == 0 and check.stderr.strip() == "no problems found", check.stderr
    site = tmp_path / "site"
    build = _run([str(Path(sys.executable).parent / "mkdocs"), "build", "-d", str(site)], project, [], ENV)
    assert build.returncode == 0, build.stderr
    assert "Shared text." in (site / "linked/index.html").read_text(encoding="utf-8")
    assert "Shared text." in (site / "shared/linked/index.html").read_text(encoding="utf-8")
