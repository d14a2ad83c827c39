"""Keeping hub actors' pages small: past ``ITEM_LIMIT`` listed items, an actor's page summarises by
year and each year gets a page of its own with that year's roles, quotes, mentions and co-actors.

A hub appears in thousands of events; one page listing them all would weigh megabytes.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from builder.structure.actor import Actor
from builder.structure.article import Article
from builder.structure.event import Quote
from builder.structure.site import Mention, Role, Site

ITEM_LIMIT = 300
TOP_CO_ACTORS = 20


@dataclass
class ActorYear:
    year: str
    src_uri: str
    roles: list[Role] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    articles: list[tuple[Article, str]] = field(default_factory=list)
    co_actors: list[tuple[Actor, int]] = field(default_factory=list)


def year_of(value: object) -> str:
    group = getattr(value, "group", None)
    return str(group()[0]) if group else "undated"


def split_by_year(site: Site, actor: Actor, limit: int = ITEM_LIMIT) -> list[ActorYear] | None:
    """The actor's years, or None when everything fits on one page."""
    roles = site.actor_roles.get(actor.id, [])
    quotes = site.actor_quotes.get(actor.id, [])
    mentions = site.mentions.get(("actor", actor.id), [])
    articles = site.actor_articles.get(actor.id, [])
    if len(roles) + len(quotes) + len(mentions) + len(articles) <= limit:
        return None
    years: dict[str, ActorYear] = {}

    def year(key: str) -> ActorYear:
        if key not in years:
            years[key] = ActorYear(key, f"actors/{actor.id}/{key}.md")
        return years[key]

    co_counts: dict[str, Counter[str]] = defaultdict(Counter)
    for role in roles:
        key = year_of(role.event.date.value)
        year(key).roles.append(role)
        for other in role.event.actors:
            if other.actor.id != actor.id and other.actor.id in site.actors:
                co_counts[key][other.actor.id] += 1
    for quote in quotes:
        event = site.events.get(quote.event_id)
        year(year_of(event.date.value if event else None)).quotes.append(quote)
    for mention in mentions:
        article = site.articles.get(mention.article_id)
        year(year_of(article.published if article else None)).mentions.append(mention)
    for article, credit in articles:
        year(year_of(article.published)).articles.append((article, credit))
    for key, counts in co_counts.items():
        ranked = sorted(counts.items(), key=lambda item: (-item[1], site.actors[item[0]].name.casefold()))
        years[key].co_actors = [(site.actors[other], count) for other, count in ranked]
    return sorted(years.values(), key=lambda y: (y.year == "undated", y.year))
