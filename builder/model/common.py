"""Pieces shared by several entity kinds."""

from __future__ import annotations

from dataclasses import dataclass

from builder.load.fields import Fields
from builder.model.dates import HonestDate

DATE_FIELDS = {"date", "date_text", "date_note"}


@dataclass(frozen=True)
class DateInfo:
    """A date as resolved (EDTF), as the source wrote it, and how one became the other."""

    value: HonestDate | None
    text: str = ""
    note: str = ""

    @property
    def display(self) -> str:
        return self.value.display() if self.value else ""


def date_order(value: HonestDate | None) -> tuple[object, ...]:
    """Sort key: dated things in date order, undated ones after them all."""
    return (0, *value.sort_key()) if value else (1,)


def read_date_info(fields: Fields, *, required: bool = False) -> DateInfo:
    return DateInfo(
        fields.date("date", required=required),
        fields.text("date_text"),
        fields.text("date_note"),
    )
