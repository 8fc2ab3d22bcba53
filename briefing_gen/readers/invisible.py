"""Removing invisible characters from what a reader found.

Zero-width spaces, soft hyphens, byte-order marks and the bidirectional controls (right-to-left
overrides and isolates) show nothing themselves, but they change what a reader sees or what a
program compares: a right-to-left override in a title reverses the words after it, and a
zero-width space inside a name makes "Putin" and "Pu\u200btin" two actors that look alike. They
are removed from every field and paragraph of an article, right after it is read, so the title,
the names found in the text and the slugs made from them are what they look like.

The zero-width joiner and non-joiner shape emoji and some scripts (Persian, Indic), so they are
kept except between two Latin letters, where they only hide.
"""
from __future__ import annotations

import re

from briefing_gen.model import Article, Link, Paragraph

INVISIBLE = re.compile(
    "[\u00ad\u061c\u115f\u1160\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\u3164\ufeff\uffa0]"
    "|(?<=[A-Za-z])[\u200c\u200d](?=[A-Za-z])"
)


def visible(text: str) -> str:
    """`text` without invisible characters."""
    return INVISIBLE.sub("", text)


def visible_paragraph(paragraph: Paragraph) -> Paragraph:
    """`paragraph` without invisible characters, its links moved to the same words."""
    if not INVISIBLE.search(paragraph.text):
        return paragraph
    pieces: list[str] = []
    new_index: list[int] = []  # where each position of the old text is in the new one, and its end
    length = position = 0
    for match in [*INVISIBLE.finditer(paragraph.text), None]:
        end = match.start() if match else len(paragraph.text)
        new_index.extend(range(length, length + end - position))
        pieces.append(paragraph.text[position:end])
        length += end - position
        if match:
            new_index.extend([length] * (match.end() - match.start()))
            position = match.end()
    new_index.append(length)
    links = [Link(new_index[link.start], new_index[link.end], link.url) for link in paragraph.links if new_index[link.start] < new_index[link.end]]
    return Paragraph(text="".join(pieces), links=links, kind=paragraph.kind)


def remove_invisible(article: Article) -> Article:
    """The article with invisible characters removed from its metadata and its paragraphs."""
    for name in ("title", "publisher", "original_source", "url", "in_depth_report", "copyright", "description"):
        value = getattr(article, name)
        if isinstance(value, str):
            setattr(article, name, visible(value))
    for name in ("authors", "regions", "themes", "tags"):
        setattr(article, name, [visible(value) if isinstance(value, str) else value for value in getattr(article, name)])
    article.paragraphs = [visible_paragraph(paragraph) for paragraph in article.paragraphs]
    return article
