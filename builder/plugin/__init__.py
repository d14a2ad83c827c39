"""The MkDocs adapter. The entry point ``timeline`` names ``builder.plugin:TimelinePlugin``."""

from builder.plugin.adapter import TimelinePlugin

__all__ = ["TimelinePlugin"]
