"""Words of a sentence as the name rules see them: tokens that know whether a name may run on past
them (not past a comma; past "R." in "Samuel R. Whitfield"), and the tests on single words."""

from __future__ import annotations

import re
from dataclasses import dataclass

from builder.authoring.suggesting.datelines import find_dateline
from builder.authoring.suggesting.gazetteer import plain
from builder.authoring.suggesting.lexicon import MONTH_NAMES, PARTICLES, TITLE_WORDS, WEEKDAYS, WORD_KIND

TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|\w[\w’'\-]*\w|\w")
_POSSESSIVE = re.compile(r"[’']s$")
PARTICLE = re.compile(rf"^{PARTICLES}-[^\W\d_]")


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int
    breaks_after: bool  # punctuation follows: a name does not run on past it
    abbreviated: bool = False  # an initial or a title written with a full stop: "R.", "Supt."


def tokenize(text: str) -> list[Token]:
    found = []
    for match in TOKEN.finditer(text):
        word, end = match.group(), match.end()
        possessive = _POSSESSIVE.search(word)
        if possessive:
            word, end = word[: possessive.start()], match.start() + possessive.start()
        after = text[match.end() : match.end() + 3]
        # "Samuel R. Whitfield", "Supt. Kemal Aydin": an initial or a title's abbreviation runs on
        abbreviation = after[:2] == ". " and after[2:3].isupper() and (
            (len(word) == 1 and word.isupper()) or word.casefold() in TITLE_WORDS)
        breaks = bool(possessive) or (after[:1] not in ("", " ") and after[:1] != "\n" and not abbreviation) or \
            (word.endswith(".") and not re.fullmatch(r"(?:[^\W\d_]\.){2,}", word))
        found.append(Token(word, match.start(), end, breaks or after[:1] == "", abbreviation))
    return found


def names_a_body(run: list[Token], rest: list[Token]) -> bool:
    """ "Kenya National Commission on Human Rights": "on" inside a commission's or committee's name."""
    return WORD_KIND.get(plain(run[-1].text)) in ("organisation", "government-agency") and not run[-1].breaks_after \
        and bool(rest) and plain(rest[0].text) not in WEEKDAYS | MONTH_NAMES


def undated(sentence: str) -> str:
    """The sentence without its dateline: "GENEVA — Physicists at CERN" starts with "Physicists"."""
    dateline = find_dateline(sentence)
    return sentence[dateline.end :] if dateline else sentence


def headline_case(text: str) -> bool:
    """Headline case ("Turkish Military Pours Into Syria"): every word capitalised says nothing."""
    # A short one needs its verb capitalised too: "Judge Mary Holt jailed Ian Cole on Thursday" is a sentence
    words = [w for w in re.findall(r"[^\W\d_][\w’'-]*", undated(text)) if len(w) > 3]
    upper = sum(w[:1].isupper() for w in words)
    return len(words) >= 6 and (upper == len(words) or (len(words) >= 8 and upper >= 0.8 * len(words)))


def capitalised(word: str) -> bool:
    return word[:1].isupper() or bool(PARTICLE.match(word))


def is_title(word: str) -> bool:
    """ "President", "Col.", "Secretary-General"."""
    return any(part in TITLE_WORDS for part in word.rstrip(".").casefold().split("-"))


_ABSTRACT = re.compile(r"(?:tion|sion|ment|ance|ence|ity|ness|ure|ics|ism|ship|ing)$")


def common_noun(word: str) -> bool:
    """ "Prevention", "Development", "Security": a common noun, capitalised only inside a body's name."""
    return len(word) > 5 and bool(_ABSTRACT.search(word.casefold()))
