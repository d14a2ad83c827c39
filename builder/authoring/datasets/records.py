"""What a dataset's record becomes, before it is checked and written: plain mappings, as written.

Each row keeps the line of its input (``path:row``), so every problem names where it came from. The
entities a row needs besides its events (actors, places, sources) are listed with it: a row that
is skipped takes nothing with it that only it needed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from builder.diagnostics import Origin

Entity = dict[str, Any]  # an item of a content list file, "id" first


@dataclass
class Row:
    origin: Origin
    events: list[Entity] = field(default_factory=list)
    actors: list[Entity] = field(default_factory=list)
    places: list[Entity] = field(default_factory=list)
    sources: list[Entity] = field(default_factory=list)  # articles: front matter only (citation-only)
    relations: list[Entity] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


@dataclass
class Batch:
    """One input file, read."""

    path: str  # as given on the command line, for reports
    name: str  # the stem of the list files written for it
    format: str
    rows: list[Row] = field(default_factory=list)
    title: str = ""  # fills site.yml when it has none
    intro: str = ""
    notes: list[str] = field(default_factory=list)  # what was read but not kept, for the report

    def problem(self, row: int, message: str) -> None:
        """A problem of the file rather than of one of its rows."""
        self.rows.append(Row(Origin(self.path, row), problems=[message]))


def compact(entity: Entity) -> Entity:
    """Without the fields left empty: the file reads like one written by hand."""
    return {key: value for key, value in entity.items() if value not in ("", None, [], {})}
