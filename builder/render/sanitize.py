"""Markdown fields (descriptions, commentary, notes, the home intro) as safe HTML.

Content comes from many hands, so raw HTML in a Markdown field is not trusted by default. A field is
converted here, with a fixed set of Markdown extensions, and the HTML is cleaned by nh3 (Ammonia)
against an allow-list: formatting, links, images, tables, lists, headings, code, blockquotes and
footnotes stay; scripts, event handlers, ``javascript:``/``data:`` URLs, frames, forms, objects, SVG
and styles go. The page gets that HTML as one raw HTML block, so the site's own Markdown extensions
never see the field (``attr_list`` there would turn ``{: onclick=…}`` into an attribute again).

``check`` reports each removal as a warning at the field's line; the plugin option ``raw_html: true``
(only for content you trust) turns all of this off and hands the Markdown to MkDocs as written.
"""

from __future__ import annotations

import functools
import html.parser
import posixpath
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import nh3
from markupsafe import Markup

from builder.diagnostics import Diagnostics, Origin
from builder.model.prose import Prose

if TYPE_CHECKING:
    import markdown

    from builder.model.site import Site
    from builder.render.urls import Links

EXTENSIONS = ["abbr", "admonition", "attr_list", "def_list", "fenced_code", "footnotes", "tables", "sane_lists"]
TAGS = nh3.ALLOWED_TAGS - {"area", "map"}
# Removed with everything inside them: their content is code or a document of its own, not text.
CONTENT_TAGS = {"script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "svg", "math",
                "noscript", "template", "textarea", "select", "title", "xmp", "noembed", "noframes"}
ATTRIBUTES = {**{tag: set(names) for tag, names in nh3.ALLOWED_ATTRIBUTES.items()},
              "*": {"class", "lang", "title", "dir"}, "sup": {"id"}, "li": {"id"},
              "th": {"style", "scope", "colspan", "rowspan", "align"}, "td": {"style", "colspan", "rowspan", "align"}}
URL_SCHEMES = {"http", "https", "mailto"}
URL_ATTRIBUTES = {"href", "src", "cite"}
_FOOTNOTE_ID = re.compile(r"fn(ref\d*)?:[\w-]+")
# The classes the extensions above give (footnotes, admonitions of the theme's types; fenced code adds
# language-*): they only format. Any other class, written or from attr_list, goes.
ADMONITION_TYPES = {"note", "abstract", "summary", "tldr", "info", "todo", "tip", "hint", "important", "success",
                    "check", "done", "question", "help", "faq", "warning", "caution", "attention", "failure",
                    "fail", "missing", "danger", "error", "bug", "example", "quote", "cite"}
CLASSES = {"footnote", "footnote-ref", "footnote-backref", "admonition", "admonition-title", *ADMONITION_TYPES}
HINT = "raw HTML is sanitised; set raw_html: true in the plugin options only for content you trust"
# Without one of these a field cannot hold raw HTML, a link, an image or an attribute list.
_MAYBE_MARKUP = re.compile(r"[<\[{]")
# Markdown-significant characters in the cleaned HTML, as references: the HTML means the same to a
# browser, and Markdown finds nothing to act on even where a page puts it in a Markdown context.
_MARKDOWN_CHARS = re.compile(r"[\\`*_{}\[\]~^\n\r]")
_SCHEME = re.compile(r"^\s*([a-zA-Z][a-zA-Z0-9+.-]*):")


def harmless_class(name: str) -> bool:
    return name in CLASSES or name.startswith("language-")


def keep_classes(value: str, allowed: Callable[[str], bool] = harmless_class) -> str | None:
    """The class names of ``value`` that only format; the theme's own classes would let a field
    dress itself as the theme's dialogs (a fake sign-in box over the page)."""
    kept = [name for name in value.split() if allowed(name)]
    return " ".join(kept) if kept else None


def _field_attribute(tag: str, attribute: str, value: str) -> str | None:
    """An ``id`` only where the footnotes extension puts one, so no field can name an element that
    the theme's scripts look up (or clobber a global of the same name); classes from the allow-list."""
    if attribute == "id":
        return value if tag in ("sup", "li") and _FOOTNOTE_ID.fullmatch(value) else None
    if attribute == "class":
        return keep_classes(value)
    return value


_CLEANER = nh3.Cleaner(tags=TAGS, clean_content_tags=CONTENT_TAGS, attributes=ATTRIBUTES,
                       attribute_filter=_field_attribute, url_schemes=URL_SCHEMES,
                       filter_style_properties={"text-align"})


@functools.cache
def _converter() -> markdown.Markdown:
    import markdown  # only when a field needs converting: `check` of plain content never does

    return markdown.Markdown(extensions=EXTENSIONS, output_format="html")


def to_html(text: str) -> str:
    """The field's Markdown as HTML, raw HTML and all."""
    converter = _converter()
    converter.reset()
    return converter.convert(text)


class _StartTags(html.parser.HTMLParser):
    """Start tags with their attributes, leaving out what is inside an element removed whole."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.inside: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self.inside:
            self.tags.append((tag, attrs))
        if tag in CONTENT_TAGS:
            self.inside.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self.inside:
            self.tags.append((tag, attrs))

    def handle_endtag(self, tag: str) -> None:
        if self.inside and self.inside[-1] == tag:
            self.inside.pop()


def _start_tags(html_text: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    parser = _StartTags()
    parser.feed(html_text)
    parser.close()
    return parser.tags


@dataclass(frozen=True)
class Removal:
    message: str  # "removed <script> element"
    needle: re.Pattern[str]  # where it is written in the Markdown
    count: int


def removals(raw: str, cleaned: str) -> list[Removal]:
    """What cleaning took out of ``raw``, from the difference between the two: nh3 decides, this
    only names it."""
    before, after = _start_tags(raw), _start_tags(cleaned)
    found: list[Removal] = []
    gone = Counter(tag for tag, _ in before) - Counter(tag for tag, _ in after)
    for tag, count in sorted(gone.items()):
        found.append(Removal(f"removed <{tag}> element", re.compile(rf"<{tag}\b", re.I), count))
    kept = {tag for tag, _ in after}
    classes = Counter((tag, name) for tag, attrs in before if tag in kept for key, value in attrs
                      if key == "class" for name in (value or "").split())
    classes -= Counter((tag, name) for tag, attrs in after for key, value in attrs
                       if key == "class" for name in (value or "").split())
    for (tag, name), count in sorted(classes.items()):
        found.append(Removal(f'removed class "{name}" of <{tag}>', re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])"),
                             count))
    pairs = Counter((tag, name) for tag, attrs in before if tag in kept for name, _ in attrs if name != "class")
    pairs -= Counter((tag, name) for tag, attrs in after for name, _ in attrs)
    for (tag, name), count in sorted(pairs.items()):
        schemes = sorted({match.group(1).lower() for t, attrs in before if t == tag for n, value in attrs
                          if n == name and name in URL_ATTRIBUTES and value
                          and (match := _SCHEME.match(value)) and match.group(1).lower() not in URL_SCHEMES})
        if schemes:
            found += [Removal(f"removed {scheme}: URL", re.compile(rf"{re.escape(scheme)}\s*:", re.I), count)
                      for scheme in schemes]
        else:
            found.append(Removal(f"removed {name} attribute of <{tag}>", re.compile(rf"\b{re.escape(name)}\b", re.I),
                                 count))
    return found


def clean(html_text: str) -> str:
    return str(_CLEANER.clean(html_text))


# Pages written by hand (MkDocs' docs_dir) are converted by MkDocs with the site's extensions, so
# they also hold heading ids and permalinks (toc), the theme's buttons (attr_list, as the theme
# documents them) and highlighted code: these only format or anchor, and stay.
PAGE_CLASSES = CLASSES | {"headerlink", "toc", "md-button", "md-button--primary", "highlight", "highlighttable",
                          "linenos", "linenodiv", "hll", "filename", "codehilite"}
_TOKEN_CLASS = re.compile(r"[a-z][a-z0-9]{0,2}")  # Pygments' token classes on a span: k, nf, s2 …


def _page_attribute(tag: str, attribute: str, value: str) -> str | None:
    if attribute == "id":  # "__": the theme's own elements (__drawer, __search) keep their ids
        return None if value.startswith("__") else value
    if attribute == "class":
        return keep_classes(value, lambda name: name in PAGE_CLASSES or name.startswith("language-")
                            or (tag == "span" and _TOKEN_CLASS.fullmatch(name) is not None))
    return value


_PAGE_CLEANER = nh3.Cleaner(tags=TAGS, clean_content_tags=CONTENT_TAGS,
                            attributes={**ATTRIBUTES, "*": ATTRIBUTES["*"] | {"id"}},
                            attribute_filter=_page_attribute, url_schemes=URL_SCHEMES,
                            filter_style_properties={"text-align"})


def clean_page(html_text: str, source: str, path: str, diagnostics: Diagnostics) -> str:
    """A hand-written page's HTML, cleaned; each removal a warning at the first line of ``source``
    (the page's Markdown file) that holds what was removed, else at line 1."""
    cleaned = str(_PAGE_CLEANER.clean(html_text))
    for removal in removals(html_text, cleaned):
        match = removal.needle.search(source)
        line = source.count("\n", 0, match.start()) + 1 if match else 1
        times = f" ({removal.count} times)" if removal.count > 1 else ""
        diagnostics.warning(Origin(path, line), f"{removal.message}{times} ({HINT})")
    return cleaned


@functools.lru_cache(maxsize=4096)
def _clean_html(text: str) -> str:
    return clean(to_html(text))


def _inert(html_text: str) -> str:
    return _MARKDOWN_CHARS.sub(lambda m: f"&#{ord(m.group())};", html_text)


def check(prose: Prose, diagnostics: Diagnostics) -> None:
    """Warn of each removal cleaning makes in ``prose``, at the line it is written on."""
    if not prose or _MAYBE_MARKUP.search(prose) is None:
        return
    raw = to_html(prose)
    for removal in removals(raw, clean(raw)):
        line = prose.origin.line
        match = removal.needle.search(prose) if prose.exact else None
        if match:
            line += prose.count("\n", 0, match.start())
        times = f" ({removal.count} times)" if removal.count > 1 else ""
        diagnostics.warning(Origin(prose.origin.path, line), f"{prose.field}: {removal.message}{times} ({HINT})")


def site_prose(site: Site) -> Iterator[Prose]:
    """Every Markdown field of the site."""
    fields: Iterable[Any] = [
        site.info.intro,
        *(actor.description for actor in site.actors.values()),
        *(place.description for place in site.places.values()),
        *(event.commentary for event in site.events.values()),
        *(article.note for article in site.articles.values()),
        *(relation.note for relation in site.relations.values()),
        *(story.introduction for story in site.stories.values()),
        *(step.narration for story in site.stories.values() for step in story.steps),
    ]
    return (field for field in fields if isinstance(field, Prose))


def check_site(site: Site, diagnostics: Diagnostics) -> None:
    for prose in site_prose(site):
        check(prose, diagnostics)


_MD_LINK = re.compile(r'href="([^"#:]*?\.md)(#[^"]*)?"')


def _link_pages(html_text: str, links: Links) -> str:
    """Links to ``.md`` files, relative to the page as MkDocs reads them, become links to their pages."""

    def page_link(match: re.Match[str]) -> str:
        path, fragment = match.group(1), (match.group(2) or "#")[1:]
        if path.startswith("/"):
            return match.group(0)
        target = posixpath.normpath(posixpath.join(posixpath.dirname(links.page), path))
        return f'href="{links.to_page(target, fragment)}"'

    return _MD_LINK.sub(page_link, html_text) if '.md"' in html_text or ".md#" in html_text else html_text


def render(text: str, links: Links, *, raw_html: bool, inline: bool = False,
           convert: Callable[[str], str] | None = None) -> Markup:
    """A Markdown field for a generated page: one line of clean HTML, or with ``raw_html`` the
    Markdown as written, converted by ``convert`` (the site's own Markdown configuration) or, for an
    exported Markdown page, left for the engine to convert (inline fields, which an engine would
    not convert inside HTML, as HTML)."""
    if raw_html and not inline:
        return Markup(_link_pages(convert(text), links) if convert else text)
    body = _inert(to_html(text) if raw_html else _link_pages(_clean_html(text), links))
    if inline:  # one paragraph runs on in its line; more stay blocks (a list item may hold them)
        if body.startswith("<p>") and body.endswith("</p>") and body.count("<p>") == 1:
            return Markup(f'<span class="tl-note">{body[3:-4]}</span>')
        return Markup(f'<div class="tl-note">{body}</div>')
    return Markup(f'<div class="tl-prose">{body}</div>')
