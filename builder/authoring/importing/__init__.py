"""``python -m builder import``: plain-text and saved HTML news pages to article files.

Reading a page is guesswork that a person reviews, so every step is a plain rule that the command
reports and the user can override: ``plain_text`` and ``html_page`` turn a file into units,
``units`` says what each unit is (a credit, a byline, a heading …), ``assemble`` builds drafts, and
``writer`` writes them, never over an existing file.
"""
