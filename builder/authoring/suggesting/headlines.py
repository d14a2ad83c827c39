"""An event's title and type from the sentence that reports it, by rules a reviewer can follow.

A title is the sentence's main clause, headline-short: who did what to whom, at most ten words,
ended where a phrase ends, never mid-phrase with "…":

- the dateline, the date words (the date has its own field), brackets, asides between commas
  (", the former chief financial officer of Harbor Point Capital,") and the attribution
  (", officials said") go;
- a person's title before their name goes ("German Chancellor Olaf Scholz" is "Olaf Scholz");
- reported speech keeps what was said: "Lindner told reporters in Berlin that the deal …" is
  "Lindner says the deal …";
- then the clause ends at the first comma or linking word ("after", "as", "while" …), and a title
  still too long ends before the last preposition that keeps it within ten words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from builder.authoring.relative_dates import find_date_expressions
from builder.authoring.suggesting.datelines import find_dateline

MAX_WORDS = 10
_ASIDE = re.compile(r",\s+(?:who|which|whose|where|the|a|an|his|her|their|its|known as|\d+)\b[^,]*,")
_ATTRIBUTION = re.compile(r",\s+(?:[^,]{0,60}?\s)?(?:said|says|told reporters|reported|according to[^,]*)"
                          r"(?:\s+(?:in|on|at|after|by)\b[^,]{0,30})?[.”\"]*$")
_SPEECH = re.compile(r"^(?P<who>.{2,60}?)\s+(?:had\s+|has\s+)?(?:said|says|told\s+[\w\s]{2,40}?|added|warned"
                     r"|announced|insisted|claimed|stated|confirmed)(?:\s+(?:in|on|at)\s+[\w\s]{2,30}?)?\s+(?:that\s+)?(?P<what>\w.+)$")
_LINKS = re.compile(r"\s*(?:,(?!\d)|[;:—–]|\s-\s)\s*|\s+(?:after|as|while|because|but|despite|before|when|since"
                    r"|although|amid|following|saying|where|which|who|blaming)\s+")
_FUNCTION = frozenset((
    "a", "an", "the", "of", "to", "in", "on", "at", "for", "from", "with", "by", "and", "or", "but", "as", "that",
    "this", "these", "its", "his", "her", "their", "our", "into", "onto", "over", "under", "about", "after",
    "before", "than", "then", "near"))
_CUT_BEFORE = frozenset(("to", "in", "on", "at", "of", "for", "from", "with", "by", "and", "after", "as", "that",
                         "near", "into", "over", "under", "about", "than"))
_DATE_PREPOSITION = re.compile(r"(?:\b(?:on|in|early|late|last|this|by|since|until|from|at|for)\s+)+$", re.IGNORECASE)

# The first list whose words the sentence holds names the type: specific kinds before general ones.
TYPES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("death-toll", ("death toll", "toll rose", "toll climbed")),
    ("sentencing", ("sentenced", "sentencing", "jailed", "years in prison")),
    ("court-ruling", ("convicted", "found guilty", "acquitted", "verdict", "ruled", "jury", "court")),
    ("arrest", ("arrested", "detained", "charged with", "custody")),
    ("rescue", ("rescued", "pulled alive", "survivors", "evacuated", "rescue")),
    ("disaster", ("earthquake", "quake", "flood", "storm", "hurricane", "typhoon", "cyclone", "wildfire", "landslide",
                  "tsunami", "eruption", "death toll", "collapsed", "burst its banks")),
    ("clash", ("attack", "clash", "fighting", "shelling", "airstrike", "air strike", "offensive", "killed", "fired")),
    ("visit", ("visit", "travel to", "toured")),
    ("match", (" beat ", "defeated", " won ", " draw ", "scored", " host ", "will face")),
    ("agreement", ("agreed", "deal", "signed", "treaty", "accord")),
    ("meeting", (" met ", "meeting", "talks", "summit", "will meet", "would meet", " meet ")),
    ("vote", ("voted", "vote", "election", "referendum", "approved")),
    ("launch", ("launched", "launch", "lift-off", "landed", "due to land")),
    ("results", ("revenue", "profit", "earnings", "shares fell", "shares rose", "shares closed", "quarterly")),
    ("announcement", ("announced", "said it would", "will cut", "would cut", "plans to", "unveiled", "presented")),
    ("statement", ("said", "says", "told", "warned", "called", "accused", "according to", "stated")),
)


def guess_type(sentence: str) -> str:
    """The type a sentence's words suggest; what a quote says is not what happened ("good on court")."""
    unquoted = re.sub(r"“[^”]*”|\"[^\"]*\"", " ", sentence)
    text = f" {' '.join(unquoted.split()).casefold()} "
    return next((kind for kind, words in TYPES if any(word in text for word in words)), "")


def _words(text: str) -> list[str]:
    return text.split()


def _shorten(clause: str) -> str:
    words = _words(clause)
    if len(words) <= MAX_WORDS:
        return clause
    # not after "promised", "pulled": a verb wants what follows it
    cut = max((i for i in range(3, MAX_WORDS + 1) if words[i].casefold() in _CUT_BEFORE
               and words[i - 1].casefold() not in _FUNCTION and not words[i - 1].endswith("ed")), default=0)
    words = words[:cut] if cut else words[:MAX_WORDS]
    while len(words) > 3 and words[-1].casefold().strip(",") in _FUNCTION:
        words.pop()
    return " ".join(words)


def _clause_of(text: str, date_text: str) -> str:
    """ "He will face Shelton on Friday after Shelton beat Sonego on Tuesday": Tuesday's event is the
    clause that holds its date."""
    at = text.find(date_text) if date_text else -1
    if at < 0:
        return text
    begin = 0
    for link in _LINKS.finditer(text):
        if link.start() >= at:
            piece = text[begin : link.start()]
            break
        begin = link.end()
    else:
        piece = text[begin:]
    return piece if begin and len(_words(piece)) >= 3 else text


def _undated(text: str) -> str:
    for expression in find_date_expressions(text):
        at = text.find(expression)
        if at < 0 or (re.fullmatch(r"\d{4}", expression) and not _DATE_PREPOSITION.search(text[:at])):
            continue  # "a revised 2025 budget": the year belongs to the thing
        if re.match(r"[’']s\b", text[at + len(expression) :]):
            continue  # "the death toll from Friday's earthquake": the date names a thing
        before = _DATE_PREPOSITION.sub("", text[:at])
        after = re.sub(r"^(?:\s+(?:morning|afternoon|evening|night))", "", text[at + len(expression) :])
        text = f"{before.rstrip()} {after.lstrip()}".strip()
    return text


def headline(sentence: str, people: Iterable[tuple[str, str]] = (), date_text: str = "") -> str:
    """The title for an event reported by ``sentence`` and dated by its words ``date_text``;
    ``people`` are (title, name) pairs of the people in it, so "Judge Lorna K. Abrams" can become
    "Lorna K. Abrams", and "Lindner" in a title that is too long."""
    people = list(people)
    titled_names = [(title, name) for title, name in people if title]
    text = " ".join(sentence.split())
    dateline = find_dateline(text)
    text = text[dateline.end :] if dateline else text
    for title, name in titled_names:
        words = title.split()
        for first in range(len(words)):  # "Supt. Kemal Aydin" in one article, "Police Supt." in another
            pattern = r"\.?\s+".join(re.escape(word) for word in words[first:])
            shorter = re.sub(rf"(?:\b[A-Z][\w.’'-]*\s+)*?\b{pattern}\.?\s+(?={re.escape(name)})", "", text)
            if shorter != text:
                text = shorter
                break
    text = _ASIDE.sub("", text)
    text = _clause_of(text, date_text)
    text = _undated(text)
    text = re.sub(r"\s*\([^)]*\)", "", text)
    quoted = re.match(r"^[“\"](?P<quote>[^”\"]+)[”\"],?\s+(?P<who>.+?)\s+(?:said|says|told|added)\b", text)
    if quoted:
        who = quoted["who"].split(",")[0]
        if len(_words(who)) <= 4:
            text = f"{who}: “{_shorten(quoted['quote'].strip(' ,.'))}”"
            return text[:1].upper() + text[1:]
    text = _ATTRIBUTION.sub("", text).strip(" .“”\"'")
    speech = _SPEECH.match(text)
    who = speech["who"].strip(",").split(", ")[-1] if speech else ""  # "Whitfield's lawyer, Peter J. Tomasso,"
    if speech and len(_words(who)) <= 5:
        text = f"{who} says {speech['what']}"
    words = _words(text)
    pieces = [p for p in _LINKS.split(text) if p]
    clause = text
    if pieces and len(_words(pieces[0])) >= 3:
        clause = pieces[0]
    elif len(words) > MAX_WORDS:
        clause = " ".join(words[: MAX_WORDS + 4])
    if len(_words(clause)) > MAX_WORDS:  # headlines name people by surname
        for _, name in people:
            if len(name.split()) > 1:
                clause = clause.replace(name, name.split()[-1])
    title = _shorten(clause.strip(" ,.;:")).strip(" ,.;:“”\"'")
    return title[:1].upper() + title[1:] if title else " ".join(_words(sentence)[:MAX_WORDS])
