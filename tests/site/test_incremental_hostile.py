"""Hostile edits under `mkdocs serve` (issue 19): whatever the edit, the preview is what a full build makes.

The preview remembers pages between builds and renders only what an edit can change
(builder/plugin/incremental.py, builder/render/incremental.py). Each scenario edits the seed the way
an author would (a quote's words, an event's date or tags, a place, a relation, a story, an article's
text, a new, deleted or renamed file, a hand-written page, mkdocs.yml, a content error and its fix,
two saves in quick succession, a save that changes nothing) and then compares the folder the server
serves, file by file, with a fresh `mkdocs build` of the same project at the same SITE_URL: no stale,
missing or extra page, no stale search entry, no stale open data, no crash, no server that stops
rebuilding.
"""

from __future__ import annotations

import contextlib
import difflib
import gzip
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.site.test_incremental_serve import _edit, _wait_for
from tests.site.test_preview import free_port, get

# The epoch of the site a page shows: MkDocs' reload script, or the problems page's own (preview.py).
_EPOCH = re.compile(r"livereload\((\d+), \d+\)|const built = (\d+);")
# The open data is written after the pages, by a child of the server (builder/runtime/standing.py).
DATA = "data/"
SEARCH = "search/search_index.json"


def _files(site: Path) -> dict[str, Path]:
    """Every file a reader can fetch (hidden folders are the builder's own, written and removed as
    the open data is made: not walked)."""
    found: dict[str, Path] = {}
    for folder, folders, names in os.walk(site):
        folders[:] = [name for name in folders if not name.startswith(".")]
        found.update((Path(folder, name).relative_to(site).as_posix(), Path(folder, name)) for name in names
                     if not name.startswith("."))
    return found


def _open_data(problem: str) -> bool:
    return problem.startswith(DATA) and not problem.startswith(DATA + "index.html")  # the Data page is a page


def _content(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data  # the gzip header holds a time


def _search_docs(path: Path) -> tuple[list[str], str]:
    index = json.loads(path.read_text(encoding="utf-8"))
    return sorted(json.dumps(doc, sort_keys=True) for doc in index["docs"]), json.dumps(index.get("config"))


def _diff(expected: bytes, served: bytes, lines: int = 12) -> str:
    diff = difflib.unified_diff(expected.decode("utf-8", "replace").splitlines(),
                                served.decode("utf-8", "replace").splitlines(),
                                "full build", "served", n=0, lineterm="")
    return "\n".join(line[:300] for line in list(diff)[2:2 + lines])


@dataclass
class Preview:
    """A `mkdocs serve` of a copy of the seed, edited and compared with full builds."""

    project: Path
    work: Path
    url: str
    log: Path
    server: subprocess.Popen[bytes]
    failures: list[str] = field(default_factory=list)
    builds: int = 0
    full: tuple[subprocess.Popen[str], Path] | None = None  # the full build of the last edit, under way

    @property
    def site(self) -> Path:
        folders = [path for path in (self.work / "tmp").glob("mkdocs_*") if (path / "index.html").is_file()]
        assert len(folders) == 1, folders
        return folders[0]

    def log_tail(self) -> str:
        return "\n".join(self.log.read_text(encoding="utf-8", errors="replace").splitlines()[-15:])

    def epoch(self) -> int:
        status, text = get(self.url)
        found = _EPOCH.search(text)
        assert found, f"{status}: no livereload script in {text[:300]}"
        return int(found[1] or found[2])

    def change(self, *edits: Callable[[], object], pause: float = 0.0, compared: bool = True) -> None:
        """Make the edits (``pause`` seconds apart) and wait until the server has built them."""
        before = self.epoch()
        for number, edit in enumerate(edits):
            if number:
                time.sleep(pause)
            edit()
        if compared:
            self.start_full_build()
        self.rebuilt(before)

    def rebuilt(self, before: int) -> None:
        assert self.server.poll() is None, f"the server stopped:\n{self.log_tail()}"
        try:
            status, text = get(f"{self.url}livereload/{before}/1", timeout=90)
        except OSError as exc:
            pytest.fail(f"the server never finished rebuilding ({exc}):\n{self.log_tail()}")
        assert status == 200 and int(text) > before, f"no rebuild after the edit:\n{self.log_tail()}"
        time.sleep(0.3)  # a build that a late file event starts: every request waits for it
        get(self.url, timeout=90)

    def start_full_build(self) -> None:
        """A full build of the project as the edits left it, from a copy (the output does not depend
        on where the project is), while the server rebuilds: the two run side by side."""
        self.discard_full_build()
        self.builds += 1
        snapshot = self.work / f"snapshot-{self.builds}"
        shutil.copytree(self.project / "content", snapshot / "content")
        shutil.copy(self.project / "mkdocs.yml", snapshot / "mkdocs.yml")
        build = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(snapshot / "site")],
                                 cwd=snapshot, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                                 env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin", "SITE_URL": self.url,
                                      "PYTHONPATH": str(ROOT)})
        self.full = build, snapshot / "site"

    def discard_full_build(self) -> None:
        if self.full is not None:
            self.full[0].kill()
            self.full[0].communicate()
            self.full = None

    def full_build(self) -> Path:
        assert self.full is not None, "compare() follows change()"
        (build, site), self.full = self.full, None
        _, errors = build.communicate(timeout=300)
        assert build.returncode == 0, errors
        return site

    def compare(self, scenario: str) -> None:
        """The served folder against a full build: the same files, byte for byte; the failure noted."""
        expected = _files(self.full_build())
        assert len(expected) > 100
        if problems := self._settled(expected):
            names = [problem.split(":")[0].removesuffix(" differs") for problem in problems]
            self.failures.append(f"[{scenario}] {len(problems)} files differ: {', '.join(names)}\n"
                                 + "\n".join(problems[:2]))
            # A stale page would stay stale and fail the next scenarios too: a hand-written page's
            # new time makes the next build a whole one.
            self.change(lambda: os.utime(self.project / "content/pages/about.md"), compared=False)
            assert not self._settled(expected), "a whole build did not make the site whole"

    def _settled(self, expected: dict[str, Path]) -> list[str]:
        """The differences, once the open data, which follows the pages, has caught up (or not, in 30 s)."""
        deadline = time.monotonic() + 30
        while True:
            try:
                problems = self._differences(expected, _files(self.site))
            except FileNotFoundError:  # a data file replaced while read: read again
                problems = [DATA]
            if not any(_open_data(problem) for problem in problems) or time.monotonic() > deadline:
                return problems
            time.sleep(0.3)

    def _differences(self, expected: dict[str, Path], served: dict[str, Path]) -> list[str]:
        problems = [f"{name}: missing from the preview" for name in sorted(expected.keys() - served.keys())]
        problems += [f"{name}: in the preview, not in a full build" for name in sorted(served.keys() - expected.keys())]
        for name in sorted(expected.keys() & served.keys()):
            if name == SEARCH:
                want, got = _search_docs(expected[name]), _search_docs(served[name])
                if want != got:
                    stale = sorted(set(got[0]) - set(want[0]))[:2]
                    problems.append(f"{name}: stale entries {stale}")
                continue
            want_bytes, got_bytes = _content(expected[name]), _content(served[name])
            if want_bytes != got_bytes:
                problems.append(f"{name} differs:\n{_diff(want_bytes, got_bytes)}")
        return problems

    def check(self) -> None:
        if self.failures:
            pytest.fail(f"{len(self.failures)} scenarios differ from a full build:\n\n" + "\n\n".join(self.failures))


@contextlib.contextmanager
def preview(tmp_path: Path) -> Iterator[Preview]:
    """`mkdocs serve` of a copy of the seed, its site in a folder the test can read, its log in a file
    (a pipe nobody reads would fill up and stall the server)."""
    project = tmp_path / "project"
    project.mkdir()
    shutil.copytree(ROOT / "content", project / "content")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    (tmp_path / "tmp").mkdir()
    port = free_port()
    log = tmp_path / "serve.log"
    mkdocs = shutil.which("mkdocs", path=str(Path(sys.executable).parent)) or "mkdocs"
    with log.open("wb") as output:
        server = subprocess.Popen([mkdocs, "serve", "-a", f"127.0.0.1:{port}"], cwd=project,
                                  stdout=output, stderr=subprocess.STDOUT,
                                  env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin",
                                       "TMPDIR": str(tmp_path / "tmp"),
                                       **{k: v for k, v in os.environ.items() if k == "PYTHONPATH"}})
    url = f"http://127.0.0.1:{port}/"
    session = Preview(project, tmp_path, url, log, server)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            assert server.poll() is None, session.log_tail()
            with contextlib.suppress(OSError):
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            time.sleep(0.3)
        _wait_for(url, "timeline/", "Caggins")
        yield session
    finally:
        session.discard_full_build()
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def edit(session: Preview, path: str, old: str, new: str) -> Callable[[], object]:
    return lambda: _edit(session.project / path, old, new)


def write(session: Preview, path: str, text: str) -> Callable[[], object]:
    return lambda: (session.project / path).write_text(text, encoding="utf-8")


def remove(session: Preview, path: str) -> Callable[[], object]:
    return lambda: (session.project / path).unlink()


def rename(session: Preview, path: str, to: str) -> Callable[[], object]:
    return lambda: (session.project / path).rename(session.project / to)


EVENTS = "content/events/"
COALITION = EVENTS + "coalition-statement-on-clash.md"
ERDOGAN = EVENTS + "erdogan-threatens-syrian-forces.md"
PHONE_CALL = EVENTS + "erdogan-putin-phone-call.md"
GLEASON = EVENTS + "gleason-statement.md"
PESKOV_CALL = EVENTS + "peskov-conference-call.md"
GUARDIAN = "content/articles/guardian-checkpoint-clash.md"
BLOOMBERG = "content/articles/bloomberg-erdogan-vows-idlib.md"


def test_event_and_quote_edits(tmp_path: Path) -> None:
    with preview(tmp_path) as session:
        # A quote's words (still in the article), kind and status: its highlight on the article page moves.
        session.change(edit(session, COALITION, "text: The situation was de-escalated and is under investigation",
                            "text: The situation was de-escalated\n    kind: reported\n    status: disputed"))
        session.compare("quote text, kind and status")
        # Type and tags: the timeline's filters and the events index's facets.
        session.change(edit(session, GLEASON, "type: statement\ntags: [us-forces, checkpoint]",
                            "type: briefing\ntags: [us-forces, brand-new-tag]"))
        session.compare("event type and tags")
        # part_of and related: the parent's and the related event's pages list it.
        session.change(edit(session, PHONE_CALL, "part_of: idlib-escalation-feb-2020",
                            "part_of: qamishli-checkpoint-clash"),
                       edit(session, GLEASON, "related: [qamishli-checkpoint-clash, us-defense-secretary-in-brussels]",
                            "related: [erdogan-putin-phone-call]"))
        session.compare("part_of and related")
        # A quote added where the event already cites the article and names the speaker.
        session.change(edit(session, GLEASON, "sources: [guardian-checkpoint-clash]\n",
                            "sources: [guardian-checkpoint-clash]\nquotes:\n  - by: carla-gleason\n"
                            "    article: guardian-checkpoint-clash\n"
                            "    text: no Americans were killed in the incident\n    kind: reported\n"))
        session.compare("a quote added to an event")
        # Two saves of two files less than 100 ms apart.
        session.change(edit(session, ERDOGAN, "tags: [idlib, threat]", "tags: [idlib, threat, quick]"),
                       edit(session, PESKOV_CALL, "tags: [idlib, sochi-agreement]", "tags: [idlib]"), pause=0.05)
        session.compare("two edits 50 ms apart")
        # A second edit 1.2 s after the first: during its build, or while its open data is written.
        session.change(edit(session, ERDOGAN, "tags: [idlib, threat, quick]", "tags: [idlib, threat]"),
                       edit(session, PESKOV_CALL, "tags: [idlib]", "tags: [idlib, late]"), pause=1.2)
        session.compare("an edit 1.2 s after another")
        # A save that changes nothing.
        session.change(lambda: os.utime(session.project / ERDOGAN))
        session.compare("a touch")
        # An event's fatalities, picture and commentary.
        session.change(edit(session, EVENTS + "syrian-man-killed-at-checkpoint.md",
                            "part_of: qamishli-checkpoint-clash",
                            "fatalities: 1\nmedia: {url: https://example.org/clash.jpg, caption: The checkpoint, "
                            "alt: A road}\npart_of: qamishli-checkpoint-clash"),
                       edit(session, COALITION, "The coalition's written statement.",
                            "The coalition's *written* statement."))
        session.compare("fatalities, media and commentary")
        # Files moved without changing any id: an event into a folder of its own, the relations renamed.
        session.change(lambda: (session.project / EVENTS / "2020").mkdir(),
                       rename(session, GLEASON, EVENTS + "2020/gleason-statement.md"),
                       rename(session, "content/relations/seed.yml", "content/relations/all.yml"))
        session.compare("files moved, ids kept")
        session.check()


def test_actor_and_article_edits(tmp_path: Path) -> None:
    with preview(tmp_path) as session:
        # Kind, title and an alias that takes over a mention another actor had in the same paragraph.
        session.change(edit(session, "content/actors/kremlin.md", "kind: government", "kind: organisation"),
                       edit(session, "content/actors/dmitry-peskov.md", "aliases: [Peskov]",
                            "aliases: [Peskov, Kremlin spokesman Dmitry Peskov]"),
                       edit(session, "content/actors/dmitry-peskov.md", "title: Kremlin spokesman",
                            "title: Kremlin press secretary"))
        session.compare("actor kind, title and alias")
        # An affiliation added and one dropped: the organisations' pages list their members.
        session.change(edit(session, "content/actors/carla-gleason.md",
                            "  - {actor: us-air-force, role: Lieutenant colonel}\n",
                            "  - {actor: nato, role: Liaison officer}\n"))
        session.compare("affiliations")
        # An article's title: the sources index, the events citing it, the data.
        session.change(edit(session, GUARDIAN, 'title: "US, Syrian and Russian forces',
                            'title: "US, Syrian & Russian troops'))
        session.compare("article title")
        # Body text: a paragraph before the quotes (their anchors) and a link pointed at another place.
        session.change(edit(session, GUARDIAN, "One man was killed when US troops",
                            "A new first paragraph names [Turkey](place:turkey) and Gleason.\n\n"
                            "One man was killed when US troops"),
                       edit(session, GUARDIAN,
                            "east of Qamishli city, [Syria](place:syria), on Wednesday.\n:::\n\n::: credit",
                            "east of Qamishli city, [Syria](place:north-east-syria), on Wednesday.\n:::\n\n::: credit"))
        session.compare("article body text and a mention link")
        # The article no longer holds a quote's words: the preview shows the problem; fixed, the site is whole.
        session.change(edit(session, GUARDIAN, "“The situation was de-escalated and is under investigation,”",
                            "“The situation was calmed and is under investigation,”"), compared=False)
        status, text = get(session.url + "timeline/")
        assert status == 404 and "problem-list" in text, text[:500]
        session.change(edit(session, GUARDIAN, "“The situation was calmed and is under investigation,”",
                            "“The situation was de-escalated and is under investigation,”"))
        session.compare("a content error, then fixed")
        # Organisations renamed: their members' pages and the events of their members name them.
        session.change(edit(session, "content/actors/us-air-force.md", "name: US Air Force",
                            "name: United States Air Force"),
                       edit(session, "content/actors/kremlin.md", "name: Kremlin", "name: The Kremlin"))
        session.compare("organisations renamed")
        # An article's language, a correction and its address.
        session.change(edit(session, GUARDIAN, "language: en", "language: en-GB\nurl: https://www.theguardian.com/a"),
                       edit(session, GUARDIAN, "  - {text: nowforced, correction: now forced}\n", ""))
        session.compare("article language, correction and address")
        session.check()


def test_what_pages_show_of_entities_they_do_not_link(tmp_path: Path) -> None:
    """A publisher's name ("According to <publisher>", linking the article); the Data page's "sources up
    to" date; mention anchors moved by another actor's new alias in an article whose names are the same."""
    with preview(tmp_path) as session:
        # A publisher renamed: pages quoting its articles say "According to <publisher>", linking the article.
        session.change(edit(session, "content/actors/the-guardian.md", "name: The Guardian", "name: Guardian News"))
        session.compare("a publisher renamed")
        # A publication date: the Data page cites the data set as "sources up to" the latest one.
        session.change(edit(session, GUARDIAN, "published: 2020-02-12", "published: 2020-02-13"))
        session.compare("an article's published date")
        # An alias that takes a name over from another actor, already named in the article: the United
        # States' page lists the sentence with its other "US", at another anchor.
        session.change(edit(session, "content/actors/us-forces-in-syria.md", "aliases: [US troops,",
                            "aliases: [armored US vehicles, US troops,"))
        session.compare("an alias that takes over another actor's mention")
        session.check()


def test_edits_that_move_everything(tmp_path: Path) -> None:
    """Edits that may change any page (builder/render/incremental.py renders them all): two builds
    each, compared once, so the preview's own builds follow one another as an author's would."""
    with preview(tmp_path) as session:
        # A date: the event moves between the timeline's days and gets other neighbours.
        session.change(edit(session, COALITION, "date: 2020-02-12", "date: 2020-02-09"), compared=False)
        # A place renamed, moved and put within another.
        session.change(edit(session, "content/places/qamishli.md", "name: Qamishli", "name: Al-Qamishli"),
                       edit(session, "content/places/khirbet-ammu.md", "within: qamishli", "within: north-east-syria"),
                       edit(session, "content/places/khirbet-ammu.md", "{lat: 37.05, lon: 41.3,",
                            "{lat: 37.1, lon: 41.4,"))
        session.compare("event date and places")
        # Relations: one edited, one removed, one added.
        relations = session.project / "content/relations/seed.yml"
        text = relations.read_text(encoding="utf-8")
        start = text.index("- id: russia-opposes-turkish-deployment-in-idlib")
        end = text.index("- id: russia-backs-syrian-government")
        edited = (text[:start] + text[end:]).replace("type: backs\n  object: turkey",
                                                     "type: opposes\n  object: turkey", 1)
        edited += ("\n- id: gleason-backs-coalition\n  subject: carla-gleason\n  type: backs\n"
                   "  object: us-led-coalition\n  date: 2020-02\n  sources:\n"
                   "    - {article: guardian-checkpoint-clash, text: no Americans were killed}\n")
        # A story's narration, and site.yml's title and introduction.
        session.change(write(session, "content/relations/seed.yml", edited),
                       edit(session, "content/stories/checkpoint-clash-at-khirbet-ammu.md",
                            "The background comes from one voice only.", "The background has one voice."),
                       edit(session, "content/stories/checkpoint-clash-at-khirbet-ammu.md",
                            "  - event: coalition-statement-on-clash\n",
                            "  - event: gleason-statement\n    narration: Gleason speaks for the Pentagon.\n"
                            "  - event: coalition-statement-on-clash\n"),
                       edit(session, "content/stories/checkpoint-clash-at-khirbet-ammu.md",
                            "title: A checkpoint clash at Khirbet Ammu", "title: The checkpoint clash at Khirbet Ammu"),
                       edit(session, "content/site.yml", 'title: "Idlib and Qamishli, February 2020"',
                            'title: "Idlib & Qamishli, Feb 2020"'),
                       edit(session, "content/site.yml", "A timeline of two news reports", "A timeline of two reports"))
        session.compare("relations, a story's title, steps and narration, and site.yml")
        session.check()


BROKEN_EVENT = "---\ntitle: [unclosed\ndate: 2020-02-12\n---\n"
NEW_ACTOR = """---
name: Jane Roe
aliases: []
kind: person
summary: A spokesperson added while the preview runs.
---
"""
NEW_ARTICLE = """---
title: "A third report on the clash"
publisher: the-guardian
published: 2020-02-12
language: en
---
Jane Roe said the convoy near Qamishli had left. Carla Gleason gave no further details.
"""
NEW_EVENT = """---
title: "Roe comments on the clash"
date: 2020-02-12
type: statement
tags: [us-forces, new-tag]
places: [qamishli]
actors:
  - {actor: jane-roe, role: speaker}
related: [qamishli-checkpoint-clash]
sources: [guardian-checkpoint-clash]
---
An event added while the preview runs.
"""


def test_files_configuration_errors_and_quick_edits(tmp_path: Path) -> None:
    with preview(tmp_path) as session:
        session.change(write(session, "content/actors/jane-roe.md", NEW_ACTOR),
                       write(session, EVENTS + "roe-comments.md", NEW_EVENT),
                       write(session, "content/articles/third-report.md", NEW_ARTICLE))
        session.compare("a new actor, event and article")
        session.change(remove(session, EVENTS + "russian-defence-ministry-statement.md"),
                       remove(session, "content/articles/third-report.md"))
        session.compare("an event and an article deleted")
        # Each changes what the previous build can stand in for: the set of pages, or every page's nav.
        session.change(rename(session, EVENTS + "erdogan-may-talk-with-trump.md", EVENTS + "erdogan-may-call-trump.md"),
                       edit(session, "content/pages/about.md", "# About", "# About this site"),
                       edit(session, "mkdocs.yml", "site_name: Idlib and Qamishli, February 2020",
                            "site_name: Idlib and Qamishli"),
                       edit(session, "mkdocs.yml", "  - Places: places/index.md\n", ""))
        session.compare("an event file renamed, a hand-written page, mkdocs.yml site_name and nav")
        session.change(edit(session, "mkdocs.yml", "site_dir: site\n", "site_dir: site\nuse_directory_urls: false\n"))
        session.compare("mkdocs.yml use_directory_urls: false")
        # A file that is not YAML: the preview shows the problem; the file deleted, the site is whole again.
        session.change(write(session, EVENTS + "broken.md", BROKEN_EVENT), compared=False)
        status, text = get(session.url + "events/")
        assert status == 404 and "broken.md" in text, text[:500]
        session.change(remove(session, EVENTS + "broken.md"))
        session.compare("a broken file, then deleted")
        # An error and its fix 50 ms apart, then an edit landing while the build of the one before runs.
        session.change(edit(session, ERDOGAN, "date: 2020-02-12", "date: 2020-02-31"),
                       edit(session, ERDOGAN, "date: 2020-02-31", "date: 2020-02-12"), pause=0.05, compared=False)
        session.change(edit(session, ERDOGAN, "type: statement", "type: threat"),
                       edit(session, COALITION, "type: statement", "type: press-release"), pause=0.6)
        session.compare("an error fixed at once, and an edit during a build")
        # mkdocs.yml that is not YAML for a moment: MkDocs cannot build; fixed, the server builds again.
        config = (session.project / "mkdocs.yml").read_text(encoding="utf-8")
        session.change(write(session, "mkdocs.yml", config + "\nnav: [unclosed\n"),
                       edit(session, GLEASON, "tags: [us-forces, checkpoint]", "tags: [us-forces]"),
                       write(session, "mkdocs.yml", config), pause=1.5)
        session.compare("mkdocs.yml broken, then fixed")
        session.check()
