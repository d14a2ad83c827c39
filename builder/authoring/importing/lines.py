"""What one line of a news page is, by its shape alone: boilerplate, a credit, a byline, a dateline …

These are the rules the importer guesses with; each is a plain pattern so that the command can say
which one fired. Names come back as written: the writer matches them to actors.
"""

from __future__ import annotations

import datetime
import re

from builder.authoring.relative_dates import find_date_expressions, resolve_relative
from builder.model.dates import DateError, parse_date

_SHORT = 15  # boilerplate is short: a long paragraph that starts like it is article text

# A comment section: everything after it up to the next article is readers' text, not the article's.
COMMENT_FORM = re.compile(
    r"(?i)(leave a (reply|comment)|post a comment|add a comment|join the (conversation|discussion)"
    r"|\d+ comments?|comments( \(\d+\))?|show comments|view comments)\.?"
)
_BOILERPLATE = [
    ("comment form", re.compile(r"(?i)(you must be logged in|log in|sign in|register) to (post a )?comment.*")),
    ("share buttons", re.compile(r"(?i)(share( this( article| story| page)?)?( on \w+| via \w+)?:?"
                                 r"|tweet|e-?mail|print|copy link|facebook|twitter|linkedin|whatsapp|reddit)")),
    ("newsletter prompt", re.compile(r"(?i)(sign up|subscribe|get (our|the) .*newsletter|newsletter).*")),
    ("advertisement", re.compile(r"(?i)advertisement|sponsored( content)?|skip (to|advertisement).*")),
    ("site navigation", re.compile(r"(?i)(most (popular|read|viewed)|related (articles|stories|content)"
                                   r"|more on this story|you (may|might) also like|recommended( for you)?"
                                   r"|follow us( on .*)?|click here to .*|back to top)")),
    ("copyright notice", re.compile(r"(?i)(©|copyright\b|all rights reserved).*")),
    ("editorial policy", re.compile(r"(?i)(our standards|editorial (standards|guidelines)|trust principles)\b.*")),
]
ASIDE = re.compile(r"(?i)(read more|related|see also|also read|read also|more on this)\s*[:：]\s*\S.*")
BULLET = re.compile(r"\s*[•●▪◦‣∙·*–-]\s+\S.*")
DATELINE = re.compile(r"(?i)(first )?(published|updated|last updated|last modified|posted)(\s+on)?\b[:\s].*")
_ISO_DATE = re.compile(r"\b(\d{4}-\d{2}-\d{2})(?:[T ][0-9:.]+(?:Z|[+-][0-9:]+)?)?\b")

_CREDIT_LABEL = (r"(?:Photograph|Photographer|Photo|Photography|Picture|Image|Illustration|Video|Credit"
                 r"|Composite|Graphic)s?")
CREDIT = re.compile(rf"(?P<label>{_CREDIT_LABEL})\s*:\s*(?P<who>\S.{{0,100}})|(?P<by_label>Photo|Picture|Image)"
                    r"\s+by\s+(?P<by_who>\S.{0,100})|\(?(?P<agency>AP|AFP|Reuters|EPA)\s+Photo/(?P<shooter>[^)]+)\)?")
# "… on Wednesday. Photograph: AP": a caption and its credit on one line
CAPTION_WITH_CREDIT = re.compile(rf"(?P<caption>.*?[.!?”\"’)])\s+(?P<credit>{_CREDIT_LABEL}\s*:\s*[^.]{{1,100}})")
_ROLES = {"photographer": "photographer", "illustration": "illustration", "video": "video", "credit": "credit",
          "graphic": "graphic", "composite": "composite"}

_PARTICLES = {"al", "el", "bin", "ibn", "de", "del", "der", "da", "di", "du", "la", "le", "van", "von", "ben"}
_CONTRIBUTION = re.compile(
    r"(?i)[—–-]?\s*(?:with\s+)?(?P<what>assistance|additional reporting|reporting|writing|editing|research"
    r"|translation|translated)\s+(?:by|from)\s+(?P<names>.+)"
)
_CONTRIBUTION_ROLES = {"additional reporting": "reporting", "translated": "translation"}
_CLOSERS = "\"”’')]»"
_FINAL_PUNCTUATION = ".!?:;,…"


def boilerplate(text: str) -> str:
    """Why a line is boilerplate ("share buttons" …), or an empty string when it is not."""
    if len(text.split()) > _SHORT:
        return ""
    stripped = text.strip()
    if COMMENT_FORM.fullmatch(stripped):
        return "comment form"
    return next((reason for reason, pattern in _BOILERPLATE if pattern.fullmatch(stripped)), "")


def looks_like_heading(text: str, max_words: int) -> bool:
    """A single short line that starts like a title and does not end like a sentence."""
    words = text.split()
    if "\n" in text or not 0 < len(words) <= max_words or BULLET.fullmatch(text):
        return False
    ending = text.rstrip().rstrip(_CLOSERS)
    return bool(ending) and ending[-1] not in _FINAL_PUNCTUATION and (text.lstrip()[0].isupper()
                                                                       or text.lstrip()[0].isdigit())


def single_sentence(text: str) -> bool:
    return not re.search(r"[.!?][\"”’]?\s+[A-Z“\"‘]", text.strip())


def names(text: str) -> list[str]:
    """"Anthony Halpin and Jane Doe in Beirut" → the names; [] when any part is not a name."""
    text = text.strip().rstrip(".")
    found = []
    for chunk in re.split(r"\s*,\s*|\s+and\s+|\s*&\s*", text):
        chunk = re.sub(r"\s+in\s+[A-Z][\w\s.'’-]*$", "", chunk).strip()  # "Martin Chulov in Beirut"
        words = chunk.split()
        if not 0 < len(words) <= 5 or not all(_name_word(word) for word in words):
            return []
        found.append(chunk)
    return found


def _name_word(word: str) -> bool:
    """"Halpin", "McGurk", "al-Assad", "O’Brien", "J." and particles such as "van"."""
    if word.lower() in _PARTICLES:
        return True
    head = word.split("-", 1)[-1] if word[:1].islower() and "-" in word else word
    return head[:1].isupper() and all(c.isalpha() or c in ".'’-" for c in head)


def byline(text: str) -> tuple[list[str], list[tuple[str, str]]] | None:
    """Authors and (name, role) contributions of a byline line, or None when it is not one."""
    stripped = text.strip()
    if "\n" in stripped or len(stripped.split()) > 20:
        return None
    if stripped.lower().startswith("by "):
        authors = names(stripped[3:])
        return (authors, []) if authors else None
    contributions = []
    for clause in re.split(r"\s*;\s*", stripped):
        match = _CONTRIBUTION.fullmatch(clause)
        people = names(match.group("names")) if match else []
        if not match or not people:
            return None
        what = match.group("what").lower()
        contributions += [(name, _CONTRIBUTION_ROLES.get(what, what)) for name in people]
    return [], contributions


def credit(text: str) -> list[tuple[str, str]] | None:
    """(name, role) pairs of a photo credit line, or None when it is not one.

    "Aref Tammawi/AFP via Getty Images" names the photographer, then the agency, then the distributor.
    """
    match = CREDIT.fullmatch(text.strip())
    if not match or len(text.split()) > _SHORT:
        return None
    if match.group("agency"):
        return [(match.group("shooter").strip(), "photographer"), (match.group("agency"), "photo agency")]
    label = (match.group("label") or match.group("by_label")).lower().rstrip("s")
    role = _ROLES.get(label, "photograph")
    who = (match.group("who") or match.group("by_who")).strip().rstrip(".")
    who, _, distributor = who.partition(" via ")
    people = [part.strip() for part in who.split("/") if part.strip()]
    result = [(people[0], role)] if people else []
    result += [(agency, "photo agency") for agency in people[1:]]
    if distributor.strip():
        result.append((distributor.strip(), "photo distributor"))
    return result


def date_in(text: str) -> str:
    """The first full or month date in a dateline or metadata value, as EDTF; "" when none."""
    iso = _ISO_DATE.search(text)
    if iso:
        try:
            parse_date(iso.group(1))
            return iso.group(1)
        except DateError:
            return ""
    for expression in find_date_expressions(text):
        # absolute dates do not depend on the reference day
        resolution = resolve_relative(expression, datetime.date(2000, 1, 1))
        if resolution and re.search(r"\b\d{4}\b", expression):
            return resolution.edtf
    return ""
