"""Which files under ``content/`` are read, and a word about every one that looks like content but is not.

A symbolic link may lead to a file or folder elsewhere in the project, never outside it (its target
would be published); a link back into a folder that holds it is a loop. Folders and files that cannot
be read are errors; a file that looks like content but is not read (a hidden file, ``.MD``, a FIFO,
a dangling link) is a warning that says why. A FIFO or device is never opened: reading one can block.
Folders are walked with an explicit stack, so no depth of folders exhausts Python's recursion.
"""

from __future__ import annotations

import difflib
import errno
import os
import stat
from collections.abc import Callable
from pathlib import Path

from builder.diagnostics import Diagnostic, Diagnostics, Origin

CONTENT_SUFFIXES = (".md", ".yml", ".yaml")
SITE_FILE = "site.yml"
FILE_LOOP = "symbolic link loop: the link never reaches a file"

ContentFile = tuple[Path, str]  # the file, and its path relative to the project for diagnostics
# A folder to walk: itself, its path parts under the folder walked, its path as shown, and the real
# paths of the folders from the one walked down to it (for loops through links)
_Folder = tuple[Path, tuple[str, ...], str, tuple[str, ...]]


def relative(file: Path, root: Path) -> str:
    try:
        return file.relative_to(root).as_posix()
    except ValueError:
        return file.as_posix()


def _looks_like_content(name: str) -> bool:
    return os.path.splitext(name)[1].lower() in CONTENT_SUFFIXES


def _what(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "not a regular file"


def _within(real: str, base: str) -> bool:
    return real == base or real.startswith(base.rstrip(os.sep) + os.sep)


def _bases(root: Path, folder: Path) -> tuple[str, ...]:
    """The real paths a link under ``folder`` may lead to: the project's, and the folder's own when
    mkdocs.yml places it outside the project (its own choice, not a link's)."""
    project = os.path.realpath(root)
    if _within(os.path.abspath(folder), os.path.abspath(root)):
        return (project,)
    return project, os.path.realpath(folder)


class ContentFiles:
    """Lists the files of each content folder, reporting what is not read and why."""

    def __init__(self, content_dir: Path, root: Path, diagnostics: Diagnostics) -> None:
        self.content_dir = content_dir
        self.root = root
        self.diagnostics = diagnostics
        # The project: the only place read. content/ too when mkdocs.yml itself places it elsewhere
        # (a link that leads there is reported by leads_outside).
        self.inside = _bases(root, content_dir)

    def _outside(self, real: str, inside: tuple[str, ...] = ()) -> bool:
        return not any(_within(real, base) for base in inside or self.inside)

    def _report_outside(self, shown: str, real: str) -> None:
        self.diagnostics.error(Origin(shown, 1), f"symbolic link to '{real}', outside the project: not read "
                                                 "(copy what it leads to into the project)")

    def _target(self, link: Path, shown: str) -> tuple[os.stat_result, str] | None:
        """What a symbolic link leads to (its status and real path), or None, reported, when it
        leads nowhere, round in a loop or outside the project."""
        try:
            status = os.stat(link)
        except OSError as exc:
            if exc.errno == errno.ENOENT:
                self.diagnostics.warning(Origin(shown, 1), f"not read: symbolic link to '{os.readlink(link)}', "
                                                           "which does not exist")
            elif exc.errno == errno.ELOOP:
                self.diagnostics.error(Origin(shown, 1), FILE_LOOP)
            else:
                self.diagnostics.error(Origin(shown, 1), f"cannot read this link: {exc.strerror or exc}")
            return None
        real = os.path.realpath(link)
        if self._outside(real):
            self._report_outside(shown, real)
            return None
        return status, real

    def _loops(self, where: str, chain: tuple[str, ...]) -> bool:
        """Whether the folder a link leads to (the last of ``chain``) holds the link; reported."""
        real = chain[-1]
        if not any(real == above or above.startswith(real + os.sep) for above in chain[:-1]):
            return False
        self.diagnostics.error(Origin(where, 1), f"symbolic link loop: leads back to "
                                                 f"'{relative(Path(real), self.root)}', a folder that holds it")
        return True

    def _follow_folder(self, stack: list[_Folder], linked: _Folder) -> None:
        """Walk a linked folder later, unless it holds the link (a loop) or is read anyway."""
        where, chain = linked[2], linked[3]
        real, shown = chain[-1], relative(Path(chain[-1]), self.root)
        if self._loops(where, chain):
            return
        if real.startswith(chain[0] + os.sep):
            self.diagnostics.warning(Origin(where, 1), f"not read through this link: it leads to '{shown}', "
                                                       "which is read anyway")
        else:
            stack.append(linked)

    def files(self, folder: Path, suffixes: tuple[str, ...] = CONTENT_SUFFIXES) -> list[ContentFile]:
        """Every file under ``folder`` with one of ``suffixes``, in the order of their path parts."""
        shown = relative(folder, self.root)
        if folder.is_symlink():
            target = self._target(folder, shown)
            if target is None or not stat.S_ISDIR(target[0].st_mode):
                return []
        elif not folder.is_dir():
            if folder.exists():
                self.diagnostics.warning(Origin(shown, 1), "not read: this should be a folder")
            return []
        found: list[tuple[tuple[str, ...], Path, str]] = []
        walked: dict[str, str] = {}  # the real path of each folder walked -> its path as shown
        stack: list[_Folder] = [(folder, (), shown, (os.path.realpath(folder),))]
        while stack:
            directory, parts, shown, chain = stack.pop()
            if chain[-1] in walked:  # two links to one folder: read once, however many lead there
                self.diagnostics.warning(Origin(shown, 1), f"not read again: the same folder as "
                                                           f"'{walked[chain[-1]]}', already read")
                continue
            walked[chain[-1]] = shown
            try:
                entries = sorted(os.scandir(directory), key=lambda entry: entry.name, reverse=True)
            except OSError as exc:
                self.diagnostics.error(Origin(shown, 1), f"cannot read this folder: {exc.strerror or exc}")
                continue
            for entry in entries:
                name, path = entry.name, directory / entry.name
                where = f"{shown}/{name}"
                if name.startswith("."):
                    if _looks_like_content(name) and not name.startswith(".#"):  # ".#x.md": an editor's lock
                        self.diagnostics.warning(Origin(where, 1), "not read: a name starting with '.' is a "
                                                                   "hidden file")
                    continue
                if entry.is_symlink():
                    if not (_looks_like_content(name) or entry.is_dir()):
                        continue  # neither a folder nor content: never read, whatever it leads to
                    target = self._target(path, where)
                    if target is None:
                        continue
                    mode, real = target[0].st_mode, target[1]
                    if stat.S_ISDIR(mode):
                        self._follow_folder(stack, (path, (*parts, name), where, (*chain, real)))
                        continue
                elif entry.is_dir(follow_symlinks=False):
                    stack.append((path, (*parts, name), where, (*chain, os.path.join(chain[-1], name))))
                    continue
                elif entry.is_file(follow_symlinks=False):  # known from the folder listing, without a stat
                    mode = stat.S_IFREG
                elif _looks_like_content(name):
                    mode = entry.stat(follow_symlinks=False).st_mode
                else:
                    continue
                if not _looks_like_content(name):
                    continue
                if not stat.S_ISREG(mode):
                    self.diagnostics.warning(Origin(where, 1), f"not read: {_what(mode)}, not a file")
                elif os.path.splitext(name)[1] in suffixes:
                    found.append(((*parts, name), path, where))
                else:
                    suffix = os.path.splitext(name)[1]
                    self.diagnostics.warning(Origin(where, 1), f"not read: the suffix '{suffix}' is not one of "
                                                               f"{', '.join(suffixes)} (in lowercase)")
        found.sort(key=lambda item: item[0])
        return [(file, path) for _, file, path in found]

    def published_folders(self, docs_dir: Path | None) -> list[Path]:
        """content/ and the docs_dir (MkDocs copies every file of it into the site), each unless it leads
        out of the project through a link, itself or a folder above it: reported, and nothing in it is
        read. A docs_dir inside content/ goes with content/, reported once."""
        kept: list[Path] = []
        for folder in (self.content_dir, docs_dir):
            if folder is None or (folder is docs_dir and self.content_dir not in kept
                                  and _within(os.path.abspath(folder), os.path.abspath(self.content_dir))):
                continue
            real = os.path.realpath(folder)
            if self._outside(real, _bases(self.root, folder)):
                self._report_outside(relative(folder, self.root), real)
            else:
                kept.append(folder)
        return kept

    def report_links_out(self, folders: list[Path], docs_dir: Path | None) -> None:
        """Report every symbolic link under ``folders`` that leads out of the project or round in a loop,
        whatever its name: MkDocs copies each file of the docs_dir, following links, and fails on a loop
        or, in the docs_dir, a dangling link (hidden files aside: MkDocs leaves them out, and editors
        leave such links as locks). Links to folders in the project are followed (what those hold is
        published too), each folder walked once. What ``files`` has reported already is not repeated."""
        before = len(self.diagnostics.items)
        walked: set[str] = set()
        for folder in sorted(folders, key=lambda folder: folder is not docs_dir):  # the docs_dir first
            inside, published = _bases(self.root, folder), folder is docs_dir
            stack: list[tuple[Path, str, tuple[str, ...]]] = [(folder, relative(folder, self.root),
                                                                (os.path.realpath(folder),))]
            while stack:
                directory, shown, chain = stack.pop()
                if chain[-1] in walked:
                    continue
                walked.add(chain[-1])
                try:
                    entries = list(os.scandir(directory))
                except OSError:
                    continue  # reported where it is read; MkDocs reports its own
                for entry in entries:
                    path, where = Path(entry.path), f"{shown}/{entry.name}"
                    if not entry.is_symlink():
                        if entry.is_dir(follow_symlinks=False):
                            stack.append((path, where, (*chain, os.path.join(chain[-1], entry.name))))
                        continue
                    try:
                        mode = os.stat(path).st_mode
                    except OSError as exc:
                        if exc.errno == errno.ELOOP:
                            self.diagnostics.error(Origin(where, 1), FILE_LOOP)
                        elif published and not entry.name.startswith("."):
                            self.diagnostics.error(Origin(where, 1), f"symbolic link to '{os.readlink(path)}', "
                                                   "which does not exist: MkDocs cannot publish it")
                        continue
                    real = os.path.realpath(path)
                    if self._outside(real, inside):
                        self._report_outside(where, real)
                    elif stat.S_ISDIR(mode) and not self._loops(where, (*chain, real)):
                        stack.append((path, where, (*chain, real)))
        if len(self.diagnostics.items) > before:
            earlier: set[Diagnostic] = set(self.diagnostics.items[:before])
            self.diagnostics.items[before:] = [item for item in self.diagnostics.items[before:]
                                               if item not in earlier]

    def site_file(self) -> Path | None:
        """``content/site.yml`` when it is a file that may be read."""
        file = self.content_dir / SITE_FILE
        shown = relative(file, self.root)
        if file.is_symlink():
            target = self._target(file, shown)
            if target is None:
                return None
            mode = target[0].st_mode
        elif not os.path.lexists(file):
            # Without it the content folder is most likely not the project's (a wrong content_dir):
            # building would give an empty site with exit 0.
            self.diagnostics.error(Origin(shown, 1), "not found: every project has a site.yml with its title and "
                                                     "introduction ('python -m builder init DIR' writes a project)")
            return None
        else:
            mode = os.stat(file).st_mode
        if stat.S_ISREG(mode):
            return file
        kind = "a folder" if stat.S_ISDIR(mode) else _what(mode)
        self.diagnostics.warning(Origin(shown, 1), f"not read: {kind}, not a file (the project's title and "
                                                   "introduction are read from the file site.yml)")
        return None

    def check_top(self, folders: tuple[str, ...], guess: Callable[[Path], str | None] | None = None) -> None:
        """Warn about what at the top of ``content/`` looks meant to be read but is not: a settings
        file named nearly ``site.yml``, a folder named nearly as a content folder, or a content file
        (with the folder it belongs in: the one its name is nearly, else ``guess``'s from its text)."""
        try:
            entries = list(os.scandir(self.content_dir))
        except OSError as exc:
            self.diagnostics.error(Origin(relative(self.content_dir, self.root), 1),
                                   f"cannot read this folder: {exc.strerror or exc}")
            return
        for entry in entries:
            name, shown = entry.name, relative(self.content_dir / entry.name, self.root)
            if name in folders or name == SITE_FILE or name.startswith("."):
                continue
            if name.lower() in (SITE_FILE, "site.yaml"):
                self.diagnostics.warning(Origin(shown, 1), f"not read: the project's settings are read from "
                                                           f"'{SITE_FILE}' only")
            elif entry.is_dir() and (close := difflib.get_close_matches(name.lower(), folders, 1, 0.8)):
                # a close cutoff: "pages" (MkDocs' own pages) is not a misspelt "places"
                self.diagnostics.warning(Origin(shown, 1), f"not read: content is read from the folders "
                                                           f"{', '.join(folders)} (did you mean '{close[0]}'?)")
            elif _looks_like_content(name) and not entry.is_dir():
                stem = os.path.splitext(name)[0].lower()
                close = difflib.get_close_matches(stem, folders, 1, 0.8)
                folder = close[0] if close else guess(Path(entry.path)) if guess and entry.is_file() else None
                hint = f" (did you mean '{folder}/{name}'?)" if folder else ""
                self.diagnostics.warning(Origin(shown, 1), f"not read: content files are read from the folders "
                                                           f"{', '.join(folders)}, not from the top of "
                                                           f"'{relative(self.content_dir, self.root)}'{hint}")
