"""JSON written into YAML front matter, as YAML reads it.

JSON escapes a character beyond U+FFFF (an emoji) as a UTF-16 surrogate pair, ``\\ud83d\\ude00``.
YAML has no surrogates: libyaml, which MkDocs reads front matter with, rejects the pair, and MkDocs
then drops the page's whole front matter (its title, description, JSON-LD) without a word.
"""

from __future__ import annotations

import re

from markupsafe import Markup

# A pair not itself escaped: an even run of backslashes (each an escaped backslash) before it.
_SURROGATE_PAIR = re.compile(r"(?<!\\)((?:\\\\)*)\\u(d[89ab][0-9a-f]{2})\\u(d[c-f][0-9a-f]{2})", re.I)


def _astral(match: re.Match[str]) -> str:
    high, low = int(match.group(2), 16), int(match.group(3), 16)
    return f"{match.group(1)}\\U{0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00):08X}"


def yaml_escapes(json_text: str) -> Markup:
    """``tojson`` output with each surrogate pair as YAML's ``\\UXXXXXXXX``; a string without one
    comes back unchanged."""
    return Markup(_SURROGATE_PAIR.sub(_astral, str(json_text)))
