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
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field
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


def _ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


@dataclass(frozen=True)
class DateWords:
    """How dates read in words. English by default (data files and authoring tools use it); the
    pages of a site in another language get that language's from its translation table
    (builder/render/i18n), through ``wording``. Each pattern names its parts in braces."""

    months: tuple[str, ...] = MONTHS  # index 1..12
    seasons: dict[int, str] = field(default_factory=lambda: dict(SEASONS))
    day: str = "{day} {month} {year}"
    first_day: str = "1"  # the first of a month as a date writes it (French: "1er")
    month: str = "{month} {year}"
    season: str = "{season} {year}"
    decade: str = "{year}s"
    decade_with_article: str = "the {year}s"  # "since the 2010s"
    century: str = "{nth} century"
    century_with_article: str = "the {nth} century"
    ordinal: Callable[[int], str] = _ordinal
    approximate: str = "c. {date}"
    uncertain: str = "{date} (uncertain)"
    since: str = "since {date}"
    since_day: str = "since {date}"  # French: "depuis le 12 février"
    from_end_unknown: str = "from {date} (end unknown)"
    until_start_unknown: str = "until {date} (start unknown)"
    by_end_of: str = "by the end of {date}"
    by: str = "by {date}"
    range: str = "{start} – {end}"
    day_range: str = "{first}–{last} {month} {year}"  # within a month
    day_month_range: str = "{first} {first_month} – {last} {last_month} {year}"  # within a year
    month_range: str = "{first}–{last} {year}"
    year_range: str = "{first}–{last}"
    unknown: str = "unknown"
    open: str = "open"

    def day_number(self, day: int) -> str:
        return self.first_day if day == 1 else str(day)


ENGLISH = DateWords()
_WORDING: ContextVar[DateWords] = ContextVar("date_words", default=ENGLISH)


@contextlib.contextmanager
def wording(words: DateWords) -> Iterator[None]:
    """Dates read in ``words`` within the block (a page rendered in the site's language)."""
    token = _WORDING.set(words)
    try:
        yield
    finally:
        _WORDING.reset(token)


@dataclass(frozen=True)
class _End:
    """One known end of a date: the days it may fall on and how it was qualified."""

    lower: datetime.date
    upper: datetime.date
    precision: str
    approximate: bool
    uncertain: bool
    season: int | None = None

    def plain(self, with_article: bool = False) -> str:
        words = _WORDING.get()
        year = self.lower.year
        if self.precision == "day":
            return words.day.format(day=words.day_number(self.lower.day), month=words.months[self.lower.month],
                                    year=year)
        if self.precision == "month":
            return words.month.format(month=words.months[self.lower.month], year=year)
        if self.precision == "season" and self.season is not None:
            return words.season.format(season=words.seasons[self.season], year=year)
        if self.precision == "decade":
            return (words.decade_with_article if with_article else words.decade).format(year=year)
        if self.precision == "century":
            nth = words.ordinal(year // 100 + 1)
            return (words.century_with_article if with_article else words.century).format(nth=nth)
        return str(year)

    def qualify(self, text: str) -> str:
        words = _WORDING.get()
        if self.approximate:
            text = words.approximate.format(date=text)
        return words.uncertain.format(date=text) if self.uncertain else text

    def shown(self) -> str:
        return self.qualify(self.plain())

    def shown_with_article(self) -> str:
        # "since the 2010s" reads naturally; "since 2010s" does not.
        return self.qualify(self.plain(with_article=True))


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
        words = _WORDING.get()
        start = parsed.start.shown() if parsed.start else (words.unknown if parsed.start_unknown else words.open)
        end = parsed.end.shown() if parsed.end else (words.unknown if parsed.end_unknown else words.open)
        return start, end

    def display(self) -> str:
        parsed = _analyse(self.edtf)
        start, end = parsed.start, parsed.end
        if start is None and end is not None:
            return _display_open_start(end, parsed.start_unknown)
        if end is None and start is not None:
            words = _WORDING.get()
            if parsed.end_unknown:
                return words.from_end_unknown.format(date=start.shown_with_article())
            since = words.since_day if start.precision == "day" else words.since
            return since.format(date=start.shown_with_article())
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


def _display_open_start(end: _End, unknown: bool) -> str:
    words = _WORDING.get()
    if unknown:
        return words.until_start_unknown.format(date=end.shown_with_article())
    last = end.upper
    if end.precision in ("day", "month") and last == _month_end(last.year, last.month):
        return words.by_end_of.format(date=end.qualify(words.month.format(month=words.months[last.month],
                                                                          year=last.year)))
    if end.precision == "day":
        return words.by.format(date=end.shown())
    return words.by_end_of.format(date=end.shown_with_article())


def _display_range(start: _End, end: _End) -> str:
    words = _WORDING.get()
    same_qualifiers = (start.approximate, start.uncertain) == (end.approximate, end.uncertain)
    if not same_qualifiers:
        return words.range.format(start=start.shown(), end=end.shown())
    if start.plain() == end.plain():
        return start.shown()
    a, b = start.lower, end.lower
    core = words.range.format(start=start.plain(), end=end.plain())
    if start.precision == end.precision == "day" and a.year == b.year:
        if a.month == b.month:
            core = words.day_range.format(first=words.day_number(a.day), last=b.day, month=words.months[a.month],
                                          year=a.year)
        else:
            core = words.day_month_range.format(first=words.day_number(a.day), first_month=words.months[a.month],
                                                last=words.day_number(b.day), last_month=words.months[b.month],
                                                year=a.year)
    elif start.precision == end.precision == "month" and a.year == b.year:
        core = words.month_range.format(first=words.months[a.month], last=words.months[b.month], year=a.year)
    elif start.precision == end.precision == "year":
        core = words.year_range.format(first=a.year, last=b.year)
    return start.qualify(core)
