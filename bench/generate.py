#!/usr/bin/env python3
"""Write a deterministic synthetic timeline project, for benchmarks and scale tests.

    python bench/generate.py --events N --actors A --articles R --out DIR [--seed S] [--places P] [--force]

DIR receives a ``mkdocs.yml`` (the repository's, pointed at the repository's ``theme/``) and a
``content/`` tree that passes ``python -m builder check`` and ``mkdocs build --strict``:

- places: a tree of countries, regions and towns, with coordinates, one ``.yml`` list per country;
- actors: states, governments, armed forces and groups, organisations, media outlets and people,
  with unique invented names (and aliases for about 30%), in ``.yml`` lists of 200 plus some ``.md``
  files; participation in events follows a Zipf-like law, so a few hubs appear in thousands of events;
- articles: 5–15 paragraphs of plausible filler that mention actors and places by name and contain,
  verbatim, every passage the events quote and the relations cite;
- events: dates of every precision (days, months, years, approximate, uncertain, ranges, open ends)
  with ``date_text`` and ``date_note``, actors with roles, places, sources, quotes, ``part_of`` and
  ``related``; most as ``.md`` files, some in ``.yml`` lists;
- relations between actors over time, each citing an article, about half with a verbatim passage.

The same arguments always give byte-identical files: everything is drawn from one
``random.Random(seed)`` in a fixed order, and nothing depends on the clock or on hash order.
"""

from __future__ import annotations

import argparse
import datetime
import json
import re
import shutil
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from random import Random

ROOT = Path(__file__).resolve().parent.parent
FIRST_DAY = datetime.date(2011, 3, 1)  # articles from here on, so that dates resolved before them stay in 2011
LAST_DAY = datetime.date(2024, 12, 31)
MIN_DATE = datetime.date(2011, 1, 1)
ACTORS_PER_FILE = 200
EVENTS_PER_FILE = 200
RELATIONS_PER_FILE = 500

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")

# --- invented names ------------------------------------------------------------------------------

ONSETS = ("b", "br", "d", "dr", "f", "g", "gr", "h", "k", "kr", "l", "m", "n", "p", "r", "s", "st", "t", "tr", "v",
          "z", "th", "sk", "vr")
VOWELS = ("a", "e", "i", "o", "u", "ae", "ei", "ou")
CODAS = ("", "", "n", "r", "s", "l", "k", "rk", "nd", "sk", "th", "m", "rn", "st", "v")
FIRST_NAMES = (
    "Halvard", "Ysolde", "Brannoc", "Ilse", "Teodor", "Maren", "Casimir", "Oriane", "Leopold", "Signe", "Anselm",
    "Liesl", "Dorian", "Annika", "Benedek", "Rosalind", "Matthias", "Elodie", "Konrad", "Vesna", "Emeric", "Thora",
    "Lucan", "Greta", "Florian", "Noemi", "Aurel", "Katrin", "Osric", "Ida", "Valentin", "Mirela", "Jorund",
    "Solveig", "Anton", "Petra", "Ruben", "Linnea", "Cyprian", "Dagny", "Imre", "Zofia", "Bartholomew", "Hedda",
    "Severin", "Alma", "Tobias", "Ines", "Marek", "Yara",
)
EMBLEMS = ("Kestrel", "Falcon", "Granite", "Ember", "Cedar", "Storm", "Raven", "Viper", "Thistle", "Juniper",
           "Basalt", "Harrier", "Lynx", "Osprey", "Tempest", "Obsidian", "Heron", "Sable", "Cobalt", "Aspen", "Flint",
           "Comet", "Marten", "Bramble")
# Real words the syllable generator can produce; names must never be ordinary words.
_COMMON = """
baron salon demon lemon melon tenor rotor motor sonar lunar tuna rumor humor taken token woken bison bacon
lagos tamil tibet benin gabon sudan oman peru laos nepal haiti delhi tokyo rome paris milan basra mosul
doha kabul sana baku kiev minsk riga oslo bern sofia vienna madrid dublin cairo tunis lima quito
label camel hotel motel model modern lumber number timber member tender render vendor donor honor manor
their being reign reigns vein veins rein reins weigh eight neither either seize heist feint deity skate skin
skull skill skid skim skirt krill kraken maestro aegis algae
"""
# Every invented word carries one of these, which ordinary English words almost never do.
_MARKERS = re.compile(r"ae|ei|^vr|^kr")
COMMON_WORDS = frozenset(_COMMON.split())

# Actor names by kind: {W} a fresh invented word, {C} a country, {A} its adjective, {E} an emblem.
STATE_NAMES = ("Republic of {C}", "Kingdom of {C}", "Federation of {C}", "Principality of {C}", "Union of {C}")
KIND_NAMES: dict[str, tuple[str, ...]] = {
    "government": ("Government of {C}", "{A} Ministry of Defence", "{A} Foreign Ministry", "{A} Interior Ministry",
                   "Ministry of {W}", "Council of {W}", "Presidency of {C}", "{A} Cabinet", "Office of {W} Affairs"),
    "armed-force": ("{A} Armed Forces", "{A} Air Force", "{A} Navy", "{A} Border Guard", "{W} Division",
                    "{E} Regiment of {C}", "{A} Gendarmerie", "{W} Garrison"),
    "armed-group": ("{W} Liberation Front", "{E} Brigade", "{W} Resistance Movement", "Army of {W}",
                    "{A} Popular Militia", "{E} Battalion", "Sons of {W}", "{W} Defence Units"),
    "organisation": ("{W} Foundation", "{W} Relief Committee", "Observatory for {W} Rights", "{W} Institute for Peace",
                     "{A} Red Crescent", "{W} Trade Union", "{W} Monitoring Group", "{W} Council of Elders",
                     "Friends of {W}"),
    "media-outlet": ("{W} Herald", "{W} Times", "{W} Daily", "{A} News Agency", "Radio {W}", "{W} Post",
                     "{W} Observer", "{W} Broadcasting", "{A} Television"),
}
# Share of the actors of each kind (people take the rest) and its minimum.
KIND_SHARES = (("media-outlet", 0.04, 2), ("government", 0.07, 1), ("armed-force", 0.06, 1),
               ("armed-group", 0.08, 1), ("organisation", 0.08, 1))
# Zipf rank: hubs are mostly states, governments and forces; outlets rarely take part in events.
KIND_PRIORITY = {"state": 0.0, "government": 0.6, "armed-force": 0.8, "armed-group": 1.4, "organisation": 1.6,
                 "person": 1.8, "media-outlet": 4.0}
AFFILIATION_ROLES = {
    "state": ("President", "Prime Minister", "Ambassador", "Envoy"),
    "government": ("Minister", "Spokesperson", "Deputy Minister", "Adviser"),
    "armed-force": ("Commander", "Spokesperson", "General", "Chief of Staff"),
    "armed-group": ("Leader", "Commander", "Spokesperson", "Founder"),
    "organisation": ("Director", "Spokesperson", "Researcher", "Chair"),
}

# --- events --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class EventType:
    roles: tuple[str, str, tuple[str, ...]]  # first actor, second actor, any further actor
    titles_one: tuple[str, ...]
    titles_two: tuple[str, ...]
    reports: tuple[str, ...]  # {who}: the actors' names, {where}: the places, {when}: date_text
    weight: int


EVENT_TYPES: dict[str, EventType] = {
    "clash": EventType(("attacker", "target", ("participant", "witness")),
                       ("{a} comes under fire near {p}", "Fighting involving {a} in {p}"),
                       ("{a} and {b} clash near {p}", "Fighting between {a} and {b} in {p}"),
                       ("Fighting broke out involving {who} near {where} {when}, according to witnesses.",
                        "{who} exchanged fire in {where} {when}, local sources said."), 18),
    "statement": EventType(("speaker", "subject", ("subject",)),
                           ("{a} issues a statement on {p}", "{a} comments on the situation in {p}"),
                           ("{a} accuses {b} over {p}", "{a} responds to {b} on {p}"),
                           ("{who} commented publicly on events in {where} {when}.",
                            "Statements from {who} about {where} were published {when}."), 22),
    "meeting": EventType(("host", "participant", ("participant",)),
                         ("{a} holds talks in {p}", "{a} convenes a meeting in {p}"),
                         ("{a} meets {b} in {p}", "Talks between {a} and {b} in {p}"),
                         ("{who} met in {where} {when} for talks that lasted several hours.",
                          "Talks involving {who} took place in {where} {when}."), 14),
    "agreement": EventType(("signatory", "signatory", ("mediator", "guarantor")),
                           ("{a} announces an agreement on {p}",),
                           ("{a} and {b} sign an agreement on {p}", "Deal between {a} and {b} over {p}"),
                           ("An agreement on {where} was reached {when} by {who}.",
                            "{who} signed a deal covering {where} {when}."), 6),
    "offensive": EventType(("attacker", "target", ("participant", "supporter")),
                           ("{a} launches an offensive on {p}", "{a} advances on {p}"),
                           ("{a} launches an offensive against {b} in {p}", "{a} pushes {b} back from {p}"),
                           ("An offensive involving {who} began around {where} {when}.",
                            "{who} were reported to be advancing on {where} {when}."), 9),
    "protest": EventType(("organiser", "target", ("participant",)),
                         ("Protest in {p} organised by {a}", "{a} supporters rally in {p}"),
                         ("{a} protests against {b} in {p}", "Demonstration in {p} against {b} by {a}"),
                         ("Crowds gathered in {where} {when}; organisers named {who}.",
                          "A protest involving {who} filled the streets of {where} {when}."), 7),
    "sanctions": EventType(("sanctioning", "target", ("target",)),
                           ("{a} announces sanctions over {p}",),
                           ("{a} imposes sanctions on {b}", "{a} targets {b} with sanctions over {p}"),
                           ("Sanctions involving {who} over {where} were announced {when}.",), 5),
    "ceasefire": EventType(("party", "party", ("mediator", "guarantor")),
                           ("{a} declares a ceasefire in {p}",),
                           ("{a} and {b} agree a ceasefire in {p}", "Truce between {a} and {b} around {p}"),
                           ("A ceasefire around {where} took effect {when}, with {who} involved.",), 5),
    "deadline": EventType(("issuer", "subject", ("subject",)),
                          ("{a} sets a deadline over {p}",),
                          ("{a} gives {b} a deadline over {p}", "{a} demands that {b} leave {p}"),
                          ("A deadline over {where} was set {when}, involving {who}.",), 4),
    "deployment": EventType(("participant", "host", ("participant",)),
                            ("{a} deploys to {p}", "{a} sends reinforcements to {p}"),
                            ("{a} deploys alongside {b} in {p}", "{a} reinforces {b} near {p}"),
                            ("Reinforcements from {who} arrived in {where} {when}.",), 10),
}
TAGS = ("civilians", "humanitarian", "diplomacy", "border", "checkpoint", "convoy", "air-strike", "displacement",
        "negotiations", "economy", "elections", "prisoners", "aid", "ceasefire-violation", "media", "energy")
COMMENTARY = (
    "The sources agree on the outline of events but not on who started it.",
    "Only one source reports this; it could not be confirmed independently.",
    "Casualty figures differ between the accounts; each is shown as given.",
    "The date is resolved from the article's own wording, as the note explains.",
    "Part of a longer sequence of events; see the parent event for context.",
    "Later reports add detail but do not change the main account.",
)

# --- article text --------------------------------------------------------------------------------

FILLER = (
    "The situation remained tense on {weekday}, witnesses said.",
    "Roads into the area were closed for {n} days, according to residents.",
    "Officials declined to comment on the reports.",
    "It was not possible to verify the claims independently.",
    "Prices for fuel and bread have risen sharply in recent weeks.",
    "Aid workers said supplies were running low.",
    "The figures could not be confirmed.",
    "Several families left their homes overnight, local sources said.",
    "Diplomats described the talks as difficult but necessary.",
    "A spokesperson said further details would be released later.",
    "Analysts said the move was likely to deepen the crisis.",
    "The region’s economy has been badly hit by years of conflict.",
    "Schools stayed shut for a {ordinal} day in a row.",
    "Hospitals reported a shortage of fuel for their generators.",
)
FILLER_NAMED = (
    "Residents of {place} said the roads had been closed for {n} days.",
    "Officials in {place} declined to comment.",
    "{actor} did not respond to a request for comment.",
    "{actor} has not commented publicly on the matter.",
    "The move was seen as a setback for {actor}, analysts said.",
    "Analysts said the step was likely to strain relations between {actor} and {actor2}.",
    "Shops in {place} reopened on {weekday} after {n} days of closures.",
    "Around {n} people gathered in {place} to mourn the dead.",
    "{actor} and {actor2} have been at odds over {place} for years.",
    "Earlier reports from {place} suggested that {actor} had withdrawn.",
    "According to {actor}, at least {n} people were wounded near {place}.",
    "Journalists were barred from entering {place}, a correspondent said.",
    "The road between {place} and {place2} was cut for most of the week.",
    "A statement attributed to {actor} circulated widely on {weekday}.",
)
QUOTE_CORES = (
    "we will not allow {place} to become a bargaining chip",
    "the attack on {place} was a clear violation of the agreement",
    "talks with {actor} remain the only way forward",
    "our forces acted in self-defence",
    "there is no military solution to this crisis",
    "we have received no guarantees from {actor}",
    "the situation in {place} is deteriorating by the hour",
    "civilians are paying the price for this escalation",
    "we call on all sides to exercise restraint",
    "these accusations are baseless and we reject them",
    "nobody has informed us of any withdrawal",
    "the convoy was never meant to enter {place}",
    "we won’t negotiate under fire",
    "{actor} bears full responsibility for what happened",
    "the ceasefire is holding, for now",
    "we are ready to resume talks at any moment",
    "the road to {place} must stay open for aid",
    "our patience has limits",
    "the people of {place} deserve better than this",
    "we did not fire the first shot",
)
QUOTE_TAILS = ("", "", "", " this week", " despite the pressure", " and everyone knows it", ", and we have said so",
               " after {n} days of this")
RELATION_SENTENCES = {
    "backs": ("{s} has backed {o} since {year}", "{s} has long supported {o}"),
    "opposes": ("{s} has repeatedly opposed {o}", "{s} has been at odds with {o} since {year}"),
    "allied-with": ("{s} is allied with {o}", "{s} has fought alongside {o} since {year}"),
    "member-of": ("{s} is a member of {o}", "{s} joined {o} in {year}"),
}
RELATION_WEIGHTS = (("backs", 35), ("opposes", 30), ("allied-with", 20), ("member-of", 15))
ATTRIBUTIONS = ("officials said", "diplomats said", "according to analysts", "people familiar with the matter said",
                "documents seen by reporters show")
TYPOS = (("goverment", "government"), ("recieved", "received"), ("occured", "occurred"),
         ("withdrawl", "withdrawal"), ("ceasfire", "ceasefire"))
HEADLINES = ("Tension rises in {place}", "Fears grow for civilians in {place}", "Uneasy calm returns to {place}",
             "What we know about the situation in {place}", "Residents of {place} count the cost")

_WORDS = re.compile(r"[A-Za-z]+")
_SLUG_DROP = re.compile(r"[^a-z0-9]+")


def slug(text: str, limit: int = 70) -> str:
    value = _SLUG_DROP.sub("-", text.lower()).strip("-")
    if len(value) > limit:
        value = value[:limit].rsplit("-", 1)[0]
    return value


def reserved_vocabulary() -> frozenset[str]:
    """Every word of the text templates (lower case): invented names must avoid them all."""
    texts: list[str] = [*FILLER, *FILLER_NAMED, *QUOTE_CORES, *QUOTE_TAILS, *COMMENTARY, *ATTRIBUTIONS, *HEADLINES,
                        *WEEKDAYS, *MONTHS, *FIRST_NAMES, *EMBLEMS, *TAGS, *STATE_NAMES]
    for names in KIND_NAMES.values():
        texts += names
    for kind in EVENT_TYPES.values():
        texts += [*kind.titles_one, *kind.titles_two, *kind.reports]
    for pair in RELATION_SENTENCES.values():
        texts += pair
    for roles in AFFILIATION_ROLES.values():
        texts += roles
    words = {word.lower() for text in texts for word in _WORDS.findall(text)}
    return frozenset(words | COMMON_WORDS | {"said", "says", "according", "photograph", "by", "province"})


class Namer:
    """Invented words and names, each used once across the whole project."""

    def __init__(self, rng: Random) -> None:
        self.rng = rng
        self.reserved = reserved_vocabulary()
        self.words: set[str] = set()  # invented words handed out (lower case)
        self.names: set[str] = set()  # every name and alias of every actor and place
        self.slugs: dict[str, set[str]] = {"actor": set(), "place": set()}

    def word(self, syllables: int | None = None) -> str:
        rng = self.rng
        while True:
            count = syllables or rng.choice((1, 2, 2, 2, 3))
            parts = [rng.choice(ONSETS) + rng.choice(VOWELS) for _ in range(count)]
            if count == 1 or rng.random() < 0.5:
                parts.append(rng.choice(CODAS[2:] if count == 1 else CODAS))
            text = "".join(parts)
            if (len(text) >= 4 and _MARKERS.search(text) and text not in self.reserved
                    and text not in self.words):
                self.words.add(text)
                return text.capitalize()

    def claim(self, name: str, kind: str) -> str | None:
        """The id for ``name`` if both are still free (and then they are taken), else None."""
        id_ = slug(name, 80)
        if name in self.names or not id_ or id_ in self.slugs[kind] or id_ == "index":
            return None
        self.names.add(name)
        self.slugs[kind].add(id_)
        return id_

    def alias(self, alias: str) -> bool:
        if alias in self.names or alias.lower() in self.reserved:
            return False
        self.names.add(alias)
        return True


def adjective(country: str) -> str:
    if country.endswith("a"):
        return country + "n"
    if country[-1] in "eiou":
        return country + "an"
    return country + "ian"


def acronym(name: str) -> str:
    return "".join(word[0] for word in name.split() if word[0].isupper())


# --- the model -----------------------------------------------------------------------------------


@dataclass
class Place:
    id: str
    name: str
    kind: str
    within: int | None
    lat: float
    lon: float
    precision: str
    country: int
    aliases: list[str] = field(default_factory=list)
    description: str = ""


@dataclass
class Actor:
    id: str
    name: str
    kind: str
    country: int  # index of a country place, -1 when none
    aliases: list[str] = field(default_factory=list)
    title: str = ""
    summary: str = ""
    affiliations: list[tuple[int, str, str]] = field(default_factory=list)  # actor, role, date
    description: str = ""


@dataclass
class Quote:
    by: int
    article: int
    text: str
    kind: str = "direct"  # "reported": the reporter's sentence about what was said (issue 18)


@dataclass
class Event:
    id: str
    title: str
    date: str
    date_text: str
    date_note: str
    type: str
    tags: list[str]
    places: list[int]
    actors: list[tuple[int, str]]
    sources: list[int]
    part_of: int | None = None
    related: list[int] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    commentary: str = ""


@dataclass
class Relation:
    id: str
    subject: int
    type: str
    object: int
    date: str
    date_text: str
    date_note: str
    article: int
    text: str
    places: list[int]
    note: str = ""


@dataclass
class Article:
    id: str
    publisher: int
    published: datetime.date
    title: str = ""
    authors: list[int] = field(default_factory=list)
    contributors: list[tuple[int, str]] = field(default_factory=list)
    note: str = ""
    corrections: list[tuple[str, str]] = field(default_factory=list)
    units: list[list[str]] = field(default_factory=list)  # sentences that must appear, one unit per paragraph
    lead: str = ""  # what the article is mostly about, for its headline


@dataclass
class Project:
    places: list[Place] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)


def published_text(day: datetime.date) -> str:
    return f"{WEEKDAYS[day.weekday()][:3]} {day.day} {MONTHS[day.month][:3]} {day.year}"


def month_text(year: int, month: int) -> str:
    return f"{MONTHS[month]} {year}"


def last_of_month(year: int, month: int) -> datetime.date:
    following = datetime.date(year + (month == 12), month % 12 + 1, 1)
    return following - datetime.timedelta(days=1)


def months_back(day: datetime.date, count: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 - count
    year, month = divmod(index, 12)
    if (year, month + 1) < (MIN_DATE.year, MIN_DATE.month):
        return MIN_DATE.year, MIN_DATE.month
    return year, month + 1


def event_date(rng: Random, pub: datetime.date) -> tuple[str, str, str]:
    """(EDTF, date_text, date_note) for something reported in an article published on ``pub``."""
    seen = published_text(pub)
    roll = rng.random()
    if roll < 0.58:  # a day
        day = max(MIN_DATE, pub - datetime.timedelta(days=rng.choice((0, 0, 1, 1, 2, 2, 3, 4, 5, 6, 9, 14, 21, 40))))
        back = (pub - day).days
        if back == 0:
            text = rng.choice(("today", f"on {WEEKDAYS[day.weekday()]}", "earlier today"))
            note = f"'{text}' = the day of publication ({seen})"
        elif back < 7:
            text = "yesterday" if back == 1 and rng.random() < 0.4 else f"on {WEEKDAYS[day.weekday()]}"
            note = f"'{text}': {back} day{'s' * (back > 1)} before publication; article published {seen}"
        else:
            text = f"on {day.day} {MONTHS[day.month]}" + (f" {day.year}" if day.year != pub.year else "")
            note = f"'{text}'; year from the publication date ({seen})" if day.year == pub.year else "date as given"
        return day.isoformat(), text, note
    if roll < 0.70:  # a month
        back = rng.choice((0, 0, 1, 1, 2, 3))
        year, month = months_back(pub, back)
        if back == 0:
            text, note = "this month", f"the month of publication ({seen})"
        elif back == 1:
            text, note = "last month", f"the month before publication ({seen})"
        else:
            text, note = f"in {MONTHS[month]}", f"the last {MONTHS[month]} before publication ({seen})"
        return f"{year}-{month:02d}", text, note
    if roll < 0.76:  # a year
        year = max(MIN_DATE.year, pub.year - rng.randint(0, 4))
        return str(year), f"in {year}", "only the year is given"
    if roll < 0.81:  # approximate
        year = max(MIN_DATE.year, pub.year - rng.randint(1, 6))
        span = pub.year - year
        if span > 1 and rng.random() < 0.5:
            return f"{year}~", f"some {span} years ago", f"about {span} years before publication ({seen})"
        return f"{year}~", f"around {year}", "approximate in the source"
    if roll < 0.86:  # uncertain
        year, month = months_back(pub, rng.randint(1, 14))
        return (f"{year}-{month:02d}?", f"reportedly in {month_text(year, month)}",
                "reported by one source only; not confirmed")
    if roll < 0.93:  # a range of days
        end = max(MIN_DATE + datetime.timedelta(days=7), pub - datetime.timedelta(days=rng.randint(0, 10)))
        start = end - datetime.timedelta(days=rng.randint(1, 6))
        if start.month == end.month:
            text = f"between {start.day} and {end.day} {MONTHS[end.month]}"
        else:
            text = f"from {start.day} {MONTHS[start.month]} to {end.day} {MONTHS[end.month]}"
        return f"{start.isoformat()}/{end.isoformat()}", text, f"year from the publication date ({seen})"
    if roll < 0.965:  # open start: a deadline
        year, month = pub.year, pub.month
        if rng.random() < 0.5:
            year, month = year + (month == 12), month % 12 + 1
        end = last_of_month(year, month)
        return (f"../{end.isoformat()}", f"by the end of {MONTHS[month]}",
                f"deadline: the last day of {month_text(year, month)}")
    year = max(MIN_DATE.year, pub.year - rng.randint(0, 8))  # open end
    return f"{year}/..", f"since {year}", f"ongoing at publication ({seen})"


def span_date(rng: Random, latest: datetime.date) -> tuple[str, str, str]:
    """(EDTF, date_text, date_note) for a relation or an affiliation that held up to ``latest``."""
    first = MIN_DATE.year
    last = max(first, latest.year)
    roll = rng.random()
    if roll < 0.3:
        y1 = rng.randint(first, last)
        m1 = rng.randint(1, 12)
        y2 = rng.randint(y1, last)
        m2 = rng.randint(m1 if y2 == y1 else 1, 12)
        return (f"{y1}-{m1:02d}/{y2}-{m2:02d}", f"from {month_text(y1, m1)} to {month_text(y2, m2)}",
                "both ends given by the source")
    if roll < 0.55:
        year, month = rng.randint(first, last), rng.randint(1, 12)
        return f"{year}-{month:02d}/..", f"since {month_text(year, month)}", "ongoing at publication"
    if roll < 0.7:
        year = rng.randint(first, last)
        return f"{year}~", f"around {year}", "approximate in the source"
    if roll < 0.85:
        year, month = rng.randint(first, last), rng.randint(1, 12)
        return f"{year}-{month:02d}", f"in {month_text(year, month)}", "as of that month"
    y1 = rng.randint(first, last)
    y2 = rng.randint(y1, last)
    if y1 == y2:
        return str(y1), f"in {y1}", "only the year is given"
    return f"{y1}/{y2}", f"between {y1} and {y2}", "years as given"


class Generator:
    def __init__(self, events: int, actors: int, articles: int, places: int, seed: int) -> None:
        self.n_events, self.n_actors, self.n_articles, self.n_places = events, actors, articles, places
        self.seed = seed
        self.rng = Random(seed)
        self.namer = Namer(self.rng)
        self.p = Project()
        self.countries: list[int] = []
        self.towns: list[int] = []
        self.regions: list[int] = []
        self.actor_cum: list[float] = []
        self.by_kind: dict[str, list[int]] = {}
        self.journalists: dict[int, list[int]] = {}
        self.quoted: dict[int, set[str]] = {}  # per article, the passages it quotes (casefolded)

    # -- places --

    def make_places(self) -> None:
        rng, namer, places = self.rng, self.namer, self.p.places
        n_countries = max(3, round(self.n_places * 0.06))
        n_regions = max(n_countries, round(self.n_places * 0.3))
        n_towns = self.n_places - n_countries - n_regions
        for _ in range(n_countries):
            while True:
                name = namer.word(rng.choice((2, 3)))
                id_ = namer.claim(name, "place")
                if id_:
                    break
            namer.words.add(adjective(name).lower())
            lat, lon = rng.uniform(-35, 60), rng.uniform(-120, 150)
            index = len(places)
            places.append(Place(id_, name, "country", None, round(lat, 2), round(lon, 2), "country", index,
                                description="A country of the synthetic world."))
            self.countries.append(index)
        for number in range(n_regions):
            parent = self.countries[number] if number < n_countries else rng.choice(self.countries)
            self.regions.append(self._child(parent, "region", 3.0, "region"))
        for _ in range(n_towns):
            parent = rng.choice(self.regions)
            kind = rng.choice(("city", "town", "town", "village", "village", "site"))
            precision = rng.choice(("settlement",) * 7 + ("approximate", "approximate", "exact", "district"))
            self.towns.append(self._child(parent, kind, 0.8, precision))
        for place in places:  # aliases for about 30%
            if rng.random() < 0.3:
                alias = f"{place.name} province" if place.kind == "region" else place.name + rng.choice(("e", "h"))
                if namer.alias(alias):
                    place.aliases.append(alias)

    def _child(self, parent: int, kind: str, spread: float, precision: str) -> int:
        rng, places = self.rng, self.p.places
        while True:
            name = self.namer.word()
            id_ = self.namer.claim(name, "place")
            if id_:
                break
        up = places[parent]
        lat = min(89.0, max(-89.0, up.lat + rng.uniform(-spread, spread)))
        lon = min(179.0, max(-179.0, up.lon + rng.uniform(-spread, spread)))
        places.append(Place(id_, name, kind, parent, round(lat, 4), round(lon, 4), precision, up.country,
                            description=f"A {kind} in {up.name}."))
        return len(places) - 1

    # -- actors --

    def make_actors(self) -> None:
        rng, namer, places, actors = self.rng, self.namer, self.p.places, self.p.actors
        counts = {kind: max(minimum, round(self.n_actors * share)) for kind, share, minimum in KIND_SHARES}
        counts["state"] = min(len(self.countries), max(1, round(self.n_actors * 0.03)))
        counts["person"] = self.n_actors - sum(counts.values())
        if counts["person"] < 1:
            raise SystemExit("--actors is too small for the mix of kinds (use at least 10)")
        for number in range(counts["state"]):
            country = self.countries[number]
            template = rng.choice(STATE_NAMES)
            name = template.format(C=places[country].name)
            id_ = namer.claim(name, "actor")
            assert id_ is not None  # country names are unique
            actor = Actor(id_, name, "state", country, summary=f"The state of {places[country].name}.")
            alias = f"{adjective(places[country].name)} state"
            if rng.random() < 0.3 and namer.alias(alias):
                actor.aliases.append(alias)
            actors.append(actor)
        for kind in ("government", "armed-force", "armed-group", "organisation", "media-outlet"):
            for _ in range(counts[kind]):
                actors.append(self._named_actor(kind))
        for _ in range(counts["person"]):
            while True:
                surname = namer.word()
                name = f"{rng.choice(FIRST_NAMES)} {surname}"
                id_ = namer.claim(name, "actor")
                if id_:
                    break
            actor = Actor(id_, name, "person", rng.choice(self.countries))
            if rng.random() < 0.3:
                alias = surname if rng.random() < 0.6 else f"{name[0]}. {surname}"
                if namer.alias(alias):
                    actor.aliases.append(alias)
            actors.append(actor)
        for index, actor in enumerate(actors):
            self.by_kind.setdefault(actor.kind, []).append(index)
        # Zipf-like participation: weight 1 / rank^1.1, hubs mostly states, governments and forces.
        order = sorted(range(len(actors)), key=lambda i: (KIND_PRIORITY[actors[i].kind] + rng.random() * 2.5, i))
        weights = [0.0] * len(actors)
        for rank, index in enumerate(order, start=1):
            weights[index] = 1 / rank**1.1
        total = 0.0
        for weight in weights:
            total += weight
            self.actor_cum.append(total)
        self._affiliate(order)

    def _named_actor(self, kind: str) -> Actor:
        rng, namer, places = self.rng, self.namer, self.p.places
        while True:
            country = rng.choice(self.countries)
            template = rng.choice(KIND_NAMES[kind])
            name = template.format(C=places[country].name, A=adjective(places[country].name),
                                   E=rng.choice(EMBLEMS), W=namer.word() if "{W}" in template else "")
            id_ = namer.claim(name, "actor")
            if id_:
                break
        label = kind.replace("-", " ")
        article = "An" if label[0] in "aeiou" else "A"
        actor = Actor(id_, name, kind, country, summary=f"{article} {label} based in {places[country].name}.")
        short = acronym(name)
        if rng.random() < 0.3 and len(short) >= 2 and namer.alias(short):
            actor.aliases.append(short)
        return actor

    def _affiliate(self, order: list[int]) -> None:
        """Journalists for the outlets (the least prominent people), roles for many other people."""
        rng, actors = self.rng, self.p.actors
        people = [i for i in reversed(order) if actors[i].kind == "person"]
        outlets = self.by_kind["media-outlet"]
        self.journalists = {outlet: [] for outlet in outlets}
        spare = len(people) // 4
        for number, person in enumerate(people[: min(spare, 2 * len(outlets))]):
            outlet = outlets[number % len(outlets)]
            self.journalists[outlet].append(person)
            date = span_date(rng, LAST_DAY)[0]
            actors[person].affiliations.append((outlet, "Correspondent", date))
            actors[person].title = f"Correspondent, {actors[outlet].name}"
        bodies = [i for i in range(len(actors)) if actors[i].kind in AFFILIATION_ROLES]
        for person in people:
            if actors[person].affiliations or rng.random() > 0.6:
                continue
            target = rng.choice(bodies)
            role = rng.choice(AFFILIATION_ROLES[actors[target].kind])
            actors[person].affiliations.append((target, role, span_date(rng, LAST_DAY)[0]))
            actors[person].title = f"{role}, {actors[target].name}"
            actors[person].summary = f"{role} of the {actors[target].name}."
        for actor in actors:
            if actor.kind == "person" and not actor.summary:
                actor.summary = f"A person from {self.p.places[actor.country].name}."

    def mention(self, index: int) -> str:
        """How running text names an actor: "the Kestrel Brigade", but "Halvard Orsk" and "Radio Tarn"."""
        actor = self.p.actors[index]
        return actor.name if actor.kind in ("person", "media-outlet") else f"the {actor.name}"

    def pick_actors(self, count: int) -> list[int]:
        chosen: list[int] = []
        for _ in range(count * 6):
            index = self.rng.choices(range(len(self.actor_cum)), cum_weights=self.actor_cum)[0]
            if index not in chosen:
                chosen.append(index)
                if len(chosen) == count:
                    break
        return chosen

    def pick_place(self) -> int:
        roll = self.rng.random()
        pool = self.towns if roll < 0.7 and self.towns else self.regions if roll < 0.9 else self.countries
        return self.rng.choice(pool)

    # -- articles, events, relations --

    def make_articles(self) -> None:
        rng, actors = self.rng, self.p.actors
        outlets = self.by_kind["media-outlet"]
        outlet_cum: list[float] = []
        total = 0.0
        for rank in range(len(outlets)):
            total += 1 / (rank + 1) ** 0.8
            outlet_cum.append(total)
        span = (LAST_DAY - FIRST_DAY).days
        days = sorted(FIRST_DAY + datetime.timedelta(days=rng.randint(0, span)) for _ in range(self.n_articles))
        taken: set[str] = set()
        for day in days:
            publisher = rng.choices(outlets, cum_weights=outlet_cum)[0]
            id_ = f"{slug(actors[publisher].name, 40)}-{day.isoformat()}"
            suffix = 2
            while id_ in taken:
                id_ = f"{slug(actors[publisher].name, 40)}-{day.isoformat()}-{suffix}"
                suffix += 1
            taken.add(id_)
            article = Article(id_, publisher, day)
            writers = self.journalists[publisher]
            if writers and rng.random() < 0.5:
                article.authors = rng.sample(writers, min(len(writers), rng.choice((1, 1, 2))))
            if len(outlets) > 1 and rng.random() < 0.1:
                agency = rng.choice([o for o in outlets if o != publisher])
                article.contributors.append((agency, rng.choice(("photograph", "reporting", "video"))))
            if rng.random() < 0.05:
                article.corrections.append(rng.choice(TYPOS))
            if rng.random() < 0.05:
                article.note = "The headline is descriptive; the source file has none."
            self.p.articles.append(article)

    def make_events(self) -> None:
        rng, p = self.rng, self.p
        kinds = list(EVENT_TYPES)
        kind_weights = [EVENT_TYPES[k].weight for k in kinds]
        taken: set[str] = set()
        n_articles = len(p.articles)
        for number in range(self.n_events):
            source = rng.randrange(n_articles)
            sources = [source]
            if rng.random() < 0.3 and source + 1 < n_articles:
                sources.append(min(n_articles - 1, source + rng.randint(1, 20)))
            date, date_text, date_note = event_date(rng, p.articles[source].published)
            kind = rng.choices(kinds, weights=kind_weights)[0]
            spec = EVENT_TYPES[kind]
            who = self.pick_actors(rng.choices((1, 2, 3, 4, 5, 6), weights=(15, 35, 25, 13, 8, 4))[0])
            roles = [spec.roles[0] if i == 0 else spec.roles[1] if i == 1 else rng.choice(spec.roles[2])
                     for i in range(len(who))]
            first = self.pick_place()
            where = [first]
            for _ in range(rng.choices((0, 1, 2), weights=(60, 30, 10))[0]):
                up = p.places[where[-1]].within
                extra = up if up is not None and rng.random() < 0.6 else self.pick_place()
                if extra not in where:
                    where.append(extra)
            names = [p.actors[i].name for i in who]
            mentions = [self.mention(i) for i in who]
            place_name = p.places[first].name
            if len(who) > 1:
                title = rng.choice(spec.titles_two).format(a=names[0], b=names[1], p=place_name)
            else:
                title = rng.choice(spec.titles_one).format(a=names[0], p=place_name)
            id_ = slug(title)
            if id_ in taken:
                id_ = f"{id_}-{number + 1}"
            taken.add(id_)
            tags = sorted(set(rng.sample(TAGS, rng.randint(0, 2))) | {kind if kind != "clash" else "fighting"})
            event = Event(id_, title, date, date_text, date_note, kind, tags, where, list(zip(who, roles, strict=True)),
                          sorted(set(sources)))
            if number and rng.random() < 0.1:
                event.part_of = rng.randrange(number)
            if self.n_events > 1 and rng.random() < 0.1:
                for _ in range(rng.randint(1, 2)):
                    other = rng.randrange(self.n_events)
                    if other != number and other not in event.related:
                        event.related.append(other)
            if rng.random() < 0.6:
                event.commentary = rng.choice(COMMENTARY)
            p.events.append(event)
            # The sentences that report it in each source, and the quotes drawn from them.
            report_where = " and ".join(p.places[i].name for i in where[:2])
            report_who = ", ".join(mentions[:-1]) + (" and " if len(mentions) > 1 else "") + mentions[-1]
            quoting = rng.random() < 0.5
            speakers = [i for i in who if p.actors[i].kind in ("person", "government", "organisation", "state")]
            for article in event.sources:
                unit = [rng.choice(spec.reports).format(who=report_who, where=report_where, when=date_text)]
                unit[0] = unit[0][0].upper() + unit[0][1:]
                if quoting and (article == event.sources[0] or rng.random() < 0.5):
                    for _ in range(rng.choice((1, 1, 2, 3)) if article == event.sources[0] else 1):
                        by = rng.choice(speakers or who)
                        sentence, text, kind = self.quote_sentence(by, where)
                        # A passage quoted twice in an article (or inside a longer one) is anchored at its
                        # first occurrence, which may be the other form (reported vs in quotation marks).
                        seen = self.quoted.setdefault(article, set())
                        folded = text.casefold()
                        if any(folded in other or other in folded for other in seen):
                            continue
                        seen.add(folded)
                        unit.append(sentence)
                        event.quotes.append(Quote(by, article, text, kind))
                p.articles[article].units.append(unit)
                if not p.articles[article].lead:
                    p.articles[article].lead = title

    def fill(self, template: str, where: Sequence[int] = (), *, sentence: bool = True) -> str:
        """The template with invented names and numbers; a sentence starts with a capital."""
        rng, p = self.rng, self.p
        places = [*where[:1], self.pick_place(), self.pick_place(), self.pick_place()]
        pair = self.pick_actors(2)
        a1 = pair[0]
        a2 = pair[1] if len(pair) > 1 else (a1 + 1) % len(p.actors)
        p2 = places[1] if places[1] != places[0] else places[2]
        text = template.format(place=p.places[places[0]].name, place2=p.places[p2].name, actor=self.mention(a1),
                               actor2=self.mention(a2), n=rng.randint(2, 40), weekday=rng.choice(WEEKDAYS),
                               ordinal=rng.choice(("second", "third", "fourth", "fifth")))
        return text[0].upper() + text[1:] if sentence else text

    def quote_sentence(self, by: int, where: Sequence[int]) -> tuple[str, str, str]:
        """A sentence of the article that quotes ``by``, the verbatim passage an event cites, and its kind."""
        rng = self.rng
        fragment = self.fill(rng.choice(QUOTE_CORES) + rng.choice(QUOTE_TAILS), where[:1], sentence=False)
        speaker = self.mention(by)
        sentence_speaker = speaker[0].upper() + speaker[1:]
        left, right = ("“", "”") if rng.random() < 0.6 else ('"', '"')
        form = rng.randrange(4)
        if form == 0:
            return f"{sentence_speaker} said {left}{fragment}{right}.", fragment, "direct"
        capital = fragment[0].upper() + fragment[1:]
        if form == 1:
            return f"{left}{capital}{right}, {speaker} told reporters.", capital, "direct"
        if form == 2:
            return f"In a statement, {speaker} said that {fragment}.", fragment, "reported"
        return f"{sentence_speaker} added: {left}{capital}.{right}", capital, "direct"

    def make_relations(self) -> None:
        rng, p = self.rng, self.p
        types = [t for t, _ in RELATION_WEIGHTS]
        type_weights = [w for _, w in RELATION_WEIGHTS]
        members = [i for i, a in enumerate(p.actors) if a.kind in ("person", "armed-group", "armed-force", "state")]
        bodies = [i for i, a in enumerate(p.actors) if a.kind in ("organisation", "armed-group", "government")]
        taken: set[str] = set()
        wanted = self.n_actors // 2
        attempts = 0
        while len(p.relations) < wanted and attempts < wanted * 20:
            attempts += 1
            kind = rng.choices(types, weights=type_weights)[0]
            if kind == "member-of":
                subject, object_ = rng.choice(members), rng.choice(bodies)
            else:
                pair = self.pick_actors(2)
                if len(pair) < 2:
                    continue
                subject, object_ = pair
            id_ = f"{p.actors[subject].id}-{kind}-{p.actors[object_].id}"
            if subject == object_ or id_ in taken:
                continue
            taken.add(id_)
            article = rng.randrange(len(p.articles))
            date, date_text, date_note = span_date(rng, p.articles[article].published)
            relation = Relation(id_, subject, kind, object_, date, date_text, date_note, article, "",
                                [self.pick_place()] if rng.random() < 0.3 else [])
            if rng.random() < 0.5:
                year = date[:4] if date[:4].isdigit() else str(p.articles[article].published.year)
                passage = rng.choice(RELATION_SENTENCES[kind]).format(s=self.mention(subject),
                                                                     o=self.mention(object_), year=year)
                passage = passage[0].upper() + passage[1:]
                relation.text = passage
                p.articles[article].units.append([f"{passage}, {rng.choice(ATTRIBUTIONS)}."])
            if rng.random() < 0.2:
                relation.note = "Stated in passing; no other source confirms it."
            p.relations.append(relation)

    # -- article bodies --

    def write_bodies(self, emit: Callable[[Article, str], None]) -> None:
        """Each article's body, handed to ``emit`` as soon as it is made and then let go of: at L the
        bodies alone would hold over 100 MB of text until the end."""
        rng, p = self.rng, self.p
        for article in p.articles:
            units = list(article.units)
            for typo, _ in article.corrections:
                units.append([f"The {typo} statement was {rng.choice(('delayed', 'read aloud', 'withdrawn'))}."])
            if rng.random() < 0.1:
                government = self.by_kind.get("government", [0])
                actor = p.actors[rng.choice(government)]
                units.append([f"Officials at [the ministry](actor:{actor.id}) declined to comment."])
            if rng.random() < 0.03:
                place = p.places[self.pick_place()]
                units.append([f"A café called [{place.name}](-) was also mentioned; it has no link to the town."])
            target = rng.randint(5, 15)
            while len(units) > 15:  # merge neighbours so the body keeps at most 15 paragraphs
                at = rng.randrange(len(units) - 1)
                units[at : at + 2] = [units[at] + units[at + 1]]
            while len(units) < target:
                filler = [self.filler() for _ in range(rng.randint(1, 3))]
                units.insert(rng.randint(0, len(units)), filler)
            paragraphs = []
            for unit in units:
                sentences = list(unit)
                if rng.random() < 0.5:
                    sentences.insert(rng.randint(0, len(sentences)), self.filler())
                joiner = "\n" if rng.random() < 0.15 else " "  # running text: a line break is a space
                paragraphs.append(joiner.join(sentences))
            before, after = self.fenced(article)
            article.title = self.headline(article)
            emit(article, "\n\n".join([*before, *paragraphs, *after]) + "\n")
            article.units = []

    def filler(self) -> str:
        rng = self.rng
        if rng.random() < 0.55:
            return self.fill(rng.choice(FILLER_NAMED))
        return self.fill(rng.choice(FILLER))

    def fenced(self, article: Article) -> tuple[list[str], list[str]]:
        """The blocks before the running text (a standfirst) and after it (caption, credit, posts, byline)."""
        rng, p = self.rng, self.p
        before, blocks = [], []
        if rng.random() < 0.3:
            before.append(f"::: standfirst\n• {self.filler()}\n\n• {self.filler()}\n:::")
        if rng.random() < 0.2:
            place = p.places[self.pick_place()]
            credit = p.actors[rng.choice(self.by_kind["media-outlet"])].name
            when = month_text(article.published.year, article.published.month)
            blocks.append(f"::: caption\nA street in {place.name} in {when}.\n:::")
            blocks.append(f"::: credit\nPhotograph: {credit}\n:::")
        if rng.random() < 0.05:
            poster = p.actors[self.pick_actors(1)[0]]
            blocks.append(f"::: embed post by={poster.id}\n{self.filler()}\n— {poster.name}\n:::")
        if article.authors:
            names = " and ".join(p.actors[a].name for a in article.authors)
            blocks.append(f"::: byline\nBy {names}\n:::")
        return before, blocks

    def headline(self, article: Article) -> str:
        if article.lead:
            return article.lead
        return self.rng.choice(HEADLINES).format(place=self.p.places[self.pick_place()].name)

    def generate(self, emit: Callable[[Article, str], None]) -> Project:
        self.make_places()
        self.make_actors()
        self.make_articles()
        self.make_events()
        self.make_relations()
        self.write_bodies(emit)
        return self.p


# --- writing ---------------------------------------------------------------------------------------

Value = str | list[str] | list[dict[str, str]] | dict[str, object]


def q(value: object) -> str:
    """JSON, which is valid YAML: strings quoted, lists and mappings in flow style."""
    return json.dumps(value, ensure_ascii=False)


def fields_yaml(pairs: Iterable[tuple[str, Value | None]], indent: str = "") -> list[str]:
    """``key: value`` lines; lists of mappings as block lists of flow mappings; empty values left out."""
    lines: list[str] = []
    for key, value in pairs:
        if value is None or value == "" or value == []:
            continue
        if isinstance(value, list) and isinstance(value[0], dict):
            lines.append(f"{indent}{key}:")
            lines += [f"{indent}  - {q(item)}" for item in value]
        else:
            lines.append(f"{indent}{key}: {q(value)}")
    return lines


def markdown_file(pairs: Iterable[tuple[str, Value | None]], body: str) -> str:
    return "\n".join(["---", *fields_yaml(pairs), "---", body.rstrip("\n"), ""])


def yaml_list(items: Iterable[list[tuple[str, Value | None]]], comment: str) -> str:
    lines = [f"# {comment}", ""]
    for pairs in items:
        item = fields_yaml(pairs, "  ")
        lines.append("- " + item[0][2:])
        lines += item[1:]
        lines.append("")
    return "\n".join(lines)


def chunks(items: Sequence[object], size: int) -> list[range]:
    return [range(start, min(start + size, len(items))) for start in range(0, len(items), size)]


class Writer:
    def __init__(self, project: Project, out: Path, seed: int) -> None:
        self.p, self.out, self.seed = project, out, seed
        self.files = 0

    def write(self, relative: str, text: str) -> None:
        path = self.out / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
        self.files += 1

    def actor_fields(self, actor: Actor, with_id: bool) -> list[tuple[str, Value | None]]:
        actors = self.p.actors
        affiliations = [{"actor": actors[a].id, "role": role, "date": date} for a, role, date in actor.affiliations]
        return [("id", actor.id if with_id else None), ("name", actor.name), ("aliases", actor.aliases),
                ("kind", actor.kind), ("title", actor.title), ("summary", actor.summary),
                ("affiliations", affiliations), ("description", actor.description if with_id else None)]

    def event_fields(self, event: Event, with_id: bool) -> list[tuple[str, Value | None]]:
        p = self.p
        quotes = [{"by": p.actors[x.by].id, "article": p.articles[x.article].id, "text": x.text,
                   **({"kind": x.kind} if x.kind != "direct" else {})} for x in event.quotes]
        return [
            ("id", event.id if with_id else None), ("title", event.title), ("date", event.date),
            ("date_text", event.date_text), ("date_note", event.date_note), ("type", event.type), ("tags", event.tags),
            ("places", [p.places[i].id for i in event.places]),
            ("actors", [{"actor": p.actors[i].id, "role": role} for i, role in event.actors]),
            ("part_of", p.events[event.part_of].id if event.part_of is not None else None),
            ("related", [p.events[i].id for i in event.related]),
            ("sources", [p.articles[i].id for i in event.sources]), ("quotes", quotes),
            ("commentary", event.commentary if with_id else None),
        ]

    def write_article(self, article: Article, body: str) -> None:
        p = self.p
        pairs: list[tuple[str, Value | None]] = [
            ("title", article.title), ("publisher", p.actors[article.publisher].id),
            ("authors", [p.actors[i].id for i in article.authors]),
            ("contributors", [{"actor": p.actors[i].id, "role": role} for i, role in article.contributors]),
            ("published", article.published.isoformat()),
            ("url", f"https://{slug(p.actors[article.publisher].name)}.example/{article.id}"),
            ("accessed", (article.published + datetime.timedelta(days=3)).isoformat()), ("language", "en"),
            ("note", article.note),
            ("corrections", [{"text": t, "correction": c} for t, c in article.corrections]),
        ]
        self.write(f"content/articles/{article.id}.md", markdown_file(pairs, body))

    def write_all(self, events: int, actors: int, articles: int) -> None:
        p = self.p
        title = f"Synthetic timeline: {events} events, {actors} actors, {articles} articles"
        self.write("mkdocs.yml", mkdocs_config(title))
        self.write("content/site.yml", "\n".join([
            f"title: {q(title)}",
            "intro: |",
            f"  A generated project (seed {self.seed}) for measuring the builder at scale. Every name, place, "
            "article and event is invented.",
            "",
            "  Dates come in every precision the format allows; quotes are verbatim passages of the articles.",
            "",
        ]))
        self.write("content/pages/about.md", "\n".join([
            "# About", "",
            "This site is generated by `bench/generate.py` from a fixed random seed. The articles are filler text",
            "written to exercise the builder: they mention invented actors and places by name, and contain every",
            "passage that the events quote and the relations cite.", "",
        ]))
        by_country: dict[int, list[Place]] = {}
        for place in p.places:
            by_country.setdefault(place.country, []).append(place)
        for country, places in by_country.items():
            items: list[list[tuple[str, Value | None]]] = [
                [("id", x.id), ("name", x.name), ("aliases", x.aliases), ("kind", x.kind),
                 ("within", p.places[x.within].id if x.within is not None else None),
                 ("coordinates", {"lat": x.lat, "lon": x.lon, "precision": x.precision}),
                 ("description", x.description)] for x in places]
            self.write(f"content/places/{p.places[country].id}.yml",
                       yaml_list(items, f"Places in {p.places[country].name}"))
        as_markdown = [a for i, a in enumerate(p.actors) if i % 8 == 0]
        in_lists = [a for i, a in enumerate(p.actors) if i % 8 != 0]
        for actor in as_markdown:
            body = (f"{actor.name} is an invented {actor.kind.replace('-', ' ')} of the synthetic project. "
                    f"It is linked wherever its name occurs in an article.")
            self.write(f"content/actors/{actor.id}.md", markdown_file(self.actor_fields(actor, False), body))
        for number, span in enumerate(chunks(in_lists, ACTORS_PER_FILE), start=1):
            self.write(f"content/actors/actors-{number:03d}.yml",
                       yaml_list((self.actor_fields(in_lists[i], True) for i in span), f"Actors, part {number}"))
        listed = [e for i, e in enumerate(p.events) if i % 5 == 4]
        for number, event in enumerate(p.events):
            if number % 5 != 4:
                self.write(f"content/events/{event.id}.md",
                           markdown_file(self.event_fields(event, False), event.commentary))
        for number, span in enumerate(chunks(listed, EVENTS_PER_FILE), start=1):
            self.write(f"content/events/lists/events-{number:03d}.yml",
                       yaml_list((self.event_fields(listed[i], True) for i in span), f"Events, part {number}"))
        relations = p.relations
        for number, span in enumerate(chunks(relations, RELATIONS_PER_FILE), start=1):
            items = []
            for i in span:
                r = relations[i]
                source: dict[str, str] = {"article": p.articles[r.article].id}
                if r.text:
                    source["text"] = r.text
                sources: list[dict[str, str]] = [source]
                items.append([("id", r.id), ("subject", p.actors[r.subject].id), ("type", r.type),
                              ("object", p.actors[r.object].id), ("date", r.date), ("date_text", r.date_text),
                              ("date_note", r.date_note), ("places", [p.places[x].id for x in r.places]),
                              ("sources", sources), ("note", r.note)])
            self.write(f"content/relations/relations-{number:03d}.yml", yaml_list(items, f"Relations, part {number}"))


def mkdocs_config(site_name: str) -> str:
    """The repository's mkdocs.yml with this project's name and no site_url (the plugin brings the theme)."""
    lines = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    out: list[str] = []
    done: set[str] = set()
    for line in lines:
        if line.startswith("site_name:"):
            line = f"site_name: {q(site_name)}"
            done.add("site_name")
        elif line.startswith("site_description:"):
            line = f"site_description: {q('A generated project for benchmarks')}"
        elif line.startswith("site_url:"):
            while out and out[-1].startswith("#"):  # its comment goes with it
                out.pop()
            done.add("site_url")
            continue
        out.append(line)
    if "site_name" not in done:
        raise SystemExit(f"{ROOT / 'mkdocs.yml'}: expected site_name")
    return "\n".join(out) + "\n"


def prepare(out: Path, force: bool) -> None:
    if out.exists() and not out.is_dir():
        raise SystemExit(f"{out} exists and is not a directory")
    if out.is_dir() and any(out.iterdir()):
        if not force:
            raise SystemExit(f"{out} is not empty: choose an empty directory or pass --force")
        # Only what this script writes is replaced; anything else in DIR is left alone.
        shutil.rmtree(out / "content", ignore_errors=True)
        (out / "mkdocs.yml").unlink(missing_ok=True)
    out.mkdir(parents=True, exist_ok=True)


def positive(minimum: int) -> Callable[[str], int]:
    def parse(text: str) -> int:
        value = int(text)
        if value < minimum:
            raise argparse.ArgumentTypeError(f"must be at least {minimum}")
        return value
    return parse


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=positive(1), required=True)
    parser.add_argument("--actors", type=positive(10), required=True)
    parser.add_argument("--articles", type=positive(1), required=True)
    parser.add_argument("--places", type=positive(10), help="number of places (default: max(20, actors / 10))")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, required=True, help="the project directory to write")
    parser.add_argument("--force", action="store_true", help="replace content/ and mkdocs.yml in a non-empty DIR")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    places = args.places or max(20, args.actors // 10)
    prepare(args.out, args.force)
    generator = Generator(args.events, args.actors, args.articles, places, args.seed)
    writer = Writer(generator.p, args.out, args.seed)
    project = generator.generate(writer.write_article)
    writer.write_all(args.events, args.actors, args.articles)
    quotes = sum(len(e.quotes) for e in project.events)
    print(f"wrote {len(project.events)} events, {len(project.actors)} actors, {len(project.articles)} articles, "
          f"{len(project.places)} places, {len(project.relations)} relations, {quotes} quotes "
          f"({writer.files} files) to {args.out} in {time.perf_counter() - start:.1f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
