"""One candidate per body: the same name across articles, a lone surname, an acronym, "Turkish
troops" and "Turkish army" (one state's armed forces) are merged, and the other forms become aliases."""

from __future__ import annotations

import re
from collections import Counter

from builder.authoring.suggesting.gazetteer import plain
from builder.authoring.suggesting.lexicon import CONNECTORS, PARTICLES, WORD_KIND
from builder.authoring.suggesting.names import Candidate

# Kinds of which a state has one: its armed forces, its government.
_ONE_PER_STATE = ("armed-force", "government")
_PARTICLE = re.compile(rf"^{PARTICLES}-", re.IGNORECASE)


def _absorb(owner: Candidate, other: Candidate) -> None:
    owner.forms |= {form for form in other.forms | {other.name} if form.casefold() != owner.name.casefold()}
    owner.mentions += other.mentions
    owner.title = owner.title or other.title
    owner.evidence = owner.evidence or (other.evidence if not owner.mentions else "")
    owner.kind = other.kind if owner.kind == "other" else owner.kind
    owner.fixed_id = owner.fixed_id or other.fixed_id


def merge(found: list[list[Candidate]]) -> list[Candidate]:
    """Candidates from every article, merged; each keeps every form it was written in."""
    by_key: dict[tuple[bool, str], Candidate] = {}
    for article_candidates in found:
        for candidate in article_candidates:
            key = (candidate.kind == "place", candidate.key)
            if key in by_key:
                _absorb(by_key[key], candidate)
            else:
                by_key[key] = candidate
    merged = list(by_key.values())
    merged = _merge_state_bodies(merged)
    merged = _merge_surname_countries(merged)
    return _merge_short_forms(merged)


def _merge_surname_countries(candidates: list[Candidate]) -> list[Candidate]:
    """ "asking Montenegro to form a government" after "Prime Minister Luis Montenegro": the person."""
    surnames: dict[str, list[Candidate]] = {}
    for candidate in candidates:
        if candidate.kind == "person" and len(candidate.name.split()) > 1:
            surnames.setdefault(plain(candidate.name.split()[-1]), []).append(candidate)
    kept = []
    for candidate in candidates:
        owners = surnames.get(candidate.key, []) if candidate.kind == "state" else []
        if len(owners) == 1:
            owners[0].mentions += candidate.mentions
            owners[0].forms.add(candidate.name)
        else:
            kept.append(candidate)
    return kept


def _merge_state_bodies(candidates: list[Candidate]) -> list[Candidate]:
    groups: dict[tuple[str, str], list[Candidate]] = {}
    for candidate in candidates:
        if candidate.country and candidate.kind in _ONE_PER_STATE:
            groups.setdefault((candidate.country, candidate.kind), []).append(candidate)
    dropped: set[int] = set()
    for members in groups.values():
        counts = Counter({m.name: len(m.mentions) for m in members})
        owner = next(m for m in members if m.name == counts.most_common(1)[0][0])
        for member in members:
            if member is not owner:
                _absorb(owner, member)
                dropped.add(id(member))
    return [c for c in candidates if id(c) not in dropped]


def _short_forms(candidate: Candidate) -> set[str]:
    words = candidate.name.split()
    if candidate.kind == "person":
        return {plain(words[-1]), plain(_PARTICLE.sub("", words[-1]))}
    initials = "".join(w[0] for w in re.split(r"[\s-]+", candidate.name) if w and w not in CONNECTORS | {"and"})
    # "Nissan" for "Nissan Motor", "Socialist" for "Socialist Party": a body named by its first word
    first = {plain(words[0])} if len(words) > 1 and candidate.kind not in ("state", "place") else set()
    return {plain(initials)} | {plain(w) for w in words if WORD_KIND.get(plain(w))} | first


def _merge_short_forms(candidates: list[Candidate]) -> list[Candidate]:
    """A lone surname or acronym joins the one longer name it belongs to; if two could own it, it stays."""
    owners: dict[str, list[Candidate]] = {}
    for candidate in candidates:
        if candidate.kind != "place" and len(candidate.name.split()) > 1:
            for short in _short_forms(candidate):
                owners.setdefault(short, []).append(candidate)
    # "Yoon" after "Yoon Suk Yeol": a name written family name first, when no one else's surname is it
    firsts: dict[str, list[Candidate]] = {}
    for candidate in candidates:
        if candidate.kind == "person" and len(candidate.name.split()) > 1:
            firsts.setdefault(plain(candidate.name.split()[0]), []).append(candidate)
    kept = []
    for candidate in candidates:
        lone = candidate.kind in ("other", "organisation") and " " not in candidate.name
        possible = (owners.get(candidate.key) or firsts.get(candidate.key, [])) if lone else []
        if len(possible) == 1:
            _absorb(possible[0], candidate)
        else:
            kept.append(candidate)
    return kept
