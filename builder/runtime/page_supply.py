"""Rendering pages on the second core while MkDocs builds them on the first.

MkDocs reads and renders pages one at a time in one process, so on a 2-core machine one core idles
during a build. A forked worker renders the generated pages in the order MkDocs will ask for them,
finishes each (``finish``: the plugin adds their search entries) and sends them back through a
pipe; a thread drains the pipe so the worker never waits, and the plugin hands each page to MkDocs
when it reads it. Without ``fork`` (Windows, macOS
defaults) or with other threads running (``mkdocs serve``), pages are rendered inline on demand.
"""

from __future__ import annotations

import functools
import gc
import multiprocessing
import threading
import traceback
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from multiprocessing.sharedctypes import Synchronized
from typing import Any, Generic, Protocol, TypeVar

from builder.runtime.fork import fork_child


class RenderError(Exception):
    pass


Ready = TypeVar("Ready")
LEAD = 24  # pages the worker must be ahead of the parent to do the optional work too
BUFFER = 96  # pages received and not yet taken: past this the worker waits (memory stays bounded)


class PendingPage(Protocol):
    """A page made on demand (render's PendingPage): the supply knows no more of it."""

    @property
    def src_uri(self) -> str: ...

    @property
    def make(self) -> Callable[[], Any]: ...


def _work(pending: Sequence[PendingPage], finish: Callable[[Any, bool], object], taken: Synchronized[int],
          sender: Connection) -> None:
    # Everything inherited from the parent is long-lived: keep the collector from walking (and
    # copy-on-write copying) it again and again.
    gc.freeze()
    try:
        for index, page in enumerate(pending):
            # Well ahead of the parent, the worker also does what is optional (what the parent would
            # otherwise do itself); close behind it, the worker only makes the page, so neither waits.
            sender.send((index, finish(page.make(), index - taken.value >= LEAD)))
    except BaseException:  # reported to the parent, which fails the build with it
        sender.send((-1, traceback.format_exc()))
    finally:
        sender.close()


class PageSupply(Generic[Ready]):
    """Generated pages by source path, rendered and finished ahead in a worker when possible."""

    def __init__(self, pending: Sequence[PendingPage], finish: Callable[[Any, bool], Ready], *,
                 parallel: bool) -> None:
        self.pending = pending
        self.finish = finish
        self.taken = multiprocessing.Value("q", 0, lock=False)  # pages the parent took: the worker reads it
        self.order = {page.src_uri: index for index, page in enumerate(pending)}
        self.ready: dict[int, Ready] = {}
        self.wanted: int | None = None  # the page the parent waits for
        self.failure = ""
        self.finished = False
        self.arrived = threading.Condition()
        self.process: BaseProcess | None = None
        forked = fork_child(functools.partial(_work, pending, finish, self.taken)) if parallel and pending else None
        if forked:
            self.process, receiver = forked
            threading.Thread(target=self._drain, args=(receiver,), daemon=True).start()
            # The worker has its own copy; without these references the Site can be freed here, so
            # MkDocs' garbage collections no longer walk hundreds of MB of objects it never uses.
            self.pending = []

    def _drain(self, receiver: Connection) -> None:
        try:
            while True:
                with self.arrived:
                    # Never while the parent waits for a page still to come (should it ask out of order).
                    self.arrived.wait_for(lambda: len(self.ready) < BUFFER
                                          or (self.wanted is not None and self.wanted not in self.ready))
                index, made = receiver.recv()
                with self.arrived:
                    if index < 0:
                        self.failure = made
                    else:
                        self.ready[index] = made
                    self.arrived.notify_all()
        except (EOFError, OSError):
            pass
        finally:
            with self.arrived:
                self.finished = True
                self.arrived.notify_all()

    def generates(self, src_uri: str) -> bool:
        return src_uri in self.order

    def page(self, src_uri: str) -> Ready | None:
        """The page, made and finished, or None when it is not a generated page."""
        index = self.order.get(src_uri)
        if index is None:
            return None
        self.taken.value = index + 1
        if self.process is None:
            return self.finish(self.pending[index].make(), True)
        with self.arrived:
            self.wanted = index
            self.arrived.notify_all()
            self.arrived.wait_for(lambda: index in self.ready or self.failure or self.finished)
            self.wanted = None
            if index in self.ready:
                made = self.ready.pop(index)
                self.arrived.notify_all()  # room in the buffer again
                return made
        raise RenderError(f"rendering {src_uri} failed:\n{self.failure or 'the renderer stopped'}")

    def close(self) -> None:
        if self.process is not None:
            if self.process.is_alive():
                self.process.terminate()
            self.process.join(timeout=10)
            self.process = None
