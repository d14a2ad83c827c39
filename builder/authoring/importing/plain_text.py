"""Plain text (an article copied from a browser, like the seed) to units.

A blank line ends a paragraph. A paragraph whose lines are all ordinary stays one unit, so a
hard-wrapped paragraph keeps its line breaks; one that holds bullets, credits or bylines is taken
apart into one unit per line, because copying a page runs its standfirst, captions and credits
together without blank lines.
"""

from __future__ import annotations

from builder.authoring.importing.assemble import Rules, classify
from builder.authoring.importing.draft import PLAIN, Unit


def read_units(text: str, rules: Rules) -> list[Unit]:
    units: list[Unit] = []
    block: list[tuple[int, str]] = []
    for number, line in enumerate([*text.splitlines(), ""], start=1):
        if line.strip():
            block.append((number, line.rstrip()))
        elif block:
            units += _block_units(block, rules)
            block = []
    return units


def _block_units(block: list[tuple[int, str]], rules: Rules) -> list[Unit]:
    whole = Unit([line for _, line in block], block[0][0])
    if len(block) == 1 or all(_ordinary(line, rules) for _, line in block):
        return classify(whole, rules)
    return [unit for number, line in block for unit in classify(Unit([line.strip()], number), rules)]


def _ordinary(line: str, rules: Rules) -> bool:
    return [unit.kind for unit in classify(Unit([line], 0), rules)] == [PLAIN]
