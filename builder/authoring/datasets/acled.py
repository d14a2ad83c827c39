"""ACLED's CSV export (31 columns, with or without a byte order mark) to rows, one event each.

- The id is ``event_id_cnty``, which ACLED keeps when it updates an event.
- ``time_precision`` 1 is the day; 2 ("sometime during the week") the week around the day ACLED
  recorded, its middle; 3 (only the month is known) the month.
- Places form a ``within`` chain country → admin1 → admin2 → admin3 → location; the location has
  the coordinates, their precision from ``geo_precision`` (1 the town, 2 near it, 3 the region).
- Actors from actor1/actor2 and the associated actors (semicolon lists), roles in acled_actors.
- Sources: the export itself, and each outlet in ``source`` as a citation-only source (ACLED gives
  no title or address), published on or after the event's first possible day.
- ``notes`` is the commentary; ``event_type`` the type; sub-event, disorder type, civilian
  targeting and ACLED's own ``tags`` (a semicolon list) are tags; ``fatalities`` is kept.
"""

from __future__ import annotations

import datetime

from builder.authoring.datasets.acled_actors import actors_of
from builder.authoring.datasets.csv_rows import CsvError, count, rows
from builder.authoring.datasets.records import Batch, Entity, Row, compact, text_as_markdown
from builder.authoring.importing.inert import one_line
from builder.diagnostics import Origin
from builder.load.fields import slugify

COLUMNS = ("event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
           "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
           "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
           "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp")
GEO_PRECISION = {"1": "settlement", "2": "district", "3": "region"}
ADMIN_KINDS = (("country", "country"), ("admin1", "region"), ("admin2", "district"), ("admin3", "subdistrict"),
               ("location", "locality"))
_DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%d/%m/%Y")


def looks_like(header: list[str]) -> bool:
    return {"event_id_cnty", "event_date", "time_precision"} <= {name.strip() for name in header}


def _day(text: str) -> datetime.date:
    for pattern in _DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text.strip(), pattern).date()
        except ValueError:
            continue
    raise ValueError(f"event_date {text.strip()!r} is not a date (YYYY-MM-DD or '16 February 2023')")


def _date(cells: dict[str, str]) -> tuple[str, str, datetime.date]:
    """EDTF, how it was made, and the first day it may be."""
    if not cells.get("event_date", "").strip():
        raise ValueError("missing date: event_date is empty")
    day = _day(cells["event_date"])
    precision = cells.get("time_precision", "").strip()
    if precision == "1":
        return day.isoformat(), "", day
    if precision == "2":
        week = datetime.timedelta(days=3)
        return (f"{(day - week).isoformat()}/{(day + week).isoformat()}",
                f"ACLED time precision 2: sometime during the week or a similar period; ACLED records its middle, "
                f"{day.isoformat()}, and this is the week around it.", day - week)
    if precision == "3":
        return (f"{day.year:04d}-{day.month:02d}",
                f"ACLED time precision 3: only the month is known (ACLED records {day.isoformat()}).",
                day.replace(day=1))
    raise ValueError(f"time_precision {precision!r} is not 1, 2 or 3")


class _Places:
    """Place ids for names, one per name within its parent; a name met again elsewhere gets its parent's too."""

    def __init__(self) -> None:
        self.ids: dict[tuple[str, str], str] = {}
        self.taken: set[str] = set()

    def chain(self, cells: dict[str, str], coordinates: dict[str, object] | None) -> list[Entity]:
        chain: list[Entity] = []
        parent, parent_name = "", ""
        for column, kind in ADMIN_KINDS:
            name = one_line(cells.get(column, ""))
            if not name:
                continue
            key = (name, parent)
            if key not in self.ids:
                id_, number = slugify(name) or slugify(f"{column} {name}") or column, 1
                if id_ in self.taken:
                    id_ = slugify(f"{name} {parent_name}")
                while id_ in self.taken:
                    number += 1
                    id_ = slugify(f"{name} {parent_name} {number}")
                self.ids[key] = id_
                self.taken.add(id_)
            place: Entity = {"id": self.ids[key], "name": name, "kind": kind, "within": parent}
            if column == "location" and coordinates:
                place["coordinates"] = coordinates
            chain.append(compact(place))
            parent, parent_name = self.ids[key], name
        return chain


def _coordinates(cells: dict[str, str]) -> dict[str, object]:
    lat, lon = cells.get("latitude", "").strip(), cells.get("longitude", "").strip()
    try:
        point = {"lat": float(lat), "lon": float(lon)}
    except ValueError:
        raise ValueError(f"bad coordinates: latitude {lat!r}, longitude {lon!r} are not numbers") from None
    if not (-90 <= point["lat"] <= 90 and -180 <= point["lon"] <= 180):
        raise ValueError(f"bad coordinates: latitude {lat}, longitude {lon} are out of range")
    precision = GEO_PRECISION.get(cells.get("geo_precision", "").strip(), "approximate")
    return {**point, "precision": precision}


def _outlets(cells: dict[str, str], first_day: datetime.date) -> tuple[list[Entity], list[Entity]]:
    actors, sources = [], []
    for name in (one_line(part) for part in cells.get("source", "").split(";")):
        if not slugify(name):
            continue
        actors.append({"id": slugify(name), "name": name, "kind": "media-outlet"})
        sources.append({"id": slugify(f"{name} {first_day.isoformat()}"),
                        "title": f"{name} report, as cited by ACLED", "publisher": slugify(name),
                        "published": f"{first_day.isoformat()}/..",
                        "note": "Named as a source by ACLED, which gives no title or address: published on or "
                                "after the first day the event may have happened."})
    return actors, sources


def _row(cells: dict[str, str], origin: Origin, places: _Places, export: Entity) -> Row:
    row = Row(origin)
    id_ = slugify(cells.get("event_id_cnty", ""))
    if not id_:
        row.problems.append("event_id_cnty is empty")
    try:
        date, note, first_day = _date(cells)
    except ValueError as exc:
        row.problems.append(str(exc))
        date, note, first_day = "", "", datetime.date.min
    try:
        coordinates: dict[str, object] | None = _coordinates(cells)
    except ValueError as exc:
        row.problems.append(str(exc))
        coordinates = None
    fatalities = cells.get("fatalities", "").strip()  # ACLED always fills it; empty says nothing, not 0
    if fatalities and not fatalities.isdigit():
        row.problems.append(f"fatalities {fatalities!r} is not a count")
    row.actors, roles = actors_of({key: one_line(value) for key, value in cells.items()})
    row.places = places.chain(cells, coordinates)
    outlets, row.sources = _outlets(cells, first_day) if date else ([], [])
    row.actors += outlets
    row.sources.append(export)
    kind = one_line(cells.get("sub_event_type", "")) or one_line(cells.get("event_type", "")) or "Event"
    where = row.places[-1]["name"] if row.places else ""
    tags = [cells.get("sub_event_type", ""), cells.get("disorder_type", ""), cells.get("civilian_targeting", ""),
            *cells.get("tags", "").split(";")]
    row.events.append(compact({
        "id": id_,
        "title": f"{kind} in {where}" if where else kind,
        "date": date,
        "date_note": note,
        "type": slugify(cells.get("event_type", "")),
        "tags": list(dict.fromkeys(slug for tag in tags if (slug := slugify(tag)))),
        "places": [row.places[-1]["id"]] if row.places else [],
        "actors": roles,
        "sources": [source["id"] for source in row.sources],
        "fatalities": int(fatalities) if fatalities.isdigit() else None,
        "commentary": text_as_markdown(one_line(cells.get("notes", ""))),
    }))
    return row


def read(batch: Batch, text: str, *, today: datetime.date | None = None) -> None:
    lines = rows(text)
    try:
        header = [name.strip() for name in next(lines)[1]]
    except StopIteration:
        batch.problem(1, "the file is empty")
        return
    except CsvError as exc:
        batch.problem(exc.line, f"not readable as CSV: {exc}")
        return
    if missing := [name for name in ("event_id_cnty", "event_date", "time_precision") if name not in header]:
        batch.problem(1, f"not an ACLED export: no column {', '.join(missing)}")
        return
    day = (today or datetime.date.today()).isoformat()
    export = {"id": slugify(f"acled {batch.name}"), "title": f"ACLED data export {batch.path.rsplit('/', 1)[-1]}",
              "url": "https://acleddata.com/", "published": f"../{day}", "accessed": day,
              "note": "The ACLED (Armed Conflict Location & Event Data) export the events were imported from."}
    places = _Places()
    batch.reading(count(text) if batch.progress.shown else None)
    try:
        for line, cells in lines:
            batch.progress.advance()
            if len(cells) != len(header):
                batch.problem(line, f"{len(cells)} cells where the header has {len(header)} columns")
                continue
            batch.rows.append(_row(dict(zip(header, cells, strict=True)), Origin(batch.path, line), places, export))
    except CsvError as exc:
        batch.problem(exc.line, f"not readable as CSV: {exc}")
