"""A project of one's own: `init` writes one that builds as written, with the plugin's own theme."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import yaml

from tests.conftest import ROOT, mkdocs_build, run_cli

ASSETS = ["assets/timeline.css", "assets/map.css", "assets/relations.css", "assets/story.css",
          "assets/timeline-filters.js"]


def links(html: str) -> list[str]:
    return re.findall(r'<link rel="stylesheet" href="([^"]+)"', html) + re.findall(r'<script src="([^"]+)"', html)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_init_writes_a_project_that_builds_as_written(tmp_path: Path) -> None:
    project = tmp_path / "my-timeline"
    result = run_cli(tmp_path, "init", str(project))
    assert result.returncode == 0, result.stderr
    written = sorted(p.relative_to(project).as_posix() for p in project.rglob("*") if p.is_file())
    assert written == [".github/workflows/pages.yml", ".gitignore", "README.md",
                       *[f"content/{folder}/.gitkeep" for folder in ("actors", "articles", "events")],
                       "content/pages/about.md",
                       *[f"content/{folder}/.gitkeep" for folder in ("places", "relations")],
                       "content/site.yml", "content/stories/.gitkeep", "mkdocs.yml", "requirements.txt"]
    config = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    assert config["theme"]["name"] == "material" and "custom_dir" not in config["theme"]
    assert "extra_css" not in config and "extra_javascript" not in config
    workflow = yaml.safe_load((project / ".github/workflows/pages.yml").read_text(encoding="utf-8"))
    steps = [step.get("uses", step.get("run", "")) for job in workflow["jobs"].values() for step in job["steps"]]
    assert "actions/upload-pages-artifact@v3" in steps and "actions/deploy-pages@v4" in steps
    assert any("pip install -r requirements.txt" in step and "mkdocs build --strict" in step for step in steps)
    assert "${{ steps.pages.outputs.base_url }}/" in (project / ".github/workflows/pages.yml").read_text()
    assert "/site/" in (project / ".gitignore").read_text(encoding="utf-8").splitlines()

    site = tmp_path / "site"
    build = mkdocs_build(project, site)
    assert build.returncode == 0, build.stderr
    timeline = (site / "timeline" / "index.html").read_text(encoding="utf-8")
    for asset in ASSETS:
        assert f"../{asset}" in links(timeline), asset
        assert digest(site / asset) == digest(ROOT / "theme" / asset)
    assert (site / "about" / "index.html").is_file()
    assert "My Timeline" in (site / "index.html").read_text(encoding="utf-8")


def test_init_example_builds_the_seed(tmp_path: Path) -> None:
    project = tmp_path / "example"
    result = run_cli(tmp_path, "init", "--example", str(project))
    assert result.returncode == 0, result.stderr
    seed = sorted(p.relative_to(ROOT / "content").as_posix() for p in (ROOT / "content").rglob("*") if p.is_file())
    copied = sorted(p.relative_to(project / "content").as_posix() for p in (project / "content").rglob("*")
                    if p.is_file())
    assert copied == seed
    site = tmp_path / "site"
    build = mkdocs_build(project, site)
    assert build.returncode == 0, build.stderr
    for event in (ROOT / "content" / "events").glob("*.md"):
        assert (site / "events" / event.stem / "index.html").is_file(), event.stem
    assert "Idlib and Qamishli, February 2020" in (site / "index.html").read_text(encoding="utf-8")


def test_init_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    project = tmp_path / "taken"
    project.mkdir()
    (project / "notes.txt").write_text("mine", encoding="utf-8")
    result = run_cli(tmp_path, "init", str(project))
    assert result.returncode == 2 and "taken is not empty" in result.stderr, result.stderr
    assert [p.name for p in project.iterdir()] == ["notes.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["taken"]  # no staging folder left beside it
    file = tmp_path / "file"
    file.write_text("x", encoding="utf-8")
    assert run_cli(tmp_path, "init", "--example", str(file)).returncode == 2


def test_init_into_an_empty_folder(tmp_path: Path) -> None:
    project = tmp_path / "empty"
    project.mkdir()
    result = run_cli(tmp_path, "init", str(project))
    assert result.returncode == 0, result.stderr
    assert (project / "content" / "site.yml").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty"]


def test_a_missing_site_yml_or_content_folder_is_an_error(tmp_path: Path) -> None:
    project = tmp_path / "project"
    assert run_cli(tmp_path, "init", str(project)).returncode == 0
    (project / "content" / "site.yml").unlink()
    site = tmp_path / "site"
    build = mkdocs_build(project, site)
    assert build.returncode == 1 and "content/site.yml:1: not found" in build.stderr, build.stderr
    assert "Traceback" not in build.stderr and not site.exists()
    check = run_cli(project, "check")
    assert check.returncode == 1 and "content/site.yml:1: not found" in check.stderr + check.stdout

    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("content_dir: content", "content_dir: notes"),
                      encoding="utf-8")
    build = mkdocs_build(project, site)
    assert build.returncode == 1 and "content directory 'notes' does not exist" in build.stderr, build.stderr
    assert "Traceback" not in build.stderr and not site.exists()


def test_a_custom_dir_wins_and_keeps_the_plugins_assets(tmp_path: Path) -> None:
    """A project's own main.html replaces the plugin's; the stylesheets and script stay linked."""
    project = tmp_path / "project"
    assert run_cli(tmp_path, "init", str(project)).returncode == 0
    overrides = project / "overrides"
    (overrides / "assets").mkdir(parents=True)
    (overrides / "main.html").write_text(
        '{% extends "base.html" %}\n{% block extrahead %}<meta name="made-by" content="me">{% endblock %}\n',
        encoding="utf-8")
    (overrides / "assets" / "map.css").write_text("/* my map */\n", encoding="utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  # custom_dir: overrides", "  custom_dir: overrides"), encoding="utf-8")
    site = tmp_path / "site"
    build = mkdocs_build(project, site)
    assert build.returncode == 0, build.stderr
    timeline = (site / "timeline" / "index.html").read_text(encoding="utf-8")
    assert '<meta name="made-by" content="me">' in timeline
    assert 'property="og:title"' not in timeline  # the plugin's main.html is replaced, as Material's would be
    for asset in ASSETS:
        assert f"../{asset}" in links(timeline), asset
    assert (site / "assets" / "map.css").read_text(encoding="utf-8") == "/* my map */\n"
    assert digest(site / "assets" / "timeline.css") == digest(ROOT / "theme" / "assets" / "timeline.css")
