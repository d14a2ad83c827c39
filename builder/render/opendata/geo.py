"""``data/events.geojson`` and ``data/places.geojson``: GeoJSON FeatureCollections.

An event's time is a Linked Places ``when`` (a foreign member GeoJSON readers pass over): one
timespan whose start and end each give the earliest and latest day they may fall on, so a month
reads as "between the 1st and the 30th", not as the 1st. Approximate and uncertain dates say so
in ``certainty`` and keep their EDTF as the timespan's label.
"""

from __future__ import annotations

from typing import Any

from builder.model.dates import HonestDate
from builder.model.event import Event
from builder.model.place import Place
from builder.model.site import Site
from builder.render.opendata.common import DataOptions, dumps, ends, iso

LPF_CONTEXT = "https://raw.githubusercontent.com/LinkedPasts/linked-places/master/linkedplaces-context-v1.1.jsonld"
# Coarser last: an event at several places is as precise as its vaguest one.
PRECISION_ORDER = ("exact", "approximate", "settlement", "district", "region", "country")


def _bounds(end: HonestDate | None) -> dict[str, str]:
    if end is None:
        return {}
    lower, upper = iso(end.lower), iso(end.upper)
    if lower == upper and lower is not None:
        return {"in": lower}
    return {key: value for key, value in (("earliest", lower), ("latest", upper)) if value}


def when(value: HonestDate) -> dict[str, Any]:
    start, end = ends(value)[0], ends(value)[-1]
    timespan: dict[str, Any] = {"start": _bounds(start)} if start else {}
    if end is not None and (end is not start or end.lower != end.upper):
        timespan["end"] = _bounds(end)
    if not timespan.get("start"):  # an open start: all that is known is that it began by the end
        timespan["start"] = {"latest": iso(end.upper) if end else ""}
    certainty = "uncertain" if value.uncertain else "less-certain" if value.approximate else "certain"
    return {"timespans": [timespan], "label": value.edtf, "certainty": certainty}


def _point(place: Place) -> list[float] | None:
    return [place.coordinates.lon, place.coordinates.lat] if place.coordinates else None


def _event_feature(site: Site, event: Event, options: DataOptions) -> dict[str, Any]:
    places = [site.places[ref.id] for ref in event.places if ref.id in site.places]
    located = [place for place in places if place.coordinates]
    points = [_point(place) for place in located]
    geometry: dict[str, Any] | None = None
    if len(points) == 1:
        geometry = {"type": "Point", "coordinates": points[0]}
    elif points:
        geometry = {"type": "MultiPoint", "coordinates": points}
    precisions = [place.coordinates.precision for place in located if place.coordinates]
    feature: dict[str, Any] = {
        "type": "Feature",
        "id": event.id,
        "@id": options.entity("event", event.id),
        "geometry": geometry,
        "properties": {
            "title": event.title,
            "url": options.entity("event", event.id),
            "date": event.date.display,
            "edtf": event.date.value.edtf if event.date.value else None,
            "type": event.type,
            "places": [place.id for place in places],
            "place_precision": max(precisions, key=PRECISION_ORDER.index) if precisions else None,
        },
    }
    if event.date.value is not None:
        feature["when"] = when(event.date.value)
    return feature


def events_geojson(site: Site, options: DataOptions) -> bytes:
    return dumps({"type": "FeatureCollection", "@context": LPF_CONTEXT,
                  "features": [_event_feature(site, event, options) for event in site.timeline]})


def places_geojson(site: Site, options: DataOptions) -> bytes:
    features = []
    for place in (site.places[i] for i in sorted(site.places)):
        point = _point(place)
        features.append({
            "type": "Feature",
            "id": place.id,
            "@id": options.entity("place", place.id),
            "geometry": {"type": "Point", "coordinates": point} if point else None,
            "properties": {
                "title": place.name,
                "url": options.entity("place", place.id),
                "kind": place.kind,
                "within": place.within.id if place.within else None,
                "precision": place.coordinates.precision if place.coordinates else None,
                "events": len(site.place_events.get(place.id, [])),
            },
        })
    return dumps({"type": "FeatureCollection", "@context": LPF_CONTEXT, "features": features})
