"""One reader per kind: a located YAML mapping (and the file's body) → its model entity, every
problem reported with its line."""
