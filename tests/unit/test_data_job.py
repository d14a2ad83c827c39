"""The build's open data made by a forked child (pipeline.DataJob): same bytes, the Site let go, failures reported.

The forking cases run in a fresh Python process: forking is only done with no other thread running,
and the test session may have some (the browser tests' servers)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from builder.pipeline import DataJob, build_site
from tests.conftest import ROOT

SCRIPT = """
import sys
from pathlib import Path
from builder import pipeline
from builder.pipeline import DataError, DataJob, build_site, write_data

out, broken = Path(sys.argv[1]), sys.argv[2] == "broken"
site = build_site(Path(sys.argv[3])).site
pipeline.PARALLEL_FROM = 1
if broken:
    def fails(*args, **kwargs):
        raise OSError(28, "No space left on device")
    pipeline.write_data = fails
job = DataJob(site, out / "site", directory_urls=True, site_url="")
print("forked" if job.process is not None and job.site is None else "not forked")
try:
    print(" ".join(job.finish(out / "site")))
except DataError as exc:
    print("DataError:", exc)
if not broken:
    write_data(site, out / "direct")
"""


def run(tmp_path: Path, mode: str) -> list[str]:
    result = subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path), mode, str(ROOT / "content")],
                            capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def test_child_writes_what_write_data_writes_and_parent_lets_go(tmp_path: Path) -> None:
    forked, names = run(tmp_path, "works")
    assert forked == "forked"  # and this process held no Site for it meanwhile
    assert len(names.split()) == 18 and not (tmp_path / "site" / DataJob.HIDDEN).exists()
    for name in names.split():
        assert (tmp_path / "site" / "data" / name).read_bytes() == (tmp_path / "direct" / name).read_bytes(), name


def test_a_failing_child_fails_the_build_with_its_reason(tmp_path: Path) -> None:
    forked, error = run(tmp_path, "broken")
    assert forked == "forked"
    assert error.startswith("DataError: the open data could not be written") and "No space left" in error
    assert not (tmp_path / "site" / DataJob.HIDDEN).exists() and not (tmp_path / "site" / "data").exists()


def test_without_fork_finish_writes_them(tmp_path: Path) -> None:
    site = build_site(ROOT / "content").site
    job = DataJob(site, tmp_path, directory_urls=False, site_url="", parallel=False)
    assert job.process is None
    assert "timeline.json" in job.finish(tmp_path)
    assert b'"url":"events/qamishli-checkpoint-clash.html"' in (tmp_path / "data" / "timeline.json").read_bytes()
