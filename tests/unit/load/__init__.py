"""Tests of builder/load/."""
