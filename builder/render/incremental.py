"""Which pages an edit can change, so that ``mkdocs serve`` renders only those.

After a build, each page is remembered with what it depends on: the entities it links to (every
link a template makes goes through ``urls.Links``, which notes them) and the entity it belongs to
(with whatever that entity refers to). On the next build every entity is fingerprinted again:

- when an event, actor or article changed (or appeared, or went), the pages to render are the pages
  linking to it, the pages of what it refers to before and after the edit (an actor added to an
  event must now list it), and the pages that belong to no entity (timeline, indexes, home);
- when anything else changed (a place, a relation, a story, ``site.yml``, an event's date, which
  moves it between pages and neighbours), every page is rendered again.

Rendering a page again does not mean MkDocs builds it again: only a page whose output differs from
the last build's is handed to the theme (builder/plugin/incremental.py).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from builder.model.common import Ref
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


def _canonical(value: Any, refs: set[str]) -> Any:
    """``value`` as nested tuples of plain values, without where it was written (an edit above it
    in the same file moves its line, not its content); the entities it names go into ``refs``."""
    if isinstance(value, Ref):
        refs.add(f"{value.kind}:{value.id}")
        return ("ref", value.kind, value.id)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return (type(value).__name__, *(_canonical(getattr(value, f.name), refs)
                                        for f in dataclasses.fields(value) if f.name != "origin"))
    if isinstance(value, (list, tuple)):
        return tuple(_canonical(item, refs) for item in value)
    if isinstance(value, Mapping):
        return tuple((key, _canonical(item, refs)) for key, item in value.items())
    if isinstance(value, str):
        return str(value)
    return repr(value)


def _entity(value: Any, more_refs: Iterable[str] = ()) -> Entity:
    refs: set[str] = set(more_refs)
    return Entity(hash(_canonical(value, refs)), frozenset(refs))


def fingerprints(site: Site) -> Fingerprints:
    entities = {f"event:{id_}": _entity(event) for id_, event in site.events.items()}
    entities.update((f"actor:{id_}", _entity(actor)) for id_, actor in site.actors.items())
    for id_, article in site.articles.items():
        # The people and places its text mentions, as the article page links them.
        mentioned = (f"{span.target_kind}:{span.target_id}" for paragraph in site.spans.get(id_, [])
                     for span in paragraph if span.target_kind)
        entities[f"article:{id_}"] = _entity(article, mentioned)
    unfollowed: set[str] = set()
    shape = _canonical((site.info, sorted(site.places.items()), sorted(site.relations.items()),
                        sorted(site.stories.items()), [(event.id, event.date) for event in site.timeline]),
                       unfollowed)
    return Fingerprints(entities, hash(shape))


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
    touched = set(changed)
    for key in changed:
        for side in (now, before):
            if (entity := side.entities.get(key)) is not None:
                touched |= entity.refs
    for key in list(touched):  # a place lists the events of the places within it
        if key.startswith("place:") and (place := site.places.get(key[6:])) is not None:
            touched.update(f"place:{p.id}" for p in site.place_chain(place) if p is not None)
    return {src_uri for src_uri, record in pages.items()
            if not record.owner or record.owner in touched or not record.depends.isdisjoint(changed)}
