"""Tests of builder/model/."""
