"""``python -m builder suggest ARTICLE... [--out DIR]``: print or write the draft annotations."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from builder.diagnostics import Diagnostics
from builder.pipeline import build_site
from builder.runtime.atomic import create_files, failure
from builder.runtime.terminal import printable
from builder.settings import ProjectSettings


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "suggest", help="draft actors, places, dated events and quotes for articles, to review",
        description="Find known actors and places by name, propose new ones (with coordinates from an offline "
                    "gazetteer), date events against the publication day and attribute quotes. Articles may "
                    "live outside content/.")
    parser.add_argument("articles", nargs="+", type=Path, metavar="ARTICLE", help="article .md files")
    parser.add_argument("--out", type=Path, metavar="DIR",
                        help="write actors/, places/ and events/ list files under DIR (e.g. content): all or none; "
                             "existing files (or links) are never overwritten. Default: print the draft")
    parser.add_argument("--name", help="file name for the draft files (default: suggested-<first article>)")
    parser.add_argument("--report", action="store_true",
                        help="after the draft, count what it holds by kind and list the sentences that gave nothing")


def _shown(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def run(args: argparse.Namespace, settings: ProjectSettings) -> int:
    # Loaded here, not at the top: the other commands' start-up need not pay for the suggester.
    from builder.authoring.suggesting.draft import suggest
    from builder.authoring.suggesting.output import render_files
    from builder.authoring.suggesting.report import report

    name = args.name or f"suggested-{args.articles[0].stem}"
    if problem := _name_problem(name):
        print(f"--name {printable(name)!r}: {problem}", file=sys.stderr)
        return 2
    diagnostics = Diagnostics()
    project = build_site(settings.content_dir, root=settings.root)
    if project.diagnostics.errors:
        print(f"warning: the project has {len(project.diagnostics.errors)} problem(s) ('python -m builder check' "
              "lists them); names are matched against what could be read", file=sys.stderr)
    files = [(path, _shown(path, settings.root)) for path in args.articles]
    absent = [shown for path, shown in files if not path.is_file()]
    for shown in absent:
        print(f"{printable(shown)}:1: file not found", file=sys.stderr)  # the same words as import's
    if absent:
        return 1
    try:
        draft = suggest(files, project.site, diagnostics)
    except ModuleNotFoundError as missing:  # the gazetteer is an optional extra: sites build without it
        print(f"suggest needs the offline gazetteer ({missing.name} is not installed): "
              "pip install -e '.[authoring]'", file=sys.stderr)
        return 1
    for diagnostic in diagnostics:
        print(printable(diagnostic.format()), file=sys.stderr)
    if draft is None:
        return 1
    rendered = render_files(draft, set(project.site.events), name)
    summary = (f"{len(draft.new_actors)} new actors, {len(draft.new_places)} new places, "
               f"{len(draft.events)} events, {sum(q.speaker is not None for q in draft.quotes)} attributed quotes")
    if args.out is None:
        for relative, text in rendered.items():
            print(printable(f"# ==== {relative} ====\n{text}"))
        if args.report:
            print(report(draft))
        print(summary, file=sys.stderr)
        return 0
    targets = {args.out / relative: text for relative, text in rendered.items()}
    existing = [path for path in targets if os.path.lexists(path)]  # a dangling link is not followed either
    for path in existing:
        print(f"{printable(str(path))}: already exists; not overwritten (use --name to choose another file name)",
              file=sys.stderr)
    if existing:
        return 1
    try:
        create_files(targets, root=args.out)  # all of them or none
    except FileExistsError as exc:  # one appeared meanwhile
        print(f"{printable(str(exc.filename))}: already exists; nothing written", file=sys.stderr)
        return 1
    except ValueError as exc:  # a folder under --out is a link that leads out of it
        print(f"{printable(str(exc))}: nothing written", file=sys.stderr)
        return 2
    except OSError as exc:
        print(printable(str(failure(exc, args.out))), file=sys.stderr)
        return 1
    for path in targets:
        print(f"wrote {printable(str(path))}")
    if args.report:
        print(report(draft))
    print(summary, file=sys.stderr)
    return 0


def _name_problem(name: str) -> str:
    """Why ``name`` cannot be the draft files' name: it must stay a file name inside the folders."""
    if not name or name in (".", "..") or "/" in name or "\\" in name or "\0" in name:
        return "must be a file name, without folders"
    if name.startswith("."):
        return "must not start with '.'"
    if printable(name) != name or not name.isprintable():
        return "must not hold control characters"
    return ""
