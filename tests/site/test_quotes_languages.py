"""Quotes a journalist can publish, in any language: reported speech is never shown as a quotation,
claims carry a status (shown and filterable), each quote links to its exact passage in the original,
and an article's language sets the language and direction of its text (issue 18).

The project is tests/fixtures/languages/: an English report and an Arabic article written for the tests."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from tests.conftest import MINIMAL_MKDOCS, ROOT, mkdocs_build, run_cli, write_tree

FIXTURE = ROOT / "tests" / "fixtures" / "languages"
QUOTE_MARKS = "“”\"«»"


def copy_fixture(target: Path) -> Path:
    shutil.copytree(FIXTURE, target)
    write_tree(target, {"mkdocs.yml": MINIMAL_MKDOCS, "content/site.yml": "title: Languages\n"})
    (target / "content" / "pages").mkdir()
    return target


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("languages")
    project = copy_fixture(root / "project")
    result = mkdocs_build(project, root / "site")
    assert result.returncode == 0, result.stderr
    return root / "site"


def page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def blockquote(html: str, quote_id: str) -> str:
    match = re.search(rf'<blockquote class="tl-quote[^"]*" id="{quote_id}">(.*?)</blockquote>', html, re.S)
    assert match, quote_id
    return match.group(1)


def text_of(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


def test_a_reported_quote_is_the_reporters_sentence_not_a_quotation(site: Path) -> None:
    html = page(site, "events/checkpoint-clash")
    reported = blockquote(html, "q-checkpoint-clash-3")
    words = re.search(r'<p class="tl-reported">(.*?)</p>', reported, re.S)
    assert words, reported
    assert text_of(words.group(1)) == "According to The Wire, The Observatory said that the militia fired in the air"
    assert not set(text_of(words.group(1))) & set(QUOTE_MARKS)
    assert '<a href="../../sources/checkpoint-report/#q-checkpoint-clash-3" dir="auto">The Wire</a>' in words.group(1)
    assert '<a href="../../actors/the-observatory/">The Observatory</a>' in words.group(1)
    # A direct quote of the same event keeps its quotation marks: both kinds side by side.
    direct = blockquote(html, "q-checkpoint-clash-1")
    assert "<p>“<span" in direct and "</span>”</p>" in direct and "According to" not in direct
    assert html.count('class="tl-account"') == 2


def test_check_warns_of_a_direct_quote_without_quotation_marks(tmp_path: Path) -> None:
    project = copy_fixture(tmp_path / "project")
    event = project / "content" / "events" / "checkpoint-clash.md"
    text = event.read_text(encoding="utf-8").replace("    kind: reported\n", "")
    # Inside a longer quoted passage, so the speaker's words: no warning.
    head, _, tail = text.rpartition("---\n")
    text = head + "  - {by: myles-caggins, article: checkpoint-report, text: came under small-arms}\n---\n" + tail
    event.write_text(text, encoding="utf-8")
    result = run_cli(project, "check")
    warnings = [line for line in result.stdout.splitlines() + result.stderr.splitlines() if "quotation marks" in line]
    line = text.splitlines().index("    text: the militia fired in the air") + 1
    assert warnings == [
        f"content/events/checkpoint-clash.md:{line}: warning: quote \"the militia fired in the air\" has no quotation "
        "marks around it in article 'checkpoint-report', so it may be the reporter's words: if it is, add 'kind: "
        "reported'; if the speaker's words are quoted next to it, widen the quote to them"]


def test_claim_status_is_shown_beside_the_account_and_is_a_timeline_filter(site: Path) -> None:
    html = page(site, "events/checkpoint-clash")
    disputed = blockquote(html, "q-checkpoint-clash-1")
    assert re.search(r'<p class="tl-status tl-status-disputed"><span class="tl-status-label">Claim disputed</span>: '
                     r'Residents say the convoy fired first\. \(source: <a href="\.\./\.\./sources/qamishli-ar/" '
                     r'dir="auto">اشتباك عند حاجز قرب القامشلي</a>\)</p>', disputed), disputed
    assert "Claim unverified" in blockquote(html, "q-checkpoint-clash-3")
    assert "tl-status" not in blockquote(html, "q-checkpoint-clash-2")  # no status given: none shown

    timeline = page(site, "timeline")
    options = re.findall(r'<input type="checkbox" name="status" value="(\w+)"> (\w+)', timeline)
    assert sorted(options) == [("confirmed", "Confirmed"), ("disputed", "Disputed"), ("unverified", "Unverified")]
    assert re.search(r'id="checkpoint-clash"[^>]* data-status="disputed unverified"', timeline)
    assert re.search(r'id="statement-in-arabic"[^>]* data-status="confirmed"', timeline)


def test_a_status_source_must_be_a_known_article(tmp_path: Path) -> None:
    project = copy_fixture(tmp_path / "project")
    event = project / "content" / "events" / "checkpoint-clash.md"
    event.write_text(event.read_text(encoding="utf-8").replace("status_source: qamishli-ar",
                                                               "status_source: qamishli-arr"), encoding="utf-8")
    result = run_cli(project, "check")
    assert result.returncode != 0
    assert "did you mean 'qamishli-ar'" in result.stdout + result.stderr


FRAGMENT_TERM = re.compile(r"^(?:%[0-9A-F]{2}|[A-Za-z0-9_.~!$'()*+;=:@/?])+$")


def test_each_quote_links_to_its_passage_with_a_well_formed_text_fragment(site: Path) -> None:
    html = page(site, "events/checkpoint-clash").replace("&#126;", "~")
    originals = re.findall(r'class="tl-passage" href="([^"]+)"', html)
    archived = re.findall(r'class="tl-archived" href="([^"]+)"', html)
    assert len(originals) == len(archived) == 3
    expected = [["the patrol came under small-arms fire, and returned fire"],
                ["We will keep the", "this area, whatever happens"],  # long: textStart,textEnd
                ["the militia fired in the air"]]
    for href, terms in zip(originals, expected, strict=True):
        # The URL's own fragment (#top) stays, and the directive follows it.
        assert href.startswith("https://news.example.org/world/clash-at-checkpoint?id=7#top:~:text=")
        directive = href.split(":~:text=", 1)[1]
        parts = directive.split(",")
        assert all(FRAGMENT_TERM.match(part) and "-" not in part and "&" not in part for part in parts), directive
        assert [unquote(part) for part in parts] == terms
    assert "small%2Darms%20fire%2C%20and" in originals[0]  # dash and comma encoded
    for href in archived:
        assert urlsplit(href).fragment.startswith(":~:text=")
        assert href.startswith("https://web.archive.org/web/2020/https://news.example.org/world/clash-at-checkpoint")


def test_an_arabic_article_reads_right_to_left_with_latin_names_isolated(site: Path) -> None:
    html = page(site, "sources/qamishli-ar")
    assert '<div class="tl-article" lang="ar" dir="rtl">' in html
    assert '<a class="tl-mention" id="m-1-25" href="../../actors/myles-caggins/" dir="auto">Myles Caggins</a>' in html
    english = page(site, "sources/checkpoint-report")
    assert '<div class="tl-article" lang="en" dir="ltr">' in english
    assert re.search(r'class="tl-mention" id="m-1-\d+" href="\.\./\.\./actors/myles-caggins/">', english)  # LTR: as is


def test_a_quote_shows_its_translation_beside_the_original(site: Path) -> None:
    quote = blockquote(page(site, "events/statement-in-arabic"), "q-statement-in-arabic-1")
    assert '<span class="tl-words" lang="ar" dir="rtl">تم احتواء الوضع وهو قيد التحقيق</span>' in quote
    assert ('<p class="tl-translation"><span class="tl-label">Translation by the editors:</span> '
            "The situation has been contained and is under investigation</p>") in quote
    actor = page(site, "actors/myles-caggins")
    assert "The situation has been contained" in actor and 'lang="ar" dir="rtl"' in actor


@pytest.mark.parametrize("tag", ["english", "e", "en_GB", "ar-", "123"])
def test_a_language_that_is_not_a_bcp47_tag_is_an_error(tmp_path: Path, tag: str) -> None:
    project = copy_fixture(tmp_path / "project")
    article = project / "content" / "articles" / "qamishli-ar.md"
    article.write_text(article.read_text(encoding="utf-8").replace("language: ar", f"language: {tag}"),
                       encoding="utf-8")
    result = run_cli(project, "check")
    assert result.returncode != 0
    assert (f"content/articles/qamishli-ar.md:5: 'language' is '{tag}', not a BCP 47 language tag"
            in result.stdout + result.stderr)


def test_a_native_name_and_its_romanisation_are_shown_linked_and_searchable(site: Path) -> None:
    place = page(site, "places/qamishli")
    assert '<dt>Native name</dt><dd lang="ar" dir="rtl">القامشلي</dd>' in place
    assert "<dt>Romanised</dt><dd>al-Qāmishlī</dd>" in place
    # The Arabic article names the place in Arabic: that form is linked like the English name.
    assert re.search(r'<a class="tl-mention" id="m-2-\d+" href="\.\./\.\./places/qamishli/" dir="auto">القامشلي</a>',
                     page(site, "sources/qamishli-ar"))
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    texts = " ".join(doc["title"] + " " + doc["text"] for doc in index["docs"] if doc["location"].startswith(
        "places/qamishli/"))
    assert all(form in texts for form in ("Qamishli", "القامشلي", "al-Qāmishlī")), texts[:300]
