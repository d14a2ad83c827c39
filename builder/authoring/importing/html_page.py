"""A saved news page (HTML) to an article draft.

Metadata comes from what publishers put there for search engines and social networks: JSON-LD
(``NewsArticle``), Open Graph and ``article:`` meta tags, ``<html lang>``, ``<time datetime>``. The
text comes from the ``<article>`` (or ``itemprop=articleBody``, or else the element holding the
most paragraph text); inside it, navigation, forms, share buttons, comment sections, newsletter
prompts and ads are recognised by tag and class name and reported as dropped. Paragraphs then go
through the same rules as plain text (bylines, credits, "Read more:" lines …).
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Iterator
from typing import Any

from bs4 import BeautifulSoup
from bs4.element import NavigableString, PreformattedString, Tag

from builder.authoring.importing import lines
from builder.authoring.importing.assemble import BULLET, Rules, assemble, classify
from builder.authoring.importing.draft import DATELINE, DROP, PLAIN, TITLE, Draft, Metadata, Unit
from builder.authoring.importing.second_opinion import Opinion, fold, second_opinion

_ARTICLE_TYPES = {"NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "BlogPosting",
                  "OpinionNewsArticle", "BackgroundNewsArticle", "LiveBlogPosting"}
_INVISIBLE = ("script", "style", "noscript", "template", "svg", "canvas", "button", "input", "select",
              "textarea", "link", "meta", "img", "picture", "video", "audio", "source")
_BOILERPLATE_TAGS = {"nav": "site navigation", "form": "form", "footer": "page footer", "dialog": "dialog"}
# class or id words → why such a box is not article text
_BOILERPLATE_WORDS = (("share", "share buttons"), ("social", "share buttons"), ("comment", "comment section"),
                      ("newsletter", "newsletter prompt"), ("subscri", "newsletter prompt"),
                      ("signup", "newsletter prompt"), ("related", "related links"), ("recommend", "related links"),
                      ("popular", "related links"), ("promo", "promotion"), ("advert", "advertisement"),
                      ("sponsor", "advertisement"), ("cookie", "cookie notice"), ("breadcrumb", "site navigation"),
                      ("paywall", "paywall"), ("tags", "topic tags"))
_AD_TOKEN = re.compile(r"(?i)ads?|ad[-_].*")
_BLOCK_TAGS = ["p", "div", "section", "article", "header", "footer", "aside", "nav", "main", "figure",
               "figcaption", "blockquote", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "form",
               "pre", "hr", "time", "dl"]
_CREDIT_WORDS = ("credit", "copyright", "source", "photographer")
_STANDFIRST_WORDS = ("standfirst", "dek", "subtitle", "subheadline", "summary", "description")
_BR = "\ue000"  # stands for a <br> while whitespace is collapsed


def read_page(data: bytes, source: str, rules: Rules) -> Draft:
    soup = BeautifulSoup(data, "html.parser")
    opinion = second_opinion(data)
    page = _metadata(soup)
    for tag in soup.find_all(_INVISIBLE):
        tag.decompose()
    main = _main_element(soup, opinion)
    units = list(_units(main, rules)) if main else []
    drafts = assemble(units, source, dataclasses.replace(rules, one=True, title_from_first_line=False))
    draft = drafts[0] if drafts else Draft(source, 1, Metadata())
    if main is not None and main.name not in ("body", "[document]"):
        outside = Unit([f"everything outside <{main.name}>: the site's header, menus, footer …"],
                       main.sourceline or 1, DROP, "not the article")
        draft.dropped.insert(0, outside)
    found = draft.metadata
    found.title, draft.title_from = (page.title, page.title_from) if page.title else (found.title, draft.title_from)
    found.authors = [*page.metadata.authors, *(name for name in found.authors if name not in page.metadata.authors)]
    for name in ("publisher", "published", "language", "url"):
        setattr(found, name, getattr(page.metadata, name) or getattr(found, name))
    found.authors = found.authors or opinion.authors  # "by <span class=author>": only trafilatura reads it
    found.published = found.published or opinion.published
    if not found.title and opinion.title:
        found.title, draft.title_from = opinion.title, "trafilatura"
    return draft


@dataclasses.dataclass
class _Page:
    metadata: Metadata
    title: str
    title_from: str


def _metadata(soup: BeautifulSoup) -> _Page:
    ld = _json_ld_article(soup)
    meta: dict[str, str] = {}
    for tag in soup.find_all("meta"):
        key, content = tag.get("property") or tag.get("name") or tag.get("itemprop"), tag.get("content")
        if isinstance(key, str) and isinstance(content, str) and content.strip():
            meta.setdefault(key.lower(), content.strip())
    h1 = soup.find("h1")
    title_tag = soup.find("title")
    titles = [(_name(ld.get("headline")), "JSON-LD headline"), (_text(h1) if h1 else "", "<h1>"),
              (meta.get("og:title", ""), "og:title"), (_text(title_tag) if title_tag else "", "<title>")]
    title, title_from = next(((t, where) for t, where in titles if t), ("", ""))
    time_tag = soup.find("time", attrs={"datetime": True})
    dates = [_name(ld.get("datePublished")), meta.get("article:published_time", ""), meta.get("datepublished", ""),
             meta.get("date", ""), meta.get("pubdate", ""), meta.get("dc.date", ""),
             str(time_tag.get("datetime")) if time_tag else ""]
    authors = _names(ld.get("author")) or lines.names(meta.get("author", ""))
    html = soup.find("html")
    language = _name(ld.get("inLanguage")) or (str(html.get("lang", "")) if html else "") or meta.get("og:locale", "")
    url = _name(ld.get("url")) or _name(ld.get("mainEntityOfPage")) or meta.get("og:url", "")
    metadata = Metadata(
        publisher=_name(ld.get("publisher")) or meta.get("og:site_name", ""),
        authors=authors,
        published=next((date for value in dates if value and (date := lines.date_in(value))), ""),
        language=re.split(r"[-_]", language)[0].lower() if language else "",
        url=url if url.startswith(("http://", "https://")) else "",
    )
    return _Page(metadata, title, title_from)


def _json_ld_article(soup: BeautifulSoup) -> dict[str, Any]:
    for script in soup.find_all("script", attrs={"type": "application/ld+json"}):
        try:
            data = json.loads(script.get_text())
        except ValueError:
            continue  # a page's broken JSON-LD is its own problem; the meta tags remain
        for item in _flatten(data):
            types = item.get("@type")
            # only text names a type: a page may put anything there, a dict or a number
            names = {value for value in (types if isinstance(types, list) else [types]) if isinstance(value, str)}
            if names & _ARTICLE_TYPES:
                return item
    return {}


def _flatten(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _flatten(item)
    elif isinstance(data, dict):
        yield data
        yield from _flatten(data.get("@graph", []))


def _name(value: Any) -> str:
    """A JSON-LD value as text: a string, or the name (or @id) of an object."""
    if isinstance(value, list):
        return _name(value[0]) if value else ""
    if isinstance(value, dict):
        return _name(value.get("name") or value.get("@id") or "")
    return value.strip() if isinstance(value, str) else ""


def _names(value: Any) -> list[str]:
    return [name for item in (value if isinstance(value, list) else [value]) if (name := _name(item))]


def _main_element(soup: BeautifulSoup, opinion: Opinion) -> Tag | None:
    marked = [*soup.find_all("article"), *soup.find_all(True, attrs={"itemprop": "articleBody"})]
    candidates = marked or [p.parent for p in soup.find_all("p") if isinstance(p.parent, Tag)]
    if not candidates:
        return soup.body or soup

    def paragraph_text(tag: Tag) -> int:
        return sum(len(p.get_text()) for p in tag.find_all("p"))

    def agreed(tag: Tag) -> int:
        """How much of the element's paragraph text trafilatura also took for the story."""
        return sum(len(p.get_text()) for p in tag.find_all("p") if fold(p.get_text()) in opinion.paragraphs)

    if marked and opinion.paragraphs:  # the <article>s may be teaser cards for other stories
        candidates += [p.parent for p in soup.find_all("p") if isinstance(p.parent, Tag)]
    # the story trafilatura read first; then a marked element (it holds captions and bylines too); then size
    return max(candidates, key=lambda tag: (agreed(tag), any(tag is m for m in marked), paragraph_text(tag)))


def _text(tag: Tag) -> str:
    """The text as a browser shows it: runs of white space are one space, <br> a line break."""
    pieces = []
    for node in tag.descendants:
        if isinstance(node, Tag) and node.name == "br":
            pieces.append(_BR)
        elif isinstance(node, NavigableString) and not isinstance(node, PreformattedString):
            pieces.append(str(node))
    text = re.sub(r"[ \t\r\n\f]+", " ", "".join(pieces))
    return "\n".join(line.strip() for line in text.split(_BR) if line.strip())


def _why_boilerplate(tag: Tag) -> str:
    if tag.name in _BOILERPLATE_TAGS:
        return _BOILERPLATE_TAGS[tag.name]
    if tag.get("hidden") is not None or tag.get("aria-hidden") == "true":
        return "hidden"
    for word in _class_words(tag):
        if _AD_TOKEN.fullmatch(word):
            return "advertisement"
        reason = next((why for key, why in _BOILERPLATE_WORDS if key in word.lower()), "")
        if reason:
            return reason
    return ""


def _has_word(tag: Tag, keys: tuple[str, ...]) -> bool:
    words = " ".join(_class_words(tag)).lower()
    return any(key in words for key in keys)


def _class_words(tag: Tag) -> list[str]:
    classes = tag.get("class")
    words = list(classes) if isinstance(classes, list) else [classes] if isinstance(classes, str) else []
    return [*words, str(tag.get("id") or "")]


def _units(element: Tag, rules: Rules) -> Iterator[Unit]:
    for child in element.children:
        if isinstance(child, Tag):
            yield from _tag_units(child, rules)
        elif isinstance(child, NavigableString) and not isinstance(child, PreformattedString) and child.strip():
            yield Unit([" ".join(child.split())], element.sourceline or 1)


def _tag_units(tag: Tag, rules: Rules) -> Iterator[Unit]:
    line, text = tag.sourceline or 1, _text(tag)
    if not text:
        return
    if reason := _why_boilerplate(tag):
        yield Unit(text.splitlines()[:1], line, DROP, reason)
    elif tag.name == "h1":
        yield Unit([text], line, TITLE)
    elif tag.name in ("h2", "h3", "h4", "h5", "h6"):
        yield Unit([text], line, "heading")
    elif tag.name == "figure" or tag.name == "figcaption":
        yield from _figure_units(tag, rules)
    elif tag.name == "blockquote" and _has_word(tag, ("tweet", "twitter", "instagram", "embed")):
        yield from _embed_units(tag)
    elif tag.name == "time":
        yield Unit([text], line, DATELINE)
    elif tag.name == "aside":
        yield Unit([text], line, "aside" if len(text.split()) <= 40 else DROP, "sidebar")
    elif tag.name == "li":
        yield Unit([text], line, BULLET)
    elif _has_word(tag, _STANDFIRST_WORDS) and tag.name != "article":
        yield Unit([text], line, "standfirst")
    elif tag.name != "p" and tag.find(_BLOCK_TAGS):
        yield from _units(tag, rules)
    else:
        yield from classify(Unit(text.split("\n"), line), rules)


def _figure_units(figure: Tag, rules: Rules) -> Iterator[Unit]:
    tweet = figure.find("blockquote")
    embedded = list(_embed_units(tweet)) if tweet is not None else []
    if embedded:
        yield from embedded
        return  # an empty blockquote embeds nothing: the figure's caption is read instead
    caption = figure if figure.name == "figcaption" else figure.find("figcaption")
    if not isinstance(caption, Tag):
        return
    credits = [tag for tag in caption.find_all(True) if _has_word(tag, _CREDIT_WORDS)]
    for tag in credits:
        tag.extract()
    text = _text(caption)
    if text:
        for unit in classify(Unit([text], caption.sourceline or 1), rules):
            yield dataclasses.replace(unit, kind="caption") if unit.kind == PLAIN else unit
    for tag in credits:
        if credit := _text(tag):
            yield Unit([credit], tag.sourceline or 1, "credit")


def _embed_units(quote: Tag) -> Iterator[Unit]:
    """An embedded tweet as pasted from Twitter: its text, then "— Name (@handle) date"."""
    paragraphs = [_text(p) for p in quote.find_all("p")] or [_text(quote)]
    tail = [child for child in quote.children if not (isinstance(child, Tag) and child.name == "p")]
    signature = " ".join(" ".join(_text(child).split() if isinstance(child, Tag) else str(child).split())
                         for child in tail if not isinstance(child, PreformattedString)).strip()
    signature = signature if quote.find("p") else ""
    by = re.match(r"[—–-]\s*(?P<name>[^(@]+?)\s*\(@", signature)
    kind = "tweet" if _has_word(quote, ("tweet", "twitter")) else "post"
    texts = [text for text in [*paragraphs, signature] if text]
    if not texts:
        return  # an empty blockquote: nothing to embed
    yield Unit([texts[0]], quote.sourceline or 1, "embed", by=by.group("name") if by else "", embed_type=kind)
    for text in texts[1:]:
        yield Unit([text], quote.sourceline or 1, "embedded")
