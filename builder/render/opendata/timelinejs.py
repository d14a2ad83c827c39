"""``data/timelinejs.json``: the timeline in TimelineJS's JSON format, to show it with TimelineJS.

A TimelineJS date has as many parts as it knows (a year, a month, a day), which is how our dates'
precision is kept: "Feb 2020" is ``{year: 2020, month: 2}``, not the 1st of February. Seasons,
decades and centuries have no TimelineJS form: they become the years they cover, and the
``display_date`` says what the date really is. Parent events that span time become eras.
"""

from __future__ import annotations

import html
from typing import Any

from builder.model.dates import HonestDate
from builder.model.event import Event
from builder.model.site import Site
from builder.render import sanitize, urls
from builder.render.opendata.common import DATA_PAGE, DataOptions, dated, dumps, ends


def _date(end: HonestDate, last: bool = False) -> dict[str, int]:
    day = end.upper if last else end.lower
    assert day is not None
    if end.precision == "day":
        return {"year": day.year, "month": day.month, "day": day.day}
    if end.precision == "month":
        return {"year": day.year, "month": day.month}
    return {"year": day.year}


def dates(value: HonestDate) -> dict[str, dict[str, int]]:
    """``start_date`` and, for a range or a date wider than its first unit, ``end_date``."""
    start, end = ends(value)[0], ends(value)[-1]
    first = start or end
    assert first is not None
    result = {"start_date": _date(first)}
    if end is not None and (end is not start or end.precision in ("season", "decade", "century")):
        last = _date(end, last=True)
        start_parts = result["start_date"]
        if all(last.get(key) == value for key, value in start_parts.items()) and len(last) > len(start_parts):
            # TimelineJS drops an end that agrees with every part the start has ("Feb 2020" to
            # "12 Feb 2020"), and an era without an end stops the whole timeline: the start is
            # given to the day then (its first day); display_date still says "Feb 2020".
            assert first.lower is not None
            result["start_date"] = {"year": first.lower.year, "month": first.lower.month, "day": first.lower.day}
        if last != result["start_date"]:
            result["end_date"] = last
    return result


def _text(site: Site, event: Event, options: DataOptions) -> str:
    links = urls.Links(DATA_PAGE, options.directory_urls)
    parts = [str(sanitize.render(event.commentary, links, raw_html=False))] if event.commentary else []
    sources = []
    for article_id in event.source_ids:
        article = site.articles.get(article_id)
        if article is None:
            continue
        publisher = site.actors.get(article.publisher.id) if article.publisher else None
        words = html.escape(article.title) + (f", {html.escape(publisher.name)}" if publisher else "")
        words += f", {html.escape(article.published.display())}" if article.published else ""
        sources.append(f'<a href="{html.escape(options.entity("article", article.id))}">{words}</a>')
    if sources:
        parts.append(f"<p>Sources: {'; '.join(sources)}</p>")
    parts.append(f'<p><a href="{html.escape(options.entity("event", event.id))}">The event&#39;s page</a></p>')
    return "".join(parts)


def slide(site: Site, event: Event, options: DataOptions) -> dict[str, Any]:
    assert event.date.value is not None
    result: dict[str, Any] = {
        "unique_id": event.id,
        **dates(event.date.value),
        "display_date": event.date.display,
        "text": {"headline": html.escape(event.title), "text": _text(site, event, options)},
    }
    if event.type:
        result["group"] = event.type.replace("-", " ")
    if event.media:  # caption and credit are HTML to TimelineJS; alt is set as the image's property, plain
        result["media"] = {"url": event.media.url, "caption": html.escape(event.media.caption),
                           "credit": html.escape(event.media.credit), "alt": event.media.alt}
    return result


def eras(site: Site) -> list[dict[str, Any]]:
    result = []
    for event in dated(site):
        value = event.date.value
        if value is None or not site.children.get(event.id):
            continue
        span = dates(value)
        if "end_date" in span:
            result.append({**span, "text": {"headline": html.escape(event.title)}})
    return result


def timelinejs_json(site: Site, options: DataOptions) -> bytes:
    intro = str(sanitize.render(site.info.intro, urls.Links(DATA_PAGE, options.directory_urls), raw_html=False))
    return dumps({
        "title": {"text": {"headline": html.escape(site.info.title), "text": intro if site.info.intro else ""}},
        "events": [slide(site, event, options) for event in dated(site)],
        "eras": eras(site),
    })
