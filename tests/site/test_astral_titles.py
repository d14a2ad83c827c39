"""A character beyond U+FFFF (an emoji) in a title, name or summary keeps the page's front matter:
JSON escapes it as a surrogate pair, which libyaml (MkDocs' front-matter reader) rejects, and MkDocs
then drops the title, description and JSON-LD without a word (builder/render/yaml_escapes.py)."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
import yaml
from jinja2.utils import htmlsafe_json_dumps

from builder.render.yaml_escapes import yaml_escapes
from tests.conftest import MINIMAL_MKDOCS, ROOT, mkdocs_build, write_tree

FILES: dict[str, str | bytes] = {
    "content/site.yml": 'title: "Timeline 🌍 of things"\ndescription: "Events 📰 and people"\n',
    "content/actors/ann.md": '---\nname: "Ann 😀 Lee"\nkind: person\nsummary: "A reporter 🎤 of note"\n---\n',
    "content/articles/rep.md": '---\ntitle: "Report 📰 on 𝕏"\npublished: 2020-02-12\nauthors: [ann]\n---\n'
                               "Ann 😀 Lee wrote it.\n",
    "content/events/ev.md": '---\ntitle: "Clash 💥 at noon"\ndate: 2020-02-12\nactors: [ann]\nsources: [rep]\n---\n',
}


@pytest.mark.parametrize("text", ["Ann 😀 Lee", "𝕏 & <b> \"q\" 'a'", "x\\😀", "a\\ud83d\\ude00 written out",
                                  "\\\\😀\\", "é ü ñ", "", "👩‍👩‍👧 family"])
def test_json_with_yaml_escapes_reads_back_in_libyaml(text: str) -> None:
    written = yaml_escapes(htmlsafe_json_dumps(text))
    assert yaml.load(str(written), Loader=yaml.CSafeLoader) == text
    if all(ord(c) <= 0xFFFF for c in text):  # every other value is written exactly as before
        assert str(written) == str(htmlsafe_json_dumps(text))


def _meta(page: str, prop: str) -> str | None:
    found = re.search(rf'<meta property="{prop}" content="([^"]*)"', page)
    return html.unescape(found.group(1)) if found else None


def test_emoji_titles_keep_title_heading_description_and_json_ld(tmp_path: Path) -> None:
    project = tmp_path / "p"
    (project / "content" / "pages").mkdir(parents=True)
    (project / "mkdocs.yml").write_text(MINIMAL_MKDOCS.format(theme=ROOT / "theme"), encoding="utf-8")
    write_tree(project, FILES)
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stderr
    site = project / "site"
    for path, title, description in [("actors/ann", "Ann 😀 Lee", "A reporter 🎤 of note"),
                                      ("sources/rep", "Report 📰 on 𝕏", "Source: Report 📰 on 𝕏"),
                                      ("events/ev", "Clash 💥 at noon", "12 Feb 2020: Clash 💥 at noon")]:
        page = (site / path / "index.html").read_text(encoding="utf-8")
        assert f"<title>{title} - Timeline 🌍 of things</title>" in page, path  # site.yml names the site
        assert re.search(rf"<h1[^>]*>{re.escape(title)}", page), path
        assert _meta(page, "og:description") == description, path
        ld = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
        assert ld is not None, path
        assert title in json.loads(ld.group(1)).values(), path
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "<title>Timeline 🌍 of things</title>" in home  # the site's title once, as its heading
    assert re.search(r"<h1[^>]*>Timeline 🌍 of things</h1>", home)
    assert _meta(home, "og:title") == "Timeline 🌍 of things"
    assert _meta(home, "og:description") == "Events 📰 and people"
