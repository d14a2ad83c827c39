"""Reading `content/`: every file of every kind into typed records, reporting every problem.

Nothing is rendered or written here, and nothing is kept between calls: ``mkdocs serve`` rebuilds
in the same process, so each build starts from the files.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from builder.diagnostics import Diagnostics, Origin
from builder.fields import Fields, slug_problem
from builder.loader import Located, LocatedList, SourceFile, load_markdown, load_yaml_file
from builder.parallel_load import parse_markdown_files
from builder.structure.actor import Actor, read_actor
from builder.structure.article import Article, read_article
from builder.structure.event import Event, read_event
from builder.structure.place import Place, read_place
from builder.structure.relation import Relation, read_relation

SITE_FIELDS = {"title", "intro", "description"}


@dataclass
class ProjectInfo:
    title: str = "Annotated timeline"
    intro: str = ""
    description: str = ""


@dataclass
class Records:
    info: ProjectInfo = field(default_factory=ProjectInfo)
    articles: dict[str, Article] = field(default_factory=dict)
    actors: dict[str, Actor] = field(default_factory=dict)
    places: dict[str, Place] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
    relations: dict[str, Relation] = field(default_factory=dict)


def _relative(file: Path, root: Path) -> str:
    try:
        return file.relative_to(root).as_posix()
    except ValueError:
        return file.as_posix()


def _files(folder: Path, suffixes: tuple[str, ...]) -> list[Path]:
    if not folder.is_dir():
        return []
    files = (p for p in folder.rglob("*") if p.is_file() and p.suffix in suffixes and not p.name.startswith("."))
    return sorted(files, key=lambda p: p.parts)  # the order of Path comparison, without its Python-level __lt__


# (id, fields, Markdown body, line the body starts on, diagnostics) -> entity or None
Reader = Callable[[str, Located, str, int, Diagnostics], Any]


_SUFFIXES = (".md", ".yml", ".yaml")


def _load_kind(
    files: list[Path], root: Path, kind: str, reader: Reader, target: dict[str, Any], diagnostics: Diagnostics,
    *, lists: bool = True, id_optional: Callable[[Located], str] | None = None,
    parsed: dict[Path, SourceFile | None] | None = None,
) -> None:
    """Read every entity of one kind from its ``files``: one per ``.md`` file, or many per ``.yml``
    list file. ``parsed``: the ``.md`` files already parsed (see ``load_records``)."""
    origins: dict[str, Origin] = {}

    def add(id_: str, origin: Origin, data: Located, body: str, body_line: int) -> None:
        problem = slug_problem(id_)
        if problem:
            diagnostics.error(origin, f"{kind} id: {problem}")
            return
        if id_ in origins:
            first = origins[id_]
            diagnostics.error(origin, f"duplicate {kind} id '{id_}' (first defined at {first.path}:{first.line})")
            return
        origins[id_] = origin
        entity = reader(id_, data, body, body_line, diagnostics)
        if entity is not None:
            target[id_] = entity

    for file in files:
        path = _relative(file, root)
        if file.suffix == ".md":
            source = parsed[file] if parsed is not None else load_markdown(file, path, diagnostics)
            if source is None:
                continue
            if not isinstance(source.data, Located):
                diagnostics.error(Origin(path, 2), "front matter must be a mapping of fields")
                continue
            add(file.stem, source.data.origin, source.data, source.body, source.body_line)
        elif lists:
            _load_list(load_yaml_file(file, path, diagnostics), kind, add, diagnostics, id_optional)
        else:
            diagnostics.error(Origin(path, 1), f"{kind}s are written one per .md file, not in {file.suffix} files")


def _load_list(
    source: SourceFile | None, kind: str, add: Callable[[str, Origin, Located, str, int], None],
    diagnostics: Diagnostics, id_optional: Callable[[Located], str] | None,
) -> None:
    if source is None or source.data is None:
        return
    items = source.data if isinstance(source.data, LocatedList) else None
    if items is None:
        diagnostics.error(Origin(source.path, 1), f"a {kind}s file must be a YAML list (items starting with '- ')")
        return
    for index, item in enumerate(items):
        origin = items.origin_at(index)
        if not isinstance(item, Located):
            diagnostics.error(origin, f"each item of a {kind}s file must be a mapping of fields")
            continue
        raw_id = item.pop("id", None)
        item.key_lines.pop("id", None)
        if raw_id is None and id_optional is not None:
            raw_id = id_optional(item)
        if raw_id is None:
            diagnostics.error(origin, f"missing required field 'id' in this {kind}")
            continue
        add(str(raw_id), item.origin, item, "", 0)


def _relation_id(item: Located) -> str:
    return "-".join(str(item.get(key, "")) for key in ("subject", "type", "object"))


def load_info(content_dir: Path, root: Path, diagnostics: Diagnostics) -> ProjectInfo:
    file = content_dir / "site.yml"
    if not file.is_file():
        return ProjectInfo()
    source = load_yaml_file(file, _relative(file, root), diagnostics)
    if source is None or source.data is None:
        return ProjectInfo()
    if not isinstance(source.data, Located):
        diagnostics.error(Origin(source.path, 1), "site.yml must be a mapping of fields")
        return ProjectInfo()
    fields = Fields(source.data, diagnostics, "site.yml", SITE_FIELDS)
    return ProjectInfo(
        fields.text("title", default=ProjectInfo.title), fields.text("intro"), fields.text("description")
    )


def load_actors(content_dir: Path, root: Path, diagnostics: Diagnostics) -> dict[str, Actor]:
    """Only the actors: what matching names needs, without reading every article and event."""
    actors: dict[str, Actor] = {}
    _load_kind(_files(content_dir / "actors", _SUFFIXES), root, "actor", read_actor, actors, diagnostics)
    return actors


def load_records(content_dir: Path, root: Path, diagnostics: Diagnostics) -> Records:
    if not content_dir.is_dir():
        diagnostics.error(Origin(_relative(content_dir, root), 1), "content directory not found")
        return Records()
    records = Records(info=load_info(content_dir, root, diagnostics))
    files = {kind: _files(content_dir / kind, _SUFFIXES) for kind in ("articles", "actors", "places", "events",
                                                                      "relations")}
    # Front matter of every kind is parsed up front, on both cores when there are many files.
    markdown = [file for listed in files.values() for file in listed if file.suffix == ".md"]
    parsed = dict(zip(markdown, parse_markdown_files([(f, _relative(f, root)) for f in markdown], diagnostics),
                      strict=True))
    _load_kind(files["articles"], root, "article", read_article, records.articles, diagnostics, lists=False,
               parsed=parsed)
    _load_kind(files["actors"], root, "actor", read_actor, records.actors, diagnostics, parsed=parsed)
    _load_kind(files["places"], root, "place", read_place, records.places, diagnostics, parsed=parsed)
    _load_kind(files["events"], root, "event", read_event, records.events, diagnostics, parsed=parsed)
    _load_kind(files["relations"], root, "relation", read_relation, records.relations, diagnostics,
               id_optional=_relation_id, parsed=parsed)
    return records
