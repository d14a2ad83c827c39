"""The pictures of rendered pages: the events-per-month overview, the relations chart, the maps and their
country outlines."""
