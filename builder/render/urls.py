"""Every page path and URL scheme in one place.

Pages are named by their source path (``actors/erdogan.md``) like MkDocs files. Links the builder
writes as raw HTML are made relative here, for either URL style, so they work under a sub-path and
from ``file://``.
"""

from __future__ import annotations

import functools
import posixpath
from collections.abc import Mapping

SECTIONS = {"actor": "actors", "event": "events", "place": "places", "article": "sources", "story": "stories"}
HOME = "index.md"
TIMELINE = "timeline/index.md"
RELATIONS = "relations/index.md"
DATA = "data/index.md"  # the Data page, in the folder that holds the open-data files
DATA_RECORDS = "data/timeline.json"  # the open data's file of every record, which event pages link to
STORIES = "stories/index.md"


def entity_page(kind: str, id: str) -> str:
    return f"{SECTIONS[kind]}/{id}.md"


def section_index(kind: str) -> str:
    return f"{SECTIONS[kind]}/index.md"


# The pages that keep big lists small (builder/render/paging.py, index_paging.py): named by years,
# months or letters in a folder beside the entity's or section's own page.


def entity_period(kind: str, id: str, period: str) -> str:
    """A busy actor's or place's page for one year ("2011"), month ("2011-03") or "undated"."""
    return f"{SECTIONS[kind]}/{id}/{period}.md"


def timeline_period(period: str) -> str:
    return f"timeline/{period}.md"


def sources_year(year: str) -> str:
    return f"sources/by-year/{year}.md"


def actors_kind(kind: str, slug: str = "") -> str:
    """The page of one kind of actors, or of one run of first letters (``slug``) of that kind."""
    return f"actors/by-kind/{kind}/{slug}.md" if slug else f"actors/by-kind/{kind}.md"


def places_letters(within: str | None, slug: str) -> str:
    """A page of places by first letters: those within no other, or those directly within ``within``."""
    return f"places/{within}/within/{slug}.md" if within else f"places/by-letter/{slug}.md"


def relations_part(kind: str, number: int) -> str:
    """One page of a relation kind once the relations index is split: ``relations/support-2.md``."""
    return f"relations/{kind}-{number}.md"


def own_relations(kind: str, id: str, number: int) -> str:
    """An actor's or place's relations on pages of their own: ``actors/<id>/relations-2.md``."""
    return f"{SECTIONS[kind]}/{id}/relations{'' if number == 1 else f'-{number}'}.md"


@functools.lru_cache(maxsize=1 << 16)
def page_url(src_uri: str, directory_urls: bool) -> str:
    """The page's URL relative to the site root, as MkDocs computes it."""
    stem, _ = posixpath.splitext(src_uri)
    if posixpath.basename(stem) == "index":
        folder = posixpath.dirname(stem)
        if directory_urls:
            return f"{folder}/" if folder else ""
        return f"{folder}/index.html" if folder else "index.html"
    return f"{stem}/" if directory_urls else f"{stem}.html"


def relative_url(from_src: str, to_src: str, directory_urls: bool, fragment: str = "") -> str:
    source = page_url(from_src, directory_urls)
    target = page_url(to_src, directory_urls)
    suffix = f"#{fragment}" if fragment else ""
    if source == target:
        return suffix or "./"
    # Both are root-relative, so the relative path is plain string work (posixpath.relpath would
    # consult the working directory for each of the hundreds of thousands of links of a big site).
    base = source.split("/")[:-1]  # the folder the page is served from
    parts = target.split("/")
    common = 0
    while common < len(base) and common < len(parts) - 1 and base[common] == parts[common]:
        common += 1
    path = "../" * (len(base) - common) + "/".join(parts[common:])
    return (path or "./") + suffix


def file_url(from_src: str, path: str, directory_urls: bool) -> str:
    """A link from a page to a file that is no page (``data/timeline.json``), both from the site root."""
    depth = page_url(from_src, directory_urls).count("/")
    return "../" * depth + path


class Links:
    """URLs from one page to others; handed to templates as ``url``."""

    def __init__(self, page: str, directory_urls: bool, homes: Mapping[str, str] | None = None) -> None:
        self.page = page
        self.directory_urls = directory_urls
        self.homes = homes or {}  # relation id → the page that lists it with its sources
        self.used: set[str] = set()  # "kind:id" of every entity linked: what the page shows of others
    def to_page(self, src_uri: str, fragment: str = "") -> str:
        return relative_url(self.page, src_uri, self.directory_urls, fragment)

    def __call__(self, kind: str, id: str, fragment: str = "") -> str:
        self.used.add(f"{kind}:{id}")
        if kind == "relation":
            return self.to_page(self.homes[id], fragment)
        return self.to_page(entity_page(kind, id), fragment)
