"""Actors: people, states, forces, organisations, outlets."""

from __future__ import annotations

from dataclasses import dataclass, field

from builder.diagnostics import Diagnostics, Origin
from builder.load.fields import Fields, Ref
from builder.load.yaml_nodes import Located
from builder.model.common import DATE_FIELDS, DateInfo, read_date_info

ACTOR_KINDS = (
    "person",
    "state",
    "government",
    "government-agency",
    "armed-force",
    "armed-group",
    "organisation",
    "international-organisation",
    "media-outlet",
    "company",
    "group",
    "other",
)
KIND_LABELS = {
    "person": "People",
    "state": "States",
    "government": "Governments",
    "government-agency": "Government agencies",
    "armed-force": "Armed forces",
    "armed-group": "Armed groups",
    "organisation": "Organisations",
    "international-organisation": "International organisations",
    "media-outlet": "Media outlets",
    "company": "Companies",
    "group": "Groups",
    "other": "Other",
}
FIELDS = {"name", "aliases", "kind", "title", "summary", "affiliations", "description"}
AFFILIATION_FIELDS = {"actor", "role"} | DATE_FIELDS


@dataclass
class Affiliation:
    actor: Ref
    role: str
    date: DateInfo


@dataclass
class Actor:
    id: str
    origin: Origin
    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)
    title: str = ""
    summary: str = ""
    affiliations: list[Affiliation] = field(default_factory=list)
    description: str = ""

    @property
    def names(self) -> list[str]:
        return [self.name, *self.aliases]


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
    )
