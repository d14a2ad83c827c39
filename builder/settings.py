"""The few MkDocs settings the CLI needs, read from ``mkdocs.yml`` without building anything."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml


class SettingsError(Exception):
    pass


@dataclass(frozen=True)
class ProjectSettings:
    root: Path
    content_dir: Path
    docs_dir: Path
    directory_urls: bool
    raw_html: bool = False  # the plugin option: trust raw HTML in Markdown fields
    language: str = "en"  # theme.language (Material's setting): the pages' interface language


class _IgnoreTags(yaml.SafeLoader):
    """mkdocs.yml may hold tags such as ``!!python/name:`` or ``!ENV``; their values don't matter here."""


_IgnoreTags.add_multi_constructor("", lambda loader, suffix, node: None)


def read_settings(config_file: Path) -> ProjectSettings:
    if not config_file.is_file():
        raise SettingsError(f"{config_file}: not found (run from the project directory or pass -f)")
    try:
        config: Any = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_IgnoreTags) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        raise SettingsError(f"{config_file}:{line}: YAML syntax error: {exc}") from None
    root = config_file.resolve().parent
    content_dir = "content"
    raw_html = False
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("timeline"), dict):
            content_dir = str(plugin["timeline"].get("content_dir", content_dir))
            raw_html = plugin["timeline"].get("raw_html") is True
    theme = config.get("theme")
    language = theme.get("language") if isinstance(theme, dict) else None
    return ProjectSettings(
        language=str(language) if language else "en",
        root=root,
        content_dir=root / content_dir,
        docs_dir=root / str(config.get("docs_dir", "docs")),
        directory_urls=bool(config.get("use_directory_urls", True)),
        raw_html=raw_html,
    )
