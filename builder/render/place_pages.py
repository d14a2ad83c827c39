"""Keeping busy places' pages small: past ``ITEM_LIMIT`` listed items (events there, events in the
places within it, mentions), the page summarises by year and each year gets a page of its own."""

from __future__ import annotations

from dataclasses import dataclass, field

from builder.model.event import Event
from builder.model.place import Place
from builder.model.site import Mention, Site
from builder.render import urls
from builder.render.actor_pages import ITEM_LIMIT
from builder.render.i18n import tr
from builder.render.paging import UNDATED, year_of


@dataclass
class PlaceYear:
    year: str
    src_uri: str
    events: list[Event] = field(default_factory=list)
    nested_events: list[Event] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)

    @property
    def label(self) -> str:
        """The period as pages name it (``year`` stays the key: "undated" sorts last)."""
        return tr("undated") if self.year == UNDATED else self.year


def split_place_by_year(site: Site, place: Place, own: list[Event], nested: list[Event],
                        limit: int = ITEM_LIMIT) -> list[PlaceYear] | None:
    mentions = site.mentions.get(("place", place.id), [])
    if len(own) + len(nested) + len(mentions) <= limit:
        return None
    years: dict[str, PlaceYear] = {}

    def year(key: str) -> PlaceYear:
        if key not in years:
            years[key] = PlaceYear(key, urls.entity_period("place", place.id, key))
        return years[key]

    for event in own:
        year(year_of(event.date.value)).events.append(event)
    for event in nested:
        year(year_of(event.date.value)).nested_events.append(event)
    for mention in mentions:
        article = site.articles.get(mention.article_id)
        year(year_of(article.published if article else None)).mentions.append(mention)
    return sorted(years.values(), key=lambda y: (y.year == UNDATED, y.year))
