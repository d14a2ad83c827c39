"""Text from content files and imported pages, made safe to print to a terminal.

A page or a file name may hold escape sequences that move the cursor, rewrite earlier lines, set
the window title or hide text: printed raw, they could make a report say something else than it
does. They are removed, and so is every other control character except line breaks and tabs.
"""

from __future__ import annotations

import logging
import re

# ESC followed by a CSI (ESC [ … final), an OSC, DCS, SOS, PM or APC string (up to BEL or ESC \),
# or a two-character sequence; an ESC alone at the end is removed too.
_ESCAPE = re.compile(
    r"\x1b(?:\[[0-?]*[ -/]*[@-~]?|[\]PX^_][^\x07\x1b]*(?:\x07|\x1b\\)?|[ -/]*[0-~])?"
)
# C0 controls but tab and line feed, DEL, and C1 controls (0x9b is a one-byte CSI on some terminals).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """``text`` without escape sequences and control characters (line breaks and tabs are kept)."""
    if text.isascii() and text.isprintable():
        return text
    return _CONTROL.sub("", _ESCAPE.sub("", text))


class PrintableRecords(logging.Filter):
    """Makes every record a handler prints :func:`printable`: MkDocs' own messages name files and
    quote content too. A handler's filter sees the records of child loggers, a logger's would not."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if not (message.isascii() and message.isprintable()):
            record.msg, record.args = printable(message), None
        return True

    @classmethod
    def install(cls, logger: logging.Logger) -> None:
        """Add the filter to each of ``logger``'s handlers that lacks it."""
        for handler in logger.handlers:
            if not any(isinstance(existing, cls) for existing in handler.filters):
                handler.addFilter(cls())
