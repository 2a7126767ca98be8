"""Site-wide search (/search/): problems, ideas and the public Wagtail pages (rounds, projects,
results-sharing events) through the one search index of soslab.core.search. Pages join the index
through `PageSearchEntry` (models.py), kept in step with publishing by signals.py."""
