"""Keeping the actors and places indexes small.

Past ``PAGE_LIMIT`` entries, an index lists pages instead of entries: actors get a page per kind,
and a kind past the limit a page per run of first letters (A–C, D, …); places show the top of the
tree, and a place with too many places within it lists them on pages per run of letters, the way
a dictionary is split into volumes. A single letter past the limit is cut into numbered parts, so
no page ever lists more than ``limit`` entries.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from builder.render.i18n import tr
from builder.render.paging import PAGE_LIMIT

# A listed place weighs about 400 bytes (its marker on the page's map and its position in words)
# against about 100 for an actor, so lists of places with a map hold half as many.
PLACES_PER_PAGE = PAGE_LIMIT // 2
T = TypeVar("T")
OTHER = "#"  # names that do not start with a letter from a to z


@dataclass
class Shelf(Generic[T]):
    """One page of an alphabetical list: its entries and how it is named."""

    label: str  # "A", "A–C", "S (2 of 3)", "Other"
    slug: str  # "a", "a-c", "s-2", "other": letters or digits only, never a year
    items: list[T] = field(default_factory=list)


def first_letter(name: str) -> str:
    """The letter a name is filed under: accents dropped ("Éowyn" under E), else ``OTHER``."""
    for char in unicodedata.normalize("NFKD", name.strip()).casefold():
        if unicodedata.combining(char):
            continue
        return char if "a" <= char <= "z" else OTHER
    return OTHER


def _letter_slug(letter: str) -> str:
    return "other" if letter == OTHER else letter


def _letter_label(letter: str) -> str:
    return tr("Other") if letter == OTHER else letter.upper()


def alphabetical_pages(items: Sequence[T], name: Callable[[T], str], limit: int = PAGE_LIMIT) -> list[Shelf[T]]:
    """``items`` (in the order to list them, usually by name) on pages of at most ``limit``, each a
    run of consecutive first letters; names not starting with a letter come last, on their own."""
    by_letter: dict[str, list[T]] = {}
    for item in items:
        by_letter.setdefault(first_letter(name(item)), []).append(item)
    order = sorted(by_letter, key=lambda letter: (letter == OTHER, letter))
    shelves: list[Shelf[T]] = []
    run: list[str] = []

    def close_run() -> None:
        if run:
            first, last = run[0], run[-1]
            label = _letter_label(first) if first == last else f"{_letter_label(first)}–{_letter_label(last)}"
            slug = _letter_slug(first) if first == last else f"{first}-{last}"
            shelves.append(Shelf(label, slug, [item for letter in run for item in by_letter[letter]]))
            run.clear()

    for letter in order:
        listed = by_letter[letter]
        if len(listed) > limit:
            close_run()
            parts = math.ceil(len(listed) / limit)
            size = math.ceil(len(listed) / parts)  # even parts, each at most ``limit``
            for part in range(parts):
                shelves.append(Shelf(tr("{letter} ({n} of {total})", letter=_letter_label(letter), n=part + 1,
                                        total=parts),
                                     f"{_letter_slug(letter)}-{part + 1}", list(listed[part * size:(part + 1) * size])))
            continue
        if letter == OTHER or sum(len(by_letter[r]) for r in run) + len(listed) > limit:
            close_run()
        run.append(letter)
    close_run()
    return shelves


def shown_children(children: Sequence[int], budget: int, most: int) -> int:
    """How many children each parent may show, at most ``most``, so that all the parents together
    show no more than ``budget``: the largest k with sum(min(k, n)) <= budget."""
    shown = 0
    for k in range(1, most + 1):
        if sum(min(k, n) for n in children) > budget:
            break
        shown = k
    return shown
