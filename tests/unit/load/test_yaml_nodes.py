"""YAML that remembers its lines, front matter split from the body, and files refused before they are parsed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

from builder.diagnostics import Diagnostics, Origin
from builder.load.yaml_nodes import (
    MAX_FILE_SIZE,
    SIZE_VARIABLE,
    Located,
    LocatedList,
    human_size,
    load_markdown,
    load_yaml_file,
    max_file_size,
    parse_yaml,
    read_text,
    size_setting_problem,
)


def messages(diagnostics: Diagnostics) -> list[str]:
    return [d.format() for d in diagnostics.items]


def write(tmp_path: Path, text: str | bytes, name: str = "a.md") -> Path:
    file = tmp_path / name
    if isinstance(text, bytes):
        file.write_bytes(text)
    else:
        file.write_text(text, encoding="utf-8")
    return file


# positions


def test_every_key_and_item_keeps_its_line() -> None:
    text = "# comment\nname: Idlib\ncoordinates:\n  lat: 35.8\n  lon: 36.6\naliases:\n  - a\n\n  - b\n"
    diagnostics = Diagnostics()
    data = parse_yaml(text, "p.yml", 0, diagnostics)
    assert isinstance(data, Located) and not diagnostics.items
    assert data.origin == Origin("p.yml", 2)
    assert data.key_lines == {"name": 2, "coordinates": 3, "aliases": 6}
    assert isinstance(data["coordinates"], Located)
    assert data["coordinates"].origin_of("lon") == Origin("p.yml", 5)
    assert isinstance(data["aliases"], LocatedList)
    assert [data["aliases"].origin_at(i).line for i in range(2)] == [7, 9]


def test_the_offset_shifts_every_line() -> None:
    diagnostics = Diagnostics()
    data = parse_yaml("a: 1\nb: [x, y]\n", "f.md", 1, diagnostics)
    assert isinstance(data, Located)
    assert data.key_lines == {"a": 2, "b": 3}
    assert data["b"].origin_at(1) == Origin("f.md", 3)


def test_unknown_keys_and_indices_fall_back_to_the_containers_line() -> None:
    data = parse_yaml("\n\nx: [a]\n", "f", 0, Diagnostics())
    assert data.origin_of("nope") == Origin("f", 3)
    assert data["x"].origin_at(5) == Origin("f", 3)


def test_dates_stay_the_strings_written_and_scalars_are_typed() -> None:
    data = parse_yaml("d: 2020-02-12\nt: 2020-02-12T10:00:00Z\ni: 3\nf: 1.5\nb: yes\nn: ~\nq: '3'\n", "f", 0,
                      Diagnostics())
    assert data == {"d": "2020-02-12", "t": "2020-02-12T10:00:00Z", "i": 3, "f": 1.5, "b": True, "n": None, "q": "3"}


def test_keys_are_the_text_written() -> None:
    data = parse_yaml("1: a\ntrue: b\n0700: c\n12:30: d\n~: e\n", "f", 0, Diagnostics())
    assert list(data) == ["1", "true", "0700", "12:30", "~"]


def test_numbers_remember_the_text_written() -> None:
    data = parse_yaml("a: 0700\nb: [12:30, 0x1F, x, 1.50]\nc: 'q'\n", "f", 0, Diagnostics())
    assert (data["a"], data.as_written("a"), data.as_written("c")) == (448, "0700", "q")
    assert list(data["b"]) == [750, 31, "x", 1.5]
    assert [data["b"].as_written(i) for i in range(4)] == ["12:30", "0x1F", "x", "1.50"]


def test_duplicate_key_is_reported_at_the_second() -> None:
    diagnostics = Diagnostics()
    data = parse_yaml("name: a\nkind: b\nname: c\n", "f", 0, diagnostics)
    assert data["name"] == "c"
    assert messages(diagnostics) == ["f:3: duplicate key 'name'"]


def test_a_bad_tag_is_an_error_at_its_line_and_the_rest_is_read() -> None:
    diagnostics = Diagnostics()
    data = parse_yaml("a: 1\nb: !!int abc\nc: 3\n", "f", 0, diagnostics)
    assert data == {"a": 1, "b": None, "c": 3}
    assert len(diagnostics.items) == 1 and messages(diagnostics)[0].startswith("f:2: YAML error:")


def test_a_control_character_is_named_at_its_line() -> None:
    diagnostics = Diagnostics()
    assert parse_yaml("a: 1\nb: x\x07y\n", "f", 0, diagnostics) is None
    assert messages(diagnostics) == ["f:2: YAML error: control character U+0007 is not allowed; delete it"]


def test_empty_document_is_none_without_a_problem() -> None:
    diagnostics = Diagnostics()
    assert parse_yaml("# only a comment\n", "f", 0, diagnostics) is None
    assert not diagnostics.items


# front matter and body


def test_markdown_front_matter_and_body_line(tmp_path: Path) -> None:
    file = write(tmp_path, "---\ntitle: T\nkind: x\n---\nFirst line.\n\nSecond.\n")
    diagnostics = Diagnostics()
    source = load_markdown(file, "content/a.md", diagnostics)
    assert source is not None and not diagnostics.items
    assert source.data == {"title": "T", "kind": "x"}
    assert source.data.key_lines == {"title": 2, "kind": 3}
    assert source.body == "First line.\n\nSecond.\n"
    assert source.body_line == 5


def test_crlf_line_ends_and_a_byte_order_mark(tmp_path: Path) -> None:
    file = write(tmp_path, "\ufeff---\r\ntitle: T\r\n---\r\nBody\r\n".encode())
    source = load_markdown(file, "a.md", Diagnostics())
    assert source is not None
    assert source.data == {"title": "T"} and source.body_line == 4
    assert source.body.strip() == "Body"


def test_empty_front_matter_is_an_empty_mapping(tmp_path: Path) -> None:
    source = load_markdown(write(tmp_path, "---\n---\nBody\n"), "a.md", Diagnostics())
    assert source is not None and source.data == {} and isinstance(source.data, Located)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("title: T\n", "a.md:1: missing front matter: the file must start with a '---' line"),
        ("\n---\ntitle: T\n---\n", "a.md:1: missing front matter: the file must start with a '---' line"),
        ("---\ntitle: T\nBody\n", "a.md:1: front matter opened on this line is never closed: add a '---' line "
                                  "after its fields"),
        ("---\ntitle: T\n...\nBody\n", "a.md:3: front matter is closed with '...': close it with a '---' line "
                                       "('...' ends a YAML document)"),
        ("---\ntitle: [\n---\n", "a.md:2: YAML syntax error: a value is missing after this '[' (found at the end "
                                 "of the front matter: did not find expected node content)"),
    ],
)
def test_front_matter_problems(tmp_path: Path, text: str, expected: str) -> None:
    diagnostics = Diagnostics()
    assert load_markdown(write(tmp_path, text), "a.md", diagnostics) is None
    assert messages(diagnostics) == [expected]


def test_yaml_file(tmp_path: Path) -> None:
    file = write(tmp_path, "- id: a\n  name: A\n- id: b\n", "list.yml")
    source = load_yaml_file(file, "list.yml", Diagnostics())
    assert source is not None and isinstance(source.data, LocatedList)
    assert [item["id"] for item in source.data] == ["a", "b"]
    assert source.data.item_lines == [1, 3]
    assert (source.body, source.body_line) == ("", 0)


def test_empty_yaml_file_is_no_data_and_no_problem(tmp_path: Path) -> None:
    diagnostics = Diagnostics()
    source = load_yaml_file(write(tmp_path, "", "e.yml"), "e.yml", diagnostics)
    assert source is not None and source.data is None and not diagnostics.items


# refused files


def test_not_utf8_names_the_byte_and_its_line(tmp_path: Path) -> None:
    diagnostics = Diagnostics()
    assert read_text(write(tmp_path, b"---\ntitle: caf\xe9\n---\n"), "a.md", diagnostics) is None
    assert messages(diagnostics) == ["a.md:2: file is not UTF-8 (byte 0xe9 at offset 14); save it as UTF-8"]


def test_over_the_size_limit_is_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(SIZE_VARIABLE, "1MB")
    diagnostics = Diagnostics()
    assert read_text(write(tmp_path, "x" * 1_500_000), "a.md", diagnostics) is None
    assert messages(diagnostics) == [
        "a.md:1: file is 1.5 MB, over the 1 MB limit for one content file: split it (list files may be split into "
        f"several), or raise the limit with the environment variable {SIZE_VARIABLE} (e.g. {SIZE_VARIABLE}=3MB)"]


def test_at_the_size_limit_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(SIZE_VARIABLE, "1000")
    diagnostics = Diagnostics()
    assert read_text(write(tmp_path, "x" * 1000), "a.md", diagnostics) == "x" * 1000
    assert not diagnostics.items


def test_a_small_limit_is_shown_as_a_size_that_is_not_zero(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(SIZE_VARIABLE, "2KB")
    diagnostics = Diagnostics()
    assert read_text(write(tmp_path, "x" * 2500), "a.md", diagnostics) is None
    (message,) = messages(diagnostics)
    assert message.startswith("a.md:1: file is 2.5 KB, over the 2 KB limit for one content file")
    assert message.endswith(f"(e.g. {SIZE_VARIABLE}=5KB)")


def test_a_file_just_over_the_limit_is_not_shown_as_the_limit(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(SIZE_VARIABLE, "1234")
    diagnostics = Diagnostics()
    assert read_text(write(tmp_path, "x" * 1240), "a.md", diagnostics) is None
    assert messages(diagnostics)[0].startswith("a.md:1: file is 1,240 bytes, over the 1,234 bytes limit")


@pytest.mark.parametrize(("size", "shown"), [
    (0, "0 bytes"), (1, "1 byte"), (999, "999 bytes"), (1000, "1 KB"), (2500, "2.5 KB"),
    (1049, "1 KB"), (1050, "1.1 KB"), (999_999, "1000 KB"), (1_000_000, "1 MB"), (1_500_000, "1.5 MB"),
    (5_000_000, "5 MB"),
    (999_000_000, "999 MB"), (2_000_000_000, "2 GB"), (20_000_000_000_000, "20000 GB")])
def test_human_size(size: int, shown: str) -> None:
    assert human_size(size) == shown


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    diagnostics = Diagnostics()
    assert read_text(fifo, "pipe.md", diagnostics) is None
    assert messages(diagnostics) == ["pipe.md:1: not read: not a regular file"]


def test_a_missing_file(tmp_path: Path) -> None:
    diagnostics = Diagnostics()
    assert read_text(tmp_path / "gone.md", "gone.md", diagnostics) is None
    assert messages(diagnostics) == ["gone.md:1: cannot read this file: No such file or directory"]


@pytest.mark.parametrize(
    ("setting", "size"),
    [(None, MAX_FILE_SIZE), ("20MB", 20_000_000), ("1.5k", 1500), ("300", 300), ("2G", 2_000_000_000),
     ("lots", MAX_FILE_SIZE)],
)
def test_size_setting(monkeypatch: pytest.MonkeyPatch, setting: str | None, size: int) -> None:
    if setting is None:
        monkeypatch.delenv(SIZE_VARIABLE, raising=False)
    else:
        monkeypatch.setenv(SIZE_VARIABLE, setting)
    assert max_file_size() == size
    assert (size_setting_problem() is not None) == (setting == "lots")


def test_size_setting_problem_wording(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(SIZE_VARIABLE, "huge")
    assert size_setting_problem() == (f"{SIZE_VARIABLE}='huge' is not a size such as 20MB: the limit stays 5 MB")


def test_a_merge_key_is_merged_or_refused_in_plain_words() -> None:
    diagnostics = Diagnostics()
    data = parse_yaml("base: &b {kind: state}\nx: {<<: *b, name: X}\n", "f", 0, diagnostics)
    assert "None" not in data["x"]
    assert not any("tag:yaml.org" in d.message for d in diagnostics.items)


def test_a_merge_key_copies_the_fields_not_written_beside_it_as_safe_load_does() -> None:
    text = ("base: &b {kind: state, name: Base}\nmore: &m\n  note: n\n  kind: person\n"
            "x: {<<: *b, name: X}\ny:\n  <<: [*m, *b]\n  name: Y\n")
    diagnostics = Diagnostics()
    data = parse_yaml(text, "f", 0, diagnostics)
    assert not diagnostics.items
    assert data["x"] == yaml.safe_load(text)["x"] == {"kind": "state", "name": "X"}
    # The merge key's specification: of a list, the earlier mapping wins (PyYAML's own loader lets the later win)
    assert data["y"] == {"note": "n", "kind": "person", "name": "Y"}
    # a merged field is shown where it was written, the others where they are
    assert (data["x"].origin_of("kind").line, data["x"].origin_of("name").line) == (1, 5)
    assert data["y"].origin_of("note").line == 3


def test_a_merge_key_keeps_numbers_as_written() -> None:
    data = parse_yaml("base: &b {date_text: 12:30}\nx: {<<: *b}\n", "f", 0, Diagnostics())
    assert data["x"].as_written("date_text") == "12:30"


@pytest.mark.parametrize("value", ["*s", "[*s, *l]", "3"])
def test_a_merge_key_naming_no_mapping_is_reported_at_its_value(value: str) -> None:
    diagnostics = Diagnostics()
    data = parse_yaml(f"s: &s text\nl: &l [a]\nx:\n  <<: {value}\n  name: X\n", "f", 0, diagnostics)
    assert data["x"] == {"name": "X"}
    assert {d.format() for d in diagnostics.items} == {
        "f:4: YAML error: a merge key ('<<') takes a mapping ('<<: *name') or a list of mappings ('<<: [*a, *b]')"}


def test_merge_keys_stay_under_the_alias_limits() -> None:
    diagnostics = Diagnostics()
    lines = ["a0: &a0 {k: v}"] + [f"a{i}: &a{i} {{<<: [{', '.join(f'*a{i - 1}' for _ in range(10))}]}}"
                                  for i in range(1, 8)]
    assert parse_yaml("\n".join(lines) + "\n", "f", 0, diagnostics) is None
    assert [d.message for d in diagnostics.items] == [
        "YAML error: aliases ('*name') expand this file by more than 100,000 values; write the values out, or "
        "use fewer aliases"]
