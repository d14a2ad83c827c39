"""What every export shares: where pages are, the date of an event in each form, and the JSON records.

A page URL is relative to the site root (``events/x/``) unless the site declares ``site_url``, when it
is absolute: the files are meant to be read away from the site, where a relative address means
nothing, but a site built without knowing its address must not invent one.
"""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass
from typing import Any

from builder.model.common import DateInfo
from builder.model.dates import HonestDate, parse_date
from builder.model.event import Event, Quote
from builder.model.site import Site
from builder.render import urls

DATA_PAGE = urls.DATA  # data/index.md: the files are beside it, in data/


@dataclass(frozen=True)
class DataOptions:
    directory_urls: bool = True
    site_url: str = ""  # the published address; "" when unknown (a bundle, a build without site_url)

    def page(self, src_uri: str, fragment: str = "") -> str:
        """The URL of a generated page, absolute when the site's address is known."""
        url = urls.page_url(src_uri, self.directory_urls) + (f"#{fragment}" if fragment else "")
        return self.absolute(url)

    def absolute(self, root_relative: str) -> str:
        if not self.site_url:
            return root_relative
        return self.site_url.rstrip("/") + "/" + root_relative

    def entity(self, kind: str, id: str, fragment: str = "") -> str:
        return self.page(urls.entity_page(kind, id), fragment)


def dumps(data: Any) -> bytes:
    """JSON the same for the same data: sorted keys, no ASCII escaping, one trailing newline.
    Compact: with ``indent`` Python encodes in Python rather than C, 4× slower at M (3.2 s)."""
    return (json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n").encode("utf-8")


def iso(day: datetime.date | None) -> str | None:
    return day.isoformat() if day else None


def span(value: HonestDate) -> tuple[datetime.date, datetime.date]:
    """The first and last day a date may fall on; an open end ("2011/..", "../2020-02") is
    taken at the known end, which is all a calendar or a chart can show of it."""
    start_text, _, end_text = value.edtf.partition("/")
    lower, upper = value.lower, value.upper
    if lower is None:
        lower = parse_date(end_text).lower
    if upper is None:
        upper = parse_date(start_text).upper
    assert lower is not None and upper is not None  # parse_date rejects a date with no known end
    return lower, upper


def ends(value: HonestDate) -> list[HonestDate | None]:
    """A range's start and end each parsed on its own (None where open); a single date once."""
    if "/" not in value.edtf:
        return [value]
    return [parse_date(part) if part not in ("", "..") else None for part in value.edtf.split("/", 1)]


def date_record(info: DateInfo) -> dict[str, Any] | None:
    value = info.value
    if value is None:
        return None
    return {
        "edtf": value.edtf,
        "display": value.display(),
        "text": info.text,
        "note": info.note,
        "start": iso(value.lower),
        "end": iso(value.upper),
        "precision": value.precision,
        "approximate": value.approximate,
        "uncertain": value.uncertain,
    }


def quote_anchor(options: DataOptions, quote: Quote) -> str:
    return options.entity("article", quote.article.id, quote.anchor)


def dated(site: Site) -> list[Event]:
    """The events that have a date, in timeline order (an event's date is required: all of them
    in a site that built)."""
    return [event for event in site.timeline if event.date.value is not None]


def source_day(site: Site, event: Event | None = None) -> datetime.date:
    """A timestamp derived from the content, for formats that require one: the latest publication
    day among the event's sources (or all articles). Rebuilding the same content gives the same
    value; the clock would not."""
    ids = event.source_ids if event else list(site.articles)
    published = [site.articles[i].published for i in ids if i in site.articles]
    known = [day for date in published if date is not None for day in (date.upper or date.lower,) if day]
    return max(known) if known else datetime.date(1970, 1, 1)


def publisher_names(site: Site, event: Event) -> list[str]:
    names = []
    for article_id in event.source_ids:
        article = site.articles.get(article_id)
        if article and article.publisher and article.publisher.id in site.actors:
            names.append(site.actors[article.publisher.id].name)
    return list(dict.fromkeys(names))


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(cell: object) -> object:
    """A CSV cell that a spreadsheet cannot run: text starting like a formula gets a leading apostrophe.

    Content is data: a title such as ``=HYPERLINK("http://…")`` must stay text when a reader opens the
    CSV in a spreadsheet (OWASP's CSV injection advice). Numbers (a negative longitude) are left as
    they are."""
    if not isinstance(cell, str) or not cell.startswith(_FORMULA_STARTS):
        return cell
    try:
        float(cell)
    except ValueError:
        return "'" + cell
    return cell
