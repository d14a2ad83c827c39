"""The dataset readers' pure parts: dates at their precision, ACLED's codes, actor kinds, JSON lines, row checks."""

from __future__ import annotations

import datetime
import json
import re

import pytest

from builder.authoring.datasets import acled, dates, timelinejs, timelinejs_json, timelinejs_sheet
from builder.authoring.datasets.acled_actors import actors_of, kind_of
from builder.authoring.datasets.check import KINDS, judge
from builder.authoring.datasets.json_lines import item_lines
from builder.authoring.datasets.records import Batch, Row
from builder.diagnostics import Origin
from builder.model.dates import parse_date

TODAY = datetime.date(2026, 12, 7)


@pytest.mark.parametrize(("parts", "expected"), [
    ((2011,), "2011"),
    ((2011, 3), "2011-03"),
    ((2011, 3, 5), "2011-03-05"),
    ((-44, 3, 15), "-0044-03-15"),
    ((-500,), "-0500"),
    ((33,), "0033"),
])
def test_a_date_keeps_its_precision(parts: tuple[int, ...], expected: str) -> None:
    assert dates.edtf(*parts) == expected


@pytest.mark.parametrize(("parts", "message"), [
    ((2011, 13), "month 13 is not 1 to 12"),
    ((2011, 2, 30), "2011-02-30 is not a day of the calendar"),
    ((2011, None, 5), "a day (5) without a month"),
])
def test_impossible_dates_are_refused(parts: tuple[int | None, ...], message: str) -> None:
    with pytest.raises(dates.DateProblem, match=re.escape(message)):
        dates.edtf(*parts)  # type: ignore[arg-type]


@pytest.mark.parametrize(("cell", "expected"), [
    ("2011", "2011"), ("2011-04", "2011-04"), ("2011-04-09", "2011-04-09"), ("3/15/2011", "2011-03-15"),
    (" -44 ", "-0044"),
])
def test_start_date_cells(cell: str, expected: str) -> None:
    assert dates.from_text(cell) == expected


@pytest.mark.parametrize(("start", "end", "display", "expected"), [
    ("2020-02-29", "", "by the end of Feb 2020", "../2020-02-29"),
    ("2011", "", "since 2011", "2011/.."),
    ("2011", "", "since c. 2011 (uncertain)", "2011%/.."),
    ("2011", "", "from 2011 (end unknown)", "2011/"),
    ("2024-03-05", "", "c. 5 March 2024", "2024-03-05~"),
    ("2024-03-05", "", "5 March 2024?", "2024-03-05?"),
    ("2019-12", "2020-02-12", "c. Dec 2019 – 12 Feb 2020", "2019-12~/2020-02-12"),
    ("2019", "2020", "2019 – 2020 (uncertain)", "2019/2020?"),
    ("2024-03-05", "", "on a Tuesday in spring", "2024-03-05"),
    ("2024-03-05", "2024-03-09", "by the weekend", "2024-03-05/2024-03-09"),  # an end: "by" is not an open start
])
def test_display_dates_word_open_ends_and_qualifiers(start: str, end: str, display: str, expected: str) -> None:
    assert dates.from_display(start, end, display) == expected


def test_numbers_from_cells() -> None:
    assert dates.number("2011", "Year") == 2011
    assert dates.number("2011.0", "Year") == 2011
    assert dates.number(" ", "Year") is None
    with pytest.raises(dates.DateProblem, match="'March' is not a number"):
        dates.number("March", "Month")


@pytest.mark.parametrize(("precision", "edtf", "display"), [
    ("1", "2023-02-16", "16 Feb 2023"),
    ("2", "2023-02-13/2023-02-19", "13–19 Feb 2023"),
    ("3", "2023-02", "Feb 2023"),
])
def test_acled_time_precision(precision: str, edtf: str, display: str) -> None:
    date, note, _ = acled._date({"event_date": "2023-02-16", "time_precision": precision})
    assert date == edtf
    assert parse_date(date).display() == display
    assert ("ACLED time precision" in note) == (precision != "1")


def test_acled_dates_as_the_website_writes_them() -> None:
    assert acled._date({"event_date": "16 February 2023", "time_precision": "1"})[0] == "2023-02-16"
    with pytest.raises(ValueError, match="time_precision '4' is not 1, 2 or 3"):
        acled._date({"event_date": "2023-02-16", "time_precision": "4"})
    with pytest.raises(ValueError, match="missing date"):
        acled._date({"event_date": " ", "time_precision": "1"})


@pytest.mark.parametrize(("name", "inter", "kind"), [
    ("Military Forces of Ethiopia (2018-)", "", "armed-force"),
    ("Police Forces of Kenya (2022-)", "State forces", "government-agency"),
    ("Civilians (Ethiopia)", "", "group"),
    ("Protesters (Kenya)", "", "group"),
    ("Rioters (Nigeria)", "", "group"),
    ("Unidentified Armed Group (Sudan)", "", "armed-group"),
    ("OLF: Oromo Liberation Front (Shane)", "Rebel group", "armed-group"),
    ("Government of Kenya (2022-)", "", "government"),
    ("Fano Militia", "", "armed-group"),
    ("Some Committee", "3", "armed-group"),
    ("Some Committee", "", "other"),
])
def test_actor_kinds_from_acled_names(name: str, inter: str, kind: str) -> None:
    assert kind_of(name, inter) == kind


def test_actors_with_roles_each_once() -> None:
    actors, roles = actors_of({"actor1": "Military Forces of X", "assoc_actor_1": "Police Forces of X; Militia A",
                               "inter1": "State forces", "actor2": "Civilians (X)", "assoc_actor_2": "Militia A"})
    assert [a["id"] for a in actors] == ["military-forces-of-x", "police-forces-of-x", "militia-a", "civilians-x"]
    assert roles == [{"actor": "military-forces-of-x", "role": "initiator"},
                     {"actor": "police-forces-of-x", "role": "associate-of-initiator"},
                     {"actor": "militia-a", "role": "associate-of-initiator"},
                     {"actor": "civilians-x", "role": "counterpart"}]


def test_json_item_lines() -> None:
    text = ('{\n "title": {"text": {"headline": "events"}},\n "events": [\n  {"a": "[1]"},\n\n'
            '  {"b": {"events": []}}\n ],\n "eras": []}')
    assert item_lines(text) == {"events": [4, 6], "eras": []}
    assert item_lines("not json") == {}


def _sheet(text: str) -> Batch:
    batch = Batch("sheet.csv", "sheet", "TimelineJS sheet CSV")
    timelinejs_sheet.read(batch, text)
    return batch


def test_sheet_rows_report_their_line_and_keep_going() -> None:
    batch = _sheet("Year,Month,Day,Headline\n2011,14,,Bad month\n2012,,,Good\n,,,No date\n2013,,,\n")
    problems = {row.origin.line: row.problems for row in batch.rows}
    assert problems == {2: ["month 14 is not 1 to 12"], 3: [],
                        4: ["no date (a slide needs a Year or Start Date; only the title slide has none)"],
                        5: ["no headline"]}


def test_slide_html_keeps_only_addresses_that_lead_somewhere() -> None:
    assert timelinejs.slide_html('<p><a href="../sources/x/">Report</a>, <a href="https://e.org/a_b">there</a>'
                                 '<img src="p.png" alt="P"><script>x</script> *not* [md](x)</p>') == (
        '<p><a rel="noopener noreferrer">Report</a>, <a href="https://e.org/a&#95;b" rel="noopener noreferrer">'
        'there</a><img alt="P"> &#42;not&#42; &#91;md&#93;(x)</p>')


def test_a_row_is_named_by_the_line_it_starts_on() -> None:
    batch = _sheet('Year,Headline,Text\n2011,One,"two\nlines"\n\n2012,,x\n')
    assert [(row.origin.line, row.problems) for row in batch.rows] == [(2, []), (5, ["no headline"])]


def test_acled_rows_of_the_wrong_width() -> None:
    batch = Batch("a.csv", "a", "ACLED CSV")
    acled.read(batch, ",".join(acled.COLUMNS) + "\nETH1,2023-02-16,2023,1\n", today=TODAY)
    assert [(row.origin.line, row.problems) for row in batch.rows] == [
        (2, ["4 cells where the header has 31 columns"])]


def test_an_era_holds_the_events_within_it() -> None:
    batch = _sheet("Year,Month,End Year,End Month,Headline,Type\n2020,1,2020,6,First half,era\n2020,3,,,March,\n"
                   "2020,3,2020,8,Spilling over,\n2020,2,2020,3,Q1 bit,era\n2020,2,,,February,\n")
    events = {event["id"]: event for row in batch.rows for event in row.events}
    assert events["2020-03-march"]["part_of"] == "2020-02-q1-bit"  # the narrowest era holding it
    assert events["2020-02-february"]["part_of"] == "2020-02-q1-bit"
    assert "part_of" not in events["2020-03-spilling-over"]
    assert events["2020-01-first-half"]["type"] == "era"


def test_eras_of_the_same_days_are_not_inside_each_other() -> None:
    batch = _sheet("Year,End Year,Headline,Type\n2020,2021,One,era\n2020,2021,Other,era\n2019,2022,Wide,era\n")
    events = {event["id"]: event.get("part_of") for row in batch.rows for event in row.events}
    assert events == {"2020-one": "2019-wide", "2020-other": "2019-wide", "2019-wide": None}


def test_an_era_that_is_a_slide_is_that_slide() -> None:
    data = {"events": [{"unique_id": "war", "start_date": {"year": 2011}, "end_date": {"year": 2020},
                        "text": {"headline": "The war"}},
                       {"unique_id": "battle", "start_date": {"year": 2015, "month": 6},
                        "text": {"headline": "A battle"}}],
            "eras": [{"start_date": {"year": 2011}, "end_date": {"year": 2020}, "text": {"headline": "The war"}}]}
    batch = Batch("t.json", "t", "TimelineJS JSON")
    timelinejs_json.read(batch, json.dumps(data), data)
    events = {event["id"]: event for row in batch.rows for event in row.events}
    assert sorted(events) == ["battle", "war"]
    assert events["battle"]["part_of"] == "war"


def _row(line: int, **kinds: list[dict[str, object]]) -> Row:
    return Row(Origin("f.csv", line), **kinds)  # type: ignore[arg-type]


def test_judge_reports_ids_taken_and_names_missing() -> None:
    event = {"title": "T", "date": "2020", "sources": ["s"]}
    source = {"id": "s", "title": "S", "published": "2020"}
    rows = [_row(2, events=[{"id": "a", **event}], sources=[source]),
            _row(3, events=[{"id": "a", **event}], sources=[source]),
            _row(4, events=[{"id": "old", **event}], sources=[source]),
            _row(5, events=[{"id": "b", **event, "places": ["nowhere"]}], sources=[source]),
            _row(6, places=[{"id": "p", "name": "P", "coordinates": {"lat": 91, "lon": 0}}]),
            _row(7, events=[{"id": "c", **event, "places": ["p"]}], sources=[source])]
    existing = {kind: {} for kind in KINDS} | {"events": {"old": Origin("content/events/old.md", 1)}}
    verdict = judge(rows, existing)  # type: ignore[arg-type]
    assert [row.origin.line for row in verdict.good] == [2]
    assert rows[1].problems == ["duplicate id 'a': row f.csv:2 has it too"]
    assert rows[2].problems == ["event 'old' already exists (content/events/old.md:1)"]
    assert rows[3].problems == ["event 'b' names place 'nowhere', which neither the project nor a good row has"]
    assert rows[4].problems == ["bad coordinates for place 'p': latitude 91, longitude 0"]
    assert rows[5].problems == ["event 'c' names place 'p', which neither the project nor a good row has"]
