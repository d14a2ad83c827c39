"""Tests of builder/resolve/."""
