"""Plain text made inert for the two languages a generated page is written in: HTML and Markdown.

Generated pages are Markdown that MkDocs converts, with whatever extensions the site enables
(``attr_list`` turns ``{: onclick=…}`` into an attribute; a ``[x](javascript:…)`` is a link). HTML
escaping alone leaves those live wherever a value lands outside a raw HTML block, as in a heading.
So every character either language gives a meaning to is written as a numeric character reference:
browsers show the very same text, and no Markdown rule matches a reference. Newlines become
references too, so a value can never start a line of its own (a heading, a list, a fence).
"""

from __future__ import annotations

import functools
import re
from typing import Any

from markupsafe import Markup, escape

# HTML's five, then what Markdown and the common extensions read: backslash escapes, code spans,
# emphasis, links and images, attribute lists, strikethrough, superscript. A "#" counts only at the
# end, where a heading would drop it; elsewhere it is left alone, for the fragments of links.
_SIGNIFICANT = "&<>\"'\\`*_{}[]~^\n\r"
_REFERENCES = {ord(char): f"&#{ord(char)};" for char in _SIGNIFICANT}
_NEEDS_WORK = re.compile("[" + re.escape(_SIGNIFICANT) + "]")


def inert(text: str) -> Markup:
    """``text`` as HTML that shows exactly ``text`` in any HTML or Markdown context of a page."""
    if _NEEDS_WORK.search(text) is None and not text.endswith("#"):  # most values: no work at all
        return Markup(text)
    body = text.rstrip("#")
    return Markup(body.translate(_REFERENCES) + "&#35;" * (len(text) - len(body)))


@functools.lru_cache(maxsize=1 << 16)
def _for_jinja(text: str) -> str:
    """What Jinja should escape next: the text itself when HTML escaping is all it needs (Jinja's
    own escaping, in C, then does it), else the finished Markup. The same names, titles and links
    recur page after page (a build of 1,000 events prints 350,000 values), hence the cache."""
    if _NEEDS_WORK.search(text) is None and not text.endswith("#"):
        return text
    return inert(text)


def finalize(value: Any) -> Any:
    """Jinja's ``finalize`` hook: every plain string a template prints goes through :func:`inert`,
    so no template can forget it. Markup (macros, rendered Markdown fields, JSON) is left as it is."""
    if type(value) is str:
        return _for_jinja(value)
    if isinstance(value, str) and not hasattr(value, "__html__"):
        return inert(value)
    return value


def html_text(text: Any) -> str:
    """For values MkDocs hands to the theme unescaped (a page's ``title`` and ``description`` in
    front matter): HTML-escaped, as a plain string so that it can still be serialised as JSON."""
    return str(escape(text))
