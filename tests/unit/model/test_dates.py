"""Honest dates: parsing, reader-facing text, HTML values, timeline grouping and order."""

from __future__ import annotations

import datetime
import random

import pytest

from builder.model.dates import DateError, HonestDate, parse_date

D = datetime.date


@pytest.mark.parametrize(
    ("edtf", "shown"),
    [
        ("2020-02-12", "12 Feb 2020"),
        ("2020-02", "Feb 2020"),
        ("2018-09", "Sept 2018"),
        ("2020-03", "March 2020"),
        ("2011", "2011"),
        ("2011~", "c. 2011"),
        ("2011?", "2011 (uncertain)"),
        ("2011%", "c. 2011 (uncertain)"),
        ("2020-02-12?", "12 Feb 2020 (uncertain)"),
        ("2020-02~", "c. Feb 2020"),
        ("2011/..", "since 2011"),
        ("2011-03/..", "since March 2011"),
        ("../2020-02-29", "by the end of Feb 2020"),
        ("../2020-02-20", "by 20 Feb 2020"),
        ("../2020", "by the end of 2020"),
        ("2020-02-10/2020-02-12", "10–12 Feb 2020"),
        ("2020-01-30/2020-02-02", "30 Jan – 2 Feb 2020"),
        ("2019-12-30/2020-01-02", "30 Dec 2019 – 2 Jan 2020"),
        ("2018-09/2018-10", "Sept–Oct 2018"),
        ("2018-11/2019-02", "Nov 2018 – Feb 2019"),
        ("2011/2020", "2011–2020"),
        ("2011~/2020~", "c. 2011–2020"),
        ("2011~/2020", "c. 2011 – 2020"),
        ("2011/2020-02", "2011 – Feb 2020"),
        ("2020/2020", "2020"),
        ("201X", "2010s"),
        ("201X/2020", "2010s – 2020"),
        ("19XX", "20th century"),
        ("2020-21", "Spring 2020"),
        ("2020-22", "Summer 2020"),
        ("2020-23", "Autumn 2020"),
        ("2019-24", "Winter 2019"),
        ("2020-02-12T10:00:00", "12 Feb 2020"),
        ("  2011  ", "2011"),
        ("2011/", "from 2011 (end unknown)"),
        ("/2020-02-12", "until 12 Feb 2020 (start unknown)"),
    ],
)
def test_display(edtf: str, shown: str) -> None:
    assert parse_date(edtf).display() == shown


@pytest.mark.parametrize(
    ("edtf", "lower", "upper", "precision", "approximate", "uncertain", "is_range"),
    [
        ("2020-02-12", D(2020, 2, 12), D(2020, 2, 12), "day", False, False, False),
        ("2020-02", D(2020, 2, 1), D(2020, 2, 29), "month", False, False, False),
        ("2011~", D(2011, 1, 1), D(2011, 12, 31), "year", True, False, False),
        ("2011?", D(2011, 1, 1), D(2011, 12, 31), "year", False, True, False),
        ("2011%", D(2011, 1, 1), D(2011, 12, 31), "year", True, True, False),
        ("2011/..", D(2011, 1, 1), None, "year", False, False, True),
        ("../2020-02-29", None, D(2020, 2, 29), "day", False, False, True),
        ("2011/2020-02~", D(2011, 1, 1), D(2020, 2, 29), "month", True, False, True),
        ("201X", D(2010, 1, 1), D(2019, 12, 31), "decade", False, False, False),
        ("19XX", D(1900, 1, 1), D(1999, 12, 31), "century", False, False, False),
        ("2020-21", D(2020, 3, 1), D(2020, 5, 31), "season", False, False, False),
        # Northern winter runs into the next year (the library stops at 31 Dec).
        ("2019-24", D(2019, 12, 1), D(2020, 2, 29), "season", False, False, False),
        ("2020-02-12T10:00:00", D(2020, 2, 12), D(2020, 2, 12), "day", False, False, False),
    ],
)
def test_fields(
    edtf: str,
    lower: datetime.date | None,
    upper: datetime.date | None,
    precision: str,
    approximate: bool,
    uncertain: bool,
    is_range: bool,
) -> None:
    date = parse_date(edtf)
    assert date == HonestDate(edtf, lower, upper, precision, approximate, uncertain)
    assert date.is_range is is_range


@pytest.mark.parametrize(
    ("edtf", "message"),
    [
        ("2020-02-30", "invalid EDTF date '2020-02-30': day is out of range for month"),
        ("2020-13", "invalid EDTF date '2020-13'"),
        ("12 Feb 2020", "invalid EDTF date '12 Feb 2020'"),
        ("", "invalid EDTF date ''"),
        ("2020-03/2020-02", "date range ends (Feb 2020) before it starts (March 2020)"),
        ("2020-02-12/2020-02-10", "date range ends (10 Feb 2020) before it starts (12 Feb 2020)"),
        ("../..", "a date needs at least one known end"),
        ("1XXX", "unsupported date '1XXX'"),
        ("-0500", "unsupported date '-0500'"),
        ("2020-25", "unsupported date '2020-25'"),
    ],
)
def test_errors(edtf: str, message: str) -> None:
    with pytest.raises(DateError) as caught:
        parse_date(edtf)
    assert message in str(caught.value)


def test_date_error_is_a_value_error() -> None:
    assert issubclass(DateError, ValueError)


def test_library_debug_output_is_kept_quiet(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(DateError):
        parse_date("../201X")
    assert capsys.readouterr().out == ""


@pytest.mark.parametrize(
    ("edtf", "value"),
    [
        ("2020-02-12", "2020-02-12"),
        ("2020-02-12?", "2020-02-12"),
        ("2020-02-12T10:00:00", "2020-02-12"),
        ("2020-02", "2020-02"),
        ("2011~", "2011"),
        ("2011/..", "2011"),
        ("2011-03/..", "2011-03"),
        ("../2020-02-29", "2020-02-29"),
        ("../2020", "2020"),
        ("2018-09/2018-10", "2018-09"),
        ("201X", "2010"),
        ("19XX", "1900"),
        ("2020-21", "2020"),
    ],
)
def test_datetime_attr(edtf: str, value: str) -> None:
    assert parse_date(edtf).datetime_attr() == value


@pytest.mark.parametrize(
    ("edtf", "group"),
    [
        ("2020-02-12", (2020, 2)),
        ("2020-02~", (2020, 2)),
        ("2011", (2011, None)),
        ("2011/..", (2011, None)),
        ("2011-03/..", (2011, 3)),
        ("../2020-02-29", (2020, 2)),
        ("../2020", (2020, None)),
        ("2019-12-30/2020-01-02", (2019, 12)),
        # Filed by its start, which is only known to the year.
        ("2011/2020-02", (2011, None)),
        ("201X", (2010, None)),
        ("2020-21", (2020, None)),
    ],
)
def test_group(edtf: str, group: tuple[int, int | None]) -> None:
    assert parse_date(edtf).group() == group


EXPECTED_ORDER = [
    "19XX",
    "201X",
    "2011",
    "2011/..",
    "2011-03",
    "2018-09/2018-10",
    "2020",
    "2020-02",
    "2020-02-10/2020-02-12",
    "2020-02-12",
    "2020-02-12?",
    "2020-02-12~",
    "../2020-02-29",
    "2020-02-29",
    "2020-21",
    "2020-03",
    "2020-03-01",
]


def test_sort_order() -> None:
    shuffled = list(EXPECTED_ORDER)
    random.Random(7).shuffle(shuffled)
    assert shuffled != EXPECTED_ORDER
    dates = sorted((parse_date(edtf) for edtf in shuffled), key=HonestDate.sort_key)
    assert [date.edtf for date in dates] == EXPECTED_ORDER


@pytest.mark.parametrize(
    ("earlier", "later"),
    [
        ("2020-02", "2020-02-01"),  # a month heads its days
        ("2011", "2011-01"),  # a year heads its months
        ("201X", "2010"),  # a decade heads its years
        ("2020-21", "2020-03"),  # a season heads its months
        ("2020-02-12", "2020-02-12~"),  # qualified after plain, so the order is total
        ("2011", "2011/2012"),  # same start and precision: the one ending sooner first
    ],
)
def test_sort_pairs(earlier: str, later: str) -> None:
    assert parse_date(earlier).sort_key() < parse_date(later).sort_key()


@pytest.mark.parametrize(
    "text",
    ["2020", "2020-02", "2020-02-12", "2011~", "2011?", "2011%", "2020-02-12?", "2020-02~", "2020-02%",
     "2011/..", "../2020-02-29", "../2020", "2011/", "/2020", "2020-02-10/2020-02-12", "2019-12~/2020-02-12",
     "2018-09/2018-10", "2011/2020", "2020-02/2020-02-12", "0001", "9999-12-31", "2019-12-30/2020-01-02?"],
)
def test_fast_path_agrees_with_the_edtf_library(text: str) -> None:
    """Plain forms skip the slow library parser; both must give the same result."""
    from builder.model.dates import _analyse_with_library, _plain

    fast = _plain(text)
    assert fast is not None, "this form should take the fast path"
    assert fast == _analyse_with_library(text)


@pytest.mark.parametrize("text", ["2020-02-30", "2020-13", "2020-03/2020-02", "0000", "../..", "201X", "2020-21"])
def test_fast_path_leaves_the_rest_to_the_library(text: str) -> None:
    from builder.model.dates import _plain

    assert _plain(text) is None


@pytest.mark.parametrize(("edtf", "ends"), [
    ("2011/..", ("2011", "open")),
    ("../2020-02-29", ("open", "29 Feb 2020")),
    ("/2020", ("unknown", "2020")),
    ("2019-12~/2020-02-12", ("c. Dec 2019", "12 Feb 2020")),
    ("2020-02-12", ("12 Feb 2020", "")),
])
def test_a_range_says_its_ends_in_words(edtf: str, ends: tuple[str, str]) -> None:
    assert parse_date(edtf).ends() == ends
