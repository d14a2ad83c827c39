"""`mkdocs serve` shows content errors in the browser, and the site again once they are fixed."""

from __future__ import annotations

import contextlib
import html
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import run_cli

BROKEN = "---\ntitle: Broken\ndate: 2020-13-45\nsources: [no-such-article]\n---\n"
PROBLEMS = ["content/events/broken.md:3: date: invalid EDTF date '2020-13-45'",
            "content/events/broken.md:4: unknown article 'no-such-article'"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def get(url: str, timeout: float = 60) -> tuple[int, str]:
    """Status and text; a request that hangs fails the test through the timeout."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


@contextlib.contextmanager
def mkdocs_serve(project: Path) -> Iterator[str]:
    port = free_port()
    mkdocs = shutil.which("mkdocs", path=str(Path(sys.executable).parent)) or "mkdocs"
    server = subprocess.Popen([mkdocs, "serve", "-a", f"127.0.0.1:{port}"], cwd=project, text=True,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin",
                                   **{k: v for k, v in os.environ.items() if k == "PYTHONPATH"}})
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            assert server.poll() is None, server.communicate()[1]
            with contextlib.suppress(OSError):
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            time.sleep(0.3)
        yield url
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def shown(page: str) -> bool:
    """Whether the page lists each problem as the terminal does, ``path:line: message``."""
    text = html.unescape(re.sub(r"<[^>]+>", "", page))
    return all(problem in text for problem in PROBLEMS)


def epoch_of(page: str) -> int:
    found = re.search(r"const built = (\d+);", page)
    assert found, page
    return int(found[1])


@pytest.fixture
def broken_project(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    assert run_cli(tmp_path, "init", str(project)).returncode == 0
    (project / "content" / "events" / "broken.md").write_text(BROKEN, encoding="utf-8")
    return project


def test_serve_shows_the_problems_then_the_site_once_fixed(broken_project: Path) -> None:
    with mkdocs_serve(broken_project) as url:
        status, front = get(url)
        assert status == 200 and "2 problems in content/" in front
        assert shown(front), front
        status, timeline = get(url + "timeline/")  # every address answers with the problems, none hangs
        assert status == 404 and shown(timeline)

        # What the page's script waits on: the server answers once a build newer than the page is visible.
        answer: list[tuple[int, str]] = []
        waiting = threading.Thread(target=lambda: answer.append(get(f"{url}livereload/{epoch_of(front)}/1")))
        waiting.start()
        (broken_project / "content" / "events" / "broken.md").unlink()
        waiting.join(timeout=90)
        assert answer and int(answer[0][1]) > epoch_of(front)

        status, timeline = get(url + "timeline/")
        assert status == 200 and "problem-list" not in timeline and "assets/timeline.css" in timeline

        # Broken again: no stale site; the timeline's address shows the problems.
        (broken_project / "content" / "events" / "broken.md").write_text(BROKEN, encoding="utf-8")
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and get(url + "timeline/")[0] == 200:
            time.sleep(0.5)
        status, timeline = get(url + "timeline/")
        assert status == 404 and shown(timeline)


@pytest.mark.browser
def test_the_problems_page_reloads_itself_into_the_fixed_page(broken_project: Path, browser: Any) -> None:
    with mkdocs_serve(broken_project) as url:
        page = browser.new_page()
        page.goto(url + "timeline/")
        assert page.locator("#problem-list li").count() == 2
        (broken_project / "content" / "events" / "broken.md").unlink()
        page.wait_for_selector("[data-md-component=content]", timeout=90_000)  # reloaded by itself
        assert page.locator("#problem-list").count() == 0
        assert "Timeline" in page.title()
        page.close()
