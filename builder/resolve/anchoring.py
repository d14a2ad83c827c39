"""Anchoring in article text: quotes, cited passages, corrections and mentions of names.

Every quote must be found verbatim (modulo typography and spacing) or it is an error; names of
actors and places are linked wherever they occur as whole words, unless markup says otherwise.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import replace

from builder.diagnostics import Diagnostics, Origin
from builder.load.records import Records
from builder.model.article import Article
from builder.model.site import Mention, Site, Span
from builder.resolve.text import (
    Name,
    NameIndex,
    Sentences,
    closest_passage,
    flatten,
    flatten_quote,
    is_quoted,
    locate_flat,
)
from builder.runtime.fork import InChild

MENTIONS_PER_ARTICLE = 20  # sentences of one article listed on a name's page; the rest are counted
CONTEXT_WHOLE = 400  # a sentence up to this long is shown whole (nearly every sentence of the news)
CONTEXT_SIDE = 160  # else this much either side of the name
_SPACE = re.compile(r"\s+")


def _shorten(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _name_index(site: Site) -> NameIndex:
    names = [Name(text, "actor", actor.id) for actor in site.actors.values() for text in actor.names]
    names += [Name(text, "place", place.id) for place in site.places.values() for text in place.names]
    return NameIndex(names)


Found = tuple[int, int, int] | None  # (paragraph, start, end) of a passage in its article, or None
Passages = dict[str, list[str]]  # article id -> the passages looked for in it, each once


def passages_to_locate(records: Records) -> Passages:
    """Every quote and cited passage, by the article it must be found in."""
    wanted: dict[str, dict[str, None]] = {}
    for event in records.events.values():
        for quote in event.quotes:
            if quote.article.id in records.articles:
                wanted.setdefault(quote.article.id, {})[quote.text] = None
    for relation in records.relations.values():
        for citation in relation.sources:
            if citation.text and citation.article.id in records.articles:
                wanted.setdefault(citation.article.id, {})[citation.text] = None
    return {article_id: list(texts) for article_id, texts in wanted.items()}


def locate_passages(articles: Mapping[str, Article], passages: Passages) -> dict[tuple[str, str], Found]:
    """Where each passage is, looked up by (article id, passage). Pure, so that it can run in
    another process (see ``start_locating``): its answer is small, but the search is not."""
    located: dict[tuple[str, str], Found] = {}
    for article_id, texts in passages.items():
        paragraphs = articles[article_id].paragraphs
        flats = [flatten(p.text) for p in paragraphs]  # once, however many passages are looked for
        for text in texts:
            wanted = flatten_quote(text)
            found: Found = None
            for index, (paragraph, flat) in enumerate(zip(paragraphs, flats, strict=True)):
                offsets = locate_flat(wanted, paragraph.text, flat)
                if offsets:
                    found = (index, offsets[0], offsets[1])
                    break
            located[(article_id, text)] = found
    return located


def start_locating(records: Records) -> InChild[dict[tuple[str, str], Found]]:
    """Locate every passage in a child process while references are resolved here: at M, 10,000
    quotes in 3,600 articles take about 0.4 s."""
    passages = passages_to_locate(records)
    return InChild(lambda: locate_passages(records.articles, passages), size=sum(map(len, passages.values())))


def _not_found(article: Article, passage: str) -> str:
    message = f"quote not found in article '{article.id}': \"{_shorten(passage)}\""
    closest = closest_passage(passage, (p.text for p in article.paragraphs))
    if closest:
        message += f"; the closest paragraph starts \"{_shorten(closest, 60)}\""
    return message


def _citation_only(article: Article) -> str:
    return (f"article '{article.id}' is a citation-only source (it has no text), so no passage can be quoted "
            "from it: paste its text below its front matter, or cite it in 'sources' without a quote")


def _unquoted(article: Article, passage: str) -> str:
    return (f"quote \"{_shorten(passage)}\" has no quotation marks around it in article '{article.id}', so it "
            "may be the reporter's words: if it is, add 'kind: reported'; if the speaker's words are quoted "
            "next to it, widen the quote to them")


def _anchor_quotes(site: Site, spans: dict[str, list[list[Span]]], located: Mapping[tuple[str, str], Found],
                   diagnostics: Diagnostics) -> None:
    embedded = {a.id: [b.kind == "embed" for b in a.blocks for _ in b.paragraphs] for a in site.articles.values()}
    for event in site.timeline:
        for quote in event.quotes:
            article = site.articles.get(quote.article.id)
            if article is None:
                continue  # reported as an unknown article
            if article.citation_only:
                diagnostics.error(quote.origin, _citation_only(article))
                continue
            found = located[(article.id, quote.text)]
            if found is None:
                diagnostics.error(quote.origin, _not_found(article, quote.text))
                continue
            paragraph, start, end = found
            quote.anchor = quote.id
            text = article.paragraphs[paragraph].text
            quote.passage = text[start:end]
            # An embedded post is its author's own words, with or without quotation marks.
            if quote.kind == "direct" and not embedded[article.id][paragraph] and not is_quoted(text, start, end):
                diagnostics.warning(quote.origin, _unquoted(article, quote.text))
            spans[article.id][paragraph].append(
                Span(start, end, "quote", "event", event.id, quote.id, event.title, quote.id))
            site.article_quotes[article.id].append(quote)
    for relation in sorted(site.relations.values(), key=lambda r: r.id):
        for number, citation in enumerate(relation.sources, start=1):
            article = site.articles.get(citation.article.id)
            if article is None or not citation.text:
                continue
            if article.citation_only:
                diagnostics.error(citation.origin, _citation_only(article))
                continue
            found = located[(article.id, citation.text)]
            if found is None:
                diagnostics.error(citation.origin, _not_found(article, citation.text))
                continue
            paragraph, start, end = found
            citation.anchor = f"c-{relation.id}-{number}"
            subject, object_ = (site.actors[r.id].name if r.id in site.actors else r.id
                                for r in (relation.subject, relation.object))
            label = f"{subject} {relation.label} {object_}"
            spans[article.id][paragraph].append(Span(start, end, "citation", "relation", relation.id,
                                                     citation.anchor, label, f"r-{relation.id}"))


def _mark_corrections(article: Article, spans: list[list[Span]], diagnostics: Diagnostics) -> None:
    for correction in article.corrections:
        pattern = re.compile(rf"(?<!\w){re.escape(correction.text)}(?!\w)")
        hits = 0
        for index, paragraph in enumerate(article.paragraphs):
            for match in pattern.finditer(paragraph.text):
                spans[index].append(Span(match.start(), match.end(), "sic", label=correction.correction))
                hits += 1
        if not hits:
            diagnostics.error(correction.origin,
                              f"correction: '{correction.text}' does not occur in article '{article.id}'")


def _mark_mentions(site: Site, article: Article, spans: list[list[Span]], index: NameIndex,
                   diagnostics: Diagnostics, *, validate_only: bool) -> None:
    """Link every name; warn where a name could be two things. Validating alone needs only the
    warnings, so only paragraphs where a name of two owners may occur are searched."""
    warned: set[str] = set()
    known: dict[str, Mapping[str, object]] = {"actor": site.actors, "place": site.places}
    # A name's page lists each sentence naming it once, and at most MENTIONS_PER_ARTICLE of an
    # article's: a name said thousands of times must not make a page of thousands of lines.
    listed: set[tuple[str, str, int, tuple[int, int]]] = set()
    mentions: dict[tuple[str, str], list[Mention]] = defaultdict(list)
    unlisted: Counter[tuple[str, str]] = Counter()
    for number, paragraph in enumerate(article.paragraphs):
        if validate_only and not index.may_be_ambiguous(paragraph.text):
            continue
        found: list[tuple[int, int, str, str]] = []
        for explicit in paragraph.explicit:
            if explicit.ref and explicit.ref.id in known[explicit.ref.kind]:
                found.append((explicit.start, explicit.end, explicit.ref.kind, explicit.ref.id))
        skip = [(m.start, m.end) for m in paragraph.explicit]
        for hit in index.find(paragraph.text, skip):
            if len({(n.kind, n.id) for n in hit.names}) == 1:
                found.append((hit.start, hit.end, hit.names[0].kind, hit.names[0].id))
                continue
            name = paragraph.text[hit.start : hit.end]
            if name not in warned:
                warned.add(name)
                options = " or ".join(f"{n.kind} '{n.id}'" for n in hit.names)
                diagnostics.warning(
                    Origin(article.origin.path, paragraph.line),
                    f"'{name}' could be {options}: write [{name}]({hit.names[0].kind}:{hit.names[0].id}) "
                    f"or [{name}](-) to settle it",
                )
        if validate_only or not found:
            continue
        sentences = Sentences(paragraph.text)
        for start, end, kind, id_ in sorted(found):
            anchor = f"m-{number + 1}-{start}"
            spans[number].append(Span(start, end, "mention", kind, id_, anchor))
            sentence = sentences.bounds(start, end)
            if (kind, id_, number, sentence) in listed:
                continue
            listed.add((kind, id_, number, sentence))
            if len(mentions[(kind, id_)]) < MENTIONS_PER_ARTICLE:
                context = _context(paragraph.text, sentence, start, end)
                mentions[(kind, id_)].append(Mention(article.id, anchor, context))
            else:
                unlisted[(kind, id_)] += 1
    for key, shown in mentions.items():
        if unlisted[key]:
            shown[-1] = replace(shown[-1], more=unlisted[key])
        site.mentions[key].extend(shown)


def _context(text: str, sentence: tuple[int, int], start: int, end: int) -> str:
    """The sentence around a name, or past ``CONTEXT_WHOLE`` characters a window of whole words
    ``CONTEXT_SIDE`` either side of it, so a page's size does not grow with sentence length."""
    begin, stop = sentence
    whole = text[begin:stop].strip()
    if len(whole) <= CONTEXT_WHOLE:
        return whole
    left, right = max(begin, start - CONTEXT_SIDE), min(stop, end + CONTEXT_SIDE)
    if left > begin and not text[left - 1].isspace():
        space = _SPACE.search(text, left, start)
        left = space.end() if space else start
    if right < stop and not text[right].isspace():
        spaces = [space.start() for space in _SPACE.finditer(text, end, right)]
        right = spaces[-1] if spaces else end
    return ("…" if left > begin else "") + text[left:right].strip() + ("…" if right < stop else "")


def annotate_articles(site: Site, diagnostics: Diagnostics, located: InChild[dict[tuple[str, str], Found]], *,
                      validate_only: bool = False) -> None:
    """``located``: see ``start_locating``; its result is waited for last, once the names are
    marked. ``validate_only``: report the same problems, without the mentions that only pages need."""
    spans: dict[str, list[list[Span]]] = {a: [[] for _ in site.articles[a].paragraphs] for a in site.articles}
    index = _name_index(site)
    for article_id in sorted(site.articles):
        article = site.articles[article_id]
        _mark_corrections(article, spans[article_id], diagnostics)
        _mark_mentions(site, article, spans[article_id], index, diagnostics, validate_only=validate_only)
    _anchor_quotes(site, spans, located.result(), diagnostics)
    # Spans of one kind keep the order they were found in: the sort is stable.
    site.spans = {a: [sorted(p, key=lambda s: (s.start, -s.end, s.kind)) for p in spans[a]] for a in spans}
