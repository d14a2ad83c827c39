"""Hostile content at the loading stage: YAML that would exhaust the build, files that must not be
read (links out of the project, FIFOs, unreadable files) or that look like content and are not
read, and errors that must be reported at the line where the author has to look.

Each case is a small project: ``BASE`` of ``test_bad_input`` with one change. ``check`` and
``mkdocs build --strict`` run on it as subprocesses; each case asserts the complete list of
diagnostics (``path:line: message``, exact), the exit codes (errors fail ``check``; warnings fail
only ``--strict``, which the build is run with), no traceback, a time bound, and that the site
built earlier in ``site_dir`` is byte-identical after the failed build.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.conftest import MINIMAL_MKDOCS, ROOT, write_tree
from tests.site.test_bad_input import ACTOR, ARTICLE_MD, BASE, SILENT, WARNS, edit, snapshot

SECONDS = 20  # for any one command, however hostile the content
ACTORS = "content/actors"
LIST = f"{ACTORS}/more.yml"
Setup = Callable[[Path, Path], None]  # (project, a folder outside it)


@dataclass(frozen=True)
class Case:
    id: str
    files: dict[str, str | bytes]
    expected: list[str]  # every diagnostic, exactly; "{outside}" stands for the folder outside the project
    setup: Setup | None = None
    unprivileged: bool = False  # run without root's power to read any file
    env: dict[str, str] = field(default_factory=dict)


def _link(name: str, target: str) -> Setup:
    """A symbolic link at ``name`` (in the project) to ``target`` ("{outside}/…" or relative to the link)."""
    def setup(project: Path, outside: Path) -> None:
        link = project / name
        link.parent.mkdir(parents=True, exist_ok=True)
        os.symlink(target.replace("{outside}", str(outside)), link)
    return setup


def _outside_files(project: Path, outside: Path) -> None:
    write_tree(outside, {"secret.md": "---\nname: Secret\nkind: person\n---\nA secret.\n", "site.yml": "title: T\n",
                         "events/leak.md": "---\ntitle: Leak\ndate: 2020\nsources: [guardian-report]\n---\n"})


def _no_site_file(project: Path, outside: Path) -> None:
    (project / "content/site.yml").unlink()


def _both(*steps: Setup) -> Setup:
    def setup(project: Path, outside: Path) -> None:
        for step in steps:
            step(project, outside)
    return setup


def _fifo(project: Path, outside: Path) -> None:
    os.mkfifo(project / ACTORS / "pipe.md")


def _site_folder(project: Path, outside: Path) -> None:
    (project / "content/site.yml").unlink()
    (project / "content/site.yml").mkdir()


def _site_fifo(project: Path, outside: Path) -> None:
    (project / "content/site.yml").unlink()
    os.mkfifo(project / "content/site.yml")


def _unreadable(name: str) -> Setup:
    def setup(project: Path, outside: Path) -> None:
        (project / name).chmod(0)
    return setup


def _bomb() -> str:
    """A billion laughs: each level repeats the one before nine times (9 ** 11 values in all)."""
    lines = ["- id: kurds", "  name: Kurds", "  kind: group", "  aliases: &a0 [lol]"]
    lines += [f"  x{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 12)]
    return "\n".join(lines) + "\n"


def _deep_block(levels: int) -> str:
    return "- id: kurds\n  name: Kurds\n  kind: group\n  note:\n" + "".join(
        "    " + "  " * i + f"k{i}:\n" for i in range(levels)) + "    " + "  " * levels + "end\n"


BIG = "- id: kurds\n  name: Kurds\n  kidn: group\n  description: " + "x" * 5_100_000 + "\n"
OVER = ("file is 5.1 MB, over the 5 MB limit for one content file: split it (list files may be split into "
        "several), or raise the limit with the environment variable TIMELINE_MAX_FILE_SIZE "
        "(e.g. TIMELINE_MAX_FILE_SIZE=11MB)")
FIELDS = "title: Putin does not reply\n"
UNCLOSED_CREDIT = "\n::: credit\nPhoto: AFP\n\nMore text.\n\n::: caption\nA photo.\n:::\n"

CASES = [
    # YAML limits
    Case("alias-bomb", {LIST: _bomb()}, [
        f"{LIST}:9: YAML error: aliases ('*name') expand this file by more than 100,000 values; write the values "
        "out, or use fewer aliases"]),
    Case("alias-count", {LIST: "- id: kurds\n  name: &n Kurds\n  kind: group\n  aliases:\n"
                               + "    - *n\n" * 1001}, [
        f"{LIST}:1005: YAML error: more than 1000 aliases ('*name') in one file"]),
    Case("alias-recursive", {LIST: "- id: kurds\n  name: Kurds\n  kind: group\n  aliases: &r [a, *r]\n"}, [
        f"{LIST}:4: YAML error: alias '*r' is used inside the value it names, which would contain itself"]),
    Case("nesting-flow", {LIST: "- id: kurds\n  name: Kurds\n  kind: group\n  note: " + "[" * 150 + "]" * 150 + "\n"}, [
        f"{LIST}:4: YAML error: lists and mappings are nested more than 100 levels deep"]),
    Case("nesting-flow-libyaml", {LIST: "- id: kurds\n  name: " + "[" * 5000 + "\n"}, [
        f"{LIST}:2: YAML syntax error: lists and mappings are nested more than 100 levels deep"]),
    Case("nesting-block", {LIST: _deep_block(120)}, [
        f"{LIST}:103: YAML error: lists and mappings are nested more than 100 levels deep"]),
    Case("file-size", {LIST: BIG}, [f"{LIST}:1: {OVER}"]),
    Case("file-size-raised", {LIST: BIG}, [f"{LIST}:1: missing required field 'kind' in actor 'kurds'",
                                           f"{LIST}:3: unknown field 'kidn' in actor 'kurds' (did you mean 'kind'?)"],
         env={"TIMELINE_MAX_FILE_SIZE": "6MB"}),
    Case("file-size-setting-invalid", {LIST: BIG}, [
        "content:1: warning: TIMELINE_MAX_FILE_SIZE='lots' is not a size such as 20MB: the limit stays 5 MB",
        f"{LIST}:1: {OVER}"], env={"TIMELINE_MAX_FILE_SIZE": "lots"}),
    # files
    Case("link-file-outside", {}, [
        f"{ACTORS}/secret.md:1: symbolic link to '{{outside}}/secret.md', outside the project: not read (copy what "
        "it leads to into the project)"],
         setup=_both(_outside_files, _link(f"{ACTORS}/secret.md", "{outside}/secret.md"))),
    Case("link-folder-outside", {}, [
        "content/events/more:1: symbolic link to '{outside}/events', outside the project: not read (copy what it "
        "leads to into the project)"], setup=_both(_outside_files, _link("content/events/more", "{outside}/events"))),
    Case("link-inside-followed", {"shared/assad.md": "---\nname: Bashar al-Assad\nkind: persn\n---\n"}, [
        f"{ACTORS}/assad.md:3: 'kind' is 'persn'; expected one of: person, state, government, government-agency, "
        "armed-force, armed-group, organisation, international-organisation, media-outlet, company, group, other "
        "(did you mean 'person'?)"], setup=_link(f"{ACTORS}/assad.md", "../../shared/assad.md")),
    Case("link-folder-loop", {}, [
        "content/events/again:1: symbolic link loop: leads back to 'content/events', a folder that holds it"],
         setup=_link("content/events/again", ".")),
    Case("link-folder-loop-through-project", {"shared/x.txt": "not content\n"}, [
        "content/events/up/down:1: symbolic link loop: leads back to 'content/events', a folder that holds it"],
         setup=_both(_link("content/events/up", "../../shared"), _link("shared/down", "../content/events"))),
    Case("link-folder-read-anyway", {"content/events/b/x.txt": "not content\n"}, [
        "content/events/a:1: warning: not read through this link: it leads to 'content/events/b', which is read "
        "anyway"], setup=_link("content/events/a", "b")),
    Case("link-folder-twice", {"shared/x.txt": "not content\n"}, [
        "content/events/b:1: warning: not read again: the same folder as 'content/events/a', already read"],
         setup=_both(_link("content/events/a", "../../shared"), _link("content/events/b", "../../shared"))),
    Case("link-file-loop", {}, [f"{ACTORS}/self.md:1: symbolic link loop: the link never reaches a file"],
         setup=_link(f"{ACTORS}/self.md", "self.md")),
    Case("link-dangling", {}, [f"{ACTORS}/gone.md:1: warning: not read: symbolic link to 'nowhere.md', which does "
                               "not exist"], setup=_link(f"{ACTORS}/gone.md", "nowhere.md")),
    Case("fifo", {}, [f"{ACTORS}/pipe.md:1: warning: not read: a FIFO (named pipe), not a file"], setup=_fifo),
    Case("dot-file", {f"{ACTORS}/.assad.md": "---\nname: Assad\nkind: person\n---\n"}, [
        f"{ACTORS}/.assad.md:1: warning: not read: a name starting with '.' is a hidden file"]),
    Case("suffix-case", {f"{ACTORS}/assad.MD": "---\nname: Assad\nkind: person\n---\n",
                         f"{ACTORS}/kurds.YML": "- {id: kurds, name: Kurds, kind: group}\n"}, [
        f"{ACTORS}/assad.MD:1: warning: not read: the suffix '.MD' is not one of .md, .yml, .yaml (in lowercase)",
        f"{ACTORS}/kurds.YML:1: warning: not read: the suffix '.YML' is not one of .md, .yml, .yaml (in lowercase)"]),
    Case("site-yml-folder", {}, ["content/site.yml:1: warning: not read: a folder, not a file (the project's title "
                                 "and introduction are read from the file site.yml)"], setup=_site_folder),
    Case("site-yml-fifo", {}, ["content/site.yml:1: warning: not read: a FIFO (named pipe), not a file (the "
                               "project's title and introduction are read from the file site.yml)"], setup=_site_fifo),
    Case("site-yml-outside", {}, [
        "content/site.yml:1: symbolic link to '{outside}/site.yml', outside the project: not read (copy what it "
        "leads to into the project)"],
        setup=_both(_outside_files, _no_site_file, _link("content/site.yml", "{outside}/site.yml"))),
    Case("site-yml-case", {"content/Site.yml": "title: T\n"}, [
        "content/Site.yml:1: warning: not read: the project's settings are read from 'site.yml' only"]),
    Case("folder-misspelt", {"content/evnets/x.md": "---\ntitle: X\n---\n"}, [
        "content/evnets:1: warning: not read: content is read from the folders articles, actors, places, events, "
        "relations, stories (did you mean 'events'?)"]),
    Case("unreadable-file", {}, [f"{ACTOR}:1: cannot read this file: Permission denied"],
         setup=_unreadable(ACTOR), unprivileged=True),
    Case("unreadable-folder", {"content/events/more/x.md": "---\ntitle: X\n---\n"}, [
        "content/events/more:1: cannot read this folder: Permission denied"],
         setup=_unreadable("content/events/more"), unprivileged=True),
    # diagnostics at the right line
    Case("unclosed-bracket", edit(SILENT, "related: [erdogan-warns]", "related: [erdogan-warns\n# more\n"), [
        f"{SILENT}:7: YAML syntax error: this '[' is never closed (found at line 10: did not find expected ',' or "
        "']')"]),
    Case("unclosed-quote", edit(SILENT, FIELDS, 'title: "Putin does not reply\n'), [
        f"{SILENT}:2: YAML syntax error: this '\"' is never closed (found at the end of the front matter: found "
        "unexpected end of stream)"]),
    Case("unclosed-no-final-newline", {LIST: "- id: kurds\n  name: Kurds\n  kind: group\n  aliases: [Kurds"}, [
        f"{LIST}:4: YAML syntax error: this '[' is never closed (found at the end of the file: did not find "
        "expected ',' or ']')"]),
    Case("document-end-in-front-matter", edit(SILENT, "part_of: erdogan-warns\n", "...\npart_of: erdogan-warns\n"), [
        f"{SILENT}:4: YAML syntax error: '...' ends the YAML document in the middle of the front matter, so what "
        "follows is not read: remove this line"]),
    Case("front-matter-closed-with-dots", {f"{ACTORS}/assad.md": "---\nname: Assad\nkind: person\n...\nText.\n"}, [
        f"{ACTORS}/assad.md:4: front matter is closed with '...': close it with a '---' line ('...' ends a YAML "
        "document)"]),
    Case("front-matter-never-closed", {f"{ACTORS}/assad.md": "---\nname: Assad\nkind: person\n\nText.\n"}, [
        f"{ACTORS}/assad.md:1: front matter opened on this line is never closed: add a '---' line after its "
        "fields"]),
    Case("fence-unclosed-before-next", {ARTICLE_MD: str(BASE[ARTICLE_MD]) + UNCLOSED_CREDIT}, [
        "content/articles/guardian-report.md:10: '::: credit' block is never closed before the next '::: caption' "
        "at line 15: add a ':::' line where it ends"]),
    Case("fence-unclosed-at-end", {ARTICLE_MD: str(BASE[ARTICLE_MD]) + "\n::: credit\nPhoto: AFP\n\nMore text.\n"}, [
        f"{ARTICLE_MD}:10: '::: credit' block is never closed: add a ':::' line"]),
    Case("correction-at-text-line", edit(ARTICLE_MD, "published: 2020-02-12\n", "published: 2020-02-12\ncorrections:\n"
                                         "  - correction: opposition\n    text: opposijtion\n"), [
        f"{ARTICLE_MD}:7: correction: 'opposijtion' does not occur in article 'guardian-report'"]),
    Case("quote-at-text-line", edit(WARNS, "text: the offensive in Idlib must stop", "text: Idlib will stop"), [
        f"{WARNS}:12: quote not found in article 'guardian-report': \"Idlib will stop\"; the closest paragraph "
        "starts \"Erdogan said the offensive in Idlib must stop by the end of…\""]),
    Case("no-cascade-md", edit("content/actors/erdogan.md", "kind: person", "kind: person: x"), [
        "content/actors/erdogan.md:4: YAML syntax error: mapping values are not allowed in this context"]),
    Case("no-cascade-list", {LIST: "- id: kurds\n  name: Kurds\n  kind: group\n- id: 'assad'\n  name: [Assad\n",
                             **edit(SILENT, "related:", "  - {actor: assad, role: subject}\nrelated:")}, [
        f"{LIST}:5: YAML syntax error: this '[' is never closed (found at the end of the file: did not find "
        "expected ',' or ']')"]),
    Case("null-on-its-line", edit(SILENT, "date: 2020-02-12", "date: null"), [
        f"{SILENT}:3: 'date' has no value in event 'putin-silent'"]),
]


def _unprivileged() -> list[str]:
    """A command prefix that takes away root's power to read any file, so that permissions apply."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if not setpriv:
        pytest.skip("running as root without setpriv: root reads files whatever their permissions")
    caps = "-dac_override,-dac_read_search"
    return [setpriv, f"--inh-caps={caps}", f"--bounding-set={caps}"]


def _run(args: list[str], project: Path, prefix: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    started = time.monotonic()
    result = subprocess.run([*prefix, *args], cwd=project, capture_output=True, text=True, timeout=SECONDS * 3,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env})
    elapsed = time.monotonic() - started
    assert elapsed < SECONDS, f"{args} took {elapsed:.1f} s"
    assert "Traceback" not in result.stderr, result.stderr
    return result


def _diagnostics(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith(("content/", "content:"))]


@pytest.fixture(scope="module")
def earlier_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A site built from ``BASE``: what each failed build must leave exactly as it was."""
    project = tmp_path_factory.mktemp("earlier") / "project"
    (project / "content/pages").mkdir(parents=True)
    (project / "mkdocs.yml").write_text(MINIMAL_MKDOCS.format(theme=ROOT / "theme"), encoding="utf-8")
    write_tree(project, BASE)
    site = project.parent / "site"
    result = _run([str(Path(sys.executable).parent / "mkdocs"), "build", "--strict", "-d", str(site)], project, [], {})
    assert result.returncode == 0, result.stderr
    return site


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_hostile_loading(case: Case, make_project: Callable[[dict[str, str | bytes]], Path], tmp_path: Path,
                         earlier_site: Path) -> None:
    prefix = _unprivileged() if case.unprivileged else []
    project = make_project(BASE | case.files)
    outside = tmp_path / "outside"
    outside.mkdir()
    if case.setup:
        case.setup(project, outside)
    expected = sorted(line.replace("{outside}", str(outside.resolve())) for line in case.expected)
    errors = any(": warning: " not in line for line in expected)

    check = _run([sys.executable, "-m", "builder", "check"], project, prefix, case.env)
    assert sorted(_diagnostics(check.stderr)) == expected, check.stderr
    assert check.returncode == (1 if errors else 0), check.stderr
    strict = _run([sys.executable, "-m", "builder", "--strict", "check"], project, prefix, case.env)
    assert strict.returncode == 1, strict.stderr

    site = tmp_path / "site"
    shutil.copytree(earlier_site, site)
    before = snapshot(site)
    mkdocs = str(Path(sys.executable).parent / "mkdocs")
    build = _run([mkdocs, "build", "--strict", "-d", str(site)], project, prefix, case.env)
    assert build.returncode != 0, build.stderr
    for line in expected:
        assert line in build.stderr, build.stderr
    assert snapshot(site) == before
