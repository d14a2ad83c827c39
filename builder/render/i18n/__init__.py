"""The words the plugin writes, in the site's interface language (Material's ``theme.language``).

Every user-visible string of the generated pages, the theme overrides, the filter script and the
preview's problems page is a key of ONE table: a YAML file per language beside this module
(``en.yml``, ``fr.yml``), each mapping the English text to that language's. A key is the English
text with ``{name}`` placeholders; an entry whose value is a mapping has plural forms (``one``,
``other``), chosen by the count passed as ``n``. A key missing from the table is an error, not a
fallback: a forgotten string fails the build instead of slipping through in English.

Templates receive a ``Words`` as ``t`` (Markup: the table's text is trusted, each value is made
inert like any other printed value, see builder/render/plain_text.py) and ``tp`` (plain text, for
values that are escaped later, such as front matter). Python code that makes words for a page
(figures, facets, page titles) asks ``words()``: the language of the render in progress, set by
``speaking`` around planning and around each page (pages render lazily, in other threads too).
"""

from __future__ import annotations

import dataclasses
import functools
import json
import string
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from importlib import resources
from typing import Any

import yaml
from markupsafe import Markup

from builder.model.dates import DateWords, wording
from builder.render.plain_text import inert

DEFAULT = "en"
LANGUAGES = ("en", "fr")

Entry = str | dict[str, str]
_FORMATTER = string.Formatter()


@functools.cache
def table(language: str) -> dict[str, Entry]:
    """One language's entries, by English key."""
    text = resources.files(__package__).joinpath(f"{language}.yml").read_text(encoding="utf-8")
    loaded: dict[str, Entry] = yaml.safe_load(text) or {}
    return loaded


def plural_form(language: str, n: int) -> str:
    """CLDR's cardinal categories for the languages shipped: French counts 0 and 1 as one."""
    if language == "fr":
        return "one" if n in (0, 1) else "other"
    return "one" if n == 1 else "other"


def supported(code: str) -> str | None:
    """The table for a ``theme.language`` code (``fr``, ``fr-CA``, ``en_GB``), or None."""
    code = code.strip().replace("_", "-").lower()
    for candidate in (code, code.split("-")[0]):
        if candidate in LANGUAGES:
            return candidate
    return None


@functools.cache
def _parts(template: str) -> tuple[tuple[str, str | None], ...]:
    return tuple((literal, field) for literal, field, _, _ in _FORMATTER.parse(template))


class Words:
    """One language's table, as the functions templates and figures call."""

    def __init__(self, language: str = DEFAULT) -> None:
        self.language = language
        self.entries = table(language)

    def pick(self, key: str, values: Mapping[str, Any]) -> str:
        entry = self.entries[key]  # KeyError: a string missing from the table
        if isinstance(entry, dict):
            return entry[plural_form(self.language, int(values["n"]))]
        return entry

    def text(self, key: str, /, **values: Any) -> str:
        """Plain text, values as they are."""
        template = self.pick(key, values)
        return template.format(**values) if values else template

    def markup(self, key: str, /, **values: Any) -> Markup:
        """HTML: the table's text as written, each value inert unless it is Markup already."""
        made = []
        for literal, field in _parts(self.pick(key, values)):
            made.append(literal)
            if field is not None:
                value = values[field]
                made.append(str(value) if hasattr(value, "__html__") else str(inert(str(value))))
        return Markup("".join(made))

    def term(self, value: str) -> Markup:
        """A word of a known vocabulary (a role, a precision) in the table's language; a value
        outside the table (an author's own word) as it is."""
        entry = self.entries.get(value)
        return Markup(entry) if isinstance(entry, str) else inert(value)

    def script(self, keys: tuple[str, ...]) -> str:
        """Entries a script formats itself (theme/assets/timeline-filters.js), by key, as JSON."""
        return json.dumps({key: self.entries[key] for key in keys}, ensure_ascii=False, sort_keys=True)


@functools.cache
def words_for(language: str) -> Words:
    return Words(language)


def _roman_ordinal(number: int) -> str:
    """French centuries: "XXIe siècle", "Ier siècle"."""
    numerals = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
                (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    roman = ""
    for value, letters in numerals:
        count, number = divmod(number, value)
        roman += letters * count
    return roman + ("er" if roman == "I" else "e")


# The month names of dates are their own entries: English writes them AP style ("Sept"), which the
# month pages and axis labels do not.
_DATE_MONTHS = tuple(f"date: {name}" for name in ("Jan", "Feb", "March", "April", "May", "June", "July", "Aug",
                                                  "Sept", "Oct", "Nov", "Dec"))
_DATE_PATTERNS = {
    "day": "{day} {month} {year}", "first_day": "date: first day", "month": "{month} {year}",
    "season": "{season} {year}", "decade": "{year}s", "decade_with_article": "the {year}s",
    "century": "{nth} century", "century_with_article": "the {nth} century", "approximate": "c. {date}",
    "uncertain": "{date} (uncertain)", "since": "since {date}", "since_day": "date: since a day",
    "from_end_unknown": "from {date} (end unknown)", "until_start_unknown": "until {date} (start unknown)",
    "by_end_of": "by the end of {date}", "by": "by {date}", "range": "{start} – {end}",
    "day_range": "{first}–{last} {month} {year}",
    "day_month_range": "{first} {first_month} – {last} {last_month} {year}", "month_range": "{first}–{last} {year}",
    "year_range": "{first}–{last}", "unknown": "date: unknown end", "open": "date: open end",
}
_SEASONS = {21: "Spring", 22: "Summer", 23: "Autumn", 24: "Winter"}
_ORDINALS = {"fr": _roman_ordinal}


@functools.cache
def date_words(language: str) -> DateWords:
    """How dates read in ``language``, from its table."""
    words = words_for(language)
    patterns: dict[str, Any] = {name: words.text(key) for name, key in _DATE_PATTERNS.items()}
    made = dataclasses.replace(DateWords(months=("", *(words.text(key) for key in _DATE_MONTHS)),
                                         seasons={code: words.text(name) for code, name in _SEASONS.items()}),
                               **patterns)
    return dataclasses.replace(made, ordinal=_ORDINALS[language]) if language in _ORDINALS else made


_CURRENT: ContextVar[Words] = ContextVar("words")


def words() -> Words:
    """The language of the render in progress (English outside any)."""
    return _CURRENT.get(words_for(DEFAULT))


@contextmanager
def speaking(language: str) -> Iterator[Words]:
    """Words and dates in ``language`` within the block."""
    token = _CURRENT.set(words_for(language))
    try:
        with wording(date_words(language)):
            yield _CURRENT.get()
    finally:
        _CURRENT.reset(token)


def tr(key: str, /, **values: Any) -> str:
    """``key`` in the language of the render in progress, as plain text."""
    return words().text(key, **values)
