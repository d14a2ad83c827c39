"""Candidate actors and places in an article, found by rules a reviewer can follow.

- Runs of capitalised words are names ("Syrian Observatory for Human Rights"); a title inside or
  just before a run is split off ("Kremlin spokesman | Dmitry Peskov").
- Countries, their demonyms and cities come from the offline gazetteer. A city needs context to
  count (a place preposition before it, its country in the same article, or a million people):
  "Sana" the news agency is not Saña in Peru.
- Lower-case group phrases name bodies too: "Syrian government forces", "al-Qaeda militants".
- A lone surname joins the person it belongs to; an acronym joins the name it abbreviates.
- Wire copy: a dateline is a city, a country or state and an agency (:mod:`datelines`); "By X" is a
  person; middle initials and title abbreviations do not end a name ("Police Supt. Kemal Aydin",
  "Samuel R. Whitfield").
- A facility ("the Grand Orontes Hotel", "the Flins factory", "Lake Lure") is a place of kind
  building, site or district, within the dateline's city, with no coordinates.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field, replace

from builder.authoring.suggesting.datelines import find_dateline
from builder.authoring.suggesting.gazetteer import Gazetteer, GazetteerPlace, plain
from builder.authoring.suggesting.lexicon import (
    CONNECTORS,
    FACILITIES,
    FACILITY_NOUNS,
    GROUP_HEADS,
    GROUP_MODIFIERS,
    LOWER_PARTICLES,
    LOWER_TITLES,
    MONTH_NAMES,
    PARTICLES,
    PLACE_NOUNS,
    PLACE_PREFIXES,
    PLACE_PREPOSITIONS,
    SENTENCE_STARTERS,
    TITLE_OF,
    WATERS,
    WEEKDAYS,
    WORD_KIND,
)
from builder.authoring.suggesting.passages import BYLINE, ArticleText
from builder.authoring.suggesting.tokens import (
    PARTICLE,
    TOKEN,
    Token,
    capitalised,
    headline_case,
    is_title,
    names_a_body,
    tokenize,
    undated,
)

_COMPOUND = re.compile(r"^([^\W\d_][\w.]*)-(?:backed|led|based|allied|aligned|controlled|run|owned)$")
_BIG_CITY = 1_000_000


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



@functools.cache
def _group_patterns(gazetteer: Gazetteer) -> tuple[re.Pattern[str], ...]:
    """ "Syrian government forces", "Turkish-backed rebels": built once, not once per paragraph."""
    demonyms = "|".join(re.escape(word) for word in sorted(gazetteer.demonyms, key=len, reverse=True))
    heads = "|".join(sorted(GROUP_HEADS, key=len, reverse=True))
    modifiers = "|".join(GROUP_MODIFIERS)
    return (
        re.compile(rf"(?<![\w-])(?:{demonyms})(?:[’']s)?\s+(?:(?:{modifiers})\s+)?(?P<head>{heads})\b"),
        re.compile(rf"(?<![\w-])(?:[^\W\d_]+-(?:backed|led|allied|aligned)|pro-[a-z]+|al-[A-Z][a-z]+)\s+"
                   rf"(?P<head>{heads})\b"),
    )


class NameFinder:
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

    def find(self) -> list[Candidate]:
        # Capitalised words seen inside a sentence: a capitalised first word is a name only if seen there too.
        self.midsentence = {
            token.text for passage in self.text.passages for sentence in passage.sentences
            for token in tokenize(undated(sentence.text))[1:] if capitalised(token.text)
        }
        self.countries_mentioned = {
            country.name for passage in self.text.passages for word in TOKEN.findall(passage.text)
            if (country := self.gazetteer.country(word) or self.gazetteer.demonym(word))
        }
        self.city: Candidate | None = None
        first = next((i for i, p in enumerate(self.text.passages) if p.kind == "text"), None)
        if first is not None:
            self._dateline(first, self.text.passages[first].text)
        for index, passage in enumerate(self.text.passages):
            if passage.kind == "byline" and self._byline(index, passage.text):
                continue  # else a byline block of other words: "— With assistance by Anthony Halpin"
            self._groups(index, passage.text)
            self._regions(index, passage.text)
            for sentence in passage.sentences:
                if not headline_case(sentence.text):
                    self._runs(index, passage.text, sentence.start, sentence.end)
            self._acronyms(index, passage.text)
        return list(self.candidates.values())

    def _acronyms(self, index: int, text: str) -> None:
        """ "the Disaster and Emergency Management Authority, known as AFAD": one body, two names."""
        for candidate in list(self.candidates.values()):
            for _, passage, _, end in list(candidate.mentions):
                after = re.match(r",?\s+(?:known as|or)\s+([A-Z][A-Z.]{1,9})\b|\s+\(([A-Z][A-Z.]{1,9})\)", text[end:])
                if passage != index or candidate.kind in ("person", "place", "state") or after is None:
                    continue
                short = after.group(1) or after.group(2)
                other = self.candidates.pop(("actor", plain(short)), None)
                candidate.forms.add(short)
                if other is not None and other is not candidate:
                    candidate.mentions += other.mentions

    def _dateline(self, index: int, text: str) -> None:
        """ "ANTAKYA, Turkey (AP) —": the article's city, its country and the agency, each on its own."""
        dateline = find_dateline(text)
        if dateline is None:
            return
        place = self.gazetteer.city(dateline.city)
        if not self._covered(index, *dateline.city_span):  # else the project knows the city
            self.city = self.add(place.name if place else dateline.city, "place", index, *dateline.city_span,
                                 form=text[slice(*dateline.city_span)], place=place,
                                 evidence=f"dateline: {dateline.city}")
        country = self.gazetteer.country(dateline.region) if dateline.region else None
        state = self.gazetteer.region(dateline.region) if dateline.region else None
        if country and not self._covered(index, *dateline.region_span):
            self.add(country.name, "state", index, *dateline.region_span, form=dateline.region, place=country)
        elif state and not self._covered(index, *dateline.region_span):  # "Calif.": California
            self.add(state.name, "place", index, *dateline.region_span, form=dateline.region, place=state)
        if dateline.agency:
            self.add(dateline.agency, "media-outlet", index, *dateline.agency_span, form=dateline.agency_form,
                     evidence=f"the agency in the dateline: ({dateline.agency_form})")
        self.known.append((index, 0, dateline.end))  # a region such as "Calif." is no name to find either

    def _byline(self, index: int, text: str) -> bool:
        """ "By Maria Delgado", "By A and B": the reporters are people."""
        match = BYLINE.match(text.strip())
        if match is None:
            return False
        offset = text.index(match["names"])
        for found in re.finditer(r"[^\W\d_][\w’'.\-]*(?:\s+(?!and\b)[^\W\d_][\w’'.\-]*)+", match["names"]):
            self.add(found.group(), "person", index, offset + found.start(), offset + found.end(),
                     evidence=f"byline: {text.strip()}")
        return True

    def _groups(self, index: int, text: str) -> None:
        """Lower-case group phrases led by a demonym or a qualifier."""
        for pattern in _group_patterns(self.gazetteer):
            for match in pattern.finditer(text):
                if self._covered(index, match.start(), match.end()):
                    continue
                phrase = re.sub(r"[’']s\b", "", match.group())
                head = match["head"]
                first = phrase.split()[0]
                country = self.gazetteer.demonym(first) or self.gazetteer.country(first)
                name = country.name if country else ""
                self.add(phrase, GROUP_HEADS[head], index, match.start(), match.end(), evidence=match.group(),
                         country=name)
                if country and " government " in f" {phrase} " and not phrase.endswith("government"):
                    # "Syrian government forces" names the Syrian government as well
                    body = phrase[: phrase.index("government") + len("government")]
                    self.add(body, "government", index, match.start(), match.start() + len(body), country=name)

    def _regions(self, index: int, text: str) -> None:
        """Places named with a noun ("the village of Khirbet Ammu") or a direction ("north-east Syria")."""
        word = rf"(?:[A-Z][\w’'\-]*|{PARTICLES}-[A-Z][\w\-]*)"
        name = rf"({word}(?:\s+{word}){{0,3}})"
        nouns = "|".join(PLACE_NOUNS)
        for pattern in (rf"\b(?:{nouns})\s+of\s+{name}", rf"\b{name}\s+(?:{nouns})\b"):
            for match in re.finditer(pattern, text):
                found = match.group(1)
                first = found.split()[0]
                not_a_name = plain(first) in SENTENCE_STARTERS or self.gazetteer.demonym(first)  # "Syrian city"
                if not_a_name or self._covered(index, *match.span(1)):
                    continue
                place = self.gazetteer.city(found, aliases=True)
                if place and not re.search(r"\b(?:village|town|city)\b", match.group()):
                    place = replace(place, precision="region")  # "Donetsk region": the city is only its centre
                self.add(found, "place", index, *match.span(1), place=place, evidence=match.group())
        direction = r"\b((?:north|south|east|west|central)(?:-?(?:east|west))?(?:ern)?)[ -]([A-Z][a-z]+)\b"
        for match in re.finditer(direction, text):
            country = self.gazetteer.country(match.group(2))
            if country and not self._covered(index, *match.span()):
                self.add(match.group(), "place", index, *match.span(), evidence=match.group())

    def _runs(self, index: int, text: str, start: int, end: int) -> None:
        sentence = text[start:end]
        tokens = tokenize(sentence)
        run: list[Token] = []
        for position, token in enumerate(tokens):
            word = token.text
            gap = sentence[run[-1].end : token.start].strip() if run else ""
            joins = (gap in ("’s", "'s") and plain(word) in WORD_KIND) or (gap == "." and run[-1].abbreviated)
            if gap and not joins:  # "KYIV (Reuters": not one name
                self._flush(index, text, start, run, tokens)
                run = []
            if capitalised(word) and not _COMPOUND.match(word) and plain(word) not in WEEKDAYS | MONTH_NAMES:
                run.append(token)
            elif run and (word in CONNECTORS or (word == "and" and self._body_with_and(run, tokens[position + 1 :]))
                          or (word == "on" and names_a_body(run, tokens[position + 1 :]))) \
                    and position + 1 < len(tokens) and capitalised(tokens[position + 1].text):
                run.append(token)
                continue
            else:
                self._flush(index, text, start, run, tokens)
                run = []
                self._compound(index, start, token)
                continue
            following = tokens[position + 1].text if position + 1 < len(tokens) else ""
            # "the National Financial Prosecutor's Office" is one body's name
            joined = sentence[token.end : token.end + 2] in ("’s", "'s") and plain(following) in WORD_KIND \
                and capitalised(following)
            if token.breaks_after and not joined:
                self._flush(index, text, start, run, tokens)
                run = []
        self._flush(index, text, start, run, tokens)

    def _body_with_and(self, run: list[Token], rest: list[Token]) -> bool:
        """ "Disaster and Emergency Management Authority", "Department of Health and Human Services":
        "and" inside a body's name, not between names ("Scholz and Finance Minister Christian Lindner")."""
        following = []
        for token in rest:
            if not capitalised(token.text) or plain(token.text) in WEEKDAYS | MONTH_NAMES:
                break
            following.append(token.text)
            if token.breaks_after:
                break
        if run[-1].breaks_after or not following or any(is_title(word) for word in following) \
                or self._looks_like_person(following):
            return False
        if any(plain(t.text) in WORD_KIND for t in run):  # "Department of Health and Human Services"
            return any(t.text in ("of", "for") for t in run) and len(following) >= 2
        return WORD_KIND.get(plain(following[-1])) in ("government-agency", "organisation", "government")

    def _compound(self, index: int, offset: int, token: Token) -> None:
        """ "Russian-backed": a mention of the state."""
        match = _COMPOUND.match(token.text)
        country = match and (self.gazetteer.demonym(match.group(1)) or self.gazetteer.country(match.group(1)))
        if match and country:
            self.add(country.name, "state", index, offset + token.start, offset + token.start + len(match.group(1)),
                     form=match.group(1), place=country)

    def _flush(self, index: int, text: str, offset: int, run: list[Token], sentence: list[Token]) -> None:
        while run and run[-1].text in CONNECTORS | {"and", "on"}:
            run.pop()
        if not run:
            return
        before = text[max(offset, offset + run[0].start - 2) : offset + run[0].start].strip()
        at_start = run[0] is sentence[0] or before in ("", "“", '"', "‘", "(", "'", "—", "–", "-")
        if run[0].text in ("A", "An") and len(run) > 1:  # "A Paris court": the article is no part of a name
            self._flush(index, text, offset, run[1:], sentence)
            return
        if at_start and (plain(run[0].text) in SENTENCE_STARTERS or run[0].text.casefold() in self.lowercase):
            self._flush(index, text, offset, run[1:], sentence[1:])
            return
        lone = run[0].text
        in_gazetteer = self.gazetteer.country(lone) or self.gazetteer.city(lone)
        # "SpaceX", "NASA": their own capitals say they are names, wherever they stand
        marked = (len(lone) >= 3 and lone.isupper() and lone.isalpha()) or bool(re.search(r"[a-z][A-Z]", lone))
        if at_start and len(run) == 1 and lone not in self.midsentence and not in_gazetteer and not marked:
            return  # "Shopkeepers said …": capitalised only because a sentence starts with it
        begin, finish = offset + run[0].start, offset + run[-1].end
        if self._covered(index, begin, finish):
            return
        words = [token.text for token in run]
        self._classify(index, text, begin, finish, words, sentence_before=text[offset:begin])

    def _classify(self, index: int, text: str, begin: int, finish: int, words: list[str], sentence_before: str) -> None:
        phrase = text[begin:finish]
        country = self.gazetteer.country(phrase)
        if country:
            self.add(country.name, "state", index, begin, finish, form=phrase, place=country)
            return
        if self._split_of(index, text, begin, finish, words, sentence_before):
            return
        facility = FACILITIES.get(plain(words[-1])) if len(words) > 1 else None
        if len(words) > 1 and plain(words[0]) in PLACE_PREFIXES:  # "Lake Lure"
            facility = "site"
        noun = re.match(rf"\s+({'|'.join(FACILITY_NOUNS)})\b", text[finish:])
        if facility or (noun and not self._kind_of(words) and not self.gazetteer.country(phrase)):
            # "the Biltmore Village neighborhood" is Biltmore Village; "the Flins factory" a place of its own
            district = noun and FACILITIES.get(noun.group(1)) == "district"
            name = phrase if facility or district else f"{phrase} {noun.group(1)}" if noun else phrase
            end = finish if facility or district else finish + (noun.end() if noun else 0)
            site = self.add(name, "place", index, begin, end, evidence=text[begin:end])
            site.place_kind = facility or (FACILITIES.get(noun.group(1), "site") if noun else "site")
            site.within = site.within or self.city
            return
        title_end = max((i + 1 for i, word in enumerate(words) if is_title(word)), default=0)
        runs_on = title_end + 1 < len(words) and words[title_end] == "of" and plain(words[title_end + 1]) in TITLE_OF
        if title_end and runs_on:  # "Secretary of State"
            title_end += 2
        if (0 < title_end < len(words) and self._looks_like_person(words[title_end:], titled=True)) or \
                0 < title_end == len(words) - 1:
            name_words = words[title_end:]
            title = " ".join(words[:title_end])
            lead = [w for w in words[: title_end] if not is_title(w) and w != "of" and plain(w) not in TITLE_OF]
            self._title_lead(index, begin, lead)
            name_begin = text.index(name_words[0], begin)
            self.add(text[name_begin:finish], "person", index, name_begin, finish, title=title,
                     evidence=phrase)
            return
        if title_end == len(words):
            return  # only a title ("the President")
        before = sentence_before.split()
        if len(words) > 1 and before and before[-1].casefold() in LOWER_TITLES and self._looks_like_person(words):
            title = self._lower_title(before)
            self.add(phrase, "person", index, begin, finish, title=title, evidence=f"{title} {phrase}")
            return
        place = self._city(phrase, before)
        region = self.gazetteer.region(phrase) if not (place or phrase.isupper()) else None
        if region or plain(phrase) in WATERS:  # "Texas", "the Atlantic"
            self.add(region.name if region else phrase, "place", index, begin, finish, form=phrase, place=region)
            return
        if place:
            name = place.name if phrase.isupper() else phrase  # "PARIS —", a dateline: the gazetteer's spelling
            self.add(name, "place", index, begin, finish, form=phrase, place=place,
                     evidence=f"{place.name}, {place.country}")
            return
        kind = self._kind_of(words)
        after_the = bool(before) and before[-1].casefold() == "the"  # "the Standard Model": no person
        if kind:
            self.add(phrase, kind, index, begin, finish)
        elif len(words) > 1 and self._looks_like_person(words) and not after_the:
            self.add(phrase, "person", index, begin, finish)
        elif len(words) == 1 and self._stands_alone(words[0]):
            # "close its plant in Flins": an unknown word after "in" is a place the gazetteer lacks
            inside = bool(before) and before[-1].casefold() in ("in", "near", "outside")
            self.add(phrase, "place" if inside else "other", index, begin, finish)
        elif len(words) > 1:
            self.add(phrase, "organisation", index, begin, finish)

    def _split_of(self, index: int, text: str, begin: int, finish: int, words: list[str], before: str) -> bool:
        """ "Jonathan Butterworth of University College London": a person and the body they are of."""
        if "of" not in words[2:-1]:
            return False
        cut = words.index("of", 2)
        head = words[:cut]
        titled = max((i + 1 for i, word in enumerate(head) if is_title(word)), default=0)
        if not self._looks_like_person(head[titled:], titled=bool(titled)):
            return False
        of = re.search(r"\s+of\s+(?:the\s+)?", text[begin:finish])
        if of is None:
            return False
        tail_begin = begin + of.end()
        tail = [w for w in words[cut + 1 :] if w != "the"]
        self._classify(index, text, begin, begin + of.start(), head, before)
        self._classify(index, text, tail_begin, finish, tail, text[:tail_begin])
        return True

    def _title_lead(self, index: int, begin: int, lead: list[str]) -> None:
        """ "Air Force" in "Air Force Lt Col Carla Gleason", "U.S." in "U.S. Secretary of State …"."""
        if not lead:
            return
        phrase = " ".join(lead)
        country = self.gazetteer.country(phrase) or (self.gazetteer.demonym(phrase) if len(lead) == 1 else None)
        if country:
            self.add(country.name, "state", index, begin, begin + len(phrase), form=phrase, place=country)
        elif (kind := self._kind_of(lead)) and not all(self.gazetteer.demonym(word) for word in lead):
            # "Economy Minister", "Police Supt.": a portfolio or a service is part of the title, no body's name
            self.add(phrase, kind, index, begin, begin + len(phrase))

    def _lower_title(self, before: list[str]) -> str:
        title = [before[-1]]
        for word in reversed(before[:-1]):
            if not (capitalised(word) or word.casefold() in LOWER_TITLES) or word[-1:] in ",;:":
                break
            title.insert(0, word)
        return " ".join(title)

    def _city(self, phrase: str, before: list[str]) -> GazetteerPlace | None:
        after_preposition = bool(before) and before[-1].casefold() in PLACE_PREPOSITIONS
        place = self.gazetteer.city(phrase, aliases=after_preposition)
        if place is None:
            return None
        in_context = after_preposition or place.country in self.countries_mentioned or place.population >= _BIG_CITY
        return place if in_context else None

    @staticmethod
    def _kind_of(words: list[str]) -> str:
        for word in reversed(words):
            kind = WORD_KIND.get(plain(word))
            if kind:
                return kind
        if len(words) == 1 and words[0].isupper() and len(words[0].replace(".", "")) > 1:
            return "organisation"  # an acronym
        return ""

    def _looks_like_person(self, words: list[str], *, titled: bool = False) -> bool:
        """Two to four name words; a middle initial ("Samuel R. Whitfield") is one of them. After a
        title, "Christian" is a first name, not an adjective like "Kurdish"."""
        if not 2 <= len(words) <= 5 or any(self.gazetteer.demonym(word) for word in words):
            return False
        if any(is_title(word) or plain(word) in WORD_KIND or plain(word) in LOWER_TITLES or plain(word) in FACILITIES
               or plain(word) in PLACE_NOUNS for word in words):
            return False  # "National Financial Prosecutor", "Getty Images", "Saray Tower"
        adjective = ("ic", "ese", "ish") if titled else ("ic", "ian", "ese", "ish")
        initials = [w for w in words[1:-1] if len(w) == 1 and w.isupper()]
        particles = [w for w in words[1:-1] if w in LOWER_PARTICLES]  # "Marcelo Rebelo de Sousa"
        if len(words) - len(initials) - len(particles) > 4:
            return False
        return all(
            (w[:1].isupper() and not w.isupper() and not w.endswith(adjective)) or PARTICLE.match(w)
            or w in initials or w in particles for w in words
        )

    def _stands_alone(self, word: str) -> bool:
        folded = plain(word)
        # "Syrians", "Turks" (Turkish) are people of a country; "Greens" (Greenlandic) a party
        plural_demonym = word.endswith("s") and any(
            d.startswith(word[:-1]) and len(d) - len(word) < 3 for d in self.gazetteer.demonyms)
        return not (
            folded in SENTENCE_STARTERS or is_title(word) or self.gazetteer.demonym(word) or len(folded) < 2
            or word.casefold() in self.lowercase or plural_demonym or re.search(r"[’'](?!s$)", word)
            or word.endswith(("ian", "ese", "ish", "ic"))  # "the Slovenian", "Olympic champion": adjectives
        )
