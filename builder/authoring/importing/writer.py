"""Drafts to article files: actor ids for names, an id for each article, and never an overwrite.

A name that is not an actor yet is written as the id the actor would get (``The Guardian`` →
``the-guardian``) with a ``# TODO`` comment beside it, so the file reads right and ``check`` passes
as soon as that actor file exists. An embedded post by an unknown actor gets no ``by=`` (it is
optional), and the report names the author so it can be added.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path

import jinja2

from builder.authoring.importing.actors import ActorIndex, Resolved
from builder.authoring.importing.draft import Draft, Part
from builder.authoring.scaffold import yaml_scalar
from builder.load.fields import slugify
from builder.runtime.atomic import create_files


@dataclass
class Planned:
    id: str
    path: Path
    markdown: str
    draft: Draft
    unknown_actors: list[Resolved]
    unlinked_embeds: list[str]  # authors of embedded posts who are not actors yet


@functools.cache
def _template() -> jinja2.Template:
    # YAML and Markdown, not HTML: free text is made safe by yaml_text, not by HTML escaping
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("builder.authoring", "templates"),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    environment.filters["yaml_text"] = yaml_text
    environment.filters["yaml"] = yaml_scalar  # ids, dates, roles, languages: `no` or `en: x` stay strings
    environment.filters["todo"] = lambda who: "" if who.known else (
        f"  # TODO: no actor '{who.id}' yet ({yaml_text(who.name)})")
    return environment.get_template("imported_article.md")


def article_id(draft: Draft, publisher: Resolved | None) -> str:
    return slugify(f"{publisher.id if publisher else ''} {draft.metadata.title}")


def plan(draft: Draft, actors: ActorIndex, out_dir: Path, id_: str = "") -> Planned:
    metadata = draft.metadata
    publisher = actors.resolve(metadata.publisher) if metadata.publisher else None
    authors = [actors.resolve(name) for name in metadata.authors]
    contributors = [(actors.resolve(name), role) for name, role in metadata.contributors]
    parts, unlinked = [], []
    for part in draft.parts:
        if part.by:
            author = actors.resolve(part.by)
            if not author.known:
                unlinked.append(part.by)
            part = dataclasses.replace(part, by=author.id if author.known else "")
        parts.append(part)
    id_ = id_ or article_id(draft, publisher)
    markdown = _template().render(
        source=f"{draft.source}:{draft.line}", title=metadata.title, publisher=publisher, authors=authors,
        contributors=contributors, published=metadata.published, url=metadata.url,
        language=metadata.language or "en", parts=parts,
    )
    everyone = [*([publisher] if publisher else []), *authors, *(who for who, _ in contributors)]
    unknown = list({who.id: who for who in everyone if not who.known}.values())
    return Planned(id_, out_dir / f"{id_}.md", markdown, draft, unknown, unlinked)


def write_all(planned: list[Planned], out_dir: Path) -> None:
    """Create every file or none, never over a file or a link, never one half-written (see
    ``builder.runtime.atomic.create_files``): a file that appears meanwhile stops the run and undoes it."""
    create_files({item.path: item.markdown for item in planned}, root=out_dir)


# Characters YAML refuses even inside quotes, and the line separators it would fold: written as
# escapes (JSON's \uXXXX is YAML's too), so any text reads back exactly.
_NOT_YAML = re.compile("[^\t\n\r\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def yaml_text(text: str) -> str:
    """``text`` as a quoted YAML string: never markup, never another key, whatever it holds."""
    return _NOT_YAML.sub(lambda match: f"\\u{ord(match.group()):04x}", json.dumps(text, ensure_ascii=False))


_LABELS = {"text": "paragraph", "embed": "embedded post"}


def summary(parts: list[Part]) -> str:
    counts: dict[str, int] = {}
    for part in parts:
        counts[part.kind] = counts.get(part.kind, 0) + (len(part.paragraphs) if part.kind == "text" else 1)
    return ", ".join(f"{count} {_LABELS.get(kind, kind)}{'s' * (count != 1)}" for kind, count in counts.items())
