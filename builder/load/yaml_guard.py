"""YAML that would hurt the build, and YAML errors worded for the line where the author must look.

Aliases (``*name``) repeat the node their anchor (``&name``) names without copying it in the
composed graph, so a small file can stand for billions of values ("billion laughs"), or for a value
that contains itself; turned into plain values, either exhausts memory or the stack. Files with both
an ``&`` and a ``*`` are scanned for that first, with the C parser's events; the others (almost all
content) are not, so loading stays as fast.

libyaml reports an unclosed ``[`` or quote where it gave up, often lines later, and at the end of a
file without a final newline one line past it; ``explain`` turns that into the line of the opening
bracket or quote, with the line where the problem was found in the message.
"""

from __future__ import annotations

import re

import yaml

try:
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.SafeLoader

MAX_ALIASES = 1_000  # uses of ``*name`` in one file
MAX_ALIAS_EXPANSION = 100_000  # values that aliases add to one file once expanded
MAX_DEPTH = 100  # levels of lists and mappings inside one another (libyaml itself stops at 1,000)

_STARTS = (yaml.SequenceStartEvent, yaml.MappingStartEvent)
_ENDS = (yaml.SequenceEndEvent, yaml.MappingEndEvent)
_OPENED = {"while parsing a flow sequence": "[", "while parsing a flow mapping": "{"}
_ALIAS = re.compile(r"\*[^\s,\[\]{}]+")
_DOCUMENT_END = re.compile(r"^\.\.\.[ \t]*\r?$", re.M)


class TooDeep(Exception):
    """Raised while turning nodes into values at a list or mapping ``MAX_DEPTH`` levels down."""

    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line  # 0-based, in the YAML text


DEPTH_MESSAGE = f"lists and mappings are nested more than {MAX_DEPTH} levels deep"


def alias_problem(text: str) -> tuple[int, str] | None:
    """(0-based line, message) of the first alias that makes the file too big or recursive, or None.

    Each anchored node's expanded size is known when its end event arrives, so one pass in event
    order adds up what every alias will expand to; an alias met while its anchor's node is still
    open refers to a node that contains itself."""
    sizes: dict[str, int] = {}
    anchors: list[str | None] = [None]  # of each collection still open, outermost first
    totals: list[int] = [0]  # expanded size so far of each collection still open
    aliases = added = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, _STARTS):
            anchors.append(event.anchor)
            totals.append(1)
            continue
        if isinstance(event, _ENDS):
            anchor, size = anchors.pop(), totals.pop()
        elif isinstance(event, yaml.ScalarEvent):
            anchor, size = event.anchor, 1
        elif isinstance(event, yaml.AliasEvent):
            aliases += 1
            line = event.start_mark.line if event.start_mark else 0
            if aliases > MAX_ALIASES:
                return line, f"more than {MAX_ALIASES} aliases ('*name') in one file"
            if event.anchor in anchors:
                return line, f"alias '*{event.anchor}' is used inside the value it names, which would contain itself"
            anchor, size = None, sizes.get(event.anchor or "", 1)  # an undefined alias is reported by compose
            added += size
            if added > MAX_ALIAS_EXPANSION:
                return line, (f"aliases ('*name') expand this file by more than {MAX_ALIAS_EXPANSION:,} values; "
                              f"write the values out, or use fewer aliases")
        else:
            continue
        if anchor is not None:
            sizes[anchor] = size
        totals[-1] += size
    return None


def _line_count(text: str) -> int:
    return max(1, text.count("\n") + (0 if text.endswith("\n") else 1))


def explain(exc: yaml.MarkedYAMLError, text: str, offset: int, part: str) -> tuple[int, str]:
    """(line in the file, message) for a syntax error in ``text``, a YAML document that starts after
    ``offset`` lines of its file; ``part`` names it in messages ("file", "front matter")."""
    last = _line_count(text)
    problem = exc.problem or exc.context or "invalid YAML"
    context, start, found = exc.context or "", exc.context_mark, exc.problem_mark

    def found_at(mark: yaml.Mark | None) -> str:
        if mark is None or mark.line + 1 > last or mark.index >= len(text.rstrip()):
            return f"at the end of the {part}"
        return f"at line {mark.line + 1 + offset}"

    if "<document start>" in problem or context.startswith("expected a single document"):
        ended = [m for m in _DOCUMENT_END.finditer(text) if found is None or m.start() < found.index]
        if ended:
            line = text.count("\n", 0, ended[-1].start()) + 1
            return line + offset, (f"'...' ends the YAML document in the middle of the {part}, so what follows "
                                   f"is not read: remove this line")
    if "maximum nesting depth" in problem:
        return min(found.line + 1 if found else 1, last) + offset, DEPTH_MESSAGE
    if start is not None and found is not None:
        if context in _OPENED or context == "while scanning a quoted scalar":
            opener = _OPENED.get(context) or text[start.index : start.index + 1]
            where = found_at(found)
            if found.line == start.line and not where.startswith("at the end"):
                return start.line + 1 + offset, f"{problem} in this {opener!r}"
            return start.line + 1 + offset, f"this {opener!r} is never closed (found {where}: {problem})"
        if context == "while scanning a simple key":
            return start.line + 1 + offset, f"this line is no 'key: value' pair: {problem} (found {found_at(found)})"
        if context.startswith("found duplicate anchor"):
            return found.line + 1 + offset, f"duplicate anchor (the first is at line {start.line + 1 + offset})"
        if context.startswith("expected a single document"):
            return found.line + 1 + offset, f"a second YAML document starts here: a {part} holds one document"
    if problem == "did not find expected node content" and found_at(found).startswith("at the end"):
        # "title: [" with nothing after it: the value that never came was opened by the last sign
        end = len(text.rstrip())
        if end and text[end - 1] in "[{,:":
            return (text.count("\n", 0, end - 1) + 1 + offset,
                    f"a value is missing after this {text[end - 1]!r} (found at the end of the {part}: {problem})")
    mark = found or start
    line = min(mark.line + 1, last) if mark else 1
    if problem == "found undefined alias" and found is not None:
        alias = _ALIAS.match(text, found.index)
        if alias:
            problem = f"alias '{alias[0]}' names no anchor ('&{alias[0][1:]}') written before it"
    return line + offset, problem
