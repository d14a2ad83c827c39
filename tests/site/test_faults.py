"""The fault test: a build killed at any moment, two builds at once, or a full disk leave exactly the
previous site or the new one in site_dir, and no process of ours running.

A small generated project is built once (the previous site), one article changed, and built again
elsewhere (the new site). Then ``mkdocs build`` is started into a copy of the previous site and
killed with SIGINT, SIGTERM or SIGKILL at several moments: fractions of a whole build's time, and
the moment its staging folder holds part of the new site. After each, the output is compared
byte for byte with both sites, and /proc is searched for any process left from the build.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import resource
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import ROOT

MKDOCS = str(Path(sys.executable).parent / "mkdocs")
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
SIZE = ["--events", "30", "--actors", "12", "--articles", "8", "--seed", "3"]


def digest(root: Path) -> str:
    if not root.is_dir():
        return "missing"
    hashed = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        hashed.update(path.relative_to(root).as_posix().encode() + b"\0")
        if path.is_file():
            hashed.update(path.read_bytes())
    return hashed.hexdigest()


def start_build(project: Path, site: Path, **options: object) -> subprocess.Popen[str]:
    return subprocess.Popen([MKDOCS, "build", "-q", "-d", str(site)], cwd=project, env=ENV, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, **options)  # type: ignore[call-overload]


def ours(marker: str) -> list[str]:
    """Processes whose command line names ``marker``: the build and anything it forked."""
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        with contextlib.suppress(OSError):
            command = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            if marker in command and int(pid) != os.getpid():
                found.append(f"{pid}: {command}")
    return found


def none_left(marker: str, grace: float = 5.0) -> list[str]:
    deadline = time.monotonic() + grace
    while (left := ours(marker)) and time.monotonic() < deadline:
        time.sleep(0.1)
    return left


def leftovers(site: Path) -> list[str]:
    return sorted(name for name in os.listdir(site.parent) if name.startswith(f".{site.name}."))


@dataclass
class Sites:
    project: Path
    previous: Path  # the site before the change, kept as a pristine copy
    before: str
    after: str
    seconds: float  # how long a whole build takes here

    def fresh_output(self, name: str) -> Path:
        site = self.project / name
        shutil.rmtree(site, ignore_errors=True)
        shutil.copytree(self.previous, site)
        return site


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> Sites:
    project = tmp_path_factory.mktemp("faults") / "project"
    generated = subprocess.run([sys.executable, str(ROOT / "bench" / "generate.py"), *SIZE, "--out", str(project)],
                               env={**ENV, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True, timeout=120)
    assert generated.returncode == 0, generated.stderr
    previous = project.parent / "previous"
    first = start_build(project, previous)
    assert first.wait(timeout=300) == 0, first.communicate()[1]
    article = sorted((project / "content" / "articles").glob("*.md"))[0]
    article.write_text(article.read_text(encoding="utf-8") + "\nA paragraph added after the first build.\n",
                       encoding="utf-8")
    new = project.parent / "new"
    started = time.monotonic()
    second = start_build(project, new)
    assert second.wait(timeout=300) == 0, second.communicate()[1]
    seconds = time.monotonic() - started
    assert digest(previous) != digest(new)
    return Sites(project, previous, digest(previous), digest(new), seconds)


def wait_for_staging(site: Path, files: int, timeout: float) -> bool:
    """True once a staging folder beside ``site`` holds at least ``files`` files."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for name in leftovers(site):
            with contextlib.suppress(OSError):
                if sum(len(found) for _, _, found in os.walk(site.parent / name)) >= files:
                    return True
        time.sleep(0.01)
    return False


@pytest.mark.parametrize("moment", [0.2, 0.6, "mid-write"])
@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM, signal.SIGKILL], ids=lambda s: s.name)
def test_a_killed_build_leaves_the_previous_or_the_new_site(sites: Sites, sig: signal.Signals,
                                                             moment: float | str) -> None:
    site = sites.fresh_output(f"site-{sig.name}-{moment}")
    build = start_build(sites.project, site)
    if moment == "mid-write":
        assert wait_for_staging(site, 20, timeout=sites.seconds * 3), "the build never wrote its staging folder"
    else:
        assert isinstance(moment, float)
        time.sleep(sites.seconds * moment)
    build.send_signal(sig)
    _, stderr = build.communicate(timeout=60)
    assert "Traceback" not in stderr or sig is signal.SIGINT, stderr
    assert digest(site) in (sites.before, sites.after), f"a mix of sites after {sig.name} at {moment}"
    assert not none_left(str(site)), "a process of the killed build is still running"
    if sig is signal.SIGINT:
        assert leftovers(site) == [], "Ctrl-C: the staging folder is removed on the way out"


def test_the_next_build_clears_what_killed_builds_left(sites: Sites) -> None:
    site = sites.fresh_output("site-cleared")
    build = start_build(sites.project, site)
    assert wait_for_staging(site, 20, timeout=sites.seconds * 3)
    build.kill()
    build.communicate(timeout=60)
    assert leftovers(site), "SIGKILL leaves its staging folder"
    again = start_build(sites.project, site)
    _, stderr = again.communicate(timeout=300)
    assert again.returncode == 0, stderr
    assert digest(site) == sites.after and leftovers(site) == []


def test_two_builds_into_one_folder_at_once(sites: Sites) -> None:
    site = sites.fresh_output("site-twice")
    builds = [start_build(sites.project, site) for _ in range(2)]
    results = [(build.wait(timeout=300), build.communicate()[1]) for build in builds]
    for code, stderr in results:
        assert "Traceback" not in stderr, stderr
        assert code == 0, stderr
    assert digest(site) == sites.after
    assert leftovers(site) == []


@contextlib.contextmanager
def small_disk(where: Path, size: int) -> Iterator[Path]:
    where.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
                             capture_output=True, timeout=30)
    if mounted.returncode != 0:
        pytest.skip("cannot mount a small tmpfs here (not root?); the file size limit case still runs")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True, timeout=30)


def test_a_full_disk_is_one_clear_error_and_the_previous_site_stays(sites: Sites, tmp_path: Path) -> None:
    size = sum(p.stat().st_size for p in sites.previous.rglob("*") if p.is_file())
    with small_disk(tmp_path / "disk", size * 3 // 2) as disk:  # room for one site, not for two
        site = disk / "site"
        shutil.copytree(sites.previous, site)
        build = start_build(sites.project, site)
        _, stderr = build.communicate(timeout=300)
        assert build.returncode == 1
        assert f"cannot write to {site}: no space left on the device" in stderr, stderr
        assert "Traceback" not in stderr
        assert digest(site) == sites.before and leftovers(site) == []


def _file_size_limit() -> None:
    resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))


def test_a_file_size_limit_is_one_clear_error_for_build_and_bundle(sites: Sites) -> None:
    site = sites.fresh_output("site-limited")
    build = start_build(sites.project, site, preexec_fn=_file_size_limit)
    _, stderr = build.communicate(timeout=300)
    assert build.returncode == 1
    assert f"cannot write to {site}: a file would be larger than this system allows" in stderr, stderr
    assert "Traceback" not in stderr
    assert digest(site) == sites.before and leftovers(site) == []

    archive = sites.project / "timeline.zip"
    archive.write_bytes(b"the previous archive")
    bundle = subprocess.run([sys.executable, "-m", "builder", "bundle", "--out", str(archive)], cwd=sites.project,
                            env=ENV, capture_output=True, text=True, timeout=300, preexec_fn=_file_size_limit)
    assert bundle.returncode == 1
    assert "cannot write to" in bundle.stderr and "Traceback" not in bundle.stderr, bundle.stderr
    assert archive.read_bytes() == b"the previous archive" and leftovers(archive) == []


def test_strict_warnings_keep_the_previous_site(sites: Sites, tmp_path: Path) -> None:
    """--strict fails on warnings only after on_post_build: the staged site must not be swapped in."""
    project = tmp_path / "project"
    shutil.copytree(sites.project, project, ignore=shutil.ignore_patterns("site", ".site*"))
    site = tmp_path / "site"
    shutil.copytree(sites.previous, site)
    (project / "content" / "pages" / "about.md").write_text("# About\n\n[a broken link](missing.md)\n",
                                                           encoding="utf-8")
    build = subprocess.run([MKDOCS, "build", "--strict", "-d", str(site)], cwd=project, env=ENV,
                           capture_output=True, text=True, timeout=300)
    assert build.returncode == 1 and "missing.md" in build.stderr, build.stderr
    assert digest(site) == sites.before and leftovers(site) == []


def test_gh_deploy_finds_the_site_where_it_is_configured(sites: Sites, tmp_path: Path) -> None:
    """gh-deploy reads config.site_dir after the build: the plugin puts the real one back."""
    project, remote = tmp_path / "project", tmp_path / "remote.git"
    shutil.copytree(sites.project, project, ignore=shutil.ignore_patterns("site", ".site*"))
    git_env = {**ENV, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
               "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    for command in (["git", "init", "-q", "--bare", str(remote)], ["git", "init", "-q", str(project)],
                    ["git", "-C", str(project), "remote", "add", "origin", str(remote)]):
        subprocess.run(command, check=True, env=git_env, capture_output=True, timeout=60)
    deploy = subprocess.run([MKDOCS, "gh-deploy", "--force", "--ignore-version"], cwd=project, env=git_env,
                            capture_output=True, text=True, timeout=300)
    assert deploy.returncode == 0, deploy.stderr
    published = subprocess.run(["git", "-C", str(remote), "ls-tree", "-r", "--name-only", "gh-pages"],
                               capture_output=True, text=True, check=True, timeout=60).stdout.split()
    assert "index.html" in published and "search/search_index.json" in published
    assert (project / "site" / "index.html").is_file() and leftovers(project / "site") == []


FORKING_PARENT = """
import time
from builder.runtime.page_supply import PageSupply
from builder.runtime.fork import PARALLEL_FROM, InChild

class SlowPage:
    src_uri = "slow.md"

    def make(self):
        time.sleep(120)
        return ""

with InChild(lambda: time.sleep(120), size=PARALLEL_FROM) as in_child:
    supply = PageSupply([SlowPage()], lambda page: page, parallel=True)
    print(in_child._process.pid, supply.process.pid, flush=True)
    time.sleep(120)
"""


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")  # a zombie has ended; only its exit status waits to be collected


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM, signal.SIGKILL], ids=lambda s: s.name)
def test_forked_workers_die_with_their_parent(sig: signal.Signals) -> None:
    parent = subprocess.Popen([sys.executable, "-c", FORKING_PARENT], env={**ENV, "PYTHONPATH": str(ROOT)},
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert parent.stdout is not None
    children = [int(pid) for pid in parent.stdout.readline().split()]
    assert len(children) == 2 and all(alive(pid) for pid in children), parent.stderr
    parent.send_signal(sig)
    parent.wait(timeout=30)
    deadline = time.monotonic() + 5
    while any(alive(pid) for pid in children) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [pid for pid in children if alive(pid)], f"a forked worker outlived its parent ({sig.name})"


def test_a_site_dir_that_is_a_mount_point_is_built_in_place(sites: Sites, tmp_path: Path) -> None:
    """A container's volume cannot be renamed: the site is written into it, as MkDocs alone would."""
    with small_disk(tmp_path / "volume", 64 * 1024 * 1024) as volume:
        build = start_build(sites.project, volume)
        _, stderr = build.communicate(timeout=300)
        assert build.returncode == 0, stderr
        assert digest(volume) == sites.after and leftovers(volume) == []
