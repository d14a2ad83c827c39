"""Resolve date expressions as sources write them ("on Tuesday") against the publication date.

This serves the annotation tools and documents, in each event's `date_note`, how a seed date was
worked out. It resolves only what it can resolve without guessing beyond a stated rule; anything
else gives None, and a person decides.

Rules worth knowing:
- A bare weekday ("on Tuesday") is the publication day if the weekday matches, else the most
  recent such day before it: news reports what has happened.
- A day and month without a year ("Feb. 7") is the latest such day at most two weeks after
  publication (a report may mention a date just ahead); a month alone ("in May") likewise.
- "since … in 2011" becomes the open range "2011/..": the state it describes is still going on.
- "N years of war" counts back from the publication year, so "after nine years" in 2020 is 2011.
"""

from __future__ import annotations

import calendar
import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass

from builder.model.dates import MONTHS, parse_date

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH_NUMBERS = {
    **{name.lower(): number for number, name in enumerate(calendar.month_name) if name},
    **{name.lower(): number for number, name in enumerate(calendar.month_abbr) if name},
    "sept": 9,
}
# fmt: off
_NUMBER_WORDS = {
    word: number
    for number, word in enumerate(
        ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
         "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen", "twenty"),
        start=1,
    )
}
# fmt: on
# Month names are matched capitalised only, so the verbs "may" and "march" are left alone;
# only abbreviations take a dot, so a sentence's full stop stays out of the expression.
_FULL_MONTHS = "|".join(name for name in calendar.month_name if name)
_MONTH = rf"(?P<mon>(?:{_FULL_MONTHS})\b|(?:Sept|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b\.?)"
_YEAR = r"(?P<year>(?:1[0-9]|20)[0-9]{2})\b(?!s)"
_TIME_OF_DAY = r"(?:\s+(?i:morning|afternoon|evening|night))?"
_NUMBER = r"(?P<n>[0-9]{1,2}|(?i:" + "|".join(_NUMBER_WORDS) + "))"
# Within two weeks after publication counts as "this year's" date: a report may mention a
# scheduled date shortly ahead.
_LOOKAHEAD = datetime.timedelta(days=14)


@dataclass(frozen=True)
class Resolution:
    """An EDTF date and a note saying how it was derived from the source's words."""

    edtf: str
    note: str


_Resolver = Callable[[re.Match[str], datetime.date, str], Resolution | None]
_PATTERNS: list[tuple[re.Pattern[str], _Resolver]] = []


def _pattern(regex: str) -> Callable[[_Resolver], _Resolver]:
    def register(resolver: _Resolver) -> _Resolver:
        _PATTERNS.append((re.compile(r"\b" + regex), resolver))
        return resolver

    return register


def resolve_relative(expression: str, published: datetime.date) -> Resolution | None:
    """Resolve a whole date expression such as "on Tuesday"; None when no rule covers it."""
    text = expression.strip()
    for regex, resolver in _PATTERNS:
        match = regex.fullmatch(text)
        if not match:
            continue
        try:
            resolution = resolver(match, published, text)
            if resolution is not None:
                parse_date(resolution.edtf)  # a draft that check would reject is no help
                return resolution
        except (OverflowError, ValueError):  # DateError included
            # Counting from a publication day near year 1 or 9999 can leave the calendar.
            continue
    return None


def find_date_expressions(sentence: str) -> list[str]:
    """The date expressions in a sentence, in order, as written; the longest wins an overlap."""
    found = sorted(
        (match.start(), -match.end(), match.group()) for regex, _ in _PATTERNS for match in regex.finditer(sentence)
    )
    expressions: list[str] = []
    reached = 0
    for start, negative_end, text in found:
        if start >= reached:
            expressions.append(text)
            reached = -negative_end
    return expressions


def _pub(published: datetime.date) -> str:
    weekday = _WEEKDAYS[published.weekday()][:3].capitalize()  # not %a: that follows the locale
    return f"{weekday} {parse_date(published.isoformat()).display()}"


def _month(name: str) -> int:
    return _MONTH_NUMBERS[name.rstrip(".").lower()]


def _count(number: str) -> int:
    return int(number) if number.isdigit() else _NUMBER_WORDS[number.lower()]


def _month_text(year: int, month: int) -> str:
    return f"{MONTHS[month]} {year}"


def _add_months(year: int, month: int, count: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + count
    return index // 12, index % 12 + 1


@_pattern(rf"(?:(?P<prep>(?i:on|last|this|next))\s+)?(?P<wd>(?i:{'|'.join(_WEEKDAYS)}))\b{_TIME_OF_DAY}")
def _weekday(match: re.Match[str], published: datetime.date, text: str) -> Resolution:
    weekday = _WEEKDAYS.index(match["wd"].lower())
    name = match["wd"].capitalize()
    prep = (match["prep"] or "on").lower()
    back = (published.weekday() - weekday) % 7
    if prep == "next":
        ahead = (weekday - published.weekday()) % 7 or 7
        day, how = published + datetime.timedelta(days=ahead), f"the {name} after publication"
    elif prep == "this":
        day = published + datetime.timedelta(days=weekday - published.weekday())
        how = f"the {name} of the publication week"
    elif prep == "last":
        day, how = published - datetime.timedelta(days=back or 7), f"the {name} before publication"
    elif back == 0:
        day, how = published, "the publication day"
    else:
        day, how = published - datetime.timedelta(days=back), f"the {name} before publication"
    return Resolution(day.isoformat(), f"'{text}': {how} ({_pub(published)})")


_DAY_WORDS = {  # word: (days after publication, how)
    "today": (0, "the publication day"),
    "tonight": (0, "the publication day"),
    "this": (0, "the publication day"),
    "yesterday": (-1, "the day before publication"),
    "last night": (-1, "the night before publication"),
    "the day before yesterday": (-2, "two days before publication"),
    "tomorrow": (1, "the day after publication"),
}


@_pattern(
    r"(?P<word>(?i:the day before yesterday|today|tonight|yesterday|last night|tomorrow"
    r"|this(?=\s+(?i:morning|afternoon|evening))))\b" + _TIME_OF_DAY
)
def _day_word(match: re.Match[str], published: datetime.date, text: str) -> Resolution:
    offset, how = _DAY_WORDS[match["word"].lower()]
    day = published + datetime.timedelta(days=offset)
    return Resolution(day.isoformat(), f"'{text}': {how} ({_pub(published)})")


@_pattern(r"(?P<rel>(?i:last|this|next))\s+(?P<unit>(?i:week|month|year))\b")
def _calendar_unit(match: re.Match[str], published: datetime.date, text: str) -> Resolution:
    step = {"last": -1, "this": 0, "next": 1}[match["rel"].lower()]
    unit = match["unit"].lower()
    how = ("the {} before publication", "the publication {}", "the {} after publication")
    if unit == "week":
        monday = published - datetime.timedelta(days=published.weekday() - 7 * step)
        edtf = f"{monday.isoformat()}/{(monday + datetime.timedelta(days=6)).isoformat()}"
        unit = "week (Monday–Sunday)" if step else unit
    elif unit == "month":
        edtf = "{:04d}-{:02d}".format(*_add_months(published.year, published.month, step))
    else:
        edtf = f"{published.year + step:04d}"
    return Resolution(edtf, f"'{text}': {how[step + 1].format(unit)} ({_pub(published)})")


def _day_month(match: re.Match[str], published: datetime.date, text: str) -> Resolution | None:
    month, day = _month(match["mon"]), int(match["day"])
    years = [int(match["year"])] if match["year"] else [published.year + s for s in (-1, 0, 1)]
    candidates = []
    for year in years:
        try:
            candidates.append(datetime.date(year, month, day))
        except ValueError:
            continue  # "Feb. 30", or a 29 Feb in a year without one
    if not match["year"]:
        candidates = [when for when in candidates if when <= published + _LOOKAHEAD]
    if not candidates:
        return None
    if match["year"]:
        return Resolution(candidates[0].isoformat(), f"'{text}': as written")
    how = "the latest such day not more than two weeks after publication"
    return Resolution(max(candidates).isoformat(), f"'{text}': {how} ({_pub(published)})")


_DAY = r"(?P<day>[0-9]{1,2})(?:st|nd|rd|th)?\b"
_pattern(rf"(?:(?i:on)\s+)?{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?")(_day_month)
_pattern(rf"(?:(?i:on)\s+)?(?:the\s+)?{_DAY}(?:\s+of)?\s+{_MONTH}(?:,?\s+{_YEAR})?")(_day_month)


def _with_preposition(prep: str | None, edtf: str) -> tuple[str, str]:
    """`since` opens the range forwards, `until`/`by` backwards; anything else is the date."""
    word = (prep or "").lower()
    if word == "since":
        return f"{edtf}/..", "ongoing since then"
    if word in ("until", "by"):
        return f"../{edtf}", "at the latest then"
    return edtf, "as written"


_PREPOSITION = r"(?:(?P<prep>(?i:in|during|since|until|by))\s+)?"


@_pattern(_PREPOSITION + _MONTH + r",?\s+" + _YEAR)
def _month_year(match: re.Match[str], published: datetime.date, text: str) -> Resolution:
    month = _month(match["mon"])
    edtf, how = _with_preposition(match["prep"], f"{match['year']}-{month:02d}")
    return Resolution(edtf, f"'{text}': {how}")


@_pattern(r"(?P<prep>(?i:in|during))\s+" + _MONTH + r"(?!\s*[0-9])")
def _month_only(match: re.Match[str], published: datetime.date, text: str) -> Resolution:
    month = _month(match["mon"])
    year = published.year
    if datetime.date(year, month, 1) > published + _LOOKAHEAD:
        year -= 1
    how = f"the latest {MONTHS[month]} starting at most two weeks after publication"
    return Resolution(f"{year:04d}-{month:02d}", f"'{text}': {how} ({_pub(published)})")


@_pattern(_PREPOSITION + r"(?:the\s+(?:year\s+)?)?" + _YEAR)
def _year(match: re.Match[str], published: datetime.date, text: str) -> Resolution:
    edtf, how = _with_preposition(match["prep"], match["year"])
    return Resolution(edtf, f"'{text}': {how}")


@_pattern(_PREPOSITION + r"the\s+(?P<decade>(?:1[0-9]|20)[0-9]0)s\b")
def _decade(match: re.Match[str], published: datetime.date, text: str) -> Resolution:
    edtf, how = _with_preposition(match["prep"], match["decade"][:3] + "X")
    return Resolution(edtf, f"'{text}': {how}")


@_pattern(r"(?i:from|between)\s+(?P<a>(?:1[0-9]|20)[0-9]{2})\s+(?i:to|and|until)\s+" + _YEAR)
def _year_range(match: re.Match[str], published: datetime.date, text: str) -> Resolution | None:
    if int(match["year"]) < int(match["a"]):
        return None
    return Resolution(f"{match['a']}/{match['year']}", f"'{text}': the years as written")


@_pattern(rf"(?i:since)\s+(?:[A-Za-z'’-]+\s+){{1,5}}?(?i:in)\s+(?:{_MONTH}\s+)?{_YEAR}")
def _since_clause(match: re.Match[str], published: datetime.date, text: str) -> Resolution:
    edtf = match["year"]
    if match["mon"]:
        edtf += f"-{_month(match['mon']):02d}"
    return Resolution(f"{edtf}/..", f"'{text}': ongoing since {edtf}, an open-ended range")


@_pattern(
    rf"(?i:until|till|by|before)\s+the\s+end\s+of\s+(?:{_MONTH}(?:\s+{_YEAR})?"
    r"|(?P<rel>(?i:the|this|next))\s+(?P<unit>(?i:month|year))\b)"
)
def _deadline(match: re.Match[str], published: datetime.date, text: str) -> Resolution:
    if match["unit"] and match["unit"].lower() == "year":
        year = published.year + (match["rel"].lower() == "next")
        return Resolution(f"../{year}", f"'{text}': a deadline, the end of {year} ({_pub(published)})")
    if match["unit"]:
        year, month = _add_months(published.year, published.month, match["rel"].lower() == "next")
    elif match["year"]:
        year, month = int(match["year"]), _month(match["mon"])
    else:
        # The occurrence of that month whose end lies nearest to publication.
        month = _month(match["mon"])
        year = min(
            (published.year - 1, published.year, published.year + 1),
            key=lambda y: abs((_month_end(y, month) - published).days),
        )
    end = _month_end(year, month)
    return Resolution(
        f"../{end.isoformat()}",
        f"'{text}': a deadline, the end of {_month_text(year, month)} ({_pub(published)})",
    )


def _month_end(year: int, month: int) -> datetime.date:
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


# "in five years" looks ahead, so it is not counted back.
@_pattern(
    r"(?<![Ii]n\s)(?:(?P<prep>(?i:after|for|over))\s+)?"
    r"(?P<hedge>(?i:more\s+than|nearly|almost|about|some)\s+)?"
    rf"{_NUMBER}\s+(?P<unit>(?i:years?|months?))\b(?!-)"
    r"(?:\s+(?P<ago>(?i:ago))\b|\s+(?i:of)\s+[a-z]+\b)?"
)
def _duration(match: re.Match[str], published: datetime.date, text: str) -> Resolution | None:
    raw, count = match["n"].lower(), _count(match["n"])
    if count == 0:
        return None
    hedge = "~" if match["hedge"] else ""
    if match["unit"].lower().startswith("year"):
        edtf, unit = f"{published.year - count:04d}", "years"
    else:
        year, month = _add_months(published.year, published.month, -count)
        edtf, unit = f"{year:04d}-{month:02d}", "months"
    how = f"{raw} {unit if count > 1 else unit[:-1]} before publication ({_pub(published)})"
    return Resolution(edtf + hedge, f"'{text}': {how}, so {edtf}")


@_pattern(_NUMBER + r"\s+(?P<unit>(?i:days?|weeks?))\s+(?i:ago)\b")
def _days_ago(match: re.Match[str], published: datetime.date, text: str) -> Resolution:
    days = _count(match["n"]) * (7 if match["unit"].lower().startswith("week") else 1)
    day = published - datetime.timedelta(days=days)
    how = f"counted back from publication ({_pub(published)})"
    return Resolution(day.isoformat(), f"'{text}': {how}")
