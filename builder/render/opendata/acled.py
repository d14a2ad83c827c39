"""``data/acled.csv``: the events that ACLED's format can hold, in its 31 columns.

ACLED records an event only when it knows the day, the week or the month, and a place finer than a
country; so does this file. Our precisions map onto its codes:

- ``time_precision`` 1: the day, stated plainly; 2: a day given as approximate or uncertain, or a
  range of up to 7 days (its middle day, as ACLED codes "some time that week"); 3: a month, or a
  range within one month (the middle of the month). Anything vaguer is left out.
- ``geo_precision`` 1: exact or settlement coordinates; 2: approximate or district; 3: region.

``fatalities`` is the event's own figure, or empty, not 0, when it has none: ACLED's 0 means "none
reported", which the content then does not say.
"""

from __future__ import annotations

import csv
import datetime
import io

from builder.model.actor import Actor
from builder.model.event import Event
from builder.model.place import Place
from builder.model.site import Site
from builder.render.opendata.common import DataOptions, dated, publisher_names, source_day, spreadsheet_safe

COLUMNS = ("event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
           "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
           "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
           "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp")
GEO_PRECISION = {"exact": 1, "settlement": 1, "approximate": 2, "district": 2, "region": 3}
# Roles that act and roles acted upon; a mere party or participant fills whichever side is empty.
ACTING = ("attacker", "perpetrator", "initiator", "accuser", "issuer", "commander", "supplier", "host")
ACTED_ON = ("target", "victim", "accused", "subject")
NEUTRAL = ("party", "participant")
INTER = {"armed-force": "State forces", "state": "State forces", "government": "State forces",
         "government-agency": "State forces", "armed-group": "Rebel group", "group": "Civilians"}


def time_code(event: Event) -> tuple[datetime.date, int] | None:
    value = event.date.value
    if value is None or value.lower is None or value.upper is None:
        return None
    days = (value.upper - value.lower).days + 1
    middle = value.lower + datetime.timedelta(days=(days - 1) // 2)
    if value.precision == "day" and days == 1:
        return middle, 2 if value.approximate or value.uncertain else 1
    if value.precision == "day" and days <= 7:
        return middle, 2
    same_month = (value.lower.year, value.lower.month) == (value.upper.year, value.upper.month)
    if value.precision in ("day", "month") and same_month:
        return middle if value.precision == "day" else value.lower.replace(day=15), 3
    return None


def _place(site: Site, event: Event) -> tuple[Place, int] | None:
    for ref in event.places:
        place = site.places.get(ref.id)
        if place and place.coordinates and place.coordinates.precision in GEO_PRECISION:
            return place, GEO_PRECISION[place.coordinates.precision]
    return None


def _actors(site: Site, event: Event) -> tuple[list[Actor], list[Actor]]:
    """actor1 and its associates, actor2 and its associates, by role, in the order written. A mere
    participant is on neither side unless a side would be empty: no side is guessed for it."""
    def having(roles: tuple[str, ...]) -> list[Actor]:
        found = [site.actors[p.actor.id] for p in event.actors if p.role in roles and p.actor.id in site.actors]
        return list({actor.id: actor for actor in found}.values())

    first, second, neutral = having(ACTING), having(ACTED_ON), having(NEUTRAL)
    if not first and neutral:
        first = [neutral.pop(0)]
    if not second and neutral:
        second = [neutral.pop(0)]
    return first, second


def row(site: Site, event: Event, options: DataOptions) -> list[str] | None:
    timed, located = time_code(event), _place(site, event)
    if timed is None or located is None:
        return None
    (day, time_precision), (place, geo_precision) = timed, located
    assert place.coordinates is not None
    chain = site.place_chain(place)
    country = next((p for p in chain if p.kind == "country"), chain[-1] if len(chain) > 1 else None)
    admins = [p.name for p in reversed(chain[1:]) if p is not country][:3]
    first, second = _actors(site, event)
    inter1 = INTER.get(first[0].kind, "") if first else ""
    inter2 = INTER.get(second[0].kind, "") if second else ""
    title = event.title if event.title.endswith((".", "!", "?")) else event.title + "."
    notes = title + (f" {event.commentary}" if event.commentary else "")
    return [
        event.id, day.isoformat(), str(day.year), str(time_precision), "", event.type.replace("-", " "), "",
        first[0].name if first else "", "; ".join(a.name for a in first[1:]), inter1,
        second[0].name if second else "", "; ".join(a.name for a in second[1:]), inter2,
        f"{inter1}-{inter2}" if inter1 and inter2 else inter1 or inter2,
        "Civilians targeted" if any(a.kind == "group" for a in second) else "",
        "", "", country.name if country else "", *[*admins, "", "", ""][:3], place.name,
        f"{place.coordinates.lat:.4f}", f"{place.coordinates.lon:.4f}", str(geo_precision),
        "; ".join(publisher_names(site, event)), "", " ".join(notes.split()),
        "" if event.fatalities is None else str(event.fatalities), "; ".join(event.tags),
        str(int(datetime.datetime.combine(source_day(site, event), datetime.time(), datetime.UTC).timestamp())),
    ]


def acled_csv(site: Site, options: DataOptions) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for event in dated(site):
        if (cells := row(site, event, options)) is not None:
            writer.writerow([spreadsheet_safe(cell) for cell in cells])
    return out.getvalue().encode("utf-8")
