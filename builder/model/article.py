"""Articles: the sources, verbatim, with their metadata and marked-up parts.

The body is the article's text exactly as published. The only markup is ``::: KIND`` fences around
parts that are not running text (captions, credits, embedded posts …) and explicit mentions
``[text](actor:id)``, ``[text](place:id)`` or ``[text](-)``, which are removed from the text that
quotes are matched against.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass, field

from builder.diagnostics import Diagnostics, Origin, did_you_mean
from builder.load.fields import Fields, Ref, slug_problem
from builder.load.yaml_nodes import Located
from builder.model.dates import HonestDate

FIELDS = {
    "title",
    "publisher",
    "authors",
    "contributors",
    "published",
    "url",
    "archive_url",
    "accessed",
    "language",
    "note",
    "corrections",
}
CONTRIBUTOR_FIELDS = {"actor", "role"}
CORRECTION_FIELDS = {"text", "correction"}
BLOCK_KINDS = ("heading", "standfirst", "caption", "credit", "byline", "aside", "embed")
BLOCK_LABELS = {
    "standfirst": "Standfirst",
    "caption": "Photo caption",
    "credit": "Credit",
    "byline": "Byline",
    "aside": "Aside",
    "embed": "Embedded post",
}
EMBED_ATTRIBUTES = {"type", "by"}
_FENCE_OPEN = re.compile(r"^:::[ \t]*([A-Za-z][\w-]*)(.*)$")
_FENCE_CLOSE = re.compile(r"^:::[ \t]*$")
_EXPLICIT = re.compile(r"\[([^\[\]\n]+)\]\((?:(actor|place):([^)\s]*)|(-))\)")


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
    def citation_only(self) -> bool:
        return not self.blocks

    @property
    def paragraphs(self) -> list[Paragraph]:
        return [p for block in self.blocks for p in block.paragraphs]


def _paragraph(lines: list[tuple[int, str]], path: str, diagnostics: Diagnostics) -> Paragraph:
    """Join a paragraph's lines and lift explicit mention markup out of the text."""
    raw = "\n".join(text for _, text in lines)
    first_line = lines[0][0]
    plain: list[str] = []
    explicit = []
    position = 0
    for match in _EXPLICIT.finditer(raw):
        plain.append(raw[position : match.start()])
        start = sum(map(len, plain))
        label, kind, id_, suppress = match.groups()
        plain.append(label)
        line = first_line + raw[: match.start()].count("\n")
        ref = None
        if not suppress:
            problem = slug_problem(id_)
            if problem:
                diagnostics.error(Origin(path, line), f"mention of '{label}': {problem}")
                ref = None
            else:
                ref = Ref(kind, id_, Origin(path, line))
        explicit.append(ExplicitMention(start, start + len(label), ref))
        position = match.end()
    plain.append(raw[position:])
    return Paragraph("".join(plain), first_line, explicit)


def _paragraphs(lines: list[tuple[int, str]], path: str, diagnostics: Diagnostics) -> list[Paragraph]:
    result, current = [], []
    for number, text in [*lines, (0, "")]:
        if text.strip():
            current.append((number, text.rstrip()))
        elif current:
            result.append(_paragraph(current, path, diagnostics))
            current = []
    return result


def parse_body(body: str, first_line: int, path: str, diagnostics: Diagnostics) -> list[Block]:
    blocks: list[Block] = []
    running: list[tuple[int, str]] = []
    fence: Block | None = None
    fenced: list[tuple[int, str]] = []

    def flush_running() -> None:
        if any(text.strip() for _, text in running):
            for paragraph in _paragraphs(running, path, diagnostics):
                blocks.append(Block("text", paragraph.line, [paragraph]))
        running.clear()

    for number, text in enumerate(body.splitlines(), start=first_line):
        if opening := _FENCE_OPEN.match(text):
            if fence is not None:  # fences do not nest: the one still open was never closed
                diagnostics.error(Origin(path, fence.line), f"'::: {fence.kind}' block is never closed before the "
                                                            f"next '::: {opening.group(1)}' at line {number}: add a "
                                                            "':::' line where it ends")
                fence.paragraphs = _paragraphs(fenced, path, diagnostics)
                blocks.append(fence)
            flush_running()
            fence = _open_fence(opening, number, path, diagnostics)
            fenced = []
        elif fence is not None and _FENCE_CLOSE.match(text):
            fence.paragraphs = _paragraphs(fenced, path, diagnostics)
            if not fence.paragraphs:
                diagnostics.error(Origin(path, fence.line), f"'::: {fence.kind}' block is empty")
            blocks.append(fence)
            fence = None
        elif fence is not None:
            fenced.append((number, text))
        else:
            running.append((number, text))
    if fence is not None:
        diagnostics.error(Origin(path, fence.line), f"'::: {fence.kind}' block is never closed: add a ':::' line")
        fence.paragraphs = _paragraphs(fenced, path, diagnostics)
        blocks.append(fence)
    flush_running()
    return blocks


def _open_fence(opening: re.Match[str], line: int, path: str, diagnostics: Diagnostics) -> Block:
    kind, rest = opening.group(1), opening.group(2)
    origin = Origin(path, line)
    if kind not in BLOCK_KINDS:
        diagnostics.error(origin, f"unknown block kind '{kind}'{did_you_mean(kind, BLOCK_KINDS)}; "
                                  f"expected one of: {', '.join(BLOCK_KINDS)}")
    block = Block(kind if kind in BLOCK_KINDS else "text", line, [])
    try:
        words = shlex.split(rest)
    except ValueError as exc:
        diagnostics.error(origin, f"cannot read the block's attributes: {exc}")
        words = []
    for word in words:
        key, _, value = word.partition("=")
        if kind == "embed" and key == "type":
            block.embed_type = value
        elif kind == "embed" and key == "by":
            problem = slug_problem(value)
            if problem:
                diagnostics.error(origin, f"by: {problem}")
            else:
                block.by = Ref("actor", value, origin)
        elif kind == "embed" and not value and not block.embed_type:
            block.embed_type = key  # "::: embed tweet by=…" shorthand
        else:
            allowed = EMBED_ATTRIBUTES if kind == "embed" else set()
            hint = did_you_mean(key, allowed) if allowed else ""
            diagnostics.error(origin, f"unknown attribute '{word}' on '::: {kind}'{hint}")
    return block


def read_article(id: str, data: Located, body: str, body_line: int, diagnostics: Diagnostics) -> Article:
    fields = Fields(data, diagnostics, f"article '{id}'", FIELDS)
    contributors = []
    for item in fields.mappings("contributors", shorthand="actor"):
        sub = Fields(item, diagnostics, f"a contributor of '{id}'", CONTRIBUTOR_FIELDS)
        ref = sub.ref("actor", "actor", required=True)
        if ref:
            contributors.append(Contribution(ref, sub.text("role") or "contributor"))
    corrections = []
    for item in fields.mappings("corrections"):
        sub = Fields(item, diagnostics, "a correction", CORRECTION_FIELDS)
        text, correction = sub.text("text", required=True), sub.text("correction", required=True)
        if text and correction:
            corrections.append(Correction(text, correction, sub.origin("text")))
    # No text is a citation-only source (a paywalled article, a dataset's outlet): events may cite
    # it, quotes cannot (resolve/anchoring says so where a quote does).
    blocks = parse_body(body, body_line, data.origin.path, diagnostics)
    return Article(
        id=id,
        origin=data.origin,
        title=fields.text("title", required=True) or id,
        published=fields.date("published", required=True),
        publisher=fields.ref("publisher", "actor"),
        authors=fields.refs("authors", "actor"),
        contributors=contributors,
        url=fields.url("url"),
        archive_url=fields.url("archive_url"),
        accessed=fields.date("accessed"),
        language=fields.text("language", default="en"),
        note=fields.prose("note"),
        corrections=corrections,
        blocks=blocks,
    )
