"""Turn annotated news articles into a cross-linked timeline website."""

__version__ = "0.1.0"
