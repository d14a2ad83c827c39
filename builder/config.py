"""The plugin's options, each documented; MkDocs validates them and reports problems by name."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class TimelineConfig(base.Config):  # type: ignore[no-untyped-call]
    content_dir = c.Type(str, default="content")
    """Where the articles and annotations live, relative to ``mkdocs.yml``."""

    fail_on_warning = c.Type(bool, default=False)
    """Treat content warnings (such as an ambiguous name in an article) as errors, even without
    ``mkdocs build --strict``."""
