"""`python -m builder new …`: every kind scaffolds a file that `check` accepts; bad values are refused
with a clear message and nothing written."""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from builder.cli.main import main
from builder.diagnostics import Diagnostics
from builder.load.yaml_nodes import load_markdown
from tests.conftest import MINIMAL_MKDOCS, ROOT, run_cli
from tests.site.test_bad_input import BASE

MakeProject = Callable[[dict[str, str | bytes]], Path]


def new(project: Path, *args: str) -> int:
    return main(["-f", str(project / "mkdocs.yml"), "new", *args])


def front_matter(file: Path) -> dict[str, object]:
    diagnostics = Diagnostics()
    source = load_markdown(file, file.name, diagnostics)
    assert source is not None and not diagnostics.items
    return dict(source.data)


def snapshot(project: Path) -> dict[str, bytes]:
    return {p.relative_to(project).as_posix(): p.read_bytes() for p in sorted(project.rglob("*")) if p.is_file()}


def test_every_kind_scaffolds_a_file_that_check_accepts(make_project: MakeProject, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    project = make_project(BASE)
    text = tmp_path / "article.txt"
    text.write_text("Assad's forces advanced on Saraqeb, the Guardian reported.\n\nTurkey sent more troops.\n",
                    encoding="utf-8")
    assert new(project, "actor", "bashar-al-assad", "--name", "Bashar al-Assad") == 0
    assert new(project, "actor", "turkish-army", "--name", "Turkish Armed Forces", "--kind", "armed-force") == 0
    assert new(project, "place", "saraqeb", "--name", "Saraqeb", "--kind", "town", "--within", "idlib",
               "--lat", "35.86", "--lon", "36.8", "--precision", "settlement") == 0
    assert new(project, "place", "ankara", "--name", "Ankara") == 0
    assert new(project, "article", "guardian-saraqeb", "--title", "Syrian forces advance on Saraqeb",
               "--published", "2020-02-06", "--publisher", "the-guardian", "--url", "https://example.org/a",
               "--text", str(text)) == 0
    assert new(project, "article", "placeholder", "--title", "To be pasted", "--published", "2020-02") == 0
    assert new(project, "event", "saraqeb-advance", "--title", "Syrian forces advance on Saraqeb",
               "--date", "2020-02~", "--source", "guardian-saraqeb", "--source", "guardian-report",
               "--type", "offensive") == 0
    assert capsys.readouterr().out.splitlines() == [
        "wrote content/actors/bashar-al-assad.md", "wrote content/actors/turkish-army.md",
        "wrote content/places/saraqeb.md", "wrote content/places/ankara.md",
        "wrote content/articles/guardian-saraqeb.md", "wrote content/articles/placeholder.md",
        "wrote content/events/saraqeb-advance.md",
    ]

    result = run_cli(project, "--strict", "check")
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == "no problems found"
    assert "3 articles, 5 actors, 4 places, 3 events, 0 relations" in result.stdout

    assert front_matter(project / "content/actors/bashar-al-assad.md") == {
        "name": "Bashar al-Assad", "aliases": [], "kind": "person"}
    assert front_matter(project / "content/places/saraqeb.md")["coordinates"] == {
        "lat": 35.86, "lon": 36.8, "precision": "settlement"}
    event = front_matter(project / "content/events/saraqeb-advance.md")
    assert event == {"title": "Syrian forces advance on Saraqeb", "date": "2020-02~", "type": "offensive",
                     "sources": ["guardian-saraqeb", "guardian-report"]}
    article = (project / "content/articles/guardian-saraqeb.md").read_text(encoding="utf-8")
    assert article.endswith("---\nAssad's forces advanced on Saraqeb, the Guardian reported.\n\n"
                            "Turkey sent more troops.\n")
    assert "published: 2020-02-06\n" in article, "dates are written as in the README, unquoted"
    assert "# corrections:" in article, "optional fields are offered as comments"


def test_scaffolded_files_match_their_schemas(make_project: MakeProject) -> None:
    project = make_project(BASE)
    assert new(project, "actor", "kurds", "--name", "Kurds", "--kind", "group") == 0
    assert new(project, "place", "qamishli", "--name", "Qamishli", "--lat", "37.05", "--lon", "41.23") == 0
    assert new(project, "event", "talks", "--title", "Talks", "--date", "2020-02-10/2020-02-12",
               "--source", "guardian-report") == 0
    assert new(project, "article", "report-2", "--title", "Report", "--published", "2020-02-12") == 0
    for kind, file in [("actor", "actors/kurds.md"), ("place", "places/qamishli.md"), ("event", "events/talks.md"),
                       ("article", "articles/report-2.md")]:
        schema = json.loads((ROOT / "builder/authoring/schemas" / f"{kind}.schema.json").read_text(encoding="utf-8"))
        errors = [e.message for e in Draft202012Validator(schema).iter_errors(front_matter(project / "content" / file))]
        assert errors == [], file


@pytest.mark.parametrize("value", ["Foo: bar # not a comment", "yes", "'quoted'", "- dash", "2020", "null",
                                   "Erdoğan’s “office”", "[a, b]", "{x}", "@handle", "100%"])
def test_text_that_yaml_would_misread_is_written_safely(make_project: MakeProject, value: str) -> None:
    project = make_project(BASE)
    assert new(project, "actor", "someone", "--name", value) == 0
    assert new(project, "event", "something", "--title", value, "--date", "2020", "--source", "guardian-report") == 0
    assert front_matter(project / "content/actors/someone.md")["name"] == value
    assert front_matter(project / "content/events/something.md")["title"] == value
    result = run_cli(project, "check")
    assert result.returncode == 0, result.stderr


REFUSED = [
    pytest.param(["actor", "Bad_Name", "--name", "X"],
                 "new actor: actor id: 'Bad_Name' is not a valid id: use lowercase letters", id="bad-id"),
    pytest.param(["place", "index", "--name", "X"], "'index' is reserved", id="reserved-id"),
    pytest.param(["actor", "putin", "--name", "X"],
                 "new actor: content/actors/putin.md already exists; not overwritten", id="overwrite"),
    pytest.param(["actor", "kurds", "--name", "X"],
                 "new actor: actor 'kurds' already exists in content/actors/groups.yml", id="id-in-list-file"),
    pytest.param(["actor", "assad", "--name", "X", "--kind", "persn"],
                 "--kind: 'persn' is not an actor kind (did you mean 'person'?); expected one of: person, state",
                 id="actor-kind"),
    pytest.param(["actor", "assad", "--name", "  "], "--name must not be empty", id="empty-name"),
    pytest.param(["actor", "assad", "--name", "Two\nlines"], "--name must be one line", id="two-lines"),
    pytest.param(["event", "e", "--title", "T", "--date", "12 Feb 2020", "--source", "guardian-report"],
                 "new event: --date: invalid EDTF date '12 Feb 2020'", id="bad-date"),
    pytest.param(["event", "e", "--title", "T", "--date", "2020-02-12/2020-02-10", "--source", "guardian-report"],
                 "--date: date range ends (10 Feb 2020) before it starts (12 Feb 2020)", id="reversed-range"),
    pytest.param(["event", "e", "--title", "T", "--date", "2020", "--source", "guardian-reprot"],
                 "new event: --source: unknown article 'guardian-reprot' (did you mean 'guardian-report'?)",
                 id="unknown-source"),
    pytest.param(["event", "e", "--title", "T", "--date", "2020", "--source", "guardian-report", "--type", "A B"],
                 "--type: 'A B' is not a valid id", id="bad-type"),
    pytest.param(["place", "aleppo", "--name", "Aleppo", "--within", "syira"],
                 "--within: unknown place 'syira' (did you mean 'syria'?)", id="unknown-within"),
    pytest.param(["place", "aleppo", "--name", "Aleppo", "--lat", "36.2"],
                 "--lat and --lon go together", id="lat-without-lon"),
    pytest.param(["place", "aleppo", "--name", "Aleppo", "--lat", "136.2", "--lon", "37"],
                 "coordinates 136.2, 37.0 are outside", id="lat-out-of-range"),
    pytest.param(["article", "a", "--title", "T", "--published", "2020-02-12", "--publisher", "the-gaurdian"],
                 "--publisher: unknown actor 'the-gaurdian' (did you mean 'the-guardian'?)", id="unknown-publisher"),
    pytest.param(["article", "a", "--title", "T", "--published", "Feb 2020"],
                 "--published: invalid EDTF date 'Feb 2020'", id="bad-published"),
    pytest.param(["article", "a", "--title", "T", "--published", "2020", "--url", "javascript:alert(1)"],
                 "new article: --url: 'javascript:alert(1)' is not a web address: only http:// and https:// "
                 "addresses are allowed", id="javascript-url"),
    pytest.param(["article", "a", "--title", "T", "--published", "2020", "--url", "example.org/a"],
                 "--url: 'example.org/a' is not a web address", id="relative-url"),
    pytest.param(["article", "a", "--title", "T", "--published", "2020", "--text", "missing.txt"],
                 "--text: cannot read missing.txt", id="missing-text-file"),
]


@pytest.mark.parametrize(("args", "message"), REFUSED)
def test_bad_values_are_refused_and_nothing_is_written(make_project: MakeProject, capsys: pytest.CaptureFixture[str],
                                                       args: list[str], message: str) -> None:
    project = make_project(BASE | {"content/actors/groups.yml": "- id: kurds\n  name: Kurds\n  kind: group\n"})
    before = snapshot(project)
    assert new(project, *args) == 1
    captured = capsys.readouterr()
    assert message in captured.err, captured.err
    assert captured.out == ""
    assert snapshot(project) == before


def test_no_articles_yet_says_how_to_add_one(make_project: MakeProject, capsys: pytest.CaptureFixture[str]) -> None:
    project = make_project({"content/site.yml": "title: Empty\n"})
    assert new(project, "event", "e", "--title", "T", "--date", "2020", "--source", "report") == 1
    assert "unknown article 'report': there are no articles yet (create one with: python -m builder new article" \
        in capsys.readouterr().err


def test_article_text_from_standard_input(make_project: MakeProject, monkeypatch: pytest.MonkeyPatch) -> None:
    project = make_project(BASE)
    monkeypatch.setattr(sys, "stdin", io.StringIO("Pasted text.\n\n::: caption\nA photo.\n:::\n"))
    assert new(project, "article", "pasted", "--title", "Pasted", "--published", "2020-02-12", "--text", "-") == 0
    assert (project / "content/articles/pasted.md").read_text(encoding="utf-8").endswith(
        "---\nPasted text.\n\n::: caption\nA photo.\n:::\n")
    assert run_cli(project, "check").returncode == 0


def test_new_writes_into_the_configured_content_dir(make_project: MakeProject) -> None:
    config = (MINIMAL_MKDOCS.format(theme=ROOT / "theme")
              .replace("docs_dir: content/pages", "docs_dir: data/content/pages")
              .replace("  - timeline\n", "  - timeline:\n      content_dir: data/content\n"))
    project = make_project({"mkdocs.yml": config, **{"data/" + path: text for path, text in BASE.items()}})
    result = run_cli(project, "new", "event", "talks", "--title", "Talks", "--date", "2020-02",
                     "--source", "guardian-report")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "wrote data/content/events/talks.md"
    assert (project / "data/content/events/talks.md").is_file()
    assert not (project / "content/events").exists()
    assert run_cli(project, "check").returncode == 0


def test_a_date_shaped_name_that_is_no_date_is_written_as_text(make_project: MakeProject) -> None:
    project = make_project(BASE)
    assert new(project, "actor", "someone", "--name", "2020-02-30") == 0
    assert front_matter(project / "content/actors/someone.md")["name"] == "2020-02-30"
    result = run_cli(project, "check")
    assert result.returncode == 0, result.stderr
