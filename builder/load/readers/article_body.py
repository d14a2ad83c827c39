"""An article's body → its blocks and paragraphs: ``::: KIND`` fences and explicit mentions
``[text](actor:id)``, ``[text](place:id)`` or ``[text](-)``, lifted out of the text that quotes are
matched against."""

from __future__ import annotations

import re
import shlex

from builder.diagnostics import Diagnostics, Origin, did_you_mean
from builder.load.fields import slug_problem
from builder.model.article import BLOCK_KINDS, Block, ExplicitMention, Paragraph
from builder.model.common import Ref

EMBED_ATTRIBUTES = {"type", "by"}
_FENCE_OPEN = re.compile(r"^:::[ \t]*([A-Za-z][\w-]*)(.*)$")
_FENCE_CLOSE = re.compile(r"^:::[ \t]*$")
EXPLICIT_MENTION = re.compile(r"\[([^\[\]\n]+)\]\((?:(actor|place):([^)\s]*)|(-))\)")


def _paragraph(lines: list[tuple[int, str]], path: str, diagnostics: Diagnostics) -> Paragraph:
    """Join a paragraph's lines and lift explicit mention markup out of the text."""
    raw = "\n".join(text for _, text in lines)
    first_line = lines[0][0]
    plain: list[str] = []
    explicit = []
    position = 0
    for match in EXPLICIT_MENTION.finditer(raw):
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
