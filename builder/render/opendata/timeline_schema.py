"""``data/timeline.schema.json``: the JSON Schema (2020-12) that ``timeline.json`` follows.

Written by hand next to the records it describes (``timeline_json``); the tests validate the built
file against it, and it against the 2020-12 meta-schema, so the two cannot drift apart unseen.
"""

from __future__ import annotations

from typing import Any

from builder.model.actor import ACTOR_KINDS
from builder.model.dates import PRECISIONS
from builder.model.event import CLAIM_STATUSES, QUOTE_KINDS
from builder.model.place import PRECISIONS as PLACE_PRECISIONS
from builder.render.opendata.common import dumps
from builder.render.opendata.timeline_json import FORMAT

ID = {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$", "description": "A slug: the file name in content/."}
TEXT = {"type": "string"}
TEXTS = {"type": "array", "items": TEXT}
IDS = {"type": "array", "items": {"$ref": "#/$defs/id"}}
URL = {"type": "string", "description": "The page: relative to the site root, or absolute when the site "
                                         "declares its address (site_url)."}
DAY = {"type": ["string", "null"], "format": "date", "description": "YYYY-MM-DD; null for an open end."}


def _object(properties: dict[str, Any], description: str) -> dict[str, Any]:
    return {"type": "object", "description": description, "properties": properties,
            "required": sorted(properties), "additionalProperties": False}


DATE = _object({
    "edtf": {"type": "string", "description": "The date in EDTF (ISO 8601-2): partial, approximate (~), "
                                              "uncertain (?), ranges (/), open ends (..)."},
    "display": {"type": "string", "description": "The date as the site shows it."},
    "text": {"type": "string", "description": "The date as the source wrote it."},
    "note": {"type": "string", "description": "How the source's words became the EDTF date."},
    "start": DAY | {"description": "The earliest day it may fall on (sortable); null when open."},
    "end": DAY | {"description": "The latest day it may fall on (sortable); null when open."},
    "precision": {"enum": list(PRECISIONS)},
    "approximate": {"type": "boolean"},
    "uncertain": {"type": "boolean"},
}, "A date as honest as its sources.")
MAYBE_DATE = {"oneOf": [{"$ref": "#/$defs/date"}, {"type": "null"}]}
MAYBE_ID = {"oneOf": [{"$ref": "#/$defs/id"}, {"type": "null"}]}

EVENT = _object({
    "id": {"$ref": "#/$defs/id"}, "url": URL, "title": TEXT, "date": {"$ref": "#/$defs/date"},
    "position": {"type": "integer", "minimum": 0, "description": "Its index in the timeline's order."},
    "type": TEXT, "tags": TEXTS,
    "actors": {"type": "array",
               "items": _object({"id": {"$ref": "#/$defs/id"}, "role": TEXT}, "An actor and its role.")},
    "places": IDS, "part_of": MAYBE_ID, "related": IDS,
    "sources": {**IDS, "description": "The articles it cites (ids of 'sources')."},
    "quotes": {**IDS, "description": "Its quotes (ids of 'quotes'); their articles are sources too."},
    "commentary": {"type": "string", "description": "Markdown."},
    "fatalities": {"type": ["integer", "null"], "minimum": 0,
                   "description": "Deaths as the sources reported them; null when they say nothing."},
    "media": {"oneOf": [_object({"url": {"type": "string", "description": "http(s)."}, "caption": TEXT,
                                 "credit": TEXT, "alt": TEXT},
                                "A picture or other media shown with the event, with its credit."),
                        {"type": "null"}]},
}, "An event.")
ACTOR = _object({
    "id": {"$ref": "#/$defs/id"}, "url": URL, "name": TEXT, "kind": {"enum": list(ACTOR_KINDS)},
    "aliases": TEXTS, "title": TEXT, "summary": TEXT, "description": {"type": "string", "description": "Markdown."},
    "affiliations": {"type": "array", "items": _object({"actor": {"$ref": "#/$defs/id"}, "role": TEXT,
                                                          "date": MAYBE_DATE}, "Membership of another actor.")},
}, "A person, state, force or organisation.")
PLACE = _object({
    "id": {"$ref": "#/$defs/id"}, "url": URL, "name": TEXT, "kind": TEXT, "aliases": TEXTS,
    "within": {**MAYBE_ID, "description": "The place that contains it."},
    "coordinates": {"oneOf": [_object({"lat": {"type": "number", "minimum": -90, "maximum": 90},
                                       "lon": {"type": "number", "minimum": -180, "maximum": 180},
                                       "precision": {"enum": list(PLACE_PRECISIONS)}},
                                      "WGS 84 degrees, and how closely they locate the place."),
                              {"type": "null"}]},
    "description": {"type": "string", "description": "Markdown."},
}, "A place.")
RELATION = _object({
    "id": {"$ref": "#/$defs/id"}, "subject": {"$ref": "#/$defs/id"}, "type": TEXT, "object": {"$ref": "#/$defs/id"},
    "date": MAYBE_DATE, "places": IDS,
    "sources": {"type": "array", "items": _object({"article": {"$ref": "#/$defs/id"}, "text": TEXT, "url": URL},
                                                  "An article, and the passage cited ('' for none).")},
    "note": {"type": "string", "description": "Markdown."},
}, "A relation between two actors over time.")
QUOTE = _object({
    "id": TEXT, "event": {"$ref": "#/$defs/id"}, "speaker": {"$ref": "#/$defs/id"},
    "article": {"$ref": "#/$defs/id"}, "text": {"type": "string", "description": "Verbatim."}, "note": TEXT,
    "url": {**URL, "description": "The passage highlighted on the article's page."},
    "kind": {"enum": list(QUOTE_KINDS), "description": "direct: the speaker's own words, in quotation marks in the "
                                                       "article; reported: the reporter's account of what was said."},
    "status": {"enum": [*CLAIM_STATUSES, None], "description": "The claim's status, as the author judged it; "
                                                              "null when not said."},
    "status_note": TEXT, "status_source": {**MAYBE_ID, "description": "The article that settles the status."},
    "translation": TEXT, "translated_by": TEXT,
}, "A verbatim quote, attributed.")
SOURCE = _object({
    "id": {"$ref": "#/$defs/id"}, "url": URL, "title": TEXT, "publisher": MAYBE_ID, "authors": IDS,
    "published": {"type": ["string", "null"], "description": "EDTF."}, "original_url": TEXT, "archive_url": TEXT,
    "accessed": {"type": ["string", "null"], "description": "EDTF."}, "language": TEXT,
    "citation_only": {"type": "boolean", "description": "Kept as a reference, without its text (so nothing is "
                                                        "quoted from it)."},
}, "A source article.")


def _array(name: str) -> dict[str, Any]:
    return {"type": "array", "items": {"$ref": f"#/$defs/{name}"}}


SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "timeline.schema.json",
    "title": "Annotated timeline dataset",
    "description": "Every event, actor, place, relation, quote and source of an annotated timeline site.",
    "$defs": {"id": ID, "date": DATE, "event": EVENT, "actor": ACTOR, "place": PLACE, "relation": RELATION,
              "quote": QUOTE, "source": SOURCE},
    **_object({
        "format": {"const": FORMAT},
        "title": TEXT, "description": TEXT, "intro": {"type": "string", "description": "Markdown."},
        "licence": {"type": ["string", "null"], "description": "The data's licence; null when none is declared."},
        "site_url": {"type": ["string", "null"], "description": "The site's address, when declared."},
        "events": {**_array("event"), "description": "In timeline order."},
        "actors": _array("actor"), "places": _array("place"), "relations": _array("relation"),
        "quotes": _array("quote"), "sources": _array("source"),
    }, "An annotated timeline."),
}


def timeline_schema() -> bytes:
    return dumps(SCHEMA)
