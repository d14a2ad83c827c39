"""Finding quotes and names in article text."""

from __future__ import annotations

import random
import re

import pytest

from builder.resolve.text import (
    Name,
    NameIndex,
    Sentences,
    flatten,
    is_quoted,
    locate,
    original_offset,
    strip_quote_marks,
)


@pytest.mark.parametrize(
    ("needle", "haystack", "expected"),
    [
        ("We're determined", "“We’re determined to drive away”", "We’re determined"),
        ("drive  away\nregime", "to drive away   regime forces", "drive away   regime"),
        ("“anywhere”", "threatened to hit Syrian targets “anywhere” if", "anywhere"),
        ("back off!", "tells the man to “back off!”", "back off!"),
        ("not there", "something else entirely", None),
        ("a", "  a  ", "a"),
    ],
)
def test_locate_ignores_typography_and_spacing(needle: str, haystack: str, expected: str | None) -> None:
    found = locate(needle, haystack)
    assert (haystack[found[0] : found[1]] if found else None) == expected


def test_names_whole_words_longest_first_and_ambiguity() -> None:
    index = NameIndex([Name("Assad", "actor", "assad"), Name("Assad regime", "actor", "regime"),
                       Name("U.S.", "actor", "us"), Name("Idlib", "place", "idlib"),
                       Name("Idlib", "actor", "idlib-gov")])
    text = "The Assad regime and Assad’s allies; the U.S. envoy; Assadist; in Idlib."
    found = [(text[f.start:f.end], [n.id for n in f.names]) for f in index.find(text, [])]
    assert found == [("Assad regime", ["regime"]), ("Assad", ["assad"]), ("U.S.", ["us"]),
                     ("Idlib", ["idlib-gov", "idlib"])]


def test_sentence_around() -> None:
    text = "Erdogan spoke on Wednesday. Jeffrey met officials in Ankara. The U.S. envoy left."
    start = text.index("Ankara")
    assert Sentences(text).around(start, start + 6) == "Jeffrey met officials in Ankara."


def _reference_offset(text: str, flat_index: int) -> int:
    """The plain definition: walk the runs of non-space characters."""
    position = 0
    for run in re.finditer(r"\S+", text):
        length = run.end() - run.start()
        if flat_index < position + length:
            return run.start() + flat_index - position
        if flat_index == position + length:
            return run.end()
        position += length + 1
    return len(text)


def test_original_offset_agrees_with_the_plain_definition_everywhere() -> None:
    pieces = ["a", "bc", "Erdoğan’s", "“x”", " ", "  ", "\n", "\u00a0", "\t", "—", "...", "\u2003", "\x1c"]
    generator = random.Random(5)
    for _ in range(400):
        text = "".join(generator.choice(pieces) for _ in range(generator.randint(0, 30)))
        flat = flatten(text)
        for index in range(len(flat) + 1):
            assert original_offset(text, flat, index) == _reference_offset(text, index), (text, index)
        if len(flat) > 1:
            start, end = sorted(generator.sample(range(len(flat) + 1), 2))
            wanted = flatten(strip_quote_marks(flat[start:end]))
            found = locate(flat[start:end], text)
            assert (found is None) == (not wanted)
            if found:
                assert flatten(text[found[0]:found[1]]) == wanted


def test_original_offset_of_single_spaced_text_is_the_same_offset() -> None:
    """Flattening such text drops nothing, which ``original_offset`` takes as an identity."""
    words = ["a", "bc", "Erdoğan’s", "“x”", "—", "...", "\u00a0"]
    generator = random.Random(7)
    for _ in range(200):
        text = "".join(generator.choice(words) + generator.choice(" \n") for _ in range(generator.randint(1, 12)))
        text = text[:-1]
        flat = flatten(text)
        if len(flat) != len(text):
            continue  # a no-break space at an end is trimmed: covered by the test above
        for index in range(len(flat) + 1):
            assert original_offset(text, flat, index) == _reference_offset(text, index) == index, (text, index)


@pytest.mark.parametrize(
    ("text", "passage", "expected"),
    [
        ("He said: “We will stay.”", "We will stay.", True),
        ('He said: "We will stay."', "We will stay", True),
        ("He said: «Nous restons».", "Nous restons", True),
        ("“We will stay, whatever happens,” he said.", "whatever happens", True),  # part of a longer quotation
        ("He said they would stay.", "they would stay", False),
        ("“No,” he said; they would stay.", "they would stay", False),  # after a closed quotation
        ("Erdoğan’s men said they would stay.", "they would stay", False),  # an apostrophe closes nothing
        ("He warned of ‘grave consequences’ and left.", "grave consequences", True),
        ('He said "no" and they would stay.', "they would stay", False),
    ],
)
def test_is_quoted(text: str, passage: str, expected: bool) -> None:
    start = text.index(passage)
    assert is_quoted(text, start, start + len(passage)) is expected
