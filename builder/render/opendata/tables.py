"""``data/datapackage.json`` and its CSV files: a Frictionless Data Package (v2), one table per kind
of entity and one per many-to-many link, each with its Table Schema and keys.

Lists in a cell (tags, aliases) are joined with "; ", as ACLED and GDELT do; the join tables hold
what a spreadsheet user needs to filter on (an event's actors and places).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

from builder.model.site import Site
from builder.render.opendata.common import DataOptions, dumps, iso, spreadsheet_safe

PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
# (table, [(field, type, description)], primary key, [(field, table, field)])
Field = tuple[str, str, str]
TABLES: list[tuple[str, list[Field], list[str], list[tuple[str, str, str]]]] = [
    ("events", [("id", "string", "the event's id"), ("url", "string", "its page"), ("title", "string", ""),
                ("date_edtf", "string", "the date in EDTF"), ("date_display", "string", "as the site shows it"),
                ("date_text", "string", "as the source wrote it"), ("date_note", "string", "how it was dated"),
                ("date_start", "date", "earliest day (empty: open)"), ("date_end", "date", "latest day (empty: open)"),
                ("precision", "string", ""), ("approximate", "boolean", ""), ("uncertain", "boolean", ""),
                ("position", "integer", "index in the timeline's order"), ("type", "string", ""),
                ("tags", "string", "'; '-separated"), ("part_of", "string", "a parent event"),
                ("sources", "string", "article ids, '; '-separated"), ("commentary", "string", "Markdown")],
     ["id"], [("part_of", "events", "id")]),
    ("actors", [("id", "string", ""), ("url", "string", ""), ("name", "string", ""), ("kind", "string", ""),
                ("aliases", "string", "'; '-separated"), ("title", "string", ""), ("summary", "string", "")],
     ["id"], []),
    ("places", [("id", "string", ""), ("url", "string", ""), ("name", "string", ""), ("kind", "string", ""),
                ("aliases", "string", "'; '-separated"), ("within", "string", "the containing place"),
                ("lat", "number", "WGS 84"), ("lon", "number", "WGS 84"),
                ("precision", "string", "of the coordinates")],
     ["id"], [("within", "places", "id")]),
    ("relations", [("id", "string", ""), ("subject", "string", ""), ("type", "string", ""), ("object", "string", ""),
                   ("date_edtf", "string", ""), ("date_start", "date", ""), ("date_end", "date", ""),
                   ("sources", "string", "article ids, '; '-separated"), ("note", "string", "Markdown")],
     ["id"], [("subject", "actors", "id"), ("object", "actors", "id")]),
    ("quotes", [("id", "string", ""), ("event", "string", ""), ("speaker", "string", ""), ("article", "string", ""),
                ("text", "string", "verbatim"), ("note", "string", ""),
                ("url", "string", "the passage on the article page"),
                ("kind", "string", "direct (the speaker's words) or reported (the reporter's account)"),
                ("status", "string", "confirmed, disputed, denied, retracted or unverified; empty when not said"),
                ("status_note", "string", ""), ("status_source", "string", ""), ("translation", "string", ""),
                ("translated_by", "string", "")],
     ["id"], [("event", "events", "id"), ("speaker", "actors", "id"), ("article", "sources", "id")]),
    ("sources", [("id", "string", ""), ("url", "string", ""), ("title", "string", ""), ("publisher", "string", ""),
                 ("published", "string", "EDTF"), ("original_url", "string", ""), ("archive_url", "string", ""),
                 ("language", "string", "")],
     ["id"], [("publisher", "actors", "id")]),
    ("event_actors", [("event", "string", ""), ("actor", "string", ""), ("role", "string", "")],
     ["event", "actor", "role"], [("event", "events", "id"), ("actor", "actors", "id")]),
    ("event_places", [("event", "string", ""), ("place", "string", "")],
     ["event", "place"], [("event", "events", "id"), ("place", "places", "id")]),
]


def _joined(values: list[str]) -> str:
    return "; ".join(values)


def _flag(value: bool) -> str:
    return "true" if value else "false"


def _rows(site: Site, table: str, options: DataOptions) -> Iterator[list[Any]]:
    if table == "events":
        for event in site.timeline:
            date = event.date.value
            yield [event.id, options.entity("event", event.id), event.title, date.edtf if date else "",
                   event.date.display, event.date.text, event.date.note, iso(date.lower) if date else "",
                   iso(date.upper) if date else "", date.precision if date else "",
                   _flag(bool(date and date.approximate)), _flag(bool(date and date.uncertain)),
                   site.position.get(event.id, 0), event.type, _joined(event.tags),
                   event.part_of.id if event.part_of else "", _joined(event.source_ids), str(event.commentary)]
    elif table == "actors":
        for actor in (site.actors[i] for i in sorted(site.actors)):
            yield [actor.id, options.entity("actor", actor.id), actor.name, actor.kind, _joined(actor.aliases),
                   actor.title, actor.summary]
    elif table == "places":
        for place in (site.places[i] for i in sorted(site.places)):
            c = place.coordinates
            yield [place.id, options.entity("place", place.id), place.name, place.kind, _joined(place.aliases),
                   place.within.id if place.within else "", c.lat if c else "", c.lon if c else "",
                   c.precision if c else ""]
    elif table == "relations":
        for relation in (site.relations[i] for i in sorted(site.relations)):
            date = relation.date.value
            yield [relation.id, relation.subject.id, relation.type, relation.object.id, date.edtf if date else "",
                   iso(date.lower) if date else "", iso(date.upper) if date else "",
                   _joined(list(dict.fromkeys(c.article.id for c in relation.sources))), str(relation.note)]
    elif table == "quotes":
        for event in site.timeline:
            for quote in event.quotes:
                yield [quote.id, event.id, quote.by.id, quote.article.id, quote.text, quote.note,
                       options.entity("article", quote.article.id, quote.anchor), quote.kind, quote.status,
                       quote.status_note, quote.status_source.id if quote.status_source else "", quote.translation,
                       quote.translated_by]
    elif table == "sources":
        for article in (site.articles[i] for i in sorted(site.articles)):
            yield [article.id, options.entity("article", article.id), article.title,
                   article.publisher.id if article.publisher else "",
                   article.published.edtf if article.published else "", article.url, article.archive_url,
                   article.language]
    elif table == "event_actors":
        for event in site.timeline:
            # the same actor in the same role twice is one fact; the key says so
            for actor_id, role in dict.fromkeys((p.actor.id, p.role) for p in event.actors):
                yield [event.id, actor_id, role]
    elif table == "event_places":
        for event in site.timeline:
            for place_id in dict.fromkeys(ref.id for ref in event.places):
                yield [event.id, place_id]


def table_csv(site: Site, table: str, options: DataOptions) -> bytes:
    fields = next(fields for name, fields, _, _ in TABLES if name == table)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([name for name, _, _ in fields])
    writer.writerows([spreadsheet_safe(cell) for cell in row] for row in _rows(site, table, options))
    return out.getvalue().encode("utf-8")


def _resource(name: str, fields: list[Field], key: list[str], foreign: list[tuple[str, str, str]]) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "fields": [{"name": field, "type": kind, **({"description": text} if text else {})}
                   for field, kind, text in fields],
        "missingValues": [""],
        "primaryKey": key,
    }
    if foreign:
        schema["foreignKeys"] = [
            # a reference to the table itself names no resource (Table Schema v2)
            {"fields": [field], "reference": {**({"resource": table} if table != name else {}), "fields": [target]}}
            for field, table, target in foreign]
    return {"name": name, "type": "table", "path": f"{name}.csv", "format": "csv", "mediatype": "text/csv",
            "encoding": "utf-8", "schema": schema}


def datapackage(site: Site, options: DataOptions) -> bytes:
    package: dict[str, Any] = {
        "$schema": PROFILE,
        "name": "annotated-timeline",
        "title": site.info.title,
        "resources": [_resource(*table) for table in TABLES],
    }
    if site.info.description:
        package["description"] = site.info.description
    if site.info.licence:
        package["licenses"] = [{"name": site.info.licence} if " " not in site.info.licence
                               else {"title": site.info.licence}]
    if options.site_url:
        package["homepage"] = options.site_url
    return dumps(package)


def table_names() -> list[str]:
    return [name for name, _, _, _ in TABLES]
