"""Output stays bounded for anything ``check`` accepts: a name said thousands of times.

Every mention of a name used to be listed on its page with its whole sentence, so an article
whose 20 KB body is ``Bob`` five thousand times (no full stop: one sentence) made a 100 MB page
and a 100 MB search index. Now a sentence is listed once however often it names someone, a
long sentence is cut to a window around the name, and an article contributes a bounded number
of lines to a page, the rest counted with a link to the article.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from builder.model.site import Span
from builder.render.article_html import paragraph_html
from builder.render.urls import Links
from tests.conftest import mkdocs_build, run_cli

MakeProject = Callable[[dict[str, str | bytes]], Path]

PAGE_BYTES = 1_000_000
SEARCH_INDEX_BYTES = 2_000_000
SECONDS = 60

ACTORS = {
    "content/actors/bob.md": "---\nname: Bob\nkind: person\n---\n",
    "content/actors/outlet.md": "---\nname: Outlet\nkind: media-outlet\n---\n",
}


def _article(body: str) -> dict[str, str | bytes]:
    front = "---\ntitle: A report\npublisher: outlet\npublished: '2020-02-12'\n---\n"
    return {**ACTORS, "content/articles/rep.md": front + body + "\n"}


@pytest.mark.parametrize(("body", "listed", "more"), [
    ("Bob " * 5000, 1, 0),  # one sentence naming Bob 5,000 times: listed once
    ("Bob went home. " * 5000, 20, 4980),  # 5,000 short sentences: 20 listed, the rest counted
], ids=["one-sentence", "many-sentences"])
def test_a_name_said_thousands_of_times_makes_small_pages(
        make_project: MakeProject, tmp_path: Path, body: str, listed: int, more: int) -> None:
    project = make_project(_article(body))
    checked = run_cli(project, "check")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    site = tmp_path / "site"
    started = time.monotonic()
    built = mkdocs_build(project, site)
    assert built.returncode == 0, built.stderr
    assert time.monotonic() - started < SECONDS

    sizes = {page.relative_to(site).as_posix(): page.stat().st_size for page in site.rglob("*.html")}
    assert {p: s for p, s in sizes.items() if s >= PAGE_BYTES} == {}
    assert (site / "search" / "search_index.json").stat().st_size < SEARCH_INDEX_BYTES

    bob = (site / "actors" / "bob" / "index.html").read_text(encoding="utf-8")
    assert bob.count('href="../../sources/rep/#m-') == listed
    if more:
        assert f"and {more} more in this article" in bob
    else:
        assert "more in this article" not in bob
    # the article page still marks every mention
    article = (site / "sources" / "rep" / "index.html").read_text(encoding="utf-8")
    assert article.count('id="m-') == 5000


def test_a_long_sentence_is_cut_around_the_name(make_project: MakeProject, tmp_path: Path) -> None:
    before, after = "word " * 300, " more" * 300
    project = make_project(_article(before + "then Bob spoke" + after))
    site = tmp_path / "site"
    built = mkdocs_build(project, site)
    assert built.returncode == 0, built.stderr
    bob = (site / "actors" / "bob" / "index.html").read_text(encoding="utf-8")
    context = bob.split("<q>", 1)[1].split("</q>", 1)[0]
    assert context.startswith("…word ") and context.endswith(" more…")
    assert "then Bob spoke" in context
    assert 300 < len(context) < 360


def test_an_article_naming_someone_20000_times_renders_in_seconds() -> None:
    """The article page marks every mention; it used to test every span at every cut (52 s here)."""
    text = "Bob " * 20_000
    spans = [Span(4 * n, 4 * n + 3, "mention", "actor", "bob", f"m-1-{4 * n}") for n in range(20_000)]
    spans.append(Span(0, 6, "quote", "event", "ev", "q-ev-1", "Meeting", "q-1"))  # ends inside a mention
    spans.sort(key=lambda s: (s.start, -s.end, s.kind))  # as annotate leaves them
    started = time.monotonic()
    html = paragraph_html(text, spans, Links("sources/rep.md", True), line_breaks=False)
    assert time.monotonic() - started < 5
    assert html.count('class="tl-mention"') == 20_001  # the mention the quote cuts is two links
    assert html.startswith(
        '<mark class="tl-quote" id="q-ev-1"><a class="tl-mention" id="m-1-0" href="../../actors/bob/">Bob</a></mark>'
        '<mark class="tl-quote"> </mark><mark class="tl-quote"><a class="tl-mention" id="m-1-4" '
        'href="../../actors/bob/">Bo</a></mark><a class="tl-quote-link" href="../../events/ev/#q-1" '
        'title="Quoted in the event: Meeting" aria-label="Quoted in the event: Meeting"><sup>↗</sup></a>'
        '<a class="tl-mention" href="../../actors/bob/">b</a> <a class="tl-mention" id="m-1-8" ')
