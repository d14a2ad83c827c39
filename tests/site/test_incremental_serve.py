"""`mkdocs serve` rebuilds only what an edit changed, and what it serves is what a full build makes.

The preview is served after each edit, then the same project is built from scratch with
`mkdocs build` at the same site URL: every page, the search index and the open data must be the
same, so remembering pages between builds (builder/plugin/incremental.py) can never show a reader
a stale page.
"""

from __future__ import annotations

import difflib
import json
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.site.test_preview import get, mkdocs_serve

EVENT = "content/events/coalition-statement-on-clash.md"
ACTOR = "content/actors/dmitry-peskov.md"
_LIVERELOAD = re.compile(r"<script[^>]*>[^<]*livereload[^<]*</script>"
                         r"|<script src=\"[^\"]*livereload[^\"]*\"[^>]*></script>")


def _served(url: str, path: str) -> str:
    status, text = get(url + path)
    assert status == 200, f"{path}: {status}"
    return _LIVERELOAD.sub("", text)


def _wait_for(url: str, path: str, needle: str, timeout: float = 120) -> float:
    start = time.monotonic()
    while needle not in get(url + path)[1]:
        assert time.monotonic() - start < timeout, f"{needle!r} never appeared in {path}"
        time.sleep(0.05)
    return time.monotonic() - start


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _pages(site: Path) -> list[str]:
    return sorted(str(p.relative_to(site)) for p in site.rglob("*.html"))


def test_edits_under_serve_give_the_site_a_full_build_gives(tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    shutil.copytree(ROOT / "content", project / "content")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    with mkdocs_serve(project) as url:
        _wait_for(url, "events/coalition-statement-on-clash/", "Caggins")
        time.sleep(1)
        # A title: only the pages that show it change.
        _edit(project / EVENT, 'title: "Coalition spokesman Caggins', 'title: "Edited title: Caggins')
        _wait_for(url, "events/coalition-statement-on-clash/", "Edited title: Caggins")
        # A title that moves the event among the day's others (ordered by title): its new neighbours link to it.
        _edit(project / EVENT, 'title: "Edited title: Caggins', 'title: "Zz, last of the day: Caggins')
        _wait_for(url, "events/coalition-statement-on-clash/", "Zz, last of the day: Caggins")
        # An actor added to the event: the actor's page must now list it, though it did not link it before.
        _edit(project / EVENT, "  - {actor: us-led-coalition, role: speaker}",
              "  - {actor: us-led-coalition, role: speaker}\n  - {actor: dmitry-peskov, role: observer}")
        _wait_for(url, "actors/dmitry-peskov/", "Zz, last of the day: Caggins")
        # An actor renamed: every page that names them.
        _edit(project / ACTOR, "name: Dmitry Peskov", "name: Dmitry S. Peskov")
        _wait_for(url, "actors/dmitry-peskov/", "Dmitry S. Peskov")
        time.sleep(3)  # the open data follows the pages
        full = tmp_path / "full"
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(full)], cwd=project, check=True,
                       env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin", "SITE_URL": url,
                            "PYTHONPATH": str(ROOT)}, timeout=300)
        pages = _pages(full)
        assert len(pages) > 90
        served = {page: _served(url, page) for page in pages}
        different = [page for page in pages if served[page] != (full / page).read_text(encoding="utf-8")]
        if different:
            diff = difflib.unified_diff((full / different[0]).read_text(encoding="utf-8").splitlines(),
                                        served[different[0]].splitlines(), "full build", "served", n=1, lineterm="")
            pytest.fail(f"{len(different)} pages differ from a full build: {different[:5]}; the first:\n"
                        + "\n".join(list(diff)[:40]))
        index = json.loads(get(url + "search/search_index.json")[1])
        expected = json.loads((full / "search/search_index.json").read_text(encoding="utf-8"))
        key = lambda entry: json.dumps(entry, sort_keys=True)  # noqa: E731
        assert sorted(map(key, index["docs"])) == sorted(map(key, expected["docs"]))
        deadline = time.monotonic() + 60
        while get(url + "data/timeline.json")[1] != (full / "data/timeline.json").read_text(encoding="utf-8"):
            assert time.monotonic() < deadline, "the open data never caught up with the edits"
            time.sleep(0.2)
