"""TimelineJS's JSON format (``events``, ``title``, ``eras``) to slides.

JSON has no rows, so a slide's place in reports is the line its object starts on (json_lines).
"""

from __future__ import annotations

from typing import Any

from builder.authoring.datasets import dates
from builder.authoring.datasets.json_lines import item_lines
from builder.authoring.datasets.records import Batch
from builder.authoring.datasets.timelinejs import Slide, media_of, rows_from_slides
from builder.diagnostics import Origin


def looks_like(data: Any) -> bool:
    return isinstance(data, dict) and isinstance(data.get("events"), list) and "format" not in data


def _date(value: Any, what: str) -> tuple[str, str]:
    """EDTF and the date's own display_date, from a TimelineJS date object."""
    if value is None:
        return "", ""
    if not isinstance(value, dict):
        raise dates.DateProblem(f"{what} is not a date object")
    year = dates.number(value.get("year"), f"{what}.year")
    if year is None:
        raise dates.DateProblem(f"{what} has no year")
    edtf = dates.edtf(year, dates.number(value.get("month"), f"{what}.month"),
                      dates.number(value.get("day"), f"{what}.day"))
    return edtf, str(value.get("display_date") or "")


def _slide(data: Any, origin: Origin, kind: str = "") -> Slide:
    if not isinstance(data, dict):
        return Slide(origin, kind, problems=["a slide must be an object"])
    text: dict[str, Any] = data["text"] if isinstance(data.get("text"), dict) else {}
    slide = Slide(origin, kind, headline=str(text.get("headline") or ""), text=str(text.get("text") or ""),
                  group=str(data.get("group") or ""), unique_id=str(data.get("unique_id") or ""),
                  media=media_of(data.get("media")))
    try:
        slide.start, start_display = _date(data.get("start_date"), "start_date")
        slide.end, _ = _date(data.get("end_date"), "end_date")
    except dates.DateProblem as exc:
        slide.problems.append(str(exc))
        return slide
    slide.display_date = str(data.get("display_date") or start_display or "")
    times = [f"{label} {value['hour']}:{int(value.get('minute') or 0):02d}"
             for label, value in (("starts at", data.get("start_date")), ("ends at", data.get("end_date")))
             if isinstance(value, dict) and str(value.get("hour") or "").strip().isdigit()]
    if times:
        slide.time_note = f"The timeline gives a time of day: {', '.join(times)}."
    return slide


def read(batch: Batch, text: str, data: Any) -> None:
    if not looks_like(data):
        batch.problem(1, "not a TimelineJS timeline: it needs a list of 'events'")
        return
    slides = []
    batch.reading((data.get("title") is not None) + sum(len(data.get(key) or []) for key in ("events", "eras")))
    if data.get("title") is not None:
        slides.append(_slide(data["title"], Origin(batch.path, 1), "title"))
        batch.progress.advance()
    lines_of = item_lines(text)
    for key, kind in (("events", ""), ("eras", "era")):
        items = data.get(key) or []
        lines = lines_of.get(key, [])
        for index, item in enumerate(items):
            line = lines[index] if index < len(lines) else 1
            slides.append(_slide(item, Origin(batch.path, line), kind))
            slides[-1].label = f"{key}[{index}]"
            batch.progress.advance()
    rows_from_slides(batch, slides)
