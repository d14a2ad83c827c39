"""`suggest` on stories it was not written for (issue 17): the scored table of tests/fixtures/suggest/
and the rules behind it, each on a small article of its own."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from bench.suggest_score import CORPUS, Tally, score
from builder.authoring.suggesting.draft import Draft, suggest
from builder.diagnostics import Diagnostics
from builder.model.site import Site
from tests.conftest import ROOT, run_cli
from tests.unit.authoring.test_suggest import draft_of

# The targets, asserted on the held-out half (recall, precision; None: no target).
TARGETS: dict[str, tuple[float, float | None]] = {"actors": (0.90, 0.85), "places": (0.80, None),
                                                   "events": (0.85, 0.75)}


def _print(half: str, totals: dict[str, Tally]) -> None:
    print(f"\n[suggest on the {half} half of tests/fixtures/suggest]")
    for kind, tally in totals.items():
        print(f"  {kind}: recall {tally.recall:.1%} ({tally.found}/{tally.expected}), "
              f"precision {tally.precision:.1%} ({tally.right}/{tally.proposed})")
        for line in tally.misses + tally.wrong:
            print(f"    {line}")


# Measured and missed (tests/fixtures/suggest/README.md has the figures): strict, so the mark must go
# the day they are met.
_MISSED = {("heldout-5", "actors"), ("heldout-5", "events"), ("heldout-6", "actors"), ("heldout-6", "places"),
           ("heldout-6", "events")}
HALVES = ("dev", "heldout", "heldout-2", "heldout-3", "heldout-4", "heldout-5", "heldout-6")


@pytest.fixture(scope="module")
def scores() -> dict[str, dict[str, Tally]]:
    return {half: score(half) for half in HALVES}


@pytest.mark.parametrize(("half", "kind"), [
    pytest.param(half, kind, marks=[pytest.mark.xfail(strict=True, reason="target missed as measured")]
                 if (half, kind) in _MISSED else [])
    for half in reversed(HALVES) for kind in TARGETS
])
def test_the_unseen_stories_meet_the_targets(scores: dict[str, dict[str, Tally]], half: str, kind: str) -> None:
    """heldout-6: written before the round-three rule changes, scored once before and once after
    them, its misses unseen until then: the clean half. heldout-5: the same, but its misses were
    printed by the first scoring. heldout-4: the clean half of round two, its misses fixed in round
    three. heldout-3: scored blind in round one, its classes of miss known in round two. heldout,
    heldout-2: their first runs were blind, their misses seen since. dev: the rules were written on
    it; held to the same bar so that a change which loses what it found shows here first."""
    tally = scores[half][kind]
    _print(half, {kind: tally})
    recall, precision = TARGETS[kind]
    assert tally.recall >= recall, tally.misses
    if precision is not None:
        assert tally.precision >= precision, tally.wrong


def test_the_table_covers_the_domains_and_wire_styles() -> None:
    stories = sorted(p for half in ("dev", "heldout") for p in (CORPUS / half).iterdir() if p.is_dir())
    domains = {p.name.split("-")[0] for p in stories}
    assert domains == {"politics", "courts", "disaster", "business", "sport", "science"}
    text = "\n".join(a.read_text(encoding="utf-8") for p in stories for a in p.glob("*.md"))
    for style in [r"\(AP\) —", r"\(Reuters\) -", r"\(AFP\) -", r"^[A-Z ]+ — ", r"[a-z][A-Z][a-z]+\.? \d+, \d{4}$"]:
        assert re.search(style, text, re.MULTILINE), style


def _actors(draft: Draft) -> dict[str, str]:
    return {c.name: c.kind for c in draft.new_actors}


def test_datelines_in_every_wire_style_are_a_place_and_an_agency(tmp_path: Path) -> None:
    ap = draft_of(tmp_path, "2024-09-20", "ANTAKYA, Turkey (AP) — Rescuers searched the rubble on Friday.\n")
    assert _actors(ap) == {"Associated Press": "media-outlet", "Turkey": "state"}
    assert {c.name for c in ap.new_places} == {"Antakya", "Turkey"}
    agency = next(c for c in ap.new_actors if c.name == "Associated Press")
    assert agency.forms >= {"AP"}
    afp = draft_of(tmp_path, "2024-11-06", "PARIS (AFP) - The carmaker Renault said on Wednesday it would cut "
                   "jobs.\n")
    assert _actors(afp) == {"Agence France-Presse": "media-outlet", "Renault": "other"}
    plain = draft_of(tmp_path, "2024-05-09", "NEW YORK — A jury on Wednesday convicted Samuel R. Whitfield.\n")
    assert _actors(plain) == {"Samuel R. Whitfield": "person"}  # no "NEW YORK" organisation
    assert {c.name for c in plain.new_places} == {"New York"}
    assert all(a.actors == [] or "Associated Press" not in {x.name for x in a.actors} for a in ap.events)


def test_bylines_page_furniture_initials_and_titles(tmp_path: Path) -> None:
    draft = draft_of(tmp_path, "2024-05-09", "\n\n".join([
        "Advertisement", "By Nadia Ferreira", "Nadia FerreiraMay 9, 2024",
        "BOSTON — Judge Harriet M. Cole on Wednesday sentenced Owen T. Marsh to five years in prison.",
        "Share", "Risk Management",
        "Police Supt. Declan Hughes said Marsh had been arrested in March.",
        "Lt Col Anna Berg and Dr. Tomas Lind testified for the defence, Prof. Ruth Adler said.",
    ]) + "\n")
    actors = {c.name: c for c in draft.new_actors}
    assert set(actors) == {"Nadia Ferreira", "Harriet M. Cole", "Owen T. Marsh", "Declan Hughes", "Anna Berg",
                           "Tomas Lind", "Ruth Adler"}
    assert all(c.kind == "person" for c in actors.values())
    assert (actors["Harriet M. Cole"].title, actors["Declan Hughes"].title) == ("Judge", "Police Supt")
    titles = (actors["Anna Berg"].title, actors["Tomas Lind"].title, actors["Ruth Adler"].title)
    assert titles == ("Lt Col", "Dr", "Prof")
    assert not any("2024" in e.sentence.text and "Ferreira" in e.sentence.text for e in draft.events)


def test_buildings_are_places_in_the_story_s_city_with_no_invented_coordinates(tmp_path: Path) -> None:
    draft = draft_of(tmp_path, "2024-09-20", "ANTAKYA, Turkey (AP) — The quake toppled the Grand Orontes Hotel "
                     "and damaged the Saray Tower office building on Friday. Crews worked at the Flins factory.\n")
    places = {c.name: c for c in draft.new_places}
    for name in ("Grand Orontes Hotel", "Saray Tower"):
        assert places[name].place_kind == "building" and places[name].place is None
        assert places[name].within is places["Antakya"]
    assert places["Flins factory"].place_kind == "building"
    assert not {"Grand Orontes Hotel", "Saray Tower", "Flins factory", "Flins"} & set(_actors(draft))
    assert places["Antakya"].place is not None  # the city's coordinates do come from the gazetteer


def test_a_figure_is_dated_when_it_was_reported(tmp_path: Path) -> None:
    draft = draft_of(tmp_path, "2024-09-21", "The death toll from Friday's earthquake rose to 41 on Saturday, "
                     "officials said.\n")
    assert [(e.date, e.type) for e in draft.events] == [("2024-09-21", "death-toll")]


def test_titles_are_short_headlines_never_cut_sentences() -> None:
    for half in ("dev", "heldout"):
        for story in (CORPUS / half).iterdir():
            files = [(path, path.name) for path in sorted(story.glob("*.md"))]
            draft = suggest(files, None, Diagnostics())
            assert draft is not None
            for event in draft.events:
                assert len(event.title.split()) <= 10 and "…" not in event.title, event.title
                assert event.title[:1].isupper(), event.title


@pytest.mark.parametrize(("sentence", "date_text", "title", "kind"), [
    ("BERLIN (Reuters) - German Chancellor Olaf Scholz and Finance Minister Christian Lindner agreed on a revised "
     "budget on Thursday after 20 hours of talks, a government spokesman said.", "on Thursday",
     "Olaf Scholz and Christian Lindner agreed on a revised budget", "agreement"),
    ("He will face Ben Shelton on Friday after Shelton beat Lorenzo Sonego in four sets on Tuesday.", "on Tuesday",
     "Shelton beat Lorenzo Sonego in four sets", "match"),
    ("\"The jury saw through the lies,\" Damian Williams said in a statement.", "",
     "Damian Williams: “The jury saw through the lies”", "statement"),
    ("A 9-year-old girl was pulled alive from the ruins on Saturday morning, the agency said.", "on Saturday morning",
     "A 9-year-old girl was pulled alive from the ruins", "rescue"),
])
def test_titles_and_types(sentence: str, date_text: str, title: str, kind: str) -> None:
    from builder.authoring.suggesting.headlines import guess_type, headline

    people = [("German Chancellor", "Olaf Scholz"), ("Finance Minister", "Christian Lindner")]
    assert headline(sentence, people, date_text) == title
    assert guess_type(sentence) == kind


def test_one_happening_in_two_articles_is_one_event_citing_both(tmp_path: Path) -> None:
    first, second = tmp_path / "first.md", tmp_path / "second.md"
    first.write_text("---\ntitle: A\npublished: 2024-09-20\n---\nPresident Recep Tayyip Erdogan will visit the "
                     "region on Saturday, his office said.\n", encoding="utf-8")
    second.write_text("---\ntitle: B\npublished: 2024-09-21\n---\nRecep Tayyip Erdogan visited Antakya on Saturday "
                      "and promised to rebuild the city.\n", encoding="utf-8")
    draft = suggest([(first, "first.md"), (second, "second.md")], None, Diagnostics())
    assert draft is not None
    assert [(e.date, e.articles) for e in draft.events] == [("2024-09-21", ["first", "second"])]


def test_names_close_to_a_known_actor_are_that_actor(seed: Site, tmp_path: Path) -> None:
    article = tmp_path / "a.md"
    article.write_text("---\ntitle: A\npublished: 2024-03-01\n---\nPresident Tayyip Erdogan met Recep Tayip Erdogan's "
                       "critics on Tuesday.\n", encoding="utf-8")
    draft = suggest([(article, "a.md")], seed, Diagnostics())
    assert draft is not None
    assert "Erdogan" not in " ".join(c.name for c in draft.new_actors)
    assert {draft.id_of(c) for e in draft.events for c in e.actors} == {"recep-tayyip-erdogan"}


@pytest.fixture(scope="module")
def seed() -> Site:
    from builder.pipeline import build_site

    return build_site(ROOT / "content", root=ROOT).site


def test_after_review_a_second_run_proposes_nothing_again(make_project: Callable[[dict[str, str]], Path]) -> None:
    story = CORPUS / "dev" / "disaster-earthquake"
    project = make_project({f"content/articles/{a.name}": a.read_text(encoding="utf-8") for a in story.glob("*.md")})
    articles = sorted(str(p) for p in (project / "content" / "articles").glob("*.md"))
    first = run_cli(project, "suggest", *articles, "--out", "content")
    assert first.returncode == 0, first.stderr
    checked = run_cli(project, "check")
    assert checked.returncode == 0, checked.stderr  # the building's `within` names the drafted city
    second = run_cli(project, "suggest", *articles, "--name", "second", "--report")
    assert second.returncode == 0, second.stderr
    assert second.stderr.strip().endswith("0 new actors, 0 new places, 0 events, 0 attributed quotes")
    assert "events the project already has, not proposed again: 8" in second.stdout


def test_report_counts_by_kind_and_lists_the_sentences_that_gave_nothing(tmp_path: Path) -> None:
    article = tmp_path / "a.md"
    article.write_text("---\ntitle: A\npublished: 2024-03-14\n---\nLONDON (Reuters) - Judge Mary Holt jailed Ian "
                       "Cole on Thursday.\n\nIt was raining heavily.\n", encoding="utf-8")
    result = run_cli(ROOT, "suggest", str(article), "--report")
    assert result.returncode == 0, result.stderr
    report = result.stdout[result.stdout.index("Report (suggest --report):") :]
    assert "new actors: 3 (person 2, media-outlet 1)" in report
    assert "events: 1 (sentencing 1)" in report
    assert f"Sentences that produced nothing: 1\n  {article}:7: It was raining heavily." in report


def test_dates_in_figures_are_read_with_dateparser(tmp_path: Path) -> None:
    draft = draft_of(tmp_path, "2024-03-14", "The law took effect on 14/02/2024. Officials met in Rome on "
                     "2024-02-10. The treaty was signed on 03/04/2023.\n")
    dates = [(e.date, e.date_text) for e in draft.events]
    assert dates == [("2024-02-14", "14/02/2024"), ("2024-02-10", "2024-02-10"), ("2023-04-03?", "03/04/2023")]
    assert "could be month/day" in draft.events[2].date_note


def test_every_story_s_draft_renders(tmp_path: Path) -> None:
    """Two articles filed from one city: a building's `within` names the city the draft kept."""
    from builder.authoring.suggesting.output import render_files

    for story in sorted(p for half in HALVES for p in (CORPUS / half).iterdir() if p.is_dir()):
        draft = suggest([(path, path.name) for path in sorted(story.glob("*.md"))], None, Diagnostics())
        assert draft is not None
        places = render_files(draft, set(), "x")[Path("places/x.yml")]
        ids = set(re.findall(r"id: ([\w-]+)", places))
        assert set(re.findall(r"within: ([\w-]+)", places)) <= ids, story


def test_a_two_article_draft_passes_check(make_project: Callable[[dict[str, str]], Path]) -> None:
    files = {"content/articles/b-second.md": "---\ntitle: B\npublished: 2024-09-21\n---\nANTAKYA, Turkey (AP) — "
             "Rescuers searched the Grand Orontes Hotel on Saturday.\n",
             "content/articles/a-first.md": "---\ntitle: A\npublished: 2024-09-20\n---\nANTAKYA, Turkey (AP) — "
             "The quake toppled the Saray Tower on Friday.\n"}
    project = make_project(files)
    articles = sorted(str(p) for p in (project / "content" / "articles").glob("*.md"))
    written = run_cli(project, "suggest", *reversed(articles), "--out", "content")
    assert written.returncode == 0, written.stderr
    assert "Traceback" not in written.stderr
    checked = run_cli(project, "check")
    assert checked.returncode == 0, checked.stderr


def test_long_body_names_titles_and_landmarks_without_a_facility_word(tmp_path: Path) -> None:
    """Round two of issue 17: the classes of miss the held-out halves showed, on sentences of their own."""
    draft = draft_of(tmp_path, "2024-03-14", "\n\n".join([
        "OSLO (Reuters) - The Nordic Institute for Marine Research and Conservation warned on Thursday that cod "
        "stocks were falling.",
        "Chief Executive Ingrid Solberg said the Green Harbour and Coast party would back the plan.",
        "Lakeside Rovers striker Jonas Kylian scored at the Harald Lund on Wednesday.",
        "Nordic Rowing President Per Vik opened the season at Holmsund on Sunday.",
        "The crew flew aboard a NordAir Falcon 7 jet. AI and GDP figures were not given.",
    ]) + "\n")
    actors = _actors(draft)
    assert actors["Nordic Institute for Marine Research and Conservation"] == "organisation"
    assert actors["Green Harbour and Coast"] == "organisation"
    assert actors["Ingrid Solberg"] == actors["Jonas Kylian"] == actors["Per Vik"] == "person"
    assert actors["Nordic Rowing"] == actors["NordAir"] == "organisation"
    assert not {"Conservation", "Executive Ingrid Solberg", "Harald Lund", "Holmsund", "NordAir Falcon", "AI",
                "GDP"} & set(actors)
    assert {"Harald Lund", "Holmsund"} <= {c.name for c in draft.new_places}


def test_a_country_is_found_with_or_without_the_article_the_gazetteer_has(tmp_path: Path) -> None:
    draft = draft_of(tmp_path, "2024-08-13", "Cases rose in Democratic Republic of Congo on Tuesday.\n")
    assert "Democratic Republic of the Congo" in {c.name for c in draft.new_places}


@pytest.mark.parametrize(("sentence", "date"), [
    ("The relay final is on Friday at the same stadium.", "2024-08-09"),
    ("The president declared a public holiday for Friday.", "2024-08-09"),
    ("A judge on Wednesday jailed the trader for rigging rates between 2015 and 2017.", "2024-08-07"),
])
def test_weekdays_ahead_and_background_years(tmp_path: Path, sentence: str, date: str) -> None:
    draft = draft_of(tmp_path, "2024-08-08", sentence + "\n")  # a Thursday
    assert [e.date for e in draft.events] == [date]
