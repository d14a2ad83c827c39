"""The command line: ``python -m builder check`` and ``python -m builder export DIR``."""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from builder import scaffold
from builder.atomic import StagedDir, failure
from builder.diagnostics import Diagnostics
from builder.importing import options as import_options
from builder.page_check import check_pages
from builder.pipeline import build_site
from builder.schema import DIALECT, DRAFT_07, SCHEMA_DIR, stale_files, write_schemas
from builder.settings import ProjectSettings, SettingsError, read_settings
from builder.suggesting import command as suggest_command
from builder.terminal import printable


def _report(diagnostics: Diagnostics, strict: bool) -> int:
    for diagnostic in diagnostics:
        print(printable(diagnostic.format()), file=sys.stderr)
    errors, warnings = len(diagnostics.errors), len(diagnostics.warnings)
    failed = errors + (warnings if strict else 0)
    summary = f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"
    print(summary if diagnostics.items else "no problems found", file=sys.stderr)
    return 1 if failed else 0


def check(settings: ProjectSettings, strict: bool, config_file: Path) -> int:
    result = build_site(settings.content_dir, root=settings.root, validate_only=True, freeze=True,
                        raw_html=settings.raw_html, docs_dir=settings.docs_dir)
    if not settings.raw_html:  # pages written by hand, cleaned as the build cleans them
        check_pages(config_file, settings.docs_dir, settings.root, result.diagnostics)
    status = _report(result.diagnostics, strict)
    if status == 0:
        site = result.site
        print(f"{len(site.articles)} articles, {len(site.actors)} actors, {len(site.places)} places, "
              f"{len(site.events)} events, {len(site.relations)} relations")
    return status


def export(settings: ProjectSettings, out: Path, strict: bool) -> int:
    """Write a complete docs directory (hand-written pages plus generated ones), or nothing at all."""
    if refusal := export_refusal(settings, out):
        print(f"export: {printable(refusal)}", file=sys.stderr)
        return 2
    result = build_site(settings.content_dir, root=settings.root, freeze=True, raw_html=settings.raw_html,
                        docs_dir=settings.docs_dir)
    if _report(result.diagnostics, strict):
        return 1
    from builder.render import render_site  # Jinja and the templates: not needed to check

    pages = render_site(result.site, directory_urls=settings.directory_urls, raw_html=settings.raw_html)
    try:
        with StagedDir(out.resolve()) as staged:  # out is no link: export_refusal said so
            if settings.docs_dir.is_dir():
                shutil.copytree(settings.docs_dir, staged.path, dirs_exist_ok=True)
            for page in pages:
                target = staged.path / page.src_uri
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(page.markdown, encoding="utf-8")
            (staged.path / EXPORT_MARK).write_text(EXPORT_MARK_TEXT, encoding="utf-8")
            staged.commit()
    except OSError as exc:
        print(f"export: {printable(str(failure(exc, out)))}", file=sys.stderr)
        return 1
    print(f"wrote {len(pages)} generated pages to {out}")
    return 0


EXPORT_MARK = ".timeline-export"  # a dot-file: MkDocs and other engines leave it out of the site
EXPORT_MARK_TEXT = "Written by 'python -m builder export'; the next export replaces this whole folder.\n"


def export_refusal(settings: ProjectSettings, out: Path) -> str:
    """Why ``export`` must not replace ``out`` (it replaces the folder as a whole), or ''."""
    if out.is_symlink():
        return f"{out} is a symbolic link: give the folder itself"
    where = out.resolve()
    for name, folder in (("project", settings.root), ("content", settings.content_dir), ("docs", settings.docs_dir)):
        folder = folder.resolve()
        if folder.is_relative_to(where):
            return f"{out} holds the {name} folder {folder}: export replaces its folder as a whole"
        if name != "project" and where.is_relative_to(folder):
            return f"{out} is inside the {name} folder {folder}: export into a folder of its own"
    if where.exists() and not where.is_dir():
        return f"{out} is a file, not a folder"
    if where.is_dir() and any(where.iterdir()) and not (where / EXPORT_MARK).is_file():
        return (f"{out} is not empty and is not an earlier export (it has no {EXPORT_MARK} file): "
                "it is not replaced; choose a new folder, or remove this one yourself")
    return ""


def bundle(settings: ProjectSettings, config_file: Path, out: Path, strict: bool) -> int:
    """Validate first (same report as check), then build the offline archive."""
    result = build_site(settings.content_dir, root=settings.root, raw_html=settings.raw_html,
                        docs_dir=settings.docs_dir)
    if _report(result.diagnostics, strict):
        return 1
    if out.is_dir():
        print(f"bundle: {printable(str(out))} is a folder: give the archive's file name, e.g. timeline.zip",
              file=sys.stderr)
        return 2
    from builder.bundle import BundleError, build_bundle  # MkDocs and Material: not needed to check

    try:
        size = build_bundle(config_file, out)
    except BundleError as exc:
        print(f"bundle: {printable(str(exc))}", file=sys.stderr)
        return 1
    print(f"wrote {out} ({size / 1024:.0f} KiB): unzip it and open {out.stem}/index.html")
    return 0


def schemas(out: Path, check_only: bool, dialect: str) -> int:
    """Write the content files' JSON Schemas; with ``--check``, only report the stale ones."""
    if check_only:
        stale = stale_files(out, dialect)
        for name in stale:
            print(f"{out / name}: out of date (regenerate with: python -m builder schemas)", file=sys.stderr)
        return 1 if stale else 0
    stale = write_schemas(out, dialect)  # it finds what changed itself
    print(f"{len(stale)} of the schemas in {out} rewritten" if stale else f"the schemas in {out} are up to date")
    return 0


def parser() -> argparse.ArgumentParser:
    main_parser = argparse.ArgumentParser(prog="python -m builder", description=__doc__)
    main_parser.add_argument("-f", "--config-file", default="mkdocs.yml", type=Path,
                             help="the MkDocs configuration to read options from (default: mkdocs.yml)")
    main_parser.add_argument("--strict", action="store_true", help="treat warnings as errors")
    commands = main_parser.add_subparsers(dest="command", required=True)
    check_parser = commands.add_parser("check", help="validate everything under content/ and report every problem")
    export_parser = commands.add_parser("export", help="write the generated Markdown pages to DIR")
    export_parser.add_argument("dir", type=Path, help="output directory (replaced as a whole)")
    bundle_parser = commands.add_parser("bundle", help="build an offline copy of the site as a .zip")
    bundle_parser.add_argument("--out", type=Path, required=True, help="the archive to write, e.g. timeline.zip")
    schemas_parser = commands.add_parser("schemas", help="write the JSON Schemas of content files (for editors)")
    schemas_parser.add_argument("--out", type=Path, default=SCHEMA_DIR, help="where to write them "
                                "(default: the package's own copy, builder/schemas/)")
    schemas_parser.add_argument("--check", action="store_true", help="change nothing; fail if any is out of date")
    schemas_parser.add_argument("--draft-07", dest="dialect", action="store_const", const=DRAFT_07, default=DIALECT,
                                help="declare JSON Schema draft-07 instead of 2020-12, for tools that know no later "
                                     "draft (remark-lint-frontmatter-schema)")
    scaffold.add_parser(commands)
    suggest_command.add_parser(commands)
    import_options.add_arguments(commands.add_parser(
        "import", help="turn plain-text or saved HTML news pages into article files (never overwrites)"))
    for sub_parser in (check_parser, export_parser, bundle_parser):  # accept --strict after the command too
        sub_parser.add_argument("--strict", action="store_true", default=argparse.SUPPRESS,
                                help="treat warnings as errors")
    return main_parser


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.command == "schemas":  # needs no project
        return schemas(args.out, args.check, args.dialect)
    try:
        settings = read_settings(args.config_file)
    except SettingsError as exc:
        print(exc, file=sys.stderr)
        return 2
    if args.command == "check":
        return check(settings, args.strict, args.config_file)
    if args.command == "bundle":
        return bundle(settings, args.config_file, args.out, args.strict)
    if args.command == "new":
        return scaffold.run(args, settings)
    if args.command == "suggest":
        return suggest_command.run(args, settings)
    if args.command == "import":
        from builder.importing.command import run as run_import  # its parsers: only when it runs

        return run_import(settings, args)
    return export(settings, args.dir, args.strict)
