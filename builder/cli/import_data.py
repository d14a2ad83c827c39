"""``python -m builder import-data FILE... [--format timelinejs|acled|json] [--content DIR] [--skip-bad] [--update]``.

The options here; the work in ``builder.authoring.datasets.command``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from builder.settings import ProjectSettings

FORMATS = ("timelinejs", "acled", "json")


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser("import-data", help="import TimelineJS (sheet CSV or JSON), ACLED CSV or our own "
                                                     "timeline.json as content files (never overwrites)")
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE", help="the datasets to import")
    parser.add_argument("--format", choices=FORMATS,
                        help="the files' format (default: recognised from each file's header or shape)")
    parser.add_argument("--content", type=Path, metavar="DIR",
                        help="the content folder to write to (default: the one mkdocs.yml names)")
    parser.add_argument("--skip-bad", action="store_true",
                        help="import the good rows and report the bad ones, instead of writing nothing")
    parser.add_argument("--update", action="store_true",
                        help="replace the list files an earlier import of a file of the same name wrote")


def run(settings: ProjectSettings, args: argparse.Namespace) -> int:
    from builder.authoring.datasets.command import run as run_import  # the readers: only when it runs

    return run_import(settings, args)
