"""TimelineJS's own library (npm @knight-lab/timelinejs) renders the built data/timelinejs.json."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, serve

pytestmark = pytest.mark.browser

DIST = ROOT / "node_modules" / "@knight-lab" / "timelinejs" / "dist"
PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>TimelineJS</title>
<link rel="stylesheet" href="css/timeline.css">
<script src="js/timeline.js"></script>
</head>
<body>
<div id="timeline-embed" style="width: 1000px; height: 700px"></div>
<script>
fetch("timelinejs.json").then(r => r.json()).then(data => {
  window.timeline = new TL.Timeline("timeline-embed", data, {hash_bookmark: false, font: null});
});
</script>
</body>
</html>
"""


def test_timelinejs_renders_one_slide_per_dated_event(seed_site: Path, browser: Any, tmp_path: Path) -> None:
    assert (DIST / "js" / "timeline.js").is_file(), "needs `npm ci` (tests/run.sh runs it)"
    shutil.copytree(DIST, tmp_path, dirs_exist_ok=True)
    shutil.copy(seed_site / "data" / "timelinejs.json", tmp_path / "timelinejs.json")
    (tmp_path / "index.html").write_text(PAGE, encoding="utf-8")
    data = json.loads((tmp_path / "timelinejs.json").read_text(encoding="utf-8"))
    ids = [event["unique_id"] for event in data["events"]]
    timeline = json.loads((seed_site / "data" / "timeline.json").read_text(encoding="utf-8"))
    assert ids == [event["id"] for event in timeline["events"]]  # every event is dated in the seed

    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("http://127.0.0.1")
               else route.abort())  # TimelineJS must need nothing from the network
    with serve(tmp_path) as url:
        page.goto(url)
        page.wait_for_function("() => window.timeline && window.timeline.ready", timeout=30000)
        # the library's own model: its events, their ids, and the title slide
        config = page.evaluate("() => ({events: timeline.config.events.map(e => e.unique_id),"
                               " title: timeline.config.title && timeline.config.title.text.headline,"
                               " eras: timeline.config.eras.length})")
        slides = page.evaluate("() => timeline._storyslider._slides.length")
        dom = page.eval_on_selector_all(".tl-storyslider .tl-slide", "slides => slides.map(s => s.id)")
        page.evaluate("() => timeline.goToId('qamishli-checkpoint-clash')")
        page.wait_for_timeout(1500)
        shown = page.locator("#qamishli-checkpoint-clash .tl-headline").inner_text()
    assert errors == []
    assert sorted(config["events"]) == sorted(ids)
    assert config["title"] == timeline["title"]
    assert config["eras"] == len(data["eras"])
    assert slides == len(ids) + 1  # and the title slide
    assert sorted(i for i in dom if i in ids) == sorted(ids)
    assert shown.strip() == next(e["title"] for e in timeline["events"] if e["id"] == "qamishli-checkpoint-clash")
