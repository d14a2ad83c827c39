"""What a run of capitalised words names: a state, a facility, a titled person ("Police Supt. Kemal
Aydin"), a city or region, a body (by the noun that ends it), or a person by the look of the words."""

from __future__ import annotations

import re

from builder.authoring.suggesting.candidate import FinderState
from builder.authoring.suggesting.gazetteer import GazetteerPlace, plain
from builder.authoring.suggesting.lexicon import (
    BODY_NOUNS,
    FACILITIES,
    FACILITY_NOUNS,
    LOWER_PARTICLES,
    LOWER_TITLES,
    NOT_BODIES,
    PEOPLE_NOUNS,
    PLACE_NOUNS,
    PLACE_PREFIXES,
    PLACE_PREPOSITIONS,
    REGION_WORDS,
    SENTENCE_STARTERS,
    TITLE_OF,
    WATERS,
    WORD_KIND,
)
from builder.authoring.suggesting.tokens import (
    PARTICLE,
    capitalised,
    is_title,
)

_BIG_CITY = 1_000_000
# "at the Santiago Bernabeu", "near Sundhnukur": an unknown name after these is where, not who
_SITE_PREPOSITIONS = ("at", "near", "outside", "inside")


def kind_of(words: list[str]) -> str:
    """The kind of body a name's words say it is ("Health Ministry": a government agency), or ""."""
    for word in reversed(words):
        kind = WORD_KIND.get(plain(word))
        if kind:
            return kind
    if len(words) == 1 and words[0].isupper() and words[0].replace(".", "").isalpha() \
            and plain(words[0]) not in NOT_BODIES \
            and len(words[0].replace(".", "")) > 1:
        return "organisation"  # an acronym
    return ""


class Classifier(FinderState):
    def _classify(self, index: int, text: str, begin: int, finish: int, words: list[str], sentence_before: str) -> None:
        phrase = text[begin:finish]
        country = self.gazetteer.country(phrase)
        if country:
            self.add(country.name, "state", index, begin, finish, form=phrase, place=country)
            return
        if self._split_of(index, text, begin, finish, words, sentence_before):
            return
        body = re.match(r"\s+(\w+)", text[finish:])
        if body and body.group(1) in BODY_NOUNS and not self.gazetteer.demonym(words[0]):
            # "the Law and Justice party": a lower-case noun says what the name is, titles inside or not
            self.add(phrase, WORD_KIND[body.group(1)], index, begin, finish, evidence=f"{phrase} {body.group(1)}")
            return
        facility = FACILITIES.get(plain(words[-1])) if len(words) > 1 else None
        if facility and len(words) > 2 and re.match(r"\s+\d", text[finish:]):
            # "Aerospace Workers District 751": a body's branch, named by the body
            end = begin + text[begin:finish].rindex(words[-1])
            self._classify(index, text, begin, len(text[:end].rstrip()), words[:-1], sentence_before)
            return
        if facility and len(words) > 2 and self.gazetteer.demonym(words[0]):  # "the French Indian Ocean territory"
            self._title_lead(index, begin, words[:1])
            rest = begin + len(words[0]) + 1
            self._classify(index, text, rest, finish, words[1:], text[:rest])
            return
        head = words[: words.index("of")] if "of" in words[1:-1] else []
        if len(words) > 1 and (plain(words[0]) in PLACE_PREFIXES or (plain(words[-1]) in REGION_WORDS and not head)
                               or (len(head) == 1 and FACILITIES.get(plain(head[0])) == "site")):
            facility = "site"  # "Lake Lure", "Basque Country", "Strait of Hormuz" (not "Tour of the Basque Country")
        noun = re.match(rf"\s+({'|'.join(FACILITY_NOUNS)})\b(?!\s+(?:{'|'.join(PEOPLE_NOUNS)})\b)", text[finish:])
        if facility or (noun and not kind_of(words) and not self.gazetteer.country(phrase)):
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
        if len(words) > 1 and before and before[-1].casefold() in LOWER_TITLES \
                and self._looks_like_person(words, titled=True):
            title = self._lower_title(before)
            self.add(phrase, "person", index, begin, finish, title=title, evidence=f"{title} {phrase}")
            return
        if len(words) > 1 and re.match(r"\s+\d+(?![\d\-–:,.]\d)", text[finish:]):
            # "a SpaceX Falcon 9 rocket", "Boeing 737 MAX": a product, made by the body its first word may name
            if re.search(r"[a-z][A-Z]|^[A-Z]{3,}$", words[0]):
                self.add(words[0], "organisation", index, begin, begin + len(words[0]))
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
        kind = kind_of(words)
        lead = [w.casefold() for w in before[-2:]]
        at = (lead[-1:] and lead[-1] in _SITE_PREPOSITIONS) or (lead[:1] and lead[0] in _SITE_PREPOSITIONS
                                                              and lead[1:] == ["the"])
        if at and len(words) > 1 and (not kind or plain(words[-1]) in ("center", "centre")):
            # "at the Santiago Bernabeu", "at Les Invalides", "at the Kennedy Space Center": where, not who
            site = self.add(phrase, "place", index, begin, finish, evidence=f"at {phrase}")
            site.place_kind = site.place_kind or "site"
            site.within = site.within or self.city
            return
        after_the = bool(before) and before[-1].casefold() == "the"  # "the Standard Model": no person
        if kind:
            self.add(phrase, kind, index, begin, finish)
        elif len(words) > 1 and self._looks_like_person(words) and not after_the:
            self.add(phrase, "person", index, begin, finish)
        elif len(words) == 1 and self._stands_alone(words[0]):
            # "close its plant in Flins": an unknown word after "in" is a place the gazetteer lacks
            inside = bool(before) and before[-1].casefold() in ("in", "near", "outside", "at")
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
        country = self.gazetteer.country(phrase) or self.gazetteer.demonym(phrase)  # "South Korean President"
        if country:
            self.add(country.name, "state", index, begin, begin + len(phrase), form=phrase, place=country)
        elif (kind := kind_of(lead)) and not all(self.gazetteer.demonym(word) for word in lead):
            # "Economy Minister", "Police Supt.": a portfolio or a service is part of the title, no body's name
            self.add(phrase, kind, index, begin, begin + len(phrase))
        elif len(lead) > 1 and not any(self.gazetteer.demonym(w) or w.casefold() in self.lowercase for w in lead):
            # "World Athletics President": two name words before a title are the body the title is of
            self.add(phrase, "organisation", index, begin, begin + len(phrase))

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

    def _looks_like_person(self, words: list[str], *, titled: bool = False) -> bool:
        """Two to four name words; a middle initial ("Samuel R. Whitfield") is one of them. After a
        title, "Christian" is a first name, not an adjective like "Kurdish"."""
        if not 2 <= len(words) <= 5 or any(self.gazetteer.demonym(word) for word in words):
            return False
        last = self.gazetteer.city(words[-1])
        if last and last.population >= _BIG_CITY and not titled:
            return False  # "Atletico Madrid", "Inter Milan": a club or a firm of the city
        if plain(words[-1]) in FACILITIES or any(
                is_title(word) or plain(word) in WORD_KIND or plain(word) in LOWER_TITLES or plain(word) in PLACE_NOUNS
                for word in words):
            return False  # "National Financial Prosecutor", "Getty Images", "Saray Tower" (not "Park Ji-hoon")
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
            any(c.isdigit() for c in word) or folded in NOT_BODIES  # "COVID-19", "GDP"
            or folded in SENTENCE_STARTERS or is_title(word) or self.gazetteer.demonym(word) or len(folded) < 2
            or word.casefold() in self.lowercase or plural_demonym or re.search(r"[’'](?!s$)", word)
            or word.endswith(("ian", "ese", "ish", "ic"))  # "the Slovenian", "Olympic champion": adjectives
        )
