"""TimelineJS slides, from either of its forms (timelinejs_sheet, timelinejs_json), to rows.

- A slide's dates keep their precision (a year alone is ``2011``), an end date makes a range, a
  negative year is BCE. ``display_date`` is what the author wrote: it becomes ``date_text``.
- Headlines become plain text; the slide's HTML text becomes the commentary, cleaned by the same
  allow-list as every Markdown field (``render/sanitize``). Media keeps its caption, credit and alt.
- ``group`` is the event's type (our own timelinejs.json writes the type there).
- The ``title`` slide names the site; each ``era`` becomes an event that the slides within it are
  ``part_of``. An era with the headline and dates of a slide is that slide's event (our export
  writes a parent event both ways).
- A timeline names no sources of its own, so the file itself is the source every event cites: a
  citation-only source, published by the day of import at the latest.
"""

from __future__ import annotations

import datetime
import html
import re
from dataclasses import dataclass, field
from typing import Any

import nh3

from builder.authoring.datasets import dates
from builder.authoring.datasets.records import Batch, Entity, Row, compact, html_as_markdown
from builder.authoring.importing.inert import one_line, plain
from builder.diagnostics import Origin
from builder.load.fields import slugify
from builder.model.dates import DateError, parse_date
from builder.render.sanitize import clean


@dataclass
class Slide:
    origin: Origin
    kind: str = ""  # "", "title" or "era"
    start: str = ""  # EDTF
    end: str = ""
    display_date: str = ""
    time_note: str = ""
    headline: str = ""
    text: str = ""  # HTML
    media: dict[str, str] = field(default_factory=dict)
    group: str = ""
    unique_id: str = ""
    problems: list[str] = field(default_factory=list)
    label: str = ""


def text_of(value: str) -> str:
    """HTML (a headline may hold some) as plain text on one line."""
    return one_line(html.unescape(nh3.clean(value, tags=set())))


def _source(batch: Batch, today: datetime.date) -> Entity:
    label = batch.title or batch.name
    return {"id": slugify(f"{batch.name} timeline"), "title": f"{label} (TimelineJS timeline)",
            "published": f"../{today.isoformat()}", "accessed": today.isoformat(),
            "note": f"Imported from `{plain(batch.path)}` ({batch.format}) with `import-data`. The timeline gives no "
                    "date of publication: it was made by the day of import."}


# A relative address meant something only on the page the timeline came from (our own export links
# its sources and event pages so): in content it would point nowhere, so it goes, the words stay.
_RELATIVE = re.compile(r'\s(?:href|src)="(?![hH][tT][tT][pP][sS]?://|mailto:)[^"]*"')


def slide_html(text: str) -> str:
    """A slide's text as a commentary: cleaned, relative addresses dropped, no Markdown read into it."""
    return html_as_markdown(_RELATIVE.sub("", clean(plain(text))).strip())


def _date(slide: Slide) -> tuple[str, str]:
    """The slide's EDTF, qualified as its display date words it when that makes a date (see
    ``dates.from_display``), and a note saying so."""
    plain_date = dates.span(slide.start, slide.end)
    if not slide.start or not slide.display_date.strip():
        return plain_date, ""
    worded = dates.from_display(slide.start, slide.end, text_of(slide.display_date))
    if worded == plain_date or not _parses(worded):
        return plain_date, ""
    return worded, f"Read as {worded} from the display date; the timeline's own dates give {plain_date}."


def _parses(edtf: str) -> bool:
    try:
        parse_date(edtf)
    except DateError:
        return False
    return True


def _event(slide: Slide, source_id: str) -> Entity:
    date, note = _date(slide)
    id_ = slugify(slide.unique_id) if slide.unique_id else slugify(f"{slide.start} {slide.headline}")
    return compact({
        "id": id_,
        "title": text_of(slide.headline) or (slide.display_date and text_of(slide.display_date)),
        "date": date,
        "date_text": text_of(slide.display_date),
        "date_note": " ".join(part for part in (note, slide.time_note) if part),
        "type": slugify(slide.group),
        "media": compact(slide.media),
        "sources": [source_id],
        "commentary": slide_html(slide.text),
    })


def _bounds(edtf: str) -> tuple[datetime.date, datetime.date] | None:
    try:
        value = parse_date(edtf)
    except DateError:
        return None
    if value.lower is None or value.upper is None:
        return None
    return value.lower, value.upper


def _assign_eras(eras: list[tuple[Row, Entity]], rows: list[Row]) -> None:
    """Each event is ``part_of`` the narrowest era that holds all of its days; an era only of a wider
    one (two eras of the same days inside each other would be a cycle)."""
    spans = [(bounds, era) for row, era in eras if (bounds := _bounds(era.get("date", "")))]
    spans.sort(key=lambda item: item[0][1] - item[0][0])
    era_ids = {era["id"] for _, era in spans}
    for row in rows:
        for event in row.events:
            bounds = _bounds(event.get("date", ""))
            if bounds is None:
                continue
            for (low, high), era in spans:
                wider = (low, high) != bounds or event["id"] not in era_ids
                if era["id"] != event["id"] and low <= bounds[0] and bounds[1] <= high and wider:
                    event["part_of"] = era["id"]
                    break


def rows_from_slides(batch: Batch, slides: list[Slide], *, today: datetime.date | None = None) -> None:
    for slide in slides:
        if slide.kind == "title":
            batch.title = batch.title or text_of(slide.headline)
            batch.intro = batch.intro or slide_html(slide.text)
    source = _source(batch, today or datetime.date.today())
    rows: list[Row] = []
    eras: list[tuple[Row, Entity]] = []
    by_heading: dict[tuple[str, str], Entity] = {}
    batch.progress.stage(f"making events from {batch.path.rsplit('/', 1)[-1]}", len(slides))
    for slide in sorted(slides, key=lambda slide: slide.kind == "era"):  # eras may be slides' events
        batch.progress.advance()
        if slide.kind == "title":
            continue
        row = Row(slide.origin, problems=list(slide.problems), label=slide.label)
        if not slide.headline.strip() and not slide.kind:
            row.problems.append("no headline")
        if not slide.start and not slide.problems:
            row.problems.append("no start date" if slide.kind == "era" else "no date (a slide needs a Year or "
                                                                              "Start Date; only the title slide "
                                                                              "has none)")
        if slide.kind == "era" and not slide.end:
            row.problems.append("an era needs an end date")
        event = _event(slide, source["id"])
        if slide.kind == "era":
            same = by_heading.get((event.get("title", ""), event.get("date", "")))
            if same is not None:
                eras.append((row, same))
                continue
            event["type"] = event.get("type") or "era"
        else:
            by_heading[(event.get("title", ""), event.get("date", ""))] = event
        if not event.get("id"):
            row.problems.append("no id can be made: the slide has no headline or unique_id")
        row.events.append(event)
        row.sources.append(source)
        rows.append(row)
        if slide.kind == "era":
            eras.append((row, event))
    _assign_eras(eras, rows)
    batch.rows.extend(rows)


def media_of(media: Any, alt: str = "") -> dict[str, str]:
    """A slide's media as an event's, from the JSON object or the sheet's columns."""
    if not isinstance(media, dict) or not str(media.get("url") or "").strip():
        return {}
    return {"url": str(media["url"]).strip(), "caption": text_of(str(media.get("caption") or "")),
            "credit": text_of(str(media.get("credit") or "")),
            "alt": text_of(str(media.get("alt") or alt or ""))}
