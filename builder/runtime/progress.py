"""How far along long work is, on one line of the terminal: the stage, ``done/total``, the share and an estimate.

The line is written to stderr and redrawn in place (``\\r``), at most five times a second, and
cleared when the work is done, so what is printed afterwards reads as it always did. It is shown
only where a person watches: stderr is a terminal, ``CI`` is not set and ``TERM`` is not ``dumb``.
``TIMELINE_PROGRESS=1`` shows it anyway (tests, a terminal recorder) and ``TIMELINE_PROGRESS=0``
never. Everywhere else ``reporter()`` gives a ``Progress`` that does nothing, so callers never ask.

MkDocs logs to the same terminal while pages are built: each of its messages clears the line
first (a filter on the ``mkdocs`` logger's handlers and the root's), so no message ends up
appended to the progress line.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import time
from collections.abc import Callable, Collection, Iterator, Mapping
from types import TracebackType
from typing import TextIO, TypeVar

from builder.runtime.terminal import printable

ENV = "TIMELINE_PROGRESS"
REDRAW_EVERY = 0.2  # seconds; a faster line is unreadable and costs the work it reports on
ESTIMATE_AFTER = 1.0  # seconds into a stage: before that, the rate is mostly noise
_CLEAR = "\r\x1b[K"  # to the line's start, then erase to its end

Item = TypeVar("Item")


class Progress:
    """Reports nothing: what a pipe, a log file or CI gets. ``reporter()`` chooses."""

    shown = False  # a total that costs work to count is counted only when it is shown

    def stage(self, name: str, total: int | None = None) -> None:
        """A new stage of the work; ``total``: how many steps it has, when that is known."""

    def advance(self, step: int = 1) -> None:
        """``step`` more steps of the stage are done."""

    def reach(self, done: int) -> None:
        """``done`` steps of the stage are done in all."""

    def done(self) -> None:
        """The work is over (or failed): the line is cleared."""

    def clear(self) -> None:
        """Take the line away until the next redraw, for something else to be printed."""

    def each(self, items: Collection[Item], name: str) -> Iterator[Item]:
        """``items``, as a stage of their own counted one by one."""
        self.stage(name, len(items))
        for item in items:
            yield item
            self.advance()

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.done()


QUIET = Progress()


def wanted(stream: TextIO, environ: Mapping[str, str]) -> bool:
    """Whether progress belongs on ``stream``: see the module's docstring."""
    forced = environ.get(ENV, "").strip()
    if forced in ("0", "1"):
        return forced == "1"
    if environ.get("CI", "").strip().lower() not in ("", "0", "false"):
        return False
    if environ.get("TERM", "") == "dumb":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a replaced or closed stream
        return False


def reporter(stream: TextIO | None = None, environ: Mapping[str, str] | None = None) -> Progress:
    """A Progress drawing on ``stream`` (stderr) when it should be shown there, else ``QUIET``."""
    stream = stream if stream is not None else sys.stderr
    return TerminalProgress(stream) if wanted(stream, os.environ if environ is None else environ) else QUIET


def _duration(seconds: float) -> str:
    minutes, seconds = divmod(round(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02}:{seconds:02}" if hours else f"{minutes}:{seconds:02}"


class _ClearsLine(logging.Filter):
    def __init__(self, progress: TerminalProgress) -> None:
        super().__init__()
        self.progress = progress

    def filter(self, record: logging.LogRecord) -> bool:
        self.progress.clear()
        return True


class TerminalProgress(Progress):
    """Draws the line on ``stream``; ``clock`` is for tests."""

    shown = True

    def __init__(self, stream: TextIO, clock: Callable[[], float] = time.monotonic) -> None:
        self.stream = stream
        self.clock = clock
        self.name = ""
        self.total: int | None = None
        self.count = 0
        self.started = self.drawn_at = 0.0
        self.showing = False
        self.pid = os.getpid()  # a forked child inherits this object: only its creator draws
        self.lock = threading.Lock()  # MkDocs may log from another thread (serve)
        self.guard = _ClearsLine(self)
        self.guarded: list[logging.Handler] = []

    def stage(self, name: str, total: int | None = None) -> None:
        self.name, self.total, self.count = name, total, 0
        self.started = self.clock()
        self._draw(force=True)

    def advance(self, step: int = 1) -> None:
        self.reach(self.count + step)

    def reach(self, done: int) -> None:
        self.count = done
        self._draw(force=False)

    def done(self) -> None:
        self.clear()
        self.name = ""
        for handler in self.guarded:
            handler.removeFilter(self.guard)
        self.guarded = []

    def clear(self) -> None:
        if self.showing and os.getpid() == self.pid:
            with self.lock:
                self._write(_CLEAR)
                self.showing = False

    def line(self, now: float, width: int = 0) -> str:
        """What the line says at ``now``; within ``width`` characters if given, shortening the name."""
        name = printable(self.name)  # stage names may hold file names
        if self.total is None:
            tail = f": {self.count}" if self.count else "…"
        else:
            done = min(self.count, self.total)
            tail = f": {done}/{self.total}"
            if self.total:
                tail += f" {100 * done // self.total}%"
            elapsed = now - self.started
            if 0 < done < self.total and elapsed >= ESTIMATE_AFTER:
                tail += f" ETA {_duration(elapsed / done * (self.total - done))}"
        if width and len(name) + len(tail) > width:
            room = width - len(tail)
            name = name[:room - 1] + "…" if room > 1 else ""
        return (name + tail)[:width] if width else name + tail

    def _draw(self, *, force: bool) -> None:
        now = self.clock()
        if not self.name or os.getpid() != self.pid or (not force and now - self.drawn_at < REDRAW_EVERY):
            return
        self.drawn_at = now
        self._guard_logs()
        try:  # one column short of the width: a line that wraps cannot be redrawn in place
            width = max(os.get_terminal_size(self.stream.fileno()).columns - 1, 1)
        except (AttributeError, ValueError, OSError):  # not a terminal (forced on): no wrapping to fear
            width = 0
        text = self.line(now, width)
        with self.lock:
            self._write(_CLEAR + text)
            self.showing = True

    def _write(self, text: str) -> None:
        try:
            self.stream.write(text)
            self.stream.flush()
        except (OSError, ValueError):  # the terminal went away: the work goes on
            pass

    def _guard_logs(self) -> None:
        """Handlers are added while the work runs (MkDocs' own, bundle's): each is guarded when first seen."""
        for logger in (logging.getLogger("mkdocs"), logging.getLogger()):
            for handler in logger.handlers:
                if handler not in self.guarded:
                    handler.addFilter(self.guard)
                    self.guarded.append(handler)
