"""Places, with coordinates and the place that contains them."""

from __future__ import annotations

from dataclasses import dataclass, field

from builder.diagnostics import Origin
from builder.model.common import NativeName, Ref

PRECISIONS = ("exact", "approximate", "settlement", "district", "region", "country")


@dataclass(frozen=True)
class Coordinates:
    lat: float
    lon: float
    precision: str


@dataclass
class Place:
    id: str
    origin: Origin
    name: str
    kind: str = ""
    aliases: list[str] = field(default_factory=list)
    within: Ref | None = None
    coordinates: Coordinates | None = None
    description: str = ""
    native: NativeName = field(default_factory=NativeName)

    @property
    def names(self) -> list[str]:
        return [self.name, *self.aliases, *self.native.forms]
