"""A place's file or list entry → Place."""

from __future__ import annotations

from builder.diagnostics import Diagnostics
from builder.load.fields import NATIVE_FIELDS, Fields
from builder.load.yaml_nodes import Located
from builder.model.place import PRECISIONS, Coordinates, Place

FIELDS = {"name", "aliases", "kind", "within", "coordinates", "description"} | NATIVE_FIELDS
COORDINATE_FIELDS = {"lat", "lon", "precision"}


def _read_coordinates(fields: Fields, diagnostics: Diagnostics) -> Coordinates | None:
    mapping = fields.mapping("coordinates")
    if mapping is None:
        return None
    sub = Fields(mapping, diagnostics, "coordinates", COORDINATE_FIELDS)
    lat, lon = sub.number("lat", required=True), sub.number("lon", required=True)
    precision = sub.choice("precision", PRECISIONS, default="approximate")
    if lat is None or lon is None:
        return None
    if not -90 <= lat <= 90:
        diagnostics.error(sub.origin("lat"), f"latitude {lat} is outside -90..90")
        return None
    if not -180 <= lon <= 180:
        diagnostics.error(sub.origin("lon"), f"longitude {lon} is outside -180..180")
        return None
    return Coordinates(lat, lon, precision)


def read_place(id: str, data: Located, description: str, body_line: int, diagnostics: Diagnostics) -> Place:
    fields = Fields(data, diagnostics, f"place '{id}'", FIELDS)
    return Place(
        id=id,
        origin=data.origin,
        name=fields.text("name", required=True) or id,
        kind=fields.slug("kind"),
        aliases=fields.texts("aliases"),
        within=fields.ref("within", "place"),
        coordinates=_read_coordinates(fields, diagnostics),
        description=fields.prose("description", description, body_line),
        native=fields.native_name(),
    )
