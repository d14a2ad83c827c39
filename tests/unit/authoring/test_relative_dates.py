"""Resolving date expressions as sources wrote them against the publication date."""

from __future__ import annotations

import datetime

import pytest

from builder.authoring.relative_dates import (
    Resolution,
    find_date_expressions,
    resolve_relative,
)
from builder.model.dates import parse_date

# Both seed articles were published on Wednesday 12 Feb 2020.
PUBLISHED = datetime.date(2020, 2, 12)

SEED = [
    ("on Feb. 7", "2020-02-07"),  # photo caption
    ("on Wednesday", "2020-02-12"),
    ("on Tuesday", "2020-02-11"),
    ("on Monday", "2020-02-10"),
    ("in September 2018", "2018-09"),
    # "since" describes a state still going on, so the whole phrase is an open range; the
    # start alone ("in 2011") resolves to the year.
    ("since the conflict began in 2011", "2011/.."),
    ("in 2011", "2011"),
    ("after nine years of war", "2011"),
    ("until the end of February", "../2020-02-29"),
]

MORE = [
    ("Wednesday", "2020-02-12"),
    ("on Tuesday night", "2020-02-11"),
    ("last Friday", "2020-02-07"),
    ("last Wednesday", "2020-02-05"),
    ("next Monday", "2020-02-17"),
    ("today", "2020-02-12"),
    ("this morning", "2020-02-12"),
    ("tonight", "2020-02-12"),
    ("yesterday", "2020-02-11"),
    ("last week", "2020-02-03/2020-02-09"),
    ("this week", "2020-02-10/2020-02-16"),
    ("last month", "2020-01"),
    ("last year", "2019"),
    ("Feb. 7", "2020-02-07"),
    ("February 7", "2020-02-07"),
    ("7 February", "2020-02-07"),
    ("Feb 7", "2020-02-07"),
    ("Feb. 7, 2019", "2019-02-07"),
    ("Feb. 20", "2020-02-20"),  # within two weeks after publication: this year's
    ("Dec. 20", "2019-12-20"),  # months after publication: last year's
    ("September 2018", "2018-09"),
    ("Sept. 2018", "2018-09"),
    ("since 2011", "2011/.."),
    ("since March 2011", "2011-03/.."),
    ("in the 1990s", "199X"),
    ("from 2011 to 2015", "2011/2015"),
    ("by the end of February", "../2020-02-29"),
    ("by the end of the month", "../2020-02-29"),
    ("by the end of the year", "../2020"),
    ("nine years", "2011"),
    ("for 9 years", "2011"),
    ("nearly nine years", "2011~"),
    ("eight months ago", "2019-06"),
    ("three days ago", "2020-02-09"),
]


@pytest.mark.parametrize(("expression", "edtf"), SEED + MORE)
def test_resolve(expression: str, edtf: str) -> None:
    resolution = resolve_relative(expression, PUBLISHED)
    assert resolution is not None
    assert resolution.edtf == edtf
    assert resolution.note.startswith(f"'{expression}': ")
    parse_date(resolution.edtf)  # every resolution is a date the site accepts


@pytest.mark.parametrize(
    ("expression", "note"),
    [
        ("on Tuesday", "'on Tuesday': the Tuesday before publication (Wed 12 Feb 2020)"),
        ("on Wednesday", "'on Wednesday': the publication day (Wed 12 Feb 2020)"),
        (
            "after nine years of war",
            "'after nine years of war': nine years before publication (Wed 12 Feb 2020), so 2011",
        ),
    ],
)
def test_notes(expression: str, note: str) -> None:
    resolution = resolve_relative(expression, PUBLISHED)
    assert isinstance(resolution, Resolution)
    assert resolution.note == note


@pytest.mark.parametrize(
    ("expression", "published", "edtf"),
    [
        ("on Friday", datetime.date(2020, 2, 14), "2020-02-14"),  # the publication weekday
        ("last Friday", datetime.date(2020, 2, 14), "2020-02-07"),  # "last" is never today
        ("Dec. 30", datetime.date(2020, 1, 3), "2019-12-30"),
        ("Jan. 5", datetime.date(2019, 12, 30), "2020-01-05"),  # days ahead: the coming one
        ("last month", datetime.date(2020, 1, 15), "2019-12"),
        ("nine years", datetime.date(2021, 6, 1), "2012"),
    ],
)
def test_resolve_other_publication_dates(expression: str, published: datetime.date, edtf: str) -> None:
    resolution = resolve_relative(expression, published)
    assert resolution is not None
    assert resolution.edtf == edtf


@pytest.mark.parametrize(
    "expression",
    ["months-long", "Feb. 30", "recently", "may", "", "in five years", "from 2015 to 2011"],
)
def test_unresolvable(expression: str) -> None:
    assert resolve_relative(expression, PUBLISHED) is None


@pytest.mark.parametrize(
    ("sentence", "expressions"),
    [
        ("Upon his arrival in Ankara on Tuesday, Jeffrey said …", ["on Tuesday"]),
        (
            "Russian military police patrol near Tal Tamr on Feb. 7, 2020.",
            ["on Feb. 7, 2020"],
        ),
        (
            (
                "Since the conflict began in 2011, and after nine years of war, the truce held "
                "until the end of February."
            ),
            [
                "Since the conflict began in 2011",
                "after nine years of war",
                "until the end of February",
            ],
        ),
        ("The deal, reached in September 2018, collapsed.", ["in September 2018"]),
        (
            "The months-long offensive began last week; on Monday morning troops moved.",
            ["last week", "on Monday morning"],
        ),
        ("They may march on, as 1,500 troops did.", []),
    ],
)
def test_find_date_expressions(sentence: str, expressions: list[str]) -> None:
    assert find_date_expressions(sentence) == expressions


def test_found_expressions_resolve() -> None:
    sentence = "On Wednesday, a day after clashes on Tuesday, officials spoke of Feb. 7."
    found = find_date_expressions(sentence)
    assert found == ["On Wednesday", "on Tuesday", "Feb. 7"]
    assert [resolve_relative(text, PUBLISHED) is not None for text in found] == [True] * 3
