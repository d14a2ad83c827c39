"""Relations between actors over time: backs, opposes, member of …"""

from __future__ import annotations

from dataclasses import dataclass, field

from builder.diagnostics import Origin
from builder.model.common import DateInfo, Ref

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
