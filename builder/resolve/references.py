"""Records → Site: check every reference, reject cycles, compute every backlink.

Each list is sorted by an explicit key so that output is deterministic.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

from builder.diagnostics import Diagnostics, did_you_mean
from builder.load.records import Records
from builder.model.common import Ref, date_order
from builder.model.event import Event, Quote
from builder.model.site import Member, Role, Site
from builder.model.story import Step
from builder.resolve.anchoring import annotate_articles, start_locating


def event_order(event: Event) -> tuple[object, ...]:
    return (date_order(event.date.value), event.title.casefold(), event.id)


class _Resolver:
    def __init__(self, records: Records, diagnostics: Diagnostics) -> None:
        self.records = records
        self.diagnostics = diagnostics
        self.ids: dict[str, Mapping[str, object]] = {
            "actor": records.actors,
            "place": records.places,
            "event": records.events,
            "article": records.articles,
        }

    def ok(self, ref: Ref | None) -> bool:
        """True when the reference names an existing entity; reports it otherwise."""
        if ref is None:
            return False
        known = self.ids[ref.kind]
        if ref.id in known:
            return True
        if ref.id in self.records.broken.get(ref.kind, ()):
            return False  # its file has an error of its own, reported there
        hint = did_you_mean(ref.id, known)
        self.diagnostics.error(ref.origin, f"unknown {ref.kind} '{ref.id}'{hint}")
        return False

    def all_ok(self, refs: Iterable[Ref | None]) -> None:
        for ref in refs:
            self.ok(ref)


def _check_references(r: _Resolver, records: Records) -> None:
    for article in records.articles.values():
        r.all_ok([article.publisher, *article.authors, *(c.actor for c in article.contributors)])
        r.all_ok(block.by for block in article.blocks if block.by)
        r.all_ok(m.ref for p in article.paragraphs for m in p.explicit if m.ref)
    for actor in records.actors.values():
        r.all_ok(a.actor for a in actor.affiliations)
    for place in records.places.values():
        r.all_ok([place.within] if place.within else [])
    for event in records.events.values():
        r.all_ok([*event.places, *(p.actor for p in event.actors), *event.related, *event.sources])
        r.all_ok([event.part_of] if event.part_of else [])
        r.all_ok(ref for q in event.quotes for ref in (q.by, q.article))
        r.all_ok(q.status_source for q in event.quotes if q.status_source)
    for relation in records.relations.values():
        r.all_ok([relation.subject, relation.object, *relation.places, *(c.article for c in relation.sources)])
    for story in records.stories.values():
        for step in story.steps:
            if r.ok(step.event) and step.quote_written:
                step.quote = _step_quote(records.events[step.event.id], step, diagnostics=r.diagnostics)


def _step_quote(event: Event, step: Step, diagnostics: Diagnostics) -> Quote | None:
    """The quote a step names: its number among the event's quotes, or words of exactly one of them."""
    written, origin = step.quote_written, step.quote_origin or step.origin
    if written.isdecimal():
        if 1 <= int(written) <= len(event.quotes):
            return event.quotes[int(written) - 1]
        count = len(event.quotes)
        has = f"has {count} quote{'s' if count != 1 else ''}" if count else "has no quotes"
        diagnostics.error(origin, f"quote: event '{event.id}' {has}, so there is no quote {written}")
        return None
    matches = [q for q in event.quotes if written.casefold() in q.text.casefold()]
    if len(matches) == 1:
        return matches[0]
    if matches:
        diagnostics.error(origin, f"quote: '{written}' occurs in {len(matches)} quotes of event '{event.id}': "
                                  f"give more of its words, or its number")
        return None
    hint = did_you_mean(written, [q.text for q in event.quotes])
    diagnostics.error(origin, f"quote: '{written}' is not in any quote of event '{event.id}'{hint}")
    return None


def _check_cycles(records: Records, diagnostics: Diagnostics) -> None:
    """``part_of`` between events and ``within`` between places must form trees.

    Each id has at most one parent, so one walk up from every id not yet seen finds every cycle,
    and each id is stepped on once: linear however deep the chains are. A cycle is reported once,
    at its first id in sorted order."""
    parents = {
        "part_of": {e.id: e.part_of for e in records.events.values() if e.part_of},
        "within": {p.id: p.within for p in records.places.values() if p.within},
    }
    for field, links in parents.items():
        walk_of: dict[str, int] = {}  # id → the walk that reached it first
        for number, start in enumerate(sorted(links)):
            walk, current = [], start
            while current in links and current not in walk_of:
                walk_of[current] = number
                walk.append(current)
                current = links[current].id
            if walk_of.get(current) == number:  # this walk came back on itself
                cycle = walk[walk.index(current):]
                first = cycle.index(min(cycle))
                cycle = cycle[first:] + cycle[:first]
                shown = [*cycle, cycle[0]]
                if len(shown) > 12:  # a cycle thousands long is still one line
                    shown = [*shown[:6], f"… {len(shown) - 9} more …", *shown[-3:]]
                chain = " → ".join(shown)
                diagnostics.error(links[cycle[0]].origin, f"'{field}' forms a cycle: {chain}")


def _link_events(site: Site) -> None:
    site.timeline = sorted(site.events.values(), key=event_order)
    site.position = {event.id: index for index, event in enumerate(site.timeline)}
    pairs: Counter[tuple[str, str]] = Counter()
    for event in site.timeline:
        if event.part_of and event.part_of.id in site.events:
            site.children[event.part_of.id].append(event)
        for ref in event.related:
            if ref.id in site.events and ref.id != event.id:
                for a, b in ((event.id, ref.id), (ref.id, event.id)):
                    if site.events[b] not in site.related[a]:
                        site.related[a].append(site.events[b])
        seen: set[str] = set()
        for participation in event.actors:
            if participation.actor.id in site.actors:
                site.actor_roles[participation.actor.id].append(Role(event, participation.role))
                seen.add(participation.actor.id)
        for quote in event.quotes:
            if quote.by.id in site.actors:
                site.actor_quotes[quote.by.id].append(quote)
        for a in seen:
            for b in seen - {a}:
                pairs[(a, b)] += 1
        for ref in event.places:
            if ref.id in site.places:
                site.place_events[ref.id].append(event)
        for article_id in event.source_ids:
            if article_id in site.articles:
                site.article_events[article_id].append(event)
    for related in site.related.values():
        related.sort(key=lambda e: site.position[e.id])
    co: dict[str, list[tuple[str, int]]] = {}
    for (a, b), count in pairs.items():
        co.setdefault(a, []).append((b, count))
    site.co_actors = {
        a: [(site.actors[b], n) for b, n in sorted(items, key=lambda item: (-item[1], site.actors[item[0]].name))]
        for a, items in co.items()
    }


def _link_actors_and_places(site: Site) -> None:
    for actor in sorted(site.actors.values(), key=lambda a: a.name.casefold()):
        for affiliation in actor.affiliations:
            if affiliation.actor.id in site.actors:
                site.members[affiliation.actor.id].append(Member(actor, affiliation))
    for relation in sorted(site.relations.values(), key=lambda r: (date_order(r.date.value), r.id)):
        for ref in {relation.subject.id, relation.object.id}:
            if ref in site.actors:
                site.actor_relations[ref].append(relation)
        for place_ref in relation.places:
            if place_ref.id in site.places:
                site.place_relations[place_ref.id].append(relation)
        for citation in relation.sources:
            if citation.article.id in site.articles:
                site.article_citations[citation.article.id].append((relation, citation))
    for place in sorted(site.places.values(), key=lambda p: p.name.casefold()):
        if place.within and place.within.id in site.places:
            site.place_children[place.within.id].append(place)
    for article in sorted(site.articles.values(), key=lambda a: (a.title.casefold(), a.id)):
        credited: list[tuple[Ref, str]] = [(article.publisher, "publisher")] if article.publisher else []
        credited += [(author, "author") for author in article.authors]
        credited += [(c.actor, c.role) for c in article.contributors]
        credited += [(b.by, f"embedded {b.embed_type or 'post'}") for b in article.blocks if b.by]
        for credit, role in credited:
            if credit.id in site.actors:
                site.actor_articles[credit.id].append((article, role))


def _link_stories(site: Site) -> None:
    for story in sorted(site.stories.values(), key=lambda s: (s.title.casefold(), s.id)):
        for step in story.steps:
            if step.event.id in site.events:
                site.event_stories[step.event.id].append((story, step))


def resolve(records: Records, diagnostics: Diagnostics, *, validate_only: bool = False) -> Site:
    with start_locating(records) as located:  # in another process while references are checked and linked here
        resolver = _Resolver(records, diagnostics)
        _check_references(resolver, records)
        _check_cycles(records, diagnostics)
        site = Site(records.info, records.articles, records.actors, records.places, records.events,
                    records.relations, records.stories)
        _link_events(site)
        _link_actors_and_places(site)
        _link_stories(site)
        annotate_articles(site, diagnostics, located, validate_only=validate_only)
    for quotes in site.article_quotes.values():
        quotes.sort(key=lambda q: (q.anchor, q.id))
    return site
