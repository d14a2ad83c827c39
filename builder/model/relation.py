"""Relations between actors over time: backs, opposes, member of …"""

from __future__ import annotations

from dataclasses import dataclass, field

from builder.diagnostics import Diagnostics, Origin
from builder.load.fields import Fields, Ref
from builder.load.yaml_nodes import Located
from builder.model.common import DATE_FIELDS, DateInfo, read_date_info

FIELDS = {"subject", "type", "object", "places", "sources", "note"} | DATE_FIELDS
CITATION_FIELDS = {"article", "text"}

# How a relation reads from its object's side, so both actor pages can state it.
INVERSE_LABELS = {
    "backs": "backed by",
    "opposes": "opposed by",
    "allied-with": "allied with",
    "member-of": "has member",
    "part-of": "includes",
    "commands": "commanded by",
    "funds": "funded by",
    "negotiates-with": "negotiates with",
    "employs": "employed by",
}


@dataclass
class Citation:
    """An article, optionally with a verbatim passage of it."""

    article: Ref
    text: str
    origin: Origin
    anchor: str = ""  # set when the passage is located in the article


@dataclass
class Relation:
    id: str
    origin: Origin
    subject: Ref
    type: str
    object: Ref
    date: DateInfo
    places: list[Ref] = field(default_factory=list)
    sources: list[Citation] = field(default_factory=list)
    note: str = ""

    @property
    def label(self) -> str:
        return self.type.replace("-", " ")

    @property
    def inverse_label(self) -> str:
        return INVERSE_LABELS.get(self.type, f"{self.label} (object)")


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
