"""Timeline paging: no page past the limit, every event on exactly one page, coarse dates kept visible."""

from __future__ import annotations

from builder.diagnostics import Origin
from builder.model.common import DateInfo
from builder.model.dates import parse_date
from builder.model.event import Event
from builder.render.paging import UNDATED, by_year, period, plan_timeline, year_month_groups


def event(number: int, date: str) -> Event:
    return Event(f"e{number}", Origin("x", 1), f"Event {number}", DateInfo(parse_date(date)))


def test_small_timeline_stays_on_one_page() -> None:
    plan = plan_timeline([event(i, "2020-02-12") for i in range(10)], limit=50)
    assert plan.pages == [] and len(plan.index.events) == 10
    assert set(plan.page_of.values()) == {"timeline/index.md"}


def test_dense_years_split_by_month_and_coarse_dates_stay_on_the_year_page() -> None:
    events = [event(i, "2018-05-01") for i in range(30)]
    events += [event(100 + i, f"2019-{1 + i % 12:02d}-{1 + i % 28:02d}") for i in range(120)]
    events += [event(300, "2019"), event(301, "2019~"), event(302, "2019-21")]  # year, approximate, season
    events += [event(400 + i, "2020-01-01") for i in range(5)]
    plan = plan_timeline(events, limit=50)
    uris = [page.src_uri for page in plan.pages]
    assert uris[0] == "timeline/2018.md" and uris[-1] == "timeline/2020.md"
    assert "timeline/2019.md" in uris and "timeline/2019-01.md" in uris and "timeline/2019-12.md" in uris
    assert all(len(page.events) <= 50 for page in plan.all_pages)
    assert sorted(plan.page_of) == sorted(e.id for e in events)
    assert plan.page_of["e300"] == plan.page_of["e301"] == "timeline/2019.md"
    assert plan.page_of["e100"] == "timeline/2019-01.md"
    assert [child.src_uri for child in plan.index.children] == ["timeline/2018.md", "timeline/2019.md",
                                                                 "timeline/2020.md"]


def test_buckets_by_year_and_month_keep_the_order_and_name_the_undated() -> None:
    events = [event(1, "2019-03-02"), event(2, "2019"), Event("u", Origin("x", 1), "Undated", DateInfo(None)),
              event(3, "2019-03-20"), event(4, "2021-11"), event(5, "2019-01-05")]
    assert period(None) == (UNDATED, None)
    assert [period(e.date.value) for e in events[:2]] == [("2019", 3), ("2019", None)]
    assert {year: [e.id for e in listed] for year, listed in by_year(events, lambda e: e.date.value).items()} \
        == {"2019": ["e1", "e2", "e3", "e5"], "undated": ["u"], "2021": ["e4"]}
    groups = year_month_groups(events)
    assert [(year, [(m.key, m.label, [e.id for e in m.events]) for m in months]) for year, months in groups] == [
        ("2019", [("", "", ["e2"]), ("2019-01", "January 2019", ["e5"]), ("2019-03", "March 2019", ["e1", "e3"])]),
        ("Undated", [("", "", ["u"])]),
        ("2021", [("2021-11", "November 2021", ["e4"])]),
    ]
