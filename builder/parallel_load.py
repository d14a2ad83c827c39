"""Parsing many `.md` files on both cores: half in a forked process, half here.

Parsing front matter is most of loading (2.1 s of ``check`` for M's 13,000 files). A forked child
parses the first half and sends back the values, line numbers included, as one pickle; the parent
parses the second half meanwhile. With the garbage collector off (see ``builder/pipeline.py``)
unpickling costs 0.1 s, so loading takes 1.1 s instead of 2.1. Without ``fork``, with other
threads running (``mkdocs serve``) or for a small project, files are parsed here, in order.
"""

from __future__ import annotations

import multiprocessing
import pickle
import threading
from multiprocessing.connection import Connection
from pathlib import Path

from builder.diagnostics import Diagnostics
from builder.loader import SourceFile, load_markdown

PARALLEL_FROM = 1000  # files; below this a fork costs more than it saves

Parsed = list[SourceFile | None]


def can_fork() -> bool:
    """Forking is safe: the platform has it and no other thread could hold a lock the child needs."""
    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


def _parse(files: list[tuple[Path, str]], diagnostics: Diagnostics) -> Parsed:
    return [load_markdown(file, path, diagnostics) for file, path in files]


def _child(files: list[tuple[Path, str]], sender: Connection) -> None:
    diagnostics = Diagnostics()
    try:
        sender.send_bytes(pickle.dumps((_parse(files, diagnostics), diagnostics.items), pickle.HIGHEST_PROTOCOL))
    finally:
        sender.close()


def parse_markdown_files(files: list[tuple[Path, str]], diagnostics: Diagnostics) -> Parsed:
    """``load_markdown`` of each (file, path), in the same order, with every problem reported."""
    if len(files) < PARALLEL_FROM or not can_fork():
        return _parse(files, diagnostics)
    half = len(files) // 2
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(files[:half], sender), daemon=True)
    child.start()
    sender.close()
    second = _parse(files[half:], diagnostics)
    try:
        first, items = pickle.loads(receiver.recv_bytes())
    except (EOFError, OSError, pickle.UnpicklingError):  # the child died: do its half here
        first, items = _parse(files[:half], diagnostics), []
    finally:
        receiver.close()
        child.join()
    diagnostics.items.extend(items)
    return [*first, *second]
