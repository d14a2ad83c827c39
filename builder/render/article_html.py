"""One article paragraph as HTML: its text escaped, with mentions, quotes and corrections marked.

Spans may overlap (a name inside a quote, two events quoting overlapping passages), so the text is
cut at every span boundary and each piece is wrapped in the spans that cover it; a quote split into
pieces keeps its anchor on the first piece.
"""

from __future__ import annotations

import itertools
from collections import defaultdict

from markupsafe import Markup, escape

from builder.model.site import Span
from builder.render.i18n import tr
from builder.render.urls import Links

_LINK_LABELS = {"quote": "Quoted in the event", "citation": "Cited for the relation"}


def paragraph_html(text: str, spans: list[Span], url: Links, *, line_breaks: bool, isolate: bool = False) -> Markup:
    """``isolate``: in right-to-left text, each linked name is a bidi isolate (``dir="auto"``), so a
    Latin name keeps its own order and does not pull the punctuation beside it into it."""
    isolated = ' dir="auto"' if isolate else ""
    cuts = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    out: list[str] = []
    opened: set[str] = set()

    def anchor(span: Span) -> str:
        if span.anchor in opened:
            return ""
        opened.add(span.anchor)
        return f' id="{span.anchor}"'

    # One sweep over the cuts, not every span per cut: an article may name someone thousands of times.
    starting: dict[int, list[int]] = defaultdict(list)
    ending: dict[int, list[int]] = defaultdict(list)
    for number, span in enumerate(spans):
        starting[span.start].append(number)
        ending[span.end].append(number)
    active: set[int] = set()
    for start, end in itertools.pairwise(cuts):
        active.update(starting.get(start, ()))
        active.difference_update(ending.get(start, ()))
        covering = [spans[number] for number in sorted(active)]
        piece = str(escape(text[start:end]))
        for span in covering:
            if span.kind == "mention":
                href = url(span.target_kind, span.target_id)
                piece = f'<a class="tl-mention"{anchor(span)} href="{href}"{isolated}>{piece}</a>'
        for span in covering:
            if span.kind in _LINK_LABELS:
                piece = f'<mark class="tl-quote"{anchor(span)}>{piece}</mark>'
        out.append(piece)
        for span in (spans[number] for number in ending.get(end, ())):
            if span.kind == "sic":
                out.append(f' <em class="tl-sic">{escape(tr("[sic: {correction}]", correction=span.label))}</em>')
            elif span.kind in _LINK_LABELS:
                href = url(span.target_kind, span.target_id, span.fragment)
                title = escape(tr(_LINK_LABELS[span.kind] + ": {title}", title=span.label))
                out.append(f'<a class="tl-quote-link" href="{href}" title="{title}" aria-label="{title}">'
                           f"<sup>↗</sup></a>")
    html = "".join(out)
    return Markup(html.replace("\n", "<br>\n") if line_breaks else html.replace("\n", " "))
