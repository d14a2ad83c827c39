"""``python -m builder init [--example] DIR``: start a project of one's own (see authoring/project.py)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from builder.authoring.project import InitError, write_project
from builder.runtime.atomic import failure
from builder.runtime.terminal import printable


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser("init", help="make a new project in DIR (a new or empty folder)")
    parser.add_argument("dir", type=Path, help="the folder to make the project in")
    parser.add_argument("--example", action="store_true",
                        help="write the annotated example (two articles of 12 Feb 2020), not a blank project")


def run(target: Path, example: bool) -> int:
    try:
        written = write_project(target, example=example)
    except InitError as exc:
        print(f"init: {printable(str(exc))}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"init: {printable(str(failure(exc, target)))}", file=sys.stderr)
        return 1
    kind = "the annotated example" if example else "a new project"
    print(f"wrote {kind} to {printable(str(target))} ({len(written)} files). Next:")
    print(f"  cd {printable(str(target))}")
    print("  python -m builder check     # every problem as path:line: message")
    print("  mkdocs serve                # preview at http://127.0.0.1:8000/")
    print("See its README.md for adding articles and publishing.")
    return 0
