"""Which pages an edit can change, so that ``mkdocs serve`` renders only those.

After a build, each page is remembered with what it depends on: the entities it links to (every
link a template makes goes through ``urls.Links``, which notes them) and the entity it belongs to
(with whatever that entity refers to). On the next build every entity is fingerprinted again:

- when an event, actor or article changed (or appeared, or went), the pages to render are its own
  pages and the pages linking to it; when what it names changed too (an actor added to an event),
  also the pages of everything it named before or after (that actor's page must now list the event),
  with the places around them, and the pages that belong to no entity (the timeline's filters, the
  indexes' counts, the home page);
- when anything else changed (a place, a relation, a story, ``site.yml``, an event's date, which
  moves it between pages and neighbours), every page is rendered again.

Rendering a page again does not mean MkDocs builds it again: only a page whose output differs from
the last build's is handed to the theme (builder/plugin/incremental.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from builder.model.site import Site

EDITABLE = ("event", "actor", "article")  # entity kinds whose edits are followed page by page


@dataclass(frozen=True)
class Entity:
    fingerprint: int
    refs: frozenset[str]  # "kind:id" of the entities it names


@dataclass(frozen=True)
class Fingerprints:
    entities: dict[str, Entity]
    shape: int  # whatever, when changed, may change every page


# An entity's repr, less where it was written (an edit above it in the same file moves its line, not
# its content), is its fingerprint; the references in it are what it names.
_ORIGIN = re.compile(r"""Origin\(path=(?:'[^']*'|"[^"]*"), line=\d+\)""")
_REF = re.compile(r"Ref\(kind='(\w+)', id='([^']*)'")


def _named(text: str) -> set[str]:
    return {f"{kind}:{id_}" for kind, id_ in _REF.findall(text)}


def _entity(value: Any, more_refs: Iterable[str] = (), shown: str = "", text: str = "") -> Entity:
    """``shown``: what pages show of it that is not its own (an article's mentions as anchored);
    ``text``: its repr, when already made."""
    text = text or repr(value)
    refs = _named(text)
    refs.update(more_refs)
    return Entity(hash(_ORIGIN.sub("", text) + shown), frozenset(refs))


def fingerprints(site: Site) -> Fingerprints:
    entities = {f"event:{id_}": _entity(event) for id_, event in site.events.items()}
    entities.update((f"actor:{id_}", _entity(actor)) for id_, actor in site.actors.items())
    for id_, article in site.articles.items():
        # The people and places its text mentions, as the article page links them, and where: another
        # actor's new alias can move a mention that pages link to. Its publisher's and authors' names,
        # which stand for it wherever it is cited ("according to The Guardian").
        spans = site.spans.get(id_, [])
        mentioned = {f"{span.target_kind}:{span.target_id}" for paragraph in spans for span in paragraph
                     if span.target_kind}
        text = repr(article)
        named = [site.actors[key[6:]].name for key in sorted(_named(text))
                 if key.startswith("actor:") and key[6:] in site.actors]
        entities[f"article:{id_}"] = _entity(article, mentioned, repr((spans, named)), text)
    # Dates, not the order: events of one day are ordered by title, and a new title that reorders
    # them changes only its neighbours' pages (to_render).
    shape = _entity((site.info, sorted(site.places.items()), sorted(site.relations.items()),
                     sorted(site.stories.items()), sorted((event.id, repr(event.date)) for event in site.timeline)))
    return Fingerprints(entities, shape.fingerprint)


@dataclass(frozen=True)
class PageRecord:
    """What a build knew of one page, for the next."""

    digest: str
    owner: str  # "kind:id" of the entity the page belongs to; "" for the timeline, indexes, home
    depends: frozenset[str]  # the entities it links to


def to_render(site: Site, now: Fingerprints, before: Fingerprints, pages: Mapping[str, PageRecord]) -> set[str] | None:
    """The pages an edit from ``before`` to ``now`` can change; None: every page."""
    if now.shape != before.shape:
        return None
    changed = {key for key in now.entities.keys() | before.entities.keys()
               if now.entities.get(key) != before.entities.get(key)}
    if not changed:
        return set()
    # What a changed entity names before or after the edit, when that changed: an actor added to an
    # event must list it now, and the actors index counts it.
    moved: set[str] = set()
    for key in changed:
        old, new = before.entities.get(key), now.entities.get(key)
        old_refs, new_refs = old.refs if old else frozenset(), new.refs if new else frozenset()
        if old_refs != new_refs:
            moved |= old_refs | new_refs
    neighbours: set[str] = set()  # an event's now, which link to it as next or previous
    for key in changed:
        if key.startswith("event:") and (event := site.events.get(key[6:])) is not None:
            neighbours.update(f"event:{near.id}" for near in site.neighbours(event) if near is not None)
    for key in list(moved):  # a place lists the events of the places within it
        if key.startswith("place:") and (place := site.places.get(key[6:])) is not None:
            moved.update(f"place:{p.id}" for p in site.place_chain(place) if p is not None)
    return {src_uri for src_uri, record in pages.items()
            if record.owner in changed or record.owner in moved or record.owner in neighbours
            or not record.depends.isdisjoint(changed)
            or (not record.owner and bool(moved))}
