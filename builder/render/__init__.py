"""Rendering: a Site → Markdown pages (Jinja templates, URLs, paging, indexes, facets, JSON-LD, sanitised prose)."""
