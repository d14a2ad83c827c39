"""Work on both cores: a forked child computes part of the work while this process goes on.

Every fork goes through ``fork_child``: the child dies with its parent and the pipe's ends are
closed on each side. Rendering uses it (builder/runtime/page_supply.py), and loading a project
uses it twice. Parsing and reading the content files is most of loading (about
2.5 s of ``check`` at M's 13,000 files): a forked child reads a share of them and sends back what
it read (records, line numbers and problems) as one pickle while the parent reads the others
(``map_in_order``). Then, while the parent resolves references and computes backlinks, a child
finds every quote in its article (``InChild``). With the garbage collector off (see
``builder/pipeline.py``) unpickling the records costs about 0.15 s. Without ``fork``, with other
threads running (``mkdocs serve``) or for a small project, everything is done here, in order.
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import multiprocessing
import os
import pickle
import signal
import sys
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any, Generic, TypeVar

PARALLEL_FROM = 1000  # tasks; below this a fork costs more than it saves
# The child also pickles what it read (about a third of the reading's cost) and the parent then
# unpickles it, so the child takes less than half for both to finish together (measured at M:
# loading took 1.85 s with 0.30, 1.73 s with 0.34, 1.66 s with 0.38, 1.79 s with 0.42).
CHILD_SHARE = 0.38
_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>

Task = TypeVar("Task")
Result = TypeVar("Result")


_STANDING = False  # in a standing child (builder/runtime/standing.py), which may not have children


def can_fork() -> bool:
    """Forking is safe: the platform has it and no other thread could hold a lock the child needs."""
    return not _STANDING and "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


def stand() -> None:
    """In a standing child: it does its work itself, without children of its own."""
    global _STANDING
    _STANDING = True


def die_with_parent(parent: int, *inherited: Connection) -> None:
    """First thing in a forked child: be killed when the parent dies, however it dies (Linux's
    ``PR_SET_PDEATHSIG``), and exit now if it died before this call. Closes the ``inherited`` copies
    of the parent's ends of pipes: while the child held the reading end of its own pipe, a child
    whose parent was killed could block forever writing into it."""
    for connection in inherited:
        connection.close()
    if sys.platform == "linux":
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:
        os._exit(1)


def _run(child: Callable[[Connection], None], sender: Connection, parent: int, receiver: Connection) -> None:
    die_with_parent(parent, receiver)
    child(sender)


def fork_child(child: Callable[[Connection], None]) -> tuple[BaseProcess, Connection] | None:
    """``child(sender)`` in a forked process that dies with this one, and the receiving end of its
    pipe; None when forking is not safe or fails (no memory or no process left for a copy): then
    the caller does the work itself."""
    if not can_fork():
        return None
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_run, args=(child, sender, os.getpid(), receiver), daemon=True)
    try:
        process.start()
    except OSError:
        receiver.close()
        return None
    finally:
        sender.close()
    return process, receiver


def _child(work: Callable[[], Any], sender: Connection) -> None:
    try:
        payload = pickle.dumps(work(), pickle.HIGHEST_PROTOCOL)
    except BaseException:  # the parent redoes the work and reports any error itself, once
        sender.close()
        os._exit(1)
    sender.send_bytes(payload)
    sender.close()


class InChild(Generic[Result]):
    """``work()``, computed in a forked child from now on; ``result()`` waits for it. ``work`` must
    be pure (what it changes in the child is lost) and its result picklable. ``size``: how many
    tasks it does; below ``PARALLEL_FROM``, without ``fork``, if the fork fails or should the child
    die, ``result()`` computes it here. Use it as a context manager, so that a child whose result is
    never asked for (the parent failed meanwhile) is stopped rather than left running."""

    def __init__(self, work: Callable[[], Result], *, size: int) -> None:
        self._work = work
        self._process: BaseProcess | None = None
        forked = fork_child(functools.partial(_child, work)) if size >= PARALLEL_FROM else None
        if forked:
            self._process, self._receiver = forked

    def __enter__(self) -> InChild[Result]:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.cancel()

    def result(self) -> Result:
        if self._process is None:
            return self._work()
        try:
            returned: Result = pickle.loads(self._receiver.recv_bytes())
            return returned
        except (EOFError, OSError, pickle.UnpicklingError):  # the child died: do its work here
            return self._work()
        finally:
            self._receiver.close()
            self._process.join()
            self._process = None

    def cancel(self) -> None:
        """Stop the child if it still runs; its result is not wanted any more."""
        if self._process is not None:
            self._process.terminate()
            self._process.join()
            self._receiver.close()
            self._process = None


def _spread(count: int, share: float) -> list[bool]:
    """Which of ``count`` tasks go to the child: ``share`` of them, evenly spread (so each kind of
    file, and the few large list files, are shared between the two processes)."""
    return [int((index + 1) * share) > int(index * share) for index in range(count)]


def map_in_order(work: Callable[[Task], Result], tasks: list[Task],
                 reached: Callable[[int], None] | None = None) -> list[Result]:
    """``[work(task) for task in tasks]``, on both cores when there are many (see ``InChild``).

    ``reached(n)``: about ``n`` tasks are done, for a progress line. With a child it is this
    process's position in the list: the child's tasks are spread alike and take as long to finish."""
    if len(tasks) < PARALLEL_FROM or not can_fork():
        results = []
        for index, task in enumerate(tasks, 1):
            results.append(work(task))
            if reached is not None:
                reached(index)
        return results
    to_child = _spread(len(tasks), CHILD_SHARE)
    theirs = [task for task, child in zip(tasks, to_child, strict=True) if child]
    with InChild(lambda: [work(task) for task in theirs], size=len(tasks)) as in_child:
        ours = []
        for index, (task, child) in enumerate(zip(tasks, to_child, strict=True), 1):
            if not child:
                ours.append(work(task))
                if reached is not None:
                    reached(index)
        returned = in_child.result()
    if reached is not None:
        reached(len(tasks))
    from_child, from_here = iter(returned), iter(ours)
    return [next(from_child) if child else next(from_here) for child in to_child]
