"""`init` writes its project whole or not at all."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest

from builder.authoring import project


def test_a_failure_part_way_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(project.FILES, "no-such-template", "late.txt")  # fails after the others are written
    with pytest.raises(jinja2.TemplateNotFound):
        project.write_project(tmp_path / "new", example=False)
    assert list(tmp_path.iterdir()) == []


def test_an_empty_folder_is_used_and_a_full_one_refused(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    written = project.write_project(tmp_path / "empty", example=False)
    assert "content/site.yml" in written and ".github/workflows/pages.yml" in written
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty"]
    with pytest.raises(project.InitError, match="is not empty"):
        project.write_project(tmp_path / "empty", example=True)


class _Installed:
    def __init__(self, direct_url: str | None) -> None:
        self.version, self.direct_url = "1.2.3", direct_url

    def read_text(self, name: str) -> str | None:
        return self.direct_url if name == "direct_url.json" else None


@pytest.mark.parametrize(("direct_url", "requirement"), [
    (None, "annotated-timeline==1.2.3"),  # from a package index
    ('{"url": "file:///home/me/annotated-timeline", "dir_info": {}}', "annotated-timeline==1.2.3"),
    ('{"url": "https://github.com/o/r", "vcs_info": {"vcs": "git", "commit_id": "abc123"}}',
     "annotated-timeline @ git+https://github.com/o/r@abc123"),
    ("not json", "annotated-timeline==1.2.3"),
])
def test_the_workflow_installs_the_tool_from_where_it_came(
        direct_url: str | None, requirement: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(project.metadata, "distribution", lambda name: _Installed(direct_url))
    assert project._requirement() == requirement


def test_an_empty_folder_stays_the_same_folder(tmp_path: Path) -> None:
    """`mkdir p && cd p && python -m builder init .`: the shell's folder must get the files, not a new one."""
    (tmp_path / "here").mkdir()
    before = (tmp_path / "here").stat().st_ino
    project.write_project(tmp_path / "here", example=True)
    assert (tmp_path / "here").stat().st_ino == before
    assert (tmp_path / "here" / "content" / "site.yml").is_file()


def test_a_failure_while_moving_into_an_empty_folder_leaves_it_empty(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "here").mkdir()
    moves: list[Path] = []

    def rename_new(source: Path, target: Path) -> None:
        if len(moves) == 2:
            raise OSError(28, "No space left on device")
        moves.append(target)
        source.rename(target)

    monkeypatch.setattr(project, "rename_new", rename_new)
    with pytest.raises(OSError):
        project.write_project(tmp_path / "here", example=False)
    assert list((tmp_path / "here").iterdir()) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["here"]
