"""``data/feed.xml`` (Atom, RFC 4287) and ``data/feed.json`` (JSON Feed 1.1): the latest events.

"Latest" is by the events' own dates, latest first. A feed's dates are publication dates, so an
entry's ``updated``/``date_published`` is the latest publication day of its sources; the event's
own date is in an extension (``tl:date`` in Atom, ``_timeline`` in JSON Feed), EDTF and all.
Without a site address, Atom's ``xml:base`` makes the root-relative links resolve from data/, and
entry ids are ``urn:uuid:`` names derived from the site title and event id.
"""

from __future__ import annotations

import datetime
import uuid
import xml.etree.ElementTree as ET
from typing import Any

from builder.model.event import Event
from builder.model.site import Site
from builder.render.opendata.common import DataOptions, dated, dumps, iso, source_day

LIMIT = 50
ATOM = "http://www.w3.org/2005/Atom"
EXTENSION = "urn:annotated-timeline:event-date"
JSON_FEED = "https://jsonfeed.org/version/1.1"


def latest(site: Site) -> list[Event]:
    return list(reversed(dated(site)[-LIMIT:]))


def _stamp(day: datetime.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def _entry_id(site: Site, options: DataOptions, event: Event) -> str:
    if options.site_url:
        return options.entity("event", event.id)
    return uuid.uuid5(uuid.NAMESPACE_URL, f"annotated-timeline:{site.info.title}:{event.id}").urn


def _extension(event: Event) -> dict[str, Any]:
    value = event.date.value
    assert value is not None
    return {"edtf": value.edtf, "display": event.date.display, "start": iso(value.lower), "end": iso(value.upper),
            "precision": value.precision, "date_text": event.date.text}


def _summary(site: Site, event: Event) -> str:
    sources = [site.articles[i].title for i in event.source_ids if i in site.articles]
    text = f"{event.date.display}: {event.title}."
    return text + (f" Sources: {'; '.join(sources)}." if sources else "")


def feed_xml(site: Site, options: DataOptions) -> bytes:
    ET.register_namespace("", ATOM)
    ET.register_namespace("tl", EXTENSION)
    events = latest(site)
    feed = ET.Element(f"{{{ATOM}}}feed")
    if not options.site_url:
        feed.set("{http://www.w3.org/XML/1998/namespace}base", "../")
    ET.SubElement(feed, f"{{{ATOM}}}id").text = (
        options.page("index.md") if options.site_url
        else uuid.uuid5(uuid.NAMESPACE_URL, f"annotated-timeline:{site.info.title}").urn)
    ET.SubElement(feed, f"{{{ATOM}}}title").text = site.info.title
    if site.info.description:
        ET.SubElement(feed, f"{{{ATOM}}}subtitle").text = site.info.description
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = _stamp(
        max((source_day(site, e) for e in events), default=source_day(site)))
    ET.SubElement(ET.SubElement(feed, f"{{{ATOM}}}author"), f"{{{ATOM}}}name").text = site.info.title
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="alternate", href=options.page("index.md") or "./")
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="self", href=options.absolute("data/feed.xml"))
    for event in events:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        ET.SubElement(entry, f"{{{ATOM}}}id").text = _entry_id(site, options, event)
        ET.SubElement(entry, f"{{{ATOM}}}title").text = event.title
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = _stamp(source_day(site, event))
        ET.SubElement(entry, f"{{{ATOM}}}link", rel="alternate", href=options.entity("event", event.id))
        ET.SubElement(entry, f"{{{ATOM}}}summary").text = _summary(site, event)
        if event.type:
            ET.SubElement(entry, f"{{{ATOM}}}category", term=event.type)
        extension = _extension(event)
        attributes = {key: str(extension[key] or "") for key in ("edtf", "start", "end", "precision")}
        ET.SubElement(entry, f"{{{EXTENSION}}}date", attributes).text = extension["display"]
    ET.indent(feed, space=" ")
    return bytes(ET.tostring(feed, encoding="utf-8", xml_declaration=True)) + b"\n"


def feed_json(site: Site, options: DataOptions) -> bytes:
    feed: dict[str, Any] = {
        "version": JSON_FEED,
        "title": site.info.title,
        "authors": [{"name": site.info.title}],
        "items": [{
            "id": _entry_id(site, options, event),
            "url": options.entity("event", event.id),
            "title": event.title,
            "content_text": _summary(site, event),
            "date_published": _stamp(source_day(site, event)),
            **({"tags": [event.type, *event.tags]} if event.type or event.tags else {}),
            "_timeline": _extension(event),
        } for event in latest(site)],
    }
    if site.info.description:
        feed["description"] = site.info.description
    if options.site_url:
        feed["home_page_url"] = options.page("index.md")
        feed["feed_url"] = options.absolute("data/feed.json")
    return dumps(feed)
