"""Dates written in figures ("14/02/2024", "2024-02-10", "3.4.2023"), read with dateparser.

The word rules of :mod:`builder.authoring.relative_dates` see only the year in them; dateparser reads
the whole date. When day and month could be swapped (both 12 or less, not year-first), the date is
marked uncertain and the note says so: the reviewer knows the paper's convention.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_NUMERIC = re.compile(r"(?<![\w/.-])(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.]\d{1,2}[/.]\d{4})(?![\w/-])")


@dataclass(frozen=True)
class NumericDate:
    start: int
    end: int
    text: str
    edtf: str
    note: str


def numeric_dates(sentence: str) -> list[NumericDate]:
    import dateparser

    found = []
    for match in _NUMERIC.finditer(sentence):
        text = match.group()
        year_first = text[:4].isdigit()
        first, second = (int(n) for n in re.split(r"[/.-]", text)[:2]) if not year_first else (0, 0)
        order = "YMD" if year_first else "DMY"  # news outside the US writes the day first
        parsed = dateparser.parse(text, languages=["en"], settings={"DATE_ORDER": order, "STRICT_PARSING": True})
        if parsed is None:
            continue
        swappable = not year_first and first <= 12 and second <= 12 and first != second
        edtf = parsed.date().isoformat() + ("?" if swappable else "")
        note = f"'{text}': as written, read with dateparser"
        if swappable:
            note += " as day/month (it could be month/day: check the paper's convention)"
        found.append(NumericDate(match.start(), match.end(), text, edtf, note))
    return found
