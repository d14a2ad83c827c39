"""Limits: dates at the calendar's ends, ids at their longest, chains thousands deep.

What ``check`` accepts must build, and what cannot be built must be an error at ``check``: a date
whose end falls after year 9999, digits that only look like ASCII ones, an id too long for a file
name. Chains of ``part_of`` and ``within`` are walked without recursion and cycles are found in
linear time, so depth and size cost seconds, not minutes.
"""

from __future__ import annotations

import datetime
import time
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from builder.diagnostics import Diagnostics, Origin
from builder.load.fields import MAX_ID_LENGTH, slug_problem
from builder.model.common import DateInfo, Ref, date_order
from builder.model.dates import DateError, HonestDate, parse_date
from builder.model.event import Event
from builder.model.relation import Citation, Relation
from builder.pipeline import build_site
from builder.render.figures.overview import overview
from builder.render.figures.relations_chart import relations_chart
from builder.render.jsonld import _iso
from builder.render.pages import plan_site
from builder.resolve.references import _check_cycles
from tests.conftest import mkdocs_build, run_cli

MakeProject = Callable[[dict[str, str | bytes]], Path]
HERE = Origin("x.yml", 1)
LONG_ID = "a" * MAX_ID_LENGTH


@pytest.mark.parametrize(("edtf", "says"), [
    ("\uff12\uff10\uff12\uff10", "only ASCII digits"),  # full-width ２０２０
    ("\u0662\u0660\u0662\u0660", "only ASCII digits"),  # Arabic-Indic ٢٠٢٠
    ("2020-\u0660\u0662", "only ASCII digits"),
    ("\u09e8\u09e6\u09e8\u09e6-02-12", "only ASCII digits"),  # Bengali
    ("9999-24", "winter 9999 ends in February of year 10000"),
    ("9999-24/..", "winter 9999 ends in February of year 10000"),
    ("../9999-24", "winter 9999 ends in February of year 10000"),
    ("2020/9999-24", "winter 9999 ends in February of year 10000"),
    ("Y10000", "from year 1 to 9999"),
    ("0000", "from year 1 to 9999"),
    ("-0001", "from year 1 to 9999"),
    ("2020\n-02", "not a date"),
])
def test_dates_that_cannot_be_drawn_are_errors(edtf: str, says: str) -> None:
    with pytest.raises(DateError, match=says):
        parse_date(edtf)


def _relation(date: HonestDate | None, id_: str = "r") -> Relation:
    return Relation(id_, HERE, Ref("actor", "a", HERE), "backs", Ref("actor", "b", HERE), DateInfo(date),
                    sources=[Citation(Ref("article", "s", HERE), "", HERE)])


def _event(date: HonestDate, id_: str) -> Event:
    return Event(id=id_, origin=HERE, title=id_, date=DateInfo(date))


def _drawn_everywhere(date: HonestDate) -> None:
    """Everything the site does with a date: words, order, HTML and JSON-LD values, charts."""
    assert date.display() and date.ends()
    date_order(date)
    year, month = date.group()
    assert 1 <= year <= 9999 and (month is None or 1 <= month <= 12)
    attr = date.datetime_attr()
    datetime.date.fromisoformat(attr if len(attr) == 10 else attr + ("-01" if len(attr) == 7 else "-01-01"))
    for end in (False, True):
        value = _iso(date, end)
        assert value is None or datetime.date.fromisoformat(value)
    chart = relations_chart([_relation(date), _relation(parse_date("2020"), "s")])
    assert chart is not None and chart.ticks
    for row in (row for group in chart.groups for row in group.rows):
        assert row.bar is not None and 0 <= row.bar.left <= 100 and 0 <= row.bar.left + row.bar.width <= 100.01
    overview([_event(date, "e"), _event(date, "f"), _event(parse_date("0001-01-01"), "g")])


@pytest.mark.parametrize("edtf", [
    "9999", "9999-12-31", "9999-12", "9999-23", "9998-24", "9999/..", "../9999", "9999/", "/9999", "999X", "99XX",
    "0001", "0001-01-01", "0001/..", "../0001-01-01", "/0001", "000X/..", "001X", "01XX", "0001/9999", "9999~",
])
def test_dates_at_the_calendar_ends_are_drawn(edtf: str) -> None:
    try:
        date = parse_date(edtf)
    except DateError:
        return  # refused at check: fine, as long as nothing accepted breaks later
    _drawn_everywhere(date)


@settings(max_examples=400, deadline=None, derandomize=True, database=None)
@given(st.text(alphabet="0123456789X-/.~?%Y[]{},:T ", min_size=1, max_size=16)
       | st.from_regex(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?[~?%]?(/[0-9]{4}(-[0-9]{2})?)?", fullmatch=True))
def test_any_date_check_accepts_can_be_drawn(text: str) -> None:
    try:
        date = parse_date(text)
    except DateError:
        return
    _drawn_everywhere(date)


def test_ids_are_slugs_of_at_most_100_characters() -> None:
    assert slug_problem(LONG_ID) is None
    assert "101 characters long" in (slug_problem(LONG_ID + "a") or "")
    for bad in ("abc\n", "a/b", "..", "a..b", "-a", "a b", "ａｂｃ", "index", ""):
        assert slug_problem(bad), bad


def _events_chain(count: int, cycle: bool = False) -> str:
    items = [f"- id: e{i}\n  title: Event {i}\n  date: 2020-02-12\n  sources: [report]\n"
             + (f"  part_of: e{i - 1}\n" if i else (f"  part_of: e{count - 1}\n" if cycle else ""))
             for i in range(count)]
    return "".join(items)


REPORT = """\
---
title: A report
published: 2020-02-12
---
Something happened.
"""


def test_3000_nested_events_check_in_well_under_two_seconds(make_project: MakeProject) -> None:
    project = make_project({"content/articles/report.md": REPORT, "content/events/chain.yml": _events_chain(3000)})
    started = time.monotonic()
    result = build_site(project / "content", project)
    assert time.monotonic() - started < 2.0
    assert result.diagnostics.errors == []
    assert len(result.site.children["e0"]) == 1


def test_a_3000_long_cycle_is_one_short_error_at_its_first_id(make_project: MakeProject) -> None:
    project = make_project({"content/articles/report.md": REPORT,
                            "content/events/chain.yml": _events_chain(3000, cycle=True)})
    started = time.monotonic()
    errors = build_site(project / "content", project).diagnostics.errors
    assert time.monotonic() - started < 2.0
    assert len(errors) == 1
    assert errors[0].path == "content/events/chain.yml" and errors[0].line == 5  # e0's part_of
    assert errors[0].message == ("'part_of' forms a cycle: e0 → e2999 → e2998 → e2997 → e2996 → e2995 → "
                                 "… 2992 more … → e2 → e1 → e0")


def _places_chain(count: int) -> str:
    return "".join(f"- id: p{i}\n  name: Place {i}\n" + (f"  within: p{i - 1}\n" if i else "") for i in range(count))


def test_a_place_tree_is_drawn_from_balanced_flat_rows(make_project: MakeProject) -> None:
    project = make_project({"content/places/chain.yml": _places_chain(40)
                            + "- {id: q, name: Q, within: p2}\n- {id: r, name: R}\n"})
    site = build_site(project / "content", project).site
    roots = [site.places["p0"], site.places["r"]]
    rows = site.place_tree(roots, max_depth=5)
    assert [(row.place.id, row.depth) for row in rows] == [
        ("p0", 0), ("p1", 1), ("p2", 2), ("p3", 3), ("p4", 4), ("q", 3), ("r", 0)]
    opened = sum(row.opens for row in rows)
    assert opened == sum(row.closes for row in rows) == 4  # every nested list opened is closed
    assert rows[4].hidden == 35 and not rows[4].opens  # p5 … p39 are on p4's page
    trail = site.place_trail(site.places["p39"])
    assert [p.id if p else None for p in trail] == ["p39", "p38", "p37", "p36", "p35", "p34", None, "p1", "p0"]


def test_check_refuses_what_the_build_could_not_draw(make_project: MakeProject) -> None:
    project = make_project({
        "content/articles/report.md": REPORT,
        "content/events/odd.yml": """\
            - id: winter-9999
              title: A winter that ends in year 10000
              date: 9999-24
              sources: [report]
            - id: full-width
              title: Full-width digits
              date: ２０２０-02
              sources: [report]
            - id: %s
              title: An id too long
              date: 2020
              sources: [report]
            """ % (LONG_ID + "b"),
        "content/relations/odd.yml": """\
            - subject: a
              type: ../../escape
              object: b
              sources: [report]
            """,
        "content/actors/a.md": "---\nname: A\nkind: person\n---\n",
        "content/actors/b.md": "---\nname: B\nkind: person\n---\n",
    })
    result = run_cli(project, "check")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    out = result.stdout + result.stderr
    assert "content/events/odd.yml:3: date: unsupported date '9999-24': winter 9999 ends in February" in out
    assert "content/events/odd.yml:7: date: invalid EDTF date '２０２０-02': only ASCII digits" in out
    assert "content/events/odd.yml:9: event id: 'aaaaaaaa" in out and "101 characters long" in out
    assert "content/relations/odd.yml:1: relation id: 'a-../../escape-b' is not a valid id" in out
    assert not (project / "escape-b").exists() and not (project.parent / "escape-b").exists()


def test_what_check_accepts_at_the_limits_builds(make_project: MakeProject, tmp_path: Path) -> None:
    """The issue's three "check passes, then the build crashes" cases in one project: a relation
    dated 9999, ids of 100 characters (one of them a hub with pages of relations), a within chain
    250 places deep. It builds, and every output path component fits a file name."""
    hub = "h" * MAX_ID_LENGTH
    actors = f"- {{id: {hub}, name: Hub, kind: state}}\n- {{id: {LONG_ID}, name: Other, kind: state}}\n"
    relations = f"- {{id: far, subject: {hub}, type: backs, object: {LONG_ID}, date: '9999', sources: [report]}}\n"
    relations += "".join(f"- {{id: r{i}, subject: {hub}, type: opposes, object: {LONG_ID}, date: '{1800 + i}', "
                         "sources: [report]}\n" for i in range(210))
    events = (f"- {{id: {'e' * MAX_ID_LENGTH}, title: Far, date: '9999-12-31', sources: [report], "
              f"places: [p249], actors: [{hub}]}}\n- {{id: first, title: First, date: '0001', sources: [report]}}\n"
              "- {id: open, title: Open, date: '../9999', sources: [report]}\n")
    project = make_project({"content/articles/report.md": REPORT, "content/actors/all.yml": actors,
                            "content/relations/all.yml": relations, "content/events/all.yml": events,
                            "content/places/chain.yml": _places_chain(250)})
    check = run_cli(project, "check")
    assert check.returncode == 0, check.stdout + check.stderr
    site = tmp_path / "site"
    built = mkdocs_build(project, site)
    assert built.returncode == 0, built.stderr[-3000:]
    assert (site / "actors" / hub / "relations-2" / "index.html").is_file()
    assert (site / "places" / "p249" / "index.html").is_file()
    longest = max(len(part.encode()) for path in site.rglob("*") for part in path.relative_to(site).parts)
    assert longest <= 120
    places_index = (site / "places" / "index.html").read_text(encoding="utf-8")
    assert "240 more places within" in places_index
    deepest = (site / "places" / "p249" / "index.html").read_text(encoding="utf-8")
    assert "Place 248" in deepest and "…" in deepest and "Place 0" in deepest and "Place 100" not in deepest
    relations_page = (site / "actors" / hub / "relations-2" / "index.html").read_text(encoding="utf-8")
    assert "9999" in relations_page


def test_timeline_pages_span_the_whole_calendar(make_project: MakeProject) -> None:
    """Past the page limit the timeline is paged by year, and a dense year by month: from year 1
    to 9999, every page renders."""
    dates = ["0001", "0001-01-01", "9999-12-31", "9999-12", "9999-23", "../9999", "9998-24", "099X", "99XX"]
    events = "".join(f"- {{id: e{i}, title: E{i}, date: '{dates[i % len(dates)] if i % 2 else '9999-06-15'}', "
                     "sources: [report]}\n" for i in range(1100))
    project = make_project({"content/articles/report.md": REPORT, "content/events/all.yml": events})
    result = build_site(project / "content", project)
    assert result.diagnostics.errors == []
    pages = {page.src_uri: page for page in plan_site(result.site)}
    assert {"timeline/1.md", "timeline/9999.md", "timeline/9999-06.md", "timeline/9999-12.md"} <= set(pages)
    for page in pages.values():
        page.render()


@settings(max_examples=200, deadline=None, derandomize=True, database=None)
@given(st.lists(st.integers(-1, 11), min_size=1, max_size=11))  # 11: no cycle long enough to be cut
def test_every_cycle_is_reported_once_at_its_first_id(parents: list[int]) -> None:
    """Against a brute-force walk: node i's parent is parents[i] (-1 or past the end: none, or an
    unknown id). Each cycle gives one error, at its smallest id, naming the cycle in order."""
    ids = [f"n{i:02d}" for i in range(len(parents))]
    links = {ids[i]: f"n{p:02d}" for i, p in enumerate(parents) if p >= 0}
    events = {id_: SimpleNamespace(id=id_, part_of=Ref("event", links[id_], Origin("e.yml", i + 1)) if id_ in links
                                   else None) for i, id_ in enumerate(ids)}
    expected = set()
    for start in ids:
        path, current = [start], links.get(start)
        while current is not None and current in links and current not in path:
            path.append(current)
            current = links.get(current)
        if current == start and start == min(path):
            expected.add((events[start].part_of.origin.line, " → ".join([*path, start])))
    diagnostics = Diagnostics()
    _check_cycles(SimpleNamespace(events=events, places={}), diagnostics)  # type: ignore[arg-type]
    found = {(d.line, d.message.removeprefix("'part_of' forms a cycle: ")) for d in diagnostics.items}
    assert len(found) == len(diagnostics.items) and found == expected
