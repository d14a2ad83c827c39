"""import-data counts the rows of each format as it reads them, and TimelineJS's slides as it makes events
of them (builder/runtime/progress.py draws the line; here it draws into a string, every step)."""

from __future__ import annotations

import io
import itertools
import re

import pytest

from builder.authoring.datasets.command import read_file
from builder.runtime.progress import TerminalProgress
from tests.conftest import ROOT

DATASETS = ROOT / "tests" / "fixtures" / "datasets"


@pytest.mark.parametrize(("name", "stages"), [
    ("acled.csv", {"reading the rows of acled.csv": 4}),
    ("acled-bad.csv", {"reading the rows of acled-bad.csv": 5}),
    ("timelinejs-sheet.csv", {"reading the rows of timelinejs-sheet.csv": 6,  # the title slide is a row too
                              "making events from timelinejs-sheet.csv": 6}),
    ("timelinejs.json", {"reading the rows of timelinejs.json": 5, "making events from timelinejs.json": 5}),
    ("timeline.json", {"reading the rows of timeline.json": 10}),  # events, actors, places, relations, sources
])
def test_every_row_is_counted(name: str, stages: dict[str, int]) -> None:
    stream = io.StringIO()
    ticks = itertools.count(step=1.0)  # a second between draws: every step is drawn
    batch = read_file(DATASETS / name, name, None, "x", TerminalProgress(stream, lambda: next(ticks)))
    assert batch.rows
    drawn = re.findall(r"\r\x1b\[K([^:\r]+): (\d+)/(\d+)", stream.getvalue())
    for stage, total in stages.items():
        counts = [int(done) for shown, done, of in drawn if shown == stage and int(of) == total]
        assert counts == list(range(total + 1)), (stage, drawn)
    assert {shown for shown, _, _ in drawn} == set(stages)
