"""The exit stays open (issue 19): the seed builds with ProperDocs, the maintained fork of MkDocs 1.6,
through the plugin unchanged; and ``python -m builder export DIR`` writes a tree that plain MkDocs
(no plugin), ProperDocs and Zensical all build into the same pages, with no broken link.

ProperDocs and Zensical come with the ``test`` extra (they install beside MkDocs: ProperDocs is the
module ``properdocs`` and maps ``mkdocs.*`` to itself only in its own process). Without them these
tests are skipped, except in CI, where a missing engine fails.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import sys
from pathlib import Path

import pytest

from builder.plugin.theme import SCRIPTS, STYLESHEETS
from tests.conftest import MINIMAL_MKDOCS, ROOT, mkdocs_build, run, run_cli
from tests.htmlsite import broken_links
from tests.site.test_bad_input import BASE, MakeProject

# One page of each kind an export must hold, and the home page.
PAGES = ("", "timeline/", "events/qamishli-checkpoint-clash/", "actors/recep-tayyip-erdogan/",
         "places/khirbet-ammu/", "sources/guardian-checkpoint-clash/")

SITE_NAME = "Idlib and Qamishli, February 2020"
# What the README says to build an export in docs/ with: the project's own mkdocs.yml with docs_dir:
# docs, without the timeline plugin, and the stylesheets and script the plugin would have linked.
PLUGIN_ENTRY = "  - timeline:\n      content_dir: content\n"
EXTRA = """
extra_css:
  - assets/timeline.css
  - assets/map.css
  - assets/relations.css
  - assets/story.css
extra_javascript:
  - assets/timeline-filters.js
"""


def export_config() -> str:
    project = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "docs_dir: content/pages\n" in project and PLUGIN_ENTRY in project
    return project.replace("docs_dir: content/pages\n", "docs_dir: docs\n").replace(PLUGIN_ENTRY, "") + EXTRA


def engine(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent))
    if found is None:
        message = f"{name} is not installed beside {sys.executable}: pip install -e '.[test]'"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return found


def html_files(site: Path) -> list[str]:
    return sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html"))


def article(site: Path, page: str) -> str:
    match = re.search(r"<article.*?</article>", (site / page).read_text(encoding="utf-8"), re.S)
    assert match, page
    return match.group(0)


def text(fragment: str) -> str:
    """What a reader sees of an element: no tags, no permalink sign, spaces collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).replace("¶", " ").split())


def title_and_heading(site: Path, page: str) -> tuple[str, str]:
    document = (site / page / "index.html").read_text(encoding="utf-8")
    title = re.search(r"<title>(.*?)</title>", document, re.S)  # the first: the head's, not a map marker's
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", document, re.S)
    assert title and heading, page
    return text(title.group(1)), text(heading.group(1))


def test_properdocs_builds_the_seed_with_the_plugin_as_mkdocs_does(seed_site: Path, tmp_path: Path) -> None:
    properdocs = engine("properdocs")
    site = tmp_path / "site"
    result = run([properdocs, "build", "--strict", "-f", "mkdocs.yml", "-d", str(site)], ROOT)
    assert result.returncode == 0, result.stderr
    assert "ProperDocs" in (site / "index.html").read_text(encoding="utf-8"), "built by ProperDocs itself"
    pages = html_files(site)
    assert pages == html_files(seed_site)
    for page in pages:
        if page != "404.html":
            assert article(site, page) == article(seed_site, page), page
    assert (site / "search/search_index.json").read_bytes() == (seed_site / "search/search_index.json").read_bytes()
    assert sorted(p.name for p in (site / "data").iterdir()) == sorted(p.name for p in (seed_site / "data").iterdir())


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed exported into ``docs/`` of a folder that holds the README's ``mkdocs.yml`` for it."""
    project = tmp_path_factory.mktemp("exported")
    result = run_cli(ROOT, "export", str(project / "docs"))
    assert result.returncode == 0, result.stderr
    (project / "mkdocs.yml").write_text(export_config(), encoding="utf-8")
    return project


def build_export(name: str, project: Path, config: str = "mkdocs.yml") -> Path:
    site = project / f"site-{name}"
    if name == "mkdocs":
        result = mkdocs_build(project, site, "-f", config)
    elif name == "properdocs":
        result = run([engine("properdocs"), "build", "--strict", "-f", config, "-d", str(site)], project)
    else:
        shutil.rmtree(project / "site", ignore_errors=True)
        result = run([engine("zensical"), "build", "--strict", "-f", config], project)
        site = project / "site"  # Zensical has no output option: the configuration's site_dir
    assert result.returncode == 0, f"{name}\n{result.stdout}\n{result.stderr}"
    return site


@pytest.mark.parametrize("name", ["mkdocs", "properdocs", "zensical"])
def test_an_engine_builds_the_export_into_the_same_pages(name: str, exported: Path, seed_site: Path) -> None:
    site = build_export(name, exported)
    assert html_files(site) == html_files(seed_site)
    for page in PAGES:
        title, heading = title_and_heading(site, page)
        expected_title, expected_heading = title_and_heading(seed_site, page)
        assert heading == expected_heading, page
        if page or name != "zensical":  # Zensical titles the home page "Index - <site name>"
            assert title == expected_title, page
        assert title.endswith(SITE_NAME) and (not page or title == f"{heading} - {SITE_NAME}"), page
    assert title_and_heading(site, "events/qamishli-checkpoint-clash/")[1] == \
        "US convoy in deadly clash at a checkpoint near Qamishli"
    event = article(site, "events/qamishli-checkpoint-clash/index.html")
    for target in ("../../places/khirbet-ammu/", "../../sources/guardian-checkpoint-clash/#q-"):
        assert f'href="{target}' in event, target
    assert (site / "data" / "timeline.json").read_bytes() == (seed_site / "data" / "timeline.json").read_bytes()
    page = (site / "events/qamishli-checkpoint-clash/index.html").read_text(encoding="utf-8")
    for asset in (*STYLESHEETS, *SCRIPTS):
        assert f'"../../{asset}"' in page, asset
    assert broken_links(site) == []


def test_the_export_carries_what_a_build_adds_to_the_pages(exported: Path) -> None:
    """The stylesheets and the script the plugin links (the README's configuration names them), and
    the open data the Data page links to; every page of a folder of its own."""
    docs = exported / "docs"
    assert sorted(f"assets/{path.name}" for path in (docs / "assets").iterdir()) == sorted((*STYLESHEETS, *SCRIPTS))
    for asset in (*STYLESHEETS, *SCRIPTS):
        assert f"  - {asset}\n" in EXTRA
    assert (docs / "data" / "index.md").is_file() and (docs / "data" / "events.csv").is_file()
    assert (docs / "events" / "qamishli-checkpoint-clash" / "index.md").is_file()
    assert not (docs / "events" / "qamishli-checkpoint-clash.md").exists()


@pytest.mark.parametrize("name", ["mkdocs", "zensical"])
def test_the_plugins_templates_as_custom_dir_bring_back_what_they_add(name: str, exported: Path) -> None:
    """The README's optional step: the package's theme folder as ``custom_dir`` (structured data, the 404 page)."""
    config = export_config().replace("  name: material\n", f"  name: material\n  custom_dir: {ROOT / 'theme'}\n", 1)
    assert "custom_dir" in config
    (exported / "custom.yml").write_text(config, encoding="utf-8")
    site = build_export(name, exported, "custom.yml")
    event = (site / "events/qamishli-checkpoint-clash/index.html").read_text(encoding="utf-8")
    jsonld = r'<script type="application/ld\+json">\{"@context": ?"https://schema.org", ?"@type": ?"Event"'
    assert re.search(jsonld, event)  # Zensical's tojson leaves out the spaces
    assert "There is no page at this address." in (site / "404.html").read_text(encoding="utf-8")
    assert broken_links(site) == []


READING = """\
# Reading

Start with [Erdoğan](../actors/erdogan.md#timeline), then [the warning][warns].

[warns]: ../events/erdogan-warns.md
"""


@pytest.mark.parametrize("name", ["mkdocs", "zensical"])
def test_a_hand_written_pages_links_to_generated_pages_lead_there_in_the_export(name: str, make_project: MakeProject,
                                                                               tmp_path: Path) -> None:
    """The export moves generated pages into folders of their own; a Markdown link to one follows it."""
    project = make_project({**BASE, "content/pages/notes/reading.md": READING})
    built = mkdocs_build(project, tmp_path / "built")  # the links are right in a build with the plugin
    assert built.returncode == 0, built.stderr
    result = run_cli(project, "export", str(tmp_path / "export" / "docs"))
    assert result.returncode == 0, result.stderr
    plugin = "  - timeline\n"
    assert plugin in MINIMAL_MKDOCS
    config = MINIMAL_MKDOCS.replace("docs_dir: content/pages", "docs_dir: docs").replace(plugin, "")
    (tmp_path / "export" / "mkdocs.yml").write_text(config, encoding="utf-8")
    site = build_export(name, tmp_path / "export")
    page = (site / "notes/reading/index.html").read_text(encoding="utf-8")
    for href in ("../../actors/erdogan/#timeline", "../../events/erdogan-warns/"):
        assert f'href="{href}"' in page, href
        assert f'href="{href}"' in (tmp_path / "built/notes/reading/index.html").read_text(encoding="utf-8")
    assert broken_links(site) == []
