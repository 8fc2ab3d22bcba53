"""briefing_gen: news and analysis articles in, a searchable briefing site out."""

__version__ = "0.1.0"
