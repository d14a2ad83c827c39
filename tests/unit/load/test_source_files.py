"""Which files under content/ are read, and a word about every one that looks like content but is not."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from builder.diagnostics import Diagnostics
from builder.load.source_files import ContentFiles, relative
from tests.conftest import write_tree


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "project" / "content").mkdir(parents=True)
    return tmp_path / "project"


def listing(project: Path) -> tuple[ContentFiles, Diagnostics]:
    diagnostics = Diagnostics()
    return ContentFiles(project / "content", project, diagnostics), diagnostics


def messages(diagnostics: Diagnostics) -> list[str]:
    return [d.format() for d in diagnostics]


def test_files_in_path_order_with_paths_relative_to_the_project(project: Path) -> None:
    write_tree(project / "content", {"actors/b.md": "x", "actors/a.yml": "x", "actors/sub/c.yaml": "x",
                                     "actors/a-z.md": "x", "actors/notes.txt": "x", "actors/img.png": b"\x89"})
    files, diagnostics = listing(project)
    found = files.files(project / "content" / "actors")
    assert [path for _, path in found] == ["content/actors/a-z.md", "content/actors/a.yml", "content/actors/b.md",
                                           "content/actors/sub/c.yaml"]
    assert all(file.is_file() and file.as_posix().endswith(path) for file, path in found)
    assert not diagnostics.items, "files that do not look like content are passed over in silence"


def test_the_suffixes_asked_for(project: Path) -> None:
    write_tree(project / "content", {"articles/a.md": "x", "articles/b.yml": "x"})
    files, diagnostics = listing(project)
    assert [p for _, p in files.files(project / "content" / "articles", (".md",))] == ["content/articles/a.md"]
    assert messages(diagnostics) == ["content/articles/b.yml:1: warning: not read: the suffix '.yml' is not one of "
                                     ".md (in lowercase)"]


def test_upper_case_suffix_and_hidden_files_are_warned_about(project: Path) -> None:
    write_tree(project / "content", {"events/A.MD": "x", "events/.hidden.md": "x", "events/.#lock.md": "x",
                                     "events/.DS_Store": "x"})
    files, diagnostics = listing(project)
    assert files.files(project / "content" / "events") == []
    assert messages(diagnostics) == [
        "content/events/.hidden.md:1: warning: not read: a name starting with '.' is a hidden file",
        "content/events/A.MD:1: warning: not read: the suffix '.MD' is not one of .md, .yml, .yaml (in lowercase)",
    ]


def test_a_missing_folder_is_nothing_and_a_file_in_its_place_is_warned_about(project: Path) -> None:
    write_tree(project / "content", {"places": "not a folder"})
    files, diagnostics = listing(project)
    assert files.files(project / "content" / "actors") == []
    assert files.files(project / "content" / "places") == []
    assert messages(diagnostics) == ["content/places:1: warning: not read: this should be a folder"]


def test_a_fifo_is_warned_about_and_never_opened(project: Path) -> None:
    (project / "content" / "events").mkdir()
    os.mkfifo(project / "content" / "events" / "pipe.md")
    files, diagnostics = listing(project)
    assert files.files(project / "content" / "events") == []
    assert messages(diagnostics) == ["content/events/pipe.md:1: warning: not read: a FIFO (named pipe), not a file"]


def test_links_inside_the_project_are_followed(project: Path) -> None:
    write_tree(project, {"shared/x.md": "x", "content/actors/a.md": "x"})
    (project / "content" / "actors" / "x.md").symlink_to(project / "shared" / "x.md")
    (project / "content" / "actors" / "more").symlink_to(project / "shared")
    files, diagnostics = listing(project)
    paths = [p for _, p in files.files(project / "content" / "actors")]
    assert paths == ["content/actors/a.md", "content/actors/more/x.md", "content/actors/x.md"]
    assert not diagnostics.items


def test_links_out_of_the_project_dangling_or_looping(project: Path, tmp_path: Path) -> None:
    write_tree(tmp_path, {"outside/secret.md": "x"})
    actors = project / "content" / "actors"
    actors.mkdir()
    (actors / "out.md").symlink_to(tmp_path / "outside" / "secret.md")
    (actors / "gone.md").symlink_to(project / "nowhere.md")
    (actors / "loop.md").symlink_to(actors / "loop.md")
    (actors / "up").symlink_to(actors)
    files, diagnostics = listing(project)
    assert files.files(actors) == []
    real = os.path.realpath(tmp_path / "outside" / "secret.md")
    assert messages(diagnostics) == [
        f"content/actors/gone.md:1: warning: not read: symbolic link to '{project / 'nowhere.md'}', which does not "
        "exist",
        "content/actors/loop.md:1: symbolic link loop: the link never reaches a file",
        f"content/actors/out.md:1: symbolic link to '{real}', outside the project: not read (copy what it leads to "
        "into the project)",
        "content/actors/up:1: symbolic link loop: leads back to 'content/actors', a folder that holds it",
    ]


def test_two_links_to_one_folder_read_it_once(project: Path) -> None:
    write_tree(project, {"shared/x.md": "x"})
    places = project / "content" / "places"
    places.mkdir()
    (places / "a").symlink_to(project / "shared")
    (places / "b").symlink_to(project / "shared")
    files, diagnostics = listing(project)
    assert [p for _, p in files.files(places)] == ["content/places/a/x.md"]
    assert messages(diagnostics) == ["content/places/b:1: warning: not read again: the same folder as "
                                     "'content/places/a', already read"]


def test_site_file(project: Path) -> None:
    files, diagnostics = listing(project)
    assert files.site_file() is None
    # Without it the content folder is most likely not the project's: an error, never an empty site.
    assert messages(diagnostics) == ["content/site.yml:1: not found: every project has a site.yml with its title "
                                     "and introduction ('python -m builder init DIR' writes a project)"]
    write_tree(project / "content", {"site.yml": "title: T\n"})
    files, diagnostics = listing(project)
    assert files.site_file() == project / "content" / "site.yml"
    assert not diagnostics.items


def test_site_file_that_is_a_folder(project: Path) -> None:
    (project / "content" / "site.yml").mkdir()
    files, diagnostics = listing(project)
    assert files.site_file() is None
    assert messages(diagnostics) == ["content/site.yml:1: warning: not read: a folder, not a file (the project's "
                                     "title and introduction are read from the file site.yml)"]


def test_near_misses_at_the_top_of_content(project: Path) -> None:
    write_tree(project / "content", {"Site.yml": "x", "site.yaml": "x", "actor/a.md": "x", "pages/index.md": "x",
                                     "Events/e.md": "x", "notes/n.md": "x", ".git/x": "x"})
    files, diagnostics = listing(project)
    files.check_top(("articles", "actors", "places", "events", "relations"))
    assert messages(diagnostics) == [
        "content/Events:1: warning: not read: content is read from the folders articles, actors, places, events, "
        "relations (did you mean 'events'?)",
        "content/Site.yml:1: warning: not read: the project's settings are read from 'site.yml' only",
        "content/actor:1: warning: not read: content is read from the folders articles, actors, places, events, "
        "relations (did you mean 'actors'?)",
        "content/site.yaml:1: warning: not read: the project's settings are read from 'site.yml' only",
    ]


def test_published_folders_leave_out_a_content_folder_linked_out_of_the_project(tmp_path: Path) -> None:
    project = tmp_path / "project"
    write_tree(tmp_path, {"elsewhere/actors/a.md": "x", "project/docs/index.md": "x"})
    (project / "content").symlink_to(tmp_path / "elsewhere")
    files, diagnostics = listing(project)
    assert files.published_folders(project / "docs") == [project / "docs"]
    assert messages(diagnostics) == [f"content:1: symbolic link to '{os.path.realpath(tmp_path / 'elsewhere')}', "
                                     "outside the project: not read (copy what it leads to into the project)"]


def test_links_out_reported_wherever_they_are(project: Path, tmp_path: Path) -> None:
    write_tree(tmp_path, {"outside.png": b"x"})
    write_tree(project, {"docs/index.md": "x", "content/actors/a.md": "x"})
    (project / "docs" / "logo.png").symlink_to(tmp_path / "outside.png")
    (project / "docs" / "dead.png").symlink_to(project / "missing.png")
    (project / "content" / "actors" / "img.png").symlink_to(tmp_path / "outside.png")
    files, diagnostics = listing(project)
    docs = project / "docs"
    files.report_links_out(files.published_folders(docs), docs)
    real = os.path.realpath(tmp_path / "outside.png")
    assert messages(diagnostics) == [
        f"content/actors/img.png:1: symbolic link to '{real}', outside the project: not read (copy what it leads to "
        "into the project)",
        f"docs/dead.png:1: symbolic link to '{project / 'missing.png'}', which does not exist: MkDocs cannot publish "
        "it",
        f"docs/logo.png:1: symbolic link to '{real}', outside the project: not read (copy what it leads to into the "
        "project)",
    ]


def test_relative() -> None:
    assert relative(Path("/p/content/a.md"), Path("/p")) == "content/a.md"
    assert relative(Path("/elsewhere/a.md"), Path("/p")) == "/elsewhere/a.md"
