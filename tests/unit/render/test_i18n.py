"""The translation table (builder/render/i18n): every key in every language, with the same
placeholders and markup, and every string the templates, figures and theme ask for is in it."""

from __future__ import annotations

import re
import string

import pytest
from markupsafe import Markup

from builder.model.dates import parse_date
from builder.pipeline import interface_language
from builder.render.i18n import LANGUAGES, Words, plural_form, speaking, supported, table, tr
from tests.conftest import ROOT

FORMS = {"one", "other"}
# A key written out in a call: t("…"), tp("…"), tr("…"), term("…") in the templates and the renderer,
# timeline_t("…") in the theme, t("…") in the preview's problems page.
CALL = re.compile(r'(?<![\w.])(?:t|tp|tr|term|timeline_t)\(\s*"((?:[^"\\]|\\.)*)"')
SOURCES = [*sorted((ROOT / "builder" / "render").rglob("*.md")), *sorted((ROOT / "builder" / "render").rglob("*.py")),
           ROOT / "theme" / "404.html", ROOT / "builder" / "plugin" / "templates" / "problems.html"]
# Keys that calls build from a known vocabulary rather than write out
PREFIXED = ("Claim ", "Embedded ", "{n} ")


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def tags(text: str) -> list[str]:
    return sorted(re.findall(r"<[^>]+>", text))


def forms(entry: str | dict[str, str]) -> list[str]:
    return list(entry.values()) if isinstance(entry, dict) else [entry]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_key_has_every_language_with_the_same_placeholders_and_markup(language: str) -> None:
    english, other = table("en"), table(language)
    assert set(other) == set(english), (sorted(set(english) - set(other)), sorted(set(other) - set(english)))
    for key, entry in other.items():
        assert isinstance(entry, dict) == isinstance(english[key], dict), f"{key!r}: plural in one language only"
        if isinstance(entry, dict):
            assert set(entry) == FORMS, key
        # a key is the English text, or an id ("date: …") whose English entry has the placeholders
        model = forms(english[key])[0] if key.startswith("date: ") else key
        for form in forms(entry):
            assert placeholders(form) == placeholders(model), f"{language}: {key!r} → {form!r}"
            assert tags(form) == tags(model), f"{language}: {key!r} → {form!r}"
            assert form.strip(), key


def test_a_plural_entry_counts_with_n() -> None:
    for key, entry in table("en").items():
        if isinstance(entry, dict):
            assert "n" in placeholders(key), key


def test_every_key_the_code_asks_for_is_in_the_table() -> None:
    english = table("en")
    asked = {match.group(1).replace('\\"', '"') for path in SOURCES for match in CALL.finditer(path.read_text())}
    missing = sorted(key for key in asked if key not in english and not key.startswith(PREFIXED))
    assert not missing, missing
    assert len(asked) > 250  # the pattern still finds the calls


def test_english_entries_are_their_own_keys() -> None:
    """Keys are the English text, so a template reads as it renders; only ids and plural forms differ."""
    for key, entry in table("en").items():
        if isinstance(entry, str) and not key.startswith("date: ") and key != "May (short)":
            assert entry == key


def test_french_counts_zero_and_one_as_singular_and_english_only_one() -> None:
    assert [plural_form("fr", n) for n in (0, 1, 2)] == ["one", "one", "other"]
    assert [plural_form("en", n) for n in (0, 1, 2)] == ["other", "one", "other"]
    assert Words("fr").text("{n} event", n=0) == "0 événement"
    assert Words("en").text("{n} event", n=0) == "0 events"


def test_markup_keeps_the_tables_html_and_makes_values_inert() -> None:
    made = Words("en").markup("The data is published under <strong>{licence}</strong>. The source articles quoted "
                              "in it remain their publishers' work.", licence="<b>CC*</b>")
    assert "<strong>&#60;b&#62;CC&#42;&#60;/b&#62;</strong>" in made
    assert "publishers' work" in made  # the table's text as written: English pages stay byte for byte
    assert Words("en").markup("Account by {name}", name=Markup("<a>x</a>")) == "Account by <a>x</a>"


def test_a_word_outside_the_vocabulary_is_shown_as_written() -> None:
    words = Words("fr")
    assert words.term("publisher") == "éditeur"
    assert words.term("photographer & <editor>") == "photographer &#38; &#60;editor&#62;"


def test_a_missing_key_is_an_error_not_english() -> None:
    with pytest.raises(KeyError):
        Words("fr").text("A string nobody added to the table")


@pytest.mark.parametrize(("code", "expected"), [("fr", "fr"), ("fr-CA", "fr"), ("fr_BE", "fr"), ("en-GB", "en"),
                                                ("EN", "en"), ("ar", None), ("", None)])
def test_theme_language_codes(code: str, expected: str | None) -> None:
    assert supported(code) == expected


def test_an_unknown_language_is_english_with_a_reason() -> None:
    assert interface_language("fr") == ("fr", "")
    language, why = interface_language("tlh")
    assert language == "en"
    assert "'tlh'" in why and "English" in why


@pytest.mark.parametrize(("edtf", "english", "french"), [
    ("2020-02-12", "12 Feb 2020", "12 février 2020"),
    ("2020-03-01", "1 March 2020", "1er mars 2020"),
    ("2020-09", "Sept 2020", "septembre 2020"),
    ("2011~", "c. 2011", "vers 2011"),
    ("2011?", "2011 (uncertain)", "2011 (incertain)"),
    ("201X", "2010s", "années 2010"),
    ("2014-08-28/..", "since 28 Aug 2014", "depuis le 28 août 2014"),
    ("19XX", "20th century", "XXe siècle"),
    ("2020-21", "Spring 2020", "printemps 2020"),
    ("../2020-02-29", "by the end of Feb 2020", "avant la fin de février 2020"),
    ("../2020-02-12", "by 12 Feb 2020", "avant le 12 février 2020"),
    ("2020-02-10/2020-02-12", "10–12 Feb 2020", "10–12 février 2020"),
    ("2020-01-30/2020-02-02", "30 Jan – 2 Feb 2020", "30 janvier – 2 février 2020"),
    ("/2020", "until 2020 (start unknown)", "jusqu’à 2020 (début inconnu)"),
    ("2019/", "from 2019 (end unknown)", "à partir de 2019 (fin inconnue)"),
])
def test_dates_read_in_the_pages_language(edtf: str, english: str, french: str) -> None:
    date = parse_date(edtf)
    assert date.display() == english  # outside a render: English (the open data, the authoring tools)
    with speaking("fr"):
        assert date.display() == french
        assert tr("Undated") == "Non datés"
    with speaking("en"):
        assert date.display() == english
    assert date.display() == english
