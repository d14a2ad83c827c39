"""The overview picture: every event on one time-scaled axis (bars by month, coarse dates as lines,
periods as a band), labelled every year or month, in words too, bars linking to their month."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from builder.diagnostics import Origin
from builder.load.fields import Ref
from builder.model.common import DateInfo
from builder.model.dates import parse_date
from builder.model.event import Event
from builder.render.figures.overview import MAX_DRAWN, overview
from tests.htmlsite import read_page, resolve


def event(number: int, date: str) -> Event:
    return Event(f"e{number}", Origin("x", 1), f"Event {number}", DateInfo(parse_date(date)))


def test_months_are_counted_in_bars_and_coarse_dates_drawn_as_spans() -> None:
    chart = overview([event(1, "2020-01-05"), event(2, "2020-01"), event(3, "2020-03-02"), event(4, "2019"),
                      event(5, "../2020-03-31"), event(6, "2019-11/2020-02"), Event("u", Origin("x", 1), "U",
                                                                                  DateInfo(None))])
    assert chart is not None
    assert [(bar.month, bar.count) for bar in chart.bars] == [("2020-01", 2), ("2020-03", 2)]
    # Every dated event is drawn: the year and the four-month span as lines over their whole time.
    assert sorted((span.event.id, span.lane) for span in chart.spans) == [("e4", 0), ("e6", 1)]
    year = next(span for span in chart.spans if span.event.id == "e4")
    assert year.x == 0 and year.width == pytest.approx(chart.width * 12 / 15, abs=0.1)  # Jan 2019 – Mar 2020
    assert chart.summary == ("7 events from January 2019 to March 2020: 4 dated to a month or a day, counted "
                             "in monthly bars (the busiest month is January 2020 with 2); 2 dated only to a year "
                             "or a longer span, drawn as lines under the bars; 1 undated, not drawn.")
    # A short span is labelled month by month, with the years in a row of their own.
    assert [t.label for t in chart.ticks if t.row == 0][:3] == ["Jan", "Feb", "Mar"]
    assert [t.label for t in chart.ticks if t.row == 1] == ["2019", "2020"]
    assert overview([event(1, "2020")]) is None
    assert overview([event(1, "2018"), event(2, "2020")]) is not None  # coarse dates alone are worth a picture


def test_a_long_span_is_labelled_every_year_on_whole_years() -> None:
    chart = overview([event(1, "2011-03"), event(2, "2020-02-12")])
    assert chart is not None
    assert [t.label for t in chart.ticks] == [str(year) for year in range(2011, 2021)]
    assert [t.share for t in chart.ticks] == [10.0] * 10
    assert chart.bars[0].x == pytest.approx(chart.width * 2 / 120, abs=0.01)  # March of the first year
    long = overview([event(1, "1949"), event(2, "2020")])
    assert long is not None and len(long.ticks) <= 20 and long.ticks[0].label == "1945"


def test_parents_with_a_span_are_periods_above() -> None:
    war, battle = event(1, "2011/.."), event(2, "2020-02-12")
    battle.part_of = Ref("event", "e1", Origin("x", 1))
    chart = overview([war, battle])
    assert chart is not None and [span.event.id for span in chart.periods] == ["e1"]
    [period] = chart.periods
    assert period.open_end and period.left == 0 and period.share == 100
    assert "1 period with events within" in chart.summary and not chart.spans


def test_overview_bars_link_to_their_month_in_the_timeline(seed_site: Path) -> None:
    page = seed_site / "timeline" / "index.html"
    html = page.read_text(encoding="utf-8")
    svg = re.search(r'<figure class="tl-overview"[^>]*>.*?</figure>', html, re.S)
    assert svg and "the busiest month is February 2020" in svg.group(0)
    hrefs = re.findall(r'<a href="([^"]+)" aria-label="([^"]+)"', svg.group(0))
    assert ("#2020-02", "February 2020: 28 events") in hrefs
    for href, _ in hrefs:
        target = resolve(seed_site, page, href)
        assert target and (not target[1] or target[1] in read_page(target[0]).ids)
    turkey = (seed_site / "actors" / "turkey" / "index.html").read_text()
    assert '<figure class="tl-overview" data-search-exclude' in turkey


def test_lines_are_capped_longest_first_and_the_summary_says_so() -> None:
    years = [event(n, str(1900 + n)) for n in range(60)] + [event(100, "1950/1959"), event(101, "2020-02-12")]
    chart = overview(years)
    assert chart is not None and len(chart.spans) == MAX_DRAWN
    assert "e100" in {span.event.id for span in chart.spans}  # the decade outlasts every single year
    assert f"61 dated only to a year or a longer span, drawn as lines under the bars (the {MAX_DRAWN} longest)" \
        in chart.summary
