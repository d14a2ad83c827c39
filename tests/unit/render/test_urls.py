"""Relative links between pages, for both MkDocs URL styles."""

from __future__ import annotations

import pytest

from builder.render import urls
from builder.render.urls import relative_url


@pytest.mark.parametrize(
    ("source", "target", "directory_urls", "expected"),
    [
        ("actors/x.md", "events/y.md", True, "../../events/y/"),
        ("index.md", "actors/x.md", True, "actors/x/"),
        ("actors/x.md", "index.md", True, "../../"),
        ("actors/x.md", "actors/index.md", True, "../"),
        ("timeline/index.md", "events/y.md", True, "../events/y/"),
        ("actors/x.md", "actors/x.md", True, "./"),
        ("about.md", "index.md", True, "../"),
        ("actors/x/2019.md", "actors/x.md", True, "../"),
        ("actors/x.md", "actors/x/2019.md", True, "2019/"),
        ("timeline/2019.md", "timeline/index.md", True, "../"),
        ("actors/x.md", "events/y.md", False, "../events/y.html"),
        ("index.md", "actors/x.md", False, "actors/x.html"),
        ("actors/x.md", "index.md", False, "../index.html"),
        ("about.md", "index.md", False, "index.html"),
        ("timeline/index.md", "sources/index.md", False, "../sources/index.html"),
        ("actors/x/2019.md", "actors/x.md", False, "../x.html"),
        ("actors/x.md", "actors/x/2019.md", False, "x/2019.html"),
    ],
)
def test_relative_url(source: str, target: str, directory_urls: bool, expected: str) -> None:
    assert relative_url(source, target, directory_urls) == expected
    same_page = expected == "./"
    assert relative_url(source, target, directory_urls, "q-1") == ("#q-1" if same_page else expected + "#q-1")


def test_every_kind_of_page_path() -> None:
    """The paths the pages are published under: changing one breaks every link readers saved."""
    assert [urls.entity_page("actor", "x"), urls.entity_page("article", "x"), urls.section_index("place")] == [
        "actors/x.md", "sources/x.md", "places/index.md"]
    assert [urls.entity_period("actor", "x", "2019"), urls.entity_period("place", "y", "2019-03"),
            urls.entity_period("place", "y", "undated")] == [
        "actors/x/2019.md", "places/y/2019-03.md", "places/y/undated.md"]
    assert [urls.timeline_period("2019"), urls.timeline_period("2019-03"), urls.sources_year("2019")] == [
        "timeline/2019.md", "timeline/2019-03.md", "sources/by-year/2019.md"]
    assert [urls.actors_kind("person"), urls.actors_kind("person", "a-c")] == [
        "actors/by-kind/person.md", "actors/by-kind/person/a-c.md"]
    assert [urls.places_letters(None, "a"), urls.places_letters("syria", "other")] == [
        "places/by-letter/a.md", "places/syria/within/other.md"]
