"""Parsing front matter on two cores gives exactly what one core gives, problems included.

Each case runs in a fresh Python process: forking is only done with no other thread running, and
the test session may have some (the browser tests' servers)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT
from tests.site.test_bad_input import AMBIGUOUS, BASE, SEVERAL, MakeProject

SCRIPT = """
import json, sys
from pathlib import Path
from builder.runtime import fork
from builder.pipeline import build_site
from builder.render.pages import render_site

project, marker, child_dies = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3] == "dies"
one = build_site(project / "content", project)
parse_in_child = fork._child

def child(*args):
    marker.write_text("yes", encoding="utf-8")  # written by the forked process, so it ran
    if child_dies:
        raise SystemExit(3)
    parse_in_child(*args)

fork.PARALLEL_FROM = 1  # every quote is located in a child too
fork._child = child
two = build_site(project / "content", project)
pages = lambda site: [(p.src_uri, p.markdown) for p in render_site(site)]
print(json.dumps({
    "forked": marker.exists(),
    "one": [d.format() for d in one.diagnostics], "two": [d.format() for d in two.diagnostics],
    "errors": len(one.diagnostics.errors),
    "same_pages": None if one.diagnostics.errors else pages(one.site) == pages(two.site),
}))
"""


def compare(project: Path, tmp_path: Path, child: str) -> dict[str, object]:
    result = subprocess.run([sys.executable, "-c", SCRIPT, str(project), str(tmp_path / "forked"), child],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    figures: dict[str, object] = json.loads(result.stdout.splitlines()[-1])
    return figures


def test_two_cores_give_the_same_site_and_the_same_problems(make_project: MakeProject, tmp_path: Path) -> None:
    clean = compare(make_project(BASE | AMBIGUOUS), tmp_path, "works")
    assert clean["forked"] and clean["one"] == clean["two"] and clean["same_pages"] is True
    assert any("could be actor" in line for line in clean["one"])  # type: ignore[union-attr]
    (tmp_path / "forked").unlink()
    broken = compare(make_project(BASE | SEVERAL | AMBIGUOUS), tmp_path, "works")
    assert broken["forked"] and broken["one"] == broken["two"] and broken["errors"] >= 5  # type: ignore[operator]


def test_a_child_that_dies_leaves_its_half_to_the_parent(make_project: MakeProject, tmp_path: Path) -> None:
    result = compare(make_project(BASE | SEVERAL), tmp_path, "dies")
    assert result["forked"] and result["one"] == result["two"] and result["errors"] >= 5  # type: ignore[operator]


ORDER_SCRIPT = """
import json, os
from builder.runtime import fork

fork.PARALLEL_FROM = 1
pids = {}
def work(number):
    return number * number, os.getpid()

figures = {}
for count in (1, 2, 3, 7, 100, 1001):
    results = fork.map_in_order(work, list(range(count)))
    figures[count] = {"squares": [square for square, _ in results] == [n * n for n in range(count)],
                      "in_child": sum(pid != os.getpid() for _, pid in results)}
print(json.dumps(figures))
"""


def test_results_come_back_in_task_order_and_the_child_takes_its_share() -> None:
    result = subprocess.run([sys.executable, "-c", ORDER_SCRIPT], cwd=ROOT, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout.splitlines()[-1])
    assert all(figure["squares"] for figure in figures.values()), figures
    for count, figure in figures.items():
        assert abs(figure["in_child"] - int(count) * 0.38) <= 1, (count, figure)
    assert figures["1001"]["in_child"] > 300  # the other core did real work


IN_CHILD_SCRIPT = """
import json, os
from builder.runtime import fork

fork.PARALLEL_FROM = 10
small = fork.InChild(os.getpid, size=9).result()
large = fork.InChild(os.getpid, size=10).result()
print(json.dumps({"small_here": small == os.getpid(), "large_elsewhere": large != os.getpid()}))
"""


def test_work_goes_to_a_child_only_when_there_is_enough_of_it() -> None:
    result = subprocess.run([sys.executable, "-c", IN_CHILD_SCRIPT], cwd=ROOT, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.splitlines()[-1]) == {"small_here": True, "large_elsewhere": True}


FAILURES_SCRIPT = """
import json, multiprocessing, os, time
from builder.runtime import fork

fork.PARALLEL_FROM = 1
figures = {}

def fails_in_child():
    if os.getpid() != parent:
        raise ValueError("only in the child")
    return "done here"

parent = os.getpid()
figures["child_raised"] = fork.InChild(fails_in_child, size=1).result()

def slow():
    time.sleep(60)

try:
    with fork.InChild(slow, size=1):
        raise RuntimeError("the parent failed meanwhile")
except RuntimeError:
    pass
figures["left_running"] = len(multiprocessing.active_children())

def no_fork(self):
    raise OSError(12, "Cannot allocate memory")

multiprocessing.process.BaseProcess.start = no_fork
figures["fork_failed"] = fork.InChild(lambda: os.getpid() == parent, size=1).result()
print(json.dumps(figures))
"""


def test_a_failing_child_a_failing_parent_and_a_failed_fork_are_all_handled() -> None:
    result = subprocess.run([sys.executable, "-c", FAILURES_SCRIPT], cwd=ROOT, capture_output=True, text=True,
                            timeout=30)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.splitlines()[-1]) == {"child_raised": "done here", "left_running": 0,
                                                          "fork_failed": True}
    assert "Traceback" not in result.stderr  # the child's failure is redone here, not printed twice
