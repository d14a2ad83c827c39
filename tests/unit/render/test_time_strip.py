"""The time strip: where each step sits in its story's span, in the picture and in words."""

from __future__ import annotations

from builder.diagnostics import Origin
from builder.model.common import DateInfo
from builder.model.dates import parse_date
from builder.model.prose import Prose
from builder.model.story import Story
from builder.render.figures.time_strip import MARGIN, WIDTH, story_span, time_strips

HERE = Origin("content/stories/s.md", 1)


def story(date: str = "") -> Story:
    return Story("s", HERE, "S", "", DateInfo(parse_date(date) if date else None), Prose("", HERE, "introduction"))


def test_steps_are_placed_along_the_span_of_their_dates() -> None:
    dates = [parse_date("2020-02-12"), parse_date("2020-01"), None, parse_date("2020-02-01")]
    span = story_span(story(), dates)
    assert span is not None and span.words == "Jan 2020 to 12 Feb 2020"
    strips = time_strips(story(), dates)
    first = strips[0]
    assert first is not None
    current = [mark for mark in first.marks if mark.current]
    assert [(m.number, m.x, m.width) for m in current] == [(1, WIDTH - MARGIN, 0.0)]
    month = next(m for m in first.marks if m.number == 2)
    assert month.x == MARGIN and 0 < month.width < WIDTH - 2 * MARGIN  # a month is a bar from the start
    undated = strips[2]
    assert undated is not None and not any(m.current for m in undated.marks)
    assert undated.summary == ("Step 3 of 4, an unknown date (not on the strip), in the story's span: "
                               "Jan 2020 to 12 Feb 2020.")


def test_the_story_s_own_date_sets_the_span_and_nothing_dated_draws_nothing() -> None:
    own = story("2020-02-01/2020-02-29")
    span = story_span(own, [parse_date("2020-02-12")])
    assert span is not None and (span.start, span.end) == ("1 Feb 2020", "29 Feb 2020")
    assert time_strips(story(), [None, None]) == [None, None]
