"""``data/events.ics``: one all-day VEVENT per dated event (RFC 5545), for calendar applications.

A calendar has no way to say "some day in February": an event spans every day it may fall on,
DTEND is the day after the last (DTEND is exclusive), and what is vague about the date is said in
the description, with the EDTF in ``X-EDTF``. An open end is shown at its known end. DTSTAMP, which
the RFC requires, is the latest publication day of the event's sources, so rebuilds are identical.
"""

from __future__ import annotations

import datetime
from urllib.parse import urlsplit

from icalendar import Calendar
from icalendar import Event as CalendarEvent

from builder.model.event import Event
from builder.model.site import Site
from builder.render.opendata.common import DataOptions, dated, source_day, span

PRODID = "-//annotated timeline//open data//EN"


def uid_domain(options: DataOptions) -> str:
    return urlsplit(options.site_url).hostname or "annotated-timeline.invalid"


def description(site: Site, event: Event) -> str:
    value = event.date.value
    assert value is not None
    lines = [f"Date: {event.date.display} (EDTF {value.edtf})"]
    vague = [word for word, flag in (("approximate", value.approximate), ("uncertain", value.uncertain)) if flag]
    if value.lower is None or value.upper is None:
        lines.append("The date is open-ended: the calendar entry shows only its known "
                     f"{'end' if value.lower is None else 'start'}.")
    elif vague or value.precision != "day" or value.is_range:
        lines.append(f"The date is {' and '.join(vague) or 'known to the ' + value.precision}"
                     f"{' (a range)' if value.is_range else ''}: the calendar entry spans every day it may fall on.")
    if event.date.text:
        lines.append(f"As written: {event.date.text}")
    if event.date.note:
        lines.append(f"How it was dated: {event.date.note}")
    titles = [site.articles[i].title for i in event.source_ids if i in site.articles]
    if titles:
        lines.append("Sources: " + "; ".join(titles))
    return "\n".join(lines)


def _vevent(site: Site, event: Event, options: DataOptions, domain: str) -> CalendarEvent:
    assert event.date.value is not None
    first, last = span(event.date.value)
    entry = CalendarEvent()
    entry.add("uid", f"{event.id}@{domain}")
    entry.add("dtstamp", datetime.datetime.combine(source_day(site, event), datetime.time(), datetime.UTC))
    entry.add("dtstart", first)
    # DTEND is exclusive; a span reaching the calendar's last day (9999-12-31) ends a day short,
    # since no later date can be written.
    entry.add("dtend", last + datetime.timedelta(days=1) if last < datetime.date.max else last)
    entry.add("summary", event.title)
    entry.add("description", description(site, event))
    entry.add("url", options.entity("event", event.id))
    places = [site.places[ref.id].name for ref in event.places if ref.id in site.places]
    if places:
        entry.add("location", ", ".join(places))
    if event.type:
        entry.add("categories", [event.type])
    if event.date.value.approximate or event.date.value.uncertain:
        entry.add("status", "TENTATIVE")
    entry.add("x-edtf", event.date.value.edtf)
    return entry


def events_ics(site: Site, options: DataOptions) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", site.info.title)
    domain = uid_domain(options)
    for event in dated(site):
        calendar.add_component(_vevent(site, event, options, domain))
    return bytes(calendar.to_ical())
