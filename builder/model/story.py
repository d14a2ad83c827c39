"""Stories: an author's walk through events in a chosen order, step by step, with narration."""

from __future__ import annotations

from dataclasses import dataclass, field

from builder.diagnostics import Origin
from builder.model.common import DateInfo, Ref
from builder.model.event import Quote
from builder.model.prose import Prose


@dataclass
class Step:
    number: int  # 1-based, the order the author wrote
    event: Ref
    origin: Origin
    narration: Prose
    quote_written: str = ""  # "2" (the event's second quote) or words of one of its quotes, as written
    quote_origin: Origin | None = None
    quote: Quote | None = None  # set by resolve

    @property
    def anchor(self) -> str:
        return f"step-{self.number}"


@dataclass
class Story:
    id: str
    origin: Origin
    title: str
    summary: str
    date: DateInfo
    introduction: Prose
    steps: list[Step] = field(default_factory=list)
