"""JSON Schema fragments, one per way :class:`builder.load.fields.Fields` reads a value.

Each fragment accepts exactly what the matching ``Fields`` method accepts, so that an editor
validating with the schema and ``python -m builder check`` agree: text may be a number (YAML reads
``title: 1984`` as one), a list field may be a single value, an optional field may be left empty.
The fragments use only keywords that draft-07 and draft 2020-12 define alike, and no ``$ref``,
because editors' YAML extensions implement draft-07 and some ignore a ``$ref``'s sibling keywords.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from builder.load.fields import LANGUAGE_TAG, MAX_ID_LENGTH, RESERVED_IDS, SLUG, WEB_URL

JsonSchema = dict[str, Any]

EDTF_URL = "https://www.loc.gov/standards/datetime/"
# Only the characters EDTF uses: it catches "12 Feb 2020" or "last week" as you type; whether the date
# is a real one (2020-02-30 is not) only `check` can tell.
EDTF_CHARACTERS = r"^\s*[0-9XYESTZ~?%/.:+,\[\]{}-]+\s*$"
# `patternErrorMessage` is the VS Code YAML extension's message for a failed pattern; other tools ignore it.
SLUG_MESSAGE = "Not a valid id: use lowercase letters, digits and single hyphens (e.g. bashar-al-assad)."
EDTF_MESSAGE = ("Not an EDTF date: write e.g. 2020-02-12, 2020-02, 2011~, 2011/.., ../2020-02-29 "
                "or 2020-02-10/2020-02-12.")
URL_MESSAGE = "Not a web address: only http:// and https:// addresses are allowed (no spaces)."
CROSS_FILE = "That it names an existing {kind} is checked by `python -m builder check`, not by this schema."

_TEXT_TYPES = ["string", "number"]


@dataclass(frozen=True)
class Field:
    """One field: its schema and whether `check` requires it."""

    schema: JsonSchema
    required: bool = False


def _described(schema: JsonSchema, description: str, examples: Iterable[Any]) -> JsonSchema:
    described = {"description": description, **schema}
    if examples := list(examples):
        described["examples"] = examples
    return described


def _optional(schema: JsonSchema, required: bool, *, blank: bool = False) -> JsonSchema:
    """`check` reads an empty optional field (``key:``) as absent, and with ``blank`` also one of only
    spaces (``key: ""``), as it does for every field read as text; a required one must have a value."""
    if required:
        return schema
    absent: list[JsonSchema] = [{"type": "null"}]
    if blank:
        absent.append({"type": "string", "pattern": r"^\s*$"})
    return {"anyOf": [schema, *absent]}


def _slug_value(*, numbers: bool = True) -> JsonSchema:
    word = {"type": "string", "pattern": SLUG.pattern, "patternErrorMessage": SLUG_MESSAGE,
            "maxLength": MAX_ID_LENGTH, "not": {"enum": sorted(RESERVED_IDS)}}
    if not numbers:  # a bare id standing for a mapping must be written as text
        return word
    return {"anyOf": [word, {"type": "integer", "minimum": 0}]}


def _one_or_list(item: JsonSchema) -> JsonSchema:
    return {"anyOf": [item, {"type": "array", "items": item}, {"type": "null"}]}


def text(description: str, *, required: bool = False, examples: Iterable[Any] = ()) -> Field:
    schema: JsonSchema = {"type": _TEXT_TYPES}
    if required:
        schema["pattern"] = r"\S"  # blank text counts as missing
    return Field(_described(_optional(schema, required), description, examples), required)


def slug(description: str, *, required: bool = False, blank: bool = True, examples: Iterable[Any] = ()) -> Field:
    """An id; ``blank=False`` where `check` reads the value as an id even when it is blank (a list item's id)."""
    return Field(_described(_optional(_slug_value(), required, blank=blank), description, examples), required)


def ref(kind: str, description: str, *, required: bool = False, examples: Iterable[Any] = ()) -> Field:
    return slug(f"{description} {CROSS_FILE.format(kind=kind)}", required=required, examples=examples)


def choice(values: Iterable[str], description: str, *, required: bool = False) -> Field:
    return Field(_described(_optional({"enum": list(values)}, required, blank=True), description, ()), required)


def date(description: str, *, required: bool = False, examples: Iterable[str] = ()) -> Field:
    value = {"anyOf": [
        {"type": "string", "pattern": EDTF_CHARACTERS, "patternErrorMessage": EDTF_MESSAGE},
        {"type": "integer", "minimum": 1000, "maximum": 9999},  # YAML reads `date: 2011` as a number
    ]}
    full = f"{description} An EDTF date ({EDTF_URL}): 2020-02-12, 2020-02, 2011~ (about), 2011? (uncertain), " \
           "2018-09/2018-10 (range), 2011/.. (since), ../2020-02-29 (by), 201X (decade)."
    return Field(_described(_optional(value, required, blank=True), full, examples), required)


def url(description: str, *, required: bool = False, examples: Iterable[str] = ()) -> Field:
    """A web address, http(s) only: `check` reads it with ``Fields.url`` and the same pattern."""
    value = {"type": "string", "pattern": WEB_URL.pattern, "patternErrorMessage": URL_MESSAGE}
    full = f"{description} An http:// or https:// address; anything else (javascript:, data:, a relative path) " \
           "is an error."
    return Field(_described(_optional(value, required, blank=True), full, examples), required)


def count(description: str, *, examples: Iterable[int] = ()) -> Field:
    """A whole number, 0 or more (YAML's ``3.0`` is one too, for `check` and for JSON Schema alike)."""
    return Field(_described(_optional({"type": "integer", "minimum": 0}, False), description, examples))


def language(description: str, *, examples: Iterable[str] = ()) -> Field:
    """A BCP 47 tag: `check` reads it with ``Fields.language`` and the same pattern."""
    value = {"type": "string", "pattern": LANGUAGE_TAG.pattern,
             "patternErrorMessage": "Not a BCP 47 language tag such as en, ar, fr-CA or zh-Hant."}
    return Field(_described(_optional(value, False, blank=True), description, examples))


def number(description: str, *, required: bool = False, low: float, high: float,
           examples: Iterable[float] = ()) -> Field:
    schema = {"type": "number", "minimum": low, "maximum": high}
    return Field(_described(_optional(schema, required), description, examples), required)


def texts(description: str, *, examples: Iterable[Any] = ()) -> Field:
    return Field(_described(_one_or_list({"type": _TEXT_TYPES}), description, examples))


def slugs(description: str, *, examples: Iterable[Any] = ()) -> Field:
    return Field(_described(_one_or_list(_slug_value()), description, examples))


def refs(kind: str, description: str, *, examples: Iterable[Any] = ()) -> Field:
    return slugs(f"{description} {CROSS_FILE.format(kind=kind)}", examples=examples)


def mapping(fields: Mapping[str, Field], description: str, *, examples: Iterable[Any] = ()) -> Field:
    return Field(_described(_optional(object_schema(fields), False), description, examples))


def mappings(fields: Mapping[str, Field], description: str, *, shorthand: str | None = None,
             examples: Iterable[Any] = ()) -> Field:
    """A list of mappings; with ``shorthand``, a bare id (or a single one) stands for ``{shorthand: id}``."""
    item = object_schema(fields)
    if shorthand is None:
        schema: JsonSchema = {"anyOf": [{"type": "array", "items": item}, {"type": "null"}]}
    else:
        bare = _slug_value(numbers=False)
        schema = {"anyOf": [bare, {"type": "array", "items": {"anyOf": [item, bare]}}, {"type": "null"}]}
    return Field(_described(schema, description, examples))


def object_schema(fields: Mapping[str, Field]) -> JsonSchema:
    """A mapping with exactly these fields; any other key is a typo, as in `check`."""
    schema: JsonSchema = {
        "type": "object",
        "properties": {name: field.schema for name, field in fields.items()},
        "additionalProperties": False,
    }
    if required := [name for name, field in fields.items() if field.required]:
        schema["required"] = required
    return schema


def cites_a_source(*keys: str) -> JsonSchema:
    """At least one of ``keys`` holds something: an empty list or an empty value cites nothing."""
    return {"anyOf": [
        {"required": [key], "properties": {key: {"not": {"type": "null"}, "minItems": 1}}} for key in keys
    ]}
