"""Full builds of real projects (MkDocs or the CLI) in temporary folders."""
