"""A page given to ``import`` is untrusted: everything taken from it stays plain text.

Three ways its text could be read as more than text are closed here, before anything is written:

- **Control characters** (terminal escape sequences among them) are removed from every string
  (they have no place in news text, YAML refuses most of them, and the report prints these
  strings), and the Unicode line separators, which the article reader splits lines at, become
  line breaks. Metadata (title, names, dates …) becomes one line with single spaces.
- **This tool's article markup.** The body's only markup is a ``:::`` fence at the start of a line
  and the mention links ``[text](actor:id)``, ``[text](place:id)`` and ``[text](-)`` (see
  ``builder/model/article.py``). Both are rewritten with the "do not link" mention, so the
  article reads back as exactly the page's text: a line ``::: embed by=x`` becomes
  ``[:::](-) embed by=x``, and ``[Name](actor:x)`` becomes ``[[Name](-)](actor:x)``. The only
  trace is that those few words are not linked automatically.
- Quoting in the front matter is the writer's (JSON strings, which YAML reads as plain strings).
"""

from __future__ import annotations

import re

from builder.authoring.importing.draft import Draft, Metadata, Part
from builder.load.readers.article_body import (
    EXPLICIT_MENTION as MENTION,  # the reader's own pattern: escape exactly what it reads
)
from builder.runtime.terminal import printable

_LINE_SEPARATORS = re.compile("[\u2028\u2029]")
_FENCE_LINE = re.compile(r"^:::", re.MULTILINE)


def plain(text: str) -> str:
    """``text`` without control characters, its line separators made line breaks."""
    return _LINE_SEPARATORS.sub("\n", printable(text.replace("\r\n", "\n")))


def one_line(text: str) -> str:
    return " ".join(plain(text).split())


def literal(text: str) -> str:
    """Body text that the article reader reads back as exactly ``plain(text)``, with no markup."""
    text = MENTION.sub(lambda match: f"[[{match.group(1)}](-)]{match.group(0)[len(match.group(1)) + 2:]}",
                       plain(text))
    return _FENCE_LINE.sub("[:::](-)", text)


def _metadata(metadata: Metadata) -> None:
    for name in ("title", "publisher", "published", "language", "url"):
        setattr(metadata, name, one_line(getattr(metadata, name)))
    metadata.authors = [one_line(name) for name in metadata.authors]
    metadata.contributors = [(one_line(name), one_line(role)) for name, role in metadata.contributors]


def make_inert(draft: Draft) -> None:
    """Make everything in ``draft`` plain text, in place (see the module's docstring)."""
    _metadata(draft.metadata)
    draft.parts = [Part(part.kind, [literal(paragraph) for paragraph in part.paragraphs],
                        one_line(part.embed_type), one_line(part.by)) for part in draft.parts]
    for unit in draft.dropped:
        unit.lines = [plain(line) for line in unit.lines]
    draft.source = " ".join(plain(draft.source).splitlines())  # it goes into a YAML comment line

