"""Honest dates: EDTF strings that say exactly as much as the sources know, and no more.

Parsing is the `edtf` library's job; this module only turns what it parsed into day bounds, a
precision, reader-facing text and a timeline order. Anything that cannot be shown honestly as a
day, month, season, year, decade or century (or a range of those) is rejected with a `DateError`
rather than silently rounded.

`19XX` is shown as "20th century" rather than "1900s", because "1900s" also reads as the decade
1900–1909.
"""

from __future__ import annotations

import calendar
import contextlib
import datetime
import functools
import io
import re
import time
from dataclasses import dataclass
from typing import Any

# AP style: short months are written in full, September is "Sept".
MONTHS = ("", "Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec")
SEASONS = {21: "Spring", 22: "Summer", 23: "Autumn", 24: "Winter"}
# Coarse first: a vaguer date heads its period on the timeline.
PRECISIONS = ("century", "decade", "year", "season", "month", "day")
_RANK = {name: rank for rank, name in enumerate(PRECISIONS)}
_EXAMPLES = "write e.g. 2020-02-12, 2020-02, 2011~, 2011/.., ../2020-02-29 or 2020-02-10/2020-02-12"
_LAST_YEAR = datetime.MAXYEAR  # 9999: past it Python (and HTML's <time>) has no date


class DateError(ValueError):
    """A date that cannot be used; the message is a sentence meant for the content author."""


@dataclass(frozen=True)
class _End:
    """One known end of a date: the days it may fall on and how it was qualified."""

    lower: datetime.date
    upper: datetime.date
    precision: str
    approximate: bool
    uncertain: bool
    season: int | None = None

    def plain(self) -> str:
        year = self.lower.year
        if self.precision == "day":
            return f"{self.lower.day} {MONTHS[self.lower.month]} {year}"
        if self.precision == "month":
            return f"{MONTHS[self.lower.month]} {year}"
        if self.precision == "season" and self.season is not None:
            return f"{SEASONS[self.season]} {year}"
        if self.precision == "decade":
            return f"{year}s"
        if self.precision == "century":
            return f"{_ordinal(year // 100 + 1)} century"
        return str(year)

    def qualify(self, text: str) -> str:
        return ("c. " if self.approximate else "") + text + (" (uncertain)" if self.uncertain else "")

    def shown(self) -> str:
        return self.qualify(self.plain())

    def shown_with_article(self) -> str:
        # "since the 2010s" reads naturally; "since 2010s" does not.
        article = "the " if self.precision in ("decade", "century") else ""
        return self.qualify(article + self.plain())


@dataclass(frozen=True)
class _Parsed:
    start: _End | None
    end: _End | None
    is_range: bool
    start_unknown: bool  # written empty ("/2020"): it had a start, nobody knows when
    end_unknown: bool


@dataclass(frozen=True)
class HonestDate:
    """A parsed EDTF date; build it with `parse_date`, which guarantees the fields agree."""

    edtf: str
    lower: datetime.date | None
    upper: datetime.date | None
    precision: str
    approximate: bool
    uncertain: bool

    @property
    def is_range(self) -> bool:
        return _analyse(self.edtf).is_range

    def ends(self) -> tuple[str, str]:
        """A range's start and end in words, "open" where written ``..``, "unknown" where left empty;
        for a single date, the date and ""."""
        parsed = _analyse(self.edtf)
        if not parsed.is_range:
            return self.display(), ""
        start = parsed.start.shown() if parsed.start else ("unknown" if parsed.start_unknown else "open")
        end = parsed.end.shown() if parsed.end else ("unknown" if parsed.end_unknown else "open")
        return start, end

    def display(self) -> str:
        parsed = _analyse(self.edtf)
        start, end = parsed.start, parsed.end
        if start is None and end is not None:
            return _display_open_start(end, parsed.start_unknown)
        if end is None and start is not None:
            if parsed.end_unknown:
                return f"from {start.shown_with_article()} (end unknown)"
            return f"since {start.shown_with_article()}"
        assert start is not None and end is not None  # _analyse rejects "../.."
        if not parsed.is_range:
            return start.shown()
        return _display_range(start, end)

    def sort_key(self) -> tuple[int, int, int, int, int, int, str]:
        anchor = _anchor(self)
        never = datetime.date.max.toordinal() + 1
        return (
            anchor.lower.toordinal() if self.lower is not None else anchor.upper.toordinal(),
            _RANK[anchor.precision],
            self.upper.toordinal() if self.upper is not None else never,
            # An open start ("by the end of Feb 2020") is vaguer, so it goes first.
            self.lower.toordinal() if self.lower is not None else -1,
            int(self.approximate),
            int(self.uncertain),
            self.edtf,
        )

    def datetime_attr(self) -> str:
        anchor = _anchor(self)
        day = anchor.lower if self.lower is not None else anchor.upper
        if anchor.precision == "day":
            return day.isoformat()
        if anchor.precision == "month":
            return f"{day.year:04d}-{day.month:02d}"
        # HTML has no season, decade or century; the start year is the nearest valid value.
        return f"{anchor.lower.year:04d}"

    def group(self) -> tuple[int, int | None]:
        anchor = _anchor(self)
        day = anchor.lower if self.lower is not None else anchor.upper
        fine = anchor.precision in ("month", "day")
        return (day.year, day.month if fine else None)


def parse_date(text: str) -> HonestDate:
    """Parse an EDTF string; `DateError` for anything a reader could not be shown honestly."""
    edtf = text.strip()
    if not edtf.isascii():
        # Python's int() and the regex \d read full-width (２０２０) and Arabic-Indic (٢٠٢٠) digits
        # as years; EDTF is ASCII only, and a date that looks different from what it means is a trap.
        raise DateError(f"invalid EDTF date '{edtf}': only ASCII digits and signs can be used; {_EXAMPLES}")
    parsed = _analyse(edtf)
    ends = [end for end in (parsed.start, parsed.end) if end is not None]
    return HonestDate(
        edtf=edtf,
        lower=parsed.start.lower if parsed.start else None,
        upper=parsed.end.upper if parsed.end else None,
        precision=max((end.precision for end in ends), key=_RANK.__getitem__),
        approximate=any(end.approximate for end in ends),
        uncertain=any(end.uncertain for end in ends),
    )


def _anchor(date: HonestDate) -> _End:
    """The end a timeline files the date under: its start, or its end when the start is open."""
    parsed = _analyse(date.edtf)
    anchor = parsed.start or parsed.end
    assert anchor is not None
    return anchor


_PLAIN = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?([?~%])?", re.ASCII)


def _plain_end(text: str) -> _End | None:
    """The common forms (2020, 2020-02, 2020-02-12, each maybe with ?, ~ or %) without the edtf
    library, whose parser costs about 16 ms a date: 10,000 events would take minutes. Anything
    else, including invalid days, returns None and goes to the library for its verdict."""
    match = _PLAIN.fullmatch(text)
    if not match:
        return None
    year_text, month_text, day_text, qualifier = match.groups()
    year = int(year_text)
    try:
        if day_text:
            lower = upper = datetime.date(year, int(month_text), int(day_text))
            precision = "day"
        elif month_text:
            lower = datetime.date(year, int(month_text), 1)
            upper, precision = _month_end(year, int(month_text)), "month"
        else:
            lower, upper, precision = datetime.date(year, 1, 1), datetime.date(year, 12, 31), "year"
    except ValueError:  # impossible days, and year 0: the library words the error
        return None
    return _End(lower, upper, precision, qualifier in ("~", "%"), qualifier in ("?", "%"))


def _plain(edtf: str) -> _Parsed | None:
    if "/" not in edtf:
        single = _plain_end(edtf)
        return _Parsed(single, single, False, False, False) if single else None
    start_text, _, end_text = edtf.partition("/")
    ends: list[_End | None] = []
    for part in (start_text, end_text):
        if part in ("", ".."):
            ends.append(None)
        elif (end := _plain_end(part)) is not None:
            ends.append(end)
        else:
            return None
    start, end = ends
    if start is None and end is None:
        return None
    if start is not None and end is not None and end.upper < start.lower:
        return None  # the library path words the error
    return _Parsed(start, end, True, start is None and not start_text, end is None and not end_text)


@functools.lru_cache(maxsize=65536)
def _analyse(edtf: str) -> _Parsed:
    return _plain(edtf) or _analyse_with_library(edtf)


def _analyse_with_library(edtf: str) -> _Parsed:
    # The library (and pyparsing, which it builds its grammar with) takes 70 ms to import, which
    # ``check`` need not pay when every date has one of the common forms.
    from edtf import EDTFParseException, parse_edtf
    from edtf import Interval as EdtfInterval

    if not edtf:
        raise DateError("invalid EDTF date '': it is empty; " + _EXAMPLES)
    try:
        # On some bad input the library prints a debugging line before raising; a build's
        # output should only carry our own diagnostics.
        with contextlib.redirect_stdout(io.StringIO()):
            parsed: Any = parse_edtf(edtf)
    except (EDTFParseException, AttributeError, LookupError, TypeError, ValueError):
        raise DateError(f"invalid EDTF date '{edtf}': {_why_invalid(edtf)}") from None
    if not isinstance(parsed, EdtfInterval):
        single = _end(parsed, edtf, edtf)
        return _Parsed(single, single, False, False, False)
    start_text, _, end_text = edtf.partition("/")
    start = _interval_end(parsed.lower, start_text, edtf)
    end = _interval_end(parsed.upper, end_text, edtf)
    if start is None and end is None:
        raise DateError(f"invalid date '{edtf}': a date needs at least one known end")
    if start is not None and end is not None and end.upper < start.lower:
        raise DateError(f"date range ends ({end.plain()}) before it starts ({start.plain()})")
    return _Parsed(
        start,
        end,
        True,
        start is None and not start_text,
        end is None and not end_text,
    )


def _interval_end(section: Any, text: str, edtf: str) -> _End | None:
    from edtf import UnspecifiedIntervalSection

    if isinstance(section, UnspecifiedIntervalSection):
        return None
    return _end(section, text, edtf)


def _end(obj: Any, text: str, edtf: str) -> _End:
    """Bounds and precision of one parsed date (not an interval)."""
    from edtf import Season, UncertainOrApproximate

    inner = obj
    while isinstance(inner, UncertainOrApproximate):
        inner = inner.date
    try:
        lower, upper = _day(obj.lower_strict()), _day(obj.upper_strict())
    except (TypeError, ValueError, AttributeError, OverflowError):
        # Sets, partly unspecified days ("2011-02-1X") and years outside 1–9999 land here.
        raise DateError(
            f"unsupported date '{edtf}': only days, months, seasons, years, decades and "
            "centuries from year 1 to 9999 (and ranges of them) can be shown"
        ) from None
    approximate = "~" in text or "%" in text
    uncertain = "?" in text or "%" in text
    if isinstance(inner, Season):
        code = int(inner.season)
        if code not in SEASONS:
            raise DateError(f"unsupported date '{edtf}': only seasons 21–24 can be shown")
        if code == 24:
            # The library ends winter on 31 Dec; northern winter runs into February.
            if lower.year >= _LAST_YEAR:
                raise DateError(f"unsupported date '{edtf}': winter {lower.year} ends in February of year "
                                f"{lower.year + 1}, and dates end with year {_LAST_YEAR}")
            upper = _month_end(lower.year + 1, 2)
        return _End(lower, upper, "season", approximate, uncertain, code)
    return _End(lower, upper, _precision(lower, upper, edtf), approximate, uncertain)


def _day(value: Any) -> datetime.date:
    if not isinstance(value, time.struct_time):
        raise TypeError("open bound")  # ±inf for "..", which only intervals may have
    return datetime.date(value.tm_year, value.tm_mon, value.tm_mday)


def _precision(lower: datetime.date, upper: datetime.date, edtf: str) -> str:
    whole_years = (lower.month, lower.day, upper.month, upper.day) == (1, 1, 12, 31)
    if lower == upper:
        return "day"
    if lower.day == 1 and upper == _month_end(lower.year, lower.month):
        return "month"
    if whole_years and lower.year == upper.year:
        return "year"
    if whole_years and lower.year % 10 == 0 and upper.year == lower.year + 9:
        return "decade"
    if whole_years and lower.year % 100 == 0 and upper.year == lower.year + 99:
        return "century"
    raise DateError(f"unsupported date '{edtf}': it is neither a day, month, year, decade nor century")


def _why_invalid(edtf: str) -> str:
    # The library only says where parsing stopped; Python can say *why* a date like 2020-02-30
    # is impossible.
    try:
        datetime.date.fromisoformat(edtf)
    except ValueError as iso_error:
        if "out of range" in str(iso_error):
            return f"{iso_error}; {_EXAMPLES}"
    return f"not a date in EDTF form; {_EXAMPLES}"


def _month_end(year: int, month: int) -> datetime.date:
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def _ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def _display_open_start(end: _End, unknown: bool) -> str:
    if unknown:
        return f"until {end.shown_with_article()} (start unknown)"
    last = end.upper
    if end.precision in ("day", "month") and last == _month_end(last.year, last.month):
        return "by the end of " + end.qualify(f"{MONTHS[last.month]} {last.year}")
    if end.precision == "day":
        return f"by {end.shown()}"
    return f"by the end of {end.shown_with_article()}"


def _display_range(start: _End, end: _End) -> str:
    same_qualifiers = (start.approximate, start.uncertain) == (end.approximate, end.uncertain)
    if not same_qualifiers:
        return f"{start.shown()} – {end.shown()}"
    if start.plain() == end.plain():
        return start.shown()
    a, b = start.lower, end.lower
    core = f"{start.plain()} – {end.plain()}"
    if start.precision == end.precision == "day" and a.year == b.year:
        if a.month == b.month:
            core = f"{a.day}–{b.day} {MONTHS[a.month]} {a.year}"
        else:
            core = f"{a.day} {MONTHS[a.month]} – {b.day} {MONTHS[b.month]} {a.year}"
    elif start.precision == end.precision == "month" and a.year == b.year:
        core = f"{MONTHS[a.month]}–{MONTHS[b.month]} {a.year}"
    elif start.precision == end.precision == "year":
        core = f"{a.year}–{b.year}"
    return start.qualify(core)
