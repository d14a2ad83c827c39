"""Tests of builder/authoring/."""
