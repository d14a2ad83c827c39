"""Round trips: the seed's own exports (``export-data``: data/timeline.json, data/timelinejs.json and
data/acled.csv) import back into a blank project with the same events, pass `check` and build."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from builder.model.event import Event
from builder.model.site import Site
from builder.pipeline import build_site
from tests.conftest import ROOT, mkdocs_build, run_cli

MakeProject = Callable[[dict[str, str | bytes]], Path]


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed's open data, as export-data writes it."""
    out = tmp_path_factory.mktemp("export") / "data"
    result = run_cli(ROOT, "export-data", str(out))
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def seed() -> Site:
    return build_site(ROOT / "content", validate_only=True).site


def imported(make_project: MakeProject, tmp_path: Path, file: Path) -> tuple[Site, str]:
    """``file`` imported into a blank project, which then passes `check` and builds with --strict."""
    project = make_project({"content/site.yml": ""})
    for folder in ("actors", "articles", "events", "places", "relations"):
        (project / "content" / folder).mkdir()
    shutil.copy(file, project / file.name)
    result = run_cli(project, "import-data", file.name)
    assert result.returncode == 0, result.stderr
    check = run_cli(project, "check")
    assert check.returncode == 0 and "warning" not in check.stderr, check.stderr
    build = mkdocs_build(project, tmp_path / "site")
    assert build.returncode == 0, build.stderr
    return build_site(project / "content", validate_only=True).site, result.stderr


def _event(event: Event) -> dict[str, Any]:
    assert event.date.value is not None
    return {"title": event.title, "edtf": event.date.value.edtf, "text": event.date.text, "note": event.date.note,
            "type": event.type, "tags": event.tags, "places": [ref.id for ref in event.places],
            "actors": [(p.actor.id, p.role) for p in event.actors],
            "part_of": event.part_of.id if event.part_of else None, "related": [ref.id for ref in event.related],
            "commentary": str(event.commentary), "cites": event.source_ids}


def _edtf(event: Event) -> str:
    return event.date.value.edtf if event.date.value else ""


def test_timeline_json(make_project: MakeProject, tmp_path: Path, exported: Path, seed: Site) -> None:
    site, report = imported(make_project, tmp_path, exported / "timeline.json")
    assert {id_: _event(e) for id_, e in site.events.items()} == {id_: _event(e) for id_, e in seed.events.items()}
    assert f"timeline.json: {sum(len(e.quotes) for e in seed.events.values())} quotes not imported" in report
    assert {id_: (a.name, a.kind, a.aliases, a.title, [(f.actor.id, f.role) for f in a.affiliations])
            for id_, a in site.actors.items()} == \
           {id_: (a.name, a.kind, a.aliases, a.title, [(f.actor.id, f.role) for f in a.affiliations])
            for id_, a in seed.actors.items()}
    assert {id_: (p.name, p.within and p.within.id, p.coordinates) for id_, p in site.places.items()} == \
           {id_: (p.name, p.within and p.within.id, p.coordinates) for id_, p in seed.places.items()}
    assert {(r.subject.id, r.type, r.object.id) for r in site.relations.values()} == \
           {(r.subject.id, r.type, r.object.id) for r in seed.relations.values()}
    assert all(article.citation_only for article in site.articles.values())
    assert {id_: (a.title, a.url, a.published) for id_, a in site.articles.items()} == \
           {id_: (a.title, a.url, a.published) for id_, a in seed.articles.items()}
    assert site.info.title == seed.info.title


def test_timelinejs_json(make_project: MakeProject, tmp_path: Path, exported: Path, seed: Site) -> None:
    site, _ = imported(make_project, tmp_path, exported / "timelinejs.json")
    assert sorted(site.events) == sorted(e.id for e in seed.events.values() if e.date.value)
    for id_, event in site.events.items():
        before = seed.events[id_]
        assert (event.title, event.type) == (before.title, before.type)
        assert event.date.text == before.date.display  # TimelineJS's display_date is our display form
        value, was = event.date.value, before.date.value
        assert value is not None and was is not None
        # the same days, open ends and qualifiers (read back from the display date)
        assert (value.lower, value.upper, value.approximate, value.uncertain) == \
               (was.lower, was.upper, was.approximate, was.uncertain), id_
    changed = [id_ for id_, e in site.events.items() if _edtf(e) != _edtf(seed.events[id_])]
    assert len(changed) <= 1, changed  # a month-to-day range is exported to the day (TimelineJS drops it otherwise)
    assert site.info.title == seed.info.title


def test_acled_csv(make_project: MakeProject, tmp_path: Path, exported: Path, seed: Site) -> None:
    rows = (exported / "acled.csv").read_text(encoding="utf-8-sig").splitlines()[1:]
    site, _ = imported(make_project, tmp_path, exported / "acled.csv")
    assert len(site.events) == len([row for row in rows if row.strip()])
    assert set(site.events) <= set(seed.events)
    for id_, event in site.events.items():
        now, before = event.date.value, seed.events[id_].date.value
        assert now is not None and now.lower is not None and now.upper is not None and before is not None
        # ACLED's day, week or month meets the event's days
        assert (before.lower or now.lower) <= now.upper and now.lower <= (before.upper or now.lower), id_
