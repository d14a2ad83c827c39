"""Output that appears whole or not at all: a folder or files staged beside their target, then swapped in.

Every command that writes output (the MkDocs build, ``bundle``, ``export``, ``suggest --out``,
``import``) writes into a staging folder or file next to its target, on the same file system, and
only a rename puts it in place. A run killed at any moment, a full disk or two runs at once leave
the previous output or the new one, never a mix.

- A folder is swapped with ``renameat2(RENAME_EXCHANGE)``: one atomic step. Where the system lacks
  it, the old folder is renamed aside first; a run killed between the two renames leaves the old
  folder as ``.<name>.old-*``, and the next run puts it back.
- Each staging folder or file is locked (``flock``) while its run lives; the kernel drops the lock
  when the run dies however it dies, so the next run removes staging leftovers that nobody holds.
- New files never replace anything, not even a dangling symbolic link (``RENAME_NOREPLACE``).
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import secrets
import shutil
import sys
import threading
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Self

if sys.platform != "win32":
    import fcntl

_STAGING, _OLD = "staging-", "old-"
_AT_FDCWD, _RENAME_NOREPLACE, _RENAME_EXCHANGE = -100, 1, 2
_DISK_FULL = {errno.ENOSPC: "no space left on the device", errno.EDQUOT: "the disk quota is used up",
              errno.EFBIG: "a file would be larger than this system allows"}


class OutputError(Exception):
    """Output could not be written; the previous output, if any, is unchanged."""

    def __init__(self, message: str, *, disk_full: bool = False) -> None:
        super().__init__(message)
        self.disk_full = disk_full


def failure(exc: OSError, folder: Path) -> OutputError:
    """A one-line reason for a failed write that names the folder written to."""
    full = exc.errno in _DISK_FULL
    reason = _DISK_FULL.get(exc.errno or 0) or exc.strerror or str(exc)
    where = f" ({exc.filename})" if exc.filename and not full else ""
    return OutputError(f"cannot write to {folder}: {reason}{where}; what was there before is unchanged",
                       disk_full=full)


def _renameat2(source: Path, target: Path, flags: int) -> bool:
    """Rename with ``flags``; False when this system or file system cannot."""
    function = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None) if sys.platform == "linux" else None
    if function is None:
        return False
    if function(_AT_FDCWD, os.fsencode(source), _AT_FDCWD, os.fsencode(target), flags) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(target))


def rename_new(source: Path, target: Path) -> None:
    """Move ``source`` to ``target``, which must not exist, not even as a dangling link."""
    if _renameat2(source, target, _RENAME_NOREPLACE):
        return
    try:
        os.link(source, target)  # fails on anything at target, links included
    except FileExistsError:
        raise
    except OSError:  # no hard links here: check, then rename
        if os.path.lexists(target):
            raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(target)) from None
        os.rename(source, target)
    else:
        os.unlink(source)


def _fresh(folder: Path, prefix: str, make: Callable[[Path], int]) -> tuple[Path, int]:
    """A new entry in ``folder`` made by ``make`` under an unused name. Not tempfile's: its
    folders and files are private (0700, 0600), and a site or archive must be readable as usual."""
    while True:
        path = folder / f"{prefix}{os.getpid()}-{secrets.token_hex(4)}"
        try:
            return path, make(path)
        except FileExistsError:
            continue


def remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


_removing: set[Path] = set()  # folders this process is removing in the background


def remove_in_background(path: Path) -> None:
    """Remove ``path`` on another thread: a folder of thousands of pages takes seconds to delete."""

    def run() -> None:
        try:
            remove(path)
        finally:
            _removing.discard(path)

    _removing.add(path)
    threading.Thread(target=run, daemon=True).start()


def _try_lock(fd: int, *, wait: bool) -> bool:
    if sys.platform == "win32":
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError:  # a file system without locks: go on unguarded
        return True
    return True


@contextlib.contextmanager
def _folder_lock(folder: Path) -> Iterator[None]:
    """Serialise clean-ups and swaps of outputs in ``folder`` between runs."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        yield
        return
    try:
        _try_lock(fd, wait=True)
        yield
    finally:
        os.close(fd)


def _abandoned(path: Path) -> bool:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return True  # a dangling link, or unreadable: nobody works in it
    try:
        return _try_lock(fd, wait=False)
    finally:
        os.close(fd)


def remove_leftovers(target: Path) -> None:
    """Clear what killed runs left beside ``target``; restore it if a run died mid-swap.
    Call it with the folder lock held."""
    prefix = f".{target.name}."
    try:
        names = sorted(os.listdir(target.parent))
    except FileNotFoundError:
        return
    olds = sorted((target.parent / name for name in names if name.startswith(prefix + _OLD)),
                  key=lambda path: path.lstat().st_mtime)
    if olds and not os.path.lexists(target):
        os.rename(olds.pop(), target)
    for path in olds:
        remove(path)
    for name in names:
        path = target.parent / name
        if name.startswith(prefix + _STAGING) and path not in _removing and _abandoned(path):
            remove(path)


class _Staged:
    """What staged folders and files share: made beside the target once leftovers are cleared, the
    lock that marks them alive, and their removal."""

    def __init__(self, target: Path) -> None:
        self.target = target
        self.folder = target.parent
        self.folder.mkdir(parents=True, exist_ok=True)
        with _folder_lock(self.folder):
            remove_leftovers(target)
            self.path, fd = _fresh(self.folder, f".{target.name}.{_STAGING}", self._make)
        self._fd: int | None = fd
        _try_lock(fd, wait=False)  # new and unseen: nobody else can hold it yet

    def _make(self, path: Path) -> int:
        raise NotImplementedError

    def _release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def discard(self) -> None:
        """Drop what was staged; the target stays as it was. Safe to call twice."""
        if self._fd is not None:
            self._release()
            remove(self.path)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.discard()


class StagedDir(_Staged):
    """A new, empty folder beside ``target`` to fill; ``commit()`` swaps it in for ``target``."""

    def _make(self, path: Path) -> int:
        os.mkdir(path)  # with the umask's permissions, as MkDocs would make it
        return os.open(path, os.O_RDONLY)

    def commit(self, discard: Callable[[Path], None] = remove) -> None:
        """Swap in; the previous output goes with ``discard`` (a preview's, in the background)."""
        aside: Path | None = None
        with _folder_lock(self.folder):
            if not os.path.lexists(self.target):
                os.rename(self.path, self.target)
            elif _renameat2(self.path, self.target, _RENAME_EXCHANGE):
                aside = self.path  # now holds the previous output
            else:
                aside = self.folder / f".{self.target.name}.{_OLD}{os.getpid()}-{secrets.token_hex(4)}"
                os.rename(self.target, aside)  # killed right after this: remove_leftovers puts it back
                os.rename(self.path, self.target)
        self._release()
        if aside is not None:
            discard(aside)


class StagedFile(_Staged):
    """A new, empty file beside ``target`` to write; ``commit()`` replaces ``target`` with it (a link
    at ``target`` is replaced, never followed)."""

    def _make(self, path: Path) -> int:
        return os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)

    def commit(self) -> None:
        os.replace(self.path, self.target)
        self._release()


def create_files(files: Mapping[Path, str], root: Path) -> None:
    """Create every file, all under ``root``, or none: nothing existing is replaced, no link is
    followed, and no file is seen half-written. Raises FileExistsError, ValueError (a target outside
    ``root``) or OSError, having written nothing."""
    root = root.resolve()
    for target in files:
        if not target.parent.resolve().is_relative_to(root) or target.name in ("", ".", ".."):
            raise ValueError(f"{target} is outside {root}")
        if os.path.lexists(target):
            raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(target))
        if os.path.lexists(target.parent) and not target.parent.is_dir():
            raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(target.parent))
    staged: list[StagedFile] = []
    placed: list[Path] = []
    try:
        for target, text in files.items():
            staged.append(StagedFile(target))
            staged[-1].path.write_text(text, encoding="utf-8")
        for item in staged:
            rename_new(item.path, item.target)
            placed.append(item.target)
            item._release()
    except BaseException:
        for path in placed:
            path.unlink(missing_ok=True)
        raise
    finally:
        for item in staged:
            item.discard()
