"""Which timeline page holds which event, so no page grows past ``PAGE_LIMIT`` events; and every
year and month bucket the pages group things by.

Small sites keep one timeline page. Larger ones get a page per year, and a year that is itself too
dense gets a page per month (its events dated only to the year, or coarser, stay on the year page).
Every event knows its page, so links "to this event in the timeline" land on the right one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from builder.model.dates import HonestDate
from builder.model.event import Event
from builder.render import urls
from builder.render.i18n import tr

PAGE_LIMIT = 500
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")  # keys of the translation table, as are their short forms
SHORT_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May (short)", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
UNDATED = "undated"
T = TypeVar("T")


def period(value: HonestDate | None) -> tuple[str, int | None]:
    """The year ("2011", or UNDATED) and month a date is listed under; no month when the date is
    no finer than a year."""
    if value is None:
        return UNDATED, None
    year, month = value.group()
    return str(year), month


def year_of(value: HonestDate | None) -> str:
    return period(value)[0]


def month_key(year: str, month: int) -> str:
    """The month's name in paths and anchors: "2011-03"."""
    return f"{year}-{month:02d}"


def month_label(year: str, month: int) -> str:
    return tr("{month} {year}", month=tr(MONTHS[month - 1]), year=year)


def year_label(year: str) -> str:
    """A year as headings and titles name it: the undated have a word of their own."""
    return tr("Undated") if year == UNDATED else year


def by_year(items: Iterable[T], date: Callable[[T], HonestDate | None], undated: str = UNDATED) -> dict[str, list[T]]:
    """``items`` per year in the order they come, the undated under the label ``undated``."""
    years: dict[str, list[T]] = defaultdict(list)
    for item in items:
        value = date(item)
        years[year_of(value) if value else undated].append(item)
    return dict(years)


@dataclass
class MonthGroup:
    key: str  # "2011-03", or "" for what is dated to the year or less precisely
    label: str
    events: list[Event]


def year_month_groups(events: list[Event]) -> list[tuple[str, list[MonthGroup]]]:
    """Events by year, then month (those dated to the year or less precisely first), in timeline order."""
    groups = []
    for year, listed in by_year(events, lambda event: event.date.value, tr("Undated")).items():
        months: dict[int, list[Event]] = defaultdict(list)
        for event in listed:
            months[period(event.date.value)[1] or 0].append(event)
        groups.append((year, [MonthGroup(month_key(year, month), month_label(year, month), listed)
                              if month else MonthGroup("", "", listed)
                              for month, listed in sorted(months.items())]))
    return groups


@dataclass
class TimelinePage:
    src_uri: str
    title: str
    events: list[Event] = field(default_factory=list)
    children: list[TimelinePage] = field(default_factory=list)  # the year's month pages
    short: str = ""  # a month page's short name, as the index lists it under its year


@dataclass
class TimelinePlan:
    index: TimelinePage
    pages: list[TimelinePage]  # every page but the index, in order
    page_of: dict[str, str]  # event id → src_uri of the page listing it

    @property
    def all_pages(self) -> list[TimelinePage]:
        return [self.index, *self.pages]


def plan_timeline(timeline: list[Event], limit: int = PAGE_LIMIT) -> TimelinePlan:
    index = TimelinePage(urls.TIMELINE, tr("Timeline"))
    if len(timeline) <= limit:
        index.events = list(timeline)
        return TimelinePlan(index, [], {event.id: urls.TIMELINE for event in timeline})
    pages: list[TimelinePage] = []
    page_of: dict[str, str] = {}
    # timeline order, so years ascend
    for year, events in by_year(timeline, lambda event: event.date.value).items():
        year_page = TimelinePage(urls.timeline_period(year), year_label(year))
        pages.append(year_page)
        index.children.append(year_page)
        if len(events) <= limit or year == UNDATED:
            year_page.events = events
            continue
        by_month: dict[int, list[Event]] = defaultdict(list)
        for event in events:
            month = period(event.date.value)[1]
            if month is None:
                year_page.events.append(event)
            else:
                by_month[month].append(event)
        for month, month_events in sorted(by_month.items()):
            month_page = TimelinePage(urls.timeline_period(month_key(year, month)), month_label(year, month),
                                      month_events, short=tr(SHORT_MONTHS[month - 1]))
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
