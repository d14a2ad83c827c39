"""The command line adapter: ``python -m builder check|bundle|export|import|suggest|new|schemas``."""
