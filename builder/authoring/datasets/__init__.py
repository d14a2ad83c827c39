"""``import-data``: other tools' datasets (TimelineJS, ACLED, our own timeline.json) as content files.

One module per format reads its input into rows (records.py); check.py holds them against each other
and the project; write.py writes the good ones as YAML list files and citation-only sources.
"""
