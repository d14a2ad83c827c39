"""Records to Site: every reference checked (with a hint), cycles refused, backlinks in both directions."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.unit.resolve.content import actor, article, event, place, resolved

BASE: dict[str, str | bytes] = {
    "actors/erdogan.md": actor("Recep Tayyip Erdoğan"),
    "actors/putin.md": actor("Vladimir Putin"),
    "actors/turkey.md": actor("Turkey", "state"),
    "places/idlib.md": place("Idlib", "within: syria\n"),
    "places/syria.md": place("Syria"),
    "articles/a.md": article("Erdoğan spoke.\n"),
}


# unknown ids


@pytest.mark.parametrize(
    ("folder", "text", "expected"),
    [
        ("events", event(more="sources: [a]\nactors: [erdgan]\n"),
         "content/events/x.md:5: unknown actor 'erdgan' (did you mean 'erdogan'?)"),
        ("events", event(more="sources: [a]\nplaces: [idlip]\n"),
         "content/events/x.md:5: unknown place 'idlip' (did you mean 'idlib'?)"),
        ("events", event(more="sources: [b]\n"), "content/events/x.md:4: unknown article 'b'"),
        ("events", event(more="sources: [a]\npart_of: war\n"), "content/events/x.md:5: unknown event 'war'"),
        ("events", event(more="sources: [a]\nrelated: [nothing-alike]\n"),
         "content/events/x.md:5: unknown event 'nothing-alike'"),
        ("events", event(more="quotes:\n  - {by: putn, article: a, text: Erdoğan spoke, kind: reported}\n"),
         "content/events/x.md:5: unknown actor 'putn' (did you mean 'putin'?)"),
        ("places", place("X", "within: syrian\n"),
         "content/places/x.md:3: unknown place 'syrian' (did you mean 'syria'?)"),
        ("actors", actor("X", more="affiliations: [turkye]\n"),
         "content/actors/x.md:4: unknown actor 'turkye' (did you mean 'turkey'?)"),
        ("articles", article("Text.\n", more="publisher: guardian\n"),
         "content/articles/x.md:4: unknown actor 'guardian'"),
        ("articles", article("Text.\n", more="authors: [erdogan, putim]\n"),
         "content/articles/x.md:4: unknown actor 'putim' (did you mean 'putin'?)"),
        ("articles", article("Text.\n", more="contributors: [{actor: ap, role: photograph}]\n"),
         "content/articles/x.md:4: unknown actor 'ap'"),
        ("articles", article("::: embed tweet by=mcgurk\nA post.\n:::\n"),
         "content/articles/x.md:5: unknown actor 'mcgurk'"),
        ("articles", article("Then\n[Erdoğan](actor:erdogn) spoke.\n"),
         "content/articles/x.md:6: unknown actor 'erdogn' (did you mean 'erdogan'?)"),
    ],
)
def test_unknown_ids_at_their_line_with_a_hint(tmp_path: Path, folder: str, text: str, expected: str) -> None:
    _, problems = resolved(tmp_path, {**BASE, f"{folder}/x.md": text})
    assert problems == [expected]


def test_relation_references(tmp_path: Path) -> None:
    _, problems = resolved(tmp_path, {**BASE, "relations/r.yml": (
        "- id: r\n  subject: erdogan\n  type: backs\n  object: turky\n  places: [aleppo]\n"
        "  sources: [{article: b, text: x}]\n")})
    assert problems == ["content/relations/r.yml:4: unknown actor 'turky' (did you mean 'turkey'?)",
                        "content/relations/r.yml:5: unknown place 'aleppo'",
                        "content/relations/r.yml:6: unknown article 'b'"]


def test_a_reference_to_a_kind_that_is_another_kind_is_unknown(tmp_path: Path) -> None:
    _, problems = resolved(tmp_path, {**BASE, "events/x.md": event(more="sources: [a]\nplaces: [turkey]\n")})
    assert problems == ["content/events/x.md:5: unknown place 'turkey'"]


def test_references_to_a_broken_file_are_not_reported_again(tmp_path: Path) -> None:
    _, problems = resolved(tmp_path, {**BASE, "actors/broken.md": "---\nname: [\n---\n",
                                      "events/x.md": event(more="sources: [a]\nactors: [broken]\n")})
    assert len(problems) == 1 and problems[0].startswith("content/actors/broken.md:2: YAML syntax error")


# cycles


def test_part_of_cycle_reported_once_at_its_first_id(tmp_path: Path) -> None:
    _, problems = resolved(tmp_path, {**BASE, "events/c.md": event(more="sources: [a]\npart_of: b\n"),
                                      "events/b.md": event(more="sources: [a]\npart_of: d\n"),
                                      "events/d.md": event(more="sources: [a]\npart_of: c\n"),
                                      "events/e.md": event(more="sources: [a]\npart_of: c\n")})
    assert problems == ["content/events/b.md:5: 'part_of' forms a cycle: b → d → c → b"]


def test_a_cycle_entered_from_a_tail_is_shown_from_its_first_id(tmp_path: Path) -> None:
    _, problems = resolved(tmp_path, {**BASE, "events/a.md": event(more="sources: [a]\npart_of: c\n"),
                                      "events/c.md": event(more="sources: [a]\npart_of: d\n"),
                                      "events/d.md": event(more="sources: [a]\npart_of: b\n"),
                                      "events/b.md": event(more="sources: [a]\npart_of: c\n")})
    assert problems == ["content/events/b.md:5: 'part_of' forms a cycle: b → c → d → b"]


def test_an_event_part_of_itself(tmp_path: Path) -> None:
    _, problems = resolved(tmp_path, {**BASE, "events/x.md": event(more="sources: [a]\npart_of: x\n")})
    assert problems == ["content/events/x.md:5: 'part_of' forms a cycle: x → x"]


def test_within_cycle(tmp_path: Path) -> None:
    _, problems = resolved(tmp_path, {**BASE, "places/syria.md": place("Syria", "within: idlib\n")})
    assert problems == ["content/places/idlib.md:3: 'within' forms a cycle: idlib → syria → idlib"]


def test_a_long_cycle_is_one_short_line(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {f"places/p{i:02}.md": place(f"P{i}", f"within: p{(i + 1) % 30:02}\n")
                                     for i in range(30)}
    _, problems = resolved(tmp_path, files)
    assert problems == ["content/places/p00.md:3: 'within' forms a cycle: p00 → p01 → p02 → p03 → p04 → p05 → "
                        "… 22 more … → p28 → p29 → p00"]


def test_chains_are_no_cycles(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {f"places/p{i}.md": place(f"P{i}", f"within: p{i + 1}\n" if i < 50 else "")
                                     for i in range(51)}
    site, problems = resolved(tmp_path, files)
    assert problems == []
    assert len(site.place_chain(site.places["p0"])) == 51
    assert [p.id if p else None for p in site.place_trail(site.places["p0"])] == [
        "p0", "p1", "p2", "p3", "p4", "p5", None, "p49", "p50"]


# backlinks


def test_timeline_by_date_then_title_undated_last(tmp_path: Path) -> None:
    site, problems = resolved(tmp_path, {
        **BASE,
        "events/late.md": event("2021", "Late"),
        "events/b-early.md": event("2020-02-12", "Beta"),
        "events/a-early.md": event("2020-02-12", "alpha"),
        "events/month.md": event("2020-02", "Month"),
        "events/earliest.md": event("2019-12-31", "Earliest"),
    })
    assert problems == []
    # a month sorts by its first day; titles ignore case
    assert [e.id for e in site.timeline] == ["earliest", "month", "a-early", "b-early", "late"]
    assert site.position == {e.id: i for i, e in enumerate(site.timeline)}
    first, last = site.timeline[0], site.timeline[-1]
    assert site.neighbours(first) == (None, site.timeline[1])
    assert site.neighbours(last) == (site.timeline[-2], None)


def test_event_backlinks(tmp_path: Path) -> None:
    site, problems = resolved(tmp_path, {
        **BASE,
        "articles/b.md": article("Putin spoke.\n"),
        "events/war.md": event("2019", "War"),
        "events/x.md": event("2020-01", "X", "sources: [a]\npart_of: war\nrelated: [y, x]\nplaces: [idlib]\n"
                             "actors: [erdogan, {actor: putin, role: target}, turkey]\n"),
        "events/y.md": event("2020-02", "Y", "part_of: war\nactors: [erdogan, putin]\n"
                             "quotes: [{by: putin, article: b, text: Putin spoke, kind: reported}]\n"),
    })
    assert problems == []
    assert [e.id for e in site.children["war"]] == ["x", "y"]
    assert [e.id for e in site.related["x"]] == ["y"], "never related to itself"
    assert [e.id for e in site.related["y"]] == ["x"], "related both ways"
    assert [(r.event.id, r.role) for r in site.actor_roles["putin"]] == [("x", "target"), ("y", "participant")]
    assert [q.id for q in site.actor_quotes["putin"]] == ["q-y-1"]
    assert [e.id for e in site.place_events["idlib"]] == ["x"]
    assert site.place_events["syria"] == [], "an event is listed on the place it names, not on those containing it"
    assert [e.id for e in site.article_events["a"]] == ["war", "x"]
    assert [e.id for e in site.article_events["b"]] == ["y"], "an article quoted is a source"
    assert [(a.id, n) for a, n in site.co_actors["erdogan"]] == [("putin", 2), ("turkey", 1)]
    assert [(a.id, n) for a, n in site.co_actors["turkey"]] == [("erdogan", 1), ("putin", 1)], "ties by name"


def test_co_actors_counted_once_per_event(tmp_path: Path) -> None:
    actors = "actors: [erdogan, erdogan, {actor: putin, role: a}, {actor: putin, role: b}]\n"
    site, _ = resolved(tmp_path, {**BASE, "events/x.md": event(more="sources: [a]\n" + actors)})
    assert [(a.id, n) for a, n in site.co_actors["erdogan"]] == [("putin", 1)]
    assert len(site.actor_roles["putin"]) == 2, "each role is listed"


def test_actor_place_and_article_backlinks(tmp_path: Path) -> None:
    site, problems = resolved(tmp_path, {
        **BASE,
        "actors/akp.md": actor("AKP", "organisation", "affiliations: [{actor: turkey, role: party}]\n"),
        "actors/erdogan.md": actor("Recep Tayyip Erdoğan", more="affiliations: [turkey, akp]\n"),
        "places/aleppo.md": place("Aleppo", "within: syria\n"),
        "articles/a.md": article("::: embed tweet by=putin\nA post.\n:::\nErdoğan spoke.\n",
                                 more="publisher: turkey\nauthors: [erdogan]\n"
                                      "contributors: [{actor: putin, role: photograph}]\n"),
        "relations/r.yml": ("- {id: r1, subject: erdogan, type: opposes, object: putin, date: 2020, places: [idlib], "
                            "sources: [{article: a, text: Erdoğan spoke}]}\n"
                            "- {id: r0, subject: putin, type: backs, object: putin, date: 2019, sources: [a]}\n"),
    })
    assert problems == []
    assert [(m.actor.id, m.affiliation.role) for m in site.members["turkey"]] == [("akp", "party"),
                                                                                  ("erdogan", "")]
    assert [m.actor.id for m in site.members["akp"]] == ["erdogan"]
    assert [r.id for r in site.actor_relations["putin"]] == ["r0", "r1"], "in date order, once when on both sides"
    assert [r.id for r in site.actor_relations["erdogan"]] == ["r1"]
    assert [r.id for r in site.place_relations["idlib"]] == ["r1"]
    assert [(r.id, c.text) for r, c in site.article_citations["a"]] == [("r0", ""), ("r1", "Erdoğan spoke")]
    assert [p.id for p in site.place_children["syria"]] == ["aleppo", "idlib"]
    assert [(art.id, role) for art, role in site.actor_articles["turkey"]] == [("a", "publisher")]
    assert [(art.id, role) for art, role in site.actor_articles["putin"]] == [("a", "photograph"),
                                                                              ("a", "embedded tweet")]
    assert [(art.id, role) for art, role in site.actor_articles["erdogan"]] == [("a", "author")]


def test_place_tree(tmp_path: Path) -> None:
    site, _ = resolved(tmp_path, {**BASE, "places/aleppo.md": place("Aleppo", "within: syria\n"),
                                  "places/saraqib.md": place("Saraqib", "within: idlib\n")})
    rows = site.place_tree([site.places["syria"]])
    assert [(r.place.id, r.depth, r.opens, r.closes) for r in rows] == [
        ("syria", 0, True, 0), ("aleppo", 1, False, 0), ("idlib", 1, True, 0), ("saraqib", 2, False, 2)]
    shallow = site.place_tree([site.places["syria"]], max_depth=1)
    assert [(r.place.id, r.hidden) for r in shallow] == [("syria", 3)]


def test_a_place_named_twice_is_listed_once_or_reported(tmp_path: Path) -> None:
    site, problems = resolved(tmp_path, {
        **BASE, "events/x.md": event(more="sources: [a]\nplaces: [idlib, idlib]\n"),
        "relations/r.yml": "- {id: r, subject: putin, type: backs, object: turkey, places: [idlib, idlib], "
                           "sources: [a]}\n"})
    listed = ([e.id for e in site.place_events["idlib"]], [r.id for r in site.place_relations["idlib"]])
    assert listed == (["x"], ["r"])
    assert [p for p in problems if "twice" in p] == [
        "content/events/x.md:5: warning: 'idlib' is listed twice in 'places': remove one",
        "content/relations/r.yml:1: warning: 'idlib' is listed twice in 'places': remove one"]
