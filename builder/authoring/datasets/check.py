"""Rows held against the rules ``check`` applies, each other and the project, before anything is written.

A row is bad when a value would fail ``check`` (a date, an id, coordinates, an address), when its
event's id is taken (by another row or by the project), or when it names something that neither
the project nor a good row provides. Actors, places and sources the project already has are its
own: they are used as they are, never written again. With ``--skip-bad`` a row that is left out
can take others with it (the ones naming what only it provided); that is followed to the end.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from builder.authoring.datasets.records import Entity, Row
from builder.diagnostics import Origin
from builder.load.fields import slug_problem, url_problem
from builder.model.actor import ACTOR_KINDS
from builder.model.dates import DateError, parse_date
from builder.model.place import PRECISIONS

KINDS = ("events", "actors", "places", "sources", "relations")
Existing = dict[str, dict[str, Origin]]  # kind → id → where the project has it


@dataclass
class Verdict:
    good: list[Row] = field(default_factory=list)
    bad: list[Row] = field(default_factory=list)


def _date(value: object, what: str, *, required: bool = False) -> Iterator[str]:
    if not value:
        if required:
            yield f"missing date: {what} is empty"
        return
    try:
        parse_date(str(value))
    except DateError as exc:
        yield f"{what}: {exc}"


def _own(kind: str, entity: Entity, *, said: bool) -> Iterator[str]:
    """What ``check`` would say about the entity on its own; ``said``: its reader has found the row bad
    already, and a value it could not read is missing here for that reason."""
    id_ = str(entity.get("id", ""))
    if problem := slug_problem(id_):
        yield f"{kind[:-1]} id: {problem}"
    if kind == "events":
        if not entity.get("title"):
            yield f"event '{id_}' has no title"
        yield from _date(entity.get("date"), "date", required=not said)
        if (url := str(entity.get("media", {}).get("url", ""))) and (problem := url_problem(url)):
            yield f"media: {problem}"
    elif kind == "actors" and entity.get("kind") not in ACTOR_KINDS:
        yield f"actor '{id_}': kind {entity.get('kind')!r} is not one of {', '.join(ACTOR_KINDS)}"
    elif kind == "places" and (point := entity.get("coordinates")):
        lat, lon = point.get("lat"), point.get("lon")
        if not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in (lat, lon)) \
                or not (-90 <= lat <= 90 and -180 <= lon <= 180):
            yield f"bad coordinates for place '{id_}': latitude {lat!r}, longitude {lon!r}"
        elif point.get("precision", "approximate") not in PRECISIONS:
            yield (f"place '{id_}': coordinate precision {point.get('precision')!r} is not one of "
                   f"{', '.join(PRECISIONS)}")
    elif kind == "sources":
        yield from _date(entity.get("published"), f"source '{id_}' published", required=True)
        for key in ("url", "archive_url"):
            if entity.get(key) and (problem := url_problem(str(entity[key]))):
                yield f"source '{id_}' {key}: {problem}"
    elif kind == "relations":
        yield from _date(entity.get("date"), "date")


def _references(kind: str, entity: Entity) -> Iterator[tuple[str, str]]:
    """(kind, id) of everything the entity names."""
    if kind == "events":
        yield from (("actors", a["actor"]) for a in entity.get("actors", []))
        yield from (("places", p) for p in entity.get("places", []))
        yield from (("sources", s) for s in entity.get("sources", []))
        yield from (("events", e) for e in [*entity.get("related", []), entity.get("part_of", "")] if e)
    elif kind == "places" and entity.get("within"):
        yield "places", entity["within"]
    elif kind == "sources":
        yield from (("actors", a) for a in [entity.get("publisher", ""), *entity.get("authors", [])] if a)
    elif kind == "actors":
        yield from (("actors", a["actor"]) for a in entity.get("affiliations", []))
    elif kind == "relations":
        yield from (("actors", entity[key]) for key in ("subject", "object") if entity.get(key))
        yield from (("places", p) for p in entity.get("places", []))
        yield from (("sources", s) for s in entity.get("sources", []))


def entities(row: Row) -> Iterator[tuple[str, Entity]]:
    for kind in KINDS:
        for entity in getattr(row, kind):
            yield kind, entity


def judge(rows: list[Row], existing: Existing) -> Verdict:
    """Every problem of every row, written into its ``problems``; then which rows can be written."""
    owners: dict[tuple[str, str], Row] = {}
    for row in rows:
        for kind, entity in entities(row):
            row.problems.extend(_own(kind, entity, said=bool(row.problems)))
            if kind not in ("events", "relations"):
                continue  # shared: many rows may need the same actor, place or source
            id_ = str(entity.get("id", ""))
            if id_ in existing[kind]:
                where = existing[kind][id_]
                row.problems.append(f"{kind[:-1]} '{id_}' already exists ({where.path}:{where.line})")
            elif (kind, id_) in owners and owners[kind, id_] is not row:
                first = owners[kind, id_].origin
                row.problems.append(f"duplicate id '{id_}': row {first.path}:{first.line} has it too")
            else:
                owners[kind, id_] = row
    bad = {id(row) for row in rows if row.problems}
    while True:
        provided = {(kind, str(entity.get("id")))
                    for row in rows if id(row) not in bad for kind, entity in entities(row)}
        newly = set()
        for row in rows:
            if id(row) in bad:
                continue
            for kind, entity in entities(row):
                for target_kind, target in _references(kind, entity):
                    if target not in existing[target_kind] and (target_kind, target) not in provided:
                        row.problems.append(f"{kind[:-1]} '{entity.get('id')}' names {target_kind[:-1]} '{target}', "
                                            "which neither the project nor a good row has")
                        newly.add(id(row))
        if not newly:
            break
        bad |= newly
    return Verdict([row for row in rows if id(row) not in bad], [row for row in rows if id(row) in bad])
