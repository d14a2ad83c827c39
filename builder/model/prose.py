"""The text of a Markdown field, which remembers where it was written.

Load makes it, check reports problems in it at its own line, and render turns it into HTML
(:mod:`builder.render.sanitize`): a type of the model, so that load need not import render.
"""

from __future__ import annotations

from typing import Any

from builder.diagnostics import Origin


class Prose(str):
    """A Markdown field's text, knowing its name and where it was written. ``exact``: each of its
    lines is a line of the file (a file's body), so a problem can be placed on its own line."""

    origin: Origin
    field: str
    exact: bool

    def __new__(cls, text: str, origin: Origin, field: str, exact: bool = False) -> Prose:
        prose = super().__new__(cls, text)
        prose.origin, prose.field, prose.exact = origin, field, exact
        return prose

    def __reduce__(self) -> tuple[Any, ...]:  # pages render in a forked worker; keep the fields
        return (Prose, (str(self), self.origin, self.field, self.exact))
