"""A generated page, before and after rendering, and the Jinja environment its template renders in."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

import jinja2
from markupsafe import Markup

from builder.render import sanitize
from builder.render.contexts import PageContext
from builder.render.languages import direction
from builder.render.page_output import RenderedPage
from builder.render.plain_text import finalize, html_text
from builder.render.text_fragments import passage_url
from builder.render.yaml_escapes import yaml_escapes


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str
    markdown: str


@dataclass(frozen=True)
class PendingPage:
    """A page whose path is known and whose HTML (or, for export, Markdown) is made on demand, so
    that rendering can run beside MkDocs (see builder/runtime/page_supply.py) instead of before it."""

    src_uri: str
    make: Callable[[], RenderedPage]
    owner: str = ""  # "kind:id" of the entity the page is about; "" for the timeline, indexes, home

    def render(self) -> GeneratedPage:
        return GeneratedPage(self.src_uri, self.make().text)


@jinja2.pass_context
def _prose(context: jinja2.runtime.Context, text: str, inline: bool = False) -> Markup:
    """A Markdown field, sanitised unless the plugin's ``raw_html`` trusts it (builder/render/sanitize.py)."""
    return sanitize.render(text, context["url"], raw_html=context["raw_html"], inline=inline,
                           convert=context["trusted_markdown"])


@functools.cache
def environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("builder.render", "templates"),
        autoescape=True,
        # Every plain value printed is escaped for Markdown as well as HTML (builder/render/plain_text.py).
        finalize=finalize,
        undefined=jinja2.StrictUndefined,
        trim_blocks=False,
        keep_trailing_newline=True,
    )
    environment.filters["prose"] = _prose
    environment.filters["html_text"] = html_text
    environment.filters["yaml_escapes"] = yaml_escapes
    environment.filters["direction"] = direction
    environment.filters["passage_url"] = passage_url
    return environment


class MakePage(Protocol):
    """The renderer's way to make a page from its path and its template's context."""

    def __call__(self, src_uri: str, context: PageContext) -> PendingPage: ...
