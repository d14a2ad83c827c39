"""Round three of issue 17: the classes of miss `heldout-4/` showed, each on sentences of its own
(invented names, so no rule can pass by knowing a fixture's words)."""

from __future__ import annotations

from pathlib import Path

import pytest

from builder.authoring.suggesting.datelines import find_dateline
from builder.authoring.suggesting.draft import Draft
from tests.unit.authoring.test_suggest import draft_of


def _actors(draft: Draft) -> dict[str, str]:
    return {c.name: c.kind for c in draft.new_actors}


def _places(draft: Draft) -> dict[str, str]:
    return {c.name: c.place_kind for c in draft.new_places}


@pytest.mark.parametrize("byline", ["By Ingrid Dahl and Tomas Berg", "By Ingrid Dahl, Tomas Berg and Lise Moe",
                                    "By Ingrid Dahl & Tomas Berg, Reuters"])
def test_every_name_of_a_byline_is_a_reporter(tmp_path: Path, byline: str) -> None:
    draft = draft_of(tmp_path, "2024-09-13", f"{byline}\n\nBERGEN — Ferries stopped on Friday.\n")
    people = {name for name, kind in _actors(draft).items() if kind == "person"}
    assert {"Ingrid Dahl", "Tomas Berg"} <= people
    assert not any(name.startswith(("and ", "& ")) or "," in name for name in _actors(draft))
    if byline.endswith("Reuters"):
        assert _actors(draft)["Reuters"] == "media-outlet"


def test_reporting_and_editing_lines_name_people_and_where_they_reported(tmp_path: Path) -> None:
    draft = draft_of(tmp_path, "2024-09-13", "BERGEN — Ferries stopped on Friday.\n\nReporting by Ingrid Dahl in "
                     "Oslo and Tomas Berg in Stavanger; Additional reporting by Lise Moe; Editing by Per Lund\n")
    assert {"Ingrid Dahl", "Tomas Berg", "Lise Moe", "Per Lund"} <= {
        name for name, kind in _actors(draft).items() if kind == "person"}
    assert {"Oslo", "Stavanger"} <= set(_places(draft))
    assert [e.date for e in draft.events] == ["2024-09-13"]  # the credit line is no event


def test_a_byline_glued_to_an_abbreviated_month_is_a_reporter(tmp_path: Path) -> None:
    draft = draft_of(tmp_path, "2024-08-23", "Share\n\nIngrid DahlAug. 23, 2024\n\nBERGEN — Ferries stopped on "
                     "Thursday.\n")
    assert _actors(draft)["Ingrid Dahl"] == "person"
    assert not any("2024" in e.sentence.text for e in draft.events)


@pytest.mark.parametrize(("line", "city", "agency"), [
    ("BERGEN, Sept 13 (Reuters) - ", "Bergen", "Reuters"),
    ("ADDIS ABABA, Aug. 13 (Reuters) - ", "Addis Ababa", "Reuters"),
    ("BERGEN, Norway, March 3 (AFP) - ", "Bergen", "Agence France-Presse"),
])
def test_a_dateline_with_its_day_is_a_dateline(tmp_path: Path, line: str, city: str, agency: str) -> None:
    dateline = find_dateline(line + "Ferries stopped.")
    assert dateline is not None and (dateline.city, dateline.agency) == (city, agency)
    draft = draft_of(tmp_path, "2024-09-13", line + "Ferry crews walked off the job on Friday.\n")
    assert _actors(draft)[agency] == "media-outlet"
    assert city.upper() not in _actors(draft) and city in {c.name for c in draft.new_places}
    assert [e.date for e in draft.events] == ["2024-09-13"]  # the dateline's day is no second event
    assert not draft.events[0].title.startswith(city.upper())


def test_a_speaker_of_parliament_is_a_title(tmp_path: Path) -> None:
    draft = draft_of(tmp_path, "2024-12-04", "National Assembly Speaker Kari Holm said on Wednesday the vote was "
                     "valid.\n")
    holm = next(c for c in draft.new_actors if c.name == "Kari Holm")
    assert (holm.kind, holm.title) == ("person", "National Assembly Speaker")
    assert _actors(draft)["National Assembly"] == "government"


def test_common_words_starting_a_sentence_and_model_names_are_no_bodies(tmp_path: Path) -> None:
    draft = draft_of(tmp_path, "2024-09-13", "\n\n".join([
        "Shares of Nordavia fell 3% on Friday.",
        "Union leader Kari Holm said the 737 MAX line had stopped.",
        "Norwegian Prime Minister Ola Vik held talks with Korean President Park Ji-hoon about fishing quotas on "
        "Friday. Park said the talks went well.",
    ]) + "\n")
    actors = _actors(draft)
    assert not {"Shares of Nordavia", "Union", "MAX", "Park"} & set(actors)
    assert actors["Nordavia"] == "other" and actors["Kari Holm"] == actors["Park Ji-hoon"] == "person"
    park = next(c for c in draft.new_actors if c.name == "Park Ji-hoon")
    assert "Park" in park.forms  # a family name written first joins its person


def test_landmarks_and_natural_features_are_places(tmp_path: Path) -> None:
    draft = draft_of(tmp_path, "2024-08-23", "\n\n".join([
        "REYKJAVIK, Iceland — Lava crossed the Hvalnes Peninsula late Thursday.",
        "The Silver Lagoon geothermal spa and the Karsvik Gate were closed, and ships waited in the Strait of "
        "Vestra.",
        "Crews worked near the Old Vik Pier and outside the Harald Nordby on Friday.",
        "Members of the Nordic Union of Fishermen District 12 met at the Tromsund factory, and Tromsund factory "
        "workers joined them.",
    ]) + "\n")
    places = _places(draft)
    for name in ("Hvalnes Peninsula", "Silver Lagoon", "Karsvik Gate", "Strait of Vestra", "Harald Nordby"):
        assert places[name] in ("site", "building"), name
    assert not {"Hvalnes Peninsula", "Silver Lagoon", "Karsvik Gate", "Harald Nordby"} & set(_actors(draft))
    assert _actors(draft)["Nordic Union of Fishermen"] == "international-organisation"
    assert "Nordic Union of Fishermen District" not in places


def test_the_day_an_official_told_it_is_not_a_second_event(tmp_path: Path) -> None:
    draft = draft_of(tmp_path, "2024-09-30", "BERGEN, Norway (AP) — Floodwaters swept through the harbour on "
                     "Friday, officials said Monday.\n\nThe mayor said on Monday that the port would reopen.\n")
    assert [e.date for e in draft.events] == ["2024-09-27", "2024-09-30"]


def test_a_pay_rise_over_four_years_is_no_date(tmp_path: Path) -> None:
    draft = draft_of(tmp_path, "2024-09-13", "Workers rejected an offer which included a 25% pay rise over four "
                     "years.\n")
    assert not [e for e in draft.events if e.date.startswith("2020")]
