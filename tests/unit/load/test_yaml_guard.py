"""YAML errors worded at the line to look at, and the alias and depth limits, as a table.

The line is the file's: ``offset`` lines come before the YAML (1 for front matter, after its ``---``).
"""

from __future__ import annotations

import time

import pytest

from builder.diagnostics import Diagnostics
from builder.load.yaml_guard import MAX_ALIAS_EXPANSION, MAX_ALIASES, alias_problem
from builder.load.yaml_nodes import parse_yaml

CASES = [
    ("a: 1\nb: [x,\n  c\n", 0, "f:2: YAML syntax error: this '[' is never closed (found at the end of the file: "
                               "did not find expected ',' or ']')"),
    ("a: 1\nb: [x,\n  c\nd: 2\n", 0, "f:2: YAML syntax error: this '[' is never closed (found at line 4: did not "
                                     "find expected ',' or ']')"),
    ("a: {b: 1\n", 1, "f:2: YAML syntax error: this '{' is never closed (found at the end of the front matter: did "
                      "not find expected ',' or '}')"),
    ("a: 'x\n\nb: 2\n", 0, "f:1: YAML syntax error: this \"'\" is never closed (found at the end of the file: found "
                           "unexpected end of stream)"),
    ('a: "x', 0, "f:1: YAML syntax error: this '\"' is never closed (found at the end of the file: found unexpected "
                 "end of stream)"),
    ("name: foo\nbar\nkind: x\n", 0, "f:2: YAML syntax error: this line is no 'key: value' pair: could not find "
                                     "expected ':' (found at line 3)"),
    ("a: &x 1\nb: &x 2\n", 0, "f:2: YAML syntax error: duplicate anchor (the first is at line 1)"),
    ("a: *x\n", 0, "f:1: YAML syntax error: alias '*x' names no anchor ('&x') written before it"),
    ("x: 1\n---\ny: 2\n", 0, "f:2: YAML syntax error: a second YAML document starts here: a file holds one document"),
    ("a: 1\n...\nb: 2\n", 1, "f:3: YAML syntax error: '...' ends the YAML document in the middle of the front "
                             "matter, so what follows is not read: remove this line"),
    ("title: [\n", 1, "f:2: YAML syntax error: a value is missing after this '[' (found at the end of the front "
                      "matter: did not find expected node content)"),
    ("a: b\n  c: d", 0, "f:2: YAML syntax error: mapping values are not allowed in this context"),
    ("k: [a, [b\n", 0, "f:1: YAML syntax error: this '[' is never closed (found at the end of the file: did not "
                           "find expected ',' or ']')"),
    ("- " * 101 + "x\n", 0, "f:1: YAML error: lists and mappings are nested more than 100 levels deep"),
    ("a: &r {b: *r}\n", 0, "f:1: YAML error: alias '*r' is used inside the value it names, which would contain "
                           "itself"),
]


@pytest.mark.parametrize(("text", "offset", "expected"), CASES)
def test_reported_at_the_line_to_look_at(text: str, offset: int, expected: str) -> None:
    diagnostics = Diagnostics()
    assert parse_yaml(text, "f", offset, diagnostics, "front matter" if offset else "file") is None
    assert [d.format() for d in diagnostics] == [expected]
    last = text.count("\n") + (0 if text.endswith("\n") else 1) + offset
    assert all(1 <= d.line <= last for d in diagnostics), "never a line past the end"


def test_aliases_within_the_limits_are_values() -> None:
    text = "base: &b {kind: group, tags: [a, b]}\n" + "".join(f"x{i}: *b\n" for i in range(MAX_ALIASES))
    diagnostics = Diagnostics()
    value = parse_yaml(text, "f", 0, diagnostics)
    assert not diagnostics.items
    assert value["x999"] == {"kind": "group", "tags": ["a", "b"]}
    assert value["x999"].key_lines == {"kind": 1, "tags": 1}


def test_expansion_is_counted_before_anything_is_expanded() -> None:
    levels = ["a0: &a0 [lol]"] + [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 30)]
    started = time.monotonic()
    problem = alias_problem("\n".join(levels))
    assert time.monotonic() - started < 1
    assert problem is not None
    line, message = problem
    assert f"more than {MAX_ALIAS_EXPANSION:,} values" in message
    assert line == 5  # 0-based: a5, whose aliases add 21,111 values each, is the first level over the limit
