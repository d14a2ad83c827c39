"""Quotes and who said them.

A quote is text between quotation marks of at least three words (one or two are scare quotes:
threatened to hit targets “anywhere”). Its speaker is the name next to the reporting verb in the
same sentence ("… said Col Myles Caggins"); a pronoun ("he said") stands for the last speaker if
one was quoted just before, else for the first person (or body, for "it") named in the previous
paragraph: news names its subject first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from builder.authoring.suggesting.names import Candidate
from builder.authoring.suggesting.passages import ArticleText

_QUOTED = re.compile(r"“([^”]+)”|\"([^\"\n]+)\"")
REPORTING = (r"(?:said|says|told|added|warned|accused|announced|stated|tweeted|wrote|asked|insisted|claimed"
             r"|reported|posted|published|released|broadcast|according to)")
_REPORTING = re.compile(rf"\b{REPORTING}\b")
_PRONOUN_SAID = re.compile(rf"\b(he|she|it|they)\s+(?:\w+\s+)?{REPORTING}\b", re.IGNORECASE)
_MIN_WORDS = 3


@dataclass
class QuoteCandidate:
    passage: int
    start: int
    end: int
    text: str
    speaker: Candidate | None
    how: str  # how the speaker was found, for the reviewer


@dataclass(frozen=True)
class Mention:
    passage: int
    start: int
    end: int
    candidate: Candidate


def _is_person(candidate: Candidate) -> bool:
    return candidate.kind == "person"


def find_quotes(text: ArticleText, mentions: list[Mention]) -> list[QuoteCandidate]:
    found: list[QuoteCandidate] = []
    for index, passage in enumerate(text.passages):
        for match in _QUOTED.finditer(passage.text):
            quote = match.group(1) or match.group(2)
            if len(quote.split()) < _MIN_WORDS:
                continue
            sentences = [s for s in passage.sentences if s.start <= match.end() and match.start() <= s.end]
            begin, end = sentences[0].start, sentences[-1].end
            speaker, how = _speaker(index, begin, end, match.start(), match.end(), passage.text, mentions, found)
            start = match.start() + 1
            found.append(QuoteCandidate(index, start, start + len(quote), quote.strip(" ,."), speaker, how))
    return found


def _speaker(
    index: int, begin: int, end: int, quote_start: int, quote_end: int, text: str, mentions: list[Mention],
    earlier: list[QuoteCandidate],
) -> tuple[Candidate | None, str]:
    outside = text[begin:quote_start] + " " * (quote_end - quote_start) + text[quote_end:end]
    pronoun = _PRONOUN_SAID.search(outside)
    verbs = [begin + m.start() for m in _REPORTING.finditer(outside)]
    near = [m for m in mentions if m.passage == index and begin <= m.start and m.end <= end
            and not (quote_start <= m.start < quote_end) and m.candidate.kind != "place"]
    if verbs and near and not pronoun:
        verb = verbs[0]
        closest = min(near, key=lambda m: min(abs(m.start - verb), abs(m.end - verb)))
        return closest.candidate, "named next to the reporting verb"
    if not pronoun:
        return None, ""
    wants_person = pronoun.group(1).lower() in ("he", "she")
    for quote in reversed(earlier):
        if quote.passage >= index - 1 and quote.speaker and _is_person(quote.speaker) == wants_person:
            return quote.speaker, f"'{pronoun.group(0)}': the speaker of the quote before"
        break
    previous = sorted((m for m in mentions if m.passage == index - 1 and _is_person(m.candidate) == wants_person),
                      key=lambda m: m.start)
    if previous:
        return previous[0].candidate, f"'{pronoun.group(0)}': the first {'person' if wants_person else 'body'} " \
                                      "named in the paragraph before"
    return None, ""
