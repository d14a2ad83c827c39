"""The overview picture: every event on one time-scaled axis, drawn at build time.

Events dated to a month or a day are counted in monthly bars. Events the sources date only to a
year, or to a span longer than a month, are not forced into a month: each is drawn as a line over
the time it may have happened, in rows of its own under the bars. Periods (events with a span that
other events are part of) are a band above. Undated events are counted in words. No JavaScript and
no network: bars link to their month in the timeline, lines and periods to their event, and a
sentence says what the picture shows. The axis is labelled every year, or every month when the
whole span is short, in HTML so the labels stay legible on a phone.
"""

from __future__ import annotations

import calendar
import datetime
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from builder.model.dates import HonestDate
from builder.model.event import Event
from builder.render.i18n import tr
from builder.render.paging import SHORT_MONTHS, month_label

WIDTH, HEIGHT = 720, 70  # viewBox units of the bars; the picture stretches to its column
LANE = 7.0  # viewBox units per row of lines
MAX_LANES = 6  # rows of lines (and of periods); past it, lines share the least crowded row
MONTHLY_UP_TO = 24  # months: a shorter span is labelled month by month
MAX_TICKS = 20
MAX_DRAWN = 40  # lines (and periods) drawn, the longest first: a page must not grow with thousands of them


@dataclass(frozen=True)
class Bar:
    x: float
    width: float
    height: float
    count: int
    label: str  # "February 2020"
    month: str  # "2020-02", the anchor of that month in the timeline
    event_id: str  # an event of that month, to find the timeline page holding it


@dataclass(frozen=True)
class Span:
    """An event dated only coarsely (or a period), over the time it may have happened."""

    x: float  # viewBox units
    width: float
    left: float  # the same in percent of the axis, for markup outside the SVG
    share: float
    lane: int
    event: Event
    open_start: bool
    open_end: bool

    @property
    def when(self) -> str:
        date = self.event.date.value
        return date.display() if date else ""


@dataclass(frozen=True)
class Tick:
    left: float  # percent of the axis where the labelled stretch starts
    share: float  # its width in percent: the label is centred in it
    label: str
    minor: bool  # may be left out on a narrow screen, every other one
    row: int = 0  # a month-by-month axis names the years in a second row


@dataclass(frozen=True)
class Overview:
    bars: list[Bar]
    spans: list[Span]  # coarse dates, under the bars
    periods: list[Span]  # parent events with a span, above the bars
    ticks: list[Tick]
    width: int
    height: int
    lanes: int  # rows of spans
    period_lanes: int
    summary: str
    first_year: int
    last_year: int


def _month_index(day: datetime.date) -> int:
    return day.year * 12 + day.month - 1


def _bar_month(date: HonestDate) -> int | None:
    """The month an event is counted in, when its date lies within one month (an open start or
    end counts at its known end, as the timeline lists it)."""
    year, month = date.group()
    if month is None:
        return None
    if date.lower and date.upper and _month_index(date.lower) != _month_index(date.upper):
        return None
    return year * 12 + month - 1


def _lanes(spans: list[tuple[float, float, Event, bool, bool]], max_lanes: int) -> list[tuple[int, float, float,
                                                                                            Event, bool, bool]]:
    ends: list[float] = []
    placed = []
    for start, end, event, open_start, open_end in sorted(spans, key=lambda s: (s[0], -s[1], s[2].id)):
        lane = next((i for i, last in enumerate(ends) if last < start), None)
        if lane is None and len(ends) < max_lanes:
            lane = len(ends)
            ends.append(end)
        elif lane is None:
            lane = min(range(len(ends)), key=lambda i: (ends[i], i))
        ends[lane] = max(ends[lane], end) if lane < len(ends) else end
        placed.append((lane, start, end, event, open_start, open_end))
    return placed


def _ticks(first: int, last: int) -> list[Tick]:
    """``first`` and ``last`` are month indexes; percent positions over the months between."""
    total = last - first + 1
    ticks = []
    if total <= MONTHLY_UP_TO:
        for index in range(first, last + 1):
            ticks.append(Tick(round(100 * (index - first) / total, 2), round(100 / total, 2),
                              tr(SHORT_MONTHS[index % 12]), (index - first) % 2 == 1))
        for year in range(first // 12, last // 12 + 1):
            start, end = max(year * 12, first), min(year * 12 + 12, last + 1)
            ticks.append(Tick(round(100 * (start - first) / total, 2), round(100 * (end - start) / total, 2),
                              str(year), False, 1))
        return ticks
    first_year, last_year = first // 12, last // 12
    years = last_year - first_year + 1
    step = next(s for s in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 10000) if years / s <= MAX_TICKS)
    for number, year in enumerate(range(first_year - first_year % step, last_year + 1, step)):
        start, end = max(year * 12, first), min((year + step) * 12, last + 1)
        if end <= start:
            continue
        ticks.append(Tick(round(100 * (start - first) / total, 2), round(100 * (end - start) / total, 2),
                          tr("{year}s", year=year) if step == 10 else str(year), number % 2 == 1))
    return ticks




def overview(events: Sequence[Event]) -> Overview | None:
    """None when fewer than two events are dated: nothing worth drawing."""
    dated = [e for e in events if e.date.value is not None]
    if len(dated) < 2:
        return None
    parents = {e.part_of.id for e in events if e.part_of}
    days = [day for date in (e.date.value for e in dated) if date for day in (date.lower, date.upper) if day]
    first, last = _month_index(min(days)), _month_index(max(days))
    if last - first + 1 > MONTHLY_UP_TO:  # labelled by year: whole years, so every label has its room
        first, last = first - first % 12, last - last % 12 + 11
    months = last - first + 1
    slot = WIDTH / months

    def x(day: datetime.date, end: bool) -> float:
        """Where a day starts (or, for an end, finishes) on the axis."""
        length = calendar.monthrange(day.year, day.month)[1]
        return (_month_index(day) - first + (day.day - 1 + int(end)) / length) * slot

    counts: Counter[int] = Counter()
    example: dict[int, str] = {}
    coarse: list[tuple[float, float, Event, bool, bool]] = []
    periods: list[tuple[float, float, Event, bool, bool]] = []
    for event in dated:
        date = event.date.value
        assert date is not None
        period = event.id in parents and date.lower != date.upper  # it lasted: more than one day
        month = _bar_month(date)
        if month is not None and not period:
            counts[month] += 1
            example.setdefault(month, event.id)
            continue
        start = x(date.lower, False) if date.lower else 0.0
        end = x(date.upper, True) if date.upper else float(WIDTH)
        item = (start, max(end, start + 2.0), event, date.lower is None, date.upper is None)
        (periods if period else coarse).append(item)
    bars = []
    tallest = max(counts.values(), default=1)
    for index in sorted(counts):
        year, month = divmod(index, 12)
        height = max(2.0, (HEIGHT - 4) * counts[index] / tallest)
        bars.append(Bar(round((index - first) * slot, 2), round(max(slot * 0.8, 1.0), 2), round(height, 2),
                        counts[index], month_label(str(year), month + 1), f"{year}-{month + 1:02d}", example[index]))

    def spans(items: list[tuple[float, float, Event, bool, bool]]) -> list[Span]:
        return [Span(round(s, 2), round(e - s, 2), round(100 * s / WIDTH, 2), round(100 * (e - s) / WIDTH, 2),
                     lane, event, open_start, open_end)
                for lane, s, e, event, open_start, open_end in _lanes(items, MAX_LANES)]

    def longest(items: list[tuple[float, float, Event, bool, bool]]) -> list[tuple[float, float, Event, bool, bool]]:
        return sorted(items, key=lambda item: (item[0] - item[1], item[2].id))[:MAX_DRAWN]

    lines, bands = spans(longest(coarse)), spans(longest(periods))
    first_label, last_label = month_label(str(first // 12), first % 12 + 1), month_label(str(last // 12), last % 12 + 1)
    parts = [tr("{n} event from {first} to {last}", n=len(events), first=first_label, last=last_label)]
    if bars:
        busiest = max(bars, key=lambda bar: (bar.count, -bar.x))
        parts.append(tr("{n} dated to a month or a day, counted in monthly bars (the busiest month is {month} with "
                        "{count})", n=sum(counts.values()), month=busiest.label, count=busiest.count))
    if lines:
        drawn = "" if len(lines) == len(coarse) else tr(" (the {n} longest)", n=len(lines))
        parts.append(tr("{n} dated only to a year or a longer span, drawn as lines under the bars", n=len(coarse))
                     + drawn)
    if bands:
        drawn = "" if len(bands) == len(periods) else tr(" (the {n} longest)", n=len(bands))
        parts.append(tr("{n} period with events within, drawn as a band above", n=len(periods)) + drawn)
    if len(dated) < len(events):
        parts.append(tr("{n} undated, not drawn", n=len(events) - len(dated)))
    summary = tr("{head}: {details}.", head=parts[0], details=tr("; ").join(parts[1:]))
    return Overview(bars, lines, bands, _ticks(first, last), WIDTH, HEIGHT,
                    max((s.lane + 1 for s in lines), default=0), max((s.lane + 1 for s in bands), default=0),
                    summary, first // 12, last // 12)
