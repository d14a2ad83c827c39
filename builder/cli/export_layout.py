"""Where ``export`` puts the generated pages, so that every engine reads their links alike.

With directory URLs the page ``actors/x.md`` is served from ``actors/x/``. MkDocs and ProperDocs read
a relative link in raw HTML from that URL, Zensical from the folder of the page's file (``actors/``),
so one link would lead to two places. Written as its folder's ``index.md`` (``actors/x/index.md``)
the page keeps its URL and both readings agree. A hand-written page's Markdown link to
``actors/x.md`` is pointed at the new file, so it still leads where it led in a build.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from urllib.parse import unquote

# The target of an inline link or of a reference definition, when it is a relative .md path
_LINK = re.compile(r"(\]\(\s*<?|^ {0,3}\[[^\]\n]+\]:[ \t]*<?)([^\s()<>#:]+\.md)(?=[#)\s>]|$)", re.M)


def export_path(src_uri: str, directory_urls: bool) -> str:
    """The file in the export of the generated page ``src_uri``."""
    stem, _ = posixpath.splitext(src_uri)
    if not directory_urls or posixpath.basename(stem) == "index":
        return src_uri
    return f"{stem}/index.md"


def moved_pages(src_uris: Iterable[str], directory_urls: bool) -> dict[str, str]:
    """The generated pages whose file the export names differently: source path -> export path."""
    return {src: new for src in src_uris if (new := export_path(src, directory_urls)) != src}


def relink(markdown: str, page: str, moved: Mapping[str, str]) -> str:
    """The hand-written ``page`` (a path in docs_dir) with its links to moved pages pointed at their files."""
    folder = posixpath.dirname(page)

    def retarget(match: re.Match[str]) -> str:
        where = posixpath.normpath(posixpath.join(folder, unquote(match.group(2))))
        new = moved.get(where)
        return match.group(0) if new is None else match.group(1) + posixpath.relpath(new, folder or ".")

    return _LINK.sub(retarget, markdown)


def relink_hand_pages(docs: Path, moved: Mapping[str, str]) -> None:
    """Rewrite, in the exported ``docs`` folder, the hand-written pages that link to moved pages."""
    if not moved:
        return
    for path in sorted(docs.rglob("*.md")):
        try:
            markdown = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue  # not a page MkDocs could read either; it is exported as it is
        changed = relink(markdown, path.relative_to(docs).as_posix(), moved)
        if changed != markdown:
            path.write_text(changed, encoding="utf-8")
