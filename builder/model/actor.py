"""Actors: people, states, forces, organisations, outlets."""

from __future__ import annotations

from dataclasses import dataclass, field

from builder.diagnostics import Origin
from builder.model.common import DateInfo, NativeName, Ref

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
    native: NativeName = field(default_factory=NativeName)

    @property
    def names(self) -> list[str]:
        return [self.name, *self.aliases, *self.native.forms]
