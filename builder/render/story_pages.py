"""The stories' pages: one page per story, its steps in the author's order, and the stories index.

The renderer in :mod:`builder.render.pages` hands it its way to make a page (``MakePage``).
"""

from __future__ import annotations

from builder.model.site import Site
from builder.model.story import Story
from builder.render import urls
from builder.render.contexts import StoriesIndexContext, StoryContext, StoryStep
from builder.render.figures.maps import event_map
from builder.render.figures.time_strip import story_span, time_strips
from builder.render.page import MakePage, PendingPage


def span_text(site: Site, story: Story) -> str:
    """The story's dates in words: its own ``date`` when given, else its first step's to its last's."""
    if story.date.value:
        return story.date.display
    span = story_span(story, [site.events[step.event.id].date.value for step in story.steps])
    return span.words if span else ""


class StoryPages:
    def __init__(self, site: Site, page: MakePage) -> None:
        self.site = site
        self.page = page

    def story(self, story: Story) -> PendingPage:
        events = [self.site.events[step.event.id] for step in story.steps]
        strips = time_strips(story, [event.date.value for event in events])
        steps = []
        for i, (step, event, strip) in enumerate(zip(story.steps, events, strips, strict=True)):
            steps.append(StoryStep(
                step=step, event=event, quotes=[step.quote] if step.quote else list(event.quotes), strip=strip,
                previous=story.steps[i - 1] if i else None,
                next=story.steps[i + 1] if i + 1 < len(story.steps) else None))
        return self.page(urls.entity_page("story", story.id), StoryContext(
            story=story, steps=steps, span=span_text(self.site, story), index_page=urls.STORIES,
            later=lambda: {"step_maps": [event_map(self.site, event) for event in events]}))

    def pages(self) -> list[PendingPage]:
        """The index (always: the nav links it, stories or none) and every story's page."""
        stories = sorted(self.site.stories.values(), key=lambda s: (s.title.casefold(), s.id))
        index = self.page(urls.STORIES, StoriesIndexContext(
            stories=[(story, span_text(self.site, story)) for story in stories]))
        return [index, *(self.story(story) for story in stories)]


