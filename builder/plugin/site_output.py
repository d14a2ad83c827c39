"""The site appears whole or not at all: MkDocs builds into a staging folder the plugin swaps in.

MkDocs empties ``site_dir`` before it writes the first page, so a build that stops part-way (a
broken page, Ctrl-C, a kill, a full disk) would leave the output emptied or half-written. The
plugin points ``site_dir`` at a fresh staging folder beside it in ``on_config`` and swaps that in
once every plugin has written its files (see ``builder/runtime/atomic.py``). The real ``site_dir`` is put
back in the configuration then, so ``mkdocs gh-deploy`` finds the site where it expects it.

- ``--strict`` fails the build only after ``on_post_build``, on warnings counted meanwhile: the
  plugin counts them too and keeps the previous site when there are any.
- ``--dirty`` builds into the empty staging folder as well, so it rebuilds every page: the output
  is whole, only the time saving of a dirty build is lost.
- ``mkdocs serve`` builds into its own temporary folder; the preview swaps the same way.
- Ctrl-C ends the build without ``on_build_error``: the staging folder is removed at exit, and
  any folder a kill left behind is removed by the next build.
- A ``site_dir`` that is a mount point cannot be renamed: MkDocs builds into it in place.
"""

from __future__ import annotations

import atexit
import contextlib
import logging
import os
import signal
from collections.abc import Iterator
from pathlib import Path
from typing import NoReturn

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.utils import CountHandler

from builder.runtime.atomic import StagedDir, failure, remove, remove_in_background

log = logging.getLogger("mkdocs.plugins.timeline")


def _fail(message: str) -> NoReturn:
    """End the build with ``message`` on one line (MkDocs prints an Abort's own text on stdout)."""
    log.error(message)
    raise Abort("Aborted: nothing was published") from None


@contextlib.contextmanager
def _interrupts_held() -> Iterator[None]:
    """Ctrl-C arrives after the block, not inside it."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def swappable(site_dir: str) -> bool:
    """Whether ``site_dir`` can be swapped: not when it is a mount point (a container's volume, say),
    which no rename can replace. MkDocs then builds in place, as it would without this plugin."""
    target = os.path.realpath(site_dir)
    if os.path.isdir(target) and os.path.ismount(target):
        log.info(f"{site_dir} is a mount point: the site is built in place, not swapped in whole")
        return False
    return True


class StagedSite:
    """One build's staging folder, from ``on_config`` to ``on_post_build`` or ``on_build_error``."""

    def __init__(self, config: MkDocsConfig) -> None:
        self.config, self.site_dir = config, config.site_dir
        target = Path(os.path.realpath(config.site_dir))  # a site_dir that is a link: replace where it leads
        try:
            with _interrupts_held():  # Ctrl-C right after the folder is made would leave it behind
                self.staged = StagedDir(target)
                atexit.register(self.staged.discard)
        except OSError as exc:
            _fail(f"{failure(exc, target)} (the site is built in a folder beside it and swapped in, so the "
                  "folder that holds site_dir must be writable too)")
        config.site_dir = str(self.staged.path)
        self.warnings: CountHandler | None = None
        if config.strict:
            self.warnings = CountHandler()
            self.warnings.setLevel(logging.WARNING)
            logging.getLogger("mkdocs").addHandler(self.warnings)

    def _end(self) -> None:
        self.config.site_dir = self.site_dir
        atexit.unregister(self.staged.discard)
        if self.warnings is not None:
            logging.getLogger("mkdocs").removeHandler(self.warnings)

    def publish(self, *, previewing: bool = False) -> None:
        """Swap the staged site in, unless ``--strict`` is about to fail the build on a warning. A
        preview does not wait for the previous site to be deleted."""
        self._end()
        if self.warnings is not None and self.warnings.get_counts():
            self.staged.discard()  # MkDocs aborts right after this event
            return
        try:
            self.staged.commit(remove_in_background if previewing else remove)
        except OSError as exc:
            self.staged.discard()
            _fail(str(failure(exc, self.staged.target)))

    def abandon(self, error: Exception) -> None:
        """Drop the staged site; a write that failed (a full disk) becomes a one-line error."""
        self._end()
        self.staged.discard()
        if isinstance(error, OSError):
            written = error.filename and str(error.filename).startswith(str(self.staged.path))
            if written or failure(error, self.staged.target).disk_full:
                _fail(str(failure(error, self.staged.target)))
            _fail(f"the build failed: {error.strerror or error}"
                  f"{f' ({error.filename})' if error.filename else ''}; {self.site_dir} is unchanged")

