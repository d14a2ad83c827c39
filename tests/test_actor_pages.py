"""Hub actors: past the limit, the actor's items are spread over year pages without losing any."""

from __future__ import annotations

from builder.actor_pages import split_by_year
from builder.pipeline import build_site
from tests.conftest import ROOT


def test_split_by_year_keeps_every_item_once() -> None:
    site = build_site(ROOT / "content", ROOT).site
    turkey = site.actors["turkey"]
    assert split_by_year(site, turkey) is None  # the seed is small
    years = split_by_year(site, turkey, limit=3)
    assert years is not None
    assert [y.year for y in years] == sorted(y.year for y in years)
    assert sum(len(y.roles) for y in years) == len(site.actor_roles["turkey"])
    assert sum(len(y.mentions) for y in years) == len(site.mentions[("actor", "turkey")])
    assert all(y.src_uri == f"actors/turkey/{y.year}.md" for y in years)
    year_2020 = next(y for y in years if y.year == "2020")
    assert all(r.event.date.value and r.event.date.value.group()[0] == 2020 for r in year_2020.roles)
    assert year_2020.co_actors and year_2020.co_actors[0][1] >= year_2020.co_actors[-1][1]
