"""Site → Markdown pages. Pure: the same Site always gives the same pages, byte for byte."""

from __future__ import annotations

import dataclasses
import functools
from collections import Counter, defaultdict
from typing import Any

from builder.model.actor import ACTOR_KINDS, KIND_LABELS, Actor
from builder.model.article import BLOCK_LABELS, Article
from builder.model.common import date_order
from builder.model.event import Event, Quote
from builder.model.place import Place
from builder.model.site import Site
from builder.render import jsonld, urls
from builder.render.actor_pages import TOP_CO_ACTORS, all_periods, split_by_year
from builder.render.article_html import paragraph_html
from builder.render.contexts import (
    ActorContext,
    ActorYearContext,
    ArticleContext,
    DataContext,
    EventContext,
    EventsIndexContext,
    HomeContext,
    PageContext,
    PlaceContext,
    PlaceYearContext,
    RelationsContext,
    SourcesIndexContext,
    TimelineContext,
)
from builder.render.facets import SCRIPT_WORDS, facets, named
from builder.render.figures.maps import event_map, place_page_map
from builder.render.figures.overview import overview
from builder.render.figures.relations_chart import (
    ACTOR_LIMIT,
    RELATIONS_PER_PAGE,
    RelationsPage,
    page_links,
    plan_own_relations,
    plan_relations,
    relations_chart,
)
from builder.render.i18n import speaking, tr, words_for
from builder.render.indexes import IndexPages
from builder.render.languages import direction
from builder.render.page import GeneratedPage, PendingPage, environment
from builder.render.page_output import MARKDOWN, OutputStyle, PageOutput, RenderedPage
from builder.render.paging import PAGE_LIMIT, by_year, neighbours, plan_timeline, year_month_groups, year_of
from builder.render.place_pages import split_place_by_year
from builder.render.story_pages import StoryPages


class _Renderer:
    def __init__(self, site: Site, directory_urls: bool, raw_html: bool = False, style: OutputStyle = MARKDOWN) -> None:
        self.site = site
        self.directory_urls = directory_urls
        self.raw_html = raw_html
        self.style = style
        self.words = words_for(style.language)
        self.plan = plan_timeline(site.timeline)
        self.tables: dict[str, dict[str, Any]] = {"actor": site.actors, "place": site.places, "event": site.events,
                                                  "article": site.articles}
        self.event_counts = Counter({actor_id: len(roles) for actor_id, roles in site.actor_roles.items()})
        self.pages = {"timeline": urls.TIMELINE, **{kind + "s": urls.section_index(kind)
                                                     for kind in ("actor", "event", "place")},
                      "sources": urls.section_index("article"), "relations": urls.RELATIONS,
                      "data": urls.DATA, "stories": urls.STORIES}
        self.index_pages = IndexPages(site, self.pages, self.page)
        self.own_relation_pages = {
            (kind, id_): planned
            for kind, table, owned in (("actor", site.actors, site.actor_relations),
                                       ("place", site.places, site.place_relations))
            for id_, relations in owned.items()
            if (planned := plan_own_relations(kind, id_, table[id_].name, relations))}
        # Where an article's cited passage links: the relation on its subject's page, or on the
        # subject's relations pages when it is a hub.
        self.relation_homes = {relation.id: urls.entity_page("actor", relation.subject.id)
                               for relation in site.relations.values()}
        for page in (page for (kind, _), planned in self.own_relation_pages.items() if kind == "actor"
                     for page in planned):
            for relation in page.relations:
                if relation.subject.id == page.owner:
                    self.relation_homes[relation.id] = page.src_uri

    def timeline_page_of(self, event_id: str) -> str:
        return self.plan.page_of.get(event_id, urls.TIMELINE)

    def entity(self, kind: str, id: str) -> Any:
        """The entity a reference names: resolve has reported every reference to a missing one, and
        no page is rendered when it has."""
        return self.tables[kind][id]

    def page(self, src_uri: str, context: PageContext) -> PendingPage:
        def make() -> RenderedPage:
            links = urls.Links(src_uri, self.directory_urls)
            doc = PageOutput(self.style.headings)
            words = self.words
            with speaking(words.language):  # the words figures and facets make while the page renders
                body = environment().get_template(context.template).render(
                    site=self.site, url=links, pages=self.pages, entity=self.entity, raw_html=self.raw_html,
                    trusted_markdown=self.style.trusted_markdown, doc=doc, t=words.markup, tp=words.text,
                    term=words.term, timeline_page_of=self.timeline_page_of, **context.variables())
            return doc.finish(src_uri, body, links.used | context.names)

        return PendingPage(src_uri, make)

    def event(self, event: Event) -> PendingPage:
        previous, next_ = self.site.neighbours(event)
        accounts: dict[str, list[Quote]] = defaultdict(list)
        for quote in event.quotes:
            accounts[quote.by.id].append(quote)
        return self.page(urls.entity_page("event", event.id), EventContext(
            event=event, jsonld=jsonld.event_jsonld(self.site, event),
            later=lambda: {"place_map": event_map(self.site, event)},
            accounts=[(self.site.actors[speaker], quotes) for speaker, quotes in accounts.items()],
            children=self.site.children.get(event.id, []), related=self.site.related.get(event.id, []),
            previous=previous, next=next_, timeline_page=self.plan.page_of.get(event.id, urls.TIMELINE),
            data_record=urls.file_url(urls.entity_page("event", event.id), urls.DATA_RECORDS, self.directory_urls),
            stories=self.site.event_stories.get(event.id, [])))

    def actor(self, actor: Actor) -> list[PendingPage]:
        years = split_by_year(self.site, actor)
        periods = all_periods(years or [])
        pages = [self.page(period.src_uri, ActorYearContext(actor=actor, year=period, **neighbours(periods, i)))
                 for i, period in enumerate(periods)]
        relations = self.site.actor_relations.get(actor.id, [])
        relation_pages = self.own_relation_pages.get(("actor", actor.id), [])
        pages += self.own_relations(relation_pages, actor)
        co_actors = self.site.co_actors.get(actor.id, [])
        roles = by_year(self.site.actor_roles.get(actor.id, []), lambda role: role.event.date.value, tr("Undated"))
        pages.insert(0, self.page(urls.entity_page("actor", actor.id), ActorContext(
            actor=actor, kind_label=tr(KIND_LABELS[actor.kind]),
            jsonld=jsonld.actor_jsonld(self.site, actor),
            index_page=urls.section_index("actor"), members=self.site.members.get(actor.id, []),
            relations=[] if relation_pages else relations, relations_total=len(relations),
            relation_pages=page_links(relation_pages),
            roles=list(roles.items()),
            quotes=self.site.actor_quotes.get(actor.id, []), articles=self.site.actor_articles.get(actor.id, []),
            mentions=self.site.mentions.get(("actor", actor.id), []), years=years,
            co_actors=co_actors[:TOP_CO_ACTORS] if years else co_actors, co_actors_total=len(co_actors),
            later=lambda: {"chart": overview([role.event for role in self.site.actor_roles.get(actor.id, [])]),
                           "relation_chart": relations_chart(relations, limit=ACTOR_LIMIT)})))
        return pages

    def own_relations(self, planned: list[RelationsPage], owner: Actor | Place) -> list[PendingPage]:
        """A hub's or busy place's relations pages: drawn and tabled with their sources like the
        relations pages."""
        total = sum(len(page.relations) for page in planned)
        return [self.page(page.src_uri, RelationsContext(
                    page=page, limit=RELATIONS_PER_PAGE, owner=owner, relations_total=total, **neighbours(planned, i),
                    later=functools.partial(lambda listed: {"chart": relations_chart(listed)}, page.relations)))
                for i, page in enumerate(planned)]

    def place(self, place: Place) -> list[PendingPage]:
        nested: list[Event] = []
        pending = list(self.site.place_children.get(place.id, []))
        seen = {place.id}
        while pending:
            child = pending.pop()
            if child.id not in seen:
                seen.add(child.id)
                nested += self.site.place_events.get(child.id, [])
                pending += self.site.place_children.get(child.id, [])
        own = self.site.place_events.get(place.id, [])
        own_ids = {event.id for event in own}
        nested_ids = {event.id for event in nested} - own_ids
        nested = sorted((self.site.events[i] for i in nested_ids), key=lambda e: self.site.position[e.id])
        years = split_place_by_year(self.site, place, own, nested)
        pages = [self.page(year.src_uri, PlaceYearContext(place=place, year=year, **neighbours(years or [], i)))
                 for i, year in enumerate(years or [])]
        children = self.site.place_children.get(place.id, [])
        # The places within it as a tree; past PAGE_LIMIT at any depth, only those directly within it;
        # past PAGE_LIMIT of those, on pages per first letters (a place's year pages are named by years).
        flat = len(seen) - 1 > PAGE_LIMIT
        parts = (IndexPages.place_lists(children, place.id)
                 if len(children) > PAGE_LIMIT else [])
        pages += self.index_pages.place_list_pages(parts, place)
        relations = self.site.place_relations.get(place.id, [])
        relation_pages = self.own_relation_pages.get(("place", place.id), [])
        pages += self.own_relations(relation_pages, place)
        return [self.page(urls.entity_page("place", place.id), PlaceContext(
            place=place, years=years,
            later=lambda: {"chart": overview([*own, *nested]), "place_map": place_page_map(self.site, place)},
            jsonld=jsonld.place_jsonld(self.site, place),
            chain=self.site.place_trail(place), children=children, flat=flat, parts=parts,
            within=self.index_pages.places_within,
            events=own, nested_events=nested, relations=[] if relation_pages else relations,
            relations_total=len(relations), relation_pages=page_links(relation_pages),
            mentions=self.site.mentions.get(("place", place.id), []))), *pages]

    def article(self, article: Article) -> PendingPage:
        src_uri = urls.entity_page("article", article.id)

        def blocks() -> dict[str, object]:
            links = urls.Links(src_uri, self.directory_urls, self.relation_homes)
            spans = iter(self.site.spans.get(article.id, []))
            rtl = direction(article.language) == "rtl"
            made = []
            for block in article.blocks:
                html = [paragraph_html(p.text, next(spans, []), links, line_breaks=block.kind != "text",
                                       isolate=rtl)
                        for p in block.paragraphs]
                made.append({"kind": block.kind, "html": html, "by": block.by, "embed_type": block.embed_type,
                             "label": BLOCK_LABELS.get(block.kind, block.kind)})
            return {"blocks": made}

        quotes = self.site.article_quotes.get(article.id, [])
        speakers = sorted({q.by.id for q in quotes},
                          key=lambda i: self.site.actors[i].name.casefold())
        return self.page(src_uri, ArticleContext(
            later=blocks, article=article, jsonld=jsonld.article_jsonld(self.site, article),
            speakers=[self.site.actors[i] for i in speakers], events=self.site.article_events.get(article.id, []),
            citations=self.site.article_citations.get(article.id, [])))

    def timeline(self) -> list[PendingPage]:
        plan = self.plan
        counts = {page.src_uri: len(page.events) + sum(len(c.events) for c in page.children)
                  for page in plan.pages}
        generated = []
        for position, page in enumerate(plan.all_pages):
            chart = overview(self.site.timeline) if page is plan.index else None
            filters = facets(self.site, page.events) if page.events else []
            generated.append(self.page(page.src_uri, TimelineContext(
                names=named(filters), page=page, groups=year_month_groups(page.events), chart=chart, filters=filters,
                total=len(self.site.timeline), is_index=page is plan.index, counts=counts, index_page=urls.TIMELINE,
                script_words=self.words.script(SCRIPT_WORDS) if filters else "",
                **neighbours(plan.pages if position else [], position - 1))))  # index: none
        return generated

    def relations(self) -> list[PendingPage]:
        planned = plan_relations(self.site.relations.values())
        paged = planned[1:]
        return [self.page(page.src_uri, RelationsContext(
                    page=page, limit=RELATIONS_PER_PAGE, **neighbours(paged if i else [], i - 1),  # the index has none
                    later=functools.partial(lambda listed: {"chart": relations_chart(listed)}, page.relations)))
                for i, page in enumerate(planned)]

    def indexes(self) -> list[PendingPage]:
        site = self.site
        actor_groups = []
        for kind in ACTOR_KINDS:
            actors = sorted((a for a in site.actors.values() if a.kind == kind), key=lambda a: a.name.casefold())
            if actors:
                actor_groups.append((kind, tr(KIND_LABELS[kind]), [(a, self.event_counts[a.id]) for a in actors]))
        events = by_year(site.timeline, lambda event: event.date.value, tr("Undated"))
        roots = sorted((p for p in site.places.values() if not (p.within and p.within.id in site.places)),
                       key=lambda p: p.name.casefold())
        articles = sorted(site.articles.values(), key=lambda a: (date_order(a.published), a.title), reverse=True)
        first, last = (site.timeline[0], site.timeline[-1]) if site.timeline else (None, None)
        span = ""
        if first and last and first.date.value and last.date.value:
            start, end = year_of(first.date.value), year_of(last.date.value)
            span = str(start) if start == end else f"{start}–{end}"
        return [
            self.page(urls.HOME, HomeContext(
                latest=list(reversed(site.timeline[-6:])), span=span,
                top_actors=[(site.actors[a], n) for a, n in
                            sorted(self.event_counts.items(), key=lambda i: (-i[1], i[0]))[:10]],
                later=lambda: {"chart": overview(site.timeline)})),
            *self.index_pages.actors_index(actor_groups),
            self.page(self.pages["events"], EventsIndexContext(groups=list(events.items()),
                                                               periods=self.plan.index.children)),
            *self.index_pages.places_index(roots, self.index_pages.place_counts),
            *self.sources_index(articles),
            self.data_page(),
        ]

    def data_page(self) -> PendingPage:
        from builder.render.opendata import FILES
        from builder.render.opendata.common import source_day

        as_of = source_day(self.site).isoformat() if self.site.articles else ""
        return self.page(urls.DATA, DataContext(files=[(file.name, file.description) for file in FILES], as_of=as_of,
                                                names=frozenset(f"article:{id_}" for id_ in self.site.articles)))

    def sources_index(self, articles: list[Article]) -> list[PendingPage]:
        """One list, or past PAGE_LIMIT a list of years with a page each (under by-year/, which no
        article id can collide with: an article 'by-year' is sources/by-year.md)."""
        if len(articles) <= PAGE_LIMIT:
            return [self.page(self.pages["sources"], SourcesIndexContext(title=tr("Sources"), articles=articles,
                                                                         years=[], year=""))]
        years_listed = by_year(articles, lambda article: article.published)
        years = [(year, urls.sources_year(year), len(listed)) for year, listed in years_listed.items()]
        pages = [self.page(self.pages["sources"], SourcesIndexContext(title=tr("Sources"), articles=articles,
                                                                      years=years, year=""))]
        for year, uri, _ in years:
            pages.append(self.page(uri, SourcesIndexContext(title=tr("Sources published in {year}", year=year),
                                                            articles=years_listed[year], years=[], year=year)))
        return pages


def plan_site(site: Site, *, directory_urls: bool = True, raw_html: bool = False,
              style: OutputStyle = MARKDOWN) -> list[PendingPage]:
    """Every page of the site, not yet rendered, in a deterministic order. ``raw_html``: Markdown
    fields are not sanitised (the plugin option of that name). ``style``: HTML for a site, or
    Markdown files (builder/render/page_output.py)."""
    with speaking(style.language):  # page titles, facets and plans are worded as they are planned
        renderer = _Renderer(site, directory_urls, raw_html, style)
        pages = [*renderer.indexes(), *renderer.timeline(), *renderer.relations()]
        pages += [_owned(page, f"story:{page.src_uri}") for page in StoryPages(site, renderer.page).pages()]
        pages += [_owned(renderer.event(site.events[i]), f"event:{i}") for i in sorted(site.events)]
        pages += [_owned(page, f"actor:{i}") for i in sorted(site.actors) for page in renderer.actor(site.actors[i])]
        pages += [_owned(page, f"place:{i}") for i in sorted(site.places) for page in renderer.place(site.places[i])]
        pages += [_owned(renderer.article(site.articles[i]), f"article:{i}") for i in sorted(site.articles)]
    return pages


def _owned(page: PendingPage, owner: str) -> PendingPage:
    return dataclasses.replace(page, owner=owner)


def render_site(site: Site, *, directory_urls: bool = True, raw_html: bool = False,
                language: str = "en") -> list[GeneratedPage]:
    return [page.render() for page in plan_site(site, directory_urls=directory_urls, raw_html=raw_html,
                                                 style=OutputStyle(language=language))]
