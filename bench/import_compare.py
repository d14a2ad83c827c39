"""Compare `import`'s own HTML reader (builder/authoring/importing/html_page.py) with trafilatura on
saved pages (issue 17): main text and metadata, against what a reader takes from each page.

    python bench/import_compare.py

Each ``tests/fixtures/import/pages/NAME.html`` has a ``NAME.json``: title, published (YYYY-MM-DD),
authors and the article's paragraphs (``also``: text that may be kept or not, such as a caption).
A paragraph is found when an extracted paragraph is it (whitespace folded); an extracted paragraph
is wrong when it is neither expected nor in ``also`` nor a byline ("By …") nor the headline.
``import`` now reads each page with trafilatura's opinion (builder/authoring/importing/second_opinion.py);
``--alone`` measures the reader without it, as it was before issue 17.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / "tests" / "fixtures" / "import" / "pages"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import trafilatura  # noqa: E402

from builder.authoring.importing.assemble import Rules  # noqa: E402
from builder.authoring.importing.html_page import read_page  # noqa: E402
from builder.authoring.importing.second_opinion import Opinion  # noqa: E402


@dataclass
class Extracted:
    title: str
    published: str
    authors: list[str]
    paragraphs: list[str]


def _fold(text: str) -> str:
    return " ".join(text.split())


def ours(data: bytes, source: str, alone: bool = False) -> Extracted:
    if alone:
        with mock.patch("builder.authoring.importing.html_page.second_opinion", return_value=Opinion()):
            draft = read_page(data, source, Rules())
    else:
        draft = read_page(data, source, Rules())
    paragraphs = [p for part in draft.parts for p in part.paragraphs]
    meta = draft.metadata
    return Extracted(meta.title, meta.published[:10], list(meta.authors), paragraphs)


def theirs(data: bytes) -> Extracted:
    document = trafilatura.bare_extraction(data.decode("utf-8"), with_metadata=True, include_comments=False)
    if document is None:
        return Extracted("", "", [], [])
    authors = [a.strip() for a in (document.author or "").split(";") if a.strip()]
    return Extracted(document.title or "", (document.date or "")[:10], authors,
                     [line for line in (document.text or "").splitlines() if line.strip()])


def score(found: Extracted, expected: dict[str, object]) -> dict[str, float]:
    wanted = [_fold(str(p)) for p in expected["paragraphs"]]  # type: ignore[attr-defined]
    neutral = {_fold(str(p)) for p in expected.get("also", [])}  # type: ignore[attr-defined]
    got = [_fold(p) for p in found.paragraphs]
    right = [p for p in got if p in wanted]
    judged = [p for p in got if p not in neutral and not p.startswith("By ") and p != expected["title"]]
    return {
        "recall": len(set(right)) / len(wanted),
        "precision": len(right) / len(judged) if judged else 1.0,
        "metadata": sum([found.title == expected["title"], found.published == expected["published"],
                         found.authors == expected["authors"]]) / 3,
    }


def main() -> None:
    names = ("import before (alone)", "import (with trafilatura)", "trafilatura")
    totals: dict[str, dict[str, float]] = {name: {} for name in names}
    pages = sorted(PAGES.glob("*.html"))
    for page in pages:
        expected = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
        data = page.read_bytes()
        readings = (ours(data, page.name, alone=True), ours(data, page.name), theirs(data))
        for name, found in zip(names, readings, strict=True):
            result = score(found, expected)
            print(f"{page.name:28} {name:26} " + "  ".join(f"{k} {v:6.1%}" for k, v in result.items()))
            for key, value in result.items():
                totals[name][key] = totals[name].get(key, 0.0) + value / len(pages)
    for name, result in totals.items():
        print(f"{'mean':28} {name:26} " + "  ".join(f"{k} {v:6.1%}" for k, v in result.items()))


if __name__ == "__main__":
    main()
