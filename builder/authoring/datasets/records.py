"""What a dataset's record becomes, before it is checked and written: plain mappings, as written.

Each row keeps the line of its input (``path:row``), so every problem names where it came from. The
entities a row needs besides its events (actors, places, sources) are listed with it: a row that
is skipped takes nothing with it that only it needed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from builder.diagnostics import Origin
from builder.runtime.progress import QUIET, Progress

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
    label: str = ""  # where in a JSON file: "events[3]" (a compact file is all on line 1)


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
    progress: Progress = field(default=QUIET, repr=False, compare=False)  # the rows read n/N, on a terminal

    def reading(self, total: int | None) -> None:
        """The reader starts on the file's ``total`` rows (None: not counted); it advances ``progress`` by each."""
        self.progress.stage(f"reading the rows of {self.path.rsplit('/', 1)[-1]}", total)

    def problem(self, row: int, message: str) -> None:
        """A problem of the file rather than of one of its rows."""
        self.rows.append(Row(Origin(self.path, row), problems=[message]))


def compact(entity: Entity) -> Entity:
    """Without the fields left empty: the file reads like one written by hand."""
    return {key: value for key, value in entity.items() if value not in ("", None, [], {})}


# What Markdown would act on in a commentary (links, emphasis, code, attribute lists …), written as
# character references: the page shows the same characters, and Markdown finds nothing to act on.
# In HTML, "#" stays: it is part of references (&#39;), and a heading needs it at a line's start.
_IN_HTML = re.compile(r"[\\`*_{}\[\]~^]")
_IN_TEXT = re.compile(r"[\\`*_{}\[\]~^#|]")


def _references(pattern: re.Pattern[str], text: str) -> str:
    return pattern.sub(lambda match: f"&#{ord(match.group())};", text)


def html_as_markdown(html_text: str) -> str:
    """Cleaned HTML (a TimelineJS slide's text) as a Markdown field that means exactly that HTML."""
    return _references(_IN_HTML, html_text)


def text_as_markdown(text: str) -> str:
    """Plain text (ACLED's notes) as a Markdown field that shows exactly that text."""
    return _references(_IN_TEXT, text.replace("&", "&amp;").replace("<", "&lt;"))
