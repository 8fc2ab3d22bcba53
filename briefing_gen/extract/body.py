"""The article body as the one text language analysis reads, with where each paragraph starts.

Kept apart from `extract/parse.py` so that the build can check an article's length, and the
cache can key it, without importing spaCy."""
from __future__ import annotations

from briefing_gen.model import Article

PARAGRAPH_SEPARATOR = "\n\n"
MAX_TEXT_CHARS = 5_000_000  # the longest article text parsed (nlp.max_length); longer ones are refused


def body_text(article: Article) -> tuple[str, list[int]]:
    starts: list[int] = []
    pieces: list[str] = []
    position = 0
    for paragraph in article.paragraphs:
        starts.append(position)
        pieces.append(paragraph.text)
        position += len(paragraph.text) + len(PARAGRAPH_SEPARATOR)
    return PARAGRAPH_SEPARATOR.join(pieces), starts
