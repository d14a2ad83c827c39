"""Names as a page writes them ("AP", "The Guardian") to the project's actor ids."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from builder.diagnostics import Diagnostics
from builder.load.fields import slugify
from builder.load.records import load_actors


@dataclass(frozen=True)
class Resolved:
    id: str
    name: str  # as written
    known: bool


@dataclass
class ActorIndex:
    by_name: dict[str, str] = field(default_factory=dict)  # name, alias or id → id
    by_folded_name: dict[str, str] = field(default_factory=dict)
    people: set[str] = field(default_factory=set)  # names and aliases of persons

    @classmethod
    def of_project(cls, content_dir: Path, root: Path) -> ActorIndex:
        # problems in the project are check's to report, not import's
        index = cls()
        for actor in load_actors(content_dir, root, Diagnostics()).values():
            for name in (actor.id, actor.name, *actor.aliases):
                index.by_name.setdefault(name, actor.id)
                index.by_folded_name.setdefault(name.casefold(), actor.id)
                if actor.kind == "person" and name != actor.id:
                    index.people.add(name)
        return index

    def resolve(self, name: str) -> Resolved:
        found = self.by_name.get(name) or self.by_folded_name.get(name.casefold())
        return Resolved(found, name, True) if found else Resolved(slugify(name), name, False)
