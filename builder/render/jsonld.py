"""schema.org descriptions of entity pages (JSON-LD), for search engines and link previews.

URLs are left out on purpose: the pipeline does not know where the site is published, and the
page's canonical link (from ``site_url``) already says it.
"""

from __future__ import annotations

from typing import Any

from builder.model.actor import Actor
from builder.model.article import Article
from builder.model.dates import HonestDate
from builder.model.event import Event
from builder.model.place import Place
from builder.model.site import Site

CONTEXT = "https://schema.org"
ACTOR_TYPES = {
    "person": "Person",
    "state": "Country",
    "government": "GovernmentOrganization",
    "government-agency": "GovernmentOrganization",
    "media-outlet": "NewsMediaOrganization",
    "company": "Corporation",
}


def _iso(date: HonestDate | None, end: bool = False) -> str | None:
    if date is None:
        return None
    day = date.upper if end else date.lower
    return day.isoformat() if day else None


def _compact(data: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def event_jsonld(site: Site, event: Event) -> dict[str, Any]:
    places = [site.places[ref.id] for ref in event.places if ref.id in site.places]
    actors = [site.actors[p.actor.id] for p in event.actors if p.actor.id in site.actors]
    return _compact({
        "@context": CONTEXT,
        "@type": "Event",
        "name": event.title,
        "startDate": _iso(event.date.value),
        "endDate": _iso(event.date.value, end=True),
        "location": [_compact({"@type": "Place", "name": p.name}) for p in places],
        "about": [{"@type": ACTOR_TYPES.get(a.kind, "Organization"), "name": a.name} for a in actors],
        "description": event.commentary.split("\n\n")[0][:300],
    })


def actor_jsonld(site: Site, actor: Actor) -> dict[str, Any]:
    affiliations = [site.actors[a.actor.id].name for a in actor.affiliations if a.actor.id in site.actors]
    kind = ACTOR_TYPES.get(actor.kind, "Organization")
    return _compact({
        "@context": CONTEXT,
        "@type": kind,
        "name": actor.name,
        "alternateName": [*actor.aliases, *actor.native.forms],
        "jobTitle": actor.title if kind == "Person" else None,
        "description": actor.summary,
        ("affiliation" if kind == "Person" else "parentOrganization"): [
            {"@type": "Organization", "name": name} for name in affiliations],
    })


def place_jsonld(site: Site, place: Place) -> dict[str, Any]:
    parent = site.places.get(place.within.id) if place.within else None
    geo = None
    if place.coordinates:
        geo = {"@type": "GeoCoordinates", "latitude": place.coordinates.lat, "longitude": place.coordinates.lon}
    return _compact({
        "@context": CONTEXT,
        "@type": "Place",
        "name": place.name,
        "alternateName": [*place.aliases, *place.native.forms],
        "geo": geo,
        "containedInPlace": {"@type": "Place", "name": parent.name} if parent else None,
    })


def article_jsonld(site: Site, article: Article) -> dict[str, Any]:
    publisher = site.actors.get(article.publisher.id) if article.publisher else None
    authors = [site.actors[ref.id] for ref in article.authors if ref.id in site.actors]
    return _compact({
        "@context": CONTEXT,
        "@type": "NewsArticle",
        "headline": article.title,
        "datePublished": _iso(article.published),
        "inLanguage": article.language,
        "publisher": {"@type": "NewsMediaOrganization", "name": publisher.name} if publisher else None,
        "author": [{"@type": ACTOR_TYPES.get(a.kind, "Organization"), "name": a.name} for a in authors],
        "isBasedOn": article.url,
        "archivedAt": article.archive_url,
    })
