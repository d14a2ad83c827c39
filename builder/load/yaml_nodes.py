"""Files to records: YAML values that remember the line they were written on.

MkDocs' own front-matter reader swallows YAML errors, so annotations are parsed here instead. Nodes
are composed with the C loader when available (about 7x faster on thousands of files) and turned
into plain values by hand so that every mapping key and list item keeps its line, and so that dates
stay the strings the author wrote (YAML would turn ``2020-02-12`` into a ``datetime.date``). Numbers
keep their text too: YAML 1.1 reads ``12:30`` as 750 and ``0700`` as 448, so a text field takes the
text as written (``as_written``) and only a number field the number. Keys are always their text.
A merge key (``<<: *base``) copies the fields of the mapping it names that are not written beside it,
as the merge-key specification says (of a list, ``<<: [*a, *b]``, the earlier mapping wins, where
``yaml.safe_load`` lets the later win).

Limits keep hostile or mistaken files from exhausting the build: ``MAX_FILE_SIZE`` per file (the
largest file of the 13,000-file bench project is 180 KB: list files of 200 events), raised with the
environment variable ``TIMELINE_MAX_FILE_SIZE`` (an environment variable, not a plugin option, so
that ``check``, ``mkdocs build`` and ``mkdocs serve`` all see the same limit without it being
passed down every caller); and, in ``builder/load/yaml_guard.py``, aliases and nesting depth.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from builder.diagnostics import Diagnostics, Origin
from builder.load.yaml_guard import DEPTH_MESSAGE, MAX_DEPTH, TooDeep, alias_problem, explain

try:
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.SafeLoader

_constructor = yaml.constructor.SafeConstructor()
_Scalar = yaml.ScalarNode
_VERBATIM_TAGS = frozenset({"tag:yaml.org,2002:str", "tag:yaml.org,2002:timestamp"})
_NUMBER_TAGS = frozenset({"tag:yaml.org,2002:int", "tag:yaml.org,2002:float"})
_MERGE_TAG = "tag:yaml.org,2002:merge"
MERGE_MESSAGE = "a merge key ('<<') takes a mapping ('<<: *name') or a list of mappings ('<<: [*a, *b]')"
# Front matter closes with "---" only: "..." ends a YAML document, and inside front matter it
# would silently end the fields there (explained as an error by ``yaml_guard.explain``).
# What YAML refuses in a document: anything but tab, line breaks and printable characters.
_NOT_PRINTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^---[ \t]*(?:\r?\n|\Z)", re.S | re.M)
_OPENING = re.compile(r"\A---[ \t]*\r?(?:\n|\Z)")
_DOCUMENT_END = re.compile(r"^\.\.\.[ \t]*\r?$", re.M)
MAX_FILE_SIZE = 5_000_000  # bytes
SIZE_VARIABLE = "TIMELINE_MAX_FILE_SIZE"
_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmg]?)b?\s*$", re.I)


class Located(dict[str, Any]):
    """A YAML mapping with the line of itself and of each key."""

    def __init__(self, origin: Origin) -> None:
        super().__init__()
        self.origin = origin
        self.key_lines: dict[str, int] = {}  # lines only: an Origin is made when a problem needs one
        self.written: dict[str, str] = {}  # the text of each number, as written

    def as_written(self, key: str) -> Any:
        """The value of ``key``, a number as the text it was written as."""
        return self.written.get(key, self.get(key))

    def origin_of(self, key: str) -> Origin:
        line = self.key_lines.get(key)
        return Origin(self.origin.path, line) if line is not None else self.origin


class LocatedList(list[Any]):
    """A YAML sequence with the line of itself and of each item."""

    def __init__(self, origin: Origin) -> None:
        super().__init__()
        self.origin = origin
        self.item_lines: list[int] = []
        self.written: dict[int, str] = {}  # the text of each number, as written

    def as_written(self, index: int) -> Any:
        """The item at ``index``, a number as the text it was written as."""
        return self.written.get(index, self[index])

    def origin_at(self, index: int) -> Origin:
        return Origin(self.origin.path, self.item_lines[index]) if index < len(self.item_lines) else self.origin


@dataclass(frozen=True)
class SourceFile:
    """One content file: its front matter (or whole YAML document) and its Markdown body."""

    path: str
    data: Any
    body: str
    body_line: int  # 1-based line on which the body starts


def _to_value(node: yaml.Node, path: str, offset: int, diagnostics: Diagnostics, depth: int = 0) -> Any:
    kind = type(node)
    if kind is _Scalar and node.tag in _VERBATIM_TAGS:
        return node.value  # the common case first: strings need no construction, timestamps stay as written
    if kind is yaml.MappingNode or kind is yaml.SequenceNode:
        if depth >= MAX_DEPTH:  # also what keeps this recursion far from Python's own limit
            raise TooDeep(node.start_mark.line)
        depth += 1
    if kind is yaml.MappingNode:
        mapping = Located(Origin(path, node.start_mark.line + 1 + offset))
        key_lines, written = mapping.key_lines, mapping.written
        merged: list[Located] = []
        for key_node, value_node in node.value:
            if type(key_node) is _Scalar:
                if key_node.tag == _MERGE_TAG:
                    merged += _merged(value_node, Origin(path, key_node.start_mark.line + 1 + offset), offset,
                                      diagnostics, depth)
                    continue
                key = key_node.value  # a field's name as written: "0700:" is not "448"
            else:
                key = str(_to_value(key_node, path, offset, diagnostics, depth))
            line = key_node.start_mark.line + 1 + offset
            if key in mapping:
                diagnostics.error(Origin(path, line), f"duplicate key '{key}'")
            # Most values are strings: taken here, without a call per node.
            if type(value_node) is _Scalar and value_node.tag in _VERBATIM_TAGS:
                mapping[key] = value_node.value
            else:
                mapping[key] = _to_value(value_node, path, offset, diagnostics, depth)
                if value_node.tag in _NUMBER_TAGS and type(value_node) is _Scalar:
                    written[key] = value_node.value
            key_lines[key] = line
        for source in merged:  # the keys written beside '<<' win, then earlier sources over later ones
            for key, value in source.items():
                if key not in mapping:
                    mapping[key] = value
                    key_lines[key] = source.key_lines[key]
                    if key in source.written:
                        written[key] = source.written[key]
        return mapping
    if kind is yaml.SequenceNode:
        items = LocatedList(Origin(path, node.start_mark.line + 1 + offset))
        item_lines = items.item_lines
        for item in node.value:
            if type(item) is _Scalar and item.tag in _VERBATIM_TAGS:
                items.append(item.value)
            else:
                if type(item) is _Scalar and item.tag in _NUMBER_TAGS:
                    items.written[len(items)] = item.value
                items.append(_to_value(item, path, offset, diagnostics, depth))
            item_lines.append(item.start_mark.line + 1 + offset)
        return items
    try:
        return _constructor.construct_object(node, deep=True)
    except (yaml.YAMLError, ValueError, TypeError) as exc:  # a bad tag, or "!!int abc"
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        diagnostics.error(Origin(path, node.start_mark.line + 1 + offset), f"YAML error: {problem}")
        return None


def _merged(node: yaml.Node, origin: Origin, offset: int, diagnostics: Diagnostics, depth: int) -> list[Located]:
    """The mappings a merge key (written at ``origin``) names, in order of precedence; anything
    else is reported there (an alias's own mark is its anchor's)."""
    sources = node.value if type(node) is yaml.SequenceNode else [node]
    if type(node) is yaml.SequenceNode and depth >= MAX_DEPTH:
        raise TooDeep(node.start_mark.line)
    mappings = []
    for source in sources:
        if type(source) is yaml.MappingNode:
            mappings.append(_to_value(source, origin.path, offset, diagnostics, depth))
        else:
            diagnostics.error(origin, f"YAML error: {MERGE_MESSAGE}")
    return mappings


def parse_yaml(text: str, path: str, line_offset: int, diagnostics: Diagnostics, part: str = "file") -> Any:
    """Parse one YAML document that starts after ``line_offset`` lines of its file (``part`` names
    it in messages); on a syntax error or a limit passed, report it and return None."""
    try:
        if "&" in text and "*" in text:  # no alias without an anchor: most files skip this scan
            aliased = alias_problem(text)
            if aliased:
                diagnostics.error(Origin(path, aliased[0] + 1 + line_offset), f"YAML error: {aliased[1]}")
                return None
        node = yaml.compose(text, Loader=_Loader)
        if node is None:
            return None
        return _to_value(node, path, line_offset, diagnostics)
    except yaml.MarkedYAMLError as exc:
        line, problem = explain(exc, text, line_offset, part)
        diagnostics.error(Origin(path, line), f"YAML syntax error: {problem}")
    except TooDeep as exc:
        diagnostics.error(Origin(path, exc.line + 1 + line_offset), f"YAML error: {DEPTH_MESSAGE}")
    except yaml.reader.ReaderError as exc:
        # libyaml gives a byte offset and a message of two lines; find the character itself instead
        found = _NOT_PRINTABLE.search(text)
        line = text[: found.start()].count("\n") + 1 + line_offset if found else 1 + line_offset
        character = f"U+{ord(found[0]):04X}" if found else str(exc).splitlines()[0]
        diagnostics.error(Origin(path, line), f"YAML error: control character {character} is not allowed; delete it")
    except yaml.YAMLError as exc:
        diagnostics.error(Origin(path, 1 + line_offset), f"YAML error: {exc}")
    return None


def size_setting_problem() -> str | None:
    """Why ``TIMELINE_MAX_FILE_SIZE`` is not used, when it is set to something that is no size."""
    value = os.environ.get(SIZE_VARIABLE)
    if value is None or _SIZE.match(value):
        return None
    return f"{SIZE_VARIABLE}={value!r} is not a size such as 20MB: the limit stays {human_size(MAX_FILE_SIZE)}"


def max_file_size() -> int:
    """``MAX_FILE_SIZE``, or the size ``TIMELINE_MAX_FILE_SIZE`` gives (bytes, or with K, M or G)."""
    match = _SIZE.match(os.environ.get(SIZE_VARIABLE, ""))
    if not match:
        return MAX_FILE_SIZE
    return int(float(match[1]) * 1000 ** " kmg".index((match[2] or " ").lower()))


def human_size(size: int) -> str:
    """Bytes as a person reads them: "512 bytes", "2.5 KB", "1 MB" (one decimal, where it is not 0)."""
    if size < 1000:
        return f"{size} byte{'s' * (size != 1)}"
    for unit, scale in (("KB", 1000), ("MB", 1_000_000), ("GB", 1_000_000_000)):
        if size < scale * 1000 or unit == "GB":
            return f"{size / scale:.1f} {unit}".replace(".0 ", " ")
    raise AssertionError("unreachable")


def _raised_limit(limit: int, size: int) -> str:
    """A limit to suggest: above the file and twice the limit at least, in whole KB or MB."""
    wanted = max(2 * limit, size)
    return f"{wanted // 1000 + 1}KB" if wanted < 1_000_000 else f"{wanted // 1_000_000 + 1}MB"


def read_text(file: Path, path: str, diagnostics: Diagnostics) -> str | None:
    """The file's text; None when it cannot be read, is over the size limit or is not UTF-8 (each
    reported). Opened only once its size is known to be within the limit."""
    limit = max_file_size()
    try:
        # Non-blocking, so that opening a FIFO (given on the command line, or swapped in after the
        # folder was listed) does not wait for a writer; it is then refused, unread.
        descriptor = os.open(file, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        try:
            status = os.fstat(descriptor)
            if not stat.S_ISREG(status.st_mode):
                diagnostics.error(Origin(path, 1), "not read: not a regular file")
                return None
            if status.st_size > limit:
                size, most = human_size(status.st_size), human_size(limit)
                if size == most:  # 1,234 and 1,240 bytes are both "1.2 KB"
                    size, most = f"{status.st_size:,} bytes", f"{limit:,} bytes"
                diagnostics.error(Origin(path, 1), (
                    f"file is {size}, over the {most} limit for one content file: split it (list files may be "
                    f"split into several), or raise the limit with the environment variable {SIZE_VARIABLE} "
                    f"(e.g. {SIZE_VARIABLE}={_raised_limit(limit, status.st_size)})"))
                return None
            with open(descriptor, "rb", closefd=False) as stream:
                raw = stream.read()
        finally:
            os.close(descriptor)
    except OSError as exc:
        diagnostics.error(Origin(path, 1), f"cannot read this file: {exc.strerror or exc}")
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        diagnostics.error(
            Origin(path, line),
            f"file is not UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start}); save it as UTF-8",
        )
        return None
    return text.removeprefix("\ufeff")


def _front_matter_problem(text: str) -> tuple[int, str]:
    """Why a file has no front matter this loader can read: (line, message)."""
    if not _OPENING.match(text):
        return 1, "missing front matter: the file must start with a '---' line"
    ended = _DOCUMENT_END.search(text)
    if ended:
        return (text.count("\n", 0, ended.start()) + 1,
                "front matter is closed with '...': close it with a '---' line ('...' ends a YAML document)")
    return 1, "front matter opened on this line is never closed: add a '---' line after its fields"


def load_markdown(file: Path, path: str, diagnostics: Diagnostics) -> SourceFile | None:
    """A ``.md`` file: front matter between ``---`` lines, then the body."""
    text = read_text(file, path, diagnostics)
    if text is None:
        return None
    match = _FRONT_MATTER.match(text)
    if not match:
        line, message = _front_matter_problem(text)
        diagnostics.error(Origin(path, line), message)
        return None
    reported = len(diagnostics.items)
    data = parse_yaml(match.group(1), path, 1, diagnostics, "front matter")
    if data is None and len(diagnostics.items) > reported:
        return None
    body_line = text[: match.end()].count("\n") + 1
    return SourceFile(path, data if data is not None else Located(Origin(path, 1)), text[match.end() :], body_line)


def load_yaml_file(file: Path, path: str, diagnostics: Diagnostics) -> SourceFile | None:
    text = read_text(file, path, diagnostics)
    if text is None:
        return None
    reported = len(diagnostics.items)
    data = parse_yaml(text, path, 0, diagnostics)
    if data is None and len(diagnostics.items) > reported:
        return None
    return SourceFile(path, data, "", 0)
