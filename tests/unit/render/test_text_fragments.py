"""Text-fragment links (https://wicg.github.io/scroll-to-text-fragment/): terms percent-encoded,
with the directive's own delimiters (- , &) encoded inside them."""

from __future__ import annotations

from urllib.parse import unquote

import pytest

from builder.render.languages import direction
from builder.render.text_fragments import passage_url, text_directive


def test_delimiters_and_quotes_are_encoded() -> None:
    directive = text_directive("small-arms fire, & “more” 'here'")
    assert directive == "text=small%2Darms%20fire%2C%20%26%20%E2%80%9Cmore%E2%80%9D%20%27here%27"
    assert unquote(directive[5:]) == "small-arms fire, & “more” 'here'"


def test_a_long_passage_is_named_by_its_first_and_last_words() -> None:
    passage = "one two three four five six seven eight nine ten eleven-twelve"
    assert text_directive(passage) == "text=one%20two%20three%20four,eight%20nine%20ten%20eleven%2Dtwelve"
    assert text_directive("  spaced\n  out  ") == "text=spaced%20out"


def test_the_directive_follows_the_urls_own_fragment() -> None:
    assert passage_url("https://a.example/x", "hi") == "https://a.example/x#:~:text=hi"
    assert passage_url("https://a.example/x#top", "hi") == "https://a.example/x#top:~:text=hi"
    assert passage_url("", "hi") == "" and passage_url("https://a.example/", "") == "https://a.example/"


@pytest.mark.parametrize(("tag", "expected"), [("ar", "rtl"), ("fa-IR", "rtl"), ("he", "rtl"), ("ur", "rtl"),
                                               ("en", "ltr"), ("ku-Latn", "ltr"), ("az-Arab", "rtl"),
                                               ("tr", "ltr"), ("ar-x-latn", "rtl")])
def test_direction(tag: str, expected: str) -> None:
    assert direction(tag) == expected
