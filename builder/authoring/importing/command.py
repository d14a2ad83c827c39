"""``python -m builder import FILE... [--out DIR]``: options, checks, and the report."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from builder.authoring.importing import plain_text
from builder.authoring.importing.actors import ActorIndex
from builder.authoring.importing.assemble import Rules, assemble
from builder.authoring.importing.draft import DROP, MARK_KINDS, Draft, Unit
from builder.authoring.importing.inert import make_inert
from builder.authoring.importing.options import PER_ARTICLE
from builder.authoring.importing.writer import Planned, plan, summary, write_all
from builder.diagnostics import Diagnostics, Origin
from builder.load.fields import LANGUAGE_TAG, slug_problem
from builder.model.dates import DateError, parse_date
from builder.runtime.atomic import failure
from builder.runtime.terminal import printable
from builder.settings import ProjectSettings

_HTML_SUFFIXES = (".html", ".htm", ".xhtml")


def run(settings: ProjectSettings, args: argparse.Namespace) -> int:
    diagnostics = Diagnostics()
    marks = []
    for mark in args.mark:
        kind, _, text = mark.partition("=")
        if kind not in MARK_KINDS or not text:
            print(f"--mark {mark}: write KIND=TEXT with KIND one of: {', '.join(MARK_KINDS)}", file=sys.stderr)
            return 2
        marks.append((kind, text))
    actors = ActorIndex.of_project(settings.content_dir, settings.root)
    rules = Rules(marks, args.split_at, args.one, actors.people)
    drafts = [draft for file in args.files for draft in _read(file, rules, diagnostics)]
    if drafts and not diagnostics.errors:
        _apply_options(drafts, args, diagnostics)
    for draft in drafts:
        make_inert(draft)  # the page is untrusted: its text stays text, in the file and in the report
    out_dir = args.out if args.out is not None else settings.content_dir / "articles"
    planned = []
    for index, draft in enumerate(drafts):
        if _complete(draft, diagnostics):
            planned.append(plan(draft, actors, out_dir, _option(args, "id", index)))
    planned = [item for item in planned if _ids_valid(item, diagnostics)]
    _refuse_overwrites(planned, settings, diagnostics)
    if diagnostics.items:
        for diagnostic in diagnostics:
            print(printable(diagnostic.format()), file=sys.stderr)
        print("nothing written", file=sys.stderr)
        return 1
    try:
        write_all(planned, out_dir)
    except FileExistsError as exc:  # appeared meanwhile
        print(f"{printable(str(exc.filename))}: already exists; nothing written", file=sys.stderr)
        return 1
    except ValueError as exc:  # a folder under --out is a link that leads out of it
        print(f"{printable(str(exc))}: nothing written", file=sys.stderr)
        return 2
    except OSError as exc:  # e.g. --out is a file, a folder that cannot be written to, a full disk
        print(printable(str(failure(exc, out_dir))), file=sys.stderr)
        print("nothing written", file=sys.stderr)
        return 1
    _print_report(planned)
    return 0


def _read(file: Path, rules: Rules, diagnostics: Diagnostics) -> list[Draft]:
    source = file.as_posix()
    if not file.is_file():
        diagnostics.error(Origin(source, 1), "file not found")
        return []
    data = file.read_bytes()
    if file.suffix.lower() in _HTML_SUFFIXES or data.lstrip()[:15].lower().startswith((b"<!doctype html", b"<html")):
        from builder.authoring.importing import html_page  # Beautiful Soup: loaded only for HTML pages

        return [html_page.read_page(data, source, rules)]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        diagnostics.error(Origin(source, data[: exc.start].count(b"\n") + 1), "not UTF-8 text: save it as UTF-8")
        return []
    drafts = assemble(plain_text.read_units(text, rules), source, rules)
    if not drafts:
        diagnostics.error(Origin(source, 1), "no text found")
    return drafts


def _option(args: argparse.Namespace, name: str, index: int) -> str:
    values: list[str] = getattr(args, name)
    if not values:
        return ""
    return values[0] if len(values) == 1 else values[index] if index < len(values) else ""


def _apply_options(drafts: list[Draft], args: argparse.Namespace, diagnostics: Diagnostics) -> None:
    for name in PER_ARTICLE:
        given = len(getattr(args, name))
        if given > 1 and given != len(drafts):
            found = ", ".join(f"{d.source}:{d.line} {d.metadata.title or '(no title)'!r}" for d in drafts)
            diagnostics.error(Origin(drafts[0].source, 1), f"{given} --{name} values for {len(drafts)} articles; "
                                                           f"give one, or one per article (found: {found})")
    for index, draft in enumerate(drafts):
        metadata = draft.metadata
        for name in ("publisher", "published", "language", "url"):
            value = _option(args, name, index)
            if value:
                setattr(metadata, name, value)
        title = _option(args, "title", index)
        if title and draft.title_line:
            replaced = Unit([draft.metadata.title], draft.title_line, DROP, "title line, replaced by --title")
            draft.dropped.insert(0, replaced)
        if title:
            metadata.title, draft.title_from = title, "--title"


def _complete(draft: Draft, diagnostics: Diagnostics) -> bool:
    origin = Origin(draft.source, draft.line)
    problems = len(diagnostics.errors)
    if not draft.metadata.title:
        diagnostics.error(origin, "no title found for the article starting here: pass --title")
    if not draft.metadata.published:
        diagnostics.error(origin, f"no publication date found for {draft.metadata.title or 'the article'!r}: "
                                  "pass --published YYYY-MM-DD")
    else:
        try:
            parse_date(draft.metadata.published)
        except DateError as exc:
            diagnostics.error(origin, f"published: {exc}")
    if not any(part.kind == "text" for part in draft.parts):
        diagnostics.error(origin, "no running text found for this article")
    if draft.metadata.language and not LANGUAGE_TAG.fullmatch(draft.metadata.language):
        diagnostics.error(origin, f"language: {draft.metadata.language!r} is not a BCP 47 language tag such as "
                                  "'en', 'ar' or 'fr-CA': pass --language")
    return len(diagnostics.errors) == problems


def _ids_valid(item: Planned, diagnostics: Diagnostics) -> bool:
    """The article's id and the ids made for names that are no actor yet follow the slug rules."""
    origin = Origin(item.draft.source, item.draft.line)
    problems = len(diagnostics.errors)
    if not item.id:
        diagnostics.error(origin, f"no article id can be made from the title {item.draft.metadata.title!r} "
                                  "(pass --id)")
    elif problem := slug_problem(item.id):
        diagnostics.error(origin, f"article id: {problem} (pass --id)")
    for who in item.unknown_actors:
        if not who.id:
            diagnostics.error(origin, f"no actor id can be made from the name {who.name!r}: create the actor "
                                      "with this name as an alias, or pass its id (e.g. --publisher ACTOR-ID)")
        elif problem := slug_problem(who.id):
            diagnostics.error(origin, f"actor {who.name!r}: {problem}: create the actor with this name as an "
                                      "alias, or pass its id (e.g. --publisher ACTOR-ID)")
    return len(diagnostics.errors) == problems


def _refuse_overwrites(planned: list[Planned], settings: ProjectSettings, diagnostics: Diagnostics) -> None:
    articles = (settings.content_dir / "articles").resolve()
    existing = {path.stem: path for path in articles.rglob("*.md")}
    seen: dict[str, Planned] = {}
    for item in planned:
        origin = Origin(item.draft.source, item.draft.line)
        into_project = item.path.resolve().is_relative_to(articles)
        if os.path.lexists(item.path):  # a link, even a dangling one, is never written through
            diagnostics.error(origin, f"{item.path} already exists: it is never overwritten (pass --id or --out)")
        elif item.id in existing and into_project:
            diagnostics.error(origin, f"article id '{item.id}' is taken by {existing[item.id]} (pass --id)")
        elif item.id in seen:
            diagnostics.error(origin, f"two articles would be written as {item.path} (pass --id or --title)")
        seen[item.id] = item


def _print_report(planned: list[Planned]) -> None:
    for line in _report_lines(planned):
        print(printable(line))


def _report_lines(planned: list[Planned]) -> Iterator[str]:
    for item in planned:
        draft = item.draft
        yield (f"wrote {item.path}: {draft.metadata.title!r} (title from {draft.title_from or 'the page'}), "
               f"{summary(draft.parts)}")
        for unit in draft.dropped:
            yield f"  dropped {draft.source}:{unit.line} ({unit.reason}): {unit.text.splitlines()[0][:70]}"
        for who in item.unknown_actors:
            yield f"  no actor '{who.id}' yet for {who.name!r}: create content/actors/{who.id}.md"
        for name in item.unlinked_embeds:
            yield f"  embedded post by {name!r}: add by=ACTOR-ID to its '::: embed' line once the actor exists"
