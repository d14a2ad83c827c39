"""``python -m builder new actor|event|place|article ID …``: a new content file that passes ``check``.

Values are validated by the readers' own rules (slugs, EDTF dates, actor kinds) and every id the
new file names must already exist, so the file is valid as written; optional fields are left as
commented-out examples to fill in.
"""

from __future__ import annotations

import argparse
import datetime
import functools
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from builder.diagnostics import Diagnostics, did_you_mean
from builder.load.fields import slug_problem, url_problem
from builder.load.yaml_nodes import Located, LocatedList, load_yaml_file
from builder.model.actor import ACTOR_KINDS
from builder.model.dates import DateError, parse_date
from builder.model.place import PRECISIONS
from builder.runtime.atomic import create_files, failure
from builder.settings import ProjectSettings

if TYPE_CHECKING:
    import jinja2

ARTICLE_PLACEHOLDER = "Paste the article's text here, verbatim: one paragraph per blank-line-separated block."


class ScaffoldError(Exception):
    """A value the new file cannot hold; the message is meant for the person who typed the command."""


def yaml_scalar(value: object) -> str:
    """``value`` as a one-line YAML scalar, quoted only where YAML would misread it."""
    if isinstance(value, str):
        try:
            if isinstance(yaml.safe_load(value), datetime.date):
                return value  # the content loader keeps dates as written: 2020-02-12 needs no quotes
        except (yaml.YAMLError, ValueError):  # ValueError: a date-shaped text that is no date, 2020-02-30
            pass
    dumped = yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=1_000_000)
    return dumped.removesuffix("\n").removesuffix("\n...")


@functools.cache
def _templates() -> jinja2.Environment:
    import jinja2  # only when writing a file: the CLI imports this module for every command

    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("builder.authoring", "templates/new"),
        autoescape=False,  # YAML, not HTML: every value goes through the `yaml` filter instead
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    environment.filters["yaml"] = yaml_scalar
    return environment


def _one_line(option: str, value: str) -> str:
    value = value.strip()
    if not value:
        raise ScaffoldError(f"{option} must not be empty")
    if "\n" in value or "\r" in value:
        raise ScaffoldError(f"{option} must be one line")
    return value


def _slug(option: str, value: str) -> str:
    if problem := slug_problem(value):
        raise ScaffoldError(f"{option}: {problem}")
    return value


def _url(option: str, value: str) -> str:
    value = _one_line(option, value)
    if problem := url_problem(value):
        raise ScaffoldError(f"{option}: {problem}")
    return value


def _date(option: str, value: str) -> str:
    try:
        parse_date(value)
    except DateError as exc:
        raise ScaffoldError(f"{option}: {exc}") from None
    return value.strip()


def existing_ids(folder: Path) -> dict[str, Path]:
    """Ids already used in one kind's folder, from ``.md`` file names and ``.yml`` list items."""
    found: dict[str, Path] = {}
    if not folder.is_dir():
        return found
    for file in sorted(folder.rglob("*")):
        if file.name.startswith(".") or not file.is_file():
            continue
        if file.suffix == ".md":
            found.setdefault(file.stem, file)
        elif file.suffix in (".yml", ".yaml"):
            source = load_yaml_file(file, file.as_posix(), Diagnostics())  # `check` reports its problems
            items = source.data if source is not None and isinstance(source.data, LocatedList) else []
            for item in items:
                if isinstance(item, Located) and item.get("id") is not None:
                    found.setdefault(str(item.as_written("id")), file)
    return found


class _Project:
    def __init__(self, settings: ProjectSettings) -> None:
        self.settings = settings

    def folder(self, kind: str) -> Path:
        return self.settings.content_dir / f"{kind}s"

    def shown(self, path: Path) -> str:
        try:
            return path.relative_to(self.settings.root).as_posix()
        except ValueError:
            return path.as_posix()

    def known(self, option: str, value: str, kind: str) -> str:
        """An id that must name an existing ``kind``, with a "did you mean" when it does not."""
        _slug(option, value)
        ids = existing_ids(self.folder(kind))
        if value not in ids:
            if not ids:
                raise ScaffoldError(f"{option}: unknown {kind} '{value}': there are no {kind}s yet "
                                    f"(create one with: python -m builder new {kind} ID …)")
            raise ScaffoldError(f"{option}: unknown {kind} '{value}'{did_you_mean(value, ids)}")
        return value

    def target(self, kind: str, id_: str) -> Path:
        _slug(f"{kind} id", id_)
        path = self.folder(kind) / f"{id_}.md"
        if os.path.lexists(path):  # a link too, even a dangling one: never written through
            raise ScaffoldError(f"{self.shown(path)} already exists; not overwritten")
        if id_ in (ids := existing_ids(self.folder(kind))):
            raise ScaffoldError(f"{kind} '{id_}' already exists in {self.shown(ids[id_])}")
        return path


def _actor(args: argparse.Namespace, project: _Project) -> dict[str, object]:
    if args.actor_kind not in ACTOR_KINDS:
        hint = did_you_mean(args.actor_kind, ACTOR_KINDS)
        raise ScaffoldError(f"--kind: '{args.actor_kind}' is not an actor kind{hint}; "
                            f"expected one of: {', '.join(ACTOR_KINDS)}")
    return {"name": _one_line("--name", args.name), "kind": args.actor_kind}


def _place(args: argparse.Namespace, project: _Project) -> dict[str, object]:
    if (args.lat is None) != (args.lon is None):
        raise ScaffoldError("--lat and --lon go together: give both or neither")
    if args.lat is not None and not (-90 <= args.lat <= 90 and -180 <= args.lon <= 180):
        raise ScaffoldError(f"coordinates {args.lat}, {args.lon} are outside -90..90, -180..180")
    return {
        "name": _one_line("--name", args.name),
        "kind": _slug("--kind", args.place_kind) if args.place_kind else "",
        "within": project.known("--within", args.within, "place") if args.within else "",
        "lat": args.lat, "lon": args.lon, "precision": args.precision,
    }


def _event(args: argparse.Namespace, project: _Project) -> dict[str, object]:
    return {
        "title": _one_line("--title", args.title),
        "date": _date("--date", args.date),
        "type": _slug("--type", args.event_type) if args.event_type else "",
        "sources": list(dict.fromkeys(project.known("--source", source, "article") for source in args.source)),
    }


def _article(args: argparse.Namespace, project: _Project) -> dict[str, object]:
    body = ARTICLE_PLACEHOLDER
    if args.text is not None:
        try:
            body = (sys.stdin.read() if args.text == "-" else Path(args.text).read_text(encoding="utf-8")).strip()
        except (OSError, UnicodeDecodeError) as exc:
            raise ScaffoldError(f"--text: cannot read {args.text}: {exc}") from None
        if not body:
            raise ScaffoldError(f"--text: {args.text} is empty")
    return {
        "title": _one_line("--title", args.title),
        "published": _date("--published", args.published),
        "publisher": project.known("--publisher", args.publisher, "actor") if args.publisher else "",
        "url": _url("--url", args.url) if args.url else "",
        "body": body,
    }


_FIELDS = {"actor": _actor, "place": _place, "event": _event, "article": _article}


def create(args: argparse.Namespace, settings: ProjectSettings) -> Path:
    """Validate everything first, then write the file (never over an existing one)."""
    project = _Project(settings)
    path = project.target(args.kind, args.id)
    text = _templates().get_template(f"{args.kind}.md").render(_FIELDS[args.kind](args, project))
    try:  # whole or not at all; a file that appeared meanwhile is kept; nowhere outside the content folder
        create_files({path: text}, root=settings.content_dir)
    except ValueError:
        raise ScaffoldError(f"{project.shown(path.parent)} leads outside {project.shown(settings.content_dir)}; "
                            "nothing written") from None
    except FileExistsError:
        raise ScaffoldError(f"{project.shown(path)} already exists; not overwritten") from None
    except OSError as exc:
        raise ScaffoldError(str(failure(exc, path.parent))) from None
    return path


def run(args: argparse.Namespace, settings: ProjectSettings) -> int:
    try:
        path = create(args, settings)
    except (ScaffoldError, FileExistsError) as exc:
        print(f"new {args.kind}: {exc}", file=sys.stderr)
        return 1
    print(f"wrote {_Project(settings).shown(path)}")
    return 0


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    new = commands.add_parser("new", help="create a new content file that passes check")
    kinds = new.add_subparsers(dest="kind", required=True, metavar="KIND")
    actor = kinds.add_parser("actor", help="content/actors/ID.md")
    place = kinds.add_parser("place", help="content/places/ID.md")
    event = kinds.add_parser("event", help="content/events/ID.md")
    article = kinds.add_parser("article", help="content/articles/ID.md")
    for parser in (actor, place, event, article):
        parser.add_argument("id", help="the new id: lowercase letters, digits and single hyphens")
    actor.add_argument("--name", required=True, help="the name shown on pages")
    actor.add_argument("--kind", dest="actor_kind", default="person", metavar="KIND",
                       help=f"one of: {', '.join(ACTOR_KINDS)} (default: person)")
    place.add_argument("--name", required=True, help="the name shown on pages")
    place.add_argument("--kind", dest="place_kind", metavar="SLUG", help="country, city, village … (a slug)")
    place.add_argument("--within", metavar="PLACE", help="the id of the place that contains it")
    place.add_argument("--lat", type=float, help="latitude in degrees (with --lon)")
    place.add_argument("--lon", type=float, help="longitude in degrees (with --lat)")
    place.add_argument("--precision", choices=PRECISIONS, default="approximate",
                       help="how exact the coordinates are (default: approximate)")
    event.add_argument("--title", required=True, help="what happened, in one line")
    event.add_argument("--date", required=True, metavar="EDTF", help="e.g. 2020-02-12, 2020-02, 2011~, 2011/..")
    event.add_argument("--source", action="append", required=True, metavar="ARTICLE",
                       help="an existing article id the event is drawn from (repeatable)")
    event.add_argument("--type", dest="event_type", metavar="SLUG", help="clash, statement, meeting … (a slug)")
    article.add_argument("--title", required=True, help="the headline")
    article.add_argument("--published", required=True, metavar="EDTF", help="publication date, e.g. 2020-02-12")
    article.add_argument("--publisher", metavar="ACTOR", help="the id of the actor that published it")
    article.add_argument("--url", help="where it was published")
    article.add_argument("--text", metavar="FILE", help="read the article's text from FILE ('-': standard input)")
