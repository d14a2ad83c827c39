"""The plugin brings its own theme: a user's ``mkdocs.yml`` names ``theme: material`` and nothing more.

The package ships the repository's ``theme/`` (Material template overrides, the timeline, map and
relations stylesheets, the filter script). ``on_config`` puts that folder among the theme's folders,
after a user's ``custom_dir`` (so their templates win) and before Material's own, which makes MkDocs
copy its assets into the site; the stylesheets and the script are linked through ``extra_css`` and
``extra_javascript``, so they stay on every page even when a user's ``custom_dir`` replaces
``main.html``.
"""

from __future__ import annotations

import os

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from builder.runtime.shipped import shipped_folder

THEME = shipped_folder("theme", "theme")
STYLESHEETS = ("assets/timeline.css", "assets/map.css", "assets/relations.css", "assets/story.css")
SCRIPTS = ("assets/timeline-filters.js",)


def install(config: MkDocsConfig) -> None:
    """Add the packaged theme folder and its stylesheets and script to ``config`` (once)."""
    if config.theme.name != "material":
        raise PluginError(f"the timeline plugin needs 'theme: name: material' in mkdocs.yml, not {config.theme.name!r}")
    dirs = config.theme.dirs
    if not any(os.path.realpath(folder) == os.path.realpath(THEME) for folder in dirs):
        dirs.insert(1 if config.theme.custom_dir else 0, str(THEME))
    for path in STYLESHEETS:
        if path not in config.extra_css:
            config.extra_css.append(path)
    for path in SCRIPTS:
        if path not in (str(script) for script in config.extra_javascript):
            config.extra_javascript.append(path)
