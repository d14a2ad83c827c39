"""The open data every site publishes under ``data/``: Site → files, each a pure function of the
Site, byte for byte the same for the same content (sorted keys and rows, no clock)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial

from builder.model.site import Site
from builder.render.opendata import acled, feeds, geo, ical, tables, timelinejs
from builder.render.opendata.common import DataOptions as DataOptions
from builder.render.opendata.timeline_json import timeline_json
from builder.render.opendata.timeline_schema import timeline_schema


@dataclass(frozen=True)
class DataFile:
    name: str
    description: str
    make: Callable[[Site, DataOptions], bytes]


FILES = [
    DataFile("timeline.json", "The whole dataset: events (EDTF date, the date as written and how it was dated, "
                              "the display form, earliest and latest day), actors, places, relations, quotes and "
                              "sources, each with its id and page.", timeline_json),
    DataFile("timeline.schema.json", "The JSON Schema (2020-12) that timeline.json follows.",
             lambda site, options: timeline_schema()),
    DataFile("datapackage.json", "A Frictionless Data Package (v2) describing the CSV tables below: their "
                                 "fields, keys and links.", tables.datapackage),
    *[DataFile(f"{name}.csv", f"The {name.replace('_', ' ')} table of the data package.",
               partial(lambda table, site, options: tables.table_csv(site, table, options), name))
      for name in tables.table_names()],
    DataFile("events.geojson", "Events as GeoJSON features at their places, with their time as Linked Places "
                               "'when' (earliest and latest days) and the precision of the place.", geo.events_geojson),
    DataFile("places.geojson", "Places as GeoJSON features, with the precision of their coordinates and the "
                               "place that contains them.", geo.places_geojson),
    DataFile("events.ics", "An iCalendar file: one all-day entry per dated event, spanning every day it may fall "
                           "on, its EDTF in X-EDTF.", ical.events_ics),
    DataFile("feed.xml", f"An Atom feed of the {feeds.LIMIT} latest events, their dates in an extension.",
             feeds.feed_xml),
    DataFile("feed.json", "The same as a JSON Feed 1.1 (event dates under _timeline).", feeds.feed_json),
    DataFile("timelinejs.json", "The timeline in TimelineJS's JSON format: one slide per dated event, eras from "
                                "parent events that span time.", timelinejs.timelinejs_json),
    DataFile("acled.csv", "The events that ACLED's format can hold (dated to the day, week or month, at a "
                          "place finer than a country), in ACLED's 31 columns.", acled.acled_csv),
]


def data_files(site: Site, options: DataOptions) -> Iterator[tuple[str, bytes]]:
    """Each file's name (in data/ of a site) and its bytes, one at a time, so that a big
    site holds only one file in memory."""
    for file in FILES:
        yield file.name, file.make(site, options)
