"""ACLED's actor names to actors: a kind guessed from ACLED's naming, else from its inter codes.

ACLED names actors by pattern ("Military Forces of Ethiopia (2018-)", "Civilians (Ethiopia)",
"Protesters (Kenya)", "Unidentified Armed Group (Sudan)"), and ``inter1``/``inter2`` say the actor
type (as text in current exports, as codes 1–8 in older ones). The name is the better witness: an
actor's ``inter`` describes its side in that one event.
"""

from __future__ import annotations

import re

from builder.authoring.datasets.records import Entity
from builder.load.fields import slugify

_BY_NAME = (
    (re.compile(r"^(Military|Naval|Air) Forces of ", re.I), "armed-force"),
    (re.compile(r"^Police Forces of ", re.I), "government-agency"),
    (re.compile(r"^Government of ", re.I), "government"),
    (re.compile(r"^(Civilians|Protesters|Rioters|Labou?r Group|Students|Refugees/IDPs)\b", re.I), "group"),
    (re.compile(r"^Unidentified (Armed|Communal|Gang)", re.I), "armed-group"),
    (re.compile(r"\b(Militia|Rebels?|Liberation|Front|Army|Brigades?|Gang)\b", re.I), "armed-group"),
)
_BY_INTER = {
    "1": "armed-force", "state forces": "armed-force",
    "2": "armed-group", "rebel group": "armed-group",
    "3": "armed-group", "political militia": "armed-group",
    "4": "armed-group", "identity militia": "armed-group",
    "5": "group", "rioters": "group",
    "6": "group", "protesters": "group",
    "7": "group", "civilians": "group",
    "8": "armed-force", "external/other forces": "armed-force",
}
# actor1 acts, actor2 is the other side; associated actors act with them
ROLES = {"actor1": "initiator", "assoc_actor_1": "associate-of-initiator",
         "actor2": "counterpart", "assoc_actor_2": "associate-of-counterpart"}


def kind_of(name: str, inter: str = "") -> str:
    for pattern, kind in _BY_NAME:
        if pattern.search(name):
            return kind
    return _BY_INTER.get(inter.strip().lower(), "other")


def actors_of(cells: dict[str, str]) -> tuple[list[Entity], list[dict[str, str]]]:
    """The row's actors, and how each took part (each actor once, in its first role)."""
    actors: list[Entity] = []
    roles: dict[str, str] = {}
    for column, role in ROLES.items():
        inter = cells.get("inter1" if column.endswith("1") else "inter2", "") if column.startswith("actor") else ""
        for name in (part.strip() for part in cells.get(column, "").split(";")):
            id_ = slugify(name)
            if not id_ or id_ in roles:
                continue
            roles[id_] = role
            actors.append({"id": id_, "name": name, "kind": kind_of(name, inter)})
    return actors, [{"actor": id_, "role": role} for id_, role in roles.items()]
