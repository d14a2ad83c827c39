"""Reading `content/`: every file of every kind into typed records, reporting every problem.

Nothing is rendered or written here, and nothing is kept between calls: ``mkdocs serve`` rebuilds
in the same process, so each build starts from the files.
"""

from __future__ import annotations

import itertools
import pickle
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from builder.diagnostics import Diagnostic, Diagnostics, Origin
from builder.load.fields import Fields, slug_problem
from builder.load.readers import actor, article, event, place, relation, story
from builder.load.source_files import ContentFiles, relative
from builder.load.yaml_nodes import (
    Located,
    LocatedList,
    SourceFile,
    load_markdown,
    load_yaml_file,
    max_file_size,
    size_setting_problem,
)
from builder.model.actor import Actor
from builder.model.article import Article
from builder.model.event import Event
from builder.model.place import Place
from builder.model.relation import Relation
from builder.model.site import ProjectInfo
from builder.model.story import Story
from builder.runtime.fork import map_in_order
from builder.runtime.progress import QUIET, Progress

SITE_FIELDS = {"title", "intro", "description", "licence"}


@dataclass
class Records:
    info: ProjectInfo = field(default_factory=ProjectInfo)
    articles: dict[str, Article] = field(default_factory=dict)
    actors: dict[str, Actor] = field(default_factory=dict)
    places: dict[str, Place] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
    relations: dict[str, Relation] = field(default_factory=dict)
    stories: dict[str, Story] = field(default_factory=dict)
    # kind -> ids whose file has an error of its own (a YAML error, say): references to them are
    # not reported again as unknown ids
    broken: dict[str, set[str]] = field(default_factory=dict)


# (id, fields, Markdown body, line the body starts on, diagnostics) -> entity or None
Reader = Callable[[str, Located, str, int, Diagnostics], Any]


@dataclass(frozen=True)
class Kind:
    name: str  # as in messages: "actor"
    reader: Reader
    fields: frozenset[str]  # the fields its reader takes
    lists: bool = True  # may also be written many to a .yml list file
    id_from: tuple[str, ...] = ()  # the fields whose values, joined by '-', are the id of a list item that gives none
    plural: str = ""  # as in messages, when not name + "s"

    @property
    def names(self) -> str:
        return self.plural or f"{self.name}s"

    @property
    def a_file(self) -> str:
        """"a places file", "an actors file"."""
        return f"{'an' if self.name[0] in 'aeiou' else 'a'} {self.names} file"


# The id written on an "id:" line, for the ids of a list file that cannot be parsed
_ID_LINE = re.compile(r"(?:^|[\s{,])id:[ \t]*[\"']?([a-z0-9]+(?:-[a-z0-9]+)*)[\"']?[ \t]*(?:[,}#]|$)", re.M)
KINDS = {  # folder -> kind, in the order they are read
    "articles": Kind("article", article.read_article, frozenset(article.FIELDS), lists=False),
    "actors": Kind("actor", actor.read_actor, frozenset(actor.FIELDS)),
    "places": Kind("place", place.read_place, frozenset(place.FIELDS)),
    "events": Kind("event", event.read_event, frozenset(event.FIELDS)),
    "relations": Kind("relation", relation.read_relation, frozenset(relation.FIELDS),
                      id_from=("subject", "type", "object")),
    "stories": Kind("story", story.read_story, frozenset(story.FIELDS), lists=False,
                    plural="stories"),
}
# A field name at the start of a line, after "- " or inside "{...}": enough to tell kinds apart
_FIELD_NAME = re.compile(r"(?:^[ \t]*(?:-[ \t]+)?|[{,][ \t]*)([a-z_]+):(?:[ \t]|$)", re.M)


def folder_of(file: Path) -> str | None:
    """The folder a content file seems to belong in, from the field names it uses: the kind that
    takes the most of them and lacks the fewest (nested ones such as ``lat`` count against every
    kind alike), when one alone does."""
    try:
        if file.stat().st_size > max_file_size():
            return None
        names = set(_FIELD_NAME.findall(file.read_bytes().decode("utf-8", errors="replace"))) - {"id"}
    except OSError:
        return None
    scores = {folder: len(names & kind.fields) - len(names - kind.fields) for folder, kind in KINDS.items()
              if names & kind.fields}
    best = max(scores.values(), default=None)
    winners = [folder for folder, score in scores.items() if score == best]
    return winners[0] if len(winners) == 1 else None


@dataclass
class Entry:
    """One entity as its file gave it: ``entity`` is None when its id is no slug (``id_problem``
    says why, and its reader never ran) or its reader rejected it; ``problems`` are what its reader
    found."""

    id: str
    origin: Origin
    entity: Any
    problems: list[Diagnostic]
    id_problem: str | None = None


@dataclass
class FileRead:
    entries: list[Entry]
    problems: list[Diagnostic]  # the file's own: YAML errors, a list that is no list, a missing id
    broken: list[str] = field(default_factory=list)  # ids the file holds, though it could not be read


def _ids_in(file: Path) -> list[str]:
    """The ids on the ``id:`` lines of a list file that could not be parsed, found by a tolerant
    scan (as long as the file is within the size limit)."""
    try:
        if file.stat().st_size > max_file_size():
            return []
        text = file.read_bytes().decode("utf-8", errors="replace")
    except OSError:
        return []
    return _ID_LINE.findall(text)


def read_file(folder: str, file: Path, path: str) -> FileRead:
    """Parse one content file and read every entity in it. Pure (nothing shared is touched), so
    files can be read in any process and in any order; ``add_entries`` then decides, in file order,
    which entries stand."""
    kind = KINDS[folder]
    diagnostics = Diagnostics()
    entries: list[Entry] = []

    def add(id_: str, origin: Origin, data: Located, body: str, body_line: int) -> None:
        problem = slug_problem(id_)
        if problem:
            entries.append(Entry(id_, origin, None, [], problem))
            return
        own = Diagnostics()
        entries.append(Entry(id_, origin, kind.reader(id_, data, body, body_line, own), own.items))

    broken: list[str] = []
    if file.suffix == ".md":
        source = load_markdown(file, path, diagnostics)
        if source is not None and isinstance(source.data, Located):
            add(file.stem, source.data.origin, source.data, source.body, source.body_line)
        else:
            if source is not None:
                diagnostics.error(Origin(path, 2), "front matter must be a mapping of fields")
            broken.append(file.stem)
    elif kind.lists:
        source = load_yaml_file(file, path, diagnostics)
        if source is None:
            broken = _ids_in(file)
        _read_list(source, kind, add, diagnostics)
    else:
        diagnostics.error(Origin(path, 1), f"{kind.names} are written one per .md file, not in {file.suffix} files")
    return FileRead(entries, diagnostics.items, broken)


def _read_list(
    source: SourceFile | None, kind: Kind, add: Callable[[str, Origin, Located, str, int], None],
    diagnostics: Diagnostics,
) -> None:
    if source is None or source.data is None:
        return
    items = source.data if isinstance(source.data, LocatedList) else None
    if items is None:
        diagnostics.error(Origin(source.path, 1), f"{kind.a_file} must be a YAML list (items starting with '- ')")
        return
    for index, item in enumerate(items):
        origin = items.origin_at(index)
        if not isinstance(item, Located):
            diagnostics.error(origin, f"each item of {kind.a_file} must be a mapping of fields")
            continue
        raw_id = item.as_written("id")  # "id: 0700" is the id "0700", not YAML 1.1's 448
        for known in (item, item.key_lines, item.written):
            known.pop("id", None)
        if raw_id is None and kind.id_from:
            missing = [key for key in kind.id_from if item.get(key) in (None, "")]
            parts = f"{', '.join(kind.id_from[:-1])} and {kind.id_from[-1]}"
            for key in missing:
                diagnostics.error(origin, f"missing required field '{key}' in this {kind.name} (without an 'id', "
                                          f"its id is made of its {parts})")
            if missing:
                continue
            raw_id = "-".join(str(item.as_written(key)) for key in kind.id_from)
        if raw_id is None:
            diagnostics.error(origin, f"missing required field 'id' in this {kind.name}")
            continue
        add(str(raw_id), item.origin, item, "", 0)


def add_entries(reads: Iterable[FileRead], kind: Kind, target: dict[str, Any], diagnostics: Diagnostics,
                broken: set[str] | None = None) -> None:
    """Keep the entities of one kind's files, in file order: an id that is no slug, or that an
    earlier file already took, is reported instead, and so are the problems of every entity kept.
    ``broken`` receives the ids of files that could not be read and of entities their reader
    rejected."""
    origins: dict[str, Origin] = {}
    broken = set() if broken is None else broken
    for read in reads:
        diagnostics.items.extend(read.problems)
        broken.update(read.broken)
        for entry in read.entries:
            if entry.id_problem:
                diagnostics.error(entry.origin, f"{kind.name} id: {entry.id_problem}")
                continue
            if entry.id in origins:
                first = origins[entry.id]
                diagnostics.error(entry.origin, f"duplicate {kind.name} id '{entry.id}' "
                                                f"(first defined at {first.path}:{first.line})")
                continue
            origins[entry.id] = entry.origin
            diagnostics.items.extend(entry.problems)
            if entry.entity is not None:
                target[entry.id] = entry.entity
            else:
                broken.add(entry.id)


def load_info(content_dir: Path, root: Path, diagnostics: Diagnostics) -> ProjectInfo:
    file = ContentFiles(content_dir, root, diagnostics).site_file()
    if file is None:
        return ProjectInfo()
    source = load_yaml_file(file, relative(file, root), diagnostics)
    if source is None or source.data is None:
        return ProjectInfo()
    if not isinstance(source.data, Located):
        diagnostics.error(Origin(source.path, 1), "site.yml must be a mapping of fields")
        return ProjectInfo()
    fields = Fields(source.data, diagnostics, "site.yml", SITE_FIELDS)
    title = fields.text("title")
    return ProjectInfo(title or ProjectInfo.title, fields.prose("intro"), fields.text("description"),
                       fields.text("licence"), title_given=bool(title))


def load_actors(content_dir: Path, root: Path, diagnostics: Diagnostics) -> dict[str, Actor]:
    """Only the actors: what matching names needs, without reading every article and event."""
    actors: dict[str, Actor] = {}
    files = ContentFiles(content_dir, root, diagnostics).files(content_dir / "actors")
    add_entries((read_file("actors", file, path) for file, path in files), KINDS["actors"], actors, diagnostics)
    return actors


def _read_task(task: tuple[str, Path, str]) -> FileRead:
    return read_file(*task)


class ReadCache:
    """Files read by an earlier load of the same project, kept pickled by path and stamp, for
    ``mkdocs serve``: after an edit only the edited files are parsed again. Pickled, not kept as
    objects: resolving fills in what it finds (a quote's anchor), so every load gets fresh ones."""

    def __init__(self) -> None:
        self.reads: dict[str, tuple[tuple[int, int], bytes]] = {}

    def read(self, folder: str, file: Path, path: str) -> FileRead:
        try:
            status = file.stat()
        except OSError:
            return read_file(folder, file, path)
        stamp = (status.st_mtime_ns, status.st_size)
        cached = self.reads.get(path)
        if cached is not None and cached[0] == stamp:
            found: FileRead = pickle.loads(cached[1])
            return found
        read = read_file(folder, file, path)
        self.reads[path] = (stamp, pickle.dumps(read, pickle.HIGHEST_PROTOCOL))
        return read

    def keep_only(self, paths: set[str]) -> None:
        for gone in self.reads.keys() - paths:
            del self.reads[gone]


def load_records(content_dir: Path, root: Path, diagnostics: Diagnostics, cache: ReadCache | None = None,
                 progress: Progress = QUIET) -> Records:
    """Every content file read; ``progress`` counts them on a terminal, ``cache`` keeps them (serve)."""
    if not content_dir.is_dir():
        diagnostics.error(Origin(relative(content_dir, root), 1), "content directory not found")
        return Records()
    records = Records(info=load_info(content_dir, root, diagnostics))
    listing = ContentFiles(content_dir, root, diagnostics)
    listing.check_top(tuple(KINDS), folder_of)
    if problem := size_setting_problem():
        diagnostics.warning(Origin(relative(content_dir, root), 1), problem)
    # Every file is read up front, on both cores when there are many, then kept kind by kind.
    tasks = [(folder, file, path) for folder in KINDS for file, path in listing.files(content_dir / folder)]
    progress.stage("reading content files", len(tasks))
    if cache is not None:
        reads = []
        for task in tasks:
            reads.append(cache.read(*task))
            progress.advance()
        cache.keep_only({path for _, _, path in tasks})
    else:
        reads = map_in_order(_read_task, tasks, progress.reach)
    targets: dict[str, dict[str, Any]] = {"articles": records.articles, "actors": records.actors,
                                          "places": records.places, "events": records.events,
                                          "relations": records.relations, "stories": records.stories}
    for folder, pairs in itertools.groupby(zip(tasks, reads, strict=True), key=lambda pair: pair[0][0]):
        broken = records.broken.setdefault(KINDS[folder].name, set())
        add_entries((read for _, read in pairs), KINDS[folder], targets[folder], diagnostics, broken)
    return records
