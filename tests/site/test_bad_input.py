"""Bad input: every problem in content/ is reported as ``path:line: message``, all in one run, with a
"did you mean" for unknown ids, a non-zero exit, no traceback, and nothing written.

Each case starts from ``BASE``, a small valid project, and changes one thing in it; the expected line
numbers below are lines of the changed files as written (line 1 is the opening ``---`` of a ``.md``).
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import MINIMAL_MKDOCS, ROOT, mkdocs_build, run_cli, write_tree

MakeProject = Callable[[dict[str, str | bytes]], Path]

ACTOR_ERDOGAN = """\
---
name: Recep Tayyip Erdoğan
aliases: [Erdogan]
kind: person
title: President of Turkey
---
President of Turkey.
"""
ACTOR_PUTIN = """\
---
name: Vladimir Putin
aliases: [Putin]
kind: person
---
President of Russia.
"""
ACTOR_GUARDIAN = """\
---
name: The Guardian
kind: media-outlet
---
"""
PLACE_SYRIA = """\
---
name: Syria
kind: country
---
"""
PLACE_IDLIB = """\
---
name: Idlib
kind: province
within: syria
coordinates: {lat: 35.8, lon: 36.6, precision: region}
---
"""
ARTICLE = """\
---
title: Erdoğan warns Syria over Idlib
publisher: the-guardian
published: 2020-02-12
---
Erdogan said the offensive in Idlib must stop by the end of February.

Putin did not reply to the warning, the Kremlin said.
"""
EVENT_WARNS = """\
---
title: Erdoğan warns Syria over Idlib
date: 2020-02-12
type: statement
places: [idlib]
actors:
  - {actor: erdogan, role: speaker}
sources: [guardian-report]
quotes:
  - by: erdogan
    article: guardian-report
    text: the offensive in Idlib must stop
    kind: reported
---
Turkey's first deadline.
"""
EVENT_SILENT = """\
---
title: Putin does not reply
date: 2020-02-12
part_of: erdogan-warns
actors:
  - {actor: putin, role: subject}
related: [erdogan-warns]
sources: [guardian-report]
---
"""
STORY_TEXT = """\
---
title: The warning and the silence
steps:
  - event: erdogan-warns
    quote: 1
    narration: Erdoğan sets a deadline.
  - event: putin-silent
    narration: Moscow says nothing.
---
Two events, told in order.
"""

BASE: dict[str, str | bytes] = {
    "content/site.yml": "title: Test timeline\nintro: A small test project.\n",
    "content/pages/about.md": "# About\n\nA test project.\n",
    "content/actors/erdogan.md": ACTOR_ERDOGAN,
    "content/actors/putin.md": ACTOR_PUTIN,
    "content/actors/the-guardian.md": ACTOR_GUARDIAN,
    "content/places/syria.md": PLACE_SYRIA,
    "content/places/idlib.md": PLACE_IDLIB,
    "content/articles/guardian-report.md": ARTICLE,
    "content/events/erdogan-warns.md": EVENT_WARNS,
    "content/events/putin-silent.md": EVENT_SILENT,
}

ACTOR = "content/actors/putin.md"
IDLIB = "content/places/idlib.md"
ARTICLE_MD = "content/articles/guardian-report.md"
WARNS = "content/events/erdogan-warns.md"
SILENT = "content/events/putin-silent.md"
RELATIONS = "content/relations/r.yml"
STORY = "content/stories/warning.md"


def story(old: str, new: str) -> dict[str, str | bytes]:
    """A story (not in BASE) with its first ``old`` replaced by ``new``."""
    assert old in STORY_TEXT, old
    return {STORY: STORY_TEXT.replace(old, new, 1)}

DIAGNOSTIC = re.compile(r"^(?P<path>[^\s:]+):(?P<line>\d+): (?P<message>.+)$")
SUMMARY = re.compile(r"^\d+ errors?, \d+ warnings?$")


def edit(path: str, old: str, new: str) -> dict[str, str | bytes]:
    """BASE's file at ``path`` with its first ``old`` replaced by ``new``."""
    text = BASE[path]
    assert isinstance(text, str) and old in text, (path, old)
    return {path: text.replace(old, new, 1)}


def diagnostics_of(result: subprocess.CompletedProcess[str]) -> list[tuple[str, int, str]]:
    """Every diagnostic of a run; every line of stderr must be one, or the summary line."""
    assert "Traceback" not in result.stderr, result.stderr
    found = []
    for text in result.stderr.splitlines():
        if SUMMARY.match(text) or text == "no problems found":
            continue
        match = DIAGNOSTIC.match(text)
        assert match, f"not a 'path:line: message' line: {text!r}\n{result.stderr}"
        found.append((match["path"], int(match["line"]), match["message"]))
    return found


def assert_reported(found: list[tuple[str, int, str]], path: str, line: int, fragment: str) -> None:
    assert any(p == path and n == line and fragment in m for p, n, m in found), (
        f"expected {path}:{line}: …{fragment}…; got:\n" + "\n".join(f"{p}:{n}: {m}" for p, n, m in found)
    )


def snapshot(folder: Path) -> dict[str, bytes]:
    return {f.relative_to(folder).as_posix(): f.read_bytes() for f in sorted(folder.rglob("*")) if f.is_file()}


def test_base_project_is_valid(make_project: MakeProject) -> None:
    result = run_cli(make_project(BASE), "check")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.strip() == "no problems found"
    assert "1 articles, 3 actors, 2 places, 2 events, 0 relations" in result.stdout


CASES = [
    # YAML syntax
    pytest.param(edit(WARNS, "type: statement\n", "type: statement: bad\n"),
                 WARNS, 4, "YAML syntax error: mapping values are not allowed", id="yaml-syntax-front-matter"),
    pytest.param({RELATIONS: "- subject: erdogan\n  type: opposes: putin\n  sources: [guardian-report]\n"},
                 RELATIONS, 2, "YAML syntax error", id="yaml-syntax-list-file"),
    pytest.param(edit(ACTOR, "kind: person\n", "kind:\tperson\n\tfoo: 1\n"),
                 ACTOR, 5, "YAML syntax error", id="yaml-syntax-tab"),
    pytest.param(edit(SILENT, "sources: [guardian-report]", "sources: [guardian-report]\ntitle: again"),
                 SILENT, 9, "duplicate key 'title'", id="yaml-duplicate-key"),
    pytest.param(edit(SILENT, "part_of: erdogan-warns\n", "part_of: erdogan-warns\ntags: !!python/object x\n"),
                 SILENT, 5, "YAML error", id="yaml-unknown-tag"),
    pytest.param(edit(SILENT, "part_of: erdogan-warns\n", "part_of: erdogan-warns\ntags: !!int abc\n"),
                 SILENT, 5, "abc", id="yaml-bad-int"),
    pytest.param({"content/actors/assad.md": "name: Bashar al-Assad\nkind: person\n"},
                 "content/actors/assad.md", 1, "missing front matter", id="no-front-matter"),
    pytest.param({"content/actors/assad.md": "---\n- a\n- b\n---\n"},
                 "content/actors/assad.md", 2, "front matter must be a mapping", id="front-matter-not-mapping"),
    # missing required field
    pytest.param(edit(ACTOR, "kind: person\n", ""),
                 ACTOR, 2, "missing required field 'kind' in actor 'putin'", id="missing-field"),
    pytest.param({"content/actors/more.yml": "- id: kurds\n  kind: group\n"},
                 "content/actors/more.yml", 1, "missing required field 'name' in actor 'kurds'",
                 id="missing-field-list-item"),
    pytest.param(edit(ARTICLE_MD, "published: 2020-02-12\n", ""),
                 ARTICLE_MD, 2, "missing required field 'published'", id="missing-field-article"),
    pytest.param(edit(SILENT, "date: 2020-02-12\n", ""),
                 SILENT, 2, "missing required field 'date' in event 'putin-silent'", id="missing-field-event-date"),
    # unknown field (a typo)
    pytest.param(edit(IDLIB, "kind: province", "kidn: province"),
                 IDLIB, 3, "unknown field 'kidn' in place 'idlib' (did you mean 'kind'?)", id="unknown-field"),
    pytest.param(edit(WARNS, "    text: the offensive", "    txt: the offensive"),
                 WARNS, 12, "unknown field 'txt' in a quote of event 'erdogan-warns' (did you mean 'text'?)",
                 id="unknown-field-nested"),
    pytest.param({"content/site.yml": "title: T\nintor: x\n"},
                 "content/site.yml", 2, "unknown field 'intor' in site.yml (did you mean 'intro'?)",
                 id="unknown-field-site"),
    # duplicate id
    pytest.param({"content/actors/more.yml": "- id: kurds\n  name: Kurds\n  kind: group\n",
                  "content/actors/others.yml": "# more groups\n- id: kurds\n  name: Kurds\n  kind: group\n"},
                 "content/actors/others.yml", 2,
                 "duplicate actor id 'kurds' (first defined at content/actors/more.yml:1)", id="duplicate-id-lists"),
    pytest.param({"content/actors/list.yml": "- id: assad\n  name: Assad\n  kind: person\n\n"
                                            "- id: putin\n  name: Putin again\n  kind: person\n"},
                 ACTOR, 2, "duplicate actor id 'putin' (first defined at content/actors/list.yml:5)",
                 id="duplicate-id-md-and-list"),
    # unknown references, each with a "did you mean"
    pytest.param(edit(SILENT, "actor: putin", "actor: ptin"),
                 SILENT, 6, "unknown actor 'ptin' (did you mean 'putin'?)", id="unknown-actor"),
    pytest.param(edit(WARNS, "  - by: erdogan", "  - by: erdgan"),
                 WARNS, 10, "unknown actor 'erdgan' (did you mean 'erdogan'?)", id="unknown-actor-quote-by"),
    pytest.param(edit(ARTICLE_MD, "publisher: the-guardian", "publisher: the-gaurdian"),
                 ARTICLE_MD, 3, "unknown actor 'the-gaurdian' (did you mean 'the-guardian'?)",
                 id="unknown-actor-publisher"),
    pytest.param(edit(ARTICLE_MD, "Putin did not reply to the warning, the Kremlin said.",
                      "The Kremlin said it would\nnot reply, [Vladimir Putin](actor:ptin) said."),
                 ARTICLE_MD, 9, "unknown actor 'ptin' (did you mean 'putin'?)", id="unknown-actor-mention"),
    pytest.param(edit(ARTICLE_MD, "\nPutin did not", "\n::: embed tweet by=erdgan\nA tweet.\n:::\n\nPutin did not"),
                 ARTICLE_MD, 8, "unknown actor 'erdgan' (did you mean 'erdogan'?)", id="unknown-actor-embed"),
    pytest.param({RELATIONS: "- subject: erdogan\n  type: opposes\n  object: ptin\n  sources: [guardian-report]\n"},
                 RELATIONS, 3, "unknown actor 'ptin' (did you mean 'putin'?)", id="unknown-actor-relation"),
    pytest.param(edit(WARNS, "places: [idlib]", "places:\n  - syria\n  - idlb"),
                 WARNS, 7, "unknown place 'idlb' (did you mean 'idlib'?)", id="unknown-place"),
    pytest.param(edit(IDLIB, "within: syria", "within: syira"),
                 IDLIB, 4, "unknown place 'syira' (did you mean 'syria'?)", id="unknown-place-within"),
    pytest.param(edit(SILENT, "sources: [guardian-report]", "sources: [guardian-reprot]"),
                 SILENT, 8, "unknown article 'guardian-reprot' (did you mean 'guardian-report'?)",
                 id="unknown-article"),
    pytest.param(edit(WARNS, "    article: guardian-report", "    article: guardian-repor"),
                 WARNS, 11, "unknown article 'guardian-repor' (did you mean 'guardian-report'?)",
                 id="unknown-article-quote"),
    pytest.param(edit(SILENT, "part_of: erdogan-warns", "part_of: erdogan-warn"),
                 SILENT, 4, "unknown event 'erdogan-warn' (did you mean 'erdogan-warns'?)", id="unknown-event"),
    pytest.param(edit(SILENT, "related: [erdogan-warns]", "related: [erdgan-warns]"),
                 SILENT, 7, "unknown event 'erdgan-warns' (did you mean 'erdogan-warns'?)",
                 id="unknown-event-related"),
    # dates
    pytest.param(edit(ARTICLE_MD, "published: 2020-02-12", "published: 12 Feb 2020"),
                 ARTICLE_MD, 4, "published: invalid EDTF date '12 Feb 2020'", id="invalid-edtf"),
    pytest.param({RELATIONS: "- subject: erdogan\n  type: opposes\n  object: putin\n  date: 2020-13-45\n"
                             "  sources: [guardian-report]\n"},
                 RELATIONS, 4, "date: invalid EDTF date '2020-13-45'", id="invalid-edtf-relation"),
    pytest.param({RELATIONS: "- subject: erdogan\n  type: opposes\n  object: putin\n  date: 2020-02-12/2020-02-10\n"
                             "  sources: [guardian-report]\n"},
                 RELATIONS, 4, "date range ends (10 Feb 2020) before it starts (12 Feb 2020)", id="range-reversed"),
    pytest.param(edit(SILENT, "date: 2020-02-12", "date: 12 Feb 2020"),
                 SILENT, 3, "date: invalid EDTF date '12 Feb 2020'", id="invalid-edtf-event"),
    pytest.param(edit(SILENT, "date: 2020-02-12", "date: 2020-02-12/2020-02-10"),
                 SILENT, 3, "date range ends (10 Feb 2020) before it starts (12 Feb 2020)", id="range-reversed-event"),
    # quotes, sources, corrections
    pytest.param(edit(WARNS, "text: the offensive in Idlib must stop", "text: the offensive in Idlib will stop"),
                 WARNS, 12, "quote not found in article 'guardian-report': \"the offensive in Idlib will stop\"",
                 id="quote-not-found"),
    pytest.param({RELATIONS: "- subject: erdogan\n  type: opposes\n  object: putin\n  sources:\n"
                             "    - article: guardian-report\n      text: must stop by the end of March\n"},
                 RELATIONS, 6, "quote not found in article 'guardian-report'", id="citation-not-found"),
    pytest.param(edit(ARTICLE_MD, "published: 2020-02-12\n",
                      "published: 2020-02-12\ncorrections:\n  - {text: opposijtion, correction: opposition}\n"),
                 ARTICLE_MD, 6, "correction: 'opposijtion' does not occur in article 'guardian-report'",
                 id="correction-not-found"),
    pytest.param(edit(SILENT, "sources: [guardian-report]\n", ""),
                 SILENT, 2, "event 'putin-silent' cites no source", id="no-source"),
    pytest.param(edit(SILENT, "sources: [guardian-report]", "sources: []"),
                 SILENT, 2, "event 'putin-silent' cites no source", id="empty-sources"),
    # cycles
    pytest.param(edit(WARNS, "type: statement\n", "type: statement\npart_of: putin-silent\n"),
                 WARNS, 5, "'part_of' forms a cycle: erdogan-warns → putin-silent → erdogan-warns",
                 id="part-of-cycle"),
    pytest.param(edit("content/places/syria.md", "kind: country\n", "kind: country\nwithin: idlib\n"),
                 IDLIB, 4, "'within' forms a cycle: idlib → syria → idlib", id="within-cycle"),
    pytest.param(edit(IDLIB, "within: syria", "within: idlib"),
                 IDLIB, 4, "'within' forms a cycle: idlib → idlib", id="within-self"),
    # ids and files
    pytest.param({"content/actors/Bad_Name.md": "---\nname: Bad\nkind: person\n---\n"},
                 "content/actors/Bad_Name.md", 2, "actor id: 'Bad_Name' is not a valid id", id="id-not-slug"),
    pytest.param({"content/actors/more.yml": "- id: kurds\n  name: Kurds\n  kind: group\n- id: Kurds_2\n  name: K\n"
                                             "  kind: group\n"},
                 "content/actors/more.yml", 4, "actor id: 'Kurds_2' is not a valid id", id="id-not-slug-list"),
    pytest.param({"content/actors/index.md": "---\nname: Index\nkind: person\n---\n"},
                 "content/actors/index.md", 2, "'index' is reserved", id="id-reserved"),
    pytest.param({"content/actors/assad.md": b"---\nname: Bashar al-Assad\nkind: person\n---\nPresident \xff.\n"},
                 "content/actors/assad.md", 5, "file is not UTF-8", id="not-utf8"),
    pytest.param({"content/actors/assad.md": "---\r\nname: Bashar al-Assad\r\nkind: persn\r\n---\r\n"},
                 "content/actors/assad.md", 3, "'kind' is 'persn'", id="crlf-line-numbers"),
    pytest.param({"content/actors/assad.md": "\ufeff---\nname: Bashar al-Assad\nkind: persn\n---\n"},
                 "content/actors/assad.md", 3, "'kind' is 'persn'", id="bom-line-numbers"),
    pytest.param({"content/articles/more.yml": "- id: a\n"},
                 "content/articles/more.yml", 1, "articles are written one per .md file", id="article-list-file"),
    # kinds and blocks
    pytest.param(edit(ACTOR, "kind: person", "kind: persn"),
                 ACTOR, 4, "'kind' is 'persn'; expected one of: person, state", id="unknown-actor-kind"),
    pytest.param(edit(ACTOR, "kind: person", "kind: persn"),
                 ACTOR, 4, "(did you mean 'person'?)", id="unknown-actor-kind-hint"),
    pytest.param(edit(ARTICLE_MD, "\nPutin did not", "\n::: caption\nA photo of Idlib.\n\nPutin did not"),
                 ARTICLE_MD, 8, "'::: caption' block is never closed", id="unclosed-fence"),
    pytest.param(edit(ARTICLE_MD, "\nPutin did not", "\n::: captoin\nA photo of Idlib.\n:::\n\nPutin did not"),
                 ARTICLE_MD, 8, "unknown block kind 'captoin' (did you mean 'caption'?)", id="unknown-block-kind"),
    # stories
    pytest.param(story("event: putin-silent", "event: putin-silnt"),
                 STORY, 7, "unknown event 'putin-silnt' (did you mean 'putin-silent'?)", id="story-unknown-event"),
    pytest.param(story("steps:\n  - event: erdogan-warns\n    quote: 1\n    narration: Erdoğan sets a deadline.\n"
                       "  - event: putin-silent\n    narration: Moscow says nothing.\n", "steps: []\n"),
                 STORY, 3, "story 'warning' has no steps", id="story-empty-steps"),
    pytest.param(story("steps:\n  - event: erdogan-warns\n    quote: 1\n    narration: Erdoğan sets a deadline.\n"
                       "  - event: putin-silent\n    narration: Moscow says nothing.\n", ""),
                 STORY, 2, "story 'warning' has no steps", id="story-no-steps"),
    pytest.param(story("    narration: Moscow", "    narattion: Moscow"),
                 STORY, 8, "unknown field 'narattion' in step 2 of story 'warning' (did you mean 'narration'?)",
                 id="story-unknown-step-field"),
    pytest.param(story("  - event: putin-silent\n    narration", "  - narration"),
                 STORY, 7, "missing required field 'event' in step 2 of story 'warning'", id="story-step-no-event"),
    pytest.param(story("quote: 1", "quote: 3"),
                 STORY, 5, "quote: event 'erdogan-warns' has 1 quote, so there is no quote 3", id="story-quote-number"),
    pytest.param(story("quote: 1", "quote: must halt"),
                 STORY, 5, "quote: 'must halt' is not in any quote of event 'erdogan-warns'", id="story-quote-text"),
    pytest.param({"content/stories/more.yml": "- id: x\n  title: X\n"},
                 "content/stories/more.yml", 1, "stories are written one per .md file", id="story-list-file"),
]


@pytest.mark.parametrize(("files", "path", "line", "fragment"), CASES)
def test_check_reports_problem(make_project: MakeProject, files: dict[str, str | bytes], path: str, line: int,
                               fragment: str) -> None:
    result = run_cli(make_project(BASE | files), "check")
    found = diagnostics_of(result)
    assert result.returncode == 1, result.stderr
    assert_reported(found, path, line, fragment)


def test_story_with_its_quote_by_words_is_valid(make_project: MakeProject) -> None:
    result = run_cli(make_project(BASE | story("quote: 1", "quote: Offensive In Idlib")), "check")
    assert result.returncode == 0, result.stderr
    assert "2 events, 0 relations, 1 stories" in result.stdout


def test_undated_relation_next_to_dated_one_is_valid(make_project: MakeProject) -> None:
    relations = (
        "- {subject: erdogan, type: opposes, object: putin, date: 2020-02, sources: [guardian-report]}\n"
        "- {subject: putin, type: opposes, object: erdogan, sources: [guardian-report]}\n"
    )
    result = run_cli(make_project(BASE | {RELATIONS: relations}), "check")
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 0, result.stderr


# Seven problems of different kinds in seven files; none of them causes a follow-on error.
SEVERAL = {
    **edit(ACTOR, "kind: person", "kind: persn"),
    **edit(IDLIB, "kind: province", "kidn: province"),
    **edit(WARNS, "text: the offensive in Idlib must stop", "text: the offensive in Idlib will stop"),
    **edit(SILENT, "part_of: erdogan-warns", "part_of: erdogan-warn"),
    **edit(ARTICLE_MD, "\nPutin did not", "\n::: captoin\nA photo of Idlib.\n:::\n\nPutin did not"),
    "content/actors/Bad_Name.md": "---\nname: Bad\nkind: person\n---\n",
    "content/actors/assad.md": b"---\nname: Bashar al-Assad\nkind: person\n---\nPresident \xff.\n",
}
SEVERAL_REPORTED = [
    ("content/actors/Bad_Name.md", 2, "actor id: 'Bad_Name' is not a valid id"),
    ("content/actors/assad.md", 5, "file is not UTF-8"),
    (ACTOR, 4, "(did you mean 'person'?)"),
    (ARTICLE_MD, 8, "unknown block kind 'captoin' (did you mean 'caption'?)"),
    (WARNS, 12, "quote not found in article 'guardian-report'"),
    (SILENT, 4, "unknown event 'erdogan-warn' (did you mean 'erdogan-warns'?)"),
    (IDLIB, 3, "unknown field 'kidn' in place 'idlib' (did you mean 'kind'?)"),
]


def test_all_problems_reported_in_one_run(make_project: MakeProject) -> None:
    result = run_cli(make_project(BASE | SEVERAL), "check")
    found = diagnostics_of(result)
    assert result.returncode == 1
    for path, line, fragment in SEVERAL_REPORTED:
        assert_reported(found, path, line, fragment)
    assert len(found) == len(SEVERAL_REPORTED), found
    assert result.stderr.splitlines()[-1] == "7 errors, 0 warnings"
    assert result.stdout == ""


def test_mkdocs_build_reports_the_same_lines_and_keeps_the_old_site(make_project: MakeProject,
                                                                     tmp_path: Path) -> None:
    project = make_project(BASE)
    site = tmp_path / "site"
    built = mkdocs_build(project, site)
    assert built.returncode == 0, built.stderr
    before = snapshot(site)
    assert "events/erdogan-warns/index.html" in before

    write_tree(project, SEVERAL)
    expected = [f"{p}:{n}: {m}" for p, n, m in diagnostics_of(run_cli(project, "check"))]
    assert len(expected) == len(SEVERAL_REPORTED)
    result = mkdocs_build(project, site)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr, result.stderr
    for line in expected:
        assert line in result.stderr, f"{line!r} missing from:\n{result.stderr}"
    assert snapshot(site) == before


AMBIGUOUS = {
    **edit("content/actors/erdogan.md", "aliases: [Erdogan]", "aliases: [Erdogan, President]"),
    **edit(ACTOR, "aliases: [Putin]", "aliases: [Putin, President]"),
    **edit(ARTICLE_MD, "\nPutin did not", "\nThe President spoke.\n\nPutin did not"),
}
AMBIGUOUS_WARNING = f"{ARTICLE_MD}:8: warning: 'President' could be actor 'erdogan' or actor 'putin'"


def test_ambiguous_name_is_a_warning_and_fails_only_when_strict(make_project: MakeProject) -> None:
    project = make_project(BASE | AMBIGUOUS)
    plain = run_cli(project, "check")
    assert plain.returncode == 0, plain.stderr
    assert "Traceback" not in plain.stderr
    assert AMBIGUOUS_WARNING in plain.stderr
    assert "0 errors, 1 warning" in plain.stderr

    strict = run_cli(project, "--strict", "check")
    diagnostics_of(strict)
    assert strict.returncode == 1, strict.stderr
    assert AMBIGUOUS_WARNING in strict.stderr


def test_strict_after_the_command(make_project: MakeProject) -> None:
    strict = run_cli(make_project(BASE | AMBIGUOUS), "check", "--strict")
    assert "unrecognized arguments" not in strict.stderr, strict.stderr
    assert strict.returncode == 1, strict.stderr
    assert AMBIGUOUS_WARNING in strict.stderr


def test_mkdocs_strict_warning_keeps_the_old_site(make_project: MakeProject, tmp_path: Path) -> None:
    project = make_project(BASE)
    site = tmp_path / "site"
    assert mkdocs_build(project, site).returncode == 0
    before = snapshot(site)
    write_tree(project, AMBIGUOUS)
    result = mkdocs_build(project, site)
    assert result.returncode != 0
    assert AMBIGUOUS_WARNING in result.stderr
    assert snapshot(site) == before


def test_mkdocs_paths_are_relative_to_the_project(make_project: MakeProject, tmp_path: Path) -> None:
    config = (MINIMAL_MKDOCS.format(theme=ROOT / "theme")
              .replace("docs_dir: content/pages", "docs_dir: data/content/pages")
              .replace("  - timeline\n", "  - timeline:\n      content_dir: data/content\n"))
    files: dict[str, str | bytes] = {"mkdocs.yml": config}
    files.update({"data/" + path: text for path, text in (BASE | edit(ACTOR, "kind: person", "kind: persn")).items()})
    project = make_project(files)
    expected = "data/content/actors/putin.md:4: 'kind' is 'persn'"
    check = run_cli(project, "check")
    assert expected in check.stderr, check.stderr
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert expected in result.stderr, result.stderr


def test_export_writes_nothing_on_errors_and_everything_otherwise(make_project: MakeProject) -> None:
    project = make_project(BASE | SEVERAL)
    out = project / "out"
    write_tree(out, {"index.md": "# Exported earlier\n", "events/old.md": "old\n", ".timeline-export": ""})
    before = snapshot(out)

    failed = run_cli(project, "export", "out")
    found = diagnostics_of(failed)
    assert failed.returncode == 1
    assert len(found) == len(SEVERAL_REPORTED)
    assert snapshot(out) == before
    assert not [p.name for p in project.iterdir() if p.name.startswith(".out.")], "staging dir left behind"

    write_tree(project, {path: BASE[path] for path in SEVERAL if path in BASE})
    for stray in ("content/actors/Bad_Name.md", "content/actors/assad.md"):
        (project / stray).unlink()
    done = run_cli(project, "export", "out")
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    written = snapshot(out)
    for page in ("index.md", "timeline/index.md", "events/erdogan-warns/index.md", "events/putin-silent/index.md",
                 "about.md"):
        assert page in written, sorted(written)
    assert "events/old.md" not in written, "OUT is replaced as a whole"
    assert written["index.md"] != before["index.md"]
    assert not [p.name for p in project.iterdir() if p.name.startswith(".out.")], "staging dir left behind"


def test_check_alone_reports_exactly_what_a_build_reports(make_project: MakeProject) -> None:
    """`check` skips the mentions only pages need; it must not skip a single problem."""
    from builder.pipeline import build_site

    bad = make_project(BASE | SEVERAL | AMBIGUOUS)
    for project in (bad, ROOT):
        full = build_site(project / "content", project)
        alone = build_site(project / "content", project, validate_only=True)
        reported = [d.format() for d in alone.diagnostics]
        assert reported == [d.format() for d in full.diagnostics]
        assert full.site.mentions and not alone.site.mentions
        if project == bad:
            assert any(line.startswith(AMBIGUOUS_WARNING) for line in reported), reported
            assert sum(' warning: ' not in line for line in reported) >= 5  # errors too
