"""``data/timeline.json``: the whole resolved dataset in one file, each entity with its id and page."""

from __future__ import annotations

import dataclasses
from typing import Any

from builder.model.actor import Actor
from builder.model.article import Article
from builder.model.event import Event
from builder.model.place import Place
from builder.model.relation import Relation
from builder.model.site import Site
from builder.render.opendata.common import DataOptions, date_record, dumps, quote_anchor

FORMAT = "annotated-timeline/1"


def event_record(site: Site, event: Event, options: DataOptions) -> dict[str, Any]:
    return {
        "id": event.id,
        "url": options.entity("event", event.id),
        "title": event.title,
        "date": date_record(event.date),
        "position": site.position.get(event.id, 0),
        "type": event.type,
        "tags": event.tags,
        "actors": [{"id": p.actor.id, "role": p.role} for p in event.actors],
        "places": [ref.id for ref in event.places],
        "part_of": event.part_of.id if event.part_of else None,
        "related": [ref.id for ref in event.related],
        "sources": [ref.id for ref in event.sources],
        "quotes": [quote.id for quote in event.quotes],
        "commentary": str(event.commentary),
        "fatalities": event.fatalities,
        "media": dataclasses.asdict(event.media) if event.media else None,
    }


def actor_record(actor: Actor, options: DataOptions) -> dict[str, Any]:
    return {
        "id": actor.id,
        "url": options.entity("actor", actor.id),
        "name": actor.name,
        "kind": actor.kind,
        "aliases": actor.aliases,
        "title": actor.title,
        "summary": actor.summary,
        "affiliations": [{"actor": a.actor.id, "role": a.role, "date": date_record(a.date)}
                         for a in actor.affiliations],
        "description": str(actor.description),
    }


def place_record(place: Place, options: DataOptions) -> dict[str, Any]:
    coordinates = place.coordinates
    return {
        "id": place.id,
        "url": options.entity("place", place.id),
        "name": place.name,
        "kind": place.kind,
        "aliases": place.aliases,
        "within": place.within.id if place.within else None,
        "coordinates": {"lat": coordinates.lat, "lon": coordinates.lon, "precision": coordinates.precision}
        if coordinates else None,
        "description": str(place.description),
    }


def relation_record(relation: Relation, options: DataOptions) -> dict[str, Any]:
    return {
        "id": relation.id,
        "subject": relation.subject.id,
        "type": relation.type,
        "object": relation.object.id,
        "date": date_record(relation.date),
        "places": [ref.id for ref in relation.places],
        "sources": [{"article": c.article.id, "text": c.text,
                     "url": options.entity("article", c.article.id, c.anchor)} for c in relation.sources],
        "note": str(relation.note),
    }


def source_record(article: Article, options: DataOptions) -> dict[str, Any]:
    return {
        "id": article.id,
        "url": options.entity("article", article.id),
        "title": article.title,
        "publisher": article.publisher.id if article.publisher else None,
        "authors": [ref.id for ref in article.authors],
        "published": article.published.edtf if article.published else None,
        "original_url": article.url,
        "archive_url": article.archive_url,
        "accessed": article.accessed.edtf if article.accessed else None,
        "language": article.language,
        "citation_only": article.citation_only,
    }


def quote_records(site: Site, options: DataOptions) -> list[dict[str, Any]]:
    return [{"id": quote.id, "event": event.id, "speaker": quote.by.id, "article": quote.article.id,
             "text": quote.text, "note": quote.note, "url": quote_anchor(options, quote), "kind": quote.kind,
             "status": quote.status or None, "status_note": quote.status_note,
             "status_source": quote.status_source.id if quote.status_source else None,
             "translation": quote.translation, "translated_by": quote.translated_by}
            for event in site.timeline for quote in event.quotes]


def timeline_json(site: Site, options: DataOptions) -> bytes:
    return dumps({
        "format": FORMAT,
        "title": site.info.title,
        "description": site.info.description,
        "intro": str(site.info.intro),
        "licence": site.info.licence or None,
        "site_url": options.site_url or None,
        "events": [event_record(site, event, options) for event in site.timeline],
        "actors": [actor_record(site.actors[i], options) for i in sorted(site.actors)],
        "places": [place_record(site.places[i], options) for i in sorted(site.places)],
        "relations": [relation_record(site.relations[i], options) for i in sorted(site.relations)],
        "quotes": quote_records(site, options),
        "sources": [source_record(site.articles[i], options) for i in sorted(site.articles)],
    })
