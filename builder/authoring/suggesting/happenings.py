"""One happening, one event: reports of it in several articles are merged, and what the project
already holds is not proposed again.

Two proposals are one happening when they fall on the same day and name the same specific actor
or place: a person, a body, a building. A country or a city is not specific enough: a story's
articles all name them.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from builder.authoring.suggesting.events import EventCandidate
from builder.authoring.suggesting.gazetteer import plain
from builder.authoring.suggesting.names import Candidate
from builder.model.site import Site

TITLE_SIMILARITY = 70  # rapidfuzz token_set_ratio of two titles, 0-100


def _bare(edtf: str) -> str:
    return re.sub(r"[?~%]", "", edtf)


def _specific(candidate: Candidate) -> bool:
    if candidate.kind in ("state", "media-outlet") or (candidate.place and candidate.kind != "place"):
        return False
    return candidate.kind != "place" or bool(candidate.place_kind) or candidate.place is None


def _shared(one: EventCandidate, other: EventCandidate) -> bool:
    mine = {id(c) for c in [*one.actors, *one.places] if _specific(c)}
    return any(id(c) in mine for c in [*other.actors, *other.places])


def merge_reports(events: list[EventCandidate]) -> list[EventCandidate]:
    """Events in article order; a later article's report of a happening joins the first one's."""
    kept: list[EventCandidate] = []
    for event in events:
        same = next((k for k in kept if event.article not in k.articles and _bare(k.date) == _bare(event.date)
                     and _shared(k, event)), None)
        if same is None:
            kept.append(event)
            continue
        same.reports.append(event)
        same.actors += [c for c in event.actors if all(c is not a for a in same.actors)]
        same.places += [c for c in event.places if all(c is not p for p in same.places)]
        same.quotes += event.quotes
    return kept


def already_known(event: EventCandidate, site: Site | None) -> str:
    """The id of a project event on the same day with an actor in common (a person, a body), or a place
    and, if any, a state; or ""."""
    if site is None:
        return ""
    actors = {c.known_id for c in event.actors if c.known_id and c.kind != "state"}
    states = {c.known_id for c in event.actors if c.known_id and c.kind == "state"}
    places = {c.known_id for c in event.places if c.known_id}
    for known in site.events.values():
        value = known.date.value
        if value is None or _bare(value.edtf) != _bare(event.date):
            continue
        their_actors = {p.actor.id for p in known.actors}
        same_place = bool(places & {ref.id for ref in known.places})
        # A state, a city take part in much on one day: with only them in common, the titles must agree too
        similar = fuzz.token_set_ratio(plain(event.title), plain(known.title)) >= TITLE_SIMILARITY
        if actors & their_actors or (same_place and similar and (states & their_actors or not (actors | states))):
            return known.id
    return ""
