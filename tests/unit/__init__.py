"""Tests of one package's modules, mostly without building a site."""
