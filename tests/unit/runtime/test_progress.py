"""The progress line: on a real terminal (a pseudo-terminal) ``check`` and ``import-data`` show their
stage and ``n/N``; piped, in CI or with ``TIMELINE_PROGRESS=0`` they print exactly what they printed
before. The line itself (throttle, estimate, clearing, log messages) is tested with a fake clock."""

from __future__ import annotations

import csv
import fcntl
import io
import logging
import os
import re
import select
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from builder.runtime.progress import QUIET, TerminalProgress, reporter, wanted
from tests.conftest import ROOT

CLEAR = "\r\x1b[K"
COUNT = re.compile(r"reading content files: (\d+)/(\d+) (\d+)%")
ROWS = re.compile(r"reading the rows of [^:]*: (\d+)/(\d+)")
COLUMNS = 60  # the pseudo-terminal's width: no drawn line may wrap


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def line() -> Iterator[tuple[TerminalProgress, io.StringIO, Clock]]:
    stream, clock = io.StringIO(), Clock()
    progress = TerminalProgress(stream, clock)
    yield progress, stream, clock
    progress.done()


def test_the_line_is_redrawn_in_place_at_most_five_times_a_second(
        line: tuple[TerminalProgress, io.StringIO, Clock]) -> None:
    progress, stream, clock = line
    progress.stage("reading content files", 200)
    assert stream.getvalue() == CLEAR + "reading content files: 0/200 0%"
    for _ in range(10):  # 10 steps in 0.1 s: not one redraw
        clock.now += 0.01
        progress.advance()
    assert stream.getvalue().count(CLEAR) == 1
    clock.now += 0.1
    progress.advance()
    assert stream.getvalue().endswith(CLEAR + "reading content files: 11/200 5%")
    assert "\n" not in stream.getvalue()


def test_the_estimate_comes_from_the_rate_so_far(line: tuple[TerminalProgress, io.StringIO, Clock]) -> None:
    progress, stream, clock = line
    progress.stage("writing pages", 21000)
    clock.now += 0.5
    progress.reach(1000)
    assert stream.getvalue().endswith("writing pages: 1000/21000 4%")  # too early to tell
    clock.now += 9.5  # 10 s for 3,000 pages: 18,000 more take 60 s
    progress.reach(3000)
    assert stream.getvalue().endswith("writing pages: 3000/21000 14% ETA 1:00")
    clock.now += 3590
    progress.reach(4000)
    assert stream.getvalue().endswith("ETA 4:15:00")  # 3,600 s for 4,000: 17,000 more take 15,300 s


def test_a_stage_without_a_total_and_the_end(line: tuple[TerminalProgress, io.StringIO, Clock]) -> None:
    progress, stream, clock = line
    progress.stage("resolving references")
    assert stream.getvalue().endswith(CLEAR + "resolving references…")
    progress.done()
    assert stream.getvalue().endswith("resolving references…" + CLEAR)
    clock.now += 1
    progress.advance()  # after the end, nothing is drawn
    progress.done()  # nor cleared twice
    assert stream.getvalue().endswith("resolving references…" + CLEAR)


def test_each_counts_items_and_file_names_are_printable(line: tuple[TerminalProgress, io.StringIO, Clock]) -> None:
    progress, stream, clock = line
    for _ in progress.each(["a", "b"], "zipping the site into \x1b]0;owned\x07x.zip"):
        clock.now += 1
    assert stream.getvalue() == (CLEAR + "zipping the site into x.zip: 0/2 0%" + CLEAR
                                 + "zipping the site into x.zip: 1/2 50% ETA 0:01" + CLEAR
                                 + "zipping the site into x.zip: 2/2 100%")


def test_a_long_name_is_shortened_and_the_counts_kept(line: tuple[TerminalProgress, io.StringIO, Clock]) -> None:
    progress, _, clock = line
    progress.stage("reading the rows of a-very-long-export-file-name-indeed.csv", 20000)
    progress.reach(5000)
    clock.now += 2
    assert progress.line(clock.now, 40) == "reading the ro…: 5000/20000 25% ETA 0:06"
    assert progress.line(clock.now, 20) == ": 5000/20000 25% ETA"  # a very narrow terminal: the start of the counts


def test_a_log_message_clears_the_line_first(line: tuple[TerminalProgress, io.StringIO, Clock]) -> None:
    progress, stream, clock = line
    logger = logging.getLogger("mkdocs.test-progress")
    handler = logging.StreamHandler(stream)
    owner = logging.getLogger("mkdocs")
    owner.addHandler(handler)
    try:
        progress.stage("converting pages", 10)
        logger.warning("a page links to nowhere")
        clock.now += 1
        progress.advance()
        assert stream.getvalue() == (CLEAR + "converting pages: 0/10 0%" + CLEAR + "a page links to nowhere\n"
                                     + CLEAR + "converting pages: 1/10 10% ETA 0:09")
        progress.done()
        assert not handler.filters  # the guard goes with the line
    finally:
        owner.removeHandler(handler)


def test_a_forked_child_never_draws(line: tuple[TerminalProgress, io.StringIO, Clock]) -> None:
    progress, stream, _ = line
    progress.pid += 1  # as a forked child sees the object it inherited
    progress.stage("reading content files", 10)
    progress.done()
    assert stream.getvalue() == ""


@pytest.fixture
def terminal() -> Iterator[io.TextIOWrapper]:
    master, slave = os.openpty()
    stream = open(slave, "w", encoding="utf-8")  # noqa: SIM115 (closed below)
    yield stream
    stream.close()
    os.close(master)


@pytest.mark.parametrize(("environ", "expected"), [
    ({"TERM": "xterm-256color"}, True),
    ({"TERM": "xterm-256color", "CI": "true"}, False),
    ({"TERM": "xterm-256color", "CI": "false"}, True),
    ({"TERM": "dumb"}, False),
    ({"TERM": "xterm", "TIMELINE_PROGRESS": "0"}, False),
    ({"TERM": "dumb", "CI": "1", "TIMELINE_PROGRESS": "1"}, True),
])
def test_when_it_is_shown(terminal: io.TextIOWrapper, environ: dict[str, str], expected: bool) -> None:
    assert wanted(terminal, environ) is expected
    assert (reporter(terminal, environ) is not QUIET) is expected


def test_a_pipe_gets_nothing_unless_forced() -> None:
    piped = io.StringIO()
    assert reporter(piped, {"TERM": "xterm"}) is QUIET
    assert reporter(piped, {"TIMELINE_PROGRESS": "1"}) is not QUIET


# --- the commands, on a pseudo-terminal -----------------------------------------------------------------------------


def _environ(**extra: str) -> dict[str, str]:
    environ = {key: value for key, value in os.environ.items() if key not in ("CI", "TIMELINE_PROGRESS", "TERM")}
    return {**environ, "TERM": "xterm-256color", "NO_MKDOCS_2_WARNING": "1",
            "PYTHONPATH": os.pathsep.join([str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])]), **extra}


def on_terminal(args: list[str], cwd: Path, environ: dict[str, str]) -> tuple[int, str, str]:
    """Run ``python -m builder ARGS`` with stderr on a pseudo-terminal COLUMNS wide; (status, stdout, terminal)."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, COLUMNS, 0, 0))
    with subprocess.Popen([sys.executable, "-m", "builder", *args], cwd=cwd, env=environ, stdin=subprocess.DEVNULL,
                          stdout=subprocess.PIPE, stderr=slave) as process:
        os.close(slave)
        seen, deadline = b"", time.monotonic() + 60
        while time.monotonic() < deadline:
            if not select.select([master], [], [], 1)[0]:
                continue
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: the command ended and closed the terminal
                break
            if not chunk:
                break
            seen += chunk
        os.close(master)
        assert process.stdout is not None
        out = process.stdout.read().decode()
        status = process.wait(timeout=60)
    return status, out, seen.decode().replace("\r\n", "\n")  # the terminal turns "\n" into "\r\n"


def piped(args: list[str], cwd: Path, environ: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Its output as written: text mode would turn each "\r" into a line break."""
    done = subprocess.run([sys.executable, "-m", "builder", *args], cwd=cwd, env=environ, capture_output=True,
                          timeout=60)
    return subprocess.CompletedProcess(done.args, done.returncode, done.stdout.decode(), done.stderr.decode())


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Over 1,000 content files: the files are read on two cores, the child's share counted in this process."""
    folder = tmp_path_factory.mktemp("progress") / "project"
    subprocess.run([sys.executable, str(ROOT / "bench" / "generate.py"), "--events", "1000", "--actors", "60",
                    "--articles", "300", "--out", str(folder)], check=True, capture_output=True, timeout=60)
    return folder


def test_check_on_a_terminal_shows_the_files_read_and_each_stage(project: Path) -> None:
    status, out, seen = on_terminal(["check"], project, _environ())
    assert status == 0, seen
    counts = [(int(done), int(total)) for done, total, _ in COUNT.findall(seen)]
    files = sum(1 for kind in ("actors", "articles", "events", "places", "relations")
                for file in (project / "content" / kind).rglob("*") if file.is_file())
    # At least the first draw (the line is redrawn at most five times a second, and a quiet machine
    # reads these files in less): every count is of the content files.
    assert counts and {total for _, total in counts} == {files}
    assert [done for done, _ in counts] == sorted(done for done, _ in counts) and counts[-1][0] <= files
    assert "resolving references…" in seen
    assert all(len(drawn) < COLUMNS for drawn in seen.split(CLEAR))
    # The line is gone before the report: what is left on the screen is what a pipe gets.
    quiet = piped(["check"], project, _environ())
    assert seen.rpartition(CLEAR)[2] == quiet.stderr == "no problems found\n"
    assert out == quiet.stdout


@pytest.mark.parametrize("environ", [{"CI": "true"}, {"TIMELINE_PROGRESS": "0"}, {"TERM": "dumb"}])
def test_check_in_ci_or_when_told_prints_what_it_always_did(project: Path, environ: dict[str, str]) -> None:
    status, out, seen = on_terminal(["check"], project, _environ(**environ))
    assert status == 0
    quiet = piped(["check"], project, _environ())
    assert seen == quiet.stderr == "no problems found\n"
    assert out == quiet.stdout and "1000 events" in out


def test_check_piped_can_be_told_to_show_it(project: Path) -> None:
    shown = piped(["check"], project, _environ(TIMELINE_PROGRESS="1"))
    assert COUNT.search(shown.stderr) and shown.stderr.endswith(CLEAR + "no problems found\n")


def acled_file(folder: Path, rows: int) -> Path:
    """The fixture's rows over and over, each with an id of its own."""
    source = (ROOT / "tests" / "fixtures" / "datasets" / "acled.csv").read_text(encoding="utf-8-sig")
    header, *body = list(csv.reader(io.StringIO(source)))
    written = io.StringIO()
    out = csv.writer(written, lineterminator="\n")
    out.writerow(header)
    for number in range(rows):
        cells = list(body[number % len(body)])
        cells[0] = f"{cells[0]}X{number}"
        out.writerow(cells)
    target = folder / "acled-export.csv"
    target.write_text(written.getvalue(), encoding="utf-8")
    return target


def test_import_data_on_a_terminal_shows_the_rows_read(tmp_path: Path) -> None:
    subprocess.run([sys.executable, "-m", "builder", "init", str(tmp_path / "site")], env=_environ(), check=True,
                   capture_output=True, timeout=60)
    data = acled_file(tmp_path, 2000)
    status, out, seen = on_terminal(["import-data", str(data)], tmp_path / "site", _environ())
    assert status == 0, seen
    counts = [(int(done), int(total)) for done, total in ROWS.findall(seen)]
    assert counts and counts[0] == (0, 2000) and all(total == 2000 for _, total in counts)
    assert "reading content files: 0/" in seen and "checking the rows…" in seen and seen.endswith(CLEAR)
    assert "imported 2000 events from 1 file" in out


@pytest.mark.parametrize("on_tty", [True, False])
def test_import_data_in_ci_or_piped_prints_what_it_always_did(tmp_path: Path, on_tty: bool) -> None:
    """Bad rows: the report on stderr is the same, on a terminal in CI and through a pipe."""
    subprocess.run([sys.executable, "-m", "builder", "init", str(tmp_path / "site")], env=_environ(), check=True,
                   capture_output=True, timeout=60)
    bad = ROOT / "tests" / "fixtures" / "datasets" / "acled-bad.csv"
    quiet = piped(["import-data", str(bad)], tmp_path / "site", _environ())
    assert quiet.returncode == 1 and "nothing written" in quiet.stderr and CLEAR not in quiet.stderr
    if on_tty:
        status, out, seen = on_terminal(["import-data", str(bad)], tmp_path / "site", _environ(CI="true"))
        assert (status, out, seen) == (1, quiet.stdout, quiet.stderr)
    else:
        shown = piped(["import-data", str(bad)], tmp_path / "site", _environ(TIMELINE_PROGRESS="1"))
        assert ROWS.search(shown.stderr)  # forced on: the rows were counted, then the line cleared before the report
        assert shown.stderr.rpartition(CLEAR)[2] == quiet.stderr
