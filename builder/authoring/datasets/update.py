"""``--update``: importing a file again replaces the list files its earlier import wrote, and only those.

A list file is this tool's when it starts with the header ``write`` gives it; any other file in the
way is the author's, and is never replaced. What the replaced files held is not "already in the
project", so the same ids import again. Events and relations are replaced; actors and places are
only added to, since other files (sources written earlier, files written by hand) may name them;
citation-only sources written earlier are kept as they are.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from builder.authoring.datasets.check import Existing
from builder.authoring.datasets.records import Batch
from builder.authoring.datasets.write import HEADER, LIST_FOLDERS, dump
from builder.load.source_files import relative


def earlier_files(batches: list[Batch], content_dir: Path) -> list[Path]:
    """The list files that importing these files writes and that exist already."""
    return [content_dir / folder / f"{batch.name}.yml" for batch in batches for folder in LIST_FOLDERS.values()
            if (content_dir / folder / f"{batch.name}.yml").is_file()]


def not_ours(files: list[Path]) -> list[Path]:
    """Those of ``files`` that this tool did not write."""
    found = []
    for file in files:
        with file.open(encoding="utf-8", errors="replace") as handle:
            if not handle.readline().startswith(HEADER):
                found.append(file)
    return found


def without(existing: Existing, files: list[Path], root: Path) -> Existing:
    """``existing`` less what ``files`` hold."""
    paths = {relative(file, root) for file in files}
    return {kind: {id_: origin for id_, origin in ids.items() if origin.path not in paths}
            for kind, ids in existing.items()}


def _items(text: str) -> list[Any]:
    try:
        items = yaml.safe_load(text)
    except yaml.YAMLError:
        return []
    return [item for item in items if isinstance(item, dict)] if isinstance(items, list) else []


def carry_over(planned: dict[Path, str], earlier: list[Path], content_dir: Path) -> None:
    """Keep in the new actor and place files the items of the earlier ones that the update no longer has."""
    for file in earlier:
        if file.parent not in (content_dir / LIST_FOLDERS["actors"], content_dir / LIST_FOLDERS["places"]):
            continue
        new = planned.get(file, "")
        ids = {item.get("id") for item in _items(new)}
        kept = [item for item in _items(file.read_text(encoding="utf-8")) if item.get("id") not in ids]
        if kept:
            header = new.splitlines()[0] if new else f"{HEADER}: kept from an earlier import"
            planned[file] = f"{header}\n" + dump([*_items(new), *kept])
