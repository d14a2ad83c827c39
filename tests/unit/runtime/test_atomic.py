"""builder/runtime/atomic.py and terminal.py: output appears whole or not at all; text printed is inert."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from builder.runtime import atomic
from builder.runtime.atomic import StagedDir, StagedFile, create_files, remove_leftovers
from builder.runtime.terminal import printable
from tests.conftest import MINIMAL_MKDOCS, ROOT, mkdocs_build, run_cli


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def beside(target: Path) -> list[str]:
    return sorted(name for name in os.listdir(target.parent) if name.startswith(f".{target.name}."))


def test_a_staged_folder_replaces_the_old_one_as_a_whole(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "old").mkdir(parents=True)
    (site / "old" / "page.html").write_text("old", encoding="utf-8")
    with StagedDir(site) as staged:
        assert staged.path.parent == tmp_path and staged.path.name.startswith(".site.staging-")
        (staged.path / "index.html").write_text("new", encoding="utf-8")
        assert tree(site) == {"old/page.html": b"old"}, "nothing changes before commit"
        staged.commit()
    assert tree(site) == {"index.html": b"new"}
    assert beside(site) == []
    assert oct(site.stat().st_mode & 0o777) == oct(0o777 & ~_umask()), "as readable as a folder MkDocs makes"


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_a_failed_run_leaves_the_previous_folder_and_no_staging(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("previous", encoding="utf-8")
    with pytest.raises(RuntimeError), StagedDir(site) as staged:
        (staged.path / "index.html").write_text("half", encoding="utf-8")
        raise RuntimeError("the build failed")
    assert tree(site) == {"index.html": b"previous"}
    assert beside(site) == []


def test_leftovers_of_dead_runs_go_and_live_ones_stay(tmp_path: Path) -> None:
    site = tmp_path / "site"
    dead = tmp_path / ".site.staging-1-dead"
    (dead / "sub").mkdir(parents=True)
    (tmp_path / ".site.staging-2-file").write_text("x", encoding="utf-8")
    (tmp_path / ".other.staging-3").mkdir()  # another output's: not ours to touch
    live = StagedDir(site)  # holds its lock, as a running build does
    try:
        StagedDir(site).discard()  # a second run cleans up on start
        assert beside(site) == [live.path.name]
        assert (tmp_path / ".other.staging-3").is_dir()
    finally:
        live.discard()
    assert beside(site) == []


def test_a_run_killed_between_the_two_renames_is_undone_by_the_next(tmp_path: Path) -> None:
    """Without renameat2 the swap takes two renames; killed between them, the old folder waits aside."""
    site = tmp_path / "site"
    aside = tmp_path / ".site.old-99-abcd"
    aside.mkdir()
    (aside / "index.html").write_text("previous", encoding="utf-8")
    remove_leftovers(site)
    assert tree(site) == {"index.html": b"previous"} and beside(site) == []


def test_the_two_rename_swap_where_renameat2_is_missing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(atomic, "_renameat2", lambda source, target, flags: False)  # macOS, old kernels
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("previous", encoding="utf-8")
    with StagedDir(site) as staged:
        (staged.path / "index.html").write_text("new", encoding="utf-8")
        staged.commit()
    assert tree(site) == {"index.html": b"new"} and beside(site) == []
    create_files({tmp_path / "a.yml": "a"}, root=tmp_path)  # link + unlink instead of RENAME_NOREPLACE
    assert (tmp_path / "a.yml").read_text(encoding="utf-8") == "a"
    with pytest.raises(FileExistsError):
        create_files({tmp_path / "a.yml": "b"}, root=tmp_path)


def test_a_staged_file_replaces_a_link_instead_of_writing_through_it(tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("keep me", encoding="utf-8")
    out = tmp_path / "out" / "timeline.zip"
    out.parent.mkdir()
    out.symlink_to(outside)
    with StagedFile(out) as staged:
        staged.path.write_bytes(b"archive")
        staged.commit()
    assert not out.is_symlink() and out.read_bytes() == b"archive"
    assert outside.read_text(encoding="utf-8") == "keep me"
    with pytest.raises(OSError), StagedFile(out) as staged:
        staged.path.write_bytes(b"half")
        raise OSError("disk full")
    assert out.read_bytes() == b"archive" and beside(out) == []


@pytest.mark.parametrize("make", ["dangling link", "file", "link to a folder outside", "dot-dot name"])
def test_new_files_are_all_written_or_none(tmp_path: Path, make: str) -> None:
    out, outside = tmp_path / "content", tmp_path / "elsewhere"
    (out / "actors").mkdir(parents=True)
    outside.mkdir()
    files = {out / "actors" / "a.yml": "a: 1\n", out / "events" / "a.yml": "b: 2\n"}
    if make == "dangling link":
        (out / "events").mkdir()
        (out / "events" / "a.yml").symlink_to(outside / "target.yml")
        error: type[Exception] = FileExistsError
    elif make == "file":
        (out / "events").mkdir()
        (out / "events" / "a.yml").write_text("mine\n", encoding="utf-8")
        error = FileExistsError
    elif make == "link to a folder outside":
        (out / "events").symlink_to(outside, target_is_directory=True)
        error = ValueError
    else:
        files[out / "actors" / ".." / ".." / "x.yml"] = "c: 3\n"
        error = ValueError
    before = tree(tmp_path)
    with pytest.raises(error):
        create_files(files, root=out)
    assert tree(tmp_path) == before
    assert not (outside / "target.yml").exists()
    assert not [p for p in tmp_path.rglob("*staging*")]


def test_a_file_that_appears_meanwhile_undoes_the_others(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = tmp_path / "a.yml", tmp_path / "b.yml"
    real = atomic.rename_new

    def racing(source: Path, target: Path) -> None:
        if target == second:
            second.write_text("someone else's\n", encoding="utf-8")
        real(source, target)

    monkeypatch.setattr(atomic, "rename_new", racing)
    with pytest.raises(FileExistsError):
        create_files({first: "1\n", second: "2\n"}, root=tmp_path)
    assert tree(tmp_path) == {"b.yml": b"someone else's\n"}


def test_a_killed_writer_leaves_no_file_and_the_next_run_clears_its_staging(tmp_path: Path) -> None:
    script = textwrap.dedent(f"""
        import os, signal
        from pathlib import Path
        from builder.runtime.atomic import create_files, StagedFile
        staged = StagedFile(Path({str(tmp_path / 'out.zip')!r}))
        staged.path.write_bytes(b"half an archive")
        os.kill(os.getpid(), signal.SIGKILL)
    """)
    subprocess.run([sys.executable, "-c", script], check=False, timeout=60)
    assert not (tmp_path / "out.zip").exists()
    assert len(beside(tmp_path / "out.zip")) == 1, "the staging file of the killed run"
    with StagedFile(tmp_path / "out.zip") as staged:
        staged.path.write_bytes(b"whole")
        staged.commit()
    assert beside(tmp_path / "out.zip") == [] and (tmp_path / "out.zip").read_bytes() == b"whole"


@pytest.mark.parametrize(("text", "shown"), [
    ("plain text, é and 中文", "plain text, é and 中文"),
    ("red \x1b[31mALERT\x1b[0m", "red ALERT"),
    ("title\x1b]0;pwned\x07 set", "title set"),
    ("link \x1b]8;;http://x\x1b\\here\x1b]8;;\x1b\\", "link here"),
    ("clear\x1b[2J\x1b[H screen", "clear screen"),
    ("c1 \x9b2J and \x85 nel", "c1 2J and  nel"),
    ("bell\x07 backspace\x08 del\x7f", "bell backspace del"),
    ("lines\nand\ttabs stay", "lines\nand\ttabs stay"),
    ("lone escape\x1b", "lone escape"),
])
def test_printable_removes_escape_sequences_and_control_characters(text: str, shown: str) -> None:
    assert printable(text) == shown


def test_new_never_writes_through_a_link_or_outside_content(make_project: Callable[[dict[str, str | bytes]], Path],
                                                           tmp_path: Path) -> None:
    project = make_project({})
    outside = tmp_path / "outside"
    outside.mkdir()
    (project / "content" / "actors").mkdir()
    (project / "content" / "actors" / "eve.md").symlink_to(outside / "eve.md")  # dangling
    refused = run_cli(project, "new", "actor", "eve", "--name", "Eve")
    assert refused.returncode == 1 and "content/actors/eve.md already exists" in refused.stderr, refused.stderr
    (project / "content" / "places").symlink_to(outside, target_is_directory=True)
    escaped = run_cli(project, "new", "place", "town", "--name", "Town")
    assert escaped.returncode == 1 and "leads outside content" in escaped.stderr, escaped.stderr
    assert list(outside.iterdir()) == [] and "Traceback" not in refused.stderr + escaped.stderr


@pytest.mark.parametrize(("out", "reason"), [
    (".", "holds the project folder"),
    ("..", "holds the project folder"),
    ("content", "holds the content folder"),
    ("content/pages", "is inside the content folder"),
    ("content/exported", "is inside the content folder"),
    ("notes", "is not an earlier export"),
    ("link", "is a symbolic link"),
])
def test_export_refuses_to_replace_what_a_user_could_lose(make_project: Callable[[dict[str, str | bytes]], Path],
                                                          out: str, reason: str) -> None:
    project = make_project({"notes/mine.md": "my notes\n"})
    (project / "link").symlink_to(project / "notes", target_is_directory=True)
    before = tree(project)
    result = run_cli(project, "export", out)
    assert result.returncode == 2 and reason in result.stderr, result.stderr
    assert tree(project) == before


def test_export_replaces_an_earlier_export_and_an_empty_folder(make_project: Callable[[dict[str, str | bytes]], Path]
                                                               ) -> None:
    project = make_project({})
    (project / "out").mkdir()
    first = run_cli(project, "export", "out")
    assert first.returncode == 0, first.stderr
    assert (project / "out" / ".timeline-export").is_file() and (project / "out" / "index.md").is_file()
    (project / "out" / "stale.md").write_text("from before\n", encoding="utf-8")
    second = run_cli(project, "export", "out")
    assert second.returncode == 0, second.stderr
    assert not (project / "out" / "stale.md").exists() and beside(project / "out") == []


def test_no_escape_sequence_from_content_reaches_the_terminal(make_project: Callable[[dict[str, str | bytes]], Path],
                                                              tmp_path: Path) -> None:
    project = make_project({
        "content/actors/eve.md": '---\nname: Eve\nkind: "pe\\e[2Jrson"\n---\n',  # YAML's \e is ESC
        "content/pages/e\x1b]0;pwned\x07.md": "# A page left out of the nav\n",
        "mkdocs.yml": MINIMAL_MKDOCS.format(theme=ROOT / "theme").replace("omitted_files: ignore",
                                                                          "omitted_files: warn"),
    })
    check = run_cli(project, "check")
    assert check.returncode == 1 and "content/actors/eve.md:3:" in check.stderr, check.stderr
    build = mkdocs_build(project, tmp_path / "site")
    assert build.returncode == 1 and "content/actors/eve.md:3:" in build.stderr, build.stderr
    (project / "content" / "actors" / "eve.md").write_text("---\nname: Eve\nkind: person\n---\n", encoding="utf-8")
    warned = mkdocs_build(project, tmp_path / "site")  # MkDocs' own warning names the file
    assert warned.returncode == 1 and "  - e.md" in warned.stderr, warned.stderr
    for output in (check.stderr, build.stderr, warned.stderr):
        assert "\x1b" not in output and "\x07" not in output, output
