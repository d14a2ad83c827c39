"""Parsing front matter on two cores gives exactly what one core gives, problems included."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_bad_input import AMBIGUOUS, BASE, SEVERAL, MakeProject

from builder import parallel_load
from builder.pipeline import build_site
from builder.render import render_site


def test_two_cores_give_the_same_site_and_the_same_problems(make_project: MakeProject, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    marker = tmp_path / "forked"
    parse_in_child = parallel_load._child

    def child(*args: object) -> None:
        marker.write_text("yes", encoding="utf-8")  # written by the forked process, so it ran
        parse_in_child(*args)  # type: ignore[arg-type]

    for files in (BASE | AMBIGUOUS, BASE | SEVERAL | AMBIGUOUS):
        project = make_project(files)
        one = build_site(project / "content", project)
        marker.unlink(missing_ok=True)
        with monkeypatch.context() as patched:
            patched.setattr(parallel_load, "PARALLEL_FROM", 2)
            patched.setattr(parallel_load, "_child", child)
            two = build_site(project / "content", project)
        assert marker.exists()
        assert [d.format() for d in two.diagnostics] == [d.format() for d in one.diagnostics]
        if not one.diagnostics.errors:
            assert [(p.src_uri, p.markdown) for p in render_site(two.site)] == \
                [(p.src_uri, p.markdown) for p in render_site(one.site)]
        else:
            assert len(two.diagnostics.errors) >= 5


def test_a_child_that_dies_leaves_its_half_to_the_parent(make_project: MakeProject,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    project = make_project(BASE | SEVERAL)
    one = build_site(project / "content", project)

    def dies(*args: object) -> None:
        raise SystemExit(3)

    monkeypatch.setattr(parallel_load, "PARALLEL_FROM", 2)
    monkeypatch.setattr(parallel_load, "_child", dies)
    two = build_site(project / "content", project)
    assert [d.format() for d in two.diagnostics] == [d.format() for d in one.diagnostics]
