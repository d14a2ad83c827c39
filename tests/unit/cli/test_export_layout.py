"""Where the export puts generated pages, and how hand-written pages' Markdown links follow them."""

from __future__ import annotations

import pytest

from builder.cli.export_layout import export_path, moved_pages, relink

GENERATED = ["index.md", "actors/index.md", "actors/erdogan.md", "actors/erdogan/2011.md", "events/warns.md"]
MOVED = moved_pages(GENERATED, directory_urls=True)


def test_with_directory_urls_each_page_is_its_folders_index() -> None:
    assert MOVED == {"actors/erdogan.md": "actors/erdogan/index.md",
                     "actors/erdogan/2011.md": "actors/erdogan/2011/index.md",
                     "events/warns.md": "events/warns/index.md"}
    assert moved_pages(GENERATED, directory_urls=False) == {}  # page.html: the file's folder is the URL's
    assert export_path("index.md", True) == "index.md" and export_path("a/b.md", False) == "a/b.md"


@pytest.mark.parametrize(("page", "before", "after"), [
    ("about.md", "[E](actors/erdogan.md)", "[E](actors/erdogan/index.md)"),
    ("about.md", "[E](actors/erdogan.md#quotes)", "[E](actors/erdogan/index.md#quotes)"),
    ("about.md", '[E](actors/erdogan.md "Erdoğan")', '[E](actors/erdogan/index.md "Erdoğan")'),
    ("about.md", "[E](<actors/erdogan.md>)", "[E](<actors/erdogan/index.md>)"),
    ("notes/reading.md", "[W](../events/warns.md)", "[W](../events/warns/index.md)"),
    ("actors/notes.md", "[E](erdogan.md) and [2011](erdogan/2011.md)",
     "[E](erdogan/index.md) and [2011](erdogan/2011/index.md)"),
    ("about.md", "[e]: actors/erdogan.md\n", "[e]: actors/erdogan/index.md\n"),
    ("about.md", "   [e]: <actors/erdogan.md> 'title'\n", "   [e]: <actors/erdogan/index.md> 'title'\n"),
])
def test_a_link_to_a_moved_page_follows_it(page: str, before: str, after: str) -> None:
    assert relink(before, page, MOVED) == after


@pytest.mark.parametrize("text", [
    "[Home](index.md) [Actors](actors/index.md) [About](about.md)",  # not moved
    "[E](https://example.org/actors/erdogan.md)",  # not relative
    "[E](erdogan.md)",  # relative to about.md: no such generated page at the top
    "see actors/erdogan.md, or (actors/erdogan.md)",  # no link
    "[E](actors/erdogan.mdx)",
])
def test_anything_else_is_left_as_written(text: str) -> None:
    assert relink(text, "about.md", MOVED) == text
