"""Writing direction from a BCP 47 language tag, for the ``dir`` beside every ``lang`` written.

HTML needs ``dir`` set in markup (CSS cannot be relied on for it): a script subtag decides when there
is one (``az-Arab`` reads right to left, ``ku-Latn`` left to right), else the language's usual script.
"""

from __future__ import annotations

RTL_LANGUAGES = frozenset({"ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "ku", "ps", "sd", "syr", "ug", "ur",
                           "yi", "prs", "pnb", "azb", "bal", "bqi", "glk", "lrc", "mzn"})
RTL_SCRIPTS = frozenset({"arab", "hebr", "syrc", "thaa", "nkoo", "adlm", "rohg", "mand", "samr"})


def direction(tag: str) -> str:
    """``rtl`` or ``ltr``."""
    subtags = tag.lower().split("-")
    for subtag in subtags[1:]:
        if subtag == "x":
            break
        if len(subtag) == 4 and subtag.isalpha():
            return "rtl" if subtag in RTL_SCRIPTS else "ltr"
    return "rtl" if subtags[0] in RTL_LANGUAGES else "ltr"
