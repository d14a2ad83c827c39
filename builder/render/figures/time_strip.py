"""A story's time strip: where one step sits in the story's span, drawn at build time as inline SVG.

Every step of the story is a tick on one line and the step the strip belongs to is drawn larger; a
sentence says the same in words (which step, its date, the span), so the picture is never the only
way to know it. A step whose event is undated has no tick, and its sentence says so.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from builder.model.dates import HonestDate
from builder.model.story import Story
from builder.render.i18n import tr

WIDTH, HEIGHT = 480, 28
MARGIN = 12  # viewBox units each side, so the end ticks are drawn whole


@dataclass(frozen=True)
class Mark:
    number: int  # the step
    x: float
    width: float  # 0 for a single day; a range or a vague date is drawn as a bar
    current: bool


@dataclass(frozen=True)
class TimeStrip:
    width: int
    height: int
    marks: list[Mark]
    start: str  # the span's ends in words
    end: str
    summary: str


def _bounds(value: HonestDate | None) -> tuple[datetime.date, datetime.date] | None:
    if value is None or (value.lower is None and value.upper is None):
        return None
    lower = value.lower or value.upper
    upper = value.upper or value.lower
    assert lower is not None and upper is not None
    return lower, upper


@dataclass(frozen=True)
class Span:
    first: datetime.date
    last: datetime.date
    start: str  # its ends in words, as precise as the dates they come from ("Oct 2019")
    end: str

    @property
    def words(self) -> str:
        return self.start if self.start == self.end else tr("{first} to {last}", first=self.start, last=self.end)


def story_span(story: Story, dates: list[HonestDate | None]) -> Span | None:
    """The story's own date range when it gives one, else from its earliest step to its latest."""
    own = _bounds(story.date.value)
    if own and story.date.value:
        start, end = story.date.value.ends()
        return Span(*own, start, end or start)
    known = [(bounds, value) for value in dates if value and (bounds := _bounds(value))]
    if not known:
        return None
    (first, _), earliest = min(known, key=lambda item: item[0][0])
    (_, last), latest = max(known, key=lambda item: item[0][1])
    return Span(first, last, earliest.display(), latest.display())


def time_strips(story: Story, dates: list[HonestDate | None]) -> list[TimeStrip | None]:
    """One strip per step (``dates``: each step's event date, in step order); None for every step
    when nothing in the story is dated."""
    span = story_span(story, dates)
    if span is None:
        return [None for _ in dates]
    first, last = span.first, span.last
    days = max((last - first).days, 1)
    inner = WIDTH - 2 * MARGIN

    def x(day: datetime.date) -> float:
        fraction = min(max((day - first).days / days, 0.0), 1.0)
        return round(MARGIN + fraction * inner, 1)

    placed: list[tuple[int, float, float]] = []
    for number, value in enumerate(dates, start=1):
        bounds = _bounds(value)
        if bounds:
            low, high = bounds
            placed.append((number, x(low), round(x(high) - x(low), 1)))
    strips: list[TimeStrip | None] = []
    total = len(dates)
    for number, value in enumerate(dates, start=1):
        # steps at the same spot are one mark; the current step's is drawn last, on top
        marks = {(left, width): Mark(n, left, width, False) for n, left, width in placed if n != number}
        current = [Mark(n, left, width, True) for n, left, width in placed if n == number]
        for mark in current:
            marks.pop((mark.x, mark.width), None)
        when = value.display() if value else tr("an unknown date")
        where = "" if _bounds(value) else tr(" (not on the strip)")
        summary = tr("Step {n} of {total}, {when}, in the story's span: {span}.", n=number, total=total,
                     when=when + where, span=span.words)
        strips.append(TimeStrip(WIDTH, HEIGHT, [*marks.values(), *current], span.start, span.end, summary))
    return strips
