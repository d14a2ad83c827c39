"""CSV rows with the line each starts on: a quoted cell may span lines, and a report names the first."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator


def rows(text: str) -> Iterator[tuple[int, list[str]]]:
    """(line, cells) of every row that has a cell, header included; a byte order mark is dropped.
    Raises ``csv.Error`` (with ``line``) for text that is not CSV."""
    reader = csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""))
    while True:
        start = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise CsvError(start, str(exc)) from None
        if any(cell.strip() for cell in cells):
            yield start, cells


def count(text: str) -> int | None:
    """How many rows ``rows`` gives after the header; None if the text is not CSV."""
    try:
        return max(sum(1 for _ in rows(text)) - 1, 0)
    except CsvError:
        return None


class CsvError(ValueError):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
