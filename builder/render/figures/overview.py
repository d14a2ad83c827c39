"""The overview picture: events per month across a span, drawn at build time as inline SVG.

No JavaScript and no network: each bar is a link to that month in the timeline, and a sentence
says in words what the picture shows (the busiest month, the span, how many events).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from builder.model.event import Event
from builder.render.paging import MONTHS

WIDTH, HEIGHT = 720, 90


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
class Overview:
    bars: list[Bar]
    width: int
    height: int
    summary: str
    first_year: int
    last_year: int


def _month_index(year: int, month: int) -> int:
    return year * 12 + month - 1


def overview(events: list[Event]) -> Overview | None:
    """None when fewer than two events are dated to a month: nothing worth drawing."""
    counts: Counter[int] = Counter()
    example: dict[int, str] = {}
    for event in events:
        if event.date.value is None:
            continue
        year, month = event.date.value.group()
        if month is None:
            continue
        index = _month_index(year, month)
        counts[index] += 1
        example.setdefault(index, event.id)
    if sum(counts.values()) < 2:
        return None
    first, last = min(counts), max(counts)
    span = last - first + 1
    slot = WIDTH / span
    tallest = max(counts.values())
    bars = []
    for index in sorted(counts):
        year, month = divmod(index, 12)
        height = max(2.0, (HEIGHT - 4) * counts[index] / tallest)
        bars.append(Bar(round((index - first) * slot, 2), round(max(slot * 0.8, 1.0), 2), round(height, 2),
                        counts[index], f"{MONTHS[month]} {year}", f"{year}-{month + 1:02d}", example[index]))
    busiest = max(bars, key=lambda bar: (bar.count, -bar.x))
    total = sum(counts.values())
    first_label, last_label = bars[0].label, bars[-1].label
    summary = (f"{total} events dated to a month, from {first_label} to {last_label}; "
               f"the busiest month is {busiest.label} with {busiest.count}.")
    return Overview(bars, WIDTH, HEIGHT, summary, first // 12, last // 12)
