"""Links to the exact passage of an original article: URL text fragments (``#:~:text=``).

Per the Text Fragments spec (https://wicg.github.io/scroll-to-text-fragment/), each term is
percent-encoded and ``-``, ``,`` and ``&`` must be too, since they separate the directive's parts;
``quote`` encodes everything but unreserved characters, and ``-`` is unreserved, so it is done by hand.
A long passage is named by its first and last words (``textStart,textEnd``): the URL stays short and
a small difference in the middle (a line break, a typographic variant) still matches.
"""

from __future__ import annotations

from urllib.parse import quote

WHOLE_WORDS = 10  # a passage of up to this many words is written whole
EDGE_WORDS = 4  # else this many words at each end


def _term(text: str) -> str:
    return quote(text, safe="").replace("-", "%2D")


def text_directive(passage: str) -> str:
    """``text=…`` for ``passage``, or "" for an empty one."""
    words = passage.split()
    if not words:
        return ""
    if len(words) <= WHOLE_WORDS:
        return "text=" + _term(" ".join(words))
    return f"text={_term(' '.join(words[:EDGE_WORDS]))},{_term(' '.join(words[-EDGE_WORDS:]))}"


def passage_url(url: str, passage: str) -> str:
    """``url`` pointing at ``passage``: the directive goes after the fragment, if the URL has one."""
    directive = text_directive(passage)
    if not url or not directive:
        return url
    return f"{url}:~:{directive}" if "#" in url else f"{url}#:~:{directive}"
