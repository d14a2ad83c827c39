"""The line each item of a JSON document's top-level lists starts on, for ``path:line`` reports.

``json`` keeps no positions, so the top level is walked with ``raw_decode``: each key, then each
item of a list value, decoded in turn from where the one before ended.
"""

from __future__ import annotations

import json

_DECODER = json.JSONDecoder()
_SPACE = " \t\r\n"


def _skip(text: str, position: int, also: str = "") -> int:
    while position < len(text) and text[position] in _SPACE + also:
        position += 1
    return position


def _items(text: str, position: int) -> list[int]:
    """The offsets of the items of the list starting at ``position``."""
    starts: list[int] = []
    position = _skip(text, position + 1)
    while position < len(text) and text[position] != "]":
        starts.append(position)
        _, position = _DECODER.raw_decode(text, position)
        position = _skip(text, position, ",")
    return starts


def item_lines(text: str) -> dict[str, list[int]]:
    """Top-level key → the line of each item of its list value; {} when the text is not such JSON."""
    found: dict[str, list[int]] = {}
    try:
        position = _skip(text, 0)
        if not text.startswith("{", position):
            return {}
        position = _skip(text, position + 1)
        while position < len(text) and text[position] != "}":
            key, position = _DECODER.raw_decode(text, position)
            position = _skip(text, _skip(text, position, ":"))
            if text.startswith("[", position):
                found[str(key)] = [text.count("\n", 0, start) + 1 for start in _items(text, position)]
            _, position = _DECODER.raw_decode(text, position)
            position = _skip(text, position, ",")
    except (json.JSONDecodeError, ValueError):
        return found
    return found
