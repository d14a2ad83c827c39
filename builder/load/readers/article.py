"""An article's front matter and body → Article."""

from __future__ import annotations

from builder.diagnostics import Diagnostics
from builder.load.fields import Fields
from builder.load.readers.article_body import parse_body
from builder.load.yaml_nodes import Located
from builder.model.article import Article, Contribution, Correction

FIELDS = {
    "title",
    "publisher",
    "authors",
    "contributors",
    "published",
    "url",
    "archive_url",
    "accessed",
    "language",
    "note",
    "corrections",
}
CONTRIBUTOR_FIELDS = {"actor", "role"}
CORRECTION_FIELDS = {"text", "correction"}


def read_article(id: str, data: Located, body: str, body_line: int, diagnostics: Diagnostics) -> Article:
    fields = Fields(data, diagnostics, f"article '{id}'", FIELDS)
    contributors = []
    for item in fields.mappings("contributors", shorthand="actor"):
        sub = Fields(item, diagnostics, f"a contributor of '{id}'", CONTRIBUTOR_FIELDS)
        ref = sub.ref("actor", "actor", required=True)
        if ref:
            contributors.append(Contribution(ref, sub.text("role") or "contributor"))
    corrections = []
    for item in fields.mappings("corrections"):
        sub = Fields(item, diagnostics, "a correction", CORRECTION_FIELDS)
        text, correction = sub.text("text", required=True), sub.text("correction", required=True)
        if text and correction:
            corrections.append(Correction(text, correction, sub.origin("text")))
    # No text is a citation-only source (a paywalled article, a dataset's outlet): events may cite
    # it, quotes cannot (resolve/anchoring says so where a quote does).
    blocks = parse_body(body, body_line, data.origin.path, diagnostics)
    return Article(
        id=id,
        origin=data.origin,
        title=fields.text("title", required=True) or id,
        published=fields.date("published", required=True),
        publisher=fields.ref("publisher", "actor"),
        authors=fields.refs("authors", "actor"),
        contributors=contributors,
        url=fields.url("url"),
        archive_url=fields.url("archive_url"),
        accessed=fields.date("accessed"),
        language=fields.language("language", default="en"),
        note=fields.prose("note"),
        corrections=corrections,
        blocks=blocks,
    )
