"""One reader per kind: the fields each accepts and the rules of each, read from real files.

Readers are reached through ``read_file`` (folder, file, path as shown), not imported by name, so that
this file does not depend on the module each reader lives in.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from builder.diagnostics import Origin
from builder.load.records import read_file
from builder.model.common import Ref
from builder.model.event import Media


def read(tmp_path: Path, folder: str, name: str, text: str) -> tuple[Any, list[str]]:
    """The one entity of a file, and every problem reading it (file's own and entity's), in order."""
    file = tmp_path / name
    file.write_text(text, encoding="utf-8")
    result = read_file(folder, file, name)
    problems = [d.format() for d in result.problems]
    assert len(result.entries) <= 1
    for entry in result.entries:
        problems += [d.format() for d in entry.problems]
    return (result.entries[0].entity if result.entries else None), problems


ARTICLE_HEAD = "---\ntitle: Clash\npublished: 2020-02-12\n---\n"


# articles


def test_article_fields(tmp_path: Path) -> None:
    article, problems = read(tmp_path, "articles", "a.md", (
        "---\ntitle: Clash\npublisher: the-guardian\nauthors: [jane-doe]\n"
        "contributors:\n  - associated-press\n  - {actor: getty, role: photograph}\n"
        "published: 2020-02-12\nurl: https://example.org/a\naccessed: 2021-01\nlanguage: fr\n"
        "corrections:\n  - {text: USn, correction: US}\n---\nA USn convoy.\n"))
    assert problems == []
    assert (article.id, article.title, article.language, article.url) == ("a", "Clash", "fr", "https://example.org/a")
    assert article.publisher == Ref("actor", "the-guardian", Origin("a.md", 3))
    assert [a.id for a in article.authors] == ["jane-doe"]
    assert [(c.actor.id, c.role) for c in article.contributors] == [("associated-press", "contributor"),
                                                                    ("getty", "photograph")]
    assert article.published is not None and article.accessed is not None
    assert [(c.text, c.correction, c.origin.line) for c in article.corrections] == [("USn", "US", 13)]
    assert [p.text for p in article.paragraphs] == ["A USn convoy."]


def test_article_required_fields_and_bad_url(tmp_path: Path) -> None:
    article, problems = read(tmp_path, "articles", "a.md",
                             "---\nurl: 'javascript:alert(1)'\nsource: x\n---\nText.\n")
    assert article.title == "a", "the id stands in for a missing title"
    assert article.url == ""
    assert problems == [
        "a.md:3: unknown field 'source' in article 'a'",
        "a.md:2: missing required field 'title' in article 'a'",
        "a.md:2: missing required field 'published' in article 'a'",
        "a.md:2: url: 'javascript:alert(1)' is not a web address: only http:// and https:// addresses are allowed "
        "(a link to anything else could run code)",
    ]


def test_article_body_blocks_paragraphs_and_lines(tmp_path: Path) -> None:
    article, problems = read(tmp_path, "articles", "a.md", ARTICLE_HEAD + (
        "::: standfirst\nFirst point\n\nSecond point\n:::\n\nRunning text\ngoes on.\n\n"
        "Another paragraph.\n::: caption\nA photo.\n:::\n"))
    assert problems == []
    assert [(b.kind, b.line, [p.text for p in b.paragraphs]) for b in article.blocks] == [
        ("standfirst", 5, ["First point", "Second point"]),
        ("text", 11, ["Running text\ngoes on."]),
        ("text", 14, ["Another paragraph."]),
        ("caption", 15, ["A photo."]),
    ]
    assert [p.line for p in article.paragraphs] == [6, 8, 11, 14, 16]


def test_article_explicit_mentions_leave_their_label_in_the_text(tmp_path: Path) -> None:
    article, problems = read(tmp_path, "articles", "a.md", ARTICLE_HEAD + (
        "East of [Qamishli](place:qamishli), [Assad](actor:bashar-al-assad) said;\n"
        "[Turkey](-) replied [x](actor:Bad).\n"))
    (paragraph,) = article.paragraphs
    assert paragraph.text == "East of Qamishli, Assad said;\nTurkey replied x."
    spans = [(paragraph.text[m.start:m.end], m.ref.kind if m.ref else None, m.ref.id if m.ref else None)
             for m in paragraph.explicit]
    assert spans == [("Qamishli", "place", "qamishli"), ("Assad", "actor", "bashar-al-assad"),
                     ("Turkey", None, None), ("x", None, None)]
    assert paragraph.explicit[1].ref is not None and paragraph.explicit[1].ref.origin == Origin("a.md", 5)
    assert problems == ["a.md:6: mention of 'x': 'Bad' is not a valid id: use lowercase letters, digits and single "
                        "hyphens (e.g. 'bashar-al-assad')"]


def test_article_embed_attributes(tmp_path: Path) -> None:
    article, problems = read(tmp_path, "articles", "a.md", ARTICLE_HEAD + (
        "::: embed tweet by=brett-mcgurk\nA post.\n:::\n::: embed type=video by=Bad\nB.\n:::\n"
        "::: caption colour=red\nC.\n:::\n::: embed tyep=x\nD.\n:::\n"))
    assert [(b.kind, b.embed_type, b.by.id if b.by else None) for b in article.blocks] == [
        ("embed", "tweet", "brett-mcgurk"), ("embed", "video", None), ("caption", "", None), ("embed", "", None)]
    assert problems == [
        "a.md:8: by: 'Bad' is not a valid id: use lowercase letters, digits and single hyphens (e.g. "
        "'bashar-al-assad')",
        "a.md:11: unknown attribute 'colour=red' on '::: caption'",
        "a.md:14: unknown attribute 'tyep=x' on '::: embed' (did you mean 'type'?)",
    ]


def test_article_fence_problems(tmp_path: Path) -> None:
    article, problems = read(tmp_path, "articles", "a.md", ARTICLE_HEAD + (
        "::: captoin\nA.\n:::\n::: credit\n:::\n::: aside\nOpen.\n::: byline\nBy me.\n"
        "::: embed 'unclosed\nE.\n:::\n"))
    assert problems == [
        "a.md:5: unknown block kind 'captoin' (did you mean 'caption'?); expected one of: heading, standfirst, "
        "caption, credit, byline, aside, embed",
        "a.md:8: '::: credit' block is empty",
        "a.md:10: '::: aside' block is never closed before the next '::: byline' at line 12: add a ':::' line where "
        "it ends",
        "a.md:12: '::: byline' block is never closed before the next '::: embed' at line 14: add a ':::' line where "
        "it ends",
        "a.md:14: cannot read the block's attributes: No closing quotation",
    ]
    assert [b.kind for b in article.blocks] == ["text", "credit", "aside", "byline", "embed"]
    assert [p.text for p in article.paragraphs] == ["A.", "Open.", "By me.", "E."]


def test_article_fence_never_closed_at_the_end(tmp_path: Path) -> None:
    article, problems = read(tmp_path, "articles", "a.md", ARTICLE_HEAD + "Text.\n\n::: aside\nLast words.\n")
    assert problems == ["a.md:7: '::: aside' block is never closed: add a ':::' line"]
    assert [(b.kind, [p.text for p in b.paragraphs]) for b in article.blocks] == [("text", ["Text."]),
                                                                                 ("aside", ["Last words."])]


def test_article_without_text_is_citation_only(tmp_path: Path) -> None:
    article, problems = read(tmp_path, "articles", "a.md", ARTICLE_HEAD + "\n  \n")
    assert article.blocks == [] and article.citation_only
    assert problems == []  # events may cite it; a quote from it is the resolver's problem (resolve/anchoring)


def test_article_correction_needs_both_parts(tmp_path: Path) -> None:
    article, problems = read(tmp_path, "articles", "a.md",
                             "---\ntitle: T\npublished: 2020\ncorrections:\n  - {text: USn}\n  - USn\n---\nX.\n")
    assert article.corrections == []
    assert problems == ["a.md:6: each item of 'corrections' must be a mapping, not 'USn'",
                        "a.md:5: missing required field 'correction' in a correction"]


# actors


def test_actor_fields_and_description_from_the_body(tmp_path: Path) -> None:
    actor, problems = read(tmp_path, "actors", "erdogan.md", (
        "---\nname: Recep Tayyip Erdoğan\naliases: [Erdoğan, Erdogan]\nkind: person\ntitle: President\n"
        "affiliations:\n  - turkey\n  - {actor: akp, role: leader, date: 2001}\n---\n\nHe leads *Turkey*.\n"))
    assert problems == []
    assert actor.names == ["Recep Tayyip Erdoğan", "Erdoğan", "Erdogan"]
    assert (actor.kind, actor.title) == ("person", "President")
    assert [(a.actor.id, a.role, a.date.display) for a in actor.affiliations] == [("turkey", "", ""),
                                                                                 ("akp", "leader", "2001")]
    assert actor.description == "He leads *Turkey*."
    assert actor.description.origin == Origin("erdogan.md", 11)


def test_actor_kind_and_name_rules(tmp_path: Path) -> None:
    actor, problems = read(tmp_path, "actors", "x.md", "---\nkind: militia\naliases: [yes]\n"
                                                         "affiliations: [{role: member}]\n---\n")
    assert (actor.name, actor.kind, actor.aliases, actor.affiliations) == ("x", "other", [], [])
    assert problems == [
        "x.md:4: missing required field 'actor' in an affiliation of 'x'",
        "x.md:2: missing required field 'name' in actor 'x'",
        "x.md:2: 'kind' is 'militia'; expected one of: person, state, government, government-agency, armed-force, "
        "armed-group, organisation, international-organisation, media-outlet, company, group, other",
        "x.md:3: each item of 'aliases' must be text, not 'true'",
    ]


def test_actors_in_a_list_file(tmp_path: Path) -> None:
    file = tmp_path / "l.yml"
    file.write_text("- id: a\n  name: A\n  kind: state\n  description: Some *text*\n- id: b\n  name: B\n"
                    "  kind: stat\n", encoding="utf-8")
    result = read_file("actors", file, "l.yml")
    a, b = (entry.entity for entry in result.entries)
    assert (a.id, a.description, a.description.origin.line) == ("a", "Some *text*", 4)
    assert b.kind == "other"
    assert [d.format() for d in result.entries[1].problems] == [
        "l.yml:7: 'kind' is 'stat'; expected one of: person, state, government, government-agency, armed-force, "
        "armed-group, organisation, international-organisation, media-outlet, company, group, other (did you mean "
        "'state'?)"]


# places


def test_place_fields(tmp_path: Path) -> None:
    place, problems = read(tmp_path, "places", "idlib.md", (
        "---\nname: Idlib\naliases: [Idlib province]\nkind: province\nwithin: syria\n"
        "coordinates: {lat: 35.8, lon: 36.6, precision: region}\n---\nA province.\n"))
    assert problems == []
    assert place.names == ["Idlib", "Idlib province"]
    assert place.within == Ref("place", "syria", Origin("idlib.md", 5))
    assert place.coordinates is not None
    assert (place.coordinates.lat, place.coordinates.lon, place.coordinates.precision) == (35.8, 36.6, "region")
    assert place.description == "A province."


def test_place_precision_defaults_to_approximate(tmp_path: Path) -> None:
    place, problems = read(tmp_path, "places", "p.md", "---\nname: P\ncoordinates: {lat: -90, lon: 180}\n---\n")
    assert problems == []
    assert place.coordinates is not None and place.coordinates.precision == "approximate"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("{lat: 91, lon: 0}", ["p.md:3: latitude 91.0 is outside -90..90"]),
        ("{lat: 0, lon: -180.5}", ["p.md:3: longitude -180.5 is outside -180..180"]),
        ("{lat: 0}", ["p.md:3: missing required field 'lon' in coordinates"]),
        ("{lat: north, lon: 1}", ["p.md:3: 'lat' must be a number, not 'north'"]),
        ("[35.8, 36.6]", ["p.md:3: 'coordinates' must be a mapping, not a list"]),
    ],
)
def test_place_coordinates_refused(tmp_path: Path, text: str, expected: list[str]) -> None:
    place, problems = read(tmp_path, "places", "p.md", f"---\nname: P\ncoordinates: {text}\n---\n")
    assert problems == expected
    assert place.coordinates is None


def test_place_coordinates_kept_with_a_bad_precision_or_field(tmp_path: Path) -> None:
    place, problems = read(tmp_path, "places", "p.md",
                           "---\nname: P\ncoordinates: {lat: 1, lon: 2, precision: vague, alt: 3}\n---\n")
    assert place.coordinates is not None and place.coordinates.precision == "approximate"
    assert problems == [
        "p.md:3: unknown field 'alt' in coordinates (did you mean 'lat'?)",
        "p.md:3: 'precision' is 'vague'; expected one of: exact, approximate, settlement, district, region, country",
    ]


def test_place_kind_is_an_id(tmp_path: Path) -> None:
    place, problems = read(tmp_path, "places", "p.md", "---\nname: P\nkind: Big City\n---\n")
    assert place.kind == ""
    assert problems == ["p.md:3: kind: 'Big City' is not a valid id: use lowercase letters, digits and single hyphens "
                        "(e.g. 'bashar-al-assad')"]


# events


EVENT = "---\ntitle: Clash\ndate: 2020-02-12\n{more}---\n"


def test_event_fields(tmp_path: Path) -> None:
    event, problems = read(tmp_path, "events", "e.md", EVENT.format(more=(
        "date_text: on Wednesday\ntype: clash\ntags: [us-forces, checkpoint]\nplaces: [qamishli]\n"
        "actors:\n  - us-army\n  - {actor: syria, role: target}\npart_of: war\nrelated: [other]\n"
        "sources: [a1, a2]\nquotes:\n  - {by: caggins, article: a2, text: de-escalated, note: in a statement}\n"
        "  - {by: caggins, article: a3, text: second}\n")) + "Commentary *here*.\n")
    assert problems == []
    assert (event.title, event.date.text, event.date.display, event.type) == ("Clash", "on Wednesday",
                                                                             "12 Feb 2020", "clash")
    assert event.tags == ["us-forces", "checkpoint"]
    assert [p.id for p in event.places] == ["qamishli"]
    assert [(p.actor.id, p.role) for p in event.actors] == [("us-army", "participant"), ("syria", "target")]
    assert event.part_of == Ref("event", "war", Origin("e.md", 11))
    assert [(q.id, q.by.id, q.article.id, q.text, q.note, q.origin.line) for q in event.quotes] == [
        ("q-e-1", "caggins", "a2", "de-escalated", "in a statement", 15),
        ("q-e-2", "caggins", "a3", "second", "", 16)]
    assert event.source_ids == ["a1", "a2", "a3"]
    assert event.commentary == "Commentary *here*." and event.commentary.origin.line == 18


def test_event_must_cite_a_source(tmp_path: Path) -> None:
    event, problems = read(tmp_path, "events", "e.md", EVENT.format(more=""))
    assert event.sources == [] and event.quotes == []
    assert problems == ["e.md:2: event 'e' cites no source: add 'sources' or 'quotes'"]


def test_event_requires_a_date(tmp_path: Path) -> None:
    event, problems = read(tmp_path, "events", "e.md", "---\ntitle: T\ndate:\nsources: [a]\n---\n")
    assert event.date.value is None
    assert problems == ["e.md:3: 'date' has no value in event 'e'"]


def test_event_quote_and_role_problems(tmp_path: Path) -> None:
    event, problems = read(tmp_path, "events", "e.md", EVENT.format(more=(
        "actors:\n  - {actor: x, role: Chief Speaker}\n  - {role: speaker}\n"
        "quotes:\n  - {article: a, text: words}\n  - {by: b, article: a, text: '  '}\n"
        "  - {by: b, article: a, txt: t}\n")))
    assert [(p.actor.id, p.role) for p in event.actors] == [("x", "participant")]
    assert event.quotes == []
    assert problems == [
        "e.md:5: role: 'Chief Speaker' is not a valid id: use lowercase letters, digits and single hyphens "
        "(e.g. 'bashar-al-assad')",
        "e.md:6: missing required field 'actor' in an actor of event 'e'",
        "e.md:8: missing required field 'by' in a quote of event 'e'",
        "e.md:9: 'text' must not be empty",
        "e.md:10: unknown field 'txt' in a quote of event 'e' (did you mean 'text'?)",
        "e.md:10: missing required field 'text' in a quote of event 'e'",
    ]


def test_event_fatalities_and_media(tmp_path: Path) -> None:
    event, problems = read(tmp_path, "events", "e.md", EVENT.format(more=(
        "sources: [a]\nfatalities: 3\nmedia:\n  url: https://example.org/p.JPG?s=1\n  caption: The checkpoint\n"
        "  credit: AP\n  alt: A road block\n")))
    assert problems == []
    assert event.fatalities == 3 and isinstance(event.fatalities, int)
    assert event.media == Media("https://example.org/p.JPG?s=1", "The checkpoint", "AP", "A road block")
    assert event.media.is_image


def test_event_fatalities_and_media_problems(tmp_path: Path) -> None:
    event, problems = read(tmp_path, "events", "e.md", EVENT.format(more=(
        "sources: [a]\nfatalities: 2.5\nmedia:\n  caption: No address\n  size: big\n")))
    assert event.fatalities is None and event.media is None
    assert sorted(problems) == [
        "e.md:5: fatalities: 2.5 is not a count (0, 1, 2 …)",
        "e.md:7: missing required field 'url' in the media of event 'e'",
        "e.md:8: unknown field 'size' in the media of event 'e'",
    ]
    event, problems = read(tmp_path, "events", "e.md", EVENT.format(more=(
        "sources: [a]\nfatalities: -1\nmedia: {url: 'ftp://example.org/v.mp4'}\n")))
    assert event.fatalities is None and event.media is None
    assert len(problems) == 2 and "e.md:5: fatalities: -1 is not a count (0, 1, 2 …)" in problems


def test_event_tags_are_ids(tmp_path: Path) -> None:
    event, problems = read(tmp_path, "events", "e.md", EVENT.format(more="sources: [a]\ntags: [ok, Not OK]\n"))
    assert event.tags == ["ok"]
    assert len(problems) == 1 and problems[0].startswith("e.md:5: tags: 'Not OK' is not a valid id")


# relations


def test_relation_fields_and_labels(tmp_path: Path) -> None:
    file = tmp_path / "r.yml"
    file.write_text("- id: us-backs-tr\n  subject: us\n  type: backs\n  object: tr\n  date: 2020-02\n"
                    "  places: [idlib]\n  sources:\n    - a1\n    - {article: a2, text: rare public support}\n"
                    "  note: Rare.\n- {id: x, subject: a, type: sells-arms-to, object: b, sources: [a1]}\n",
                    encoding="utf-8")
    result = read_file("relations", file, "r.yml")
    assert result.problems == [] and all(entry.problems == [] for entry in result.entries)
    relation, other = (entry.entity for entry in result.entries)
    assert (relation.subject.id, relation.type, relation.object.id, relation.date.display) == ("us", "backs", "tr",
                                                                                              "Feb 2020")
    assert [(c.article.id, c.text, c.origin.line) for c in relation.sources] == [("a1", "", 8),
                                                                                ("a2", "rare public support", 9)]
    assert [p.id for p in relation.places] == ["idlib"]
    assert (relation.label, relation.inverse_label) == ("backs", "backed by")
    assert (other.label, other.inverse_label) == ("sells arms to", "sells arms to (object)")


def test_relation_must_cite_a_source_and_name_both_sides(tmp_path: Path) -> None:
    file = tmp_path / "r.yml"
    file.write_text("- {id: r, subject: a, type: Backs, object: b}\n", encoding="utf-8")
    result = read_file("relations", file, "r.yml")
    assert result.entries[0].entity is None, "a relation without a valid type is rejected"
    assert [d.format() for d in result.entries[0].problems] == [
        "r.yml:1: type: 'Backs' is not a valid id: use lowercase letters, digits and single hyphens (e.g. "
        "'bashar-al-assad')",
        "r.yml:1: relation 'r' cites no source: add 'sources' with at least one article",
    ]


def test_article_stray_closing_fence_is_reported(tmp_path: Path) -> None:
    article, problems = read(tmp_path, "articles", "a.md", ARTICLE_HEAD + "Text.\n:::\nMore.\n\n::: aside\nA.\n:::\n"
                                                                       ":::\n")
    assert problems == [
        "a.md:6: warning: this ':::' closes no block (no '::: KIND' line opens one above it): it is left out of the "
        "text; remove it",
        "a.md:12: warning: this ':::' closes no block (no '::: KIND' line opens one above it): it is left out of the "
        "text; remove it"]
    assert [(p.text, p.line) for p in article.paragraphs] == [("Text.", 5), ("More.", 7), ("A.", 10)]


@pytest.mark.parametrize(("markup", "fix"), [
    ("[Turkey](place: turkey)", "write it '[Turkey](place:turkey)', without spaces"),
    ("[Turkey](actr:turkey)", "write it '[Turkey](actor:turkey)', without spaces"),
    ("[Turkey]( Place : turkey )", "write it '[Turkey](place:turkey)', without spaces"),
    ("[Turkey](actors:Bad Id)", "the id 'Bad Id' is not a valid id: use lowercase letters, digits and single "
                                "hyphens (e.g. 'bashar-al-assad')"),
])
def test_article_near_miss_of_mention_markup_is_reported(tmp_path: Path, markup: str, fix: str) -> None:
    article, problems = read(tmp_path, "articles", "a.md", ARTICLE_HEAD + f"Text [A](actor:a)\nand {markup} said.\n")
    assert problems == [f"a.md:6: warning: '{markup}' looks like a mention but is not read as one: {fix}"]
    assert article.paragraphs[0].text == f"Text A\nand {markup} said."


@pytest.mark.parametrize("link", ["[site](https://example.org/)", "[mail](mailto:a@b.org)", "[x](places.md)",
                                  "[x](ftp:x)"])
def test_article_links_of_other_kinds_are_no_near_miss(tmp_path: Path, link: str) -> None:
    _, problems = read(tmp_path, "articles", "a.md", ARTICLE_HEAD + f"Text {link} [A](place:a).\n")
    assert problems == []
