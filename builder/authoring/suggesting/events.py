"""Candidate events: sentences that say when something happened, dated against the publication day.

- Each date expression ("on Wednesday", "until the end of February", "in September 2018") gives
  an event, resolved by :mod:`builder.authoring.relative_dates`, with the words as written and how
  they were resolved. Dates in figures ("14/02/2024") are read by :mod:`numeric_dates`.
- The future looks ahead within its clause ("will face Shelton on Friday after Shelton beat Sonego
  on Tuesday"), and so do fixtures ("Ireland play Scotland on Saturday") and settings ("set
  sentencing for Sept. 12": the coming one).
- A date that names a thing dates no event: "the death toll from Friday's earthquake rose on
  Saturday" is Saturday's figure, "the 2025 budget" no event in 2025.
- A sentence without one but in the present perfect ("Moscow has demanded …") happened by
  publication: ``../<published>``.
- Reported speech with no date (a quote with its speaker, or a name next to "said", "posted",
  "according to" …) is dated to the publication day, marked uncertain (``?``): news reports what
  was said that day or the day before, and the draft says it assumed so.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from builder.authoring.relative_dates import Resolution, find_date_expressions, resolve_relative
from builder.authoring.suggesting.datelines import find_dateline
from builder.authoring.suggesting.headlines import guess_type, headline
from builder.authoring.suggesting.names import Candidate
from builder.authoring.suggesting.numeric_dates import numeric_dates
from builder.authoring.suggesting.passages import ArticleText, Sentence
from builder.authoring.suggesting.quotes import REPORTING, Mention, QuoteCandidate
from builder.model.dates import parse_date

_PRESENT_PERFECT = re.compile(r"\b(?:has|have)\s+(?:(?:so far|already|now|also|been|long)\s+)*(\w+(?:ed|en|wn|ne|t))\b")
_REPORTED = re.compile(rf"\b{REPORTING}\b")
# "Ireland play Scotland on Saturday": a fixture, in the present tense, is ahead
# ("the final is on Friday", "the marathon finishes at X on Saturday", "a holiday for Friday")
_FIXTURE = (r"|\b(?:play|plays|host|hosts|face|faces|travel|travels|meet|meets|starts|begins|finishes|resumes)\b"
            r"|\b(?:is|are)\s+(?:on\s+)?$|\bfor\s+$")
# "allies would discuss … on Wednesday": a bare weekday in the future tense is the one after publication
_FUTURE = re.compile(r"\b(?:will|would|is to|are to|is due to|are due to|plans? to|is expected to|are expected to"
                     r"|is scheduled to|are scheduled to|set \w+ for|scheduled for|adjourned until|postponed to)\b"
                     + _FIXTURE)
# "will face Shelton on Friday after Shelton beat Sonego on Tuesday": the future ends with its clause
_CLAUSE_BREAK = re.compile(r"[,;]|\b(?:after|since|when|because|as|while|but|following)\b")
# "a revised 2025 budget", "a 2022 result": a year before a noun names the thing, it dates no event
_YEAR_PREPOSITION = re.compile(r"\b(?:in|since|by|until|till|from|of|during|for|through|before|after|between|and|to"
                               r"|early|late|mid|around)\s*$", re.IGNORECASE)
_POSSESSIVE = re.compile(r"^[’']s\b")
_OF_A_THING = re.compile(r"\b(?:from|of|since|after|before|in|by|over|about)\s+$", re.IGNORECASE)
# "sentenced to two years", "a pay rise over four years": a bare duration in running text is a length,
# not a date to count back
_BARE_DURATION = re.compile(r"(?i)(?:(?:more\s+than|nearly|almost|about|some|over)\s+)?(?!last\b|next\b|this\b|past\b)"
                            r"\w+\s+(?:years?|months?)")
_ATTRIBUTED = re.compile(r"\b(?:said|says|told\s+\w+|announced|reported|confirmed)\s+$")
_BARE_WEEKDAY = re.compile(r"(?i)(?:on\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)")


@dataclass
class EventCandidate:
    article: str
    sentence: Sentence
    line: int
    date: str
    date_text: str
    date_note: str
    actors: list[Candidate] = field(default_factory=list)
    places: list[Candidate] = field(default_factory=list)
    quotes: list[QuoteCandidate] = field(default_factory=list)
    reports: list[EventCandidate] = field(default_factory=list)  # the same happening in other articles

    @property
    def sentences(self) -> list[Sentence]:
        return [self.sentence, *(other.sentence for other in self.reports)]

    @property
    def articles(self) -> list[str]:
        return list(dict.fromkeys([self.article, *(other.article for other in self.reports)]))

    @property
    def title(self) -> str:
        people = [(actor.title, actor.name) for actor in self.actors if actor.kind == "person"]
        return headline(self.sentence.text, people, self.date_text)

    @property
    def type(self) -> str:
        return guess_type(self.sentence.text)


def _future(before: str) -> str:
    """The future-tense words governing a date written after ``before``, if no clause break comes between."""
    found = list(_FUTURE.finditer(before))
    if not found or _CLAUSE_BREAK.search(before[found[-1].end() :]):
        return ""
    return found[-1].group()


def _ahead(expression: str, day: datetime.date, future: str) -> Resolution | None:
    """ "set sentencing for Sept. 12" in May: the coming 12 September, not the last one."""
    for year in (day.year, day.year + 1):
        resolution = resolve_relative(f"{expression} {year}", day)
        if resolution and resolution.edtf >= day.isoformat():
            note = f"'{expression}': the next such day after publication ({_weekday_date(day)}), future: '{future}'"
            return Resolution(resolution.edtf, note)
    return None


def _weekday_date(day: datetime.date) -> str:
    return f"{day.strftime('%a')} {parse_date(day.isoformat()).display()}"


def find_events(text: ArticleText, mentions: list[Mention], quotes: list[QuoteCandidate]) -> list[EventCandidate]:
    published = text.article.published
    if published is None or published.lower is None:
        return []
    day = published.lower
    events: list[EventCandidate] = []
    for sentence in text.sentences:
        passage = text.passages[sentence.passage]
        if passage.kind == "byline":
            continue
        line = passage.line + passage.text[: sentence.start].count("\n")
        inside = [m for m in mentions if m.passage == sentence.passage and sentence.start <= m.start < sentence.end]
        dateline = find_dateline(sentence.text)
        if dateline:  # the agency that filed the story takes no part in what happened
            inside = [m for m in inside if m.start >= sentence.start + dateline.end or m.candidate.kind == "place"]
        said = [q for q in quotes if q.passage == sentence.passage and sentence.start <= q.start < sentence.end]
        # "SEATTLE, Sept 13 (Reuters) -": the day the story was filed, not a happening's
        dated = " " * dateline.end + sentence.text[dateline.end :] if dateline else sentence.text
        figures = numeric_dates(dated)
        found = [(date.edtf, date.text, date.note) for date in figures]
        expressions = find_date_expressions(dated)
        for expression in expressions:
            if any(expression in date.text for date in figures):
                continue  # "2024" of "14/02/2024": dateparser read the whole date
            if _BARE_DURATION.fullmatch(expression):
                continue
            at = dated.find(expression)
            before, after = dated[:at], dated[at + len(expression) :]
            if len(expressions) > 1 and _ATTRIBUTED.search(before) and re.fullmatch(r"[\s.”\"’']*", after):
                continue  # "… swept through Asheville on Friday, officials said Monday.": when it was told, not news
            if _POSSESSIVE.match(after) and _OF_A_THING.search(before):
                continue  # "the death toll from Friday's earthquake rose on Saturday": Friday is another event's
            if re.fullmatch(r"\d{4}", expression) and not _YEAR_PREPOSITION.search(before):
                continue
            resolution = resolve_relative(expression, day)
            weekday = _BARE_WEEKDAY.fullmatch(expression)
            future = _future(before)
            later_today = weekday and re.search(r"\blater\s*$", before) and resolution and resolution.edtf == str(day)
            if weekday and future and not later_today and (ahead := resolve_relative(f"next {weekday.group(1)}", day)):
                words = f"'{expression}' (future: '{future}')"
                resolution = Resolution(ahead.edtf, ahead.note.replace(f"'next {weekday.group(1)}'", words))
            elif future and resolution and resolution.edtf < day.isoformat() and not re.search(r"\d{4}", expression):
                resolution = _ahead(expression, day, future) or resolution
            if resolution:
                found.append((resolution.edtf, expression, resolution.note))
        if not found and (perfect := _PRESENT_PERFECT.search(sentence.text)) and inside:
            note = f"'{perfect.group()}': present perfect, so by publication ({_weekday_date(day)}); no date given"
            found.append((f"../{day.isoformat()}", perfect.group(), note))
        reported = any(q.speaker for q in said) or (_REPORTED.search(sentence.text) and
                                                     any(m.candidate.kind != "place" for m in inside))
        if not found and reported:
            note = (f"Not dated in the text: said in an article published {_weekday_date(day)}, "
                    "assumed that day (check)")
            found.append((f"{day.isoformat()}?", "(reported speech, no date)", note))
        if any(re.fullmatch(r"\d{4}-\d{2}-\d{2}", date) for date, _, _ in found):
            # "on Thursday jailed … for rigging rates between 2015 and 2017": the day is the news, the
            # years before it are background, not events of their own
            found = [entry for entry in found if not re.fullmatch(r"(?:\.\./)?\d{4}(?:/(?:\.\.|\d{4}))?", entry[0])
                     or entry[0].strip("./") > day.isoformat()[:4]]
        for date, date_text, note in found:
            event = EventCandidate(text.article.id, sentence, line, date, date_text, note)
            event.actors = _unique(m.candidate for m in inside if m.candidate.kind != "place")
            event.places = _unique(m.candidate for m in inside if m.candidate.kind == "place" or m.candidate.place)
            event.quotes = [q for q in said if q.speaker]
            events.append(event)
    return events


def _unique(candidates: Iterable[Candidate]) -> list[Candidate]:
    seen: dict[int, Candidate] = {}
    for candidate in candidates:
        seen.setdefault(id(candidate), candidate)
    return list(seen.values())
