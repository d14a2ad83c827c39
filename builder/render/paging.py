"""Which timeline page holds which event, so no page grows past ``PAGE_LIMIT`` events.

Small sites keep one timeline page. Larger ones get a page per year, and a year that is itself too
dense gets a page per month (its events dated only to the year, or coarser, stay on the year page).
Every event knows its page, so links "to this event in the timeline" land on the right one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from builder.model.event import Event
from builder.render import urls

PAGE_LIMIT = 500
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


@dataclass
class TimelinePage:
    src_uri: str
    title: str
    events: list[Event] = field(default_factory=list)
    children: list[TimelinePage] = field(default_factory=list)  # the year's month pages


@dataclass
class TimelinePlan:
    index: TimelinePage
    pages: list[TimelinePage]  # every page but the index, in order
    page_of: dict[str, str]  # event id → src_uri of the page listing it

    @property
    def all_pages(self) -> list[TimelinePage]:
        return [self.index, *self.pages]


def plan_timeline(timeline: list[Event], limit: int = PAGE_LIMIT) -> TimelinePlan:
    index = TimelinePage(urls.TIMELINE, "Timeline")
    if len(timeline) <= limit:
        index.events = list(timeline)
        return TimelinePlan(index, [], {event.id: urls.TIMELINE for event in timeline})
    by_year: dict[int | str, list[Event]] = defaultdict(list)
    for event in timeline:
        by_year[event.date.value.group()[0] if event.date.value else "undated"].append(event)
    pages: list[TimelinePage] = []
    page_of: dict[str, str] = {}
    for year, events in by_year.items():  # timeline order, so years ascend
        year_page = TimelinePage(urls.timeline_period(str(year)), str(year).capitalize())
        pages.append(year_page)
        index.children.append(year_page)
        if len(events) <= limit or year == "undated":
            year_page.events = events
            continue
        by_month: dict[int, list[Event]] = defaultdict(list)
        for event in events:
            month = event.date.value.group()[1] if event.date.value else None
            if month is None:
                year_page.events.append(event)
            else:
                by_month[month].append(event)
        for month, month_events in sorted(by_month.items()):
            month_page = TimelinePage(urls.timeline_period(f"{year}-{month:02d}"), f"{MONTHS[month - 1]} {year}",
                                      month_events)
            year_page.children.append(month_page)
            pages.append(month_page)
    for page in pages:
        for event in page.events:
            page_of[event.id] = page.src_uri
    return TimelinePlan(index, pages, page_of)


def neighbours(pages: Sequence[object], index: int) -> dict[str, Any]:
    """The pages before and after ``pages[index]`` as a template's ``previous`` and ``next``."""
    return {"previous": pages[index - 1] if index > 0 else None,
            "next": pages[index + 1] if index + 1 < len(pages) else None}
