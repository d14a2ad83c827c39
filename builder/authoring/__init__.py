"""Tools for writing content: ``import`` (articles from text or HTML), ``suggest`` (draft annotations), ``new``
(scaffolds), the JSON Schemas for editors, and relative dates ("last Tuesday")."""
