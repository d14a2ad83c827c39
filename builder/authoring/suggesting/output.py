"""The draft as content files: YAML list files a person edits, each item with a comment saying why."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from builder.authoring.suggesting.draft import Draft
from builder.authoring.suggesting.events import EventCandidate
from builder.authoring.suggesting.names import Candidate
from builder.load.fields import slugify
from builder.runtime.terminal import printable

HEADER = ("# Suggested by 'python -m builder suggest' from {articles}.\n"
          "# A draft to review: keep what the articles support, fix names, kinds and dates, delete the rest.\n")


def _item(fields: dict[str, Any], comment: str) -> str:
    dumped = yaml.safe_dump([fields], sort_keys=False, allow_unicode=True, width=110, default_flow_style=None)
    # Comments quote the article: no control character may reach the file (YAML refuses them) or a terminal
    lines = [f"# {printable(line)}" for line in comment.splitlines() if line.strip()]
    return "\n".join([*lines, dumped.rstrip()]) + "\n"


def _where(draft: Draft, candidate: Candidate) -> str:
    if not candidate.mentions:
        return candidate.evidence
    article, passage, start, end = candidate.mentions[0]
    text = next(t for t in draft.articles if t.article.id == article)
    found = text.passages[passage]
    line = found.line + found.text[:start].count("\n")
    said = candidate.evidence or found.text[start:end]
    return f'"{said}" ({text.path}:{line}; {len(candidate.mentions)} mention{"s" * (len(candidate.mentions) > 1)})'


def _city_of(draft: Draft, candidate: Candidate) -> Candidate | None:
    """The facility's city as the draft has it: the city named in another article's dateline may
    have been merged into this one's."""
    within = candidate.within
    if within is None:
        return None
    return next((c for c in draft.candidates if c is within), None) or next(
        (c for c in draft.candidates if c.kind == "place" and c.key == within.key), None)


def actor_items(draft: Draft) -> list[str]:
    items = []
    for candidate in sorted(draft.new_actors, key=lambda c: (c.kind, c.name.casefold())):
        fields: dict[str, Any] = {"id": draft.id_of(candidate), "name": candidate.name,
                                  "kind": "other" if candidate.kind == "place" else candidate.kind}
        aliases = sorted(form for form in candidate.forms if form != candidate.name)
        if aliases:
            fields["aliases"] = aliases
        if candidate.title:
            fields["title"] = candidate.title
        items.append(_item(fields, _where(draft, candidate)))
    return items


def place_items(draft: Draft) -> list[str]:
    items = []
    for candidate in sorted(draft.new_places, key=lambda c: c.name.casefold()):
        fields: dict[str, Any] = {"id": draft.id_of(candidate), "name": candidate.name}
        if candidate.place_kind:
            fields["kind"] = candidate.place_kind
        if (city := _city_of(draft, candidate)) is not None:
            fields["within"] = draft.id_of(city)
        comment = _where(draft, candidate)
        if candidate.place and candidate.place.lat is not None and candidate.place.lon is not None:
            place = candidate.place
            fields["coordinates"] = {"lat": place.lat, "lon": place.lon, "precision": place.precision}
            where = f"{place.name}, {place.country}" if place.country else place.name
            comment += f"\ncoordinates from the offline gazetteer (GeoNames / countryinfo): {where}"
        elif candidate.place:
            comment += (f"\nin the offline gazetteer without coordinates: {candidate.place.name}; "
                        "add them if you know them")
        else:
            comment += "\nnot in the offline gazetteer: add coordinates if you know them"
        items.append(_item(fields, comment))
    return items


def event_items(draft: Draft, taken: set[str]) -> list[str]:
    items = []
    for event in draft.events:
        fields: dict[str, Any] = {
            "id": _event_id(event, taken), "title": event.title, "date": event.date,
            "date_text": event.date_text, "date_note": event.date_note,
        }
        if event.type:
            fields["type"] = event.type
        if event.actors:
            fields["actors"] = _ids(draft, event.actors)
        if event.places:
            fields["places"] = _ids(draft, event.places)
        fields["sources"] = event.articles
        if event.quotes:
            fields["quotes"] = [{"by": draft.id_of(q.speaker), "article": _article_of(event, q), "text": q.text}
                                for q in event.quotes if q.speaker]
        comment = "\n".join(_reported(draft, report) for report in [event, *event.reports])
        for quote in event.quotes:
            comment += f"\nspeaker of “{quote.text[:40]}…”: {quote.how}"
        items.append(_item(fields, comment))
    return items


def _reported(draft: Draft, event: EventCandidate) -> str:
    text = next(t for t in draft.articles if t.article.id == event.article)
    return f'{text.path}:{event.line}: "{" ".join(event.sentence.text.split())}"'


def _article_of(event: EventCandidate, quote: Any) -> str:
    return next((e.article for e in [event, *event.reports] if any(q is quote for q in e.quotes)), event.article)


def already_held(draft: Draft) -> str:
    """Events the project has: listed, so a reviewer sees why a second run proposes less."""
    lines = [f"#   {event.date} {event.title!r} ({', '.join(event.articles)}): event '{known}'"
             + (f"; actors {', '.join(_ids(draft, event.actors))}" if event.actors else "")
             for event, known in draft.known_events]
    if not lines:
        return ""
    return printable("# Events the project already has, not proposed again:\n" + "\n".join(lines)) + "\n"


def unattributed(draft: Draft) -> str:
    lines = [f"#   {q.text}" for q in draft.quotes if q.speaker is None]
    return "# Quotes whose speaker could not be told from the text:\n" + "\n".join(lines) + "\n" if lines else ""


def _ids(draft: Draft, candidates: Iterable[Candidate]) -> list[str]:
    return list(dict.fromkeys(draft.id_of(c) for c in candidates))


def _event_id(event: EventCandidate, taken: set[str]) -> str:
    base = slugify(f"{event.date.strip('./?~')[:10]} {event.title}", limit=50) or "event"
    proposal, number = base, 2
    while proposal in taken:
        proposal, number = f"{base}-{number}", number + 1
    taken.add(proposal)
    return proposal


def render_files(draft: Draft, event_ids: set[str], name: str) -> dict[Path, str]:
    """Relative path under the content directory → file text; kinds with nothing to suggest are left out."""
    header = HEADER.format(articles=printable(", ".join(t.path for t in draft.articles)).replace("\n", " "))
    files = {}
    for folder, items, extra in (
        ("actors", actor_items(draft), ""),
        ("places", place_items(draft), ""),
        ("events", event_items(draft, set(event_ids)), already_held(draft) + unattributed(draft)),
    ):
        if items or extra:
            files[Path(folder) / f"{name}.yml"] = header + "\n" + "\n".join(items) + ("\n" + extra if extra else "")
    return files
