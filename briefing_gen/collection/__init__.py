"""Cross-article resolution: what holds for the whole collection rather than one article."""
