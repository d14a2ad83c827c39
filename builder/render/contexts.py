"""What each kind of page's template reads: one frozen dataclass per page kind.

Every template also reads what all pages share (the Site, its ``url`` maker, the section indexes'
paths): see ``_Renderer.page`` in :mod:`builder.render.pages`. ``later`` supplies what is costly to
compute (charts, maps, an article's marked-up text) at render time, which may be in the forked
renderer (builder/runtime/page_supply.py) rather than before MkDocs starts.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import ClassVar

from builder.model.actor import Actor
from builder.model.article import Article
from builder.model.event import Event, Quote
from builder.model.place import Place
from builder.model.relation import Citation, Relation
from builder.model.site import Member, Mention, Role
from builder.model.story import Step, Story
from builder.render.actor_pages import ActorYear
from builder.render.facets import Facet
from builder.render.figures.overview import Overview
from builder.render.figures.relations_chart import PageLink, RelationsPage
from builder.render.figures.time_strip import TimeStrip
from builder.render.paging import MonthGroup, TimelinePage
from builder.render.place_pages import PlaceYear

Later = Callable[[], Mapping[str, object]]
PlaceList = tuple[str, str, list[Place]]  # a page of places by first letters: label, path, places


@dataclass(frozen=True, kw_only=True)
class PageContext:
    template: ClassVar[str]
    later: Later | None = None
    # Entities the page names without linking to them ("kind:id"); the links are noted as made.
    names: frozenset[str] = frozenset()

    def variables(self) -> dict[str, object]:
        """The template's variables: the fields (not copied: pages share the Site's objects), then
        the costly ones."""
        values = {f.name: getattr(self, f.name) for f in dataclasses.fields(self) if f.name not in ("later", "names")}
        return {**values, **self.later()} if self.later else values


@dataclass(frozen=True, kw_only=True)
class Paged(PageContext):
    """A page in a run of pages, linked to the one before and after it."""

    previous: object = None
    next: object = None


@dataclass(frozen=True, kw_only=True)
class HomeContext(PageContext):
    template = "home.md"
    latest: list[Event]
    span: str  # "2011–2024": the years the timeline covers
    top_actors: list[tuple[Actor, int]]


@dataclass(frozen=True, kw_only=True)
class EventContext(Paged):
    template = "event.md"
    event: Event
    jsonld: Mapping[str, object]
    accounts: list[tuple[Actor, list[Quote]]]  # each speaker's quotes
    children: list[Event]
    related: list[Event]
    timeline_page: str
    data_record: str  # the open data's timeline.json, relative to this page
    stories: list[tuple[Story, Step]] = field(default_factory=list)  # the stories that tell it, at which step


@dataclass(frozen=True, kw_only=True)
class EntityContext(PageContext):
    """An actor's or a place's own page: its relations (listed, or past a limit on pages of their
    own) and the sentences of articles that name it."""

    jsonld: Mapping[str, object]
    relations: list[Relation]
    relations_total: int
    relation_pages: list[PageLink]
    mentions: list[Mention]


@dataclass(frozen=True, kw_only=True)
class ActorContext(EntityContext):
    template = "actor.md"
    actor: Actor
    kind_label: str
    index_page: str
    members: list[Member]
    roles: list[tuple[str, list[Role]]]  # by year
    quotes: list[Quote]
    articles: list[tuple[Article, str]]
    years: list[ActorYear] | None
    co_actors: list[tuple[Actor, int]]
    co_actors_total: int


@dataclass(frozen=True, kw_only=True)
class ActorYearContext(Paged):
    template = "actor_year.md"
    actor: Actor
    year: ActorYear


@dataclass(frozen=True, kw_only=True)
class PlaceContext(EntityContext):
    template = "place.md"
    place: Place
    years: list[PlaceYear] | None
    chain: list[Place | None]
    children: list[Place]
    flat: bool  # too many places within it at any depth to draw them as a tree
    parts: list[PlaceList]
    within: Mapping[str, int]
    events: list[Event]
    nested_events: list[Event]


@dataclass(frozen=True, kw_only=True)
class PlaceYearContext(Paged):
    template = "place_year.md"
    place: Place
    year: PlaceYear


@dataclass(frozen=True, kw_only=True)
class ArticleContext(PageContext):
    template = "article.md"
    article: Article
    jsonld: Mapping[str, object]
    speakers: list[Actor]
    events: list[Event]
    citations: list[tuple[Relation, Citation]]


@dataclass(frozen=True, kw_only=True)
class TimelineContext(Paged):
    template = "timeline.md"
    page: TimelinePage
    groups: list[tuple[str, list[MonthGroup]]]
    chart: Overview | None
    filters: list[Facet]
    total: int
    is_index: bool
    counts: Mapping[str, int]  # events per timeline page
    index_page: str
    script_words: str  # the filter script's words, as JSON (builder/render/i18n)


@dataclass(frozen=True, kw_only=True)
class RelationsContext(Paged):
    template = "relations.md"
    page: RelationsPage
    limit: int
    owner: Actor | Place | None = None  # whose relations these are, on an actor's or place's own pages
    relations_total: int = 0  # an owner's relations over all its pages


@dataclass(frozen=True, kw_only=True)
class EventsIndexContext(PageContext):
    template = "events_index.md"
    groups: list[tuple[str, list[Event]]]
    periods: list[TimelinePage]


@dataclass(frozen=True, kw_only=True)
class ActorsIndexContext(PageContext):
    template = "actors_index.md"
    groups: list[tuple[str, str, list[tuple[Actor, int]]]]  # kind, label, actors with their events
    # kind, label, page, how many, the busiest: when the actors are too many for one page
    kinds: list[tuple[str, str, str, int, list[tuple[Actor, int]]]]


@dataclass(frozen=True, kw_only=True)
class ActorsKindContext(Paged):
    template = "actors_kind.md"
    label: str
    kind_page: str
    total: int
    actors: list[tuple[Actor, int]]
    parts: list[tuple[str, str, list[tuple[Actor, int]]]]
    part: str


@dataclass(frozen=True, kw_only=True)
class PlacesIndexContext(PageContext):
    template = "places_index.md"
    roots: list[Place]
    counts: Mapping[str, int]
    parts: list[PlaceList]
    shown: Mapping[str, list[Place]]
    within: Mapping[str, int] = field(default_factory=dict)


@dataclass(frozen=True, kw_only=True)
class PlacesListContext(Paged):
    template = "places_list.md"
    title: str
    parent: Place | None
    label: str
    places: list[Place]
    counts: Mapping[str, int]
    within: Mapping[str, int]


@dataclass(frozen=True, kw_only=True)
class SourcesIndexContext(PageContext):
    template = "sources_index.md"
    title: str
    articles: list[Article]
    years: list[tuple[str, str, int]]  # year, page, how many
    year: str


@dataclass(frozen=True, kw_only=True)
class DataContext(PageContext):
    template = "data.md"
    files: list[tuple[str, str]]  # the open-data files: name, what it holds
    as_of: str  # the day of the newest source, ISO; empty without sources


@dataclass(frozen=True)
class StoryStep:
    """One step as its story page shows it: the event, the quotes it shows, where it sits in time."""

    step: Step
    event: Event
    quotes: list[Quote]  # the one the step names, else all the event's
    strip: TimeStrip | None
    previous: Step | None
    next: Step | None


@dataclass(frozen=True, kw_only=True)
class StoryContext(PageContext):
    template = "story.md"
    story: Story
    steps: list[StoryStep]
    span: str  # the story's dates in words, or ""
    index_page: str


@dataclass(frozen=True, kw_only=True)
class StoriesIndexContext(PageContext):
    template = "stories_index.md"
    stories: list[tuple[Story, str]]  # each with its span in words
