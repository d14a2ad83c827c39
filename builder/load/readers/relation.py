"""A relation's file or list entry → Relation."""

from __future__ import annotations

from builder.diagnostics import Diagnostics
from builder.load.fields import Fields
from builder.load.readers.dates import DATE_FIELDS, read_date_info
from builder.load.yaml_nodes import Located
from builder.model.relation import Citation, Relation

FIELDS = {"subject", "type", "object", "places", "sources", "note"} | DATE_FIELDS
CITATION_FIELDS = {"article", "text"}


def read_citations(fields: Fields, key: str, diagnostics: Diagnostics) -> list[Citation]:
    citations = []
    for item in fields.mappings(key, shorthand="article"):
        sub = Fields(item, diagnostics, "a source", CITATION_FIELDS)
        ref = sub.ref("article", "article", required=True)
        if ref:
            citations.append(Citation(ref, sub.text("text"), sub.origin("text")))
    return citations


def read_relation(id: str, data: Located, note: str, body_line: int, diagnostics: Diagnostics) -> Relation | None:
    fields = Fields(data, diagnostics, f"relation '{id}'", FIELDS)
    subject = fields.ref("subject", "actor", required=True)
    object_ = fields.ref("object", "actor", required=True)
    type_ = fields.slug("type", required=True)
    date = read_date_info(fields)
    sources = read_citations(fields, "sources", diagnostics)
    if not fields.items("sources"):
        diagnostics.error(data.origin, f"relation '{id}' cites no source: add 'sources' with at least one article")
    if subject is None or object_ is None or not type_:
        return None
    return Relation(id, data.origin, subject, type_, object_, date, fields.refs("places", "place"), sources,
                    fields.prose("note", note, body_line))
