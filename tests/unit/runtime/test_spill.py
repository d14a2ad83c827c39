"""Generated pages wait out of memory between conversion and writing, and come back unchanged."""

from __future__ import annotations

import tempfile

import pytest

from builder.runtime.spill import SpillStore


def test_texts_come_back_once_and_unchanged() -> None:
    store = SpillStore()
    texts = {f"p{i}.md": (f"# Page {i} — Erdoğan’s “deadline”\n" * (i + 1), f"<h1>Page {i}</h1>" + "é" * i)
             for i in range(50)}
    for key, value in texts.items():
        store.put(key, value)
    assert len(store) == 50
    for key in reversed(list(texts)):  # in any order, as MkDocs may build pages in another order
        assert store.take(key) == texts[key]
    assert store.take("p3.md") is None and len(store) == 0
    store.put("empty.md", ("", ""))
    assert store.take("empty.md") == ("", "")
    store.close()
    assert store.take("p1.md") is None


def test_a_disk_that_cannot_be_written_keeps_pages_in_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_space(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(tempfile, "TemporaryFile", no_space)
    store = SpillStore()
    store.put("a.md", ("markdown", "<p>html</p>"))
    assert store.take("a.md") == ("markdown", "<p>html</p>")
