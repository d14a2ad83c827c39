"""The overview picture: counts per month, a summary in words, bars linking to their month."""

from __future__ import annotations

import re
from pathlib import Path

from builder.diagnostics import Origin
from builder.model.common import DateInfo
from builder.model.dates import parse_date
from builder.model.event import Event
from builder.render.figures.overview import overview
from tests.htmlsite import read_page, resolve


def event(number: int, date: str) -> Event:
    return Event(f"e{number}", Origin("x", 1), f"Event {number}", DateInfo(parse_date(date)))


def test_months_are_counted_and_year_only_dates_left_out() -> None:
    chart = overview([event(1, "2020-01-05"), event(2, "2020-01"), event(3, "2020-03-02"), event(4, "2019"),
                      event(5, "../2020-03-31")])
    assert chart is not None
    assert [(bar.month, bar.count) for bar in chart.bars] == [("2020-01", 2), ("2020-03", 2)]
    assert chart.bars[0].x == 0 and chart.bars[-1].x > chart.bars[0].x
    assert chart.summary == ("4 events dated to a month, from January 2020 to March 2020; "
                             "the busiest month is January 2020 with 2.")
    assert overview([event(1, "2020")]) is None


def test_overview_bars_link_to_their_month_in_the_timeline(seed_site: Path) -> None:
    page = seed_site / "timeline" / "index.html"
    html = page.read_text(encoding="utf-8")
    svg = re.search(r'<figure class="tl-overview"[^>]*>.*?</figure>', html, re.S)
    assert svg and "the busiest month is February 2020" in svg.group(0)
    hrefs = re.findall(r'<a href="([^"]+)" aria-label="([^"]+)"', svg.group(0))
    assert ("#2020-02", "February 2020: 30 events") in hrefs
    for href, _ in hrefs:
        target = resolve(seed_site, page, href)
        assert target and target[1] in read_page(target[0]).ids
    turkey = (seed_site / "actors" / "turkey" / "index.html").read_text()
    assert '<figure class="tl-overview" data-search-exclude>' in turkey
