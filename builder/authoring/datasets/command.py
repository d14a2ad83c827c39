"""``python -m builder import-data FILE...``: read each file in its format, judge every row, write or refuse.

Every problem is reported as ``path:row: message``, all of them, before anything is decided. Nothing
is written while a row is bad, unless ``--skip-bad`` asks for the others; nothing existing is ever
replaced (site.yml is only filled where it is empty).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from builder.authoring.datasets import acled, own_json, timelinejs_json, timelinejs_sheet, update
from builder.authoring.datasets.check import KINDS, Existing, judge
from builder.authoring.datasets.records import Batch
from builder.authoring.datasets.write import plan, site_file_update, write
from builder.diagnostics import Diagnostics
from builder.load.fields import slugify
from builder.load.records import Records, load_records
from builder.load.source_files import SITE_FILE, relative
from builder.runtime.atomic import OutputError, failure
from builder.runtime.progress import QUIET, Progress, reporter
from builder.runtime.terminal import printable
from builder.settings import ProjectSettings


def _json(text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return None


def read_file(path: Path, shown: str, wanted: str | None, name: str, progress: Progress = QUIET) -> Batch:
    batch = Batch(shown, name, wanted or "", progress=progress)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        batch.problem(1, f"cannot read it: {exc.strerror or exc}")
        return batch
    except UnicodeDecodeError as exc:
        batch.problem(1, f"not UTF-8 text (byte {exc.start}): save it as UTF-8 CSV or JSON")
        return batch
    data = _json(text) if text.lstrip().startswith(("{", "[")) else None
    header = text.splitlines()[0].split(",") if text.strip() else []
    if data is not None and wanted in (None, "json") and own_json.looks_like(data):
        batch.format = "timeline.json"
        own_json.read(batch, text, data)
    elif data is not None and wanted in (None, "timelinejs") and timelinejs_json.looks_like(data):
        batch.format = "TimelineJS JSON"
        timelinejs_json.read(batch, text, data)
    elif data is None and wanted in (None, "acled") and acled.looks_like(header):
        batch.format = "ACLED CSV"
        acled.read(batch, text)
    elif data is None and wanted in (None, "timelinejs") and timelinejs_sheet.looks_like(header):
        batch.format = "TimelineJS sheet CSV"
        timelinejs_sheet.read(batch, text)
    elif wanted:
        batch.problem(1, f"not a {wanted} file: " + ("invalid JSON" if data is None and text.lstrip().startswith("{")
                                                     else "its header or shape does not match"))
    else:
        batch.problem(1, "cannot tell its format from the header or shape: pass --format timelinejs|acled|json")
    return batch


def _existing(content_dir: Path, root: Path, progress: Progress) -> Existing:
    records = load_records(content_dir, root, Diagnostics(), progress=progress) if content_dir.is_dir() else Records()
    tables: dict[str, dict[str, Any]] = {"events": records.events, "actors": records.actors, "places": records.places,
                                         "sources": records.articles, "relations": records.relations}
    return {kind: {id_: entity.origin for id_, entity in tables[kind].items()} for kind in KINDS}


def _names(files: list[Path]) -> list[str]:
    names: list[str] = []
    for file in files:
        base = slugify(file.stem) or "imported"
        name, number = base, 1
        while name in names:
            number += 1
            name = f"{base}-{number}"
        names.append(name)
    return names


def run(settings: ProjectSettings, args: argparse.Namespace) -> int:
    with reporter() as progress:  # on a terminal: the rows read n/N, the project's files n/N, each stage
        return _run(settings, args, progress)


def _run(settings: ProjectSettings, args: argparse.Namespace, progress: Progress) -> int:
    content_dir: Path = args.content.resolve() if args.content else settings.content_dir
    files: list[Path] = args.files
    batches = [read_file(file, relative(file.resolve(), settings.root) if file.is_absolute() else str(file),
                         args.format, name, progress) for file, name in zip(files, _names(files), strict=True)]
    existing = _existing(content_dir, settings.root, progress)
    progress.stage("checking the rows")
    earlier = update.earlier_files(batches, content_dir)
    if earlier and args.update:
        if foreign := update.not_ours(earlier):
            progress.done()
            for file in foreign:
                print(printable(f"{relative(file, settings.root)}: not written by import-data, so --update does not "
                                "replace it; nothing written"), file=sys.stderr)
            return 1
        existing = update.without(existing, earlier, settings.root)
    rows = [row for batch in batches for row in batch.rows]
    verdict = judge(rows, existing)
    progress.done()  # what follows is the report
    problems = Diagnostics()
    for row in verdict.bad:
        for message in dict.fromkeys(row.problems):
            problems.error(row.origin, f"{row.label}: {message}" if row.label else message)
    for diagnostic in problems:
        print(printable(("skipped " if args.skip_bad else "") + diagnostic.format()), file=sys.stderr)
    for note in (note for batch in batches for note in batch.notes):
        print(printable(note), file=sys.stderr)
    if earlier and not args.update:
        print(printable(f"{', '.join(relative(file, settings.root) for file in earlier)}: written by an earlier "
                        "import of a file of this name; --update replaces "
                        + ("it" if len(earlier) == 1 else "them")), file=sys.stderr)
    if verdict.bad and not args.skip_bad:
        print(f"nothing written: {len(verdict.bad)} of {len(rows)} rows have problems (fix them, or pass "
              "--skip-bad to import the others)", file=sys.stderr)
        return 1
    if not verdict.good:
        print("nothing to import", file=sys.stderr)
        return 1
    progress.stage("writing the content files")
    planned = plan(batches, verdict.good, existing, content_dir)
    if args.update:
        update.carry_over(planned, earlier, content_dir)
    site_file = content_dir / SITE_FILE
    site_text = site_file_update(batches, site_file)
    try:
        with progress:  # the line is cleared before any message below
            write(planned, content_dir, site_file, site_text, earlier if args.update else ())
    except FileExistsError as exc:
        print(printable(f"{exc.filename}: exists already (imported before?); nothing written: move it away or "
                        "rename the input file"), file=sys.stderr)
        return 1
    except (OSError, ValueError) as exc:
        error = failure(exc, content_dir) if isinstance(exc, OSError) else OutputError(str(exc))
        print(printable(str(error)), file=sys.stderr)
        return 1
    for path in sorted({*planned, *(earlier if args.update else ())}):
        done = "replaced" if args.update and path in earlier else "wrote"
        print(printable(f"{done} {relative(path, settings.root)}"))
    if site_text is not None:
        print(printable(f"filled the title of {relative(site_file, settings.root)}"))
    events, relations = (sum(len(getattr(row, kind)) for row in verdict.good) for kind in ("events", "relations"))
    print(f"imported {_count(events, 'event')}" + (f" and {_count(relations, 'relation')}" if relations else "")
          + f" from {_count(len(batches), 'file')}"
          + (f", {_count(len(verdict.bad), 'bad row')} skipped" if verdict.bad else ""))
    return 0


def _count(number: int, thing: str) -> str:
    return f"{number} {thing}{'s' * (number != 1)}"
