"""Generated pages waiting to be written, kept out of the build's memory.

MkDocs converts every page before it writes any, so on a large site every page's Markdown and HTML
are in memory at once: 1.4 GB at 21,000 pages. The plugin puts a generated page's texts here once
converted and takes them back just before the theme renders the page. They wait in an unlinked
temporary file, which the operating system keeps in its file cache and may write out under
pressure, instead of in the process. That costs about as much as copying the text; compressing it
in memory with zlib instead cost 16 s of a 250 s build.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from typing import IO


class SpillStore:
    def __init__(self) -> None:
        self._file: IO[bytes] | None = None
        self._where: dict[str, tuple[int, tuple[int, ...]]] = {}  # key → offset, byte length of each text
        self._kept: dict[str, tuple[str, ...]] = {}  # when the file cannot be written

    def __len__(self) -> int:
        return len(self._where) + len(self._kept)

    def put(self, key: str, texts: tuple[str, ...]) -> None:
        data = [text.encode("utf-8") for text in texts]
        try:
            if self._file is None:
                # Unbuffered: a full disk fails this write, here, not a flush at some later seek or close
                self._file = tempfile.TemporaryFile(prefix="timeline-pages-", buffering=0)  # noqa: SIM115 - closed in close()
            offset = self._file.seek(0, os.SEEK_END)
            for chunk in data:
                view = memoryview(chunk)
                while view:  # an unbuffered write may write part of it
                    written = self._file.write(view)
                    if not written:
                        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
                    view = view[written:]
        except OSError:  # a full or read-only disk: keep the page in memory, as MkDocs would
            self._kept[key] = texts
            return
        self._where[key] = (offset, tuple(len(chunk) for chunk in data))

    def take(self, key: str) -> tuple[str, ...] | None:
        """The texts put under ``key``, once; None if there are none."""
        if key in self._kept:
            return self._kept.pop(key)
        where = self._where.pop(key, None)
        if where is None or self._file is None:
            return None
        offset, lengths = where
        self._file.seek(offset)
        return tuple(self._file.read(length).decode("utf-8") for length in lengths)

    def close(self) -> None:
        self._where.clear()
        self._kept.clear()
        if self._file is not None:
            with contextlib.suppress(OSError):  # nothing of it is needed any more
                self._file.close()
            self._file = None
