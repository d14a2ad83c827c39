"""Finding things in article text: quotes (verbatim, modulo typography), names, sentences."""

from __future__ import annotations

import bisect
import itertools
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

# Typographic variants that sources and annotators write interchangeably.
_EQUIVALENT = str.maketrans({"’": "'", "‘": "'", "‛": "'", "′": "'", "“": '"', "”": '"', "„": '"', "″": '"',
                             "\u00a0": " ", "–": "-", "—": "-"})
_WORD = re.compile(r"\w+")
_NON_SPACE = re.compile(r"\S+")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z])")


def flatten(text: str) -> str:
    """Typographic variants unified and whitespace runs collapsed to one space, trimmed."""
    if not text.isascii():  # every variant is outside ASCII, and isascii costs far less than translate
        text = text.translate(_EQUIVALENT)
    return " ".join(text.split())


def strip_quote_marks(text: str) -> str:
    return text.strip().strip("\"'“”‘’").strip()


_OPENERS = "“„«‹‘"  # ‘ and ’ also write apostrophes: see is_quoted
_CLOSERS = "”»›’"


def is_quoted(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` stands inside quotation marks: right after an opening mark, or
    anywhere inside a longer quoted passage of its paragraph (an opening mark not yet closed).

    Straight double quotes open and close in turn; a ’ between letters is an apostrophe."""
    if start < end and text[start] in _OPENERS + '"':
        return True
    open_marks = 0
    straight = False
    for index in range(start):
        char = text[index]
        if char == '"':
            straight = not straight
        elif char in _OPENERS:
            open_marks += 1
        elif char in _CLOSERS:
            between_letters = 0 < index < len(text) - 1 and text[index - 1].isalpha() and text[index + 1].isalpha()
            if not between_letters:
                open_marks = max(0, open_marks - 1)
    return straight or open_marks > 0


def locate(needle: str, haystack: str, flat_haystack: str | None = None) -> tuple[int, int] | None:
    """Where ``needle`` occurs in ``haystack``, ignoring typography and spacing: (start, end).

    ``flat_haystack`` (``flatten(haystack)``) may be passed when searching one text many times."""
    flat = flat_haystack if flat_haystack is not None else flatten(haystack)
    return locate_flat(flatten_quote(needle), haystack, flat)


def flatten_quote(needle: str) -> str:
    """A quote as ``locate_flat`` looks for it: without its quote marks, and flattened."""
    return flatten(strip_quote_marks(needle))


def locate_flat(wanted: str, haystack: str, flat_haystack: str) -> tuple[int, int] | None:
    """``locate`` with both sides already flattened: for one quote looked for in many texts."""
    if not wanted:
        return None
    found = flat_haystack.find(wanted)
    if found < 0:
        return None
    return (original_offset(haystack, flat_haystack, found),
            original_offset(haystack, flat_haystack, found + len(wanted) - 1) + 1)


def original_offset(text: str, flat: str, flat_index: int) -> int:
    """The offset in ``text`` of the character at ``flat_index`` of ``flat`` (``flatten(text)``).

    Flattening keeps every non-space character and puts one space between runs of them, so the
    spaces before ``flat_index`` count the runs before it; the run itself is then found in C."""
    if len(flat) == len(text):
        # Flattening only maps characters one to one or drops whitespace: nothing was dropped,
        # so every offset is the same (most paragraphs, which are single-spaced).
        return flat_index
    if flat_index >= len(flat):
        return len(text.rstrip()) if flat_index == len(flat) and flat else len(text)
    run = next(itertools.islice(_NON_SPACE.finditer(text), flat.count(" ", 0, flat_index), None))
    if flat[flat_index] == " ":  # the single space standing for the whitespace after that run
        return run.end()
    return run.start() + flat_index - (flat.rfind(" ", 0, flat_index) + 1)


def closest_passage(needle: str, passages: Iterable[str]) -> str:
    """The start of the passage sharing the longest run of words with ``needle``, for hints."""
    wanted = _WORD.findall(needle.lower())
    best, best_score = "", 0
    for passage in passages:
        words = set(_WORD.findall(passage.lower()))
        score = sum(1 for word in wanted if word in words)
        if score > best_score:
            best, best_score = passage, score
    return best


class Sentences:
    """A paragraph's sentence boundaries, found once for all the names mentioned in it."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.breaks = [(m.start(), m.end()) for m in _SENTENCE_END.finditer(text)]
        self._stops = [stop for stop, _ in self.breaks]
        self._resumes = [resume for _, resume in self.breaks]

    def bounds(self, start: int, end: int) -> tuple[int, int]:
        """Where the sentence holding ``text[start:end]`` begins and stops; bisected, as a
        paragraph may hold thousands of sentences and names."""
        after = bisect.bisect_right(self._resumes, start)
        begin = self._resumes[after - 1] if after else 0
        stop = max(after, bisect.bisect_left(self._stops, end))
        return begin, self._stops[stop] if stop < len(self._stops) else len(self.text)

    def around(self, start: int, end: int) -> str:
        begin, stop = self.bounds(start, end)
        return self.text[begin:stop].strip()


@dataclass(frozen=True)
class Name:
    text: str
    kind: str  # "actor" | "place"
    id: str


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    names: tuple[Name, ...]  # more than one: ambiguous


class NameIndex:
    """Whole-word, longest-first, case-sensitive lookup of many names in one pass over a text.

    Names are bucketed by their first word, so the cost grows with the words of the text, not with
    the number of names (a site has thousands)."""

    def __init__(self, names: Iterable[Name]) -> None:
        by_text: dict[str, set[Name]] = defaultdict(set)
        for name in names:
            if name.text.strip():
                by_text[name.text.strip()].add(name)
        self._buckets: dict[str, list[tuple[str, tuple[Name, ...]]]] = defaultdict(list)
        for text, owners in by_text.items():
            first = _WORD.search(text)
            if first and first.start() == 0:
                self._buckets[first.group()].append((text, tuple(sorted(owners, key=lambda n: (n.kind, n.id)))))
        for bucket in self._buckets.values():
            bucket.sort(key=lambda entry: -len(entry[0]))
        self._first_words = frozenset(self._buckets)
        self._ambiguous_first_words = frozenset(
            first for first, bucket in self._buckets.items()
            if any(len({(name.kind, name.id) for name in owners}) > 1 for _, owners in bucket))
        self._patterns: dict[str, tuple[re.Pattern[str], dict[str, tuple[Name, ...]]]] = {}

    def _pattern(self, first: str) -> tuple[re.Pattern[str], dict[str, tuple[Name, ...]]]:
        """One regex for all the names starting with ``first`` (longest first, whole words),
        compiled when a text first contains that word."""
        if first not in self._patterns:
            bucket = self._buckets[first]
            alternatives = "|".join(re.escape(candidate) for candidate, _ in bucket)
            self._patterns[first] = (re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)"), dict(bucket))
        return self._patterns[first]

    def may_be_ambiguous(self, text: str) -> bool:
        """False when no match in ``text`` can have two owners: no word of it starts such a name."""
        return bool(self._ambiguous_first_words) and not self._ambiguous_first_words.isdisjoint(_WORD.findall(text))

    def find(self, text: str, skip: list[tuple[int, int]]) -> list[Found]:
        """Whole-word matches, leftmost first and longest at each start, none overlapping ``skip``.

        The words of the text are collected in C (``findall``) and most start no name. Each word
        that does is looked up where it occurs (``str.find``) with one anchored match there, so no
        pattern rescans the paragraph and no Python loop runs over every word."""
        present = self._first_words.intersection(_WORD.findall(text))
        if not present:
            return []
        hits: list[tuple[int, int, tuple[Name, ...]]] = []
        for first in present:
            pattern, owners_of = self._pattern(first)
            at = text.find(first)
            while at >= 0:
                match = pattern.match(text, at)  # its lookarounds reject "Turkeys" and "Islamic" for "Islam"
                if match:
                    hits.append((at, match.end(), owners_of[match.group()]))
                at = text.find(first, at + 1)
        hits.sort(key=lambda hit: (hit[0], -hit[1]))
        found: list[Found] = []
        position = 0
        for start, end, owners in hits:
            if start < position or (skip and any(a < end and start < b for a, b in skip)):
                continue
            found.append(Found(start, end, owners))
            position = end
        return found
