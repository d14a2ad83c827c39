"""The JSON Schemas in builder/authoring/schemas/: current, valid, wired for editors, and in agreement with `check`.

The agreement test is the one that keeps the two from drifting: it takes a valid file of every kind,
changes one value at a time in many ways (empty, blank, a number, a list, a mapping, a typo'd key …),
and requires the schema and the content loader `check` runs to accept or reject each change alike.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft7Validator, Draft202012Validator

from builder.authoring.schema import KINDS, SCHEMA_DIR
from builder.authoring.schema_fields import EDTF_CHARACTERS
from builder.cli.main import main
from builder.diagnostics import Diagnostics
from builder.load.records import load_info, load_records
from builder.load.yaml_nodes import load_markdown, load_yaml_file
from builder.model.dates import parse_date
from tests.conftest import ROOT, run_cli
from tests.site.test_bad_input import BASE, CASES

SCHEMAS = {path.name.removesuffix(".schema.json"): json.loads(path.read_text(encoding="utf-8"))
           for path in sorted(SCHEMA_DIR.glob("*.schema.json"))}
ENTITY_FOLDERS = {"actors": "actor", "places": "place", "events": "event", "relations": "relation",
                  "articles": "article", "stories": "story"}
FOLDERS = {kind: folder for folder, kind in ENTITY_FOLDERS.items()}


def schema_name(path: str) -> str:
    """Which schema describes a content file, given its path relative to the project."""
    parts = Path(path).parts
    if parts[-1] == "site.yml":
        return "site"
    kind = ENTITY_FOLDERS[parts[1]]
    return kind if path.endswith(".md") else f"{kind}-list"


def loaded(file: Path, path: str) -> Any:
    """The file's fields, read by the same loader as `check` (dates stay as written)."""
    diagnostics = Diagnostics()
    source = load_markdown(file, path, diagnostics) if file.suffix == ".md" else load_yaml_file(file, path, diagnostics)
    assert source is not None and not diagnostics.items, [d.format() for d in diagnostics]
    return source.data


def schema_errors(name: str, data: Any) -> list[str]:
    validator = Draft202012Validator(SCHEMAS[name])
    return [f"{'/'.join(map(str, error.absolute_path))}: {error.message}" for error in validator.iter_errors(data)]


def test_shipped_schemas_are_current() -> None:
    result = run_cli(ROOT, "schemas", "--check")
    assert result.returncode == 0, result.stderr + "\nregenerate with: python -m builder schemas"
    assert sorted(SCHEMAS) == sorted(kind.name for kind in KINDS)


def test_schemas_check_reports_and_fixes_stale_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "schemas"
    assert main(["schemas", "--out", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{kind.name}.schema.json" for kind in KINDS)
    (out / "actor.schema.json").write_text("{}\n", encoding="utf-8")
    (out / "retired.schema.json").write_text("{}\n", encoding="utf-8")
    capsys.readouterr()

    assert main(["schemas", "--check", "--out", str(out)]) == 1
    stale = capsys.readouterr().err
    assert "actor.schema.json: out of date" in stale
    assert "retired.schema.json: out of date" in stale
    assert "place.schema.json" not in stale
    assert (out / "actor.schema.json").read_text(encoding="utf-8") == "{}\n", "--check changes nothing"

    assert main(["schemas", "--out", str(out)]) == 0
    assert "2 of the schemas" in capsys.readouterr().out
    assert not (out / "retired.schema.json").exists()
    assert (out / "actor.schema.json").read_bytes() == (SCHEMA_DIR / "actor.schema.json").read_bytes()
    assert main(["schemas", "--check", "--out", str(out)]) == 0


def test_draft_07_copies_differ_only_in_the_declared_draft(tmp_path: Path) -> None:
    assert main(["schemas", "--draft-07", "--out", str(tmp_path)]) == 0
    assert main(["schemas", "--draft-07", "--check", "--out", str(tmp_path)]) == 0
    assert main(["schemas", "--check", "--out", str(tmp_path)]) == 1
    for name, schema in SCHEMAS.items():
        copy = json.loads((tmp_path / f"{name}.schema.json").read_text(encoding="utf-8"))
        assert copy.pop("$schema") == "http://json-schema.org/draft-07/schema#"
        assert copy == {key: value for key, value in schema.items() if key != "$schema"}


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_schema_is_valid_and_means_the_same_in_draft_07(name: str) -> None:
    schema = SCHEMAS[name]
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)
    # Editors' YAML extensions implement draft-07: only keywords both drafts share, and no $ref.
    Draft7Validator.check_schema(schema)
    assert "$ref" not in json.dumps(schema) and "$defs" not in schema
    assert schema["title"] and schema["description"]


def _properties(schema: Any, where: str = "") -> Iterator[tuple[str, Any]]:
    """Every field of every object in a schema (not the constraints in allOf), with a path for messages."""
    if isinstance(schema, dict):
        for name, sub in schema.get("properties", {}).items():
            yield f"{where}{name}", sub
        for key, sub in schema.items():
            if key == "allOf":
                continue
            if key != "properties" or not isinstance(sub, dict):
                yield from _properties(sub, where)
            else:
                for name, prop in sub.items():
                    yield from _properties(prop, f"{where}{name}.")
    elif isinstance(schema, list):
        for sub in schema:
            yield from _properties(sub, where)


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_every_field_has_help_for_editors(name: str) -> None:
    found = list(_properties(SCHEMAS[name]))
    assert found
    for where, prop in found:
        assert prop.get("description"), f"{name}: {where} has no description"


def _content_files() -> list[Path]:
    content = ROOT / "content"
    return sorted(p for p in content.rglob("*") if p.is_file() and p.suffix in (".md", ".yml", ".yaml")
                  and "pages" not in p.relative_to(content).parts)


def test_every_seed_content_file_is_valid() -> None:
    files = _content_files()
    kinds = set()
    for file in files:
        path = file.relative_to(ROOT).as_posix()
        name = schema_name(path)
        data = loaded(file, path)
        assert schema_errors(name, data) == [], path
        assert list(Draft7Validator(SCHEMAS[name]).iter_errors(data)) == [], path
        kinds.add(name)
    assert len(files) > 50
    assert kinds == {"site", "actor", "place", "event", "article", "relation-list", "story"}


def _glob_regex(glob: str) -> re.Pattern[str]:
    """VS Code glob semantics: ``**/`` is any number of folders, ``*`` stays within one."""
    pattern = re.escape(glob).replace(r"\*\*/", "(?:.*/)?").replace(r"\*", "[^/]*")
    return re.compile(pattern + r"\Z")


def test_editor_settings_map_every_yaml_content_file_to_its_schema() -> None:
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    associations = settings["yaml.schemas"]
    for schema_path in associations:
        assert (ROOT / schema_path).is_file(), schema_path
    listed = [folder for folder in ENTITY_FOLDERS if folder not in ("articles", "stories")]  # .md files only
    probes = ["content/site.yml"] + [f"content/{folder}/{sub}x.{suffix}" for folder in listed
                                      for sub in ("", "a/", "a/b/") for suffix in ("yml", "yaml")]
    for path in probes + [p.relative_to(ROOT).as_posix() for p in _content_files() if p.suffix != ".md"]:
        matches = [schema for schema, globs in associations.items() if any(_glob_regex(g).match(path) for g in globs)]
        assert matches == [f"./builder/authoring/schemas/{schema_name(path)}.schema.json"], path
    for path in ("content/actors/x.md", "content/pages/x.yml", "mkdocs.yml", "content/articles/x.yml"):
        assert not any(_glob_regex(g).match(path) for globs in associations.values() for g in globs), path


# --- agreement with `check` -------------------------------------------------------------------------

VALID: dict[str, dict[str, Any]] = {
    "actor": {
        "name": "Recep Tayyip Erdoğan", "aliases": ["Erdogan"], "kind": "person", "title": "President",
        "summary": "President of Turkey.", "description": "Text.", "native_name": "Text.", "native_language": "tr",
        "romanisation": "Text.",
        "affiliations": [{"actor": "turkey", "role": "President", "date": "2014-08-28/..",
                          "date_text": "since 2014", "date_note": "inauguration"}],
    },
    "place": {
        "name": "Idlib", "aliases": ["Idleb"], "kind": "province", "within": "syria", "description": "Text.",
        "native_name": "إدلب", "native_language": "ar", "romanisation": "Idlib",
        "coordinates": {"lat": 35.8, "lon": 36.6, "precision": "region"},
    },
    "event": {
        "title": "Erdoğan warns", "date": "2020-02-12", "date_text": "on Wednesday", "date_note": "publication",
        "type": "statement", "tags": ["idlib"], "places": ["idlib"], "part_of": "crisis", "related": ["talks"],
        "actors": [{"actor": "erdogan", "role": "speaker"}], "sources": ["report"], "commentary": "Text.",
        "quotes": [{"by": "erdogan", "article": "report", "text": "must stop", "note": "Translated.",
                    "kind": "reported", "status": "disputed", "status_note": "Text.", "status_source": "report",
                    "translation": "Text.", "translated_by": "Text."}],
        "fatalities": 3, "media": {"url": "https://example.org/p.jpg", "caption": "Gate 4", "credit": "Reuters",
                                   "alt": "Workers at the gate"},
    },
    "relation": {
        "subject": "turkey", "type": "opposes", "object": "syria", "date": "2020-02", "date_text": "now",
        "date_note": "publication", "places": ["idlib"], "note": "Text.",
        "sources": [{"article": "report", "text": "must stop"}],
    },
    "article": {
        "title": "Erdoğan warns Syria", "publisher": "guardian", "authors": ["someone"], "published": "2020-02-12",
        "contributors": [{"actor": "helper", "role": "assistance"}], "url": "https://example.org/a",
        "archive_url": "https://web.archive.org/a", "accessed": "2020-02-13", "language": "en", "note": "Text.",
        "corrections": [{"text": "mistake", "correction": "fix"}],
    },
    "story": {
        "title": "The clash, step by step", "summary": "Text.", "date": "2020-02", "date_text": "in February",
        "date_note": "the month of its events", "introduction": "Text.",
        "steps": [{"event": "talks", "quote": 1, "narration": "Text."}],
    },
    "site": {"title": "A timeline", "intro": "Text.", "description": "Text.", "licence": "CC-BY-4.0"},
}
# Each value replaces one field's value in turn; the schema and `check` must agree on every one.
REPLACEMENTS: list[Any] = [None, "", "  ", "Not A Slug!", "Bad_Id", "index", "x", 12345, 2011, -3, 0.5, True,
                           [], ["x"], [[1]], [{"zz": 1}], {"zz": 1}, "2020-13-45", "12 Feb 2020", "a" * 101,
                           "\uff12\uff10\uff12\uff10"]
# Known, deliberate differences: only `check` can tell whether an EDTF-looking date is a real one.
DATE_FORM_ONLY = {"2020-13-45"}
DATE_KEYS = {"date", "published", "accessed"}


def _compared(key: str, replacement: Any) -> bool:
    return not (key in DATE_KEYS and str(replacement) in DATE_FORM_ONLY)


def _variants(data: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[str, Any]]:
    """``data`` with one change: each key removed, replaced by each of REPLACEMENTS, and a typo'd key added."""
    if isinstance(data, dict):
        yield f"{path} + unknown key", _with(data, path, None, add="nmae")
        for key, value in data.items():
            yield f"{(*path, key)} removed", _without(data, (*path, key))
            for replacement in REPLACEMENTS:
                if _compared(key, replacement):
                    yield f"{(*path, key)} = {replacement!r}", _replaced(data, (*path, key), replacement)
            yield from _variants_in(value, data, (*path, key))


def _variants_in(value: Any, root: Any, path: tuple[Any, ...]) -> Iterator[tuple[str, Any]]:
    if isinstance(value, list) and value and isinstance(value[0], dict):
        for key in value[0]:
            yield f"{(*path, 0, key)} removed", _without(root, (*path, 0, key))
            for replacement in REPLACEMENTS:
                if _compared(key, replacement):
                    yield f"{(*path, 0, key)} = {replacement!r}", _replaced(root, (*path, 0, key), replacement)
        yield f"{(*path, 0)} + unknown key", _with(root, (*path, 0), None, add="nmae")
    elif isinstance(value, dict):
        for key in value:
            yield f"{(*path, key)} removed", _without(root, (*path, key))
            for replacement in REPLACEMENTS:
                yield f"{(*path, key)} = {replacement!r}", _replaced(root, (*path, key), replacement)
        yield f"{path} + unknown key", _with(root, path, None, add="nmae")


def _copy(data: Any) -> Any:
    return json.loads(json.dumps(data))


def _at(data: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        data = data[step]
    return data


def _replaced(data: Any, path: tuple[Any, ...], value: Any) -> Any:
    changed = _copy(data)
    _at(changed, path[:-1])[path[-1]] = value
    return changed


def _without(data: Any, path: tuple[Any, ...]) -> Any:
    changed = _copy(data)
    del _at(changed, path[:-1])[path[-1]]
    return changed


def _with(data: Any, path: tuple[Any, ...], value: Any, *, add: str) -> Any:
    changed = _copy(data)
    _at(changed, path)[add] = value
    return changed


def _check_accepts(content: Path, relative: str, text: str) -> tuple[bool, list[str], Any]:
    """Write one file and load it the way `check` does (no cross-file references exist to resolve)."""
    for old in content.rglob("*.*"):
        old.unlink()
    file = content.parent / relative
    file.parent.mkdir(parents=True, exist_ok=True)
    (content / "site.yml").write_text("title: T\n", encoding="utf-8")  # every project has one
    file.write_text(text, encoding="utf-8")
    diagnostics = Diagnostics()
    if relative.endswith("site.yml"):
        load_info(content, content.parent, diagnostics)
    else:
        load_records(content, content.parent, diagnostics)
    source = (load_markdown if file.suffix == ".md" else load_yaml_file)(file, relative, Diagnostics())
    return not diagnostics.errors, [d.format() for d in diagnostics], source.data if source else None


def _file_text(kind: str, listed: bool, data: Any) -> tuple[str, str]:
    dumped = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    if kind == "site":
        return "content/site.yml", dumped
    if listed:
        return f"content/{kind}s/list.yml", yaml.safe_dump([{"id": "the-id", **data}], allow_unicode=True,
                                                           sort_keys=False)
    body = "The article's text." if kind == "article" else ""
    return f"content/{FOLDERS[kind]}/the-id.md", f"---\n{dumped}---\n{body}\n"


FORMS = [(kind, False) for kind in VALID] + [(kind, True) for kind in ("actor", "place", "event", "relation")]


@pytest.mark.parametrize(("kind", "listed"), FORMS, ids=[f"{k}{'-list' if listed else ''}" for k, listed in FORMS])
def test_schema_and_check_agree_on_every_change(tmp_path: Path, kind: str, listed: bool) -> None:
    content = tmp_path / "content"
    content.mkdir()
    name = f"{kind}-list" if listed else kind
    described = {where.split(".")[-1] for where, _ in _properties(SCHEMAS[name])} - {"id"}
    covered = {key for where, _ in _variants(VALID[kind]) for key in re.findall(r"'(\w+)'", where)}
    assert described <= covered, f"add these fields to VALID[{kind!r}]: {described - covered}"

    relative, text = _file_text(kind, listed, VALID[kind])
    accepted, messages, data = _check_accepts(content, relative, text)
    assert accepted and schema_errors(name, data) == [], messages

    changes = list(_variants(VALID[kind]))
    if listed:  # the id lives in the list item
        changes += [(f"id = {value!r}", {"id": value}) for value in REPLACEMENTS if value is not None]
    disagreements = []
    for label, changed in changes:
        if listed and label.startswith("id = "):
            item = {**VALID[kind], **changed}
            relative, text = f"content/{kind}s/list.yml", yaml.safe_dump([item], allow_unicode=True)
        else:
            relative, text = _file_text(kind, listed, changed)
        accepted, messages, data = _check_accepts(content, relative, text)
        errors = schema_errors(name, data)
        if accepted == bool(errors):
            disagreements.append(f"{label}: check {'accepts' if accepted else 'rejects'} {messages}, "
                                 f"schema {errors or 'accepts'}")
    assert len(changes) > 50
    assert not disagreements, "\n".join(disagreements)


def test_dates_the_schema_passes_are_the_forms_check_parses() -> None:
    """The schema only checks a date's form; every form `check` parses must pass it."""
    assert json.dumps(EDTF_CHARACTERS) in json.dumps(SCHEMAS["event"]["properties"]["date"])
    pattern = re.compile(EDTF_CHARACTERS)
    forms = ["2020-02-12", "2020-02", "2011", "2011~", "2011?", "2011%", "2020-02-12?", "2011/..", "../2020-02-29",
             "2020-02-10/2020-02-12", "2011~/2020~", "201X", "19XX", "2020-21", "2020-02-12T10:00:00", "  2011  ",
             "2011/", "/2020-02-12"]
    for form in forms:
        parse_date(form)
        assert pattern.match(form), form
    for wrong in ("12 Feb 2020", "February 2020", "on Wednesday", "c. 2011", "2020-02-12 or 13"):
        assert not pattern.match(wrong), wrong


# The bad-input cases of tests/site/test_bad_input.py that are about one file's fields: the schema must
# reject them too. The others need other files (unknown ids, quotes, cycles), the file name (its id),
# or are below the schema (YAML syntax, encoding); `check` alone catches those.
FIELD_LEVEL = {
    "missing-field", "missing-field-list-item", "missing-field-article", "missing-field-event-date",
    "unknown-field", "unknown-field-nested", "unknown-field-site", "invalid-edtf", "invalid-edtf-event",
    "id-not-slug-list", "unknown-actor-kind", "crlf-line-numbers", "bom-line-numbers", "no-source",
    "empty-sources", "story-empty-steps", "story-no-steps", "story-unknown-step-field", "story-step-no-event",
}


def test_base_project_of_the_bad_input_tests_is_valid(tmp_path: Path) -> None:
    for relative, text in BASE.items():
        if relative.startswith("content/pages/"):
            continue
        file = tmp_path / relative
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(str(text), encoding="utf-8")
        assert schema_errors(schema_name(relative), loaded(file, relative)) == [], relative


@pytest.mark.parametrize(("case_id", "files", "path"),
                         [(case.id, case.values[0], case.values[1]) for case in CASES if case.id in FIELD_LEVEL],
                         ids=lambda value: value if isinstance(value, str) and "/" not in value else "")
def test_field_level_bad_input_is_rejected_by_the_schema(tmp_path: Path, case_id: str,
                                                          files: dict[str, str | bytes], path: str) -> None:
    text = files[path]
    file = tmp_path / path
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    assert schema_errors(schema_name(path), loaded(file, path)), f"{case_id}: the schema accepts {path}"


def test_field_level_case_ids_exist() -> None:
    missing = FIELD_LEVEL - {case.id for case in CASES}
    assert not missing, f"renamed or removed in tests/site/test_bad_input.py: {missing}"


# --- the editor's own engine ------------------------------------------------------------------------

EDITOR_SCRIPT = r"""
const fs = require('fs'), path = require('path');
const { getLanguageService } = require('yaml-language-server');
const { TextDocument } = require('vscode-languageserver-textdocument');
const [root, documents] = JSON.parse(fs.readFileSync(0, 'utf8'));
const settings = JSON.parse(fs.readFileSync(path.join(root, '.vscode/settings.json'), 'utf8'))['yaml.schemas'];
const service = getLanguageService({
  schemaRequestService: (uri) => Promise.resolve(fs.readFileSync(new URL(uri), 'utf8')),
  workspaceContext: { resolveRelativePath: (relative, resource) => new URL(relative, resource).toString() },
});
service.configure({ validate: true, hover: true, completion: true, yamlVersion: '1.2',
  schemas: Object.entries(settings).map(([schema, globs]) => ({ uri: 'file://' + path.resolve(root, schema),
                                                                fileMatch: globs })) });
(async () => {
  const results = {};
  for (const [relative, text, line, character] of documents) {
    const document = TextDocument.create('file://' + path.join(root, relative), 'yaml', 1, text);
    const problems = await service.doValidation(document, false);
    const completion = await service.doComplete(document, { line, character }, false);
    results[relative] = { problems: problems.map((p) => [p.range.start.line + 1, p.message]),
                          completion: completion.items.map((item) => item.label) };
  }
  console.log(JSON.stringify(results));
})();
"""


def _node_modules_with(package: str) -> str | None:
    """A node_modules folder holding ``package``: the project's own (npm ci), or one named by NODE_PATH."""
    if not shutil.which("node"):
        return None
    for folder in [str(ROOT / "node_modules"), *os.environ.get("NODE_PATH", "").split(os.pathsep)]:
        if folder and (Path(folder) / package / "package.json").is_file():
            return folder
    return None


def test_vs_code_yaml_extension_validates_and_completes_with_these_schemas() -> None:
    """Runs the YAML language server that Red Hat's VS Code extension is built on (npm yaml-language-server)."""
    modules = _node_modules_with("yaml-language-server")
    if modules is None:
        pytest.skip("npm yaml-language-server and vscode-languageserver-textdocument are not installed")
    documents = [
        [p.relative_to(ROOT).as_posix(), p.read_text(encoding="utf-8"), 0, 0]
        for p in _content_files() if p.suffix != ".md"
    ] + [
        ["content/actors/more.yml", "- id: Kurds_2\n  name: Kurds\n  kind: persn\n  nmae: x\n  \n", 4, 2],
        ["content/events/more.yml", "- id: talks\n  title: Talks\n  date: 12 Feb 2020\n  sources: []\n", 0, 0],
    ]
    result = subprocess.run(["node", "-e", EDITOR_SCRIPT], input=json.dumps([str(ROOT), documents]),
                            capture_output=True, text=True, timeout=120, env={"NODE_PATH": modules, "PATH": "/usr/bin"})
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    for path, *_ in documents[:-2]:
        assert found[path]["problems"] == [], path
    assert found["content/actors/more.yml"]["problems"] == [
        [1, "Not a valid id: use lowercase letters, digits and single hyphens (e.g. bashar-al-assad)."],
        [3, "Value is not accepted. Valid values: " + ", ".join(f'"{k}"' for k in SCHEMAS["actor"]["properties"]
                                                                  ["kind"]["enum"]) + "."],
        [4, "Property nmae is not allowed."],
    ]
    assert {"aliases", "title", "summary", "affiliations"} <= set(found["content/actors/more.yml"]["completion"])
    problems = dict(found["content/events/more.yml"]["problems"])
    assert problems[3].startswith("Not an EDTF date")
    assert problems[4] == "Array has too few items. Expected 1 or more."
