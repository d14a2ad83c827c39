"""The relations picture: who backs or opposes whom, over time, laid out at build time.

Each relation becomes a row of text (subject, relation, object, when) with a bar on a shared time
axis. The bar is drawn with HTML and CSS rather than SVG so that the text stays real text: it
reflows at 360 px and at 200% zoom, its links are ordinary links, and a screen reader reads a list.
The bar repeats what the text says and is hidden from assistive technology; its shape (arrow,
fade, hatching, round mark) repeats the wording, so colour is never the only cue.

Everything a reader sees is decided here; the templates only turn it into markup.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from builder.model.common import date_order
from builder.model.dates import HonestDate
from builder.model.relation import Relation
from builder.render import urls
from builder.render.i18n import tr

RELATIONS_PER_PAGE = 200  # rows on one relations page; past it each kind gets pages of this many
ACTOR_LIMIT = 20  # rows in an actor page's picture: hubs can have hundreds of relations
LISTED_ON_PAGE = 100  # relations listed on an actor's or place's page; past it they move to pages of their own

# Relation types are free slugs; these decide which group a type is drawn in. Anything else is
# "other" (member of, commands …), which is honest rather than a guess.
SUPPORT_TYPES = frozenset({"backs", "supports", "allied-with", "partners-with", "works-with", "loyal-to", "funds",
                           "arms", "trains", "aids", "protects", "endorses", "cooperates-with", "sponsors"})
OPPOSITION_TYPES = frozenset({"opposes", "fights", "disputes-with", "attacks", "sanctions", "at-war-with",
                              "condemns", "threatens", "rivals", "targets", "blockades", "besieges"})
KINDS = (("support", "Backs and supports"), ("opposition", "Opposes"), ("other", "Other relations"))
KIND_COUNTED = {"support": "of support", "opposition": "of opposition", "other": "other"}
# The order the legend explains the marks in; only marks the picture uses are explained.
FEATURES = ("span", "point", "open-start", "open-end", "unknown-start", "unknown-end", "vague", "from-break")
# The axis covers the bulk of the relations: a third of them may start before it (NATO in 1949 among
# relations of 2020), drawn from a break at its left edge, when they would take over half the axis.
OUTLIER_SHARE = 3  # up to 1/OUTLIER_SHARE of the relations may start before the axis
MIN_AXIS_YEARS = 3


def relation_kind(relation: Relation) -> str:
    if relation.type in SUPPORT_TYPES:
        return "support"
    if relation.type in OPPOSITION_TYPES:
        return "opposition"
    return "other"


@dataclass(frozen=True)
class Bar:
    """Where a row's bar sits, in percent of the axis, and which marks it carries."""

    left: float
    width: float
    features: tuple[str, ...]


@dataclass(frozen=True)
class Row:
    """Reads "subject type object" on actor pages too: inverse wordings of free-slug types
    ("disputes with (object)") read badly."""

    relation: Relation
    kind: str
    start: str  # "since 2011" reads as start "2011", end "open"; a single date has no end text
    end: str
    bar: Bar | None  # None when undated


@dataclass(frozen=True)
class Group:
    kind: str
    title: str
    rows: list[Row]


@dataclass(frozen=True)
class Tick:
    left: float
    label: str
    align: str  # "start", "middle" or "end", so labels at the edges stay inside the axis


@dataclass(frozen=True)
class Chart:
    groups: list[Group]  # dated rows by kind; kinds without rows are left out
    undated: list[Row]
    ticks: list[Tick]
    broken: bool  # the axis starts after the earliest relation: a break at its start
    legend: list[str]  # the FEATURES used
    summary: str
    total: int  # relations, drawn or not (an actor page draws at most ACTOR_LIMIT)


@dataclass(frozen=True)
class PageLink:
    src_uri: str
    period: str  # "2011 to 2014"
    count: int


@dataclass(frozen=True)
class RelationsPage:
    src_uri: str
    title: str
    relations: list[Relation]
    kind: str = ""  # one kind per page once the relations are paged
    parts: tuple[tuple[str, tuple[PageLink, ...]], ...] = ()  # the paged index: kind title, its pages
    owner_kind: str = ""  # "actor" or "place": whose relations these are (actors/<id>/relations*.md)
    owner: str = ""


def _features(date: HonestDate) -> tuple[str, ...]:
    features = []
    if date.is_range:
        start, end = date.ends()
        features.append("span")
        features += {"open": ["open-start"], "unknown": ["unknown-start"]}.get(start, [])
        features += {"open": ["open-end"], "unknown": ["unknown-end"]}.get(end, [])
    else:
        features.append("point")
    if date.approximate or date.uncertain:
        features.append("vague")
    return tuple(features)


@dataclass(frozen=True)
class _Axis:
    first_year: int
    last_year: int
    earliest: int | None = None  # the earliest start, when it lies before the axis (broken)

    @property
    def start(self) -> int:
        return datetime.date(self.first_year, 1, 1).toordinal()

    @property
    def end(self) -> int:
        return _new_year(self.last_year + 1)

    def percent(self, day: int) -> float:
        return round(100 * (day - self.start) / (self.end - self.start), 2)

    def bar(self, date: HonestDate) -> Bar:
        left = self.percent(date.lower.toordinal()) if date.lower else 0.0
        right = self.percent(date.upper.toordinal() + 1) if date.upper else 100.0
        if left < 0:  # began before the broken axis: drawn from the break
            return Bar(0.0, round(max(right, 0.0), 2), (*_features(date), "from-break"))
        return Bar(left, round(right - left, 2), _features(date))

    def ticks(self) -> list[Tick]:
        span = self.last_year + 1 - self.first_year
        step = next(s for s in (1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000, 10000) if span / s <= 6)
        first = -(-self.first_year // step) * step
        # The axis' first year is always labelled; a round year within 18% would touch it at 360 px.
        ticks = [Tick(0.0, str(self.first_year), "start")]
        for year in range(first, min(self.last_year + 2, datetime.MAXYEAR + 1), step):
            left = self.percent(_new_year(year))
            if left >= 18:
                ticks.append(Tick(left, str(year), "end" if left > 92 else "middle"))
        return ticks


def _new_year(year: int) -> int:
    """The ordinal of 1 January of ``year``, also for the year after 9999 that ends the axis."""
    if year > datetime.MAXYEAR:
        return datetime.date.max.toordinal() + 1
    return datetime.date(year, 1, 1).toordinal()


def _axis(dates: Iterable[HonestDate]) -> _Axis | None:
    dates = list(dates)
    years = [day.year for date in dates for day in (date.lower, date.upper) if day is not None]
    if not years:
        return None
    first, last = min(years), max(years)
    starts = sorted(day.year for date in dates for day in [date.lower or date.upper] if day is not None)
    bulk = min(starts[len(starts) // OUTLIER_SHARE], last - MIN_AXIS_YEARS + 1)
    if bulk - first > (last - bulk + 1) / 2 and bulk > first:
        return _Axis(bulk, last, first)
    return _Axis(first, last)


def _row(relation: Relation, axis: _Axis | None) -> Row:
    date = relation.date.value
    start, end = date.ends() if date else ("", "")
    return Row(relation, relation_kind(relation), start, end, axis.bar(date) if axis and date else None)




def relations_chart(relations: list[Relation], *, limit: int | None = None) -> Chart | None:
    """The picture of these relations (None if there are none). With ``limit``, only the most
    recent that many dated relations are drawn."""
    if not relations:
        return None
    ordered = sorted(relations, key=lambda r: (date_order(r.date.value), r.id))
    dated = [r for r in ordered if r.date.value]
    undated = [r for r in ordered if not r.date.value]
    if limit is not None and len(dated) > limit:
        dated = dated[-limit:]
    axis = _axis(r.date.value for r in dated if r.date.value)
    rows = [_row(relation, axis) for relation in dated]
    groups = [Group(kind, tr(title), [row for row in rows if row.kind == kind]) for kind, title in KINDS]
    groups = [group for group in groups if group.rows]
    used = {feature for row in rows if row.bar for feature in row.bar.features}
    counts = [tr("{n} " + KIND_COUNTED[group.kind], n=len(group.rows)) for group in groups]
    summary = tr("{n} relation", n=len(relations))
    if limit is not None and len(rows) < len(relations) - len(undated):
        summary += tr("; the {n} most recent are drawn", n=len(rows))
    if axis:
        summary += tr("; drawn from {first} to {last}: ", first=axis.first_year, last=axis.last_year)
        summary += ", ".join(counts)
        broken = sum(1 for row in rows if row.bar and "from-break" in row.bar.features)
        if axis.earliest is not None:
            summary += tr("; {n} relation began earlier (from {earliest}), drawn from the break at the axis' start",
                          n=broken, earliest=axis.earliest)
    if undated:
        summary += tr("; {n} undated", n=len(undated))
    return Chart(groups, [_row(r, None) for r in undated], axis.ticks() if axis else [],
                 bool(axis and axis.earliest is not None), [feature for feature in FEATURES if feature in used],
                 summary + ".", len(relations))


def _years(relations: list[Relation]) -> str:
    """"2011 to 2014", "2020", "2023 to 2024 and undated" or "undated": what a page covers."""
    years = sorted({r.date.value.group()[0] for r in relations if r.date.value})
    text = "" if not years else str(years[0]) if len(years) == 1 else tr("{first} to {last}", first=years[0],
                                                                          last=years[-1])
    if len(years) and any(not r.date.value for r in relations):
        return tr("{years} and undated", years=text)
    return text or tr("undated")


def plan_relations(relations: Iterable[Relation], limit: int = RELATIONS_PER_PAGE) -> list[RelationsPage]:
    """The relations index, holding everything, or past ``limit`` an index of per-kind pages, each
    at most ``limit`` relations in date order (the undated at the end of their kind)."""
    ordered = sorted(relations, key=lambda r: (date_order(r.date.value), r.id))
    if len(ordered) <= limit:
        return [RelationsPage(urls.RELATIONS, tr("Relations"), ordered)]
    pages = []
    parts = []
    for kind, english in KINDS:
        title = tr(english)
        listed = [r for r in ordered if relation_kind(r) == kind]
        links = []
        for number, first in enumerate(range(0, len(listed), limit), start=1):
            chunk = listed[first:first + limit]
            page = RelationsPage(urls.relations_part(kind, number), f"{title}: {_years(chunk)}", chunk, kind)
            pages.append(page)
            links.append(PageLink(page.src_uri, _years(chunk), len(chunk)))
        if links:
            parts.append((title, tuple(links)))
    return [RelationsPage(urls.RELATIONS, tr("Relations"), [], parts=tuple(parts)), *pages]


def plan_own_relations(kind: str, id: str, name: str, relations: list[Relation],
                       limit: int = RELATIONS_PER_PAGE) -> list[RelationsPage]:
    """A hub actor's or busy place's relations, past ``LISTED_ON_PAGE``, on pages of their own
    (``limit`` each, in date order) instead of on its page; none when it has fewer."""
    if len(relations) <= LISTED_ON_PAGE:
        return []
    ordered = sorted(relations, key=lambda r: (date_order(r.date.value), r.id))
    pages = []
    for number, first in enumerate(range(0, len(ordered), limit), start=1):
        chunk = ordered[first:first + limit]
        src_uri = urls.own_relations(kind, id, number)
        title = tr("Relations of {name}", name=name) + (f": {_years(chunk)}" if len(ordered) > limit else "")
        pages.append(RelationsPage(src_uri, title, chunk, owner_kind=kind, owner=id))
    return pages


def page_links(pages: list[RelationsPage]) -> list[PageLink]:
    return [PageLink(page.src_uri, _years(page.relations), len(page.relations)) for page in pages]
