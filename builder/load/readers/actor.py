"""An actor's file or list entry → Actor."""

from __future__ import annotations

from builder.diagnostics import Diagnostics
from builder.load.fields import NATIVE_FIELDS, Fields
from builder.load.readers.dates import DATE_FIELDS, read_date_info
from builder.load.yaml_nodes import Located
from builder.model.actor import ACTOR_KINDS, Actor, Affiliation

FIELDS = {"name", "aliases", "kind", "title", "summary", "affiliations", "description"} | NATIVE_FIELDS
AFFILIATION_FIELDS = {"actor", "role"} | DATE_FIELDS


def read_actor(id: str, data: Located, description: str, body_line: int, diagnostics: Diagnostics) -> Actor:
    fields = Fields(data, diagnostics, f"actor '{id}'", FIELDS)
    affiliations = []
    for item in fields.mappings("affiliations", shorthand="actor"):
        sub = Fields(item, diagnostics, f"an affiliation of '{id}'", AFFILIATION_FIELDS)
        ref = sub.ref("actor", "actor", required=True)
        if ref:
            affiliations.append(Affiliation(ref, sub.text("role"), read_date_info(sub)))
    return Actor(
        id=id,
        origin=data.origin,
        name=fields.text("name", required=True) or id,
        kind=fields.choice("kind", ACTOR_KINDS, required=True, default="other"),
        aliases=fields.texts("aliases"),
        title=fields.text("title"),
        summary=fields.text("summary"),
        affiliations=affiliations,
        description=fields.prose("description", description, body_line),
        native=fields.native_name(),
    )
