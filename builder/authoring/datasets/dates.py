"""Dates as other tools write them, to EDTF that says as much as they do and no more."""

from __future__ import annotations

import datetime
import re

_ISO = re.compile(r"^(-?\d{1,4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_US = re.compile(r"^(\d{1,2})/(\d{1,2})/(-?\d{1,4})$")  # Google Sheets' default: month/day/year


class DateProblem(ValueError):
    pass


def number(value: object, what: str) -> int | None:
    """An integer from a cell or a JSON value ("2011", 2011, "2011.0"), None when empty."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise DateProblem(f"{what} {value!r} is not a number")
    try:
        as_float = float(str(value).strip())
    except ValueError:
        raise DateProblem(f"{what} {str(value).strip()!r} is not a number") from None
    if not as_float.is_integer():
        raise DateProblem(f"{what} {str(value).strip()!r} is not a whole number")
    return int(as_float)


def edtf(year: int, month: int | None = None, day: int | None = None) -> str:
    """The EDTF of a date known to the year, month or day; a negative year is BCE (EDTF's ``-0044``)."""
    if day is not None and month is None:
        raise DateProblem(f"a day ({day}) without a month")
    shown = f"-{-year:04d}" if year < 0 else f"{year:04d}"
    if month is None:
        return shown
    if not 1 <= month <= 12:
        raise DateProblem(f"month {month} is not 1 to 12")
    if day is None:
        return f"{shown}-{month:02d}"
    if year > 0:
        try:
            datetime.date(year, month, day)
        except ValueError:
            raise DateProblem(f"{year}-{month:02d}-{day:02d} is not a day of the calendar") from None
    return f"{shown}-{month:02d}-{day:02d}"


def from_text(text: str) -> str:
    """A sheet's ``Start Date`` cell: ``2011``, ``2011-03``, ``2011-03-05`` or ``3/5/2011``."""
    text = text.strip()
    if match := _ISO.match(text):
        year, month, day = match.groups()
        return edtf(int(year), int(month) if month else None, int(day) if day else None)
    if match := _US.match(text):
        month, day, year = match.groups()
        return edtf(int(year), int(month), int(day))
    raise DateProblem(f"date {text!r} is not a year, YYYY-MM-DD or M/D/YYYY")


def span(start: str, end: str) -> str:
    """One EDTF for a start and an optional end: a range only when the end says more."""
    return f"{start}/{end}" if end and end != start else start


_OPEN = re.compile(r"^(by|since|from)\s+", re.I)
_CIRCA = re.compile(r"^(c\.|ca\.|circa)\s*", re.I)
_UNCERTAIN = re.compile(r"\s*(\(uncertain\)|\?)$", re.I)
_RANGE_DASH = re.compile(r"\s+[–—-]\s+")


def _qualified(edtf: str, words: str) -> str:
    approximate, uncertain = bool(_CIRCA.match(words)), bool(_UNCERTAIN.search(words))
    return edtf + ("%" if approximate and uncertain else "~" if approximate else "?" if uncertain else "")


def from_display(start: str, end: str, display: str) -> str:
    """The EDTF of a start and end as their display date words it: "by 12 Feb 2020" has an open
    start, "since 2011" an open end, "from 2011 (end unknown)" an unknown one, and "c." and
    "(uncertain)" (or "?") qualify the date they stand by, as this project's own display dates and
    the usual "circa" do. Words that say none of this leave the dates as they are."""
    words = display.strip()
    opening = _OPEN.match(words)
    rest = words[opening.end():] if opening else words
    if opening and not end:
        kind = opening.group(1).lower()
        if kind == "by":
            return f"../{_qualified(start, rest)}"
        if kind == "since":
            return f"{_qualified(start, rest)}/.."
        if rest.lower().endswith("(end unknown)"):
            return f"{_qualified(start, rest[: -len('(end unknown)')].strip())}/"
    parts = _RANGE_DASH.split(rest, maxsplit=1)
    if end and end != start and len(parts) == 2:
        return f"{_qualified(start, parts[0])}/{_qualified(end, parts[1])}"
    return span(_qualified(start, rest), end)
