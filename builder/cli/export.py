"""``python -m builder export DIR``: the complete Markdown tree, hand-written pages and generated ones,
with the open data and the stylesheets a build adds, for other engines (MkDocs without the plugin,
ProperDocs, Zensical); ``DIR`` is replaced as a whole, and only once everything succeeded."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from builder.cli.export_layout import export_path, moved_pages, relink_hand_pages
from builder.cli.report import report
from builder.pipeline import DATA_DIR, build_site, interface_language, render_pages, write_data
from builder.runtime.atomic import StagedDir, failure
from builder.runtime.shipped import shipped_folder
from builder.runtime.terminal import printable
from builder.settings import ProjectSettings

ASSETS = shipped_folder("theme", "theme") / "assets"


def run(settings: ProjectSettings, out: Path, strict: bool) -> int:
    """Write a complete docs directory (hand-written pages plus generated ones), or nothing at all."""
    if refusal := export_refusal(settings, out):
        print(f"export: {printable(refusal)}", file=sys.stderr)
        return 2
    result = build_site(settings.content_dir, root=settings.root, freeze=True, raw_html=settings.raw_html,
                        docs_dir=settings.docs_dir)
    if report(result.diagnostics, strict):
        return 1

    language, unknown = interface_language(settings.language)
    if unknown:
        print(f"export: warning: {printable(unknown)}", file=sys.stderr)
    pages = render_pages(result.site, directory_urls=settings.directory_urls, raw_html=settings.raw_html,
                         language=language)
    try:
        with StagedDir(out.resolve()) as staged:  # out is no link: export_refusal said so
            if settings.docs_dir.is_dir():
                shutil.copytree(settings.docs_dir, staged.path, dirs_exist_ok=True)
                relink_hand_pages(staged.path, moved_pages((page.src_uri for page in pages), settings.directory_urls))
            for page in pages:
                target = staged.path / export_path(page.src_uri, settings.directory_urls)
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(page.markdown, encoding="utf-8")
            # the open data beside the Data page, as a build has it: the pages link to these files
            write_data(result.site, staged.path / DATA_DIR, directory_urls=settings.directory_urls)
            # the stylesheets and the filter script a build links (README: the export's extra_css)
            (staged.path / "assets").mkdir(exist_ok=True)
            for asset in sorted(ASSETS.glob("*.*")):  # not vendor/: only the offline bundle needs it
                shutil.copyfile(asset, staged.path / "assets" / asset.name)
            (staged.path / EXPORT_MARK).write_text(EXPORT_MARK_TEXT, encoding="utf-8")
            staged.commit()
    except OSError as exc:
        print(f"export: {printable(str(failure(exc, out)))}", file=sys.stderr)
        return 1
    print(f"wrote {len(pages)} generated pages to {out}")
    return 0


EXPORT_MARK = ".timeline-export"  # a dot-file: MkDocs and other engines leave it out of the site
EXPORT_MARK_TEXT = "Written by 'python -m builder export'; the next export replaces this whole folder.\n"


def export_refusal(settings: ProjectSettings, out: Path, mark: str = EXPORT_MARK, command: str = "export") -> str:
    """Why ``command`` must not replace ``out`` (it replaces the folder as a whole), or ''; an
    earlier output of it is known by its ``mark`` file."""
    if out.is_symlink():
        return f"{out} is a symbolic link: give the folder itself"
    where = out.resolve()
    for name, folder in (("project", settings.root), ("content", settings.content_dir), ("docs", settings.docs_dir)):
        folder = folder.resolve()
        if folder.is_relative_to(where):
            return f"{out} holds the {name} folder {folder}: {command} replaces its folder as a whole"
        if name != "project" and where.is_relative_to(folder):
            return f"{out} is inside the {name} folder {folder}: {command} into a folder of its own"
    if where.exists() and not where.is_dir():
        return f"{out} is a file, not a folder"
    if where.is_dir() and any(where.iterdir()) and not (where / mark).is_file():
        return (f"{out} is not empty and is not an earlier {command} (it has no {mark} file): "
                "it is not replaced; choose a new folder, or remove this one yourself")
    return ""
