"""Hostile content at the limits: dates the calendar cannot hold, digits that only look like ASCII
ones, ids that would make file names too long or carry a line break, a relation type shaped like
a path, a control character, a cycle thousands long.

Each case is ``BASE`` of ``test_bad_input`` with one change. ``check`` and ``mkdocs build
--strict`` run on it as subprocesses; each case asserts the complete list of diagnostics
(``path:line: message``, exact), the exit codes, no traceback, a time bound, and that the site
built earlier in ``site_dir`` is byte-identical after the failed build. (What is accepted at the
limits, and builds, is in ``test_limits``.)
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.site.test_bad_input import ARTICLE_MD, BASE, WARNS, edit, snapshot
from tests.site.test_hostile_loading import earlier_site  # noqa: F401 (a fixture: the same BASE site)

SECONDS = 20  # for any one command
LONG = "a" * 101
WINTER = "winter 9999 ends in February of year 10000, and dates end with year 9999"
ASCII = "only ASCII digits and signs can be used; write e.g. 2020-02-12, 2020-02, 2011~, 2011/.., ../2020-02-29 " \
        "or 2020-02-10/2020-02-12"
SLUG_RULE = "use lowercase letters, digits and single hyphens (e.g. 'bashar-al-assad')"


@dataclass(frozen=True)
class Case:
    id: str
    files: dict[str, str | bytes]
    expected: list[str]  # every diagnostic, exactly


def _cycle(count: int) -> str:
    return "".join(f"- id: e{i}\n  title: E{i}\n  date: 2020-02-12\n  sources: [guardian-report]\n"
                   f"  part_of: e{(i - 1) % count}\n" for i in range(count))


CASES = [
    Case("winter-9999", edit(WARNS, "date: 2020-02-12", "date: 9999-24"), [
        f"content/events/erdogan-warns.md:3: date: unsupported date '9999-24': {WINTER}"]),
    Case("winter-9999-open", edit(WARNS, "date: 2020-02-12", "date: 9999-24/.."), [
        f"content/events/erdogan-warns.md:3: date: unsupported date '9999-24/..': {WINTER}"]),
    Case("full-width-year", edit(WARNS, "date: 2020-02-12", "date: ２０２０-02-12"), [
        f"content/events/erdogan-warns.md:3: date: invalid EDTF date '２０２０-02-12': {ASCII}"]),
    Case("arabic-indic-published", edit(ARTICLE_MD, "published: 2020-02-12", "published: ٢٠٢٠-02-12"), [
        f"content/articles/guardian-report.md:4: published: invalid EDTF date '٢٠٢٠-02-12': {ASCII}"]),
    Case("id-101-characters", {"content/actors/more.yml": f"- {{id: {LONG}, name: Long, kind: person}}\n"}, [
        f"content/actors/more.yml:1: actor id: '{LONG[:40]}…' is 101 characters long; ids name files and folders, "
        "so at most 100 are allowed"]),
    Case("id-with-line-break", {"content/actors/more.yml": '- id: "kurds\\n"\n  name: Kurds\n  kind: group\n'}, [
        f"content/actors/more.yml:1: actor id: 'kurds\\n' is not a valid id: {SLUG_RULE}"]),
    Case("relation-type-path", {"content/relations/r.yml": "- subject: erdogan\n  type: ../../x\n  object: putin\n"
                                                           "  sources: [guardian-report]\n"}, [
        f"content/relations/r.yml:1: relation id: 'erdogan-../../x-putin' is not a valid id: {SLUG_RULE}"]),
    # found by the fuzz test: libyaml's message ran over two lines and named the front matter's first line
    Case("control-character", edit(WARNS, "date: 2020-02-12", "date: 2020-02-12\x00"), [
        "content/events/erdogan-warns.md:3: YAML error: control character U+0000 is not allowed; delete it"]),
    Case("part-of-cycle-3000", {"content/events/chain.yml": _cycle(3000)}, [
        "content/events/chain.yml:5: 'part_of' forms a cycle: e0 → e2999 → e2998 → e2997 → e2996 → e2995 → "
        "… 2992 more … → e2 → e1 → e0"]),
]


def _run(args: list[str], project: Path) -> subprocess.CompletedProcess[str]:
    started = time.monotonic()
    result = subprocess.run(args, cwd=project, capture_output=True, text=True, timeout=SECONDS * 3,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    elapsed = time.monotonic() - started
    assert elapsed < SECONDS, f"{args} took {elapsed:.1f} s"
    assert "Traceback" not in result.stderr, result.stderr
    return result


def _diagnostics(stderr: str) -> list[str]:
    return sorted(line.removeprefix("ERROR   -  ") for line in stderr.splitlines()
                  if line.removeprefix("ERROR   -  ").startswith("content/"))


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_hostile_limits(case: Case, make_project: Callable[[dict[str, str | bytes]], Path], tmp_path: Path,
                        earlier_site: Path) -> None:  # noqa: F811 (the fixture imported above)
    project = make_project(BASE | case.files)
    check = _run([sys.executable, "-m", "builder", "check"], project)
    assert _diagnostics(check.stderr) == sorted(case.expected), check.stderr
    assert check.returncode == 1

    site = tmp_path / "site"
    shutil.copytree(earlier_site, site)
    before = snapshot(site)
    build = _run([str(Path(sys.executable).parent / "mkdocs"), "build", "--strict", "-d", str(site)], project)
    assert build.returncode != 0
    assert _diagnostics(build.stderr) == sorted(case.expected), build.stderr
    assert snapshot(site) == before
    assert not any(path.name == "x" for path in tmp_path.rglob("*"))  # nothing written from a path-shaped type
