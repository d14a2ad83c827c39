"""The open data under data/ of a real build, each file checked by a library made for its format."""

from __future__ import annotations

import csv
import datetime
import io
import json
import shutil
import sys
from pathlib import Path
from typing import Any

import feedparser
import geojson
import icalendar
import jsonschema
import pytest
from frictionless import validate

from builder.model.event import Media
from builder.pipeline import build_site
from builder.render.opendata.acled import COLUMNS
from tests.conftest import ROOT, mkdocs_build, run, run_cli

CONTENT = ROOT / "content"
EVENTS = len(list((CONTENT / "events").glob("*.md")))


def data(site: Path, name: str) -> bytes:
    return (site / "data" / name).read_bytes()


@pytest.fixture(scope="module")
def timeline(seed_site: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(data(seed_site, "timeline.json"))
    return loaded


def test_timeline_json_follows_its_schema_which_is_valid_2020_12(seed_site: Path, timeline: dict[str, Any]) -> None:
    schema = json.loads(data(seed_site, "timeline.schema.json"))
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    assert [error.message for error in validator.iter_errors(timeline)] == []
    broken = {**timeline, "events": [{**timeline["events"][0], "date": {"edtf": "2020"}}]}
    assert not validator.is_valid(broken)  # the schema does constrain


def test_timeline_json_holds_everything_with_honest_dates(seed_site: Path, timeline: dict[str, Any]) -> None:
    assert len(timeline["events"]) == EVENTS
    assert len(timeline["actors"]) == len(list((CONTENT / "actors").glob("*.md")))
    assert len(timeline["places"]) == len(list((CONTENT / "places").glob("*.md")))
    assert [e["position"] for e in timeline["events"]] == list(range(EVENTS))
    events = {e["id"]: e for e in timeline["events"]}
    clash = events["qamishli-checkpoint-clash"]
    assert clash["url"] == "events/qamishli-checkpoint-clash/"
    assert clash["date"] == {"edtf": "2020-02-12", "display": "12 Feb 2020", "text": "on Wednesday",
                             "note": clash["date"]["note"], "start": "2020-02-12", "end": "2020-02-12",
                             "precision": "day", "approximate": False, "uncertain": False}
    assert {"id": "pro-government-forces", "role": "attacker"} in clash["actors"]
    assert events["end-of-february-deadline"]["date"]["start"] is None  # "../2020-02-29": open start
    assert events["syrian-civil-war"]["date"]["end"] is None
    assert timeline["licence"] is None and timeline["site_url"] is None
    # every page URL is a page of the site; every quote's URL an anchor on its article's page
    for kind in ("events", "actors", "places", "sources"):
        for record in timeline[kind]:
            assert (seed_site / record["url"] / "index.html").is_file(), record["url"]
    quotes = timeline["quotes"]
    assert len(quotes) == sum(len(e["quotes"]) for e in timeline["events"]) > 0
    for quote in quotes:
        page, anchor = quote["url"].split("#")
        assert f'id="{anchor}"' in (seed_site / page / "index.html").read_text(encoding="utf-8")
    khirbet = next(p for p in timeline["places"] if p["id"] == "khirbet-ammu")
    assert khirbet["within"] and khirbet["coordinates"]["precision"]


def test_data_package_is_valid_with_a_table_per_kind(seed_site: Path, timeline: dict[str, Any]) -> None:
    package = json.loads(data(seed_site, "datapackage.json"))
    assert package["$schema"] == "https://datapackage.org/profiles/2.0/datapackage.json"
    report = validate(str(seed_site / "data" / "datapackage.json"))
    assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "note"])
    rows = {task.name: task.stats["rows"] for task in report.tasks}
    assert rows == {
        "events": EVENTS, "actors": len(timeline["actors"]), "places": len(timeline["places"]),
        "relations": len(timeline["relations"]), "quotes": len(timeline["quotes"]),
        "sources": len(timeline["sources"]),
        "event_actors": len({(e["id"], a["id"], a["role"]) for e in timeline["events"] for a in e["actors"]}),
        "event_places": len({(e["id"], p) for e in timeline["events"] for p in e["places"]}),
    }


def test_data_package_foreign_keys_are_checked(seed_site: Path, tmp_path: Path) -> None:
    """A dangling reference fails validation: the keys the package declares are real constraints."""
    for file in (seed_site / "data").iterdir():
        (tmp_path / file.name).write_bytes(file.read_bytes())
    joins = (tmp_path / "event_places.csv").read_text(encoding="utf-8")
    (tmp_path / "event_places.csv").write_text(joins + "qamishli-checkpoint-clash,atlantis\n", encoding="utf-8")
    assert not validate(str(tmp_path / "datapackage.json")).valid


def test_icalendar_has_one_all_day_event_per_dated_event(seed_site: Path, timeline: dict[str, Any]) -> None:
    calendar = icalendar.Calendar.from_ical(data(seed_site, "events.ics"))
    entries = calendar.walk("VEVENT")
    assert len(entries) == EVENTS
    assert len({str(e["UID"]) for e in entries}) == EVENTS
    by_edtf = {e["id"]: e["date"]["edtf"] for e in timeline["events"]}
    for entry in entries:
        start, end = entry.decoded("DTSTART"), entry.decoded("DTEND")
        assert type(start) is datetime.date and type(end) is datetime.date  # all-day, not datetimes
        assert end > start  # DTEND is the day after the last
        assert entry["DTSTART"].params.get("VALUE") in (None, "DATE")
        event_id = str(entry["UID"]).split("@")[0]
        assert str(entry["X-EDTF"]) == by_edtf[event_id]
        assert str(entry["URL"]) == f"events/{event_id}/"
    month = next(e for e in entries if str(e["X-EDTF"]) == "2018-09")
    assert (month.decoded("DTSTART"), month.decoded("DTEND")) == (datetime.date(2018, 9, 1), datetime.date(2018, 10, 1))
    assert "known to the month" in str(month["DESCRIPTION"])
    since = next(e for e in entries if str(e["X-EDTF"]) == "2011/..")  # open end: its known start
    assert (since.decoded("DTSTART"), since.decoded("DTEND")) == (datetime.date(2011, 1, 1), datetime.date(2012, 1, 1))
    assert "open-ended" in str(since["DESCRIPTION"])
    assert b"DTSTART;VALUE=DATE:" in data(seed_site, "events.ics")


def test_atom_and_json_feeds(seed_site: Path, timeline: dict[str, Any]) -> None:
    atom = feedparser.parse(data(seed_site, "feed.xml"))
    assert not atom.bozo, atom.get("bozo_exception")
    assert atom.version == "atom10"
    assert len(atom.entries) == min(50, EVENTS)
    latest = timeline["events"][-1]
    assert atom.entries[0].title == latest["title"] and atom.entries[0].updated
    extension = atom.entries[0]["tl_date"]  # the extension element's attributes, as feedparser reads them
    assert extension["edtf"] == latest["date"]["edtf"] and extension["end"] == latest["date"]["end"]
    assert f'precision="{latest["date"]["precision"]}">{latest["date"]["display"]}</tl:date>'.encode() in data(
        seed_site, "feed.xml")

    feed = json.loads(data(seed_site, "feed.json"))
    assert feed["version"] == "https://jsonfeed.org/version/1.1" and feed["title"] and "author" not in feed
    assert len(feed["items"]) == len(atom.entries)
    for item in feed["items"]:
        assert isinstance(item["id"], str) and item["id"]
        assert "content_text" in item or "content_html" in item
        datetime.datetime.fromisoformat(item["date_published"])  # RFC 3339
        assert all(key.startswith("_") or key in {"id", "url", "title", "content_text", "content_html",
                                                  "date_published", "tags"} for key in item)
    assert feed["items"][0]["_timeline"]["edtf"] == latest["date"]["edtf"]


def test_geojson_is_valid_and_carries_linked_places_time(seed_site: Path) -> None:
    events = geojson.loads(data(seed_site, "events.geojson").decode())
    places = geojson.loads(data(seed_site, "places.geojson").decode())
    assert events.is_valid and places.is_valid, (events.errors(), places.errors())
    assert len(events["features"]) == EVENTS
    by_id = {feature["id"]: feature for feature in events["features"]}
    assert by_id["qamishli-checkpoint-clash"]["when"]["timespans"] == [{"start": {"in": "2020-02-12"}}]
    month = by_id["sochi-agreement-2018"]["when"]["timespans"][0]
    assert month == {"start": {"earliest": "2018-09-01", "latest": "2018-09-30"},
                     "end": {"earliest": "2018-09-01", "latest": "2018-09-30"}}
    assert by_id["qamishli-checkpoint-clash"]["geometry"]["type"] == "Point"
    assert by_id["qamishli-checkpoint-clash"]["properties"]["place_precision"]
    assert {f["id"] for f in places["features"]} == {p.stem for p in (CONTENT / "places").glob("*.md")}


def test_acled_csv_has_the_31_columns_and_only_events_that_fit(seed_site: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(data(seed_site, "acled.csv").decode())))
    header = data(seed_site, "acled.csv").decode().splitlines()[0].split(",")
    assert header == list(COLUMNS) and len(header) == 31
    assert 0 < len(rows) < EVENTS  # "since 2011" has no ACLED precision
    by_id = {row["event_id_cnty"]: row for row in rows}
    clash = by_id["qamishli-checkpoint-clash"]
    assert (clash["event_date"], clash["time_precision"], clash["year"]) == ("2020-02-12", "1", "2020")
    assert (clash["actor1"], clash["assoc_actor_1"], clash["actor2"]) == ("Pro-government forces", "",
                                                                          "US forces in Syria")
    assert clash["admin1"] == "north-east Syria" and clash["country"] == "Syria" and clash["location"] == "Khirbet Ammu"
    assert clash["source"] == "The Guardian" and clash["fatalities"] == ""
    assert by_id["sochi-agreement-2018"]["time_precision"] == "3"
    assert "syrian-civil-war" not in by_id
    assert all(row["geo_precision"] in {"1", "2", "3"} for row in rows)


def test_data_page_in_the_nav_and_event_pages_link_their_record(seed_site: Path) -> None:
    home = (seed_site / "index.html").read_text(encoding="utf-8")
    assert 'href="data/"' in home
    page = (seed_site / "data" / "index.html").read_text(encoding="utf-8")
    for name in ("timeline.json", "datapackage.json", "events.ics", "feed.xml", "timelinejs.json", "acled.csv"):
        assert f'href="{name}"' in page and (seed_site / "data" / name).is_file()
    assert "No licence is declared" in page and "How to cite" in page
    event = (seed_site / "events" / "qamishli-checkpoint-clash" / "index.html").read_text(encoding="utf-8")
    assert '<a href="../../data/timeline.json">timeline.json</a>' in event
    assert "<code>qamishli-checkpoint-clash</code>" in event


def test_rebuild_and_export_data_are_byte_identical(seed_site: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    assert mkdocs_build(ROOT, again).returncode == 0
    names = sorted(path.name for path in (seed_site / "data").iterdir())
    assert names == sorted(path.name for path in (again / "data").iterdir())
    for name in names:
        assert data(seed_site, name) == data(again, name), name
    out = tmp_path / "exported"
    result = run_cli(ROOT, "export-data", str(out))
    assert result.returncode == 0, result.stderr
    for name in names:
        if name != "index.html":
            assert (out / name).read_bytes() == data(seed_site, name), name
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "keep.txt").write_text("mine", encoding="utf-8")
    refused = run_cli(ROOT, "export-data", str(tmp_path / "busy"))
    assert refused.returncode == 2 and "not replaced" in refused.stderr
    assert (tmp_path / "busy" / "keep.txt").read_text(encoding="utf-8") == "mine"
    bad_address = run_cli(ROOT, "export-data", str(tmp_path / "new"), "--site-url", "javascript:alert(1)")
    assert bad_address.returncode == 2 and "http(s) address" in bad_address.stderr
    assert not (tmp_path / "new").exists()


def test_site_url_makes_urls_absolute_and_licence_is_stated(make_project: Any, tmp_path: Path) -> None:
    project = make_project({
        "content/site.yml": "title: Small\nlicence: CC-BY-4.0\n",
        "content/articles/a.md": "---\ntitle: A report\npublished: 2021-03-04\n---\nThe port closed.\n",
        "content/events/closure.md": "---\ntitle: Port closes\ndate: 2021-03~\nsources: [a]\n---\n",
    })
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text("site_url: https://example.org/tl/\n" + config, encoding="utf-8")
    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    timeline = json.loads(data(site, "timeline.json"))
    assert timeline["events"][0]["url"] == "https://example.org/tl/events/closure/"
    assert timeline["licence"] == "CC-BY-4.0"
    assert json.loads(data(site, "datapackage.json"))["licenses"] == [{"name": "CC-BY-4.0"}]
    assert "<strong>CC-BY-4.0</strong>" in (site / "data" / "index.html").read_text(encoding="utf-8")
    entry = icalendar.Calendar.from_ical(data(site, "events.ics")).walk("VEVENT")[0]
    assert str(entry["UID"]) == "closure@example.org" and str(entry["STATUS"]) == "TENTATIVE"
    assert str(entry["URL"]) == "https://example.org/tl/events/closure/"
    atom = feedparser.parse(data(site, "feed.xml"))
    assert atom.entries[0].id == "https://example.org/tl/events/closure/"
    assert atom.entries[0].link == "https://example.org/tl/events/closure/"


def test_fatalities_media_and_citation_only_sources_travel_in_the_data(make_project: Any, tmp_path: Path) -> None:
    project = make_project({
        "content/site.yml": "title: Small\n",
        "content/articles/a.md": "---\ntitle: A report\npublished: 2021-03-04\n---\nThe town was shelled.\n",
        "content/articles/paywalled.md": "---\ntitle: Behind a paywall\npublished: 2021-03-05\n---\n",
        "content/places/country.md": "---\nname: Country\nkind: country\n---\n",
        "content/places/town.md": "---\nname: Town\nkind: city\nwithin: country\n"
                                  "coordinates: {lat: 36.2, lon: 37.16, precision: settlement}\n---\n",
        "content/events/shelling.md": "---\ntitle: Town shelled\ndate: 2021-03-04\nplaces: [town]\n"
                                      "sources: [a, paywalled]\nfatalities: 3\nmedia:\n"
                                      "  url: https://example.org/smoke.jpg\n  caption: Smoke <over> the town\n"
                                      "  credit: AP & Co\n  alt: Smoke\n---\n",
    })
    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    timeline = json.loads(data(site, "timeline.json"))
    validator = jsonschema.Draft202012Validator(json.loads(data(site, "timeline.schema.json")))
    assert [error.message for error in validator.iter_errors(timeline)] == []
    event = timeline["events"][0]
    assert event["fatalities"] == 3
    assert event["media"] == {"url": "https://example.org/smoke.jpg", "caption": "Smoke <over> the town",
                              "credit": "AP & Co", "alt": "Smoke"}
    assert {s["id"]: s["citation_only"] for s in timeline["sources"]} == {"a": False, "paywalled": True}
    assert not validator.is_valid({**timeline, "events": [{**event, "fatalities": -1}]})
    acled = list(csv.DictReader(io.StringIO(data(site, "acled.csv").decode("utf-8"))))
    assert [row["fatalities"] for row in acled] == ["3"]
    slide = json.loads(data(site, "timelinejs.json"))["events"][0]
    assert slide["media"] == {"url": "https://example.org/smoke.jpg", "caption": "Smoke &lt;over&gt; the town",
                              "credit": "AP &amp; Co", "alt": "Smoke"}
    page = (site / "events" / "shelling" / "index.html").read_text(encoding="utf-8")
    assert '<dd class="tl-fatalities">3 <span class="tl-note">as reported</span></dd>' in page
    assert '<img src="https://example.org/smoke.jpg" alt="Smoke" loading="lazy">' in page
    assert 'Smoke &#60;over&#62; the town <span class="tl-credit">AP &#38; Co</span></figcaption>' in page
    sources = (site / "sources" / "index.html").read_text(encoding="utf-8")
    assert "except 1 citation-only source: kept as references, without their text." in sources
    # and back: import-data reads them from timeline.json into a blank project
    shutil.rmtree(project / "content")
    blank = make_project({"content/site.yml": ""})
    for folder in ("actors", "articles", "events", "places", "relations"):
        (blank / "content" / folder).mkdir()
    (blank / "timeline.json").write_bytes(data(site, "timeline.json"))
    imported = run_cli(blank, "import-data", "timeline.json")
    assert imported.returncode == 0, imported.stderr
    assert run_cli(blank, "check").returncode == 0
    back = build_site(blank / "content", validate_only=True).site.events["shelling"]
    assert back.fatalities == 3 and back.media == Media("https://example.org/smoke.jpg", "Smoke <over> the town",
                                                       "AP & Co", "Smoke")


def test_quote_kind_and_claim_status_travel_in_the_data(seed_site: Path, timeline: dict[str, Any]) -> None:
    """Reported speech stays reported in every export, so no reuse turns the reporter's words into a quotation."""
    by_text = {quote["text"]: quote for quote in timeline["quotes"]}
    reported = by_text["threatened to hit Syrian targets “anywhere” if Turkish troops are harmed again"]
    assert reported["kind"] == "reported"
    assert {quote["kind"] for quote in timeline["quotes"]} == {"direct", "reported"}
    assert all(quote["status"] in (None, "confirmed", "disputed", "denied", "retracted", "unverified")
               for quote in timeline["quotes"])
    rows = list(csv.DictReader(io.StringIO(data(seed_site, "quotes.csv").decode("utf-8"))))
    kinds = {row["id"]: row["kind"] for row in rows}
    assert kinds == {quote["id"]: quote["kind"] for quote in timeline["quotes"]}


def test_csv_cells_cannot_run_as_spreadsheet_formulas(make_project: Any, tmp_path: Path) -> None:
    """Content is data: a title or name written like a formula stays text when the CSV is opened."""
    project = make_project({
        "content/actors/x.md": "---\nname: '@SUM(1+1)'\nkind: organisation\n---\n",
        "content/places/p.md": "---\nname: '-2+3'\ncoordinates: {lat: -33.9, lon: -70.6, precision: settlement}\n---\n",
        "content/articles/a.md": "---\ntitle: '=HYPERLINK(\"https://example.org\")'\npublished: 2021-03-04\n---\n"
                                 "The port closed.\n",
        "content/events/e.md": "---\ntitle: '+cmd|calc'\ndate: 2021-03-04\nsources: [a]\nplaces: [p]\n"
                               "actors: [{actor: x, role: attacker}]\n---\n",
    })
    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    cells = [cell for name in ("events.csv", "actors.csv", "places.csv", "sources.csv", "acled.csv")
             for row in csv.reader(io.StringIO(data(site, name).decode("utf-8"))) for cell in row]
    assert "'+cmd|calc" in cells and "'@SUM(1+1)" in cells and "'-2+3" in cells
    assert "'=HYPERLINK(\"https://example.org\")" in cells
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "@")]
    assert "-33.9" in cells or "-33.9000" in cells  # a negative number stays a number
    assert validate(site / "data" / "datapackage.json").valid
    # the JSON keeps the text exactly as written
    assert json.loads(data(site, "timeline.json"))["events"][0]["title"] == "+cmd|calc"


def test_a_hand_written_file_in_the_way_of_the_data_is_replaced_with_a_warning(make_project: Any,
                                                                               tmp_path: Path) -> None:
    project = make_project({
        "content/articles/a.md": "---\ntitle: A report\npublished: 2021-03-04\n---\nThe port closed.\n",
        "content/events/e.md": "---\ntitle: Port closes\ndate: 2021-03-04\nsources: [a]\n---\n",
        "content/pages/data/timeline.json": '{"not": "ours"}',
        "content/pages/data/notes.txt": "kept",
    })
    site = tmp_path / "site"
    strict = mkdocs_build(project, site)  # a warning, so --strict stops
    assert strict.returncode == 1 and not site.exists()
    assert "data/timeline.json is replaced by the open-data file of the same name" in strict.stderr
    result = run([sys.executable, "-m", "mkdocs", "build", "-d", str(site)], project)
    assert result.returncode == 0, result.stderr
    assert json.loads(data(site, "timeline.json"))["events"][0]["title"] == "Port closes"
    assert (site / "data" / "notes.txt").read_text(encoding="utf-8") == "kept"
