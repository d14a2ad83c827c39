"""The interface speaks the site's language (issue 18): the seed built with ``theme: language: fr``
has French words on every generated page, and no English word of the interface is left.

A forgotten string cannot pass: a text the French and English builds of a page share is either the
author's content (found in the project's files) or an untranslated interface string."""

from __future__ import annotations

import html
import json
import re
import shutil
import sys
from pathlib import Path

import pytest

from builder.render.i18n import table
from tests.conftest import MINIMAL_MKDOCS, ROOT, mkdocs_build, run, run_cli, write_tree

# Texts the same in both languages that are neither content nor interface words: the EDTF standard's
# name, file and field names, units, and Material's permalink title (the toc extension's setting).
SAME_IN_BOTH = {"EDTF", "km", "timeline.json", "data/timeline.json", "licence", "site.yml", "id", "JSON", "CSV",
                "GeoJSON", "iCalendar", "Permanent link", "Relations", "Sources", "Type", "Date", "Dates", "Articles",
                "Mentions", "Original", "Licence", "Relation", "original", "relations", "sources", "Credit",
                "Aside", "passage", "Organisations", "Total", "Data"}


def french_project(target: Path) -> Path:
    shutil.copytree(ROOT / "content", target / "content")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "  language: en\n" in config
    (target / "mkdocs.yml").write_text(config.replace("  language: en\n", "  language: fr\n"), encoding="utf-8")
    return target


@pytest.fixture(scope="module")
def french_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("french")
    result = mkdocs_build(french_project(root / "project"), root / "site")
    assert result.returncode == 0, result.stderr
    return root / "site"


def article(page: str) -> str:
    """The page's own content, without the theme, scripts and the map's drawn names (place names
    and Natural Earth's country names, which are data)."""
    found = re.search(r'<article class="md-content__inner[^>]*>(.*?)</article>', page, re.S)
    assert found
    body = re.sub(r"<script.*?</script>", "", found.group(1), flags=re.S)
    return re.sub(r'<g class="tl-map-labels.*?</g>', "", body, flags=re.S)


def texts(page: str) -> set[str]:
    """What a reader sees or hears: text nodes and the words of labels, titles and alternatives."""
    body = article(page)
    said = re.findall(r'(?:aria-label|title|alt)="([^"]*)"', body)
    nodes = re.split(r"<[^>]+>", body)
    return {" ".join(html.unescape(text).split()) for text in [*nodes, *said]} - {""}


def normal(text: str) -> str:
    """Words only: Markdown, quotation marks, dashes and line breaks differ between a file and a page."""
    return " ".join(re.sub(r"[\W_]+", " ", text).casefold().split())


@pytest.fixture(scope="module")
def content_text() -> str:
    """Everything the author wrote, as one normalised text: a text found in it is content."""
    files = [path for path in (ROOT / "content").rglob("*") if path.is_file()]
    parts = [*(path.read_text(encoding="utf-8") for path in files), *(path.stem for path in files)]  # ids too
    parts = [re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", part) for part in parts]  # a link's words, as pages show them
    return normal("\n".join([*parts, (ROOT / "mkdocs.yml").read_text(encoding="utf-8")]))


def generated(site: Path) -> list[str]:
    """Every generated page's path (the hand-written about page is the author's)."""
    return sorted(str(path.relative_to(site)) for path in site.rglob("index.html")
                  if path.relative_to(site).parts[0] not in ("about", "search", "assets"))


def interface_words(text: str, content: str) -> bool:
    """Whether a text shared by both builds would be interface words, not content or data."""
    if text in SAME_IN_BOTH or not re.search(r"[A-Za-z]{2}", text) or normal(text) in content:
        return False
    if re.fullmatch(r"[\w/.]+\.(csv|json|geojson|ics|xml)", text):  # the open data's file names
        return False
    for token in SAME_IN_BOTH:
        text = re.sub(rf"\b{re.escape(token)}\b", " ", text)
    text = re.sub(r"\b\d[\d.,:/°NSEW~?%-]*", " ", text)  # numbers, coordinates, EDTF codes
    return bool(re.search(r"[A-Za-z]{2}", text))


def test_the_pages_are_in_french(french_site: Path) -> None:
    expected = {
        "index.html": ["Derniers événements", "Par où commencer", "Toute la chronologie", "12 février 2020"],
        "timeline/index.html": ["Effacer les filtres", "Affinez la liste", "Mots-clés",
                                "35 événements, du plus ancien au plus récent"],
        "events/qamishli-checkpoint-clash/index.html": [">Qui<", ">Sources<", "Dans la chronologie",
                                                             "Événement précédent et suivant"],
        "actors/turkey/index.html": ["Catégorie", "États", "Apparaît avec", "depuis le 28 août 2014"],
        "data/index.html": ["Comment citer", "Fichiers", "Jeu de données de chronologie annotée"],
        "places/idlib/index.html": ["Coordonnées", "précision\u00a0: région", "Carte de Idlib"],
        "stories/checkpoint-clash-at-khirbet-ammu/index.html": ["Étapes de ce récit", "Étape suivante"],
    }
    for path, words in expected.items():
        page = (french_site / path).read_text(encoding="utf-8")
        assert '<html lang="fr"' in page, path
        for word in words:
            assert word in page, (path, word)


def test_no_interface_string_is_left_in_english(french_site: Path, seed_site: Path, content_text: str) -> None:
    pages = generated(french_site)
    assert len(pages) > 60
    left = {}
    for path in pages:
        english = seed_site / path
        if not english.is_file():
            continue
        shared = texts((french_site / path).read_text(encoding="utf-8")) & texts(english.read_text(encoding="utf-8"))
        words = sorted(text for text in shared if interface_words(text, content_text))
        if words:
            left[path] = words
    assert not left, left


def test_no_english_entry_of_the_table_shows(french_site: Path, content_text: str) -> None:
    """The table's English phrases (of two words or more, in no French entry and no content) are
    nowhere on the French pages."""
    french = json.dumps(list(table("fr").values()), ensure_ascii=False).casefold()
    phrases = set()
    for entry in table("en").values():
        for form in entry.values() if isinstance(entry, dict) else [entry]:
            for piece in re.split(r"\{\w+\}|<[^>]+>", form):
                piece = " ".join(piece.strip(" .,:;()“”").split())
                if len(piece.split()) >= 2 and piece.casefold() not in french and normal(piece) not in content_text:
                    phrases.add(piece)
    assert len(phrases) > 150
    for path in generated(french_site):
        seen = texts((french_site / path).read_text(encoding="utf-8"))
        found = sorted(phrase for phrase in phrases if any(phrase in text for text in seen))
        assert not found, (path, found)


def test_the_filter_script_gets_its_words_from_the_page(french_site: Path) -> None:
    form = re.search(r'<form class="tl-filters"[^>]*data-words="([^"]*)"',
                     (french_site / "timeline" / "index.html").read_text(encoding="utf-8"))
    assert form
    words = json.loads(html.unescape(form.group(1)))
    assert words["Filter events"] == "Filtrer les événements"
    assert words["{n} event"] == {"one": "{n} événement", "other": "{n} événements"}


def test_the_404_page_is_in_french(french_site: Path) -> None:
    page = (french_site / "404.html").read_text(encoding="utf-8")
    assert "Page introuvable" in page and "Page not found" not in page


def test_export_writes_the_pages_in_the_projects_language(tmp_path: Path) -> None:
    project = french_project(tmp_path / "project")
    result = run_cli(project, "export", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    event = (tmp_path / "out" / "events" / "qamishli-checkpoint-clash" / "index.md").read_text(encoding="utf-8")
    assert "## Qui" in event and "## Who" not in event


def test_an_unknown_language_builds_in_english_with_one_warning(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(ROOT / "tests" / "fixtures" / "languages", project)
    write_tree(project, {"mkdocs.yml": MINIMAL_MKDOCS.replace("  font: false\n", "  font: false\n  language: ko\n"),
                         "content/site.yml": "title: Unknown language\n"})
    (project / "content" / "pages").mkdir()
    strict = mkdocs_build(project, tmp_path / "strict")  # a warning: --strict refuses it
    assert strict.returncode != 0 and "theme.language 'ko'" in strict.stderr
    result = run([sys.executable, "-m", "mkdocs", "build", "-d", str(tmp_path / "site")], project)
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("theme.language 'ko'") == 1
    assert "Latest events" in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")


def test_the_french_pages_are_valid_html(french_site: Path) -> None:
    from tests.site.test_html_validation import WEB_PAGES, validate

    assert validate([french_site / page for page in WEB_PAGES]) == []
