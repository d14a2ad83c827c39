"""The options of ``python -m builder import``, apart from the command itself so that the other
commands' start-up does not load the importer (its parsers and templates)."""

from __future__ import annotations

import argparse
from pathlib import Path

from builder.authoring.importing.draft import MARK_KINDS

# Options that say what the text cannot: once for every article, or once per article in order.
PER_ARTICLE = ("title", "publisher", "published", "language", "url", "id")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE", help="plain-text or saved HTML pages")
    parser.add_argument("--out", type=Path, help="where to write (default: the project's content/articles/)")
    for name, example in (("title", "the headline"), ("publisher", "an actor id or name, e.g. bloomberg"),
                          ("published", "YYYY-MM-DD"), ("language", "en"), ("url", "https://…"),
                          ("id", "the file name without .md")):
        parser.add_argument(f"--{name}", action="append", default=[], metavar=name.upper(),
                            help=f"{example}; give it once for all articles or once per article, in order "
                                 "(an empty value keeps what the text says)")
    parser.add_argument("--split-at", action="append", default=[], metavar="TEXT",
                        help="start a new article at each line starting with TEXT")
    parser.add_argument("--one", action="store_true", help="the file holds one article: never split it")
    parser.add_argument("--mark", action="append", default=[], metavar="KIND=TEXT",
                        help=f"take the line or paragraph starting with TEXT as KIND ({', '.join(MARK_KINDS)})")
