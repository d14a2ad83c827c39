"""Reading a built site: links and ids of each page, and a checker for broken links and anchors."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


@dataclass
class PageInfo:
    ids: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)  # every href/src, as written
    content_links: list[str] = field(default_factory=list)  # hrefs inside <article>


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.info = PageInfo()
        self.article_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.info.ids.add(str(values["id"]))
        if tag == "a" and values.get("name"):
            self.info.ids.add(str(values["name"]))
        if tag == "article":
            self.article_depth += 1
        for key in ("href", "src"):
            value = values.get(key)
            if value is not None and not (tag == "link" and values.get("rel") in ("canonical", "alternate")):
                self.info.links.append(value)
                if self.article_depth and key == "href" and tag == "a":
                    self.info.content_links.append(value)

    def handle_endtag(self, tag: str) -> None:
        if tag == "article" and self.article_depth:
            self.article_depth -= 1


def read_page(path: Path) -> PageInfo:
    collector = _Collector()
    collector.feed(path.read_text(encoding="utf-8"))
    return collector.info


def resolve(site: Path, page: Path, href: str) -> tuple[Path, str] | None:
    """The file and fragment a relative link points to, or None for external links."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("mailto:", "data:", "javascript:")):
        return None
    if not parts.path:
        return page, unquote(parts.fragment)
    if parts.path.startswith("/"):
        raise AssertionError(f"{page.relative_to(site)}: absolute link {href!r} breaks under a sub-path")
    target = posixpath.normpath(posixpath.join(page.parent.relative_to(site).as_posix(), unquote(parts.path)))
    resolved = site / target
    if href.split("#")[0].endswith("/") or resolved.is_dir():
        resolved = resolved / "index.html"
    return resolved, unquote(parts.fragment)


def broken_links(site: Path) -> list[str]:
    pages = {path: read_page(path) for path in sorted(site.rglob("*.html"))}
    problems = []
    for page, info in pages.items():
        if page.name == "404.html" and page.parent == site:
            continue  # served for any missing URL, so MkDocs makes its links absolute from site_url
        for href in info.links:
            target = resolve(site, page, href)
            if target is None:
                continue
            file, fragment = target
            if not file.exists():
                problems.append(f"{page.relative_to(site)}: {href} → missing file")
            elif fragment and file.suffix == ".html":
                ids = pages[file].ids if file in pages else read_page(file).ids
                if fragment not in ids:
                    problems.append(f"{page.relative_to(site)}: {href} → missing anchor #{fragment}")
    return problems
