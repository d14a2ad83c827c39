"""A full ``mkdocs build --strict`` of the seed, asserting on the HTML readers get."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import ROOT
from tests.htmlsite import broken_links, read_page, resolve

SECTIONS = ("actors", "events", "places", "sources")


def html(site: Path, page: str) -> str:
    return (site / page / "index.html").read_text(encoding="utf-8")


def article_of(page_html: str) -> str:
    match = re.search(r"<article.*?</article>", page_html, re.S)
    assert match
    return match.group(0)


def test_timeline_is_semantic_ordered_and_honest_about_dates(seed_site: Path) -> None:
    page = article_of(html(seed_site, "timeline"))
    assert '<ol class="tl-events">' in page
    years = re.findall(r'<h2 id="(\d{4})"', page)
    assert years == sorted(years) and years[0] == "2011" and years[-1] == "2020"
    assert '<h3 id="2020-02">February 2020</h3>' in page
    assert '<time datetime="2020-02-12" title="EDTF 2020-02-12">12 Feb 2020</time>' in page
    assert ">since 2011</time>" in page and ">Sept 2018</time>" in page
    assert ">by the end of Feb 2020</time>" in page
    order = re.findall(r'<li class="tl-event" id="([a-z0-9-]+)"', page)
    assert len(order) == len(list((ROOT / "content" / "events").glob("*.md")))
    assert order.index("sochi-agreement-2018") < order.index("turkish-convoy-in-idlib-2020-02-07")
    assert order.index("jeffrey-arrives-in-ankara") < order.index("jeffrey-meets-turkish-officials")
    assert order.index("end-of-february-deadline") > order.index("qamishli-checkpoint-clash")


def test_actor_page(seed_site: Path) -> None:
    page = article_of(html(seed_site, "actors/recep-tayyip-erdogan"))
    assert "<h1>Recep Tayyip Erdoğan</h1>" in page
    assert 'href="../turkey/"' in page  # affiliation
    for heading in ("Timeline", "Quotes", "Mentions", "Appears with"):
        assert f">{heading}<" in page, heading
    assert "determined to drive away regime forces until the end of February" in page
    assert re.search(r'<span class="tl-role">\(speaker\)</span>', page)
    turkey = article_of(html(seed_site, "actors/turkey"))
    assert 'href="../recep-tayyip-erdogan/"' in turkey  # the affiliation, seen from the other side
    assert ">Relations<" in turkey and "backed by" in turkey  # "the US backs Turkey", from Turkey's side


def test_event_page_shows_each_account_side_by_side(seed_site: Path) -> None:
    page = article_of(html(seed_site, "events/qamishli-checkpoint-clash"))
    assert ">Accounts<" in page
    speakers = re.findall(r'<section class="tl-account" aria-label="Account by ([^"]+)">', page)
    for expected in ("Myles Caggins", "Syrian Observatory for Human Rights", "Russian Ministry of Defence"):
        assert expected in speakers
    assert len(speakers) == len(set(speakers)) >= 4
    assert "the patrol came under small arms fire from unknown individuals</span>”" in page
    # Reported speech is the reporter's sentence (issue 18): never in quotation marks as the speaker's words.
    assert re.search(r'<p class="tl-reported">According to <a [^>]+>The Guardian</a>, <a [^>]+>Syrian Observatory '
                     r'for Human Rights</a> said that <span class="tl-words" lang="en" dir="ltr">residents and armed '
                     r'pro-government militiamen blocked the path of a US convoy</span></p>', page)
    assert "As written" in page and "on Wednesday" in page
    link = re.search(r'href="(\.\./\.\./sources/guardian-checkpoint-clash/#q-[a-z0-9-]+)"', page)
    assert link, "a quote links to its spot in the article"
    target = resolve(seed_site, seed_site / "events/qamishli-checkpoint-clash/index.html", link.group(1))
    assert target and target[1] in read_page(target[0]).ids
    assert 'rel="prev"' in page and 'rel="next"' in page
    assert ">Part of this event<" in page  # the clash's sub-events


def test_article_page_is_annotated_verbatim_text(seed_site: Path) -> None:
    page = article_of(html(seed_site, "sources/guardian-checkpoint-clash"))
    assert 'USn <em class="tl-sic">[sic: US]</em>' in page
    assert "nowforced" in page and "[sic: now forced]" in page
    assert re.search(r'<mark class="tl-quote" id="q-qamishli-checkpoint-clash-\d+">', page)
    assert 'class="tl-quote-link" href="../../events/qamishli-checkpoint-clash/#q-' in page
    assert '<figure class="tl-embed">' in page and 'href="../../actors/brett-mcgurk/"' in page
    assert 'class="tl-mention"' in page and 'href="../../places/khirbet-ammu/"' in page
    assert "Leave a Reply" not in page
    bloomberg = article_of(html(seed_site, "sources/bloomberg-erdogan-vows-idlib"))
    assert "opposijtion <em class=\"tl-sic\">[sic: opposition]</em>" in bloomberg


def test_index_pages_and_nav(seed_site: Path) -> None:
    home = html(seed_site, ".")
    nav = re.search(r'<nav class="md-tabs".*?</nav>', home, re.S)
    assert nav
    labels = re.findall(r'class="md-tabs__link[^"]*"[^>]*>\s*([^<]+?)\s*<', nav.group(0))
    assert labels == ["Home", "Timeline", "Stories", "Actors", "Events", "Places", "Relations", "Sources", "Data",
                      "About"]
    assert "recep-tayyip-erdogan" not in nav.group(0), "entity pages stay out of the nav"
    actors = article_of(html(seed_site, "actors"))
    assert '<h2 id="person">People</h2>' in actors and '<h2 id="media-outlet">Media outlets</h2>' in actors
    places = article_of(html(seed_site, "places"))
    assert places.index("places/syria/") < places.index("places/qamishli/") < places.index("places/khirbet-ammu/") \
        if "places/syria/" in places else True


def test_every_link_between_entity_pages_goes_both_ways(seed_site: Path) -> None:
    def entity(page: Path) -> str | None:
        parts = page.relative_to(seed_site).parts
        if len(parts) == 3 and parts[0] in SECTIONS and parts[2] == "index.html":
            return f"{parts[0]}/{parts[1]}"
        return None

    pages = [p for p in seed_site.rglob("index.html") if entity(p)]
    links: dict[str, set[str]] = {}
    for page in pages:
        targets = set()
        for href in read_page(page).content_links:
            resolved = resolve(seed_site, page, href)
            if resolved and resolved[0].exists() and (name := entity(resolved[0])) and name != entity(page):
                targets.add(name)
        links[str(entity(page))] = targets
    one_way = sorted(f"{a} → {b}" for a, targets in links.items() for b in targets if a not in links.get(b, set()))
    assert not one_way, "\n".join(one_way)


def test_no_broken_links_or_anchors(seed_site: Path) -> None:
    assert broken_links(seed_site) == []
