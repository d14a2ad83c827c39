"""The offline bundle: opened from file:// with the network cut off, everything still works."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, run_cli
from tests.htmlsite import broken_links


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("bundle") / "timeline.zip"
    site_before = {p: p.stat().st_mtime_ns for p in (ROOT / "site").rglob("*")} if (ROOT / "site").exists() else {}
    result = run_cli(ROOT, "bundle", "--out", str(out))
    assert result.returncode == 0, result.stderr
    after = {p: p.stat().st_mtime_ns for p in (ROOT / "site").rglob("*")} if (ROOT / "site").exists() else {}
    assert after == site_before, "bundle must not touch site/"
    with zipfile.ZipFile(out) as archive:
        archive.extractall(out.parent)
    return out.parent / "timeline"


def test_bundle_has_no_external_resources(bundle: Path) -> None:
    index = (bundle / "index.html").read_text(encoding="utf-8")
    assert 'src="assets/vendor/iframe-worker-shim.js"' in index
    assert "unpkg.com" not in index and "fonts.googleapis" not in index
    assert (bundle / "search" / "search_index.js").is_file()
    assert (bundle / "events" / "qamishli-checkpoint-clash.html").is_file()


@pytest.mark.browser
def test_bundle_works_from_file_url_with_no_network(bundle: Path, browser: Any) -> None:
    context = browser.new_context()
    external: list[str] = []

    def guard(route: Any) -> None:
        if route.request.url.startswith(("file://", "data:", "blob:", "about:")):
            route.continue_()
        else:
            external.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    page.goto((bundle / "index.html").as_uri())
    page.get_by_role("link", name="Timeline").first.click()
    page.wait_for_url("**/timeline/index.html")
    assert page.locator("ol.tl-events li.tl-event").count() >= 30
    page.locator("li.tl-event a", has_text="checkpoint near Qamishli").first.click()
    page.wait_for_url("**/events/qamishli-checkpoint-clash.html")
    assert page.locator("section.tl-account").count() >= 4

    page.locator("input.md-search__input").click()
    page.keyboard.type("Caggins", delay=30)  # Material searches on key events, as a reader types
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=15000)
    assert results.count() > 0
    assert external == []
    context.close()


def test_bundle_is_reproducible(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1581465600")
    archives = []
    for name in ("one", "two"):
        out = tmp_path / name / "timeline.zip"
        result = run_cli(ROOT, "bundle", "--out", str(out))
        assert result.returncode == 0, result.stderr
        archives.append(out.read_bytes())
    assert archives[0] == archives[1]


def test_bundle_has_no_broken_links_or_anchors(bundle: Path) -> None:
    assert broken_links(bundle) == []
    assert len(list(bundle.rglob("*.html"))) > 100
