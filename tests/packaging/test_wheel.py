"""One install brings everything: the wheel built from this repository, installed into a fresh
virtual environment (no editable install, no source checkout on the path), makes a project of its
own in an empty folder and builds it. Slow (about a minute): it installs every dependency."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.slow

# What a source distribution holds: the wheel is built from a copy, so nothing stale in build/ leaks in.
SOURCES = ["builder", "theme", "content", "setup.py", "pyproject.toml", "README.md", "LICENSE"]


def run(args: list[str | Path], cwd: Path, env: dict[str, str]) -> str:
    result = subprocess.run([str(arg) for arg in args], cwd=cwd, env=env, capture_output=True, text=True,
                            timeout=600)
    assert result.returncode == 0, f"{args}\n{result.stdout}\n{result.stderr}"
    return result.stdout + result.stderr


def test_the_wheel_alone_makes_and_builds_a_project(tmp_path: Path) -> None:
    env = {key: value for key, value in os.environ.items()
           if key not in ("PYTHONPATH", "PYTHONDONTWRITEBYTECODE", "VIRTUAL_ENV")}
    env["NO_MKDOCS_2_WARNING"] = "1"
    source = tmp_path / "source"
    for name in SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            source.mkdir(exist_ok=True)
            shutil.copy2(ROOT / name, source / name)
    output = run([sys.executable, "-m", "build", "--wheel", "--outdir", tmp_path / "dist", source], tmp_path, env)
    # pip's own notes about this machine's local package indexes are not the project's
    warnings = [line for line in output.splitlines() if "warn" in line.lower() and "Location 'file:" not in line]
    assert warnings == []
    wheel = next((tmp_path / "dist").glob("annotated_timeline-*.whl"))

    venv = tmp_path / "venv"
    run([sys.executable, "-m", "venv", venv], tmp_path, env)
    python, mkdocs = venv / "bin" / "python", venv / "bin" / "mkdocs"
    run([python, "-m", "pip", "install", "--quiet", "--no-compile", wheel], tmp_path, env)
    where = run([python, "-c", "import builder; print(builder.__file__)"], tmp_path, env)
    assert str(venv) in where and str(ROOT) not in where

    work = tmp_path / "empty"
    work.mkdir()
    run([python, "-m", "builder", "init", "my-timeline"], work, env)
    project = work / "my-timeline"
    run([python, "-m", "builder", "new", "article", "first-report", "--title", "First report",
         "--published", "2024-05-01"], project, env)
    run([python, "-m", "builder", "new", "event", "talks-begin", "--title", "Talks begin", "--date", "2024-05-01",
         "--source", "first-report"], project, env)
    run([mkdocs, "build", "--strict"], project, env)
    site = project / "site"
    timeline = (site / "timeline" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<link rel="stylesheet" href="\.\./assets/timeline\.css">', timeline)
    assert re.search(r'<script src="\.\./assets/timeline-filters\.js"></script>', timeline)
    assert (site / "assets" / "timeline.css").read_bytes() == (ROOT / "theme/assets/timeline.css").read_bytes()
    assert (site / "assets" / "timeline-filters.js").is_file()
    assert "Talks begin" in (site / "events" / "talks-begin" / "index.html").read_text(encoding="utf-8")
    assert "../events/talks-begin/" in timeline

    run([python, "-m", "builder", "init", "--example", "example"], work, env)
    checked = run([python, "-m", "builder", "check"], work / "example", env)
    events = len(list((ROOT / "content" / "events").glob("*.md")))
    assert f"{events} events" in checked and "no problems found" in checked, checked
