"""The date fields that events, affiliations and relations share."""

from __future__ import annotations

from builder.load.fields import Fields
from builder.model.common import DateInfo

DATE_FIELDS = {"date", "date_text", "date_note"}


def read_date_info(fields: Fields, *, required: bool = False) -> DateInfo:
    return DateInfo(
        fields.date("date", required=required),
        fields.text("date_text"),
        fields.text("date_note"),
    )
