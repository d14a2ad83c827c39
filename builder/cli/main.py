"""The command line: ``python -m builder init|check|export|export-data|bundle|schemas|new|suggest|import|import-data``;
each command's work is in its own module (here, or in authoring/ for the tools that write content)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from builder.authoring import scaffold
from builder.authoring.importing import options as import_options
from builder.authoring.suggesting import command as suggest_command
from builder.cli import bundle, check, export, export_data, import_data, init, schemas
from builder.settings import SettingsError, read_settings

DESCRIPTION = "The command line: ``python -m builder check`` and ``python -m builder export DIR``."

def parser() -> argparse.ArgumentParser:
    main_parser = argparse.ArgumentParser(prog="python -m builder", description=DESCRIPTION)
    main_parser.add_argument("-f", "--config-file", default="mkdocs.yml", type=Path,
                             help="the MkDocs configuration to read options from (default: mkdocs.yml)")
    main_parser.add_argument("--strict", action="store_true", help="treat warnings as errors")
    commands = main_parser.add_subparsers(dest="command", required=True)
    check_parser = commands.add_parser("check", help="validate everything under content/ and report every problem")
    export_parser = commands.add_parser("export", help="write the generated Markdown pages to DIR")
    export_parser.add_argument("dir", type=Path, help="output directory (replaced as a whole)")
    bundle_parser = commands.add_parser("bundle", help="build an offline copy of the site as a .zip")
    bundle_parser.add_argument("--out", type=Path, required=True, help="the archive to write, e.g. timeline.zip")
    schemas.add_parser(commands)
    export_data_parser = export_data.add_parser(commands)
    init.add_parser(commands)
    scaffold.add_parser(commands)
    suggest_command.add_parser(commands)
    import_options.add_arguments(commands.add_parser(
        "import", help="turn plain-text or saved HTML news pages into article files (never overwrites)"))
    import_data.add_parser(commands)
    # accept --strict after the command too
    for sub_parser in (check_parser, export_parser, bundle_parser, export_data_parser):
        sub_parser.add_argument("--strict", action="store_true", default=argparse.SUPPRESS,
                                help="treat warnings as errors")
    return main_parser


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.command == "schemas":  # needs no project
        return schemas.run(args.out, args.check, args.dialect)
    if args.command == "init":  # makes the project
        return init.run(args.dir, args.example)
    try:
        settings = read_settings(args.config_file)
    except SettingsError as exc:
        print(exc, file=sys.stderr)
        return 2
    if args.command == "check":
        return check.run(settings, args.strict, args.config_file)
    if args.command == "bundle":
        return bundle.run(settings, args.config_file, args.out, args.strict)
    if args.command == "export-data":
        return export_data.run(settings, args.dir, args.site_url, args.strict)
    if args.command == "new":
        return scaffold.run(args, settings)
    if args.command == "suggest":
        return suggest_command.run(args, settings)
    if args.command == "import":
        from builder.authoring.importing.command import run as run_import  # its parsers: only when it runs

        return run_import(settings, args)
    if args.command == "import-data":
        return import_data.run(settings, args)
    return export.run(settings, args.dir, args.strict)
