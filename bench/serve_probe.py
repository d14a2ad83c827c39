"""The edit-to-browser probe: how long an edited event title takes to show in ``mkdocs serve``.

    python bench/run.py --size seed|S|M --serve-probe

Starts the README's preview command (``mkdocs serve``, on a free port) on a copy of the project,
waits until the first build is served, then edits one event's title at a time (a different event
and a new unique title each time) and polls the served event page over HTTP until it holds the new
title. Each edit is timed from the moment the file is written. Only HTTP is used, so the figure is
what a browser would get, whatever the server does inside.
"""

from __future__ import annotations

import contextlib
import html
import http.client
import json
import os
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
POLL_S = 0.02  # between two requests for the edited page
START_POLL_S = 0.1  # while the first build runs, nothing answers: no need to knock 50 times a second
TITLE_LINE = re.compile(r"^title:[ \t]*(\S.*)$", re.M)
# A proxy from the environment must not stand between the probe and 127.0.0.1.
OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


class ProbeError(Exception):
    pass


@dataclass(frozen=True)
class Target:
    path: Path  # the event's own content file
    url: str  # its served page, relative to the server's root
    title: str
    span: tuple[int, int]  # where the title's value is in the file


def read_target(path: Path) -> Target | None:
    """The event in ``path`` if its title is one plain line of its front matter, which an edit can swap."""
    text = path.read_text(encoding="utf-8")
    if not text.startswith("---\n"):
        return None
    end = text.find("\n---", 3)
    match = TITLE_LINE.search(text, 4, end) if end > 0 else None
    # A block scalar, an anchor, a tag or a title that goes on over the next line is left alone.
    if match is None or match.group(1)[0] in "|>&*!" or text[match.end() + 1:match.end() + 2].isspace():
        return None
    try:
        title = yaml.safe_load(match.group(0))["title"]
    except yaml.YAMLError:
        return None
    if not isinstance(title, str) or not title.strip():
        return None
    return Target(path, f"events/{path.stem}/", title, match.span(1))  # an .md event's id is its file name


def pick_targets(content: Path, count: int) -> list[Target]:
    """``count`` events spread over the project's event files, each a different one."""
    files = sorted((content / "events").glob("*.md"))
    chosen: list[Target] = []
    for number in range(count):
        start = len(files) * (2 * number + 1) // (2 * count)
        for path in files[start:] + files[:start]:
            target = read_target(path)
            if target and all(target.path != other.path for other in chosen):
                chosen.append(target)
                break
    if len(chosen) < count:
        raise ProbeError(f"{content / 'events'}: fewer than {count} event files with a one-line title to edit")
    return chosen


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def fetch(url: str, timeout: float) -> str | None:
    """The page's text, or None while the server is not up or answers with an error."""
    try:
        with OPENER.open(url, timeout=timeout) as response:
            return str(response.read().decode("utf-8", "replace"))
    except (urllib.error.URLError, http.client.HTTPException, OSError):
        return None


def wait_for(url: str, text: str, deadline: float, server: subprocess.Popen[bytes], pause: float) -> bool:
    """Poll ``url`` until its page holds ``text`` (True) or the deadline passes (False). MkDocs holds a
    request back while it rebuilds, so one request may take as long as a build."""
    while True:
        remaining = deadline - time.perf_counter()
        if remaining <= 0:
            return False
        if server.poll() is not None:
            raise ProbeError(f"the server stopped (exit {server.returncode})")
        page = fetch(url, max(remaining, 0.05))
        if page is not None and text in html.unescape(page):
            return True
        time.sleep(pause)


def start_server(project: Path, port: int, log: IO[bytes], tmp: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT),
           "TMPDIR": str(tmp)}  # MkDocs serves from a temporary folder: keep it inside the bench's own
    env.pop("SITE_URL", None)  # the seed's mkdocs.yml reads it; it would move the served pages under a sub-path
    command = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"]
    # A session of its own, so the whole process group (forked workers too) can be ended at once.
    return subprocess.Popen(command, cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=True)


def stop_server(server: subprocess.Popen[bytes]) -> None:
    """Interrupt the server's process group (MkDocs then removes its temporary site), then kill what is left."""
    group = server.pid  # start_new_session: the server leads its own group
    if server.poll() is None:
        with contextlib.suppress(ProcessLookupError, subprocess.TimeoutExpired):
            os.killpg(group, signal.SIGINT)
            server.wait(timeout=20)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(group, signal.SIGKILL)
    server.wait()


def log_tail(path: Path, lines: int = 15) -> str:
    return "\n".join(path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])


def probe(project: Path, work: Path, *, edits: int = 3, start_timeout: float = 1800,
          edit_timeout: float = 120) -> dict[str, Any]:
    """Figures of the probe; ``serve_error`` says what went wrong, if anything did."""
    copy = work / "serve-project"
    for left in (copy, work / "serve-tmp"):  # from an earlier run in the same --dir
        shutil.rmtree(left, ignore_errors=True)
    shutil.copytree(project / "content", copy / "content")
    shutil.copy2(project / "mkdocs.yml", copy / "mkdocs.yml")
    (work / "serve-tmp").mkdir()
    log_path = work / "serve.log"
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    runs: list[float] = []
    figures: dict[str, Any] = {"serve_command": f"mkdocs serve --dev-addr 127.0.0.1:{port}",
                               "serve_edit_runs_s": runs, "serve_edit_s": None, "serve_error": None}
    try:
        targets = pick_targets(copy / "content", edits)
    except ProbeError as error:
        figures["serve_error"] = str(error)
        return figures
    figures["serve_edited_pages"] = [target.url for target in targets]
    with log_path.open("wb") as log:
        started = time.perf_counter()
        server = start_server(copy, port, log, work / "serve-tmp")
        try:
            first = targets[0]
            if not wait_for(base + first.url, first.title, started + start_timeout, server, START_POLL_S):
                raise ProbeError(f"the first build was not served within {start_timeout:g} s "
                                 f"({base + first.url} never showed {first.title!r})")
            figures["serve_first_build_s"] = round(time.perf_counter() - started, 2)
            for number, target in enumerate(targets, start=1):
                url = base + target.url
                # The page must show its title first, so a wrong address cannot pass for a slow server.
                if not wait_for(url, target.title, time.perf_counter() + edit_timeout, server, POLL_S):
                    raise ProbeError(f"edit {number}: {url} does not show the event's title {target.title!r}")
                title = f"Probe edit {number} {secrets.token_hex(4)}"
                text = target.path.read_text(encoding="utf-8")
                start, end = target.span
                edited = text[:start] + json.dumps(title) + text[end:]
                target.path.write_text(edited, encoding="utf-8")
                written = time.perf_counter()
                if not wait_for(url, title, written + edit_timeout, server, POLL_S):
                    raise ProbeError(f"edit {number} of {edits}: {url} did not show the new title "
                                     f"{title!r} within {edit_timeout:g} s of the write to {target.path.name}")
                runs.append(round(time.perf_counter() - written, 3))
        except ProbeError as error:
            figures["serve_error"] = str(error)
            print(f"serve probe failed: {error}\nlast lines of the server's output:\n{log_tail(log_path)}",
                  file=sys.stderr)
        finally:
            stop_server(server)
    if runs and not figures["serve_error"]:
        figures["serve_edit_s"] = round(statistics.median(runs), 3)
    return figures
