"""New names that are a known actor written otherwise: "Tayyip Erdogan" for "Recep Tayyip Erdoğan",
"Jens Stoltenbreg" for "Jens Stoltenberg". Matched with rapidfuzz (words in any order, case and
accents folded), or for a person as the end of a known name; a single word is too ambiguous to
match this way (the exact name index has it)."""

from __future__ import annotations

from rapidfuzz import fuzz, process

from builder.authoring.suggesting.gazetteer import plain
from builder.authoring.suggesting.names import Candidate
from builder.model.site import Site

SIMILARITY = 90  # token_sort_ratio, 0-100: one wrong letter in a name passes, another person does not


def match_known(candidates: list[Candidate], site: Site | None) -> None:
    """Give each new multi-word actor that is a known actor's name, misspelt or shortened, that actor's id."""
    if site is None or not site.actors:
        return
    choices: dict[str, str] = {}  # folded name → actor id; a name two actors share is left out
    for actor in site.actors.values():
        for name in (actor.name, *actor.aliases):
            key = plain(name)
            choices[key] = actor.id if choices.get(key, actor.id) == actor.id else ""
    names = [key for key, actor_id in choices.items() if actor_id and " " in key]
    for candidate in candidates:
        if candidate.known_id or candidate.fixed_id or candidate.kind in ("place", "state"):
            continue
        if " " not in candidate.name:
            continue
        key = plain(candidate.name)
        found = [name for name, _, _ in process.extract(key, names, scorer=fuzz.token_sort_ratio,
                                                          score_cutoff=SIMILARITY, limit=2)]
        if not found and candidate.kind == "person":  # "Tayyip Erdogan" ends "Recep Tayyip Erdogan"
            found = [name for name in names if name.endswith(f" {key}")]
        owners = {choices[name] for name in found}
        if len(owners) == 1:
            candidate.known_id = owners.pop()
            candidate.evidence = f"{candidate.name!r} is close to a known actor's name ({found[0]!r})"
