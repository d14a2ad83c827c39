"""`import` on saved pages of other shapes (issue 17): its own reader, with trafilatura's second opinion,
against what a reader takes from each page (tests/fixtures/import/pages/*.json)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from bench.import_compare import PAGES, Extracted, ours, score, theirs
from tests.conftest import run_cli


@pytest.mark.parametrize("page", sorted(PAGES.glob("*.html")), ids=lambda p: p.stem)
def test_each_saved_page_gives_its_story_and_metadata(page: Path) -> None:
    expected = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
    result = score(ours(page.read_bytes(), page.name), expected)
    assert result == {"recall": 1.0, "precision": 1.0, "metadata": 1.0}


def test_the_reader_with_trafilatura_beats_either_alone() -> None:
    pages = sorted(PAGES.glob("*.html"))
    expected = [json.loads(p.with_suffix(".json").read_text(encoding="utf-8")) for p in pages]

    def mean(reading: Callable[[Path], Extracted]) -> float:
        return sum(sum(score(reading(p), e).values()) for p, e in zip(pages, expected, strict=True))

    combined = mean(lambda p: ours(p.read_bytes(), p.name))
    assert combined > mean(lambda p: ours(p.read_bytes(), p.name, alone=True))
    assert combined > mean(lambda p: theirs(p.read_bytes()))


def test_import_of_a_page_whose_articles_are_teasers(make_project: Callable[[dict[str, str]], Path]) -> None:
    project = make_project({})
    result = run_cli(project, "import", str(PAGES / "teaser-articles.html"))
    assert result.returncode == 0, result.stderr
    [article] = (project / "content" / "articles").glob("*.md")
    text = article.read_text(encoding="utf-8")
    assert "Electricity demand in Spain hit a record on Monday" in text
    assert "Turbines stood still" not in text and "Solar records" not in text
    assert "published: 2023-07-18" in text


def test_import_reads_a_blog_s_byline_markup(make_project: Callable[[dict[str, str]], Path]) -> None:
    project = make_project({})
    result = run_cli(project, "import", str(PAGES / "blog-entry-content.html"))
    assert result.returncode == 0, result.stderr
    [article] = (project / "content" / "articles").glob("*.md")
    assert "authors:\n  - priya-shah  # TODO: no actor" in article.read_text(encoding="utf-8")
