"""Keeping hub actors' pages small.

Past ``ITEM_LIMIT`` listed items, an actor's page summarises by year and each year gets a page of
its own with that year's roles, quotes, mentions, articles and co-actors; a year that is itself past
the limit gets a page per month too (its items dated only to the year stay on the year page). A hub
appears in thousands of events; one page listing them all would weigh megabytes.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from builder.model.actor import Actor
from builder.model.article import Article
from builder.model.event import Quote
from builder.model.site import Mention, Role, Site
from builder.render import urls
from builder.render.i18n import tr
from builder.render.paging import UNDATED, month_key, month_label, period

ITEM_LIMIT = 300
TOP_CO_ACTORS = 20


@dataclass
class ActorYear:
    """One year, or one month of a dense year, of an actor's items."""

    year: str  # the label: "2011", "March 2011" or "undated"
    src_uri: str
    roles: list[Role] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    articles: list[tuple[Article, str]] = field(default_factory=list)
    co_actors: list[tuple[Actor, int]] = field(default_factory=list)
    months: list[ActorYear] = field(default_factory=list)

    @property
    def label(self) -> str:
        """The period as pages name it (``year`` stays the key: "undated" sorts last)."""
        return tr("undated") if self.year == UNDATED else self.year

    def total(self, kind: str) -> int:
        """How many roles/quotes/mentions/articles, its months included."""
        own: list[object] = getattr(self, kind)
        return len(own) + sum(month.total(kind) for month in self.months)


def split_by_year(site: Site, actor: Actor, limit: int = ITEM_LIMIT) -> list[ActorYear] | None:
    """The actor's years (each with its month pages when dense), or None when all fits on one page."""
    roles = site.actor_roles.get(actor.id, [])
    quotes = site.actor_quotes.get(actor.id, [])
    mentions = site.mentions.get(("actor", actor.id), [])
    articles = site.actor_articles.get(actor.id, [])
    if len(roles) + len(quotes) + len(mentions) + len(articles) <= limit:
        return None
    dated: list[tuple[tuple[str, int | None], str, object]] = []
    dated += [(period(role.event.date.value), "roles", role) for role in roles]
    for quote in quotes:
        event = site.events.get(quote.event_id)
        dated.append((period(event.date.value if event else None), "quotes", quote))
    for mention in mentions:
        article = site.articles.get(mention.article_id)
        dated.append((period(article.published if article else None), "mentions", mention))
    dated += [(period(article.published), "articles", (article, credit)) for article, credit in articles]
    per_year = Counter(year for (year, _), _, _ in dated)
    periods: dict[str, ActorYear] = {}
    years: dict[str, ActorYear] = {}
    for (year, month), kind, item in dated:
        if year not in years:
            years[year] = periods[year] = ActorYear(year, urls.entity_period("actor", actor.id, year))
        key = year
        if month is not None and per_year[year] > limit:
            key = month_key(year, month)
            if key not in periods:
                periods[key] = ActorYear(month_label(year, month), urls.entity_period("actor", actor.id, key))
                years[year].months.append(periods[key])
        getattr(periods[key], kind).append(item)
    for page in periods.values():
        page.co_actors = _co_actors(site, actor, page.roles)
    for page in years.values():
        page.months.sort(key=lambda month: month.src_uri)
    return sorted(years.values(), key=lambda y: (y.year == UNDATED, y.year))


def _co_actors(site: Site, actor: Actor, roles: list[Role]) -> list[tuple[Actor, int]]:
    counts: Counter[str] = Counter()
    for role in roles:
        for other in role.event.actors:
            if other.actor.id != actor.id and other.actor.id in site.actors:
                counts[other.actor.id] += 1
    ranked = sorted(counts.items(), key=lambda item: (-item[1], site.actors[item[0]].name.casefold()))
    return [(site.actors[other], count) for other, count in ranked]


def all_periods(years: list[ActorYear]) -> list[ActorYear]:
    """Every page, year then its months, in reading order."""
    return [page for year in years for page in (year, *year.months)]



