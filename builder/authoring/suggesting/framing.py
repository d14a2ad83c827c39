"""Names the shape of wire copy gives away: the dateline's city, state and agency, "By X" bylines,
lower-case group phrases ("Syrian government forces"), "the village of X", "north-east Syria",
"Russian-backed", and "known as AFAD" acronyms."""

from __future__ import annotations

import functools
import re
from dataclasses import replace

from builder.authoring.suggesting.candidate import FinderState
from builder.authoring.suggesting.classify import kind_of
from builder.authoring.suggesting.datelines import AGENCIES, find_dateline
from builder.authoring.suggesting.gazetteer import Gazetteer, plain
from builder.authoring.suggesting.lexicon import (
    GROUP_HEADS,
    GROUP_MODIFIERS,
    PARTICLES,
    PLACE_NOUNS,
    SENTENCE_STARTERS,
)
from builder.authoring.suggesting.passages import credit_names
from builder.authoring.suggesting.tokens import (
    Token,
)

# "Russian-backed": a mention of the state, never a name of its own
COMPOUND = re.compile(r"^([^\W\d_][\w.]*)-(?:backed|led|based|allied|aligned|controlled|run|owned)$")


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


class FramingRules(FinderState):
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
        if place and place.country:  # "the Renton and Everett factories near Seattle": towns of the city's country
            self.countries_mentioned.add(place.country)
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
        """ "By A, B and C", "Reporting by A in Montreal; Editing by B": the reporters are people, an
        agency named with them its outlet, and where they reported from a place."""
        names = credit_names(text)
        if names is None:
            return False
        cursor = 0
        for name in names:
            at = text.find(name, cursor)
            if at < 0:
                continue
            cursor = at + len(name)
            agency = AGENCIES.get(name) or next((n for n in AGENCIES.values() if n == name), "")
            kind = "media-outlet" if agency else kind_of(name.split())
            if kind:  # "By Ingrid Dahl and Tomas Berg, Reuters": the outlet, not a third reporter
                self.add(agency or name, kind, index, at, cursor, form=name, evidence=f"byline: {text.strip()}")
            elif len(name.split()) > 1:
                self.add(name, "person", index, at, cursor, evidence=f"byline: {text.strip()}")
        for where in re.finditer(r"\bin\s+([A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*){0,2})", text):
            place = self.gazetteer.city(where.group(1), aliases=True)
            self.add(place.name if place else where.group(1), "place", index, *where.span(1), form=where.group(1),
                     place=place, evidence=f"reported from: {text.strip()}")
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

    def _compound(self, index: int, offset: int, token: Token) -> None:
        """ "Russian-backed": a mention of the state."""
        match = COMPOUND.match(token.text)
        country = match and (self.gazetteer.demonym(match.group(1)) or self.gazetteer.country(match.group(1)))
        if match and country:
            self.add(country.name, "state", index, offset + token.start, offset + token.start + len(match.group(1)),
                     form=match.group(1), place=country)

