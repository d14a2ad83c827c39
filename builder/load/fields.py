"""Typed reading of one YAML mapping, reporting every problem with its line.

Each entity module declares the fields it accepts and reads them through :class:`Fields`; a field
that is missing, of the wrong type or not declared at all (usually a typo) becomes a diagnostic and
reading goes on, so one run reports everything.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from builder.diagnostics import Diagnostics, Origin, did_you_mean
from builder.load.yaml_nodes import Located, LocatedList
from builder.model.common import NativeName, Ref
from builder.model.dates import DateError, HonestDate, parse_date
from builder.model.prose import Prose

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# ids name output files; "index" would collide with the index page of its section
RESERVED_IDS = frozenset({"index"})
# Output paths are built from ids (actors/<id>/relations-2/index.html); 100 characters keeps every
# component far below the 255 bytes file systems allow, whatever is added to it.
MAX_ID_LENGTH = 100
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
# A browser runs a javascript: or data: link, and reads "java\tscript:" or " javascript:" as one, so a URL
# is http(s) with a host and no space or control character anywhere. Only \xHH and \uHHHH escapes, so
# that the JSON Schema's ECMAScript regex (builder/authoring/schema_fields.py) means exactly the same.
_URL_CHAR = r"[^\x00-\x20\x7f-\xa0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]"
WEB_URL = re.compile(r"^[Hh][Tt][Tt][Pp][Ss]?://(?:(?![/?#\\])" + _URL_CHAR + r")+(?:[/?#]" + _URL_CHAR + r"*)?$")
# BCP 47 well-formedness, simplified: language, optional script, region, variants, private use
# (en, ar, zh-Hant-TW, sr-Latn, de-CH-1996). Whether the subtags are registered is not checked.
LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z]{4})?(?:-(?:[A-Za-z]{2}|[0-9]{3}))?"
                          r"(?:-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*(?:-x(?:-[A-Za-z0-9]{1,8})+)?$")
NATIVE_FIELDS = {"native_name", "native_language", "romanisation"}


def url_problem(value: str) -> str | None:
    if WEB_URL.fullmatch(value):
        return None
    return (f"{value!r} is not a web address: only http:// and https:// addresses are allowed (a link to "
            "anything else could run code)")


def slug_problem(value: str) -> str | None:
    # fullmatch: with match, "$" lets a final newline through, into a file name
    if not SLUG.fullmatch(value):
        # repr: a line break or control character in the value must not break the diagnostic's line
        shown = repr(value if len(value) <= 60 else value[:60] + "…")
        return f"{shown} is not a valid id: use lowercase letters, digits and single hyphens (e.g. 'bashar-al-assad')"
    if value in RESERVED_IDS:
        return f"'{value}' is reserved and cannot be used as an id"
    if len(value) > MAX_ID_LENGTH:
        return (f"'{value[:40]}…' is {len(value)} characters long; ids name files and folders, so at most "
                f"{MAX_ID_LENGTH} are allowed")
    return None


def slugify(text: str, limit: int = 60) -> str:
    """An id in the project's rules (lowercase ASCII, single hyphens), cut at a word boundary."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = _NOT_SLUG.sub("-", ascii_text.lower()).strip("-")
    if len(slug) > limit:
        slug = slug[: limit + 1].rsplit("-", 1)[0]
    return slug


class Fields:
    def __init__(self, data: Located, diagnostics: Diagnostics, what: str, allowed: set[str]) -> None:
        self.data = data
        self.diagnostics = diagnostics
        self.what = what
        for key in data:
            if key not in allowed:
                hint = did_you_mean(key, allowed)
                diagnostics.error(data.origin_of(key), f"unknown field '{key}' in {what}{hint}")

    def origin(self, key: str) -> Origin:
        return self.data.origin_of(key)

    def _wrong(self, key: str, expected: str) -> None:
        value = self.data[key]
        self.diagnostics.error(self.origin(key), f"'{key}' must be {expected}, not {_describe(value)}")

    def _missing(self, key: str) -> None:
        if key in self.data:  # written with no value ("date:" or "date: null"): at its own line
            self.diagnostics.error(self.origin(key), f"'{key}' has no value in {self.what}")
        else:
            self.diagnostics.error(self.data.origin, f"missing required field '{key}' in {self.what}")

    def text(self, key: str, *, required: bool = False, default: str = "") -> str:
        value = self.data.as_written(key)  # "12:30" stays "12:30", not YAML 1.1's 750
        if value is None:
            if required:
                self._missing(key)
            return default
        if isinstance(value, (bool, Located, LocatedList)):
            self._wrong(key, "text")
            return default
        text = str(value).strip()
        if required and not text:
            self.diagnostics.error(self.origin(key), f"'{key}' must not be empty")
        return text

    def slug(self, key: str, *, required: bool = False) -> str:
        value = self.text(key, required=required)
        if value:
            problem = slug_problem(value)
            if problem:
                self.diagnostics.error(self.origin(key), f"{key}: {problem}")
                return ""
        return value

    def choice(self, key: str, choices: tuple[str, ...], *, required: bool = False, default: str = "") -> str:
        value = self.text(key, required=required, default=default)
        if value and value not in choices:
            hint = did_you_mean(value, choices)
            self.diagnostics.error(
                self.origin(key), f"'{key}' is '{value}'; expected one of: {', '.join(choices)}{hint}"
            )
            return default
        return value

    def number(self, key: str, *, required: bool = False) -> float | None:
        value = self.data.get(key)
        if value is None:
            if required:
                self._missing(key)
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self._wrong(key, "a number")
            return None
        try:  # a decimal number as a person reads it: YAML 1.1 takes "lat: 035" as octal 29
            return float(self.data.written.get(key, value))
        except ValueError:  # "0x1F", ".inf": as YAML reads them
            return float(value)

    def date(self, key: str, *, required: bool = False) -> HonestDate | None:
        value = self.text(key, required=required)
        if not value:
            return None
        try:
            return parse_date(value)
        except DateError as exc:
            self.diagnostics.error(self.origin(key), f"{key}: {exc}")
            return None

    def items(self, key: str, *, as_written: bool = False) -> list[tuple[Any, Origin]]:
        """The items of a list field with their lines (with ``as_written``, numbers as the text they
        were written as); a single value counts as a list of one."""
        value = self.data.as_written(key) if as_written else self.data.get(key)
        if value is None:
            return []
        if isinstance(value, LocatedList):
            return [(value.as_written(i) if as_written else item, value.origin_at(i)) for i, item in enumerate(value)]
        if isinstance(value, Located):
            self._wrong(key, "a list")
            return []
        return [(value, self.origin(key))]

    def texts(self, key: str) -> list[str]:
        result = []
        for item, origin in self.items(key, as_written=True):
            # YAML reads an unquoted yes/no/true/false as a boolean, never the word the author meant
            if isinstance(item, (bool, Located, LocatedList)) or item is None:
                self.diagnostics.error(origin, f"each item of '{key}' must be text, not {_describe(item)}")
            else:
                result.append(str(item).strip())
        return result

    def slugs(self, key: str) -> list[tuple[str, Origin]]:
        result = []
        for item, origin in self.items(key, as_written=True):
            if isinstance(item, (Located, LocatedList)) or item is None:
                self.diagnostics.error(origin, f"each item of '{key}' must be an id, not {_describe(item)}")
                continue
            problem = slug_problem(str(item))
            if problem:
                self.diagnostics.error(origin, f"{key}: {problem}")
            else:
                result.append((str(item), origin))
        return result

    def refs(self, key: str, kind: str) -> list[Ref]:
        """The ids of a list field, each once: a repeated one is a warning (it would be counted twice)."""
        refs: dict[str, Ref] = {}
        for value, origin in self.slugs(key):
            if value in refs:
                first = refs[value].origin.line
                where = f" (first at line {first})" if first != origin.line else ""
                self.diagnostics.warning(origin, f"'{value}' is listed twice in '{key}'{where}: remove one")
            else:
                refs[value] = Ref(kind, value, origin)
        return list(refs.values())

    def ref(self, key: str, kind: str, *, required: bool = False) -> Ref | None:
        value = self.slug(key, required=required)
        return Ref(kind, value, self.origin(key)) if value else None

    def mappings(self, key: str, *, shorthand: str | None = None) -> list[Located]:
        """A list of mappings; with ``shorthand``, a bare id stands for ``{shorthand: id}``."""
        result = []
        for item, origin in self.items(key):
            if isinstance(item, Located):
                result.append(item)
            elif shorthand and isinstance(item, str):
                mapping = Located(origin)
                mapping[shorthand] = item
                mapping.key_lines[shorthand] = origin.line
                result.append(mapping)
            else:
                self.diagnostics.error(origin, f"each item of '{key}' must be a mapping, not {_describe(item)}")
        return result

    def mapping(self, key: str) -> Located | None:
        value = self.data.get(key)
        if value is None:
            return None
        if not isinstance(value, Located):
            self._wrong(key, "a mapping")
            return None
        return value

    def language(self, key: str, *, default: str = "") -> str:
        value = self.text(key, default=default)
        if value and not LANGUAGE_TAG.fullmatch(value):
            self.diagnostics.error(self.origin(key), f"'{key}' is {value!r}, not a BCP 47 language tag such as "
                                                     "'en', 'ar', 'fr-CA' or 'zh-Hant'")
            return default
        return value

    def native_name(self) -> NativeName:
        """``native_name``, its ``native_language`` and its ``romanisation``, as actors and places write them."""
        return NativeName(self.text("native_name"), self.language("native_language"), self.text("romanisation"))

    def url(self, key: str) -> str:
        """A web address: http(s) only, anything else (``javascript:``, ``data:``, relative) is an error."""
        value = self.text(key)
        if value and (problem := url_problem(value)):
            self.diagnostics.error(self.origin(key), f"{key}: {problem}")
            return ""
        return value

    def prose(self, key: str, body: str = "", body_line: int = 0) -> Prose:
        """A Markdown field: the value of ``key``, else the file's body (which starts on ``body_line``)."""
        value = self.text(key)
        if value or not body:
            return Prose(value, self.origin(key), key)
        text = body.strip()
        line = body_line + body.count("\n", 0, len(body) - len(body.lstrip()))
        return Prose(text, Origin(self.data.origin.path, line), key, exact=True)


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, Located):
        return "a mapping"
    if isinstance(value, LocatedList):
        return "a list"
    if isinstance(value, bool):
        return f"'{str(value).lower()}'"
    return f"'{value}'"
