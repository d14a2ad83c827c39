"""``python -m builder suggest``: a draft of actors, places, dated events and quotes for an article.

Everything here is a suggestion for a person to review: rules that are easy to explain and to
correct, applied to the article's own words, with an offline gazetteer for coordinates. Nothing
is guessed beyond what the text says; where a rule had to assume something, the draft says so.
"""
