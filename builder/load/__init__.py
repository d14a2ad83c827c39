"""Loading: the files under ``content/`` → records (which files are read, YAML that remembers its lines, typed
fields, one reader per kind)."""
