"""The build's open data made by a forked child (pipeline.DataJob): same bytes, the Site let go, failures reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from builder import pipeline
from builder.pipeline import DataError, DataJob, build_site, write_data
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def seed() -> pipeline.Result:
    return build_site(ROOT / "content")


def test_child_writes_what_write_data_writes_and_parent_lets_go(seed: pipeline.Result, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "PARALLEL_FROM", 1)
    site_dir = tmp_path / "site"
    job = DataJob(seed.site, site_dir, directory_urls=True, site_url="")
    assert job.process is not None and job.site is None  # forked; this process holds no Site for it
    names = job.finish(site_dir)
    assert len(names) == 18 and not (site_dir / DataJob.HIDDEN).exists()
    direct = tmp_path / "direct"
    write_data(seed.site, direct)
    for name in names:
        assert (site_dir / "data" / name).read_bytes() == (direct / name).read_bytes(), name


def test_without_fork_finish_writes_them(seed: pipeline.Result, tmp_path: Path) -> None:
    job = DataJob(seed.site, tmp_path, directory_urls=False, site_url="", parallel=False)
    assert job.process is None
    assert "timeline.json" in job.finish(tmp_path)
    assert b'"url":"events/qamishli-checkpoint-clash.html"' in (tmp_path / "data" / "timeline.json").read_bytes()


def test_a_failing_child_fails_the_build_with_its_reason(seed: pipeline.Result, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pipeline, "PARALLEL_FROM", 1)
    monkeypatch.setattr(pipeline, "write_data", broken)
    job = DataJob(seed.site, tmp_path, directory_urls=True, site_url="")
    assert job.process is not None
    with pytest.raises(DataError, match="No space left on device"):
        job.finish(tmp_path)
    assert not (tmp_path / DataJob.HIDDEN).exists() and not (tmp_path / "data").exists()
