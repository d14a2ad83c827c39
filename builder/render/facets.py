"""The filter choices of a timeline page: who, what, where, claim status, each with how many events it matches.

The page lists every event without JavaScript; these choices only drive the script that narrows the
list (theme/assets/timeline-filters.js), whose state lives in the URL.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from builder.model.event import CLAIM_STATUSES, Event
from builder.model.site import Site
from builder.render.i18n import tr

MAX_OPTIONS = 60  # per facet; the busiest first, so a page of 500 events keeps a usable form
# What the filter script writes, from the table (the page carries them: see Words.script).
SCRIPT_WORDS = ("{n} event", "{shown} of {n} events shown", ", and the linked event, which the filters leave out",
                "Filter events")


@dataclass(frozen=True)
class Facet:
    name: str  # the URL parameter
    label: str
    options: list[tuple[str, str, int]]  # value, label, count


def _options(counts: Counter[str], label_of: dict[str, str]) -> list[tuple[str, str, int]]:
    ranked = sorted(counts.items(), key=lambda item: (-item[1], label_of.get(item[0], item[0]).casefold()))
    return [(value, label_of.get(value, value), count) for value, count in ranked[:MAX_OPTIONS]]


def facets(site: Site, events: list[Event]) -> list[Facet]:
    actors: Counter[str] = Counter()
    places: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    tags: Counter[str] = Counter()
    statuses: Counter[str] = Counter()
    for event in events:
        actors.update({p.actor.id for p in event.actors if p.actor.id in site.actors})
        places.update({ref.id for ref in event.places if ref.id in site.places})
        if event.type:
            kinds[event.type] += 1
        tags.update(set(event.tags))
        statuses.update({quote.status for quote in event.quotes if quote.status})
    result = [
        Facet("actor", tr("Who"), _options(actors, {i: a.name for i, a in site.actors.items()})),
        Facet("type", tr("Type"), _options(kinds, {k: k.replace("-", " ") for k in kinds})),
        Facet("tag", tr("Tags"), _options(tags, {})),
        Facet("place", tr("Where"), _options(places, {i: p.name for i, p in site.places.items()})),
        # An event matches a status when any of its quotes has it: accounts of one event may disagree.
        Facet("status", tr("Claim status"), _options(statuses, {s: tr(s.capitalize()) for s in CLAIM_STATUSES})),
    ]
    return [facet for facet in result if facet.options]


def named(facets: list[Facet]) -> frozenset[str]:
    """The actors and places whose names the choices show ("kind:id"): unlinked, so noted apart
    (builder/render/incremental.py)."""
    return frozenset(f"{facet.name}:{value}" for facet in facets if facet.name in ("actor", "place")
                     for value, _, _ in facet.options)
