"""The resolved site: every entity by id, plus every cross-reference in both directions."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from builder.model.actor import Actor, Affiliation
from builder.model.article import Article
from builder.model.event import Event, Quote
from builder.model.place import Place
from builder.model.relation import Citation, Relation
from builder.model.story import Step, Story


@dataclass
class ProjectInfo:
    """site.yml: what the project says about itself."""

    title: str = "Annotated timeline"
    intro: str = ""
    description: str = ""
    licence: str = ""  # the data's licence, as the open-data files and the Data page state it
    title_given: bool = False  # written in site.yml: it is then the site's name everywhere (mkdocs.yml's too)


@dataclass(frozen=True)
class Span:
    """A stretch of one article paragraph that the article page marks up."""

    start: int
    end: int
    kind: str  # "mention" | "quote" | "citation" | "sic"
    target_kind: str = ""  # the page it links to: "actor", "place", "event", "relation"
    target_id: str = ""
    anchor: str = ""  # id of the element on the article page
    label: str = ""  # sic: the correction; quote/citation: what it is quoted for
    fragment: str = ""  # quote/citation: the spot on the target page


@dataclass(frozen=True)
class Mention:
    article_id: str
    anchor: str
    sentence: str  # the sentence naming it, cut to a window around the name if long
    more: int = 0  # on the last one listed from an article: its sentences left unlisted


@dataclass(frozen=True)
class Role:
    event: Event
    role: str


@dataclass(frozen=True)
class Member:
    actor: Actor
    affiliation: Affiliation


@dataclass(frozen=True)
class TreeRow:
    """One place of a places tree drawn as a flat run of rows, so that no template recurses."""

    place: Place
    depth: int  # 0 for a root
    opens: bool  # the places within it follow, one level deeper
    closes: int  # how many levels end after it
    hidden: int = 0  # places within it, at any depth, left out past TREE_DEPTH (its page lists them)


TRAIL_ENDS = (6, 2)  # places named at the inner and outer ends of a long "within" trail
TREE_DEPTH = 10  # levels drawn; real hierarchies (country, region, district, town, quarter) need fewer


@dataclass
class Site:
    info: ProjectInfo
    articles: dict[str, Article]
    actors: dict[str, Actor]
    places: dict[str, Place]
    events: dict[str, Event]
    relations: dict[str, Relation]
    stories: dict[str, Story] = field(default_factory=dict)
    timeline: list[Event] = field(default_factory=list)
    children: dict[str, list[Event]] = field(default_factory=lambda: defaultdict(list))
    related: dict[str, list[Event]] = field(default_factory=lambda: defaultdict(list))
    actor_roles: dict[str, list[Role]] = field(default_factory=lambda: defaultdict(list))
    actor_quotes: dict[str, list[Quote]] = field(default_factory=lambda: defaultdict(list))
    actor_relations: dict[str, list[Relation]] = field(default_factory=lambda: defaultdict(list))
    members: dict[str, list[Member]] = field(default_factory=lambda: defaultdict(list))
    co_actors: dict[str, list[tuple[Actor, int]]] = field(default_factory=dict)
    actor_articles: dict[str, list[tuple[Article, str]]] = field(default_factory=lambda: defaultdict(list))
    mentions: dict[tuple[str, str], list[Mention]] = field(default_factory=lambda: defaultdict(list))
    place_events: dict[str, list[Event]] = field(default_factory=lambda: defaultdict(list))
    place_children: dict[str, list[Place]] = field(default_factory=lambda: defaultdict(list))
    place_relations: dict[str, list[Relation]] = field(default_factory=lambda: defaultdict(list))
    article_events: dict[str, list[Event]] = field(default_factory=lambda: defaultdict(list))
    article_quotes: dict[str, list[Quote]] = field(default_factory=lambda: defaultdict(list))
    article_citations: dict[str, list[tuple[Relation, Citation]]] = field(default_factory=lambda: defaultdict(list))
    spans: dict[str, list[list[Span]]] = field(default_factory=dict)  # article id → per paragraph
    position: dict[str, int] = field(default_factory=dict)  # event id → index in the timeline
    event_stories: dict[str, list[tuple[Story, Step]]] = field(default_factory=lambda: defaultdict(list))

    def place_chain(self, place: Place) -> list[Place]:
        """The place and the places containing it, innermost first (cycles are errors upstream)."""
        chain, seen = [place], {place.id}
        while chain[-1].within and chain[-1].within.id in self.places and chain[-1].within.id not in seen:
            chain.append(self.places[chain[-1].within.id])
            seen.add(chain[-1].id)
        return chain

    def place_trail(self, place: Place) -> list[Place | None]:
        """``place_chain`` as a page names it: a chain longer than ``TRAIL_ENDS`` allows keeps its
        innermost and outermost places, with None where the ones between are left out (each
        page of a chain thousands deep would otherwise name them all)."""
        chain: list[Place | None] = list(self.place_chain(place))
        inner, outer = TRAIL_ENDS
        if len(chain) <= inner + outer + 1:
            return chain
        return [*chain[:inner], None, *chain[-outer:]]

    def place_tree(self, roots: list[Place], max_depth: int = TREE_DEPTH) -> list[TreeRow]:
        """The places within ``roots``, depth first in ``place_children`` order, walked with a stack
        (a chain of places thousands deep is legal) and drawn ``max_depth`` levels deep."""
        walked: list[tuple[Place, int, bool, int]] = []
        stack: list[tuple[Place, int]] = [(root, 0) for root in reversed(roots)]
        seen: set[str] = set()  # cycles are errors upstream; this keeps a walk finite regardless
        while stack:
            place, depth = stack.pop()
            if place.id in seen:
                continue
            seen.add(place.id)
            children = [child for child in self.place_children.get(place.id, []) if child.id not in seen]
            opens = bool(children) and depth + 1 < max_depth
            walked.append((place, depth, opens, 0 if opens else self._count_within(place, seen)))
            if opens:
                stack.extend((child, depth + 1) for child in reversed(children))
        next_depths = [depth for _, depth, _, _ in walked[1:]] + [0] if walked else []
        return [TreeRow(place, depth, opens, 0 if opens else depth - next_depth, hidden)
                for (place, depth, opens, hidden), next_depth in zip(walked, next_depths, strict=True)]

    def _count_within(self, place: Place, seen: set[str]) -> int:
        count, stack = 0, [place]
        while stack:
            for child in self.place_children.get(stack.pop().id, []):
                if child.id not in seen:
                    count += 1
                    stack.append(child)
        return count

    def neighbours(self, event: Event) -> tuple[Event | None, Event | None]:
        index = self.position[event.id]
        before = self.timeline[index - 1] if index > 0 else None
        after = self.timeline[index + 1] if index + 1 < len(self.timeline) else None
        return before, after
