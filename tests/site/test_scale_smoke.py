"""The S benchmark project (1,000 events, 200 actors, 500 articles) as a correctness smoke test.

No timing is asserted here (BENCHMARKS.md has the figures); this checks that a project of that
shape validates, builds with --strict, and that what grows is split into bounded pages.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, mkdocs_build, run_cli

MAX_PAGE_BYTES = 500 * 1024


@pytest.fixture(scope="module")
def small_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    project = tmp_path_factory.mktemp("scale") / "project"
    subprocess.run([sys.executable, str(ROOT / "bench" / "generate.py"), "--events", "1000", "--actors", "200",
                    "--articles", "500", "--out", str(project)], check=True, capture_output=True)
    check = run_cli(project, "--strict", "check")
    assert check.returncode == 0 and "no problems found" in check.stderr, check.stderr[-2000:]
    site = project / "site"
    build = mkdocs_build(project, site)
    assert build.returncode == 0, build.stderr[-3000:]
    return project, site


def test_no_page_is_too_heavy(small_site: tuple[Path, Path]) -> None:
    _, site = small_site
    heavy = [(p.relative_to(site).as_posix(), p.stat().st_size) for p in site.rglob("*.html")
             if p.stat().st_size > MAX_PAGE_BYTES]
    assert heavy == []


def test_timeline_is_paged_and_every_event_is_listed_once(small_site: tuple[Path, Path]) -> None:
    _, site = small_site
    listed: list[str] = []
    for page in sorted((site / "timeline").rglob("index.html")):
        ids = re.findall(r'<li class="tl-event" id="([a-z0-9-]+)"', page.read_text(encoding="utf-8"))
        assert len(ids) <= 500, page
        listed += ids
    assert len(listed) == len(set(listed)) == 1000
    assert (site / "timeline" / "index.html").stat().st_size < 100 * 1024  # an overview of periods


def test_hub_actor_pages_are_split_by_year(small_site: tuple[Path, Path]) -> None:
    _, site = small_site
    year_pages = [p for p in (site / "actors").glob("*/*/index.html")]
    assert year_pages, "the busiest actors get a page per year"
    hub = year_pages[0].parent.parent
    assert "By year" in (hub / "index.html").read_text(encoding="utf-8")


def test_open_data_made_beside_the_build_is_what_export_data_writes(small_site: tuple[Path, Path],
                                                                     tmp_path: Path) -> None:
    """1,000 events: the build's forked child writes the data (builder/pipeline.py DataJob);
    export-data writes it in-process. Both give the same bytes, and the child's folder is gone."""
    project, site = small_site
    assert not (site / ".timeline-data").exists()
    out = tmp_path / "data"
    result = run_cli(project, "export-data", str(out))
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in out.iterdir() if not p.name.startswith("."))
    assert len(names) == 18 and sorted(p.name for p in (site / "data").iterdir()) == sorted([*names, "index.html"])
    for name in names:
        assert (out / name).read_bytes() == (site / "data" / name).read_bytes(), name
