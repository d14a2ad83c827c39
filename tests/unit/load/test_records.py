"""content/ to records: every file of every kind, one file or a list file per entity, ids checked and kept in order."""

from __future__ import annotations

from pathlib import Path

import pytest

from builder.diagnostics import Diagnostics
from builder.load.records import KINDS, Records, load_actors, load_info, load_records, read_file
from tests.conftest import write_tree

ACTOR = "---\nname: {name}\nkind: person\n---\n"


def load(tmp_path: Path, files: dict[str, str | bytes]) -> tuple[Records, list[str]]:
    write_tree(tmp_path / "content", {"site.yml": "title: T\n", **files})  # every project has one
    diagnostics = Diagnostics()
    records = load_records(tmp_path / "content", tmp_path, diagnostics)
    return records, [d.format() for d in diagnostics]


def test_every_kind_is_read_from_its_folder(tmp_path: Path) -> None:
    records, problems = load(tmp_path, {
        "site.yml": "title: My timeline\nintro: Some *intro*\ndescription: About\n",
        "actors/erdogan.md": ACTOR.format(name="Recep Tayyip Erdoğan"),
        "places/idlib.md": "---\nname: Idlib\n---\n",
        "articles/a1.md": "---\ntitle: A\npublished: 2020-02-12\n---\nText.\n",
        "events/e1.md": "---\ntitle: E\ndate: 2020-02-12\nsources: [a1]\n---\n",
        "relations/r.yml": "- {id: r1, subject: erdogan, type: backs, object: erdogan, sources: [a1]}\n",
    })
    assert problems == []
    assert (records.info.title, records.info.intro, records.info.description) == ("My timeline", "Some *intro*",
                                                                                  "About")
    assert list(records.actors) == ["erdogan"] and records.actors["erdogan"].name == "Recep Tayyip Erdoğan"
    assert list(records.places) == ["idlib"]
    assert list(records.articles) == ["a1"]
    assert list(records.events) == ["e1"]
    assert list(records.relations) == ["r1"]


def test_the_id_of_a_file_is_its_name_and_of_a_list_item_its_id_field(tmp_path: Path) -> None:
    records, problems = load(tmp_path, {
        "actors/group/a.md": ACTOR.format(name="A"),
        "actors/more.yml": "- id: b\n  name: B\n  kind: state\n- {id: c, name: C, kind: state}\n",
    })
    assert problems == []
    assert sorted(records.actors) == ["a", "b", "c"]
    assert records.actors["b"].origin.path == "content/actors/more.yml"
    assert (records.actors["b"].origin.line, records.actors["c"].origin.line) == (1, 4)


def test_a_relation_without_an_id_is_named_after_its_parts(tmp_path: Path) -> None:
    records, problems = load(tmp_path, {
        "actors/x.yml": "- {id: us, name: US, kind: state}\n- {id: tr, name: TR, kind: state}\n",
        "articles/a.md": "---\ntitle: A\npublished: 2020\n---\nText.\n",
        "relations/r.yml": "- {subject: us, type: backs, object: tr, sources: [a]}\n",
    })
    assert problems == []
    assert list(records.relations) == ["us-backs-tr"]


def test_duplicate_ids_keep_the_first_in_path_order(tmp_path: Path) -> None:
    records, problems = load(tmp_path, {
        "actors/a.md": ACTOR.format(name="First"),
        "actors/b.yml": "- {id: a, name: Second, kind: person}\n- {id: a, name: Third, kind: person}\n",
    })
    assert records.actors["a"].name == "First"
    assert problems == [
        "content/actors/b.yml:1: duplicate actor id 'a' (first defined at content/actors/a.md:2)",
        "content/actors/b.yml:2: duplicate actor id 'a' (first defined at content/actors/a.md:2)",
    ]


def test_the_same_id_in_two_kinds_is_allowed(tmp_path: Path) -> None:
    records, problems = load(tmp_path, {"actors/syria.md": ACTOR.format(name="Syria"),
                                        "places/syria.md": "---\nname: Syria\n---\n"})
    assert problems == []
    assert "syria" in records.actors and "syria" in records.places


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({"actors/Bad Name.md": ACTOR.format(name="X")},
         "content/actors/Bad Name.md:2: actor id: 'Bad Name' is not a valid id: use lowercase letters, digits and "
         "single hyphens (e.g. 'bashar-al-assad')"),
        ({"places/index.md": "---\nname: X\n---\n"},
         "content/places/index.md:2: place id: 'index' is reserved and cannot be used as an id"),
        ({"actors/l.yml": "- {id: 'No', name: X, kind: person}\n"},
         "content/actors/l.yml:1: actor id: 'No' is not a valid id: use lowercase letters, digits and single hyphens "
         "(e.g. 'bashar-al-assad')"),
        ({"actors/l.yml": "- {name: X, kind: person}\n"},
         "content/actors/l.yml:1: missing required field 'id' in this actor"),
        ({"places/l.yml": "name: X\n"},
         "content/places/l.yml:1: a places file must be a YAML list (items starting with '- ')"),
        ({"places/l.yml": "- just a name\n"},
         "content/places/l.yml:1: each item of a places file must be a mapping of fields"),
        ({"articles/a.yml": "- {id: a}\n"},
         "content/articles/a.yml:1: articles are written one per .md file, not in .yml files"),
        ({"places/p.md": "---\n- a\n---\n"}, "content/places/p.md:2: front matter must be a mapping of fields"),
    ],
)
def test_file_level_problems(tmp_path: Path, files: dict[str, str | bytes], expected: str) -> None:
    records, problems = load(tmp_path, files)
    assert problems == [expected]
    assert not records.actors and not records.places and not records.articles


@pytest.mark.parametrize("folder", ["actors", "events"])
def test_a_list_file_of_a_kind_starting_with_a_vowel(tmp_path: Path, folder: str) -> None:
    _, problems = load(tmp_path, {f"{folder}/l.yml": "name: X\n"})
    assert problems == [f"content/{folder}/l.yml:1: an {folder} file must be a YAML list (items starting with '- ')"]


def test_a_list_file_that_cannot_be_parsed_names_its_ids_as_broken(tmp_path: Path) -> None:
    records, problems = load(tmp_path, {
        "actors/l.yml": "- id: a\n  name: A\n- id: 'b'\n  name: [unclosed\n",
        "places/p.md": "---\nname: [\n---\n",
    })
    assert len(problems) == 2 and all("YAML syntax error" in p for p in problems)
    assert records.broken["actor"] == {"a", "b"}
    assert records.broken["place"] == {"p"}
    assert not records.actors


def test_an_entity_its_reader_rejects_is_broken_and_reported(tmp_path: Path) -> None:
    records, problems = load(tmp_path, {"relations/r.yml": "- {id: r, type: backs, sources: [a]}\n"})
    assert records.relations == {}
    assert records.broken["relation"] == {"r"}
    assert problems == ["content/relations/r.yml:1: missing required field 'object' in relation 'r'",
                        "content/relations/r.yml:1: missing required field 'subject' in relation 'r'"]


def test_content_folder_missing(tmp_path: Path) -> None:
    diagnostics = Diagnostics()
    records = load_records(tmp_path / "content", tmp_path, diagnostics)
    assert records.actors == {}
    assert [d.format() for d in diagnostics] == ["content:1: content directory not found"]


def test_site_info(tmp_path: Path) -> None:
    diagnostics = Diagnostics()
    write_tree(tmp_path / "content", {"site.yml": "title: T\ntitel: typo\nintro: [a]\n"})
    info = load_info(tmp_path / "content", tmp_path, diagnostics)
    assert (info.title, info.intro) == ("T", "")
    assert [d.format() for d in diagnostics] == [
        "content/site.yml:2: unknown field 'titel' in site.yml (did you mean 'title'?)",
        "content/site.yml:3: 'intro' must be text, not a list",
    ]


@pytest.mark.parametrize(("text", "title"), [("", "Annotated timeline"), ("- a\n", "Annotated timeline")])
def test_site_info_defaults(tmp_path: Path, text: str, title: str) -> None:
    write_tree(tmp_path / "content", {"site.yml": text})
    diagnostics = Diagnostics()
    assert load_info(tmp_path / "content", tmp_path, diagnostics).title == title
    assert [d.message for d in diagnostics] == (["site.yml must be a mapping of fields"] if text else [])


def test_load_actors_reads_only_actors(tmp_path: Path) -> None:
    write_tree(tmp_path / "content", {"actors/a.md": ACTOR.format(name="A"), "events/bad.md": "no front matter"})
    diagnostics = Diagnostics()
    assert list(load_actors(tmp_path / "content", tmp_path, diagnostics)) == ["a"]
    assert not diagnostics.items


def test_read_file_is_pure_and_keeps_each_entities_problems_apart(tmp_path: Path) -> None:
    write_tree(tmp_path, {"l.yml": "- {id: a, name: A, kind: persn}\n- {id: b, name: B, kind: state}\n"})
    read = read_file("actors", tmp_path / "l.yml", "l.yml")
    assert [entry.id for entry in read.entries] == ["a", "b"]
    assert [d.format() for d in read.entries[0].problems] == [
        "l.yml:1: 'kind' is 'persn'; expected one of: person, state, government, government-agency, armed-force, "
        "armed-group, organisation, international-organisation, media-outlet, company, group, other "
        "(did you mean 'person'?)"]
    assert read.entries[1].problems == [] and read.problems == []
    assert set(KINDS) == {"articles", "actors", "places", "events", "relations", "stories"}


def test_a_relation_without_id_or_subject_says_the_subject_is_missing(tmp_path: Path) -> None:
    _, problems = load(tmp_path, {"relations/r.yml": "- {type: backs, object: turkey, sources: [a]}\n"})
    assert problems == ["content/relations/r.yml:1: missing required field 'subject' in this relation (without an "
                        "'id', its id is made of its subject, type and object)"]


@pytest.mark.parametrize("name", ["relations.yml", "erdogan.md"])
def test_a_content_file_at_the_top_of_content_is_warned_about(tmp_path: Path, name: str) -> None:
    _, problems = load(tmp_path, {name: "- {id: r, subject: a, type: backs, object: b, sources: [a]}\n"})
    assert [p.split(": ", 1)[0] for p in problems] == [f"content/{name}:1"]


def test_ids_and_text_fields_written_as_numbers_keep_their_text(tmp_path: Path) -> None:
    records, problems = load(tmp_path, {
        "actors/l.yml": "- {id: 0700, name: 12:30, kind: state, aliases: [0x1F, 1.50]}\n",
        "places/0800.md": "---\nname: 0800\n---\n",
    })
    assert problems == []
    assert list(records.actors) == ["0700"]
    assert (records.actors["0700"].name, records.actors["0700"].aliases) == ("12:30", ["0x1F", "1.50"])
    assert records.places["0800"].name == "0800"


@pytest.mark.parametrize(("name", "text", "hint"), [
    ("relations.yml", "- {id: r, subject: a, type: backs, object: b, sources: [a]}\n", "relations/relations.yml"),
    ("actor.yml", "- {id: x}\n", "actors/actor.yml"),
    ("erdogan.md", "- {id: r, subject: a, type: backs, object: b, sources: [a]}\n", "relations/erdogan.md"),
    ("a1.md", "---\ntitle: A\npublished: 2020\nurl: https://x.org/\n---\nNote: text.\n", "articles/a1.md"),
    ("idlib.md", "---\nname: Idlib\nwithin: syria\ncoordinates: {lat: 1, lon: 2}\n---\n", "places/idlib.md"),
    ("e.yaml", "- id: e\n  title: E\n  date: 2020\n  actors:\n    - {actor: a, role: r}\n", "events/e.yaml"),
])
def test_a_content_file_at_the_top_names_the_folder_it_belongs_in(tmp_path: Path, name: str, text: str,
                                                                  hint: str) -> None:
    _, problems = load(tmp_path, {name: text})
    assert problems == [f"content/{name}:1: warning: not read: content files are read from the folders articles, "
                        f"actors, places, events, relations, stories, not from the top of 'content' "
                        f"(did you mean '{hint}'?)"]


@pytest.mark.parametrize("text", ["---\nname: X\nkind: state\n---\n", "Just notes.\n", ""])
def test_a_content_file_at_the_top_without_a_clear_kind_has_no_hint(tmp_path: Path, text: str) -> None:
    _, problems = load(tmp_path, {"notes.md": text, "site.yml": "title: T\n", "pages/x.md": "# X\n"})
    assert problems == ["content/notes.md:1: warning: not read: content files are read from the folders articles, "
                        "actors, places, events, relations, stories, not from the top of 'content'"]
