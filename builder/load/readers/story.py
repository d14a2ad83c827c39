"""A story's file → Story: its steps in the author's order, each pointing at an event."""

from __future__ import annotations

from builder.diagnostics import Diagnostics
from builder.load.fields import Fields
from builder.load.readers.dates import DATE_FIELDS, read_date_info
from builder.load.yaml_nodes import Located
from builder.model.story import Step, Story

FIELDS = {"title", "summary", "steps", "introduction"} | DATE_FIELDS
STEP_FIELDS = {"event", "quote", "narration"}


def read_story(id: str, data: Located, introduction: str, body_line: int, diagnostics: Diagnostics) -> Story:
    fields = Fields(data, diagnostics, f"story '{id}'", FIELDS)
    steps: list[Step] = []
    for item in fields.mappings("steps", shorthand="event"):
        number = len(steps) + 1
        sub = Fields(item, diagnostics, f"step {number} of story '{id}'", STEP_FIELDS)
        event = sub.ref("event", "event", required=True)
        quote = sub.text("quote")
        if event:
            steps.append(Step(number, event, item.origin, sub.prose("narration"), quote,
                              sub.origin("quote") if quote else None))
    if not fields.items("steps"):
        diagnostics.error(fields.origin("steps"), f"story '{id}' has no steps: add 'steps', a list of "
                                                  "{event: ID, narration: …} in the order they are told")
    return Story(
        id=id,
        origin=data.origin,
        title=fields.text("title", required=True) or id,
        summary=fields.text("summary"),
        date=read_date_info(fields),
        introduction=fields.prose("introduction", introduction, body_line),
        steps=steps,
    )
