"""What a generated page becomes: HTML with its metadata and table of contents, or a Markdown file.

A site build hands MkDocs each page as HTML (``RenderedPage``), so Python-Markdown never converts
what the templates already wrote as HTML. The only Markdown a template used to write was its front
matter and its ``##`` section headings; templates now call ``doc.front(…)`` and ``doc.heading(…)``,
which give either form:

- for a site, the heading as HTML made the way Python-Markdown's ``toc`` extension makes it (its own
  ``slugify``, ``unique`` and ``strip_tags``, the site's ``permalink`` options), and the metadata
  and TOC tokens as data, so the theme receives the same ``page.content``, ``page.meta`` and
  ``page.toc`` as when MkDocs converted Markdown;
- for ``export``, Markdown as before (front matter and ``## Heading``), which any engine builds.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, cast

from jinja2.utils import htmlsafe_json_dumps
from markdown.extensions.toc import nest_toc_tokens, slugify, strip_tags, unique
from markupsafe import Markup, escape

from builder.render.plain_text import inert
from builder.render.yaml_escapes import yaml_escapes

_ID = re.compile(r'\sid="([^"]+)"')


@dataclass(frozen=True)
class HeadingStyle:
    """How headings look, from the ``toc`` extension's configuration (its option names and defaults)."""

    permalink: bool | str = False
    permalink_class: str = "headerlink"
    permalink_title: str = "Permanent link"
    permalink_leading: bool = False
    anchorlink: bool = False
    anchorlink_class: str = "toclink"
    slugify: Callable[[str, str], str] = slugify
    separator: str = "-"
    baselevel: int = 1
    toc_depth: tuple[int, int] = (1, 6)

    @classmethod
    def from_options(cls, options: Mapping[str, Any]) -> HeadingStyle:
        """The style the ``toc`` extension would use with ``options`` (``mdx_configs['toc']``)."""
        known = {name: options[name] for name in ("permalink_class", "permalink_title", "anchorlink_class",
                                                   "slugify", "separator") if name in options}
        depth = options.get("toc_depth", 6)
        top, bottom = (int(x) for x in depth.split("-")) if isinstance(depth, str) and "-" in depth else (1, int(depth))
        permalink = options.get("permalink", False)
        return cls(**known, permalink=permalink if isinstance(permalink, str) and permalink not in ("True", "False")
                   else str(permalink) == "True",
                   permalink_leading=str(options.get("permalink_leading", False)) == "True",
                   anchorlink=str(options.get("anchorlink", False)) == "True",
                   baselevel=int(options.get("baselevel", 1)), toc_depth=(top, bottom))


@dataclass(frozen=True)
class OutputStyle:
    """What pages are made as. ``headings`` None: Markdown files (export). ``trusted_markdown``:
    how a site converts Markdown fields the ``raw_html`` option trusts (MkDocs' own configuration)."""

    headings: HeadingStyle | None = None
    trusted_markdown: Callable[[str], str] | None = None
    language: str = "en"  # the interface language: a table of builder/render/i18n


MARKDOWN = OutputStyle()


@dataclass(frozen=True)
class RenderedPage:
    """A generated page as MkDocs receives it: ``text`` is its HTML (or, for export, its Markdown
    file), ``meta`` its front matter, ``toc`` the ``toc`` extension's nested tokens, ``anchors`` the
    ids in it (links from hand-written pages to them are checked), ``linked`` the entities it links
    to ("kind:id": when one changes, the page may change; see builder/render/incremental.py)."""

    src_uri: str
    text: str
    meta: dict[str, Any] = field(default_factory=dict)
    toc: list[dict[str, Any]] = field(default_factory=list)
    anchors: frozenset[str] = frozenset()
    linked: frozenset[str] = frozenset()

    def digest(self) -> str:
        """What MkDocs would make of the page, as a fingerprint: same digest, same output."""
        return hashlib.blake2b(repr((self.text, self.meta, self.toc)).encode(), digest_size=16).hexdigest()


class PageOutput:
    """The ``doc`` a template writes its front matter and headings through, one per page render."""

    def __init__(self, style: HeadingStyle | None) -> None:
        self.style = style  # None: Markdown, for export
        self.meta: dict[str, Any] = {}
        self.tokens: list[dict[str, Any]] = []
        self._used: set[str] = set()
        self._counters: dict[str, int] = {}

    def front(self, **fields: Any) -> Markup:
        """The page's metadata; a field that is None or empty is left out. Strings arrive
        HTML-escaped (the theme prints ``title`` and ``description`` unescaped)."""
        values = {name: value for name, value in fields.items() if value}
        if self.style is not None:
            self.meta = values
            return Markup("")
        lines = "".join(f"{name}: {yaml_escapes(htmlsafe_json_dumps(value, sort_keys=True))}\n"
                        for name, value in values.items())
        return Markup(f"---\n{lines}---")

    def heading(self, level: int, text: object) -> Markup:
        inner = str(text) if isinstance(text, Markup) else str(inert(str(text)))
        style = self.style
        if style is None:
            return Markup(f"{'#' * level} {inner}")
        level = min(level + style.baselevel - 1, 6)
        name = strip_tags(inner)
        anchor = unique(style.slugify(html.unescape(name), style.separator), self._used, self._counters)
        if style.toc_depth[0] <= level <= style.toc_depth[1]:
            self.tokens.append({"level": level, "id": html.unescape(anchor), "name": name, "html": inner,
                                "data-toc-label": ""})
        body = inner
        if style.anchorlink:
            body = f'<a class="{escape(style.anchorlink_class)}" href="#{escape(anchor)}">{body}</a>'
        if style.permalink:
            symbol = "&para;" if style.permalink is True else str(escape(style.permalink))
            title = f' title="{escape(style.permalink_title)}"' if style.permalink_title else ""
            link = f'<a class="{escape(style.permalink_class)}" href="#{escape(anchor)}"{title}>{symbol}</a>'
            body = link + body if style.permalink_leading else body + link
        return Markup(f'<h{level} id="{escape(anchor)}">{body}</h{level}>')

    def finish(self, src_uri: str, body: str, linked: set[str]) -> RenderedPage:
        if self.style is None:
            return RenderedPage(src_uri, body)
        nested = cast(list[dict[str, Any]], nest_toc_tokens(cast(Any, self.tokens)))  # its TypedDicts are private
        return RenderedPage(src_uri, body.strip() + "\n", self.meta, nested,
                            frozenset(_ID.findall(body)), frozenset(linked))
