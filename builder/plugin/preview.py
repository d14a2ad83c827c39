"""What ``mkdocs serve`` shows while the content has errors: a page listing each ``path:line`` problem.

A failing build would leave the preview stuck: MkDocs keeps serving the last site, and holds every
request for a page until a build succeeds. So while serving, content errors do not fail the build:
the site becomes this one page, written as ``index.html`` and as ``404.html`` (which the preview
server sends for every other address), and the page reloads itself as soon as a newer build is
visible. ``mkdocs build`` still fails on the same errors, and leaves the previous site as it was.
"""

from __future__ import annotations

import functools
import time
from pathlib import Path

import jinja2

from builder.diagnostics import Diagnostic
from builder.pipeline import interface_words
from builder.runtime.terminal import printable


@functools.cache
def _template() -> jinja2.Template:
    environment = jinja2.Environment(loader=jinja2.PackageLoader("builder.plugin", "templates"), autoescape=True,
                                     undefined=jinja2.StrictUndefined)
    return environment.get_template("problems.html")


def problems_page(problems: list[Diagnostic], *, site_name: str, content_dir: str, language: str = "en") -> str:
    """The page: every problem escaped; ``epoch`` is the preview server's clock (monotonic milliseconds,
    see ``mkdocs.livereload``), so only a build that ends after this one reloads it."""
    rows = []
    for problem in problems:
        where = f"{problem.path}:{problem.line}"
        rows.append({"where": printable(where), "message": printable(problem.format().removeprefix(f"{where}: "))})
    return _template().render(problems=rows, site_name=site_name, content_dir=content_dir, language=language,
                              t=interface_words(language), epoch=round(time.monotonic() * 1000))


def write_problems(site_dir: Path, page: str) -> None:
    """The page is the site: the front page, and the answer for every other address."""
    for name in ("index.html", "404.html"):
        (site_dir / name).write_text(page, encoding="utf-8")
