"""Tests of builder/render/."""
