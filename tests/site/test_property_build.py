"""Property: any content that ``check`` accepts builds.

Hypothesis writes small projects (actors, places, events, relations and an article, as YAML list
files) whose every field is drawn from values that sit at the edges: dates from year 1 to 9999 in
every EDTF form (seasons, decades, centuries, open and unknown ends, qualifiers), ids up to 100
characters and over, coordinates on the poles and the date line, ``within`` and ``part_of``
chains and cycles, text with markup and right-to-left characters. Each project goes through the
pipeline's check (``build_site``); for every project it accepts, every page renders, every page's
path stays inside the output with components a file system takes, and a few of them are built
for real with ``mkdocs build``.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path, PurePosixPath
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from builder.pipeline import build_site
from builder.render.page_output import HeadingStyle, OutputStyle
from builder.render.pages import plan_site
from tests.conftest import MINIMAL_MKDOCS, ROOT, run

SITE_STYLE = OutputStyle(HeadingStyle(permalink=True))  # pages as a site gets them: HTML

EXAMPLES = 120
ARTICLE_ID = "report"
ARTICLE = """\
---
title: {title}
publisher: {publisher}
published: '{published}'
corrections: [{{text: Wednsday, correction: Wednesday}}]
---
::: standfirst
{standfirst}
:::

The first paragraph says [someone](actor:{publisher}) did something on Wednsday.

::: embed tweet by={publisher}
{text}
:::

{text}

A second paragraph, quoted by {name}.
"""
QUOTED = "did something on"  # a passage of the first paragraph, for quotes and citations

# The calendar's ends come up most: that is where arithmetic on dates breaks.
_YEARS = st.sampled_from(["9999", "0001", "9999", "0001", "0099", "0100", "1000", "2020", "9990", "9998"])
_MONTHS = st.sampled_from(["12", "01", "02"])
_SEASONS = st.sampled_from(["24", "21", "22", "23"])
_DAYS = st.sampled_from(["31", "01", "28"])
_QUALIFIER = st.sampled_from(["", "", "~", "?", "%"])
# Dates check refuses: impossible days and months, years outside 1–9999, winter 9999 (it ends in
# year 10000), digits that are not ASCII, sets. Drawn now and then, so most projects pass.
_BAD_DATES = st.sampled_from(["2020-02-30", "2020-13", "2020-25", "0000", "-0001", "Y10000", "9999-24",
                              "9999-24/..", "\uff12\uff10\uff12\uff10", "[2020,2021]", "2021/2020", "../.."])


def _mostly(good: st.SearchStrategy[Any], bad: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """``good`` about 39 times in 40: a project has dozens of fields and one bad one rejects it.
    (The roll that picks ``bad`` is a middle value: Hypothesis favours the ends of a range.)"""
    return st.integers(0, 39).flatmap(lambda roll: bad if roll == 20 else good)


@st.composite
def _single_date(draw: st.DrawFn, vague: bool = True) -> str:
    """A date check takes: a day, month or season, maybe qualified; with ``vague``, also a decade
    or century (which EDTF intervals cannot hold)."""
    year = draw(_YEARS)
    shape = draw(st.sampled_from(["year", "month", "day", "season", *(["decade", "century"] if vague else [])]))
    if shape == "decade":
        return year[:3] + "X" if year >= "0010" else "001X"
    if shape == "century":
        return year[:2] + "XX" if year >= "0100" else "01XX"
    if shape == "season":
        return f"{year}-{draw(_SEASONS)}"
    if shape == "month":
        return f"{year}-{draw(_MONTHS)}" + draw(_QUALIFIER)
    if shape == "day":
        month = draw(_MONTHS)
        day = draw(_DAYS) if month != "02" else "28"
        return f"{year}-{month}-{day}" + draw(_QUALIFIER)
    return year + draw(_QUALIFIER)


@st.composite
def _good_date(draw: st.DrawFn) -> str:
    if draw(st.booleans()):
        return draw(_single_date())
    ends = [draw(st.one_of(_single_date(vague=False), st.sampled_from(["", ".."]))) for _ in range(2)]
    if not ends[0].strip(".") and not ends[1].strip("."):
        ends[1] = draw(_single_date(vague=False))
    if ends[0].strip(".") and ends[1].strip(".") and ends[0][:4] > ends[1][:4]:
        ends.reverse()
    return "/".join(ends)


def edtf() -> st.SearchStrategy[str]:
    return _mostly(_good_date(), _BAD_DATES)


def _slug(max_words: int = 3) -> st.SearchStrategy[str]:
    word = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=6)
    return st.lists(word, min_size=1, max_size=max_words).map("-".join)


ACTOR_IDS = _mostly(st.one_of(_slug(), st.just("a" * 45)), st.sampled_from(["b" * 101, "index", "Upper"]))
IDS = _mostly(st.one_of(_slug(), st.sampled_from(["a" * 100, "x-" * 49 + "zz"])),
              st.sampled_from(["b" * 101, "index", "Upper", "a--b", "-a"]))
TEXT = st.one_of(
    st.text(min_size=1, max_size=30).filter(str.strip),
    st.sampled_from(["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "{{ 7*7 }}", "{% raw %}",
                     "[x](javascript:alert(1))", "\u202eevil", "ﷺ" * 20, "a" * 500, "*a* _b_ `c`", "1.", "#"]),
)
COORDINATE = st.one_of(
    st.fixed_dictionaries({"lat": st.sampled_from([-90, -89.9999, 0, 45.5, 90]),
                           "lon": st.sampled_from([-180, -179.9999, 0, 36.6, 180]),
                           "precision": st.sampled_from(["exact", "approximate", "settlement", "district",
                                                         "region", "country"])}),
    st.fixed_dictionaries({"lat": st.floats(-90, 90), "lon": st.floats(-180, 180)}),
)
# Markdown fields (descriptions, commentary, notes, the home intro): formatting, links, raw HTML the
# sanitiser must remove, and the tool's own markup where it means nothing.
MARKDOWN = st.one_of(TEXT, st.sampled_from([
    "**bold** _it_ [a link](https://example.org) and `code`",
    "| a | b |\n|---|---|\n| 1 | 2 |",
    "- one\n- two\n\n1. first",
    "<script>alert(1)</script><img src=x onerror=alert(2)>",
    "<iframe srcdoc='<script>alert(3)</script>'></iframe><svg onload=alert(4)>",
    "[x](javascript:alert(5)) ![y](data:text/html,<script>alert(6)</script>)",
    "::: credit\nno fence here\n:::", "[Someone](actor:nobody) [a](-)", "# Heading\n\n## Sub", "> quoted\n>\n> more",
    "<details><summary>s</summary>d</details>", "&amp; &lt; &#0; &#x110000;", "\\\\", "---",
]))
RELATION_TYPES = _mostly(st.one_of(st.sampled_from(["backs", "opposes", "member-of", "funds"]), _slug()),
                         st.sampled_from(["../../x", "a/b", "c" * 101, "Backs"]))


@st.composite
def project(draw: st.DrawFn) -> dict[str, str]:
    """A project's content files: YAML list files, plus one article."""
    actor_ids = draw(st.lists(ACTOR_IDS, min_size=2, max_size=4, unique=True))
    place_ids = draw(st.lists(IDS, min_size=1, max_size=6, unique=True))
    event_ids = draw(st.lists(IDS, min_size=2, max_size=6, unique=True))

    def some(ids: list[str], most: int = 2) -> list[str]:
        return draw(st.lists(st.sampled_from(ids), max_size=most, unique=True)) if ids else []

    actors = [{"id": id_, "name": draw(TEXT), "kind": draw(st.sampled_from(["person", "state", "armed-group"])),
               **({"description": draw(MARKDOWN), "title": draw(TEXT)} if draw(st.booleans()) else {}),
               **({"aliases": draw(st.lists(TEXT, max_size=2))} if draw(st.booleans()) else {}),
               **({"affiliations": [{"actor": a, "date": draw(edtf())} for a in some(actor_ids, 1)]}
                  if draw(st.booleans()) else {})}
              for id_ in actor_ids]
    places: list[dict[str, Any]] = []
    for index, id_ in enumerate(place_ids):
        place: dict[str, Any] = {"id": id_, "name": draw(TEXT),
                                 **({"description": draw(MARKDOWN)} if draw(st.booleans()) else {})}
        if index and draw(st.booleans()):  # mostly the one before it: chains
            place["within"] = place_ids[index - 1] if draw(st.booleans()) else draw(st.sampled_from(place_ids))
        if draw(st.booleans()):
            place["coordinates"] = draw(COORDINATE)
        places.append(place)
    events: list[dict[str, Any]] = []
    for index, id_ in enumerate(event_ids):
        event: dict[str, Any] = {"id": id_, "title": draw(TEXT), "date": draw(edtf()), "sources": [ARTICLE_ID],
                                 "actors": [{"actor": a, "role": draw(_slug(1))} for a in some(actor_ids)],
                                 "places": some(place_ids)}
        if index and draw(st.booleans()):
            event["part_of"] = event_ids[index - 1] if draw(st.booleans()) else draw(st.sampled_from(event_ids))
        if draw(st.booleans()):
            event["related"] = some(event_ids)
        if draw(st.booleans()):
            event["date_text"] = draw(TEXT)
        if draw(st.booleans()):
            event["commentary"] = draw(MARKDOWN)
        if draw(st.booleans()):
            text = draw(_mostly(st.just(QUOTED), st.just("words the article never says")))
            # The passage is unquoted in the article: the reporter's words (a direct quote would be a warning).
            quote = {"by": draw(st.sampled_from(actor_ids)), "article": ARTICLE_ID, "text": text, "kind": "reported"}
            if draw(st.booleans()):
                quote |= {"status": draw(st.sampled_from(["confirmed", "disputed", "denied"])),
                          "status_note": draw(TEXT), "translation": draw(TEXT)}
            event["quotes"] = [quote]
        events.append(event)
    relations = [{**({"id": draw(IDS)} if draw(st.booleans()) else {}),
                  "subject": draw(st.sampled_from(actor_ids)), "type": draw(RELATION_TYPES),
                  "object": draw(st.sampled_from(actor_ids)), "places": some(place_ids),
                  "sources": [draw(st.sampled_from([ARTICLE_ID, {"article": ARTICLE_ID, "text": QUOTED}]))],
                  **({"note": draw(MARKDOWN)} if draw(st.booleans()) else {}),
                  **({"date": draw(edtf())} if draw(st.booleans()) else {})}
                 for _ in range(draw(st.integers(1, 4)))]
    files = {"actors/generated.yml": actors, "events/generated.yml": events, "relations/generated.yml": relations}
    if places:
        files["places/generated.yml"] = places
    content = {path: yaml.safe_dump(items, allow_unicode=True, sort_keys=False) for path, items in files.items()}
    content[f"articles/{ARTICLE_ID}.md"] = ARTICLE.format(
        publisher=actor_ids[0], published=draw(edtf()), title=_yaml_scalar(draw(TEXT)),
        standfirst=draw(TEXT), text=draw(MARKDOWN), name=draw(TEXT))
    content["site.yml"] = yaml.safe_dump({"title": draw(TEXT), "intro": draw(MARKDOWN)}, allow_unicode=True)
    return content


def _yaml_scalar(text: str) -> str:
    """``text`` as one YAML scalar on one line (the article's front matter is written by hand)."""
    return yaml.safe_dump(text, allow_unicode=True, width=10**6).removesuffix("\n...\n").strip()


def _write(root: Path, files: dict[str, str]) -> None:
    (root / "content" / "pages").mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(MINIMAL_MKDOCS.format(theme=ROOT / "theme"), encoding="utf-8")
    for relative, text in files.items():
        target = root / "content" / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


def _page_path_problems(src_uri: str) -> list[str]:
    """A page path must stay inside the output, and each part must fit a file name (255 bytes,
    with room for the ``.html`` or ``/index.html`` it becomes)."""
    path = PurePosixPath(src_uri)
    problems = []
    if path.is_absolute() or ".." in path.parts or "" in path.parts or "\\" in src_uri:
        problems.append(f"{src_uri!r} leaves the output")
    problems += [f"{part[:30]!r}… is {len(part.encode())} bytes" for part in path.parts if len(part.encode()) > 240]
    return problems


def test_any_content_check_accepts_renders(tmp_path: Path) -> None:
    accepted: list[dict[str, str]] = []
    clean: list[dict[str, str]] = []  # accepted without a warning either
    rejected = 0

    @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(project())
    def check_then_render(files: dict[str, str]) -> None:
        nonlocal rejected
        with tempfile.TemporaryDirectory() as directory:
            root = Path(directory)
            _write(root, files)
            result = build_site(root / "content", root)
            if result.diagnostics.errors:
                rejected += 1
                return
            pages = plan_site(result.site, style=SITE_STYLE)
            for page in pages:
                assert _page_path_problems(page.src_uri) == []
                page.render()
            accepted.append(files)
            if not result.diagnostics.items:
                clean.append(files)

    check_then_render()
    # The property says nothing if check rejects everything: enough projects must get through.
    assert len(accepted) >= EXAMPLES // 4, f"only {len(accepted)} of {EXAMPLES} projects were accepted"
    assert rejected >= EXAMPLES // 10, "the generator never tries anything check refuses"
    # A few of them built for real, MkDocs and its theme included: with warnings (a sanitised link,
    # say) the build must pass as check did; without, it must pass --strict too.
    assert len(clean) >= 2
    mkdocs = str(Path(sys.executable).parent / "mkdocs")
    builds = [(accepted[0], []), (accepted[len(accepted) // 2], []), (clean[0], ["--strict"]),
              (clean[-1], ["--strict"])]
    for number, (files, options) in enumerate(builds):
        root = tmp_path / f"project-{number}"
        _write(root, files)
        built = run([mkdocs, "build", *options, "-d", str(root / "site")], root)
        assert built.returncode == 0, built.stderr[-3000:]
        assert (root / "site" / "timeline" / "index.html").is_file()


def test_page_paths_are_checked() -> None:
    assert _page_path_problems("actors/" + "a" * 100 + "/relations-2.md") == []
    assert _page_path_problems("../etc/passwd.md") and _page_path_problems("/abs.md")
    assert _page_path_problems("actors/" + "a" * 250 + ".md")
