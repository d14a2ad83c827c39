"""The relations picture: bars from the dates' words, kinds apart, text equivalent, bounded pages."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from builder.diagnostics import Origin
from builder.model.common import DateInfo, Ref
from builder.model.dates import parse_date
from builder.model.relation import Citation, Relation
from builder.render.figures.relations_chart import LISTED_ON_PAGE, RELATIONS_PER_PAGE, plan_relations, relations_chart
from tests.browser.test_accessibility import violations
from tests.conftest import ROOT, mkdocs_build, serve
from tests.htmlsite import broken_links, read_page, resolve
from tests.site.test_html_validation import validate

HERE = Origin("x.yml", 1)


def relation(id: str, type_: str, date: str = "", subject: str = "a", object_: str = "b") -> Relation:
    return Relation(id, HERE, Ref("actor", subject, HERE), type_, Ref("actor", object_, HERE),
                    DateInfo(parse_date(date) if date else None), sources=[Citation(Ref("article", "s", HERE), "",
                                                                                    HERE)])


def rows_by_id(chart: Any) -> dict[str, Any]:
    return {row.relation.id: row for group in chart.groups for row in group.rows} | \
        {row.relation.id: row for row in chart.undated}


def test_bars_say_open_unknown_and_vague_ends_as_shapes_and_words() -> None:
    chart = relations_chart([
        relation("since", "backs", "2011/.."),
        relation("until-unknown-start", "opposes", "/2015"),
        relation("by", "opposes", "../2012-06-30"),
        relation("about", "backs", "2013~"),
        relation("span", "member-of", "2010-07/2019-06"),
        relation("no-date", "backs"),
    ])
    assert chart is not None
    rows = rows_by_id(chart)
    since = rows["since"]
    assert (since.start, since.end) == ("2011", "open")
    assert since.bar.features == ("span", "open-end")
    assert since.bar.left > 0 and since.bar.left + since.bar.width == 100
    by = rows["by"]
    assert (by.start, by.end) == ("open", "30 June 2012") and by.bar.left == 0
    assert by.bar.features == ("span", "open-start")
    assert rows["until-unknown-start"].bar.features == ("span", "unknown-start")
    assert (rows["until-unknown-start"].start, rows["until-unknown-start"].end) == ("unknown", "2015")
    about = rows["about"]
    assert (about.start, about.end) == ("c. 2013", "") and about.bar.features == ("point", "vague")
    span = rows["span"]
    assert (span.start, span.end) == ("July 2010", "June 2019")
    # the axis runs over whole years, 2010 to 2019: July 2010 is half way through the first of ten
    assert span.bar.left == pytest.approx(5.0, abs=0.1) and span.bar.width == pytest.approx(90.0, abs=0.1)
    assert [tick.label for tick in chart.ticks] == ["2010", "2012", "2014", "2016", "2018", "2020"]
    assert [tick.left for tick in chart.ticks] == pytest.approx([0, 20, 40, 60, 80, 100], abs=0.05)
    assert [tick.align for tick in chart.ticks] == ["start", "middle", "middle", "middle", "middle", "end"]
    assert rows["no-date"].bar is None and [r.relation.id for r in chart.undated] == ["no-date"]
    assert chart.legend == ["span", "point", "open-start", "open-end", "unknown-start", "vague"]
    assert chart.summary == ("6 relations; drawn from 2010 to 2019: 2 of support, 2 of opposition, 1 other; "
                             "1 undated.")


def test_the_axis_covers_the_bulk_and_early_starts_come_from_a_break() -> None:
    chart = relations_chart([relation("nato", "member-of", "1949/.."), relation("old", "backs", "1990/2020-03"),
                             *(relation(f"r{month}", "opposes", f"2020-{month:02d}") for month in range(1, 9))])
    assert chart is not None and chart.broken
    rows = rows_by_id(chart)
    assert rows["nato"].bar.features == ("span", "open-end", "from-break")
    assert (rows["nato"].bar.left, rows["nato"].bar.width) == (0.0, 100.0)
    assert rows["old"].bar.features == ("span", "from-break") and rows["old"].bar.width < 100
    assert chart.ticks[0].label == "2018"  # three years at least: 2018 to 2020
    assert all(rows[f"r{month}"].bar.left > 30 for month in range(1, 9))
    assert "from-break" in chart.legend
    assert "2 relations began earlier (from 1949), drawn from the break at the axis' start" in chart.summary
    # Spread evenly, nothing is an outlier: no break.
    even = relations_chart([relation(f"y{year}", "backs", str(year)) for year in range(1950, 2021, 10)])
    assert even is not None and not even.broken and even.ticks[0].label == "1950"


def test_kinds_are_grouped_in_a_fixed_order_and_rows_in_date_order() -> None:
    chart = relations_chart([
        relation("m", "member-of", "2001"), relation("late", "backs", "2020-02"), relation("f", "fights", "2005"),
        relation("early", "supports", "1999/.."), relation("odd", "partners-with", "2010"),
    ])
    assert chart is not None
    assert [(g.kind, [r.relation.id for r in g.rows]) for g in chart.groups] == [
        ("support", ["early", "odd", "late"]), ("opposition", ["f"]), ("other", ["m"])]
    assert chart.undated == [] and "undated" not in chart.summary
    assert relations_chart([]) is None


def test_a_limit_draws_the_most_recent_and_says_so() -> None:
    relations = [relation(f"r{year}", "backs", str(year)) for year in range(2001, 2011)] + [relation("u", "opposes")]
    chart = relations_chart(relations, limit=3)
    assert chart is not None
    assert [row.relation.id for row in chart.groups[0].rows] == ["r2008", "r2009", "r2010"]
    assert chart.total == 11 and "the 3 most recent are drawn" in chart.summary
    assert [tick.label for tick in chart.ticks] == ["2008", "2009", "2010", "2011"]  # fits what is drawn


def test_past_the_limit_each_kind_gets_pages_and_every_relation_one_place() -> None:
    relations = [relation(f"b{i}", "backs", f"{2000 + i}") for i in range(5)]
    relations += [relation(f"o{i}", "opposes", f"{2000 + i}") for i in range(2)] + [relation("ou", "opposes")]
    assert [p.src_uri for p in plan_relations(relations, limit=8)] == ["relations/index.md"]
    pages = plan_relations(relations, limit=2)
    index, *rest = pages
    assert [p.src_uri for p in rest] == ["relations/support-1.md", "relations/support-2.md",
                                         "relations/support-3.md", "relations/opposition-1.md",
                                         "relations/opposition-2.md"]
    assert index.relations == [] and [(title, [link.period for link in links]) for title, links in index.parts] == [
        ("Backs and supports", ["2000 to 2001", "2002 to 2003", "2004"]), ("Opposes", ["2000 to 2001", "undated"])]
    assert all(len(p.relations) <= 2 for p in rest)
    assert sorted(r.id for p in rest for r in p.relations) == sorted(r.id for r in relations)


# --- the seed site ------------------------------------------------------------------------------------


def article_html(path: Path) -> str:
    match = re.search(r"<article.*?</article>", path.read_text(encoding="utf-8"), re.S)
    assert match
    return match.group(0)


def row_links(site: Path, page: Path, sentence: str) -> list[Path]:
    """The actor pages linked from the row that reads ``sentence`` (links and markup ignored)."""
    for row in re.findall(r'<li class="tl-rel-row.*?</li>', article_html(page)):
        if re.sub(r"<[^>]+>", "", row).startswith(sentence):
            targets = [resolve(site, page, href) for href in re.findall(r'<a href="([^"]+)"', row)]
            return [target[0] for target in targets if target]
    raise AssertionError(f"no row reads {sentence!r}")


def test_seed_relations_page_links_both_actors_and_has_a_table(seed_site: Path) -> None:
    page = seed_site / "relations" / "index.html"
    actors = seed_site / "actors"
    assert row_links(seed_site, page, "United States backs Turkey Feb 2020") == [
        actors / "united-states" / "index.html", actors / "turkey" / "index.html"]
    assert row_links(seed_site, page, "Russia opposes Turkey Feb 2020") == [
        actors / "russia" / "index.html", actors / "turkey" / "index.html"]
    assert row_links(seed_site, page, "Turkey backs Syrian rebels since 2011")
    text = article_html(page)
    assert text.index(">Backs and supports<") < text.index(">Opposes<") < text.index(">Other relations<")
    # NATO's 1949 does not squeeze the 2020 relations against the right edge: the axis covers the bulk,
    # is broken at its start, and the seven earlier relations are drawn from the break.
    assert '<span class="tl-rel-track tl-rel-broken">' in text
    assert text.count('<span class="tl-rel-bar tl-rel-span tl-rel-open-end tl-rel-from-break" '
                      'style="left:0.0%;width:100.0%">') == 7
    points = [float(left) for left in re.findall(r'tl-rel-bar tl-rel-point" style="left:([\d.]+)%', text)]
    assert len(points) == 15 and all(50 < left < 85 for left in points)
    assert "7 relations began earlier (from 1949), drawn from the break" in text
    table = re.search(r"<table>.*?</table>", text, re.S)
    assert table and "<th scope=\"col\">From</th><th scope=\"col\">To</th>" in table.group(0)
    row = re.search(r'<tr id="r-turkey-backs-syrian-rebels">(.*?)</tr>', table.group(0))
    assert row and "<td>2011</td><td>open</td>" in row.group(1)
    assert "Feb 2020 (one date, not a span)" in table.group(0)
    assert table.group(0).count("<tr id=") == len(re.findall(r"^- id:", (ROOT / "content"
                                                                        / "relations" / "seed.yml").read_text(),
                                                            re.M))
    source = re.search(r'<a href="([^"]+)">', row.group(1).split("<td>")[-1])
    assert source
    target = resolve(seed_site, page, source.group(1))
    assert target and target[1] and target[1] in read_page(target[0]).ids  # the cited passage's anchor
    home = (seed_site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<a href="relations/"><strong>22</strong> relations</a>', home)


def test_actor_page_draws_its_own_relations(seed_site: Path) -> None:
    page = seed_site / "actors" / "turkey" / "index.html"
    assert row_links(seed_site, page, "United States backs Turkey Feb 2020")[0].parent.name == "united-states"
    text = article_html(page)
    assert "8 relations; drawn from 2011 to 2020" in text and "2 relations began earlier (from 1952)" in text
    assert "Russia opposes Syrian rebels" not in text  # not Turkey's
    assert 'href="../../relations/">the relations page</a>' in text


def test_relations_pages_are_valid_html(seed_site: Path) -> None:
    assert validate([seed_site / "relations" / "index.html", seed_site / "actors" / "turkey" / "index.html"]) == []


# --- a project past the page limit ---------------------------------------------------------------------

ARTICLE = """\
---
title: A report
publisher: outlet
published: 2020-02-12
---
The report.
"""


def big_project(make_project: Callable[[dict[str, str | bytes]], Path]) -> Path:
    actors = "".join(f"- {{id: actor-{i}, name: Actor {i}, kind: state}}\n" for i in range(30))
    actors += "- {id: outlet, name: Outlet, kind: media-outlet}\n"
    relations = "".join(
        f"- {{id: rel-{i}, subject: actor-{i % 30}, type: {'opposes' if i % 10 == 0 else 'backs'}, "
        f"object: actor-{(i * 7 + 1) % 30}, date: '{1990 + i % 30}/..', sources: [report]}}\n"
        for i in range(RELATIONS_PER_PAGE + 60) if i % 30 != (i * 7 + 1) % 30)
    return make_project({"content/actors/all.yml": actors, "content/articles/report.md": ARTICLE,
                         "content/relations/all.yml": relations, "content/site.yml": "title: Big\n"})


def test_a_big_project_pages_its_relations_and_links_them_all(
        make_project: Callable[[dict[str, str | bytes]], Path], tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = mkdocs_build(big_project(make_project), site)
    assert result.returncode == 0, result.stderr
    index = article_html(site / "relations" / "index.html")
    assert re.search(r'<li><a href="support-1/">1991 to 2015</a> <span class="tl-count">\(200 relations\)', index)
    assert 'href="support-2/"' in index and 'href="opposition-1/"' in index
    assert "tl-rel-row" not in index  # the index only lists the pages
    support = site / "relations" / "support-1" / "index.html"
    rows = article_html(support).count('<li class="tl-rel-row')
    assert rows == RELATIONS_PER_PAGE
    assert 'rel="next" href="../support-2/"' in article_html(support)
    assert broken_links(site) == []


def test_a_hub_lists_its_relations_on_pages_of_its_own_and_citations_land_there(
        make_project: Callable[[dict[str, str | bytes]], Path], tmp_path: Path) -> None:
    """Past LISTED_ON_PAGE relations an actor's page draws the recent ones and links to pages listing
    them all with their sources, and so does a place's; an article's cited passage links to the
    relation on those pages."""
    count = RELATIONS_PER_PAGE + 50
    assert count > LISTED_ON_PAGE
    actors = "- {id: hub, name: The Hub, kind: state}\n- {id: outlet, name: Outlet, kind: media-outlet}\n"
    actors += "".join(f"- {{id: side-{i}, name: Side {i}, kind: organisation}}\n" for i in range(count))
    body = "".join(f"The Hub backed side number {i} that year.\n\n" for i in range(count))
    relations = "".join(
        f"- {{id: hub-{i}, subject: hub, type: backs, object: side-{i}, date: '{1900 + i}', places: [hubtown], "
        f"sources: [{{article: report, text: The Hub backed side number {i} that year.}}]}}\n" for i in range(count))
    project = make_project({"content/actors/all.yml": actors, "content/relations/all.yml": relations,
                            "content/articles/report.md": ARTICLE.replace("The report.\n", body),
                            "content/places/hubtown.md": "---\nname: Hubtown\nkind: city\n---\n",
                            "content/site.yml": "title: Hub\n"})
    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    hub = article_html(site / "actors" / "hub" / "index.html")
    assert f"{count} relations; the 20 most recent are drawn" in hub
    assert 'class="tl-relations"' not in hub and hub.count('id="r-hub-') == 0  # not listed on the hub's page
    assert re.search(r'<a href="relations/">1900 to 2099</a> <span class="tl-count">\(200 relations\)', hub)
    assert re.search(r'<a href="relations-2/">2100 to 2149</a> <span class="tl-count">\(50 relations\)', hub)
    first = article_html(site / "actors" / "hub" / "relations" / "index.html")
    assert first.count('<tr id="r-hub-') == RELATIONS_PER_PAGE and 'rel="next" href="../relations-2/"' in first
    assert '<a href="../">The Hub</a> has 250 relations' in first
    side = article_html(site / "actors" / "side-7" / "index.html")
    assert 'id="r-hub-7"' in side  # a small actor still lists its one relation
    report = site / "sources" / "report" / "index.html"
    links = re.findall(r'<a class="tl-quote-link" href="([^"]+)"', report.read_text(encoding="utf-8"))
    assert len(links) == count
    assert links[7] == "../../actors/hub/relations/#r-hub-7" and links[230] == "../../actors/hub/relations-2/#r-hub-230"
    town = article_html(site / "places" / "hubtown" / "index.html")
    assert 'class="tl-relations"' not in town and f"All {count} relations of Hubtown" in town
    assert re.search(r'<a href="relations-2/">2100 to 2149</a>', town)
    town_relations = article_html(site / "places" / "hubtown" / "relations" / "index.html")
    assert town_relations.count('<tr id="r-hub-') == RELATIONS_PER_PAGE
    assert '<a href="../">Hubtown</a> has 250 relations' in town_relations
    assert broken_links(site) == []  # anchors included


# --- in Chromium --------------------------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize("width", [360, 640])  # 640: a 1280 px window at 200% zoom
def test_narrow_screens_stack_text_over_bar_without_page_scroll(browser: Any, seed_site: Path, width: int) -> None:
    with serve(seed_site) as url:
        page = browser.new_page(viewport={"width": width, "height": 800})
        page.goto(url + "relations/")
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        row = page.locator(".tl-rel-row").first
        text, track = row.locator(".tl-rel-text").bounding_box(), row.locator(".tl-rel-track").bounding_box()
        assert text and track and track["y"] >= text["y"] + text["height"] - 1  # the bar below its words
        assert track["width"] > width * 0.7
        page.close()


@pytest.mark.browser
def test_wide_screens_put_bars_beside_their_words_and_keys_reach_every_actor(browser: Any, seed_site: Path) -> None:
    with serve(seed_site) as url:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(url + "relations/")
        row = page.locator(".tl-rel-row").first
        text, track = row.locator(".tl-rel-text").bounding_box(), row.locator(".tl-rel-track").bounding_box()
        assert text and track and track["x"] > text["x"] + text["width"]
        first_link = row.locator("a").first
        first_link.focus()
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.textContent") == row.locator("a").nth(1).text_content()
        page.keyboard.press("Tab")  # the bar is not a stop: the next row's subject is
        assert page.evaluate("document.activeElement.closest('li').className") == "tl-rel-row tl-rel-support"
        hidden_focusable = page.evaluate("document.querySelectorAll('[aria-hidden=true] a, [aria-hidden=true] "
                                         "[tabindex]').length")
        assert hidden_focusable == 0
        page.close()


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_an_actor_page_with_relations_has_no_axe_violations(browser: Any, seed_site: Path, scheme: str) -> None:
    with serve(seed_site) as url:
        assert violations(browser, url + "actors/turkey/", scheme) == []
