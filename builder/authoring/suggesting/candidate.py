"""A candidate name and the state every name rule shares: the spans already named, the candidates
found so far, and how one more is added."""

from __future__ import annotations

from dataclasses import dataclass, field

from builder.authoring.suggesting.gazetteer import Gazetteer, GazetteerPlace, plain
from builder.authoring.suggesting.passages import ArticleText


@dataclass
class Candidate:
    name: str
    kind: str  # an actor kind, or "place"
    forms: set[str] = field(default_factory=set)
    title: str = ""
    place: GazetteerPlace | None = None  # countries are both an actor (the state) and a place
    mentions: list[tuple[str, int, int, int]] = field(default_factory=list)  # (article id, passage, start, end)
    evidence: str = ""  # the words that made it a candidate, for the reviewer
    country: str = ""  # "Turkish troops": the state whose body this is
    known_id: str = ""  # an actor or place the project already has
    fixed_id: str = ""  # the id an article's front matter already uses for it
    place_kind: str = ""  # "building", "site": a facility named in the story
    within: Candidate | None = None  # a facility's city: where the article was filed

    @property
    def key(self) -> str:
        return plain(self.name)



class FinderState:
    """What the rule mixins (:mod:`framing`, :mod:`classify`) and :class:`names.NameFinder` share."""

    midsentence: set[str]  # capitalised words seen inside a sentence
    countries_mentioned: set[str]
    city: Candidate | None  # the dateline's city

    def __init__(self, text: ArticleText, gazetteer: Gazetteer, known: list[tuple[int, int, int]]) -> None:
        self.text = text
        self.gazetteer = gazetteer
        self.known = list(known)  # spans already named: by known actors and places, then by earlier rules
        self.lowercase = text.lowercase_words()
        self.candidates: dict[tuple[str, str], Candidate] = {}

    def add(self, name: str, kind: str, passage: int, start: int, end: int, *, form: str = "", title: str = "",
            place: GazetteerPlace | None = None, evidence: str = "", country: str = "") -> Candidate:
        group = "place" if kind == "place" else "actor"
        self.known.append((passage, start, end))  # a span names one thing
        candidate = self.candidates.setdefault((group, plain(name)), Candidate(name, kind, place=place))
        candidate.forms.add(form or name)
        candidate.mentions.append((self.text.article.id, passage, start, end))
        candidate.title = candidate.title or title
        candidate.evidence = candidate.evidence or evidence
        candidate.country = candidate.country or country
        return candidate

    def _covered(self, passage: int, start: int, end: int) -> bool:
        return any(p == passage and s < end and start < e for p, s, e in self.known)

