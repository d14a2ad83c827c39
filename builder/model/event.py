"""Events: dated happenings with actors, places, sources and attributed quotes."""

from __future__ import annotations

from dataclasses import dataclass, field

from builder.diagnostics import Diagnostics, Origin
from builder.load.fields import Fields, Ref
from builder.load.yaml_nodes import Located
from builder.model.common import DATE_FIELDS, DateInfo, read_date_info

FIELDS = {
    "title",
    "type",
    "tags",
    "places",
    "actors",
    "part_of",
    "related",
    "sources",
    "quotes",
    "commentary",
    "fatalities",
    "media",
} | DATE_FIELDS
ACTOR_ROLE_FIELDS = {"actor", "role"}
QUOTE_FIELDS = {"by", "article", "text", "note"}
MEDIA_FIELDS = {"url", "caption", "credit", "alt"}
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".svg")


@dataclass(frozen=True)
class Media:
    """A picture or other media shown with the event (TimelineJS slides carry one), with its credit."""

    url: str
    caption: str = ""
    credit: str = ""
    alt: str = ""

    @property
    def is_image(self) -> bool:
        return self.url.lower().split("?", 1)[0].endswith(IMAGE_SUFFIXES)


@dataclass
class Participation:
    actor: Ref
    role: str


@dataclass
class Quote:
    """A verbatim passage of an article, attributed to the actor who said it."""

    event_id: str
    index: int
    by: Ref
    article: Ref
    text: str
    note: str
    origin: Origin
    anchor: str = ""  # the id of its highlight on the article page, set once located

    @property
    def id(self) -> str:
        return f"q-{self.event_id}-{self.index}"


@dataclass
class Event:
    id: str
    origin: Origin
    title: str
    date: DateInfo
    type: str = ""
    tags: list[str] = field(default_factory=list)
    places: list[Ref] = field(default_factory=list)
    actors: list[Participation] = field(default_factory=list)
    part_of: Ref | None = None
    related: list[Ref] = field(default_factory=list)
    sources: list[Ref] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    commentary: str = ""
    fatalities: int | None = None  # as the source reported them (ACLED's most conservative figure)
    media: Media | None = None

    @property
    def source_ids(self) -> list[str]:
        """Articles cited directly or through quotes, each once, in the order given."""
        ids = [ref.id for ref in self.sources] + [quote.article.id for quote in self.quotes]
        return list(dict.fromkeys(ids))


def read_event(id: str, data: Located, commentary: str, body_line: int, diagnostics: Diagnostics) -> Event:
    fields = Fields(data, diagnostics, f"event '{id}'", FIELDS)
    actors = []
    for item in fields.mappings("actors", shorthand="actor"):
        sub = Fields(item, diagnostics, f"an actor of event '{id}'", ACTOR_ROLE_FIELDS)
        ref = sub.ref("actor", "actor", required=True)
        if ref:
            actors.append(Participation(ref, sub.slug("role") or "participant"))
    quotes: list[Quote] = []
    for item in fields.mappings("quotes"):
        sub = Fields(item, diagnostics, f"a quote of event '{id}'", QUOTE_FIELDS)
        by = sub.ref("by", "actor", required=True)
        article = sub.ref("article", "article", required=True)
        text = sub.text("text", required=True)
        if by and article and text:
            quotes.append(Quote(id, len(quotes) + 1, by, article, text, sub.text("note"), sub.origin("text")))
    media = None
    if (mapping := fields.mapping("media")) is not None:
        sub = Fields(mapping, diagnostics, f"the media of event '{id}'", MEDIA_FIELDS)
        if sub.text("url", required=True) and (url := sub.url("url")):
            media = Media(url, sub.text("caption"), sub.text("credit"), sub.text("alt"))
    fatalities = fields.number("fatalities")
    if fatalities is not None and (fatalities < 0 or not fatalities.is_integer()):
        diagnostics.error(fields.origin("fatalities"), f"fatalities: {fatalities:g} is not a count (0, 1, 2 …)")
        fatalities = None
    event = Event(
        id=id,
        origin=data.origin,
        title=fields.text("title", required=True) or id,
        date=read_date_info(fields, required=True),
        type=fields.slug("type"),
        tags=[tag for tag, _ in fields.slugs("tags")],
        places=fields.refs("places", "place"),
        actors=actors,
        part_of=fields.ref("part_of", "event"),
        related=fields.refs("related", "event"),
        sources=fields.refs("sources", "article"),
        quotes=quotes,
        commentary=fields.prose("commentary", commentary, body_line),
        fatalities=None if fatalities is None else int(fatalities),
        media=media,
    )
    if not fields.items("sources") and not fields.items("quotes"):
        diagnostics.error(data.origin, f"event '{id}' cites no source: add 'sources' or 'quotes'")
    return event
