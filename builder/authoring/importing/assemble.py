"""Units to article drafts: what each unit is, given its neighbours, and where articles begin.

The rules, in the order they apply (each can be overridden with ``--mark KIND=TEXT``):

- a line is boilerplate, a dateline, a byline, a photo credit, a "Read more:" aside or a bullet by
  its shape alone (see ``lines``); a caption with its credit on one line is cut in two;
- a new article starts at a headline-shaped line followed by standfirst bullets, a byline, a dateline
  or a caption, once the current article has running text (``--split-at`` and ``--one`` override);
- everything after a comment form ("Leave a Reply") up to the next article is the comment section;
- the first line of an article, when short, is its title;
- bullets before the first paragraph are the standfirst;
- a line followed by a credit, or repeated by the caption after it, is a caption; when a credit
  stands alone (Bloomberg prints it at the end), the short one-sentence paragraph that opens the
  article is the lead photo's caption;
- a short line that does not end like a sentence is a heading, unless it is a known person's name:
  then it heads that person's embedded post (a tweet when the post fits in 280 characters).
"""

from __future__ import annotations

import itertools
from collections.abc import Collection
from dataclasses import dataclass, field

from builder.authoring.importing import lines
from builder.authoring.importing.draft import DATELINE, DROP, PLAIN, TEXT, TITLE, Draft, Metadata, Part, Unit

BULLET = "bullet"  # a standfirst bullet or a list item, decided by where it is
_TITLE_WORDS = 25
_HEADING_WORDS = 10
_LEAD_CAPTION_WORDS = 25
_TWEET_LENGTH = 280


@dataclass
class Rules:
    """What the user told the importer, and what the page's form lets it guess."""

    marks: list[tuple[str, str]] = field(default_factory=list)  # (kind, start of the unit's text)
    split_at: list[str] = field(default_factory=list)
    one: bool = False
    known_people: Collection[str] = ()
    title_from_first_line: bool = True  # plain text; a saved page has its title in metadata


def classify(unit: Unit, rules: Rules) -> list[Unit]:
    """Decide what a unit is by its own shape; a caption with its credit becomes two units."""
    text = unit.text.strip()
    for kind, start in rules.marks:
        if text.startswith(start):
            return [Unit(unit.lines, unit.line, kind, "--mark")]
    if unit.kind != PLAIN:
        return [unit]
    if reason := lines.boilerplate(text):
        return [Unit(unit.lines, unit.line, DROP, reason)]
    if lines.DATELINE.fullmatch(text) and lines.date_in(text):
        return [Unit(unit.lines, unit.line, DATELINE, "dateline")]
    if lines.byline(text) is not None:
        return [Unit(unit.lines, unit.line, "byline")]
    if lines.credit(text) is not None:
        return [Unit(unit.lines, unit.line, "credit")]
    captioned = lines.CAPTION_WITH_CREDIT.fullmatch(text)
    if captioned and "\n" not in text and lines.credit(captioned.group("credit")) is not None:
        return [Unit([captioned.group("caption")], unit.line, "caption"),
                Unit([captioned.group("credit")], unit.line, "credit")]
    if lines.ASIDE.fullmatch(text):
        return [Unit(unit.lines, unit.line, "aside")]
    if lines.BULLET.fullmatch(text):
        return [Unit([text], unit.line, BULLET)]
    return [unit]


def split_articles(units: list[Unit], rules: Rules) -> list[list[Unit]]:
    articles: list[list[Unit]] = [[]]
    for index, unit in enumerate(units):
        current = articles[-1]
        if current and _starts_article(units, index, rules, has_text=any(u.kind == PLAIN for u in current[1:])):
            articles.append([])
        articles[-1].append(unit)
    return [article for article in articles if article]


def _starts_article(units: list[Unit], index: int, rules: Rules, has_text: bool) -> bool:
    text = units[index].text.strip()
    if any(text.startswith(start) for start in rules.split_at):
        return True
    if rules.one or not has_text or units[index].kind != PLAIN or not lines.looks_like_heading(text, _TITLE_WORDS):
        return False
    following = next((u for u in units[index + 1 :] if u.kind != DROP), None)
    return following is not None and following.kind in (BULLET, "byline", DATELINE, "caption", "credit")


def assemble(units: list[Unit], source: str, rules: Rules) -> list[Draft]:
    classified = [part for unit in units for part in classify(unit, rules)]
    return [_draft(article, source, rules) for article in split_articles(classified, rules)]


def _draft(units: list[Unit], source: str, rules: Rules) -> Draft:
    draft = Draft(source, units[0].line, Metadata())
    _cut_comment_section(units)
    _title(units, draft, rules)
    body = [u for u in units if u.kind not in (DROP, TITLE)]
    _standfirst(body)
    _captions(body)
    _headings_and_embeds(body, rules)
    draft.parts = _parts(body, draft.metadata)
    draft.dropped = [u for u in units if u.kind == DROP]
    return draft


def _title(units: list[Unit], draft: Draft, rules: Rules) -> None:
    """A unit marked as the title (an <h1>, ``--mark title=``), else the opening line when short."""
    kept = [u for u in units if u.kind != DROP]
    opening = kept[0] if kept else None
    if rules.title_from_first_line and opening and opening.kind == PLAIN and "\n" not in opening.text \
            and opening.words <= _TITLE_WORDS and not any(u.kind == TITLE for u in kept):
        opening.kind = TITLE
    title = next((u for u in kept if u.kind == TITLE), None)
    if title is not None:
        draft.metadata.title, draft.title_line = title.text.strip(), title.line
        draft.title_from = f"{draft.source}:{title.line}"


def _cut_comment_section(units: list[Unit]) -> None:
    in_comments = False
    for unit in units:
        if in_comments and unit.kind != DROP:
            unit.kind, unit.reason = DROP, "comment section"
        in_comments = in_comments or unit.reason == "comment form"


def _standfirst(body: list[Unit]) -> None:
    before_text = True
    for unit in body:
        before_text = before_text and unit.kind != PLAIN
        if unit.kind == BULLET:
            unit.kind = "standfirst" if before_text else PLAIN


def _captions(body: list[Unit]) -> None:
    for unit, following in itertools.pairwise(body):
        repeated = following.kind == "caption" and following.text.strip() == unit.text.strip()
        credited = following.kind == "credit" and lines.single_sentence(unit.text)
        if unit.kind == PLAIN and (repeated or credited):
            unit.kind = "caption"
    orphan_credit = any(u.kind == "credit" and (i == 0 or body[i - 1].kind != "caption") for i, u in enumerate(body))
    opening = next((u for u in body if u.kind not in ("standfirst", DATELINE, "byline")), None)
    if orphan_credit and opening is not None and opening.kind == PLAIN \
            and opening.words <= _LEAD_CAPTION_WORDS and lines.single_sentence(opening.text):
        opening.kind = "caption"


def _headings_and_embeds(body: list[Unit], rules: Rules) -> None:
    for index, unit in enumerate(body):
        name = unit.text.strip()
        marked = unit.kind == "embed" and not unit.embed_type  # --mark embed=NAME
        if not marked and (unit.kind != PLAIN or not lines.looks_like_heading(name, _HEADING_WORDS)):
            continue
        post = body[index + 1] if index + 1 < len(body) else None
        if (marked or name in rules.known_people) and post is not None and post.kind == PLAIN:
            unit.kind, unit.by = "embed", name if lines.names(name) == [name] else ""
            unit.embed_type = "tweet" if len(post.text) <= _TWEET_LENGTH else "post"
            post.kind = "embedded"
        elif not marked:
            unit.kind = "heading"


def _parts(body: list[Unit], metadata: Metadata) -> list[Part]:
    parts: list[Part] = []
    for unit in body:
        text = unit.text.strip()
        if unit.kind == DATELINE:
            metadata.published = metadata.published or lines.date_in(text)
            continue
        if unit.kind == "byline" and (people := lines.byline(text)):
            metadata.authors += [name for name in people[0] if name not in metadata.authors]
            for name, role in people[1]:
                metadata.credit(name, role)
        if unit.kind == "credit":
            for name, role in lines.credit(text) or []:
                metadata.credit(name, role)
        # a post's paragraphs, and a standfirst's bullets, are one block; captions stay one per photo
        if parts and (parts[-1].kind, unit.kind) in (("embed", "embedded"), ("standfirst", "standfirst")):
            parts[-1].paragraphs.append(text)
        else:
            kind = TEXT if unit.kind in (PLAIN, "embedded") else unit.kind
            parts.append(Part(kind, [text], unit.embed_type, unit.by))
    return parts
