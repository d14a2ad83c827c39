"""Events: dated happenings with actors, places, sources and attributed quotes."""

from __future__ import annotations

from dataclasses import dataclass, field

from builder.diagnostics import Origin
from builder.model.common import DateInfo, Ref

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


QUOTE_KINDS = ("direct", "reported")
CLAIM_STATUSES = ("confirmed", "disputed", "denied", "retracted", "unverified")


@dataclass
class Quote:
    """A verbatim passage of an article, attributed to the actor who said it.

    ``direct``: the speaker's own words, shown in quotation marks. ``reported``: the reporter's
    sentence about what the speaker said, shown as such, never as the speaker's words."""

    event_id: str
    index: int
    by: Ref
    article: Ref
    text: str
    note: str
    origin: Origin
    anchor: str = ""  # the id of its highlight on the article page, set once located
    kind: str = "direct"
    status: str = ""  # one of CLAIM_STATUSES, or "" when the author said nothing
    status_note: str = ""
    status_source: Ref | None = None
    translation: str = ""
    translated_by: str = ""
    passage: str = ""  # the quote as the article writes it, set once located (for text-fragment links)

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
