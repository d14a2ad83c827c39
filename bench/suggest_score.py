"""Score ``suggest`` against the hand-written annotations of tests/fixtures/suggest/ (issue 17).

    python bench/suggest_score.py [dev|heldout ...] [--misses]

For each story folder (one or more articles and an ``expected.yml``, see the README there) runs
``suggest`` on its articles together, in a project that knows nothing, and counts per kind:
recall (expected items found) and precision (proposals that are expected). ``--misses`` lists what
was missed and what was proposed wrongly, story by story.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "fixtures" / "suggest"
KINDS = ("actors", "places", "events")

if str(ROOT) not in sys.path:  # run as a script: the project's own code, not an installed copy
    sys.path.insert(0, str(ROOT))

from builder.authoring.suggesting.draft import Draft, suggest  # noqa: E402
from builder.authoring.suggesting.gazetteer import plain  # noqa: E402
from builder.diagnostics import Diagnostics  # noqa: E402


@dataclass
class Tally:
    expected: int = 0
    found: int = 0  # expected items matched
    proposed: int = 0  # proposals, less those matching only an optional item
    right: int = 0  # proposals matching an expected item
    misses: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float:
        return self.right / self.proposed if self.proposed else 1.0

    def add(self, other: Tally) -> None:
        self.expected += other.expected
        self.found += other.found
        self.proposed += other.proposed
        self.right += other.right
        self.misses += other.misses
        self.wrong += other.wrong


def _bare(edtf: str) -> str:
    return re.sub(r"[?~%]", "", edtf)


def _match(expected: list[Any], optional: list[Any], proposals: list[tuple[str, Any]],
           fits: Any, story: str) -> Tally:
    """One proposal per expected item (the first that fits); a second one for it is a duplicate."""
    tally = Tally(expected=len(expected))
    taken: set[int] = set()
    for label, proposal in proposals:
        owner = next((i for i, item in enumerate(expected) if fits(proposal, item)), None)
        if owner is not None and owner not in taken:
            taken.add(owner)
            tally.proposed += 1
            tally.right += 1
        elif owner is None and any(fits(proposal, item) for item in optional):
            continue
        else:
            tally.proposed += 1
            tally.wrong.append(f"{story}: {label}" + (" (duplicate)" if owner is not None else ""))
    tally.found = len(taken)
    tally.misses = [f"{story}: {item}" for i, item in enumerate(expected) if i not in taken]
    return tally


def _forms(candidate: Any) -> set[str]:
    return {plain(form) for form in {candidate.name, *candidate.forms}}


def _names(items: list[Any]) -> list[set[str]]:
    return [{plain(form) for form in (item if isinstance(item, list) else [item])} for item in items]


def _sentences(event: Any) -> str:
    return " ".join(plain(" ".join(s.text.split())) for s in event.sentences)


def score_story(folder: Path) -> dict[str, Tally]:
    expected = yaml.safe_load((folder / "expected.yml").read_text(encoding="utf-8"))
    optional = expected.get("optional") or {}
    files = [(path, f"{folder.name}/{path.name}") for path in sorted(folder.glob("*.md"))]
    diagnostics = Diagnostics()
    draft: Draft | None = suggest(files, None, diagnostics)
    if draft is None:
        raise SystemExit("\n".join(d.format() for d in diagnostics))
    story = f"{folder.parent.name}/{folder.name}"

    def named(candidate: Any, forms: set[str]) -> bool:
        return bool(_forms(candidate) & forms)

    def dated(event: Any, item: dict[str, str]) -> bool:
        return _bare(event.date) == str(item["date"]) and plain(item["cue"]) in _sentences(event)

    actors = [(f"{c.name} ({c.kind})", c) for c in draft.new_actors]
    places = [(c.name, c) for c in draft.new_places]
    events = [(f"{e.date} {e.title!r} <- {' | '.join(s.text for s in e.sentences)[:120]!r}", e) for e in draft.events]
    return {
        "actors": _match(_names(expected["actors"]), _names(optional.get("actors") or []), actors, named, story),
        "places": _match(_names(expected["places"]), _names(optional.get("places") or []), places, named, story),
        "events": _match(expected["events"], optional.get("events") or [], events, dated, story),
    }


def score(half: str) -> dict[str, Tally]:
    totals = {kind: Tally() for kind in KINDS}
    for folder in sorted(p for p in (CORPUS / half).iterdir() if p.is_dir()):
        for kind, tally in score_story(folder).items():
            totals[kind].add(tally)
    return totals


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("halves", nargs="*", default=["dev", "heldout"])
    parser.add_argument("--misses", action="store_true", help="list the misses and the wrong proposals")
    args = parser.parse_args()
    for half in args.halves:
        totals = score(half)
        print(f"[{half}]")
        for kind, tally in totals.items():
            print(f"  {kind:7} recall {tally.recall:6.1%} ({tally.found}/{tally.expected})  "
                  f"precision {tally.precision:6.1%} ({tally.right}/{tally.proposed})")
        if args.misses:
            for kind, tally in totals.items():
                for line in tally.misses:
                    print(f"  missed {kind}: {line}")
                for line in tally.wrong:
                    print(f"  wrong {kind}: {line}")


if __name__ == "__main__":
    main()
