"""Stories: a page per story with its steps in the author's order, linked both ways with its events."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from tests.conftest import ROOT, mkdocs_build, run_cli
from tests.htmlsite import read_page, resolve
from tests.site.test_bad_input import BASE, STORY, STORY_TEXT, MakeProject

SEED_STORY = "checkpoint-clash-at-khirbet-ammu"


def front_matter(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


def article_of(page: Path) -> str:
    match = re.search(r"<article.*?</article>", page.read_text(encoding="utf-8"), re.S)
    assert match
    return match.group(0)


def steps_of(html: str) -> list[tuple[str, str]]:
    """Each step heading's anchor and the event page it links to, in page order."""
    return re.findall(r'<h2 class="tl-step" id="(step-\d+)"><span class="tl-step-number">Step \d+\.</span> '
                      r'<a href="\.\./\.\./events/([a-z0-9-]+)/">', html)


def step_html(html: str, number: int) -> str:
    start = html.index(f'id="step-{number}"')
    end = html.find('<h2 class="tl-step"', start)
    return html[start:end if end != -1 else len(html)]


def test_story_page_shows_its_steps_in_order_linked_both_ways(seed_site: Path) -> None:
    written = [step["event"] for step in front_matter(ROOT / "content" / "stories" / f"{SEED_STORY}.md")["steps"]]
    page = seed_site / "stories" / SEED_STORY / "index.html"
    html = article_of(page)
    steps = steps_of(html)
    assert steps == [(f"step-{n}", event) for n, event in enumerate(written, start=1)]
    assert len(written) >= 5
    for number, event in enumerate(written, start=1):
        event_page = seed_site / "events" / event / "index.html"
        back = f'href="../../stories/{SEED_STORY}/#step-{number}"'
        assert back in article_of(event_page), f"{event} does not link back to step {number}"
        target = resolve(seed_site, event_page, back[6:-1])
        assert target == (page, f"step-{number}") and target[1] in read_page(page).ids


def test_previous_and_next_links_lead_to_the_steps_around(seed_site: Path) -> None:
    page = seed_site / "stories" / SEED_STORY / "index.html"
    html = article_of(page)
    ids = read_page(page).ids
    count = len(steps_of(html))
    for number in range(1, count + 1):
        step = step_html(html, number)
        previous = re.findall(r'class="tl-previous" href="#(step-\d+)"', step)
        following = re.findall(r'class="tl-next" href="#(step-\d+)"', step)
        assert previous == ([f"step-{number - 1}"] if number > 1 else [])
        assert following == ([f"step-{number + 1}"] if number < count else [])
        assert all(anchor in ids for anchor in previous + following)


def test_each_step_has_its_date_strip_map_and_quotes(seed_site: Path) -> None:
    html = article_of(seed_site / "stories" / SEED_STORY / "index.html")
    first, patrol, killed, statement = step_html(html, 1), step_html(html, 2), step_html(html, 5), step_html(html, 7)
    assert '<time datetime="2019-10"' in first and '<time datetime="2020-02-12"' in patrol
    # the time strip says in words where the step sits; the first (Oct 2019) is a bar at the start
    assert "Step 1 of 8, Oct 2019, in the story&#39;s span: Oct 2019 to 12 Feb 2020." in first
    assert re.search(r'<rect class="tl-strip-mark tl-strip-current" x="12\.0"', first)
    assert re.search(r'<circle class="tl-strip-mark tl-strip-current" cx="468\.0"', patrol)
    # a map of the event's places, with ids of its own; none for an event without places
    assert 'href="../../places/khirbet-ammu/"' in patrol and 'id="tl-map-step-2-caption"' in patrol
    assert '<figure class="tl-map"' not in statement
    # the quote the step names ("fired in the air"), only it; a step naming none shows all the event's
    assert patrol.count('<blockquote class="tl-quote">') == 1 and "fire smoke bombs" in patrol
    assert killed.count('<blockquote class="tl-quote">') == 2
    assert 'href="../../sources/guardian-checkpoint-clash/#q-us-patrol-meets-checkpoint-1"' in patrol
    # narration is Markdown made HTML
    assert '<div class="tl-prose"><p>On Wednesday 12 February' in patrol


def test_stories_index_is_in_the_nav(seed_site: Path) -> None:
    index = article_of(seed_site / "stories" / "index.html")
    assert f'<a href="{SEED_STORY}/">A checkpoint clash at Khirbet Ammu, account by account</a>' in index
    assert "(8 steps, Oct 2019 to 12 Feb 2020)" in index
    home = (seed_site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<a href="stories/" class="md-tabs__link">\s*Stories\s*</a>', home)


def test_a_project_without_stories_has_an_empty_index(make_project: MakeProject, tmp_path: Path) -> None:
    project = make_project(BASE)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "nav:\n  - Home: index.md\n  - Stories: stories/index.md\n",
                      encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert "No stories yet." in article_of(tmp_path / "site" / "stories" / "index.html")


def test_a_story_dated_by_its_author_spans_that_range(make_project: MakeProject, tmp_path: Path) -> None:
    text = STORY_TEXT.replace("steps:", "date: 2020-02-01/2020-02-29\nsummary: A <b>bold</b> claim.\nsteps:")
    text = text.replace("narration: Moscow says nothing.", "narration: Moscow says *nothing*.")
    project = make_project(BASE | {STORY: text})
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    html = article_of(tmp_path / "site" / "stories" / "warning" / "index.html")
    assert "A story in 2 steps, 1–29 Feb 2020." in html
    # 12 Feb in a 28-day span: (11 / 28) of the strip's 456 units past its 12-unit margin
    assert '<circle class="tl-strip-mark tl-strip-current" cx="191.1"' in html
    assert "A &#60;b&#62;bold&#60;/b&#62; claim." in html and "<b>" not in html  # plain text stays inert
    assert "<p>Moscow says <em>nothing</em>.</p>" in html  # Markdown (what sanitising removes: the test below)
    assert '<blockquote class="tl-quote">' in step_html(html, 1) and "tl-quote" not in step_html(html, 2)


def test_check_warns_of_what_sanitising_removes_from_a_narration(make_project: MakeProject) -> None:
    text = STORY_TEXT.replace("narration: Moscow says nothing.", "narration: 'Moscow <script>x()</script>'")
    result = run_cli(make_project(BASE | {STORY: text}), "--strict", "check")
    assert result.returncode == 1
    assert re.search(rf"^{STORY}:8: warning: narration: .*script", result.stderr, re.M), result.stderr
