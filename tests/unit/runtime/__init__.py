"""Tests of builder/runtime/."""
