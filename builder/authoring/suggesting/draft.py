"""From article files to a draft: known entities found, candidates named, events dated, quotes attributed."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from builder.authoring.suggesting.events import EventCandidate, find_events
from builder.authoring.suggesting.gazetteer import gazetteer
from builder.authoring.suggesting.merging import merge
from builder.authoring.suggesting.names import Candidate, NameFinder
from builder.authoring.suggesting.passages import ArticleText, article_text, read_article_file
from builder.authoring.suggesting.quotes import Mention, QuoteCandidate, find_quotes
from builder.diagnostics import Diagnostics, Origin
from builder.load.fields import slugify
from builder.model.article import Article
from builder.model.common import Ref
from builder.model.site import Site
from builder.resolve.text import Name, NameIndex


@dataclass
class Draft:
    articles: list[ArticleText]
    candidates: list[Candidate]  # new actors and places; known ones have `known_id`
    events: list[EventCandidate]
    quotes: list[QuoteCandidate]
    ids: dict[int, str] = field(default_factory=dict)  # id(candidate) → its id in the draft

    def id_of(self, candidate: Candidate) -> str:
        return candidate.known_id or self.ids[id(candidate)]

    @property
    def new_actors(self) -> list[Candidate]:
        return [c for c in self.candidates if not c.known_id and c.kind != "place"]

    @property
    def new_places(self) -> list[Candidate]:
        places = [c for c in self.candidates if not c.known_id and (c.kind == "place" or c.place)]
        return [c for c in places if not (c.place and c.kind != "place" and self._place_known(c))]

    def _place_known(self, state: Candidate) -> bool:
        """A state's place is left out when a place of that name is known or proposed on its own."""
        return any(c.kind == "place" and c.key == state.key for c in self.candidates)


def _known_candidates(site: Site | None) -> tuple[NameIndex, dict[tuple[str, str], Candidate]]:
    names: list[Name] = []
    known: dict[tuple[str, str], Candidate] = {}
    if site is not None:
        for actor in site.actors.values():
            known[("actor", actor.id)] = Candidate(actor.name, actor.kind, known_id=actor.id)
            names += [Name(text, "actor", actor.id) for text in (actor.name, *actor.aliases)]
        for place in site.places.values():
            known[("place", place.id)] = Candidate(place.name, "place", known_id=place.id)
            names += [Name(text, "place", place.id) for text in (place.name, *place.aliases)]
    return NameIndex(names), known


def _known_mentions(text: ArticleText, index: NameIndex, known: dict[tuple[str, str], Candidate]) -> list[Mention]:
    mentions = []
    for number, passage in enumerate(text.passages):
        explicit = passage.explicit
        for mention in explicit:
            owner = known.get((mention.ref.kind, mention.ref.id)) if mention.ref else None
            if owner:
                mentions.append(Mention(number, mention.start, mention.end, owner))
        skip = [(m.start, m.end) for m in explicit]
        for found in index.find(passage.text, skip):
            owner = known.get((found.names[0].kind, found.names[0].id))
            if owner and len(found.names) == 1:
                mentions.append(Mention(number, found.start, found.end, owner))
    return mentions


def _referenced(article: Article, known: dict[tuple[str, str], Candidate]) -> list[Candidate]:
    """Actors and places the article already refers to by id (front matter, explicit mentions) but the
    project lacks: the draft defines them, so the article passes `check` once the draft is in."""
    refs: list[tuple[Ref, str, str]] = [(article.publisher, "media-outlet", "")] if article.publisher else []
    refs += [(ref, "person", "") for ref in article.authors]
    refs += [(c.actor, "other", "") for c in article.contributors]
    refs += [(block.by, "other", "") for block in article.blocks if block.by]
    refs += [(m.ref, "other" if m.ref.kind == "actor" else "place", p.text[m.start : m.end])
             for p in article.paragraphs for m in p.explicit if m.ref]
    missing = []
    for ref, kind, label in refs:
        if (ref.kind, ref.id) in known:
            continue
        candidate = Candidate(ref.id.replace("-", " ").title(), kind, evidence=f"referred to by id: {ref.id}")
        candidate.forms.add(label or candidate.name)
        candidate.fixed_id = ref.id
        missing.append(candidate)
    return missing


def _assign_ids(draft: Draft, taken: set[tuple[str, str]]) -> None:
    # ids the articles already use come first, so a name-made id cannot take one of them
    for candidate in sorted(draft.candidates, key=lambda c: not c.fixed_id):
        if candidate.known_id:
            continue
        base = candidate.fixed_id or slugify(candidate.name) or "unnamed"
        group = "place" if candidate.kind == "place" else "actor"
        proposal, number = base, 2
        while (group, proposal) in taken:
            proposal, number = f"{base}-{number}", number + 1
        taken.add((group, proposal))
        if candidate.place and candidate.kind != "place" and not draft._place_known(candidate):
            taken.add(("place", proposal))
        draft.ids[id(candidate)] = proposal


def suggest(files: Iterable[tuple[Path, str]], site: Site | None, diagnostics: Diagnostics) -> Draft | None:
    """Read each article (path, shown path) and draft annotations; None when an article cannot be read."""
    index, known = _known_candidates(site)
    texts, found, front = [], [], []
    for file, shown in files:
        article = read_article_file(file, shown, diagnostics)
        if article is None:
            continue
        if article.published is None or article.published.lower is None:
            diagnostics.error(Origin(shown, 1), "the article needs 'published' to resolve its dates against")
            continue
        text = article_text(article, shown)
        mentions = _known_mentions(text, index, known)
        spans = [(m.passage, m.start, m.end) for m in mentions]
        found.append(NameFinder(text, gazetteer(), spans).find())
        front += _referenced(article, known)
        texts.append((text, mentions))
    if diagnostics.errors:
        return None
    candidates = merge([*found, _dedupe(front)])
    events, quotes = [], []
    for text, known_mentions in texts:
        mentions = known_mentions + [
            Mention(passage, start, end, c)
            for c in candidates for article, passage, start, end in c.mentions if article == text.article.id
        ]
        mentions.sort(key=lambda m: (m.passage, m.start))
        article_quotes = find_quotes(text, mentions)
        quotes += article_quotes
        events += find_events(text, mentions, article_quotes)
    used_known = {id(m.candidate): m.candidate for _, ms in texts for m in ms}
    draft = Draft([t for t, _ in texts], [*used_known.values(), *candidates], events, quotes)
    taken = {(group, id_) for group, id_ in known}
    _assign_ids(draft, taken)
    return draft


def _dedupe(candidates: list[Candidate]) -> list[Candidate]:
    unique: dict[tuple[bool, str], Candidate] = {}
    for candidate in candidates:
        key = (candidate.kind == "place", candidate.fixed_id)
        if key in unique:
            unique[key].forms |= candidate.forms
        else:
            unique[key] = candidate
    return list(unique.values())
