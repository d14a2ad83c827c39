"""A child process that stands by for jobs: work on the second core while other threads run.

Forking is safe only while this process has no other thread (``fork.can_fork``), and ``mkdocs
serve`` starts its server threads after the first build. A child forked before that, at startup,
can take jobs all session long: each arrives through a pipe and is done in turn, while the parent
goes on. It dies with the parent, as every forked child here does.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections.abc import Callable
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any

from builder.runtime.fork import can_fork, die_with_parent, stand

log = logging.getLogger("mkdocs.plugins.timeline")


def _take_jobs(handler: Callable[[Any], None], jobs: Connection, parent: int, sending_end: Connection) -> None:
    die_with_parent(parent, sending_end)
    stand()
    os.nice(5)  # the parent, which the reader waits for, comes first
    while True:
        try:
            job = jobs.recv()
        except (EOFError, OSError):  # the parent closed its end: no more jobs
            return
        try:
            handler(job)
        except Exception as exc:  # one failed job is reported; the next may succeed
            log.error(f"{exc}")


class StandingChild:
    """``handler(job)`` for each job ``submit``ted, in a child forked now; or, when forking is not
    safe here, in this process, at once."""

    def __init__(self, handler: Callable[[Any], None]) -> None:
        self.handler = handler
        self.process: BaseProcess | None = None
        self.jobs: Connection | None = None
        if not can_fork():
            return
        context = multiprocessing.get_context("fork")
        receiver, sender = context.Pipe(duplex=False)
        process = context.Process(target=_take_jobs, args=(handler, receiver, os.getpid(), sender), daemon=True)
        try:
            process.start()
        except OSError:
            sender.close()
            return
        finally:
            receiver.close()
        self.process, self.jobs = process, sender

    def submit(self, job: Any) -> None:
        if self.jobs is None:
            self.handler(job)
            return
        try:
            self.jobs.send(job)
        except OSError:  # the child died: do it here from now on
            self.close()
            self.handler(job)

    def close(self) -> None:
        if self.jobs is not None:
            self.jobs.close()
            self.jobs = None
        if self.process is not None:
            self.process.join(timeout=5)
            if self.process.is_alive():
                self.process.terminate()
            self.process = None
