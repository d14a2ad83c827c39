"""The actors and places indexes, kept small for big projects (see :mod:`builder.render.index_paging`).

The renderer in :mod:`builder.render.pages` hands it its way to make a page (``MakePage``).
"""

from __future__ import annotations

import functools

from builder.model.actor import Actor
from builder.model.place import Place
from builder.model.site import Site
from builder.render import urls
from builder.render.contexts import ActorsIndexContext, ActorsKindContext, PlacesIndexContext, PlacesListContext
from builder.render.figures.maps import place_map
from builder.render.i18n import tr
from builder.render.index_paging import PLACES_PER_PAGE, alphabetical_pages, shown_children
from builder.render.page import MakePage, PendingPage
from builder.render.paging import PAGE_LIMIT, neighbours

TOP_PER_KIND = 10  # busiest actors of each kind named on a split actors index
TOP_CHILDREN = 10  # places shown directly within each top place on a split places index


class IndexPages:
    def __init__(self, site: Site, pages: dict[str, str], page: MakePage) -> None:
        self.site = site
        self.pages = pages  # the section indexes' paths
        self.page = page

    def actors_index(self, groups: list[tuple[str, str, list[tuple[Actor, int]]]]) -> list[PendingPage]:
        """One list grouped by kind, or past PAGE_LIMIT actors a list of kinds with a page each, under
        by-kind/ (an actor 'by-kind' is actors/by-kind.md, and its year pages are named by years), and
        a kind past PAGE_LIMIT split further by first letters."""
        if len(self.site.actors) <= PAGE_LIMIT:
            return [self.page(self.pages["actors"], ActorsIndexContext(groups=groups, kinds=[]))]
        kinds, pages = [], []
        for kind, label, listed in groups:
            uri = urls.actors_kind(kind)
            top = sorted(listed, key=lambda item: (-item[1], item[0].name.casefold(), item[0].id))[:TOP_PER_KIND]
            kinds.append((kind, label, uri, len(listed), [item for item in top if item[1]]))
            shelves = alphabetical_pages(listed, lambda item: item[0].name) if len(listed) > PAGE_LIMIT else []
            parts = [(shelf.label, urls.actors_kind(kind, shelf.slug), shelf.items) for shelf in shelves]
            pages.append(self.page(uri, ActorsKindContext(label=label, kind_page=uri, total=len(listed),
                                                          actors=[] if parts else listed, parts=parts, part="")))
            for i, (part, part_uri, items) in enumerate(parts):
                pages.append(self.page(part_uri, ActorsKindContext(label=label, kind_page=uri, total=len(listed),
                                                                   actors=items, parts=[], part=part,
                                                                   **neighbours(parts, i))))
        return [self.page(self.pages["actors"], ActorsIndexContext(groups=[], kinds=kinds)), *pages]

    def places_index(self, roots: list[Place], counts: dict[str, int]) -> list[PendingPage]:
        """The whole tree, or past PAGE_LIMIT places its top: the places within no other and, as far as
        PLACES_PER_PAGE entries allow, the busiest places directly within them (every place's page lists
        the places within it). Past PLACES_PER_PAGE such top places, they are listed on pages per first
        letters under by-letter/ (a place's year pages are named by years)."""
        site = self.site
        if len(site.places) <= PAGE_LIMIT:
            return [self.page(self.pages["places"], PlacesIndexContext(
                roots=roots, counts=counts, parts=[], shown={},
                later=lambda: {"place_map": place_map(site.places.values())}))]
        within = self.places_within
        if len(roots) > PLACES_PER_PAGE:
            parts = self.place_lists(roots, None)
            return [self.page(self.pages["places"], PlacesIndexContext(
                roots=[], counts=counts, parts=parts, shown={}, within=within, later=lambda: {"place_map": None})),
                *self.place_list_pages(parts, None)]
        by_events = {root.id: sorted(site.place_children.get(root.id, []),
                                     key=lambda p: (-counts.get(p.id, 0), p.name.casefold(), p.id))
                     for root in roots}
        k = shown_children([len(children) for children in by_events.values()], PLACES_PER_PAGE - len(roots),
                           TOP_CHILDREN)
        shown = {root_id: sorted(children[:k], key=lambda p: p.name.casefold())
                 for root_id, children in by_events.items()}
        listed = [*roots, *(child for children in shown.values() for child in children)]
        return [self.page(self.pages["places"], PlacesIndexContext(
            roots=roots, counts=counts, parts=[], shown=shown, within=within,
            later=lambda: {"place_map": place_map(listed)}))]

    @staticmethod
    def place_lists(places: list[Place], within: str | None) -> list[tuple[str, str, list[Place]]]:
        """Places (within no other, or directly within the place ``within``) on pages per first
        letters: (label, page, places) for each."""
        return [(shelf.label, urls.places_letters(within, shelf.slug), shelf.items)
                for shelf in alphabetical_pages(places, lambda place: place.name, PLACES_PER_PAGE)]

    def place_list_pages(self, parts: list[tuple[str, str, list[Place]]], parent: Place | None) -> list[PendingPage]:
        """One page per part, each with its map, linked to the parts before and after it."""
        title = tr("Places in {name}", name=parent.name) if parent else tr("Places")
        return [self.page(uri, PlacesListContext(
                    title=f"{title}: {label}", parent=parent, label=label, places=listed, counts=self.place_counts,
                    within=self.places_within, **neighbours(parts, i),
                    later=functools.partial(lambda listed: {"place_map": place_map(listed)}, listed)))
                for i, (label, uri, listed) in enumerate(parts)]

    @functools.cached_property
    def place_counts(self) -> dict[str, int]:
        return {place_id: len(events) for place_id, events in self.site.place_events.items()}

    @functools.cached_property
    def places_within(self) -> dict[str, int]:
        """How many places each place contains, at any depth (only places that contain some)."""
        children = self.site.place_children
        totals: dict[str, int] = {}
        for start in children:  # post-order without recursion: cycles are errors upstream
            stack = [(start, False)]
            while stack:
                place_id, done = stack.pop()
                if place_id in totals:
                    continue
                if done:
                    totals[place_id] = sum(1 + totals[child.id] for child in children.get(place_id, []))
                    continue
                stack.append((place_id, True))
                stack += [(child.id, False) for child in children.get(place_id, []) if child.id not in totals]
        return {place_id: n for place_id, n in totals.items() if n}
