"""Resolving: records → a Site (references, cycles, backlinks, quotes and mentions anchored in article text,
name matching)."""
