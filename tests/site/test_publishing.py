"""Publishing: reproducible builds and a site that works when served under a sub-path."""

from __future__ import annotations

import json
import os
import re
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest

from tests.conftest import ROOT, mkdocs_build, serve
from tests.htmlsite import _Collector

EPOCH = "1581465600"  # 12 Feb 2020


def build(target: Path, site_url: str = "") -> Path:
    env = {"SOURCE_DATE_EPOCH": EPOCH, "SITE_URL": site_url}
    saved = {key: os.environ.get(key) for key in env}
    os.environ.update(env)
    try:
        result = mkdocs_build(ROOT, target)
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    assert result.returncode == 0, result.stderr
    return target


def snapshot(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    first = snapshot(build(tmp_path / "a", "https://example.org/timeline/"))
    second = snapshot(build(tmp_path / "b", "https://example.org/timeline/"))
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []
    assert "sitemap.xml" in first and "search/search_index.json" in first


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """The site built for and served at http://127.0.0.1:PORT/repo/, as GitHub Pages serves a project.

    The port must be known before the build (site_url holds it), so the server starts first."""
    (tmp_path / "root").mkdir()
    with serve(tmp_path / "root") as root_url:
        base = root_url + "repo/"
        yield base, build(tmp_path / "root" / "repo", base)


def fetch(url: str) -> tuple[int, str, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers.get_content_type(), response.read()
    except urllib.error.HTTPError as error:
        return error.code, "", b""


def test_crawl_under_a_sub_path_finds_no_broken_link_asset_or_anchor(served: tuple[str, Path]) -> None:
    base, _ = served
    pending = [base, urljoin(base, "404.html")]
    seen: set[str] = set()
    ids: dict[str, set[str]] = {}
    fragments: list[tuple[str, str, str]] = []
    broken: list[str] = []
    while pending:
        url = pending.pop()
        if url in seen:
            continue
        seen.add(url)
        status, kind, body = fetch(url)
        if status != 200:
            broken.append(f"{url}: HTTP {status}")
            continue
        if kind != "text/html":
            continue
        collector = _Collector()
        collector.feed(body.decode("utf-8"))
        ids[url] = collector.info.ids
        for href in collector.info.links:
            target, fragment = urldefrag(urljoin(url, href))
            if urlsplit(target).netloc != urlsplit(base).netloc:
                continue
            if not target.startswith(base):
                broken.append(f"{url}: {href} leaves the sub-path")
                continue
            if fragment:
                fragments.append((url, target, fragment))
            pending.append(target)
    for page, target, fragment in fragments:
        if target in ids and fragment not in ids[target]:
            broken.append(f"{page}: #{fragment} missing on {target}")
    assert broken == []
    pages = [url for url in ids]
    assert len(pages) > 100, "the crawl reached every generated page"
    print(f"crawled {len(seen)} URLs, {len(pages)} HTML pages")


@pytest.mark.parametrize(
    ("page", "schema_type", "field", "value"),
    [
        ("events/qamishli-checkpoint-clash", "Event", "startDate", "2020-02-12"),
        ("actors/recep-tayyip-erdogan", "Person", "name", "Recep Tayyip Erdoğan"),
        ("actors/the-guardian", "NewsMediaOrganization", "name", "The Guardian"),
        ("places/khirbet-ammu", "Place", "containedInPlace", {"@type": "Place", "name": "Qamishli"}),
        ("sources/guardian-checkpoint-clash", "NewsArticle", "datePublished", "2020-02-12"),
    ],
)
def test_entity_pages_carry_json_ld_and_open_graph(
    seed_site: Path, page: str, schema_type: str, field: str, value: object
) -> None:
    html = (seed_site / page / "index.html").read_text(encoding="utf-8")
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match, "JSON-LD block"
    data = json.loads(match.group(1))
    assert data["@context"] == "https://schema.org" and data["@type"] == schema_type
    assert data[field] == value
    assert '<meta property="og:type" content="article">' in html
    assert re.search(r'<meta property="og:title" content="[^"]+">', html)
    assert re.search(r'<meta name="description" content="[^"]+">', html)


def test_404_page_helps_the_reader(served: tuple[str, Path]) -> None:
    base, _ = served
    status, _, body = fetch(urljoin(base, "404.html"))
    page = body.decode("utf-8")
    assert status == 200 and "Page not found" in page
    assert f'href="{urlsplit(base).path}timeline/"' in page
