"""Reading many content files on both cores: half in a forked process, half here.

Parsing and reading the files is most of loading (about 2.5 s of ``check`` for M's 13,000 files).
A forked child reads every other file and sends back what it read (records, line numbers and
problems) as one pickle; the parent reads the others meanwhile. Every other file, rather than the
first half, shares each kind and the few large list files between the two. With the garbage
collector off (see ``builder/pipeline.py``) unpickling costs about 0.25 s, so loading takes about
1.7 s instead of 2.5. Without ``fork``, with other threads running (``mkdocs serve``) or for a
small project, everything is read here, in order.
"""

from __future__ import annotations

import multiprocessing
import pickle
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any, TypeVar

PARALLEL_FROM = 1000  # items; below this a fork costs more than it saves
# The child also pickles what it read (about a third of the reading's cost) and the parent then
# unpickles it, so the child takes less than half for both to finish together (measured at M:
# loading took 1.85 s with 0.30, 1.73 s with 0.34, 1.66 s with 0.38, 1.79 s with 0.42).
CHILD_SHARE = 0.38

Task = TypeVar("Task")
Result = TypeVar("Result")


def can_fork() -> bool:
    """Forking is safe: the platform has it and no other thread could hold a lock the child needs."""
    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


def _child(work: Callable[[Any], Any], tasks: list[Any], sender: Connection) -> None:
    try:
        sender.send_bytes(pickle.dumps([work(task) for task in tasks], pickle.HIGHEST_PROTOCOL))
    finally:
        sender.close()


def _spread(count: int, share: float) -> list[bool]:
    """Which of ``count`` tasks go to the child: ``share`` of them, evenly spread (so each kind of
    file, and the few large list files, are shared between the two processes)."""
    return [int((index + 1) * share) > int(index * share) for index in range(count)]


def map_in_order(work: Callable[[Task], Result], tasks: list[Task]) -> list[Result]:
    """``[work(task) for task in tasks]``, on both cores when there are many. ``work`` must be pure
    (what it changes in the child is lost) and its results picklable; should the child die, its
    share is done here."""
    if len(tasks) < PARALLEL_FROM or not can_fork():
        return [work(task) for task in tasks]
    to_child = _spread(len(tasks), CHILD_SHARE)
    theirs = [task for task, child in zip(tasks, to_child, strict=True) if child]
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(work, theirs, sender), daemon=True)
    process.start()
    sender.close()
    ours = [work(task) for task, child in zip(tasks, to_child, strict=True) if not child]
    try:
        returned: list[Result] = pickle.loads(receiver.recv_bytes())
    except (EOFError, OSError, pickle.UnpicklingError):  # the child died: do its share here
        returned = [work(task) for task in theirs]
    finally:
        receiver.close()
        process.join()
    from_child, from_here = iter(returned), iter(ours)
    return [next(from_child) if child else next(from_here) for child in to_child]
