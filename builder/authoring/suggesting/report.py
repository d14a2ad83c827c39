"""``suggest --report``: what the draft holds, counted by kind, and the sentences that gave nothing
(no event, no name): where a reviewer should read the article themselves."""

from __future__ import annotations

from collections import Counter

from builder.authoring.suggesting.draft import Draft
from builder.runtime.terminal import printable


def _counted(counter: Counter[str]) -> str:
    parts = ", ".join(f"{kind} {count}" for kind, count in sorted(counter.items(), key=lambda kc: (-kc[1], kc[0])))
    return f"{sum(counter.values())}" + (f" ({parts})" if parts else "")


def _place_kind(draft: Draft, candidate: object) -> str:
    kind = getattr(candidate, "place_kind", "")
    place = getattr(candidate, "place", None)
    return kind or (place.precision if place is not None else "not in the gazetteer")


def silent_sentences(draft: Draft) -> list[str]:
    """ "path:line: sentence" for each sentence from which neither an event nor a name came."""
    evented = {(e.article, id(s)) for event in draft.events for e in [event, *event.reports] for s in [e.sentence]}
    evented |= {(e.article, id(e.sentence)) for e, _ in draft.known_events}
    lines = []
    for text in draft.articles:
        article = text.article.id
        for sentence in text.sentences:
            named = any(a == article and p == sentence.passage and sentence.start <= s < sentence.end
                        for a, p, s in draft.named)
            if named or (article, id(sentence)) in evented:
                continue
            passage = text.passages[sentence.passage]
            line = passage.line + passage.text[: sentence.start].count("\n")
            lines.append(f"{text.path}:{line}: {' '.join(sentence.text.split())}")
    return lines


def report(draft: Draft) -> str:
    actors = Counter(c.kind for c in draft.new_actors)
    places = Counter(_place_kind(draft, c) for c in draft.new_places)
    events = Counter(e.type or "no type" for e in draft.events)
    attributed = sum(q.speaker is not None for q in draft.quotes)
    lines = [
        "Report (suggest --report):",
        f"  new actors: {_counted(actors)}",
        f"  new places: {_counted(places)}",
        f"  events: {_counted(events)}; reported by several articles: {sum(bool(e.reports) for e in draft.events)}",
        f"  quotes: {attributed} attributed, {len(draft.quotes) - attributed} not",
    ]
    if draft.known_events:
        lines.append(f"  events the project already has, not proposed again: {len(draft.known_events)}")
        lines += [f"    {event.date} '{event.title}': as '{known}'" for event, known in draft.known_events]
    silent = silent_sentences(draft)
    lines.append(f"Sentences that produced nothing: {len(silent)}")
    lines += [f"  {line}" for line in silent]
    return printable("\n".join(lines))
