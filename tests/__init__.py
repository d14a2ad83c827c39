"""The tests: one root conftest.py for all, unit/ per package, site/ and browser/."""
