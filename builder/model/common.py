"""Pieces shared by several entity kinds."""

from __future__ import annotations

from dataclasses import dataclass

from builder.diagnostics import Origin
from builder.model.dates import HonestDate


@dataclass(frozen=True)
class Ref:
    """A reference to another entity, resolved once everything is loaded."""

    kind: str  # "actor", "place", "event", "article"
    id: str
    origin: Origin


@dataclass(frozen=True)
class NativeName:
    """A name in its own script (``language`` is its BCP 47 tag) and one romanisation of it, never a
    machine translation: both are names of the actor or place, linked and searched like ``name``."""

    name: str = ""
    language: str = ""
    romanisation: str = ""

    @property
    def forms(self) -> list[str]:
        return [form for form in (self.name, self.romanisation) if form]


@dataclass(frozen=True)
class DateInfo:
    """A date as resolved (EDTF), as the source wrote it, and how one became the other."""

    value: HonestDate | None
    text: str = ""
    note: str = ""

    @property
    def display(self) -> str:
        return self.value.display() if self.value else ""


def date_order(value: HonestDate | None) -> tuple[object, ...]:
    """Sort key: dated things in date order, undated ones after them all."""
    return (0, *value.sort_key()) if value else (1,)
