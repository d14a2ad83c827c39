"""Candidate actors and places in an article, found by rules a reviewer can follow.

- Runs of capitalised words are names ("Syrian Observatory for Human Rights"); a title inside or
  just before a run is split off ("Kremlin spokesman | Dmitry Peskov").
- Countries, their demonyms and cities come from the offline gazetteer. A city needs context to
  count (a place preposition before it, its country in the same article, or a million people):
  "Sana" the news agency is not Saña in Peru.
- Lower-case group phrases name bodies too: "Syrian government forces", "al-Qaeda militants".
- A lone surname joins the person it belongs to; an acronym joins the name it abbreviates.
- Wire copy: a dateline is a city, a country or state and an agency (:mod:`datelines`); "By X and Y"
  and "Reporting by X in Seattle; Editing by Y" name people (and where they reported from); middle
  initials and title abbreviations do not end a name ("Police Supt. Kemal Aydin", "Samuel R. Whitfield").
- A facility, landmark or natural feature ("the Grand Orontes Hotel", "the Flins factory", "Lake
  Lure", "Reykjanes Peninsula") is a place of kind building, site or district, within the dateline's
  city, with no coordinates.

This module walks the sentences and cuts the runs; :mod:`framing` has the wire-copy rules,
:mod:`classify` decides what a run names, :mod:`candidate` holds what they share.
"""

from __future__ import annotations

import re

from builder.authoring.suggesting.candidate import Candidate
from builder.authoring.suggesting.classify import Classifier
from builder.authoring.suggesting.framing import COMPOUND, FramingRules
from builder.authoring.suggesting.gazetteer import plain
from builder.authoring.suggesting.lexicon import (
    BODY_NOUNS,
    CONNECTORS,
    MONTH_NAMES,
    SENTENCE_STARTERS,
    WEEKDAYS,
    WORD_KIND,
)
from builder.authoring.suggesting.tokens import (
    TOKEN,
    Token,
    capitalised,
    common_noun,
    headline_case,
    is_title,
    names_a_body,
    tokenize,
    undated,
)

__all__ = ["Candidate", "NameFinder"]


class NameFinder(FramingRules, Classifier):
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
            if capitalised(word) and not COMPOUND.match(word) and plain(word) not in WEEKDAYS | MONTH_NAMES:
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
        following: list[str] = []
        after = None  # the word after the name: "the Law and Justice party"
        for token in rest:
            if not capitalised(token.text) or plain(token.text) in WEEKDAYS | MONTH_NAMES:
                break
            following.append(token.text)
            if token.breaks_after:
                break
        if following and len(following) < len(rest) and not rest[len(following) - 1].breaks_after:
            after = rest[len(following)].text
        if after in BODY_NOUNS and not run[-1].breaks_after:
            return True  # "the Law and Justice party"
        if run[-1].breaks_after or not following or any(is_title(word) for word in following):
            return False
        # "Control and Prevention", "Forestry and Fire Protection": no person's name ends in such a noun
        abstract = common_noun(following[-1])
        if self._looks_like_person(following) and not abstract:
            return False
        if any(plain(t.text) in WORD_KIND for t in run):  # "Department of Health and Human Services"
            return any(t.text in ("of", "for") for t in run) and (len(following) >= 2 or abstract)
        return WORD_KIND.get(plain(following[-1])) in ("government-agency", "organisation", "government")

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
        if at_start and len(run) > 2 and run[1].text == "of" and self._common_plural(run[0].text):
            self._flush(index, text, offset, run[2:], sentence)  # "Shares of Boeing fell": Boeing
            return
        lone = run[0].text
        if len(run) == 1 and lone.isupper() and re.search(r"\d\s$", text[offset : offset + run[0].start]):
            return  # "the 737 MAX": a model's name, not a body's
        if at_start and len(run) == 1 and plain(lone) in WORD_KIND and lone not in self.midsentence:
            return  # "Union leader Jon Holden": a common noun starting the sentence
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

    def _common_plural(self, word: str) -> bool:
        """ "Shares", "Members": a plural noun, capitalised only because it starts the sentence."""
        return word.endswith("s") and word not in self.midsentence and plain(word) not in WORD_KIND \
            and not is_title(word) and not word.isupper()
