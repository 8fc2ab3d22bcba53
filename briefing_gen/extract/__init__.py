"""Extraction: an `Article` in, a `Briefing` out (`briefing.extract`), from one spaCy parse shared by
every extractor (`parse`). Importing this package loads nothing: `body` and `reference` are used by
builds that never load spaCy (a rebuild from the cache)."""
