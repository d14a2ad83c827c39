"""Hub actors: past the limit, the actor's items are spread over year pages without losing any."""

from __future__ import annotations

from builder.pipeline import build_site
from builder.render.actor_pages import split_by_year
from tests.conftest import ROOT


def test_split_by_year_keeps_every_item_once() -> None:
    site = build_site(ROOT / "content", ROOT).site
    turkey = site.actors["turkey"]
    assert split_by_year(site, turkey) is None  # the seed is small
    years = split_by_year(site, turkey, limit=3)
    assert years is not None
    assert [y.year for y in years] == sorted(y.year for y in years)
    assert sum(y.total("roles") for y in years) == len(site.actor_roles["turkey"])
    assert sum(y.total("mentions") for y in years) == len(site.mentions[("actor", "turkey")])
    assert all(y.src_uri == f"actors/turkey/{y.year}.md" for y in years)
    year_2020 = next(y for y in years if y.year == "2020")
    # 2020 is past the limit by itself, so its items dated to a month move to month pages
    assert [m.src_uri for m in year_2020.months] == ["actors/turkey/2020-02.md"]
    february = year_2020.months[0]
    assert february.year == "February 2020" and february.roles
    assert all(r.event.date.value and r.event.date.value.group() == (2020, 2) for r in february.roles)
    assert february.co_actors and february.co_actors[0][1] >= february.co_actors[-1][1]
