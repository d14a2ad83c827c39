"""JSON Schemas for every kind of content file, generated from the readers' own declarations.

The field names come from the ``FIELDS`` sets that the readers in ``builder/model/`` hand to
:class:`builder.load.fields.Fields`, and the choices from their tuples (``ACTOR_KINDS``, ``PRECISIONS``), so a
field added to a reader without a schema entry (or the other way round) stops generation with an error.
What this module adds is what an editor shows: a description and examples for every field.

The schemas ship in ``builder/authoring/schemas/``; ``python -m builder schemas`` rewrites them and
``python -m builder schemas --check`` fails when they are stale.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from builder.authoring.schema_fields import (
    Field,
    JsonSchema,
    choice,
    cites_a_source,
    count,
    date,
    language,
    mapping,
    mappings,
    number,
    object_schema,
    ref,
    refs,
    slug,
    slugs,
    text,
    texts,
    url,
)
from builder.load import records
from builder.load.readers import actor, article, event, place, relation, story
from builder.model.actor import ACTOR_KINDS
from builder.model.event import CLAIM_STATUSES, QUOTE_KINDS
from builder.model.place import PRECISIONS
from builder.model.relation import INVERSE_LABELS

SCHEMA_DIR = Path(__file__).parent / "schemas"
DIALECT = "https://json-schema.org/draft/2020-12/schema"
# The same schemas declared as draft-07, for validators that know no later draft (Ajv's default, which
# remark-lint-frontmatter-schema uses); the keywords mean the same in both.
DRAFT_07 = "http://json-schema.org/draft-07/schema#"


class SchemaDrift(Exception):
    """A reader accepts a field the schema does not describe, or the schema describes one it does not read."""


def _matching(fields: dict[str, Field], read: set[str], what: str) -> dict[str, Field]:
    if set(fields) != read:
        missing, extra = sorted(read - set(fields)), sorted(set(fields) - read)
        raise SchemaDrift(f"{what}: read but not in the schema: {missing}; in the schema but not read: {extra}")
    return fields


def _date_fields(what: str, *, required: bool = False) -> dict[str, Field]:
    return {
        "date": date(f"When {what}, as resolved from the source.", required=required,
                     examples=["2020-02-12", "2020-02", "2011~", "2011/.."]),
        "date_text": text("The date as the source wrote it, word for word.", examples=["on Wednesday"]),
        "date_note": text("How the date was resolved from what the source wrote.",
                          examples=["weekday before publication; article published Wed 12 Feb 2020"]),
    }




def _id(*, required: bool) -> Field:
    generated = "" if required else " Without one, the id is SUBJECT-TYPE-OBJECT."
    return slug("The id other files use to refer to this one: lowercase letters, digits and single hyphens; "
                f"unique among its kind.{generated}", required=required, blank=False, examples=["bashar-al-assad"])

NATIVE = {
    "native_name": text("The name in its own script, linked in articles and found by search.",
                        examples=["رجب طيب أردوغان"]),
    "native_language": language("The native name's language, as a BCP 47 tag: sets its language and direction.",
                                examples=["ar", "tr", "ru"]),
    "romanisation": text("The native name in Latin letters, one scheme (e.g. ALA-LC); linked and searched too.",
                         examples=["Ḥalab"]),
}

ACTOR = _matching({
    "name": text("The name shown on pages; it and the aliases are linked wherever they occur in articles.",
                 required=True, examples=["Recep Tayyip Erdoğan"]),
    "aliases": texts("Other names and transliterations, all linked in articles.",
                     examples=[["Erdogan", "Recep Tayyip Erdogan"]]),
    "kind": choice(ACTOR_KINDS, "What sort of actor this is; 'group' is an unnamed collective such "
                                      "as 'local residents'.", required=True),
    "title": text("Role or office.", examples=["President of Turkey"]),
    "summary": text("One line shown in lists.", examples=["President of Turkey since 2014."]),
    "affiliations": mappings(_matching({
        "actor": ref("actor", "The actor this one belongs to or serves.", required=True, examples=["turkey"]),
        "role": text("The role held there.", examples=["President"]),
        **_date_fields("the affiliation held"),
    }, actor.AFFILIATION_FIELDS, "affiliation"), "Actors this one belongs to or serves, shown on both pages; "
                                                  "a bare actor id is short for {actor: ID}.", shorthand="actor",
        examples=[[{"actor": "turkey", "role": "President", "date": "2014-08-28/.."}]]),
    "description": text("Markdown description; in a .md file, write it below the front matter instead."),
    **NATIVE,
}, actor.FIELDS, "actor")

PLACE = _matching({
    "name": text("The name shown on pages; it and the aliases are linked in articles.", required=True,
                 examples=["Khirbet Ammu"]),
    "aliases": texts("Other names and spellings, all linked in articles.", examples=[["Khirbat Ammu"]]),
    "kind": slug("What sort of place: a free slug.", examples=["country", "province", "city", "village", "site"]),
    "within": ref("place", "The place that contains this one (a place id); cycles are errors.",
                  examples=["qamishli"]),
    "coordinates": mapping(_matching({
        "lat": number("Latitude in degrees.", required=True, low=-90, high=90, examples=[37.05]),
        "lon": number("Longitude in degrees.", required=True, low=-180, high=180, examples=[41.29]),
        "precision": choice(PRECISIONS, "How exact the coordinates are (default: approximate)."),
    }, place.COORDINATE_FIELDS, "coordinates"), "Where the place is.",
        examples=[{"lat": 37.05, "lon": 41.29, "precision": "settlement"}]),
    "description": text("Markdown description; in a .md file, write it below the front matter instead."),
    **NATIVE,
}, place.FIELDS, "place")

EVENT = _matching({
    "title": text("What happened, in one line.", required=True,
                  examples=["US convoy comes under fire at a checkpoint near Qamishli"]),
    **_date_fields("it happened", required=True),
    "type": slug("What sort of event: a free slug.", examples=["clash", "statement", "meeting", "deadline"]),
    "tags": slugs("Free slugs to filter the timeline by.", examples=[["us-forces", "checkpoint"]]),
    "places": refs("place", "Where it happened (place ids).", examples=[["khirbet-ammu"]]),
    "actors": mappings(_matching({
        "actor": ref("actor", "Who took part (an actor id).", required=True, examples=["us-led-coalition"]),
        "role": slug("Their part in it (default: participant).",
                     examples=["attacker", "target", "mediator", "speaker", "participant", "subject"]),
    }, event.ACTOR_ROLE_FIELDS, "event actor"), "Who took part and how; a bare actor id is short for "
                                                "{actor: ID, role: participant}.", shorthand="actor",
        examples=[[{"actor": "pro-government-forces", "role": "attacker"}]]),
    "part_of": ref("event", "The larger event this one belongs to (an event id); cycles are errors.",
                   examples=["us-syria-checkpoint-standoff"]),
    "related": refs("event", "Related events (event ids), shown on both.",
                    examples=[["russia-mediates-at-checkpoint"]]),
    "sources": refs("article", "The articles the event is drawn from (article ids). An event cites at least "
                               "one source, here or through its quotes.", examples=[["guardian-checkpoint-clash"]]),
    "quotes": mappings(_matching({
        "by": ref("actor", "Who said it (an actor id).", required=True, examples=["myles-caggins"]),
        "article": ref("article", "The article the words are in (an article id).", required=True,
                       examples=["guardian-checkpoint-clash"]),
        "text": text("The words, verbatim as they occur in the article; `check` finds them there.",
                     required=True, examples=["In self-defense, coalition troops returned fire"]),
        "note": text("A note on the quote, shown after it as plain text."),
        "kind": choice(QUOTE_KINDS, "direct (default): the speaker's own words, in quotation marks in the article; "
                                    "reported: the reporter's sentence about what they said, shown as 'according "
                                    "to ARTICLE, SPEAKER said that …'."),
        "status": choice(CLAIM_STATUSES, "What is known of the claim, shown beside it and filterable."),
        "status_note": text("Why the claim has that status, shown beside it."),
        "status_source": ref("article", "The article that settles the status (an article id).",
                             examples=["guardian-checkpoint-clash"]),
        "translation": text("The quote in the site's language, shown beside the original."),
        "translated_by": text("Who translated it.", examples=["the editors"]),
    }, event.QUOTE_FIELDS, "quote"), "Each party's account in its own words: shown side by side, never merged."),
    "commentary": text("Markdown commentary; in a .md file, write it below the front matter instead."),
    "fatalities": count("Deaths as the source reported them (ACLED: its most conservative figure); shown on "
                        "the event's page.", examples=[0, 3]),
    "media": mapping(_matching({
        "url": url("The picture or other media.", required=True, examples=["https://example.org/photo.jpg"]),
        "caption": text("What it shows."),
        "credit": text("Who made it or holds its rights.", examples=["Reuters"]),
        "alt": text("Text for readers who cannot see it."),
    }, event.MEDIA_FIELDS, "media"), "A picture (or a link to other media) shown on the event's page, with its "
                                     "caption and credit."),
}, event.FIELDS, "event")

RELATION = _matching({
    "subject": ref("actor", "The actor the relation goes from (an actor id).", required=True,
                   examples=["united-states"]),
    "type": slug("The relation, read from subject to object: a free slug.", required=True,
                 examples=sorted(INVERSE_LABELS)),
    "object": ref("actor", "The actor the relation goes to (an actor id).", required=True, examples=["turkey"]),
    **_date_fields("the relation held"),
    "places": refs("place", "Where the relation applies (place ids).", examples=[["idlib"]]),
    "sources": mappings(_matching({
        "article": ref("article", "The article (an article id).", required=True,
                       examples=["bloomberg-erdogan-vows-idlib"]),
        "text": text("A passage of the article, verbatim, that shows the relation.",
                     examples=["buoyed by rare public support from the U.S."]),
    }, relation.CITATION_FIELDS, "relation source"), "The articles that show the relation (at least one); "
                                                     "a bare article id is short for {article: ID}.",
        shorthand="article"),
    "note": text("Markdown note."),
}, relation.FIELDS, "relation")

ARTICLE = _matching({
    "title": text("The headline.", required=True,
                  examples=["US, Syrian and Russian forces involved in deadly checkpoint clash"]),
    "publisher": ref("actor", "Who published it (an actor id, usually of kind media-outlet).",
                     examples=["the-guardian"]),
    "authors": refs("actor", "Who wrote it (actor ids).", examples=[["patrick-wintour"]]),
    "contributors": mappings(_matching({
        "actor": ref("actor", "Who (an actor id).", required=True, examples=["anthony-halpin"]),
        "role": text("What they did (default: contributor).", examples=["assistance", "photo"]),
    }, article.CONTRIBUTOR_FIELDS, "contributor"), "Others credited, with what they did; a bare actor id is "
                                                   "short for {actor: ID}.", shorthand="actor"),
    "published": date("When it was published.", required=True, examples=["2020-02-12"]),
    "url": url("Where it was published.", examples=["https://www.theguardian.com/world/…"]),
    "archive_url": url("An archived copy.", examples=["https://web.archive.org/…"]),
    "accessed": date("When it was read at the URL.", examples=["2020-02-13"]),
    "language": language("Its language, as a BCP 47 tag (default: en): sets the language and writing direction "
                         "of its text (ar, fa, he, ur … read right to left).", examples=["en", "fr", "ar"]),
    "note": text("Markdown note shown with the article, e.g. where its title comes from."),
    "corrections": mappings(_matching({
        "text": text("The misspelling, exactly as it stands in the article.", required=True,
                     examples=["opposijtion"]),
        "correction": text("What was meant.", required=True, examples=["opposition"]),
    }, article.CORRECTION_FIELDS, "correction"), "Typos kept verbatim in the text and shown as "
                                                 "'opposijtion [sic: opposition]'."),
}, article.FIELDS, "article")

STORY = _matching({
    "title": text("The story's title.", required=True,
                  examples=["A checkpoint clash at Khirbet Ammu, account by account"]),
    "summary": text("One or two sentences for the stories index and link previews (plain text)."),
    **_date_fields("the story takes place (default: from its first step's event to its last's)"),
    "steps": mappings(_matching({
        "event": ref("event", "The event this step shows (an event id).", required=True,
                     examples=["us-patrol-meets-checkpoint"]),
        "quote": text("One of that event's quotes, shown with the step: its number in the event's list "
                      "(1 is the first), or words of exactly one of them (default: all its quotes).",
                      examples=[1, "fired in the air"]),
        "narration": text("Markdown: what the author tells the reader at this step."),
    }, story.STEP_FIELDS, "story step"), "The steps in the order they are told (at least one); a bare event id "
                                         "is short for {event: ID}.", shorthand="event"),
    "introduction": text("Markdown introduction; in a .md file, write it below the front matter instead."),
}, story.FIELDS, "story")

SITE = _matching({
    "title": text("The site's title.", examples=["Idlib and Qamishli, February 2020"]),
    "intro": text("Markdown shown on the home page."),
    "description": text("One line for search engines and link previews."),
    "licence": text("The licence of the data the site publishes under data/, as an SPDX id or a name.",
                    examples=["CC-BY-4.0", "ODbL-1.0"]),
}, records.SITE_FIELDS, "site.yml")


@dataclass(frozen=True)
class FileKind:
    """One kind of content file and the schema that describes it."""

    name: str  # the schema's file name without ".schema.json"
    title: str
    description: str
    schema: JsonSchema


def _front_matter(name: str, title: str, fields: dict[str, Field], extra: str, *rules: JsonSchema,
                  folder: str = "") -> FileKind:
    schema = object_schema(fields)
    if rules:
        schema["allOf"] = list(rules)
    return FileKind(name, f"{title} (front matter of content/{folder or name + 's'}/ID.md)",
                    f"The YAML front matter of one {name}; the id is the file name. {extra}".strip(), schema)


def _list_file(name: str, title: str, fields: Mapping[str, Field], *rules: JsonSchema, id_required: bool = True,
               ) -> FileKind:
    item = object_schema({"id": _id(required=id_required), **fields})
    if rules:
        item["allOf"] = list(rules)
    how = "each with its own id" if id_required else "each with an id, or SUBJECT-TYPE-OBJECT when it has none"
    return FileKind(f"{name}-list", f"{title}s (a .yml file in content/{name}s/)",
                    f"Many {name}s in one YAML list, {how}.", {"type": "array", "items": item})


EVENT_SOURCE = cites_a_source("sources", "quotes")
RELATION_SOURCE = cites_a_source("sources")
HAS_STEPS = cites_a_source("steps")
KINDS: tuple[FileKind, ...] = (
    _front_matter("actor", "Actor", ACTOR, "The Markdown body below it is the description."),
    _list_file("actor", "Actor", ACTOR),
    _front_matter("place", "Place", PLACE, "The Markdown body below it is the description."),
    _list_file("place", "Place", PLACE),
    _front_matter("event", "Event", EVENT, "The Markdown body below it is the commentary.", EVENT_SOURCE),
    _list_file("event", "Event", EVENT, EVENT_SOURCE),
    _front_matter("relation", "Relation", RELATION, "The Markdown body below it is the note.", RELATION_SOURCE),
    _list_file("relation", "Relation", RELATION, RELATION_SOURCE, id_required=False),
    _front_matter("article", "Article", ARTICLE, "The body below it is the article's text, verbatim (`check` "
                                                 "reads it, not this schema); without one the article is a "
                                                 "citation-only source, which events may cite and quotes cannot."),
    _front_matter("story", "Story", STORY, "The Markdown body below it is the introduction.", HAS_STEPS,
                  folder="stories"),
    FileKind("site", "Site (content/site.yml)", "The site's title and the home page's introduction.",
             object_schema(SITE)),
)


def render(kind: FileKind, dialect: str = DIALECT) -> str:
    """The schema file's text: stable key order and a final newline, so regeneration is byte-identical."""
    document = {"$schema": dialect, "title": kind.title,
                "description": kind.description, **kind.schema}
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def expected_files(dialect: str = DIALECT) -> dict[str, str]:
    return {f"{kind.name}.schema.json": render(kind, dialect) for kind in KINDS}


def stale_files(directory: Path = SCHEMA_DIR, dialect: str = DIALECT) -> list[str]:
    """Names of schema files that are missing, out of date, or no longer generated."""
    expected = expected_files(dialect)
    present = {path.name for path in directory.glob("*.schema.json")}
    changed = [name for name, text in expected.items()
               if not (directory / name).is_file() or (directory / name).read_text(encoding="utf-8") != text]
    return sorted(set(changed) | (present - set(expected)))


def write_schemas(directory: Path = SCHEMA_DIR, dialect: str = DIALECT) -> list[str]:
    """Write every schema (and remove ones no longer generated); returns the names that changed."""
    changed = stale_files(directory, dialect)
    directory.mkdir(parents=True, exist_ok=True)
    expected = expected_files(dialect)
    for name in changed:
        if name in expected:
            (directory / name).write_text(expected[name], encoding="utf-8")
        else:
            (directory / name).unlink()
    return changed
