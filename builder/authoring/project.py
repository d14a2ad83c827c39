"""``python -m builder init DIR``: a new project that builds as written, anywhere.

A blank project (``mkdocs.yml``, ``content/`` with ``site.yml``, an About page and the empty
folders, a README, ``.gitignore``, ``requirements.txt`` and a GitHub Pages workflow), or with
``example`` the annotated seed (the repository's ``content/``, shipped in the package). The folder is
filled beside ``DIR`` and renamed into place whole (into an existing empty ``DIR``, which may be the
shell's current folder, its entries are moved all or none), so a failure leaves nothing behind.
"""

from __future__ import annotations

import json
import shutil
from importlib import metadata
from pathlib import Path

import jinja2
import yaml

from builder.authoring.scaffold import yaml_scalar
from builder.runtime.atomic import StagedDir, rename_new
from builder.runtime.shipped import shipped_folder

EXAMPLE = shipped_folder("example", "content")
CONTENT_FOLDERS = ("articles", "actors", "events", "places", "relations", "stories")
# template -> where it goes (dot-files are kept out of package names and globs)
FILES = {
    "mkdocs.yml": "mkdocs.yml",
    "README.md": "README.md",
    "gitignore": ".gitignore",
    "requirements.txt": "requirements.txt",
    "pages.yml": ".github/workflows/pages.yml",
}
BLANK_FILES = {"site.yml": "content/site.yml", "about.md": "content/pages/about.md"}
PACKAGE = "annotated-timeline"


class InitError(Exception):
    """Why the project cannot be written there; nothing was written."""


def _templates() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("builder.authoring", "templates/init"),
        autoescape=False,  # YAML, Markdown and shell, not HTML: values go through the `yaml` filter
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    environment.filters["yaml"] = yaml_scalar
    return environment


def _requirement() -> str:
    """How the Pages workflow installs this tool: from the Git repository it was installed from (PEP 610's
    direct_url.json says so), else this version from a package index."""
    try:
        distribution = metadata.distribution(PACKAGE)
    except metadata.PackageNotFoundError:  # run from a source checkout that was never installed
        return PACKAGE
    try:
        origin = json.loads(distribution.read_text("direct_url.json") or "{}")
    except ValueError:
        origin = {}
    vcs = origin.get("vcs_info") if isinstance(origin, dict) else None
    if isinstance(vcs, dict) and {"vcs", "commit_id"} <= vcs.keys() and str(origin.get("url", "")).startswith("http"):
        return f"{PACKAGE} @ {vcs['vcs']}+{origin['url']}@{vcs['commit_id']}"
    return f"{PACKAGE}=={distribution.version}"


def _example_title() -> str:
    data = yaml.safe_load((EXAMPLE / "site.yml").read_text(encoding="utf-8"))
    return str(data["title"])


def refusal(target: Path) -> str:
    """Why ``target`` cannot become a new project, or ''."""
    if target.is_symlink():
        return f"{target} is a symbolic link: give a new folder"
    if target.exists() and not target.is_dir():
        return f"{target} is a file, not a folder"
    if target.is_dir() and any(target.iterdir()):
        return f"{target} is not empty: init writes a new project only into a new or empty folder"
    return ""


def write_project(target: Path, *, example: bool) -> list[str]:
    """Write the project into ``target`` (new or empty); returns the files written, relative to it."""
    if problem := refusal(target):
        raise InitError(problem)
    site_name = _example_title() if example else target.resolve().name.replace("-", " ").replace("_", " ").title()
    values = {"site_name": site_name, "requirement": _requirement()}
    templates = _templates()
    target = target.resolve()
    with StagedDir(target) as staged:
        root = staged.path
        if example:
            shutil.copytree(EXAMPLE, root / "content", ignore=shutil.ignore_patterns("__pycache__"),
                            dirs_exist_ok=True)
        names = dict(FILES) if example else {**FILES, **BLANK_FILES}
        for name, relative in names.items():
            path = root / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(templates.get_template(name).render(values), encoding="utf-8")
        for folder in (*CONTENT_FOLDERS, "pages"):
            path = root / "content" / folder
            path.mkdir(parents=True, exist_ok=True)
            if not any(path.iterdir()):
                (path / ".gitkeep").write_text("", encoding="utf-8")  # git keeps no empty folder
        written = sorted(path.relative_to(root).as_posix() for path in root.rglob("*") if path.is_file())
        if target.is_dir():
            _move_into(root, target)  # not a swap: the folder may be the shell's current one (`init .`)
        else:
            staged.commit()
    return written


def _move_into(staged: Path, target: Path) -> None:
    """Move the staged project's entries into the empty folder ``target``, all of them or none."""
    moved: list[Path] = []
    try:
        for entry in sorted(staged.iterdir()):
            rename_new(entry, target / entry.name)  # never over something that appeared meanwhile
            moved.append(target / entry.name)
    except BaseException as exc:
        for path in moved:
            if path.is_dir():
                shutil.rmtree(path)
            else:
                path.unlink()
        if isinstance(exc, FileExistsError):
            raise InitError(f"{target} is not empty: init writes a new project only into a new or empty "
                            "folder") from None
        raise
