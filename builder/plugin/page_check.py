"""``check`` of the pages written by hand (MkDocs' docs_dir): each is converted as the build converts
it, with the Markdown extensions of mkdocs.yml, and cleaned as the build cleans it
(``sanitize.clean_page``), so that ``check`` warns of the same removals as the build. What plugins
add to a page's Markdown while building (``on_page_markdown``) only the build sees."""

from __future__ import annotations

import os
from pathlib import Path

from builder.diagnostics import Diagnostics
from builder.pipeline import clean_page


def _pages(docs_dir: Path) -> list[Path]:
    """The Markdown files MkDocs reads: no dot-files or dot-folders; links are the build's concern."""
    if not docs_dir.is_dir():
        return []
    return sorted(path for path in docs_dir.rglob("*.md") if path.is_file() and not path.is_symlink()
                  and not any(part.startswith(".") for part in path.relative_to(docs_dir).parts))


def check_pages(config_file: Path, docs_dir: Path, root: Path, diagnostics: Diagnostics) -> None:
    pages = _pages(docs_dir)
    if not pages:
        return
    import markdown
    from mkdocs.config import load_config
    from mkdocs.exceptions import ConfigurationError
    from mkdocs.utils.meta import get_data

    try:
        config = load_config(str(config_file))
    except (ConfigurationError, OSError):  # the build reports what is wrong with mkdocs.yml
        return
    converter = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
    for path in pages:
        try:
            source = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):  # unreadable: the build says so
            continue
        converter.reset()
        html = converter.convert(get_data(source)[0])
        clean_page(html, source, Path(os.path.relpath(path, root)).as_posix(), diagnostics)
