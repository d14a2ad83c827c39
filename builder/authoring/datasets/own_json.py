"""Our own ``data/timeline.json`` (``"format": "annotated-timeline/1"``) back to content files.

Everything the dataset holds comes back: events with their EDTF, date_text and date_note, actors,
places with coordinates and ``within``, relations and sources. The dataset has no article text,
so sources come back citation-only; quotes need that text, so they are counted in the report and
left out, and an event that cited an article only through quotes cites it directly instead.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from builder.authoring.datasets.json_lines import item_lines
from builder.authoring.datasets.records import Batch, Entity, Row, compact
from builder.diagnostics import Origin

FORMAT = "annotated-timeline/1"


def looks_like(data: Any) -> bool:
    return isinstance(data, dict) and data.get("format") == FORMAT


def _text(value: Any) -> str:
    return str(value).strip() if isinstance(value, (str, int, float)) and not isinstance(value, bool) else ""


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _date(value: Any) -> Entity:
    if not isinstance(value, dict):
        return {}
    return {"date": _text(value.get("edtf")), "date_text": _text(value.get("text")),
            "date_note": _text(value.get("note"))}


def _event(item: dict[str, Any], quotes: dict[str, dict[str, Any]]) -> Entity:
    sources = [_text(id_) for id_ in _list(item.get("sources"))]
    sources += [_text(quotes[q].get("article")) for q in _list(item.get("quotes")) if q in quotes]
    return compact({"id": _text(item.get("id")), "title": _text(item.get("title")), **_date(item.get("date")),
                    "type": _text(item.get("type")), "tags": [_text(tag) for tag in _list(item.get("tags"))],
                    "places": [_text(p) for p in _list(item.get("places"))],
                    "actors": [compact({"actor": _text(a.get("id")), "role": _text(a.get("role"))})
                               for a in _list(item.get("actors")) if isinstance(a, dict)],
                    "part_of": _text(item.get("part_of")),
                    "related": [_text(e) for e in _list(item.get("related"))],
                    "sources": list(dict.fromkeys(s for s in sources if s)),
                    "fatalities": item.get("fatalities") if isinstance(item.get("fatalities"), int) else None,
                    "media": compact(item["media"]) if isinstance(item.get("media"), dict) else None,
                    "commentary": _text(item.get("commentary"))})


def _actor(item: dict[str, Any]) -> Entity:
    affiliations = [compact({"actor": _text(a.get("actor")), "role": _text(a.get("role")), **_date(a.get("date"))})
                    for a in _list(item.get("affiliations")) if isinstance(a, dict)]
    return compact({key: _text(item.get(key)) for key in ("id", "name", "kind", "title", "summary", "description")}
                   | {"aliases": [_text(a) for a in _list(item.get("aliases"))], "affiliations": affiliations})


def _place(item: dict[str, Any]) -> Entity:
    place = compact({key: _text(item.get(key)) for key in ("id", "name", "kind", "within", "description")}
                    | {"aliases": [_text(a) for a in _list(item.get("aliases"))]})
    if isinstance(item.get("coordinates"), dict):
        place["coordinates"] = compact({key: item["coordinates"].get(key) for key in ("lat", "lon", "precision")})
    return place


def _relation(item: dict[str, Any]) -> Entity:
    return compact({key: _text(item.get(key)) for key in ("id", "subject", "type", "object", "note")}
                   | _date(item.get("date")) | {"places": [_text(p) for p in _list(item.get("places"))],
                                                 "sources": [_text(s.get("article")) for s in
                                                             _list(item.get("sources")) if isinstance(s, dict)]})


def _source(item: dict[str, Any]) -> Entity:
    return compact({"id": _text(item.get("id")), "title": _text(item.get("title")),
                    "publisher": _text(item.get("publisher")),
                    "authors": [_text(a) for a in _list(item.get("authors"))],
                    "published": _text(item.get("published")), "url": _text(item.get("original_url")),
                    "archive_url": _text(item.get("archive_url")), "accessed": _text(item.get("accessed")),
                    "language": _text(item.get("language")),
                    "note": "Imported from a timeline.json dataset, which keeps no article text: a citation-only "
                            "source." if item.get("citation_only", True) else
                            "Imported from a timeline.json dataset, which keeps no article text: paste the "
                            "article's text below this front matter to quote it again."})


def read(batch: Batch, text: str, data: Any) -> None:
    batch.title, batch.intro = _text(data.get("title")), _text(data.get("intro"))
    quotes = {_text(q.get("id")): q for q in _list(data.get("quotes")) if isinstance(q, dict)}
    if quotes:
        batch.notes.append(f"{batch.path}: {len(quotes)} quote{'s' * (len(quotes) != 1)} not imported: a quote "
                           "needs its article's text, which timeline.json does not hold")
    makers: dict[str, Callable[[dict[str, Any]], Entity]] = {
        "events": lambda item: _event(item, quotes), "actors": _actor, "places": _place, "relations": _relation,
        "sources": _source}
    lines_of = item_lines(text)
    batch.reading(sum(len(_list(data.get(key))) for key in makers))
    for key, make in makers.items():
        lines = lines_of.get(key, [])
        for index, item in enumerate(_list(data.get(key))):
            origin = Origin(batch.path, lines[index] if index < len(lines) else 1)
            batch.progress.advance()
            if not isinstance(item, dict):
                batch.rows.append(Row(origin, problems=["not an object"], label=f"{key}[{index}]"))
                continue
            row = Row(origin, label=f"{key}[{index}]")
            getattr(row, key).append(make(item))
            batch.rows.append(row)
