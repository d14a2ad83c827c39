"""trafilatura's reading of a saved page, as a second opinion for :mod:`html_page` (issue 17).

Compared on saved pages (``bench/import_compare.py``), trafilatura finds the story where a page's
only ``<article>`` elements are teaser cards for other stories, and finds bylines that only a
blog's markup names ("by <span class=author>…"); the project's own reader keeps the page's
structure (captions, credits, bylines, embeds, what was dropped and why, line numbers). So the
page is read by the project's reader, in the element trafilatura's text comes from, and
trafilatura fills the metadata the page's tags did not give. Without trafilatura (it is in the
``authoring`` extra), the reader works alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Opinion:
    paragraphs: set[str] = field(default_factory=set)  # whitespace-folded
    title: str = ""
    authors: list[str] = field(default_factory=list)
    published: str = ""  # YYYY-MM-DD


def fold(text: str) -> str:
    return " ".join(text.split())


def second_opinion(data: bytes) -> Opinion:
    try:
        import trafilatura
    except ModuleNotFoundError:
        return Opinion()
    try:
        document = trafilatura.bare_extraction(data.decode("utf-8", errors="replace"), with_metadata=True,
                                               include_comments=False)
    except Exception:  # a second opinion that fails is no opinion; the page is still read
        return Opinion()
    if document is None:
        return Opinion()
    found = document if isinstance(document, dict) else document.as_dict()  # a dict with as_dict=True
    authors = [name.strip() for name in str(found.get("author") or "").split(";") if name.strip()]
    lines = {fold(line) for line in str(found.get("text") or "").splitlines() if line.strip()}
    return Opinion(lines, str(found.get("title") or ""), authors, str(found.get("date") or "")[:10])
