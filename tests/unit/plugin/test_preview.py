"""The preview's problems page: every value escaped, and a clock the preview server compares with."""

from __future__ import annotations

import re
import time

from builder.diagnostics import Diagnostic, Severity
from builder.plugin.preview import problems_page


def test_problems_are_listed_escaped_as_path_line_message() -> None:
    before = round(time.monotonic() * 1000)
    page = problems_page([Diagnostic("content/events/<b>.md", 7, "unknown actor '<script>alert(1)</script>'"),
                          Diagnostic("content/site.yml", 2, "ambiguous \x1b[31mname", Severity.WARNING)],
                         site_name="A & B", content_dir="content")
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<code>content/events/&lt;b&gt;.md:7</code>: unknown actor" in page
    assert "<code>content/site.yml:2</code>: warning: ambiguous name" in page  # no terminal escape
    assert "<title>2 problems in content/ · A &amp; B</title>" in page
    built = re.search(r"const built = (\d+);", page)
    assert built and before <= int(built[1]) <= round(time.monotonic() * 1000)


def test_the_problems_page_speaks_the_sites_language() -> None:
    page = problems_page([Diagnostic("content/site.yml", 2, "bad <value>")], site_name="Site", content_dir="content",
                         language="fr")
    assert '<html lang="fr">' in page
    assert "<title>1 problème dans content/ · Site</title>" in page
    assert "le site n’est pas construit" in page and "Corrigez les fichiers ci-dessous" in page
    assert "<code>mkdocs serve</code>" in page and "the site is not built" not in page
