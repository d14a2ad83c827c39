"""Reading typed fields out of a YAML mapping: every rule, each problem at its own line, reading goes on.

The mappings are parsed from real YAML text (``parse_yaml``), so the lines are the ones a file would give.
"""

from __future__ import annotations

import pytest

from builder.diagnostics import Diagnostics, Origin
from builder.load.fields import MAX_ID_LENGTH, Fields, slug_problem, slugify, url_problem
from builder.load.yaml_nodes import Located, parse_yaml
from builder.model.common import Ref
from builder.model.dates import HonestDate


def read(text: str, allowed: set[str] | None = None) -> tuple[Fields, Diagnostics]:
    diagnostics = Diagnostics()
    data = parse_yaml(text, "f.yml", 0, diagnostics)
    assert isinstance(data, Located), diagnostics.items
    return Fields(data, diagnostics, "thing 'x'", allowed if allowed is not None else set(data)), diagnostics


def messages(diagnostics: Diagnostics) -> list[str]:
    """In the order reported."""
    return [d.format() for d in diagnostics.items]


# ids


@pytest.mark.parametrize("value", ["a", "bashar-al-assad", "x1-2y", "2020", "a" * MAX_ID_LENGTH])
def test_slugs_that_are_ids(value: str) -> None:
    assert slug_problem(value) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Assad", "'Assad' is not a valid id"),
        ("a--b", "'a--b' is not a valid id"),
        ("-a", "'-a' is not a valid id"),
        ("a-", "'a-' is not a valid id"),
        ("a_b", "'a_b' is not a valid id"),
        ("erdoğan", "'erdoğan' is not a valid id"),
        ("", "'' is not a valid id"),
        ("a\n", "'a\\n' is not a valid id"),  # fullmatch: a final newline is no part of an id
        ("../etc", "'../etc' is not a valid id"),
        ("index", "'index' is reserved and cannot be used as an id"),
        ("a" * (MAX_ID_LENGTH + 1), f"is {MAX_ID_LENGTH + 1} characters long"),
    ],
)
def test_slugs_that_are_not_ids(value: str, expected: str) -> None:
    problem = slug_problem(value)
    assert problem is not None and expected in problem
    assert "\n" not in problem, "a diagnostic stays on one line"


def test_a_long_bad_id_is_shown_shortened() -> None:
    problem = slug_problem("X" * 500)
    assert problem is not None and "X" * 60 + "…" in problem and "X" * 61 not in problem


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Recep Tayyip Erdoğan", "recep-tayyip-erdogan"),
        ("  U.S. -- forces!! ", "u-s-forces"),
        ("Ünïcödé", "unicode"),
        ("", ""),
    ],
)
def test_slugify_makes_ids(text: str, expected: str) -> None:
    assert slugify(text) == expected
    assert expected == "" or slug_problem(expected) is None


def test_slugify_cuts_at_a_word_boundary() -> None:
    slug = slugify("word " * 30, limit=22)
    assert slug == "word-word-word-word"
    assert slug_problem(slug) is None


# web addresses


@pytest.mark.parametrize("value", ["https://example.org", "http://example.org/a?b=c#d", "HTTPS://Example.org/x",
                                   "https://example.org/ünï", "https://[::1]:8000/"])
def test_web_addresses(value: str) -> None:
    assert url_problem(value) is None


@pytest.mark.parametrize("value", ["javascript:alert(1)", "data:text/html,<b>", "ftp://example.org", "//example.org",
                                   "/relative", "example.org", "https://", "https:///path", "https://exa mple.org",
                                   "java\tscript:alert(1)", " https://example.org", "https://example.org/\x00",
                                   "https://example.org/a\u2028b", "https:\\\\example.org", "mailto:a@b.c"])
def test_anything_else_is_refused(value: str) -> None:
    problem = url_problem(value)
    assert problem is not None and "only http:// and https://" in problem


def test_url_field_reports_and_drops_a_bad_address() -> None:
    fields, diagnostics = read("title: t\nurl: 'javascript:alert(1)'\narchive_url: https://web.archive.org/x\n")
    assert fields.url("url") == ""
    assert fields.url("archive_url") == "https://web.archive.org/x"
    assert fields.url("missing") == ""
    assert messages(diagnostics) == ["f.yml:2: url: 'javascript:alert(1)' is not a web address: only http:// and "
                                     "https:// addresses are allowed (a link to anything else could run code)"]


# unknown fields


def test_unknown_field_with_a_hint_at_its_line() -> None:
    _, diagnostics = read("name: a\n\nalises: [b]\nzzz: 1\n", {"name", "aliases"})
    assert messages(diagnostics) == ["f.yml:3: unknown field 'alises' in thing 'x' (did you mean 'aliases'?)",
                                     "f.yml:4: unknown field 'zzz' in thing 'x'"]


# text


def test_text_strips_and_stringifies() -> None:
    fields, diagnostics = read("a: '  padded  '\nb: 12\nc: 2020-02-12\nd: 1.5\n")
    assert [fields.text(k) for k in "abcd"] == ["padded", "12", "2020-02-12", "1.5"]
    assert not diagnostics.items


def test_text_keeps_numbers_as_written() -> None:
    fields, diagnostics = read("a: 12:30\nb: 0700\nc: 0x1F\nd: 1.50\n")
    assert [fields.text(k) for k in "abcd"] == ["12:30", "0700", "0x1F", "1.50"]
    assert not diagnostics.items


@pytest.mark.parametrize(
    ("yaml", "expected"),
    [
        ("t: yes\n", "f.yml:1: 't' must be text, not 'true'"),
        ("t: {a: 1}\n", "f.yml:1: 't' must be text, not a mapping"),
        ("t: [a]\n", "f.yml:1: 't' must be text, not a list"),
    ],
)
def test_text_of_the_wrong_type(yaml: str, expected: str) -> None:
    fields, diagnostics = read(yaml)
    assert fields.text("t", default="d") == "d"
    assert messages(diagnostics) == [expected]


def test_required_text_missing_empty_or_null() -> None:
    fields, diagnostics = read("\nempty: '  '\nnull_value:\n")
    assert fields.text("absent", required=True) == ""
    assert fields.text("empty", required=True) == ""
    assert fields.text("null_value", required=True, default="d") == "d"
    assert messages(diagnostics) == [
        "f.yml:2: missing required field 'absent' in thing 'x'",  # at the mapping, which starts on line 2
        "f.yml:2: 'empty' must not be empty",
        "f.yml:3: 'null_value' has no value in thing 'x'",
    ]


# slug, choice, number


def test_slug_field() -> None:
    fields, diagnostics = read("good: a-b\nbad: A B\n")
    assert fields.slug("good") == "a-b"
    assert fields.slug("bad") == ""
    assert fields.slug("absent") == ""
    assert messages(diagnostics) == ["f.yml:2: bad: 'A B' is not a valid id: use lowercase letters, digits and "
                                     "single hyphens (e.g. 'bashar-al-assad')"]


def test_choice_with_a_hint_and_the_default() -> None:
    fields, diagnostics = read("kind: persn\nother: state\n")
    choices = ("person", "state", "other")
    assert fields.choice("kind", choices, default="other") == "other"
    assert fields.choice("other", choices) == "state"
    assert fields.choice("absent", choices, default="person") == "person"
    assert messages(diagnostics) == ["f.yml:1: 'kind' is 'persn'; expected one of: person, state, other "
                                     "(did you mean 'person'?)"]


def test_number_field_reads_leading_zeros_as_decimal() -> None:
    fields, diagnostics = read("a: 035\nb: 0x1F\nc: 1_000\nd: .inf\n")
    assert [fields.number(k) for k in "abcd"] == [35.0, 31.0, 1000.0, float("inf")]
    assert not diagnostics.items


def test_number_field() -> None:
    fields, diagnostics = read("i: 3\nf: -2.5\nb: true\ns: north\nn:\n")
    assert fields.number("i") == 3.0 and isinstance(fields.number("i"), float)
    assert fields.number("f") == -2.5
    assert fields.number("b") is None
    assert fields.number("s") is None
    assert fields.number("n", required=True) is None
    assert fields.number("absent") is None
    assert messages(diagnostics) == ["f.yml:3: 'b' must be a number, not 'true'",
                                     "f.yml:4: 's' must be a number, not 'north'",
                                     "f.yml:5: 'n' has no value in thing 'x'"]


# dates


@pytest.mark.parametrize("value", ["2020-02-12", "2020-02", "2020", "2020-02-12/2020-02-14", "2020-02-12?",
                                   "2020-02-XX", "202X"])
def test_dates_stay_as_written_and_parse(value: str) -> None:
    fields, diagnostics = read(f"date: {value}\n")
    date = fields.date("date")
    assert isinstance(date, HonestDate)
    assert not diagnostics.items


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2020-13-01", "f.yml:1: date: invalid EDTF date '2020-13-01'"),
        ("12 Feb 2020", "f.yml:1: date: invalid EDTF date"),
        ("2020-02-14/2020-02-12", "f.yml:1: date: date range ends (12 Feb 2020) before it starts (14 Feb 2020)"),
        ("'２０２０'", "f.yml:1: date: invalid EDTF date '２０２０': only ASCII digits and signs can be used"),
    ],
)
def test_bad_dates_are_reported_at_their_line(value: str, expected: str) -> None:
    fields, diagnostics = read(f"date: {value}\n")
    assert fields.date("date") is None
    assert len(diagnostics.items) == 1 and messages(diagnostics)[0].startswith(expected)


def test_required_date_missing() -> None:
    fields, diagnostics = read("title: t\n")
    assert fields.date("date", required=True) is None
    assert messages(diagnostics) == ["f.yml:1: missing required field 'date' in thing 'x'"]


def test_two_dates_in_order() -> None:
    fields, _ = read("a: 2019\nb: 2020-01-05\n")
    a, b = fields.date("a"), fields.date("b")
    assert a is not None and b is not None and a.sort_key() < b.sort_key()


# lists


def test_items_single_value_counts_as_a_list_of_one() -> None:
    fields, diagnostics = read("one: a\nmany:\n  - b\n  - c\nmap: {k: v}\n")
    assert fields.items("one") == [("a", Origin("f.yml", 1))]
    assert fields.items("many") == [("b", Origin("f.yml", 3)), ("c", Origin("f.yml", 4))]
    assert fields.items("absent") == []
    assert fields.items("map") == []
    assert messages(diagnostics) == ["f.yml:5: 'map' must be a list, not a mapping"]


def test_texts_refuse_booleans_and_nested_values_item_by_item() -> None:
    fields, diagnostics = read("aliases:\n  - Assad\n  - no\n  - [x]\n  -\n  - 7\n")
    assert fields.texts("aliases") == ["Assad", "7"]
    assert messages(diagnostics) == ["f.yml:3: each item of 'aliases' must be text, not 'false'",
                                     "f.yml:4: each item of 'aliases' must be text, not a list",
                                     "f.yml:5: each item of 'aliases' must be text, not nothing"]


def test_slugs_and_refs_keep_each_items_line() -> None:
    fields, diagnostics = read("places:\n  - idlib\n  - Bad Id\n  - {a: b}\n  - aleppo\n")
    refs = fields.refs("places", "place")
    assert refs == [Ref("place", "idlib", Origin("f.yml", 2)), Ref("place", "aleppo", Origin("f.yml", 5))]
    assert messages(diagnostics) == [
        "f.yml:3: places: 'Bad Id' is not a valid id: use lowercase letters, digits and single hyphens "
        "(e.g. 'bashar-al-assad')",
        "f.yml:4: each item of 'places' must be an id, not a mapping",
    ]


def test_refs_keep_a_repeated_id_once_with_a_warning() -> None:
    fields, diagnostics = read("places:\n  - idlib\n  - aleppo\n  - idlib\nsources: [a, a, 0700, '0700']\n")
    assert [ref.id for ref in fields.refs("places", "place")] == ["idlib", "aleppo"]
    assert [ref.id for ref in fields.refs("sources", "article")] == ["a", "0700"]
    assert messages(diagnostics) == [
        "f.yml:4: warning: 'idlib' is listed twice in 'places' (first at line 2): remove one",
        "f.yml:5: warning: 'a' is listed twice in 'sources': remove one",
        "f.yml:5: warning: '0700' is listed twice in 'sources': remove one",
    ]


def test_flow_list_items_share_their_line() -> None:
    fields, _ = read("\ntags: [a, b]\n")
    assert [origin.line for _, origin in fields.items("tags")] == [2, 2]


def test_ref() -> None:
    fields, diagnostics = read("within: syria\nbad: Syria\n")
    assert fields.ref("within", "place") == Ref("place", "syria", Origin("f.yml", 1))
    assert fields.ref("bad", "place") is None
    assert fields.ref("absent", "place") is None
    assert fields.ref("absent", "place", required=True) is None
    assert [d.line for d in diagnostics.items] == [2, 1]


# mappings


def test_mappings_with_a_shorthand() -> None:
    fields, diagnostics = read("actors:\n  - erdogan\n  - {actor: putin, role: speaker}\n  - 3\n")
    items = fields.mappings("actors", shorthand="actor")
    assert [dict(item) for item in items] == [{"actor": "erdogan"}, {"actor": "putin", "role": "speaker"}]
    assert items[0].origin_of("actor") == Origin("f.yml", 2)
    assert items[1].origin_of("role") == Origin("f.yml", 3)
    assert messages(diagnostics) == ["f.yml:4: each item of 'actors' must be a mapping, not '3'"]


def test_mappings_without_a_shorthand_refuse_bare_values() -> None:
    fields, diagnostics = read("quotes:\n  - just text\n")
    assert fields.mappings("quotes") == []
    assert messages(diagnostics) == ["f.yml:2: each item of 'quotes' must be a mapping, not 'just text'"]


def test_mapping() -> None:
    fields, diagnostics = read("coordinates: {lat: 1, lon: 2}\nflat: 1, 2\n")
    mapping = fields.mapping("coordinates")
    assert mapping is not None and dict(mapping) == {"lat": 1, "lon": 2}
    assert fields.mapping("flat") is None
    assert fields.mapping("absent") is None
    assert messages(diagnostics) == ["f.yml:2: 'flat' must be a mapping, not '1, 2'"]


# prose


def test_prose_from_the_field() -> None:
    fields, _ = read("title: t\nnote: '*Markdown* note'\n")
    note = fields.prose("note", "ignored body", 9)
    assert note == "*Markdown* note"
    assert (note.origin, note.field, note.exact) == (Origin("f.yml", 2), "note", False)


def test_prose_from_the_body_starts_at_its_first_written_line() -> None:
    fields, _ = read("title: t\n")
    body = "\n\n  First line\nsecond line\n\n"
    prose = fields.prose("description", body, 5)
    assert prose == "First line\nsecond line"
    assert (prose.origin, prose.exact) == (Origin("f.yml", 7), True)


def test_prose_empty() -> None:
    fields, _ = read("title: t\n")
    assert fields.prose("description") == ""
