"""The plugin's options, each documented; MkDocs validates them and reports problems by name."""

from __future__ import annotations

import yaml
from mkdocs.config import base
from mkdocs.config import config_options as c


class TimelineConfig(base.Config):  # type: ignore[no-untyped-call]
    content_dir = c.Type(str, default="content")
    """Where the articles and annotations live, relative to ``mkdocs.yml``."""

    parallel = c.Type(bool, default=True)
    """Render the generated pages in a second process while MkDocs works (where ``fork`` exists and
    no other thread runs, as in ``mkdocs build``); off renders them inline."""

    raw_html = c.Type(bool, default=False)
    """Only for content you trust: pass raw HTML in Markdown fields (descriptions, commentary,
    notes, the home intro) to the site as written. Off, the default, every field is sanitised: what
    could run script is removed, and each removal is a warning."""

    fail_on_warning = c.Type(bool, default=False)
    """Treat content warnings (such as an ambiguous name in an article) as errors, even without
    ``mkdocs build --strict``."""


def option_line(config_file: str | None, option: str) -> int:
    """The line of ``option`` under the ``timeline`` plugin in mkdocs.yml (1 when not found), so
    that option problems are reported as ``mkdocs.yml:LINE: …`` like content problems."""
    if not config_file:
        return 1
    try:
        with open(config_file, encoding="utf-8") as stream:
            root = yaml.compose(stream, Loader=yaml.SafeLoader)  # composing ignores custom tags
    except (OSError, yaml.YAMLError):
        return 1
    for key, value in getattr(root, "value", []) if isinstance(root, yaml.MappingNode) else []:
        if key.value != "plugins" or not isinstance(value, yaml.SequenceNode):
            continue
        for item in value.value:
            if not isinstance(item, yaml.MappingNode):
                continue
            for plugin_key, options in item.value:
                if plugin_key.value == "timeline":
                    for option_key, _ in getattr(options, "value", []):
                        if option_key.value == option:
                            return int(option_key.start_mark.line) + 1
                    return int(plugin_key.start_mark.line) + 1
    return 1
