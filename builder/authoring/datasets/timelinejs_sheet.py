"""TimelineJS's Google Sheet template, exported as CSV, to slides.

Headers as the template has them (Year, Month, Day, Time, End Year …, Display Date, Headline,
Text, Media, Media Credit, Media Caption, Media Thumbnail, Type, Group, Background, Alt Text);
``Start Date``/``End Date`` may stand for the Year/Month/Day columns and ``Tag`` for ``Group``, as
TimelineJS's own reader allows. Row numbers in reports are the file's line numbers.
"""

from __future__ import annotations

from builder.authoring.datasets import dates
from builder.authoring.datasets.csv_rows import CsvError, count, rows
from builder.authoring.datasets.records import Batch
from builder.authoring.datasets.timelinejs import Slide, media_of, rows_from_slides
from builder.diagnostics import Origin

HEADERS = ("Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time", "Display Date",
           "Headline", "Text", "Media", "Media Credit", "Media Caption", "Media Thumbnail", "Type", "Group",
           "Background", "Alt Text", "Start Date", "End Date", "Tag")


def looks_like(header: list[str]) -> bool:
    names = {name.strip() for name in header}
    return "Headline" in names and bool(names & {"Year", "Start Date"})


def _date(cells: dict[str, str], prefix: str, column: str) -> str:
    if cells.get(column, "").strip():
        return dates.from_text(cells[column])
    year = dates.number(cells.get(f"{prefix}Year"), f"{prefix}Year")
    month = dates.number(cells.get(f"{prefix}Month"), f"{prefix}Month")
    day = dates.number(cells.get(f"{prefix}Day"), f"{prefix}Day")
    if year is None:
        if month is not None or day is not None:
            raise dates.DateProblem(f"{prefix}Month or {prefix}Day without a {prefix}Year")
        return ""
    return dates.edtf(year, month, day)


def _slide(cells: dict[str, str], origin: Origin) -> Slide:
    slide = Slide(origin, kind=cells.get("Type", "").strip().lower(), display_date=cells.get("Display Date", ""),
                  headline=cells.get("Headline", ""), text=cells.get("Text", ""),
                  group=cells.get("Group", "") or cells.get("Tag", ""),
                  media=media_of({"url": cells.get("Media"), "caption": cells.get("Media Caption"),
                                  "credit": cells.get("Media Credit"), "alt": cells.get("Alt Text")}))
    try:
        slide.start = _date(cells, "", "Start Date")
        slide.end = _date(cells, "End ", "End Date")
    except dates.DateProblem as exc:
        slide.problems.append(str(exc))
    times = [f"{label} {cells[column].strip()}" for label, column in (("starts at", "Time"), ("ends at", "End Time"))
             if cells.get(column, "").strip()]
    if times:
        slide.time_note = f"The timeline gives a time of day: {', '.join(times)}."
    return slide


def read(batch: Batch, text: str) -> None:
    slides: list[Slide] = []
    header: list[str] = []
    batch.reading(count(text) if batch.progress.shown else None)
    try:
        for line, cells in rows(text):
            if not header:
                header = [name.strip() for name in cells]
                if unknown := [name for name in header if name and name not in HEADERS]:
                    batch.notes.append(f"{batch.path}: columns not imported: {', '.join(unknown)}")
                continue
            slides.append(_slide(dict(zip(header, cells, strict=False)), Origin(batch.path, line)))
            batch.progress.advance()
    except CsvError as exc:
        batch.problem(exc.line, f"not readable as CSV: {exc}")
    if not header:
        batch.problem(1, "the file is empty")
    rows_from_slides(batch, slides)
