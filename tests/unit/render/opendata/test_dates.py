"""How each format carries our honest dates: TimelineJS parts, Linked Places spans, ACLED codes, calendar days."""

from __future__ import annotations

import datetime

import pytest

from builder.diagnostics import Origin
from builder.model.common import DateInfo
from builder.model.dates import parse_date
from builder.model.event import Event
from builder.render.opendata.acled import time_code
from builder.render.opendata.common import span
from builder.render.opendata.geo import when
from builder.render.opendata.timelinejs import dates

D = datetime.date


def event(edtf: str) -> Event:
    return Event("e", Origin("content/events/e.md", 1), "E", DateInfo(parse_date(edtf)))


@pytest.mark.parametrize(("edtf", "expected"), [
    ("2020-02-12", {"start_date": {"year": 2020, "month": 2, "day": 12}}),
    ("2020-02", {"start_date": {"year": 2020, "month": 2}}),
    ("2011", {"start_date": {"year": 2011}}),
    ("2011~", {"start_date": {"year": 2011}}),
    ("201X", {"start_date": {"year": 2010}, "end_date": {"year": 2019}}),  # a decade: the years it covers
    ("2020-21", {"start_date": {"year": 2020}}),  # spring: its year (display_date says "Spring 2020")
    ("2020-24", {"start_date": {"year": 2020}, "end_date": {"year": 2021}}),  # winter runs into the next year
    ("2020-02-10/2020-02-12", {"start_date": {"year": 2020, "month": 2, "day": 10},
                               "end_date": {"year": 2020, "month": 2, "day": 12}}),
    ("2019/2020-03", {"start_date": {"year": 2019}, "end_date": {"year": 2020, "month": 3}}),
    # an end finer than the start and agreeing with it: the start goes to its first day, or TimelineJS drops the end
    ("2020-02/2020-02-12", {"start_date": {"year": 2020, "month": 2, "day": 1},
                            "end_date": {"year": 2020, "month": 2, "day": 12}}),
    ("2011/..", {"start_date": {"year": 2011}}),
    ("../2020-02-29", {"start_date": {"year": 2020, "month": 2, "day": 29}}),
])
def test_timelinejs_dates_keep_the_precision(edtf: str, expected: dict[str, dict[str, int]]) -> None:
    assert dates(parse_date(edtf)) == expected


def test_linked_places_when_gives_earliest_and_latest() -> None:
    assert when(parse_date("2020-02-12")) == {"timespans": [{"start": {"in": "2020-02-12"}}], "label": "2020-02-12",
                                              "certainty": "certain"}
    month = when(parse_date("2020-02~"))
    assert month["timespans"] == [{"start": {"earliest": "2020-02-01", "latest": "2020-02-29"},
                                   "end": {"earliest": "2020-02-01", "latest": "2020-02-29"}}]
    assert month["certainty"] == "less-certain" and month["label"] == "2020-02~"
    assert when(parse_date("2020?"))["certainty"] == "uncertain"
    assert when(parse_date("2011/.."))["timespans"] == [{"start": {"earliest": "2011-01-01", "latest": "2011-12-31"}}]
    assert when(parse_date("../2020-02-29"))["timespans"] == [{"start": {"latest": "2020-02-29"},
                                                               "end": {"in": "2020-02-29"}}]


@pytest.mark.parametrize(("edtf", "expected"), [
    ("2020-02-12", (D(2020, 2, 12), 1)),
    ("2020-02-12~", (D(2020, 2, 12), 2)),
    ("2020-02-12?", (D(2020, 2, 12), 2)),
    ("2020-02-10/2020-02-16", (D(2020, 2, 13), 2)),  # a week: its middle day
    ("2020-02-10/2020-02-20", (D(2020, 2, 15), 3)),  # within the month
    ("2020-02", (D(2020, 2, 15), 3)),
    ("2020-01-25/2020-02-10", None),  # across months, more than a week
    ("2020", None),
    ("2011/..", None),
    ("../2020-02-29", None),
])
def test_acled_time_precision(edtf: str, expected: tuple[datetime.date, int] | None) -> None:
    assert time_code(event(edtf)) == expected


@pytest.mark.parametrize(("edtf", "expected"), [
    ("2020-02-12", (D(2020, 2, 12), D(2020, 2, 12))),
    ("2020-02", (D(2020, 2, 1), D(2020, 2, 29))),
    ("2011/..", (D(2011, 1, 1), D(2011, 12, 31))),  # an open end: shown at its known end
    ("../2020-02", (D(2020, 2, 1), D(2020, 2, 29))),
    ("2020-21", (D(2020, 3, 1), D(2020, 5, 31))),
])
def test_calendar_span(edtf: str, expected: tuple[datetime.date, datetime.date]) -> None:
    assert span(parse_date(edtf)) == expected
