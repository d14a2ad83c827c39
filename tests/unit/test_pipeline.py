"""Reading content end to end through ``build_site``, the one function the adapters call: a small content/
tree in a temp dir becomes a resolved Site, or every problem in it as ``path:line: message``, all at once."""

from __future__ import annotations

from pathlib import Path

from builder.diagnostics import Severity
from builder.model.site import Site
from builder.pipeline import build_site
from tests.conftest import ROOT, write_tree

GOOD: dict[str, str] = {
    "site.yml": "title: Idlib, February 2020\nintro: Two *reports*.\n",
    "actors/erdogan.md": "---\nname: Recep Tayyip Erdoğan\naliases: [Erdoğan]\nkind: person\n"
                         "affiliations: [turkey]\n---\nPresident of Turkey.\n",
    "actors/turkey.md": "---\nname: Turkey\nkind: state\n---\n",
    "actors/bloomberg.md": "---\nname: Bloomberg\nkind: media-outlet\n---\n",
    "places/idlib.md": "---\nname: Idlib\nwithin: syria\ncoordinates: {lat: 35.8, lon: 36.6}\n---\n",
    "places/syria.md": "---\nname: Syria\nkind: country\n---\n",
    "articles/bloomberg-idlib.md": (
        "---\ntitle: Erdogan vows to drive back Syrian forces\npublisher: bloomberg\npublished: 2020-02-12\n"
        "url: https://www.bloomberg.com/news/x\n---\n"
        "::: standfirst\nTurkey sends troops.\n:::\n\n"
        "Erdoğan said: “We’re determined to drive away regime forces” from Idlib.\n"),
    "events/erdogan-vows.md": (
        "---\ntitle: Erdoğan vows to drive back Syrian forces\ndate: 2020-02-12\nplaces: [idlib]\n"
        "actors: [{actor: erdogan, role: speaker}]\n"
        "quotes:\n  - {by: erdogan, article: bloomberg-idlib, text: \"We're determined to drive away regime forces\"}\n"
        "---\nA vow.\n"),
    "relations/seed.yml": "- {id: turkey-in-idlib, subject: turkey, type: opposes, object: erdogan, places: [idlib],\n"
                          "   sources: [{article: bloomberg-idlib, text: Turkey sends troops}]}\n",
}


def write(tmp_path: Path, files: dict[str, str]) -> None:
    tree: dict[str, str | bytes] = {**files}
    write_tree(tmp_path / "content", tree)


def build(tmp_path: Path, files: dict[str, str], *, validate_only: bool = False,
          raw_html: bool = False) -> tuple[Site, list[str]]:
    write(tmp_path, files)
    result = build_site(tmp_path / "content", tmp_path, validate_only=validate_only, raw_html=raw_html)
    return result.site, [d.format() for d in result.diagnostics]


def test_a_good_tree_is_a_resolved_site_without_a_word(tmp_path: Path) -> None:
    write(tmp_path, GOOD)
    result = build_site(tmp_path / "content", tmp_path)
    assert [d.format() for d in result.diagnostics] == []
    site = result.site
    assert site.info.title == "Idlib, February 2020"
    (event,) = site.timeline
    assert event.id == "erdogan-vows" and event.date.display == "12 Feb 2020"
    assert event.quotes[0].anchor == "q-erdogan-vows-1"
    assert [e.id for e in site.place_events["idlib"]] == ["erdogan-vows"]
    assert [e.id for e in site.article_events["bloomberg-idlib"]] == ["erdogan-vows"]
    assert [(a.id, role) for a, role in site.actor_articles["bloomberg"]] == [("bloomberg-idlib", "publisher")]
    assert [r.id for r in site.actor_relations["turkey"]] == ["turkey-in-idlib"]
    assert site.relations["turkey-in-idlib"].sources[0].anchor == "c-turkey-in-idlib-1"
    assert [m.actor.id for m in site.members["turkey"]] == ["erdogan"]
    kinds = sorted({(s.kind, s.target_id) for spans in site.spans["bloomberg-idlib"] for s in spans})
    assert kinds == [("citation", "turkey-in-idlib"), ("mention", "erdogan"), ("mention", "idlib"),
                     ("mention", "turkey"), ("quote", "erdogan-vows")]


def test_every_problem_of_every_file_at_once_in_path_order(tmp_path: Path) -> None:
    broken = {
        **GOOD,
        "actors/turkey.md": "---\nname: Turkey\nkind: country\n---\n",
        "places/idlib.md": "---\nname: Idlib\nwithin: syra\ncoordinates: {lat: 135.8, lon: 36.6}\n---\n",
        "events/erdogan-vows.md": GOOD["events/erdogan-vows.md"].replace("drive away", "drive off").replace(
            "date: 2020-02-12", "date: 12/02/2020"),
        "events/Bad.md": "---\ntitle: T\n---\n",
        "articles/no-front-matter.md": "Just text.\n",
    }
    _, problems = build(tmp_path, broken)
    assert problems == [
        "content/actors/turkey.md:3: 'kind' is 'country'; expected one of: person, state, government, "
        "government-agency, armed-force, armed-group, organisation, international-organisation, media-outlet, "
        "company, group, other",
        "content/articles/no-front-matter.md:1: missing front matter: the file must start with a '---' line",
        "content/events/Bad.md:2: event id: 'Bad' is not a valid id: use lowercase letters, digits and single "
        "hyphens (e.g. 'bashar-al-assad')",
        "content/events/erdogan-vows.md:3: date: invalid EDTF date '12/02/2020': not a date in EDTF form; write "
        "e.g. 2020-02-12, 2020-02, 2011~, 2011/.., ../2020-02-29 or 2020-02-10/2020-02-12",
        "content/events/erdogan-vows.md:7: quote not found in article 'bloomberg-idlib': \"We're determined to "
        "drive off regime forces\"; the closest paragraph starts \"Erdoğan said: “We’re determined to drive away "
        "regime forces…\"",
        "content/places/idlib.md:3: unknown place 'syra' (did you mean 'syria'?)",
        "content/places/idlib.md:4: latitude 135.8 is outside -90..90",
    ]


def test_a_missing_content_folder(tmp_path: Path) -> None:
    result = build_site(tmp_path / "content", tmp_path)
    assert [d.format() for d in result.diagnostics] == ["content:1: content directory not found"]
    assert result.site.events == {}


def test_raw_html_is_a_warning_unless_trusted(tmp_path: Path) -> None:
    files = {**GOOD, "actors/turkey.md": "---\nname: Turkey\nkind: state\n---\nA state.\n\n<script>x()</script>\n"}
    _, problems = build(tmp_path / "a", files)
    assert len(problems) == 1
    assert problems[0].startswith("content/actors/turkey.md:7: warning: description: ")
    _, trusted = build(tmp_path / "b", files, raw_html=True)
    assert trusted == []


def test_validate_only_reports_the_same(tmp_path: Path) -> None:
    files = {**GOOD, "actors/syria.md": "---\nname: Syria\nkind: state\n---\n",
             "articles/bloomberg-idlib.md": GOOD["articles/bloomberg-idlib.md"] + "\nSyria answered.\n",
             "events/erdogan-vows.md": GOOD["events/erdogan-vows.md"].replace("idlib]", "idlb]")}
    site, problems = build(tmp_path / "full", files)
    checked, checked_problems = build(tmp_path / "check", files, validate_only=True)
    assert problems == checked_problems == [
        "content/articles/bloomberg-idlib.md:13: warning: 'Syria' could be actor 'syria' or place 'syria': write "
        "[Syria](actor:syria) or [Syria](-) to settle it",
        "content/events/erdogan-vows.md:4: unknown place 'idlb' (did you mean 'idlib'?)",
    ]
    assert site.mentions[("actor", "erdogan")] and not checked.mentions, "only pages need the mentions"


def test_the_seed_content_loads_without_a_problem() -> None:
    result = build_site(ROOT / "content", ROOT)
    assert [d.format() for d in result.diagnostics if d.severity is Severity.ERROR] == []
    assert len(result.site.events) >= 30 and result.site.article_quotes
