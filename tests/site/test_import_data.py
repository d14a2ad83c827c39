"""import-data into a blank project: each sample (tests/fixtures/datasets/) imports, passes `check`, builds
with --strict, and its pages show what the dataset said; bad rows are reported all at once as path:row."""

from __future__ import annotations

import html
import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT, mkdocs_build, run_cli, write_tree

MakeProject = Callable[[dict[str, str | bytes]], Path]
DATASETS = ROOT / "tests" / "fixtures" / "datasets"
KIND_FOLDERS = ("actors", "articles", "events", "places", "relations")


@pytest.fixture
def blank(make_project: MakeProject) -> Path:
    """A blank project, as `init` makes one: mkdocs.yml with the plugin, an empty site.yml, empty folders."""
    project = make_project({"content/site.yml": ""})
    for folder in KIND_FOLDERS:
        (project / "content" / folder).mkdir()
    return project


def import_data(project: Path, *names: str, extra: tuple[str, ...] = ()) -> tuple[int, str, str]:
    for name in names:
        shutil.copy(DATASETS / name, project / name)
    result = run_cli(project, "import-data", *names, *extra)
    assert "Traceback" not in result.stderr
    return result.returncode, result.stdout, result.stderr


def content_files(project: Path) -> dict[str, bytes]:
    return {path.relative_to(project).as_posix(): path.read_bytes()
            for path in sorted((project / "content").rglob("*")) if path.is_file()}


def checked_and_built(project: Path, tmp_path: Path) -> Path:
    check = run_cli(project, "check")
    assert check.returncode == 0, check.stderr
    assert "warning" not in check.stderr
    site = tmp_path / "site"
    build = mkdocs_build(project, site)
    assert build.returncode == 0, build.stderr
    return site


def article(site: Path, page: str) -> str:
    text = (site / page / "index.html").read_text(encoding="utf-8")
    match = re.search(r"<article.*?</article>", text, re.S)
    assert match, page
    return re.sub(r"\s+", " ", match.group(0))


def facts(page: str) -> dict[str, str]:
    """The fact list of an entity page: <dt> label → the text of its <dd>."""
    def text(markup: str) -> str:
        return html.unescape(re.sub(r"<[^>]+>", "", markup)).strip()
    # A label carries a visually hidden ": " so that search snippets keep labels apart from values.
    return {text(label).removesuffix(":"): text(value)
            for label, value in re.findall(r"<dt[^>]*>(.*?)</dt><dd[^>]*>(.*?)</dd>", page)}


def test_sheet_csv(blank: Path, tmp_path: Path) -> None:
    code, out, err = import_data(blank, "timelinejs-sheet.csv")
    assert code == 0, err
    assert "imported 5 events from 1 file" in out
    assert yaml.safe_load((blank / "content/site.yml").read_text())["title"] == "Port strike 2024"
    site = checked_and_built(blank, tmp_path)
    assert "Port strike 2024" in (site / "index.html").read_text(encoding="utf-8")

    page = article(site, "events/2024-03-05-dockers-walk-out")
    shown = facts(page)
    assert shown["As written"] == "“c. 5 March 2024, dawn”"
    assert shown["How it was dated"] == ("Read as 2024-03-05~ from the display date; the timeline's own dates give "
                                         "2024-03-05. The timeline gives a time of day: starts at 06:00.")
    assert (shown["Date"], shown["EDTF"]) == ("c. 5 March 2024", "2024-03-05~")
    assert shown["Type"] == "dockers union"
    assert shown["Part of"] == "The strike"
    assert '<img src="https://example.org/photo.jpg" alt="Workers at the gate" loading="lazy">' in page
    assert '<figcaption>Gate 4, at dawn <span class="tl-credit">Reuters</span></figcaption>' in page
    assert "<p>Union says 2,000 joined, at Gate 4.</p>" in page
    assert "alert(1)" not in page and "<script" not in page

    year_alone = facts(article(site, "events/2024-a-year-of-disruption"))
    assert (year_alone["Date"], year_alone["EDTF"]) == ("2024", "2024")
    blockade = article(site, "events/2024-03-10-blockade-of-the-harbour")
    assert '<code class="tl-edtf">2024-03-10/2024-03-14</code>' in blockade
    assert '<a class="tl-media-link" href="https://example.org/clip">https://example.org/clip</a>' in blockade
    assert article(site, "events/2024-03-talks-again").count("<h1>Talks, again</h1>") == 1  # quoted comma
    era = article(site, "events/2024-03-01-the-strike")
    assert "2024-03-01/2024-05-31" in era and "Blockade of the harbour" in era  # its events listed on it

    source = article(site, "sources/timelinejs-sheet-timeline")
    assert 'class="tl-citation-only"' in source and 'id="text"' not in source


def test_sheet_with_start_date_columns(blank: Path, tmp_path: Path) -> None:
    code, _, err = import_data(blank, "timelinejs-start-date.csv")
    assert code == 0, err
    events = {e["id"]: e for e in yaml.safe_load((blank / "content/events/timelinejs-start-date.yml").read_text())}
    assert {id_: (e["date"], e.get("type")) for id_, e in events.items()} == {
        "2011-protests-begin": ("2011", "protest"),
        "2011-03-15-first-week": ("2011-03-15/2011-03-18", "protest"),
        "2011-04-april": ("2011-04", None),
    }
    site = checked_and_built(blank, tmp_path)
    # plain text stays text: Markdown would have read the star as emphasis had it come in pairs
    assert "<p>Plain text with a * star</p>" in html.unescape(article(site, "events/2011-protests-begin"))


def test_timelinejs_json(blank: Path, tmp_path: Path) -> None:
    code, _, err = import_data(blank, "timelinejs.json")
    assert code == 0, err
    site = checked_and_built(blank, tmp_path)
    first = article(site, "events/ev-0001")
    assert facts(first)["As written"] == "“c. 5 March 2024”"
    assert facts(first)["Part of"] == "Strike"
    assert '<figcaption>Gate 4 <span class="tl-credit">Reuters</span></figcaption>' in first
    talks = article(site, "events/ev-0002")
    assert "<h1>Talks drag on</h1>" in talks and "2024-04/2024-05" in talks
    assert '<code class="tl-edtf">2023</code>' in \
        article(site, "events/2023-contract-expires")


def test_acled_csv(blank: Path, tmp_path: Path) -> None:
    assert (DATASETS / "acled.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    code, out, err = import_data(blank, "acled.csv")
    assert code == 0, err
    assert "imported 4 events from 1 file" in out
    site = checked_and_built(blank, tmp_path)

    day = article(site, "events/eth9766")
    assert facts(day)["Fatalities"] == "0 as reported"
    assert facts(day)["Tags"] == "abduction-forced-disappearance political-violence civilians-targeted"
    assert "On 16 February 2023, OLF-Shane abducted 3 civilians, including a teacher, in Abomsa." in day
    week = facts(article(site, "events/eth9801"))
    assert week["Date"].startswith("17–23 Feb 2023")
    assert week["Fatalities"] == "10 as reported"
    assert week["Where"] == "Near Abomsa, Merti, Arsi, Oromia, Ethiopia"
    month = article(site, "events/ken1234")
    assert (facts(month)["Date"], facts(month)["EDTF"]) == ("March 2023", "2023-03")
    assert "March 2023 &lt;unspecified day&gt;." in month  # notes are text, not markup
    assert "Fatalities" not in facts(month)  # an empty cell says nothing (ACLED itself always fills it)
    assert facts(month)["Tags"] == "peaceful-protest demonstrations crowd-size-no-report"  # ACLED's tags too

    place = facts(article(site, "places/abomsa"))
    assert place["In"] == "Merti, Arsi, Oromia, Ethiopia"
    assert place["Coordinates"] == "8.5907, 39.8588 (precision: settlement)"
    assert facts(article(site, "places/abomsa-amhara"))["In"] == "Amhara, Ethiopia"  # same name, elsewhere
    assert "(precision: region)" in facts(article(site, "places/nairobi-westlands"))["Coordinates"]

    actors = {a["id"]: a["kind"] for a in yaml.safe_load((blank / "content/actors/acled.yml").read_text())}
    assert actors["military-forces-of-ethiopia-2018"] == "armed-force"
    assert actors["civilians-ethiopia"] == "group"
    assert actors["protesters-kenya"] == "group"
    assert actors["unidentified-armed-group-ethiopia"] == "armed-group"
    assert actors["addis-standard"] == "media-outlet"
    who = article(site, "events/eth9801")
    assert re.search(r"Oromia Special Forces</a> <span class=\"tl-role\">associate of initiator</span>", who)

    source = article(site, "sources/bbc-news-2023-02-17")
    assert facts(source)["Published"] == "since 17 Feb 2023"
    assert 'class="tl-citation-only"' in source and 'id="text"' not in source
    index = article(site, "sources")
    assert "except 5 citation-only sources: kept as references, without their text." in index
    assert '<a href="bbc-news-2023-02-17/">BBC News report, as cited by ACLED</a> — BBC News ' \
           '<span class="tl-count">(1 event; citation only)</span>' in index


def test_bad_rows_all_at_once_and_nothing_written(blank: Path) -> None:
    before = content_files(blank)
    code, out, err = import_data(blank, "acled-bad.csv")
    assert code == 1
    assert err.splitlines() == [
        "acled-bad.csv:3: missing date: event_date is empty",
        "acled-bad.csv:4: bad coordinates: latitude 95.5, longitude 41.23 are out of range",
        "acled-bad.csv:5: duplicate id 'syr1': row acled-bad.csv:2 has it too",
        "acled-bad.csv:6: bad coordinates: latitude '37.05', longitude 'abc' are not numbers",
        "acled-bad.csv:6: time_precision '4' is not 1, 2 or 3",
        "nothing written: 4 of 5 rows have problems (fix them, or pass --skip-bad to import the others)",
    ]
    assert out == ""
    assert content_files(blank) == before


def test_skip_bad_writes_the_rest(blank: Path, tmp_path: Path) -> None:
    code, out, err = import_data(blank, "acled-bad.csv", extra=("--skip-bad",))
    assert code == 0, err
    assert "skipped acled-bad.csv:3: missing date: event_date is empty" in err.splitlines()
    assert len([line for line in err.splitlines() if line.startswith("skipped ")]) == 5
    assert "imported 1 event from 1 file, 4 bad rows skipped" in out
    events = yaml.safe_load((blank / "content/events/acled-bad.yml").read_text())
    assert [(e["id"], e["commentary"]) for e in events] == [("syr1", "A good row.")]
    checked_and_built(blank, tmp_path)


def test_bce_years_are_reported_not_invented(blank: Path) -> None:
    code, _, err = import_data(blank, "timelinejs-bce.csv")
    assert code == 1
    assert err.splitlines()[0].startswith("timelinejs-bce.csv:2: date: unsupported date '-0044-03-15'")
    code, out, err = import_data(blank, "timelinejs-bce.csv", extra=("--skip-bad",))
    assert code == 0 and "imported 1 event from" in out


def test_existing_ids_and_files_are_never_overwritten(blank: Path) -> None:
    assert import_data(blank, "acled.csv")[0] == 0
    before = content_files(blank)
    code, _, err = import_data(blank, "acled.csv")
    assert code == 1
    assert "acled.csv:2: event 'eth9766' already exists (content/events/acled.yml:2)" in err.splitlines()
    assert content_files(blank) == before
    # the same rows under another file name: the ids are still taken
    shutil.copy(DATASETS / "acled.csv", blank / "again.csv")
    assert run_cli(blank, "import-data", "again.csv").returncode == 1
    assert content_files(blank) == before


def test_a_list_file_in_the_way_stops_everything(blank: Path) -> None:
    write_tree(blank, {"content/places/acled.yml": "[]\n"})
    before = content_files(blank)
    code, _, err = import_data(blank, "acled.csv")
    assert code == 1
    assert "content/places/acled.yml: exists already" in err
    assert content_files(blank) == before


def test_formats_are_recognised_or_named(blank: Path) -> None:
    write_tree(blank, {"other.csv": "a,b\n1,2\n"})
    result = run_cli(blank, "import-data", "other.csv")
    assert result.returncode == 1
    assert result.stderr.startswith("other.csv:1: cannot tell its format from the header or shape: pass --format")
    code, _, err = import_data(blank, "timelinejs.json", extra=("--format", "acled"))
    assert code == 1 and err.startswith("timelinejs.json:1: not a acled file")


def test_into_an_existing_project_reusing_its_places(make_project: MakeProject, tmp_path: Path) -> None:
    project = make_project({
        "content/site.yml": "title: My own title\n",
        "content/places/ethiopia.md": "---\nname: Ethiopia\nkind: country\n---\nHand-written.\n",
    })
    code, _, err = import_data(project, "acled.csv", extra=("--content", "content"))
    assert code == 0, err
    places = [p["id"] for p in yaml.safe_load((project / "content/places/acled.yml").read_text())]
    assert "ethiopia" not in places and "oromia" in places
    assert (project / "content/site.yml").read_text() == "title: My own title\n"  # only an empty title is filled
    checked_and_built(project, tmp_path)


def test_a_quote_cannot_cite_a_citation_only_source(make_project: MakeProject) -> None:
    project = make_project({
        "content/articles/paywalled.md": "---\ntitle: Behind a paywall\npublished: 2020-02-12\n---\n",
        "content/actors/someone.md": "---\nname: Someone\nkind: person\n---\n",
        "content/events/said.md": "---\ntitle: Said\ndate: 2020-02-12\nsources: [paywalled]\nquotes:\n"
                                  "  - by: someone\n    article: paywalled\n    text: words nobody can check\n---\n",
    })
    result = run_cli(project, "check")
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        "content/events/said.md:8: article 'paywalled' is a citation-only source (it has no text), so no passage "
        "can be quoted from it: paste its text below its front matter, or cite it in 'sources' without a quote")


def test_own_timeline_json_in_its_documented_shape(blank: Path, tmp_path: Path) -> None:
    """The shape i15out documents for data/timeline.json (the real export's round trip is in test_round_trips)."""
    code, out, err = import_data(blank, "timeline.json")
    assert code == 0, err
    assert "imported 2 events and 1 relation from 1 file" in out
    assert "timeline.json: 1 quote not imported: a quote needs its article's text" in err
    events = {e["id"]: e for e in yaml.safe_load((blank / "content/events/timeline.yml").read_text())}
    assert events["dockers-walk-out"] == {
        "id": "dockers-walk-out", "title": "Dockers walk out", "date": "2024-03-05~", "date_text": "on Tuesday",
        "date_note": "The report says 'on Tuesday'.", "places": ["gate-4"],
        "actors": [{"actor": "ada-obi", "role": "speaker"}], "part_of": "port-strike",
        "sources": ["port-daily-walkout"],  # cited through its quote before
    }
    assert events["port-strike"]["commentary"] == "A *long* strike."
    site = checked_and_built(blank, tmp_path)
    assert facts(article(site, "places/gate-4"))["In"] == "Lagos"
    walkout = facts(article(site, "sources/port-daily-walkout"))
    assert walkout["Archived copy"] == "https://web.archive.org/web/2024/https://example.org/walkout"
    assert walkout["Publisher"] == "Port Daily"
    assert facts(article(site, "actors/ada-obi"))["Kind"] == "People"


def test_slide_text_is_html_and_nothing_more(blank: Path, tmp_path: Path) -> None:
    """A slide's text is HTML: cleaned, and never read as Markdown; a compact file's rows are named by index."""
    slides = {"events": [
        {"unique_id": "a", "start_date": {"year": 2020}, "text": {
            "headline": "no", "text": "[x](javascript:alert(1)) <b>*bold*</b> <img src=x onerror=alert(1)>"}},
        {"unique_id": "b", "start_date": {"year": 2020, "month": 2, "day": 30}, "text": {"headline": "Bad day"}},
        {"unique_id": "c", "start_date": {"year": 2020}, "text": {"headline": "Bad media"},
         "media": {"url": "javascript:alert(1)"}},
    ]}
    write_tree(blank, {"slides.json": json.dumps(slides)})
    result = run_cli(blank, "import-data", "slides.json")
    assert result.returncode == 1
    assert result.stderr.splitlines()[:2] == [
        "slides.json:1: events[1]: 2020-02-30 is not a day of the calendar",
        "slides.json:1: events[2]: media: 'javascript:alert(1)' is not a web address: only http:// and https:// "
        "addresses are allowed (a link to anything else could run code)",
    ]
    assert run_cli(blank, "import-data", "slides.json", "--skip-bad").returncode == 0
    page = article(checked_and_built(blank, tmp_path), "events/a")  # checked: not even a warning
    assert "<h1>no</h1>" in page
    assert 'href="javascript' not in page
    assert "[x](javascript:alert(1))" in html.unescape(page)  # shown as the words it was
    assert "<b>*bold*</b>" in html.unescape(page) and "onerror" not in page


def test_update_replaces_what_the_earlier_import_wrote(blank: Path, tmp_path: Path) -> None:
    assert import_data(blank, "acled.csv")[0] == 0
    lines = (DATASETS / "acled.csv").read_text(encoding="utf-8-sig").splitlines()
    newer = [lines[0], lines[1].replace(",0,,1676909320", ",4,,1676909999"), *lines[3:]]  # ETH9801 gone
    write_tree(blank, {"acled.csv": "\n".join(newer) + "\n"})
    result = run_cli(blank, "import-data", "acled.csv")
    assert result.returncode == 1
    assert "content/events/acled.yml, content/actors/acled.yml, content/places/acled.yml: written by an earlier " \
           "import of a file of this name; --update replaces them" in result.stderr

    result = run_cli(blank, "import-data", "acled.csv", "--update")
    assert result.returncode == 0, result.stderr
    assert "replaced content/events/acled.yml" in result.stdout.splitlines()
    events = {e["id"]: e for e in yaml.safe_load((blank / "content/events/acled.yml").read_text())}
    assert sorted(events) == ["eth9766", "eth9802", "ken1234"]
    assert events["eth9766"]["fatalities"] == 4
    places = [p["id"] for p in yaml.safe_load((blank / "content/places/acled.yml").read_text())]
    assert "near-abomsa" in places  # only ETH9801 was there, but actors and places are only added to
    site = checked_and_built(blank, tmp_path)
    assert facts(article(site, "events/eth9766"))["Fatalities"] == "4 as reported"


def test_update_never_replaces_a_file_written_by_hand(blank: Path) -> None:
    write_tree(blank, {"content/events/acled.yml": "- {id: mine, title: Mine, date: 2020, sources: [x]}\n"})
    before = content_files(blank)
    code, _, err = import_data(blank, "acled.csv", extra=("--update",))
    assert code == 1
    assert err == "content/events/acled.yml: not written by import-data, so --update does not replace it; " \
                  "nothing written\n"
    assert content_files(blank) == before
