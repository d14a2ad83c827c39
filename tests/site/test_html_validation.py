"""The Nu HTML validator (npm vnu-jar, Java) on every page kind, web build and offline bundle."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, mkdocs_build, run_cli

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# Material's own markup, not ours: documented in the README.
ALLOWED = [
    re.compile(r"Attribute “autocomplete” is only allowed when the input type is"),  # its hidden toggles
    # pages outside the nav: the TOC's label points at a nav toggle Material only renders for nav pages
    re.compile(r"The value of the “for” attribute of the “label” element must be the ID of a non-hidden form"),
]
WEB_PAGES = ["index.html", "timeline/index.html", "actors/index.html", "actors/turkey/index.html",
             "events/index.html", "events/qamishli-checkpoint-clash/index.html", "places/index.html",
             "places/khirbet-ammu/index.html", "sources/index.html", "sources/guardian-checkpoint-clash/index.html",
             "stories/index.html", "stories/checkpoint-clash-at-khirbet-ammu/index.html", "about/index.html",
             "data/index.html", "404.html"]


def validate(files: list[Path]) -> list[str]:
    java = shutil.which("java")
    assert java and VNU.is_file(), "needs Java and `npm ci` (tests/run.sh installs both)"
    result = subprocess.run([java, "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, files)],
                            capture_output=True, text=True, timeout=600)
    messages = json.loads(result.stderr or result.stdout)["messages"]
    return [f"{m['url'].rsplit('/', 3)[-1]}:{m.get('lastLine')}: {m['message']}" for m in messages
            if not any(pattern.search(m["message"]) for pattern in ALLOWED)]


def test_web_build_is_valid_html(seed_site: Path) -> None:
    assert validate([seed_site / page for page in WEB_PAGES]) == []


def test_event_with_fatalities_and_media_and_a_citation_only_source_is_valid_html(make_project: Any,
                                                                                   tmp_path: Path) -> None:
    project = make_project({
        "content/articles/a.md": "---\ntitle: A report\npublished: 2021-03-04\n---\nThe town was shelled.\n",
        "content/articles/paywalled.md": "---\ntitle: Behind a paywall\npublished: 2021-03-05\n"
                                         "url: https://example.org/story\n---\n",
        "content/events/shelling.md": "---\ntitle: Town shelled\ndate: 2021-03-04\nsources: [a, paywalled]\n"
                                      "fatalities: 3\nmedia: {url: 'https://example.org/smoke.jpg', caption: Smoke, "
                                      "credit: AP, alt: Smoke over roofs}\n---\n",
        "content/events/video.md": "---\ntitle: Filmed\ndate: 2021-03-05\nsources: [paywalled]\n"
                                   "media: {url: 'https://example.org/watch?v=1'}\n---\n",
    })
    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    pages = ["events/shelling/index.html", "events/video/index.html", "sources/index.html",
             "sources/paywalled/index.html", "data/index.html"]
    assert validate([site / page for page in pages]) == []


def test_offline_bundle_is_valid_html(tmp_path: Path) -> None:
    out = tmp_path / "timeline.zip"
    result = run_cli(ROOT, "bundle", "--out", str(out))
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(out) as archive:
        archive.extractall(tmp_path)
    pages = [tmp_path / "timeline" / page.replace("/index.html", ".html") if page.count("/") > 1
             else tmp_path / "timeline" / page for page in WEB_PAGES if page != "about/index.html"]
    pages.append(tmp_path / "timeline" / "about.html")
    assert [p for p in pages if not p.exists()] == []
    assert validate(pages) == []


@pytest.mark.parametrize("bad", ['<p>unclosed <b>bold</p>'])
def test_the_validator_really_checks(tmp_path: Path, bad: str) -> None:
    page = tmp_path / "bad.html"
    page.write_text(f"<!doctype html><html lang=en><title>x</title>{bad}", encoding="utf-8")
    assert validate([page]) != []
