"""An event's file or list entry → Event."""

from __future__ import annotations

from builder.diagnostics import Diagnostics
from builder.load.fields import Fields
from builder.load.readers.dates import DATE_FIELDS, read_date_info
from builder.load.yaml_nodes import Located
from builder.model.event import CLAIM_STATUSES, QUOTE_KINDS, Event, Media, Participation, Quote

FIELDS = {
    "title",
    "type",
    "tags",
    "places",
    "actors",
    "part_of",
    "related",
    "sources",
    "quotes",
    "commentary",
    "fatalities",
    "media",
} | DATE_FIELDS
ACTOR_ROLE_FIELDS = {"actor", "role"}
QUOTE_FIELDS = {"by", "article", "text", "note", "kind", "status", "status_note", "status_source", "translation",
                "translated_by"}
MEDIA_FIELDS = {"url", "caption", "credit", "alt"}


def read_event(id: str, data: Located, commentary: str, body_line: int, diagnostics: Diagnostics) -> Event:
    fields = Fields(data, diagnostics, f"event '{id}'", FIELDS)
    actors = []
    for item in fields.mappings("actors", shorthand="actor"):
        sub = Fields(item, diagnostics, f"an actor of event '{id}'", ACTOR_ROLE_FIELDS)
        ref = sub.ref("actor", "actor", required=True)
        if ref:
            actors.append(Participation(ref, sub.slug("role") or "participant"))
    quotes: list[Quote] = []
    for item in fields.mappings("quotes"):
        sub = Fields(item, diagnostics, f"a quote of event '{id}'", QUOTE_FIELDS)
        by = sub.ref("by", "actor", required=True)
        article = sub.ref("article", "article", required=True)
        text = sub.text("text", required=True)
        if by and article and text:
            quotes.append(Quote(
                id, len(quotes) + 1, by, article, text, sub.text("note"), sub.origin("text"),
                kind=sub.choice("kind", QUOTE_KINDS, default="direct"),
                status=sub.choice("status", CLAIM_STATUSES),
                status_note=sub.text("status_note"),
                status_source=sub.ref("status_source", "article"),
                translation=sub.text("translation"),
                translated_by=sub.text("translated_by"),
            ))
    media = None
    if (mapping := fields.mapping("media")) is not None:
        sub = Fields(mapping, diagnostics, f"the media of event '{id}'", MEDIA_FIELDS)
        if sub.text("url", required=True) and (url := sub.url("url")):
            media = Media(url, sub.text("caption"), sub.text("credit"), sub.text("alt"))
    fatalities = fields.number("fatalities")
    if fatalities is not None and (fatalities < 0 or not fatalities.is_integer()):
        diagnostics.error(fields.origin("fatalities"), f"fatalities: {fatalities:g} is not a count (0, 1, 2 …)")
        fatalities = None
    event = Event(
        id=id,
        origin=data.origin,
        title=fields.text("title", required=True) or id,
        date=read_date_info(fields, required=True),
        type=fields.slug("type"),
        tags=[tag for tag, _ in fields.slugs("tags")],
        places=fields.refs("places", "place"),
        actors=actors,
        part_of=fields.ref("part_of", "event"),
        related=fields.refs("related", "event"),
        sources=fields.refs("sources", "article"),
        quotes=quotes,
        commentary=fields.prose("commentary", commentary, body_line),
        fatalities=None if fatalities is None else int(fatalities),
        media=media,
    )
    if not fields.items("sources") and not fields.items("quotes"):
        diagnostics.error(data.origin, f"event '{id}' cites no source: add 'sources' or 'quotes'")
    return event
