"""Articles: the sources, verbatim, with their metadata and marked-up parts.

The body is the article's text exactly as published. The only markup is ``::: KIND`` fences around
parts that are not running text (captions, credits, embedded posts …) and explicit mentions
``[text](actor:id)``, ``[text](place:id)`` or ``[text](-)``, which are removed from the text that
quotes are matched against.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from builder.diagnostics import Origin
from builder.model.common import Ref
from builder.model.dates import HonestDate

BLOCK_KINDS = ("heading", "standfirst", "caption", "credit", "byline", "aside", "embed")
BLOCK_LABELS = {
    "standfirst": "Standfirst",
    "caption": "Photo caption",
    "credit": "Credit",
    "byline": "Byline",
    "aside": "Aside",
    "embed": "Embedded post",
}


@dataclass(frozen=True)
class ExplicitMention:
    start: int  # offsets in the paragraph's plain text
    end: int
    ref: Ref | None  # None: "do not link this"


@dataclass
class Paragraph:
    text: str  # plain text: verbatim, markup removed
    line: int
    explicit: list[ExplicitMention] = field(default_factory=list)


@dataclass
class Block:
    kind: str  # "text" for running text, else one of BLOCK_KINDS
    line: int
    paragraphs: list[Paragraph]
    embed_type: str = ""
    by: Ref | None = None


@dataclass
class Contribution:
    actor: Ref
    role: str


@dataclass
class Correction:
    text: str
    correction: str
    origin: Origin


@dataclass
class Article:
    id: str
    origin: Origin
    title: str
    published: HonestDate | None
    publisher: Ref | None = None
    authors: list[Ref] = field(default_factory=list)
    contributors: list[Contribution] = field(default_factory=list)
    url: str = ""
    archive_url: str = ""
    accessed: HonestDate | None = None
    language: str = "en"
    note: str = ""
    corrections: list[Correction] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)

    @property
    def paragraphs(self) -> list[Paragraph]:
        return [p for block in self.blocks for p in block.paragraphs]
