"""How the commands that read content report it: each problem as ``path:line: message``, then a summary."""

from __future__ import annotations

import sys

from builder.diagnostics import Diagnostics
from builder.runtime.terminal import printable


def report(diagnostics: Diagnostics, strict: bool) -> int:
    """Print every problem; 1 when there are errors (or, with ``strict``, warnings), else 0."""
    for diagnostic in diagnostics:
        print(printable(diagnostic.format()), file=sys.stderr)
    errors, warnings = len(diagnostics.errors), len(diagnostics.warnings)
    failed = errors + (warnings if strict else 0)
    summary = f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"
    print(summary if diagnostics.items else "no problems found", file=sys.stderr)
    return 1 if failed else 0
