"""Folders the package ships from outside ``builder/``: found in the installed package, or beside it
in a source checkout (and an editable install, which imports ``builder/`` from the checkout).

``setup.py`` maps the repository's top-level ``theme/`` and ``content/`` into the wheel as
``builder/theme`` and ``builder/example``; the checkout keeps them at the top level."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent


def shipped_folder(packaged: str, checkout: str) -> Path:
    """``builder/<packaged>`` when installed from a wheel, else ``<checkout>`` beside ``builder/``."""
    installed = _PACKAGE / packaged
    return installed if installed.is_dir() else _PACKAGE.parent / checkout
