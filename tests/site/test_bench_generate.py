"""bench/generate.py: the same arguments give byte-identical projects, and they pass `check`."""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

GENERATE = ROOT / "bench" / "generate.py"
TINY = ["--events", "60", "--actors", "20", "--articles", "30", "--seed", "7"]


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


def tree(root: Path) -> dict[str, bytes]:
    return {path.relative_to(root).as_posix(): path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file()}


def test_generation_is_deterministic_and_checks_clean(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    for out in (first, second):
        result = run([sys.executable, str(GENERATE), *TINY, "--out", str(out)], ROOT)
        assert result.returncode == 0, result.stderr
        assert "60 events, 20 actors, 30 articles" in result.stdout
    files = tree(first)
    assert files == tree(second)
    assert "mkdocs.yml" in files and "content/site.yml" in files and "content/pages/about.md" in files
    for folder in ("articles", "actors", "places", "events", "relations"):
        assert any(name.startswith(f"content/{folder}/") for name in files), folder

    check = run([sys.executable, "-m", "builder", "--strict", "check"], first)
    assert check.returncode == 0, check.stderr
    assert "no problems found" in check.stderr


def test_refuses_a_non_empty_directory_without_force(tmp_path: Path) -> None:
    (tmp_path / "keep.txt").write_text("mine", encoding="utf-8")
    refused = run([sys.executable, str(GENERATE), *TINY, "--out", str(tmp_path)], ROOT)
    assert refused.returncode != 0
    assert "not empty" in refused.stderr
    assert not (tmp_path / "content").exists()
    forced = run([sys.executable, str(GENERATE), *TINY, "--out", str(tmp_path), "--force"], ROOT)
    assert forced.returncode == 0, forced.stderr
    assert (tmp_path / "keep.txt").read_text(encoding="utf-8") == "mine"
    assert (tmp_path / "content" / "site.yml").is_file()


def test_the_benchmark_finds_every_mistake_it_puts_in(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """bench/run.py's 'validation still reports every error' figure, on a project small enough to test."""
    project = tmp_path / "project"
    result = run([sys.executable, str(GENERATE), "--events", "400", "--actors", "40", "--articles", "100",
                  "--out", str(project)], ROOT)
    assert result.returncode == 0, result.stderr
    monkeypatch.syspath_prepend(str(ROOT / "bench"))
    bench_run = importlib.import_module("run")
    monkeypatch.setattr(bench_run, "EVERY", 10)
    figures = bench_run.check_broken(project, tmp_path)
    assert figures["broken_exit"] == 1
    assert figures["errors_injected"] >= 20
    assert figures["errors_found"] == figures["errors_reported"] == figures["errors_injected"]
