"""Good rows to files: one YAML list file per kind and input file, one citation-only source file each.

Files are created all or none and never over an existing one (``runtime/atomic.create_files``).
The one file changed in place is ``site.yml``, and only to fill a title (and an introduction) it
lacks, swapped in whole.
"""

from __future__ import annotations

import os
from collections.abc import Collection
from pathlib import Path
from typing import Any

import yaml

from builder.authoring.datasets.check import Existing
from builder.authoring.datasets.records import Batch, Entity, Row
from builder.authoring.importing.inert import one_line
from builder.authoring.importing.writer import yaml_text
from builder.runtime.atomic import StagedFile, create_files

LIST_FOLDERS = {"events": "events", "actors": "actors", "places": "places", "relations": "relations"}
HEADER = "# Imported with `python -m builder import-data`"


def _flow(value: Any) -> str:
    """One value on one line: text as a quoted string (``yaml_text``: never markup, never another
    key, whatever it holds), lists and mappings in brackets. PyYAML's emitter would take a minute
    over the rows a big ACLED export has; these few shapes need none of it."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key}: {_flow(item)}" for key, item in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(item) for item in value) + "]"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return repr(value)
    return yaml_text(str(value))


def dump(data: Entity | list[Entity]) -> str:
    """A mapping, or a list of mappings, as block YAML with each field on its own line."""
    if isinstance(data, dict):
        return "".join(f"{key}: {_flow(value)}\n" for key, value in data.items())
    if not data:
        return "[]\n"
    return "".join(f"{'  ' if index else '- '}{key}: {_flow(value)}\n"
                   for item in data for index, (key, value) in enumerate(item.items()))


def plan(batches: list[Batch], good: list[Row], existing: Existing, content_dir: Path) -> dict[Path, str]:
    """The files to create, by path; what the project or an earlier file already has is not repeated."""
    chosen = {id(row) for row in good}
    written: dict[str, set[str]] = {kind: set(existing[kind]) for kind in existing}
    files: dict[Path, str] = {}
    for batch in batches:
        lists: dict[str, list[Entity]] = {kind: [] for kind in LIST_FOLDERS}
        for row in (row for row in batch.rows if id(row) in chosen):
            for kind in (*LIST_FOLDERS, "sources"):
                for entity in getattr(row, kind):
                    if entity["id"] in written[kind]:
                        continue
                    written[kind].add(entity["id"])
                    if kind == "sources":
                        front = {key: value for key, value in entity.items() if key != "id"}
                        files[content_dir / "articles" / f"{entity['id']}.md"] = f"---\n{dump(front)}---\n"
                    else:
                        lists[kind].append(entity)
        header = f"{HEADER} from {one_line(batch.path)} ({batch.format})\n"
        for kind, items in lists.items():
            if items:
                files[content_dir / LIST_FOLDERS[kind] / f"{batch.name}.yml"] = header + dump(items)
    return files


def site_file_update(batches: list[Batch], site_file: Path) -> str | None:
    """site.yml's new text when it has no title and an input gives one, else None."""
    title = next((batch.title for batch in batches if batch.title), "")
    if not title:
        return None
    try:
        current = yaml.safe_load(site_file.read_text(encoding="utf-8")) if site_file.is_file() else None
    except yaml.YAMLError:
        return None  # `check` reports it; an import does not guess around it
    current = current if isinstance(current, dict) else {} if current is None else None
    if current is None or str(current.get("title") or "").strip():
        return None
    intro = next((batch.intro for batch in batches if batch.intro), "")
    updated = {**{k: v for k, v in current.items() if v not in (None, "")}, "title": title}
    if intro and not updated.get("intro"):
        updated["intro"] = intro
    return dump(updated)


def write(files: dict[Path, str], root: Path, site_file: Path, site_text: str | None,
          replaced: Collection[Path] = ()) -> None:
    """Create the new files (all or none), then swap in each of ``replaced`` (``--update``; one left
    without anything to hold is emptied) and fill site.yml."""
    create_files({path: text for path, text in files.items() if path not in replaced}, root)
    for path in replaced:
        _replace(path, files.get(path, f"{HEADER}: nothing left in it\n[]\n"))
    if site_text is None:
        return
    if not os.path.lexists(site_file):
        create_files({site_file: site_text}, root)
    else:
        _replace(site_file, site_text)


def _replace(path: Path, text: str) -> None:
    staged = StagedFile(path)
    try:
        staged.path.write_text(text, encoding="utf-8")
        staged.commit()
    finally:
        staged.discard()
