"""``python -m builder schemas [--check] [--draft-07] [--out DIR]``: the JSON Schemas of the content files."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from builder.authoring.schema import DIALECT, DRAFT_07, SCHEMA_DIR, stale_files, write_schemas


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    schemas_parser = commands.add_parser("schemas", help="write the JSON Schemas of content files (for editors)")
    schemas_parser.add_argument("--out", type=Path, default=SCHEMA_DIR, help="where to write them "
                                "(default: the package's own copy, builder/authoring/schemas/)")
    schemas_parser.add_argument("--check", action="store_true", help="change nothing; fail if any is out of date")
    schemas_parser.add_argument("--draft-07", dest="dialect", action="store_const", const=DRAFT_07, default=DIALECT,
                                help="declare JSON Schema draft-07 instead of 2020-12, for tools that know no later "
                                     "draft (remark-lint-frontmatter-schema)")


def run(out: Path, check_only: bool, dialect: str) -> int:
    """Write the content files' JSON Schemas; with ``--check``, only report the stale ones."""
    if check_only:
        stale = stale_files(out, dialect)
        for name in stale:
            print(f"{out / name}: out of date (regenerate with: python -m builder schemas)", file=sys.stderr)
        return 1 if stale else 0
    stale = write_schemas(out, dialect)  # it finds what changed itself
    print(f"{len(stale)} of the schemas in {out} rewritten" if stale else f"the schemas in {out} are up to date")
    return 0
