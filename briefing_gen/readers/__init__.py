"""Readers turn one source file into an `Article`.

Every reader has the same small interface (`extensions`, `sniff`, `read`). The registry picks a
reader by file extension first, then asks the candidates to sniff the decoded text, so a `.txt`
saved from a known site gets its site profile and any other `.txt` the plain-text reader.
"""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Protocol

from briefing_gen.addresses import web_address
from briefing_gen.errors import SkipReason
from briefing_gen.model import Article
from briefing_gen.readers.bylines import author_in_closing_bio
from briefing_gen.readers.decode import ArticleError, read_text
from briefing_gen.readers.invisible import remove_invisible
from briefing_gen.readers.text import split_long_paragraphs
from briefing_gen.whitespace import fold_space


class Reader(Protocol):
    name: str
    extensions: tuple[str, ...]

    def sniff(self, text: str) -> bool:
        """True when `text` is in this reader's layout."""

    def read(self, source: str, text: str) -> Article:
        """Build the article; raise `ArticleError` with a one-line reason when it cannot."""


def default_readers() -> list[Reader]:
    from briefing_gen.readers.html import HtmlReader
    from briefing_gen.readers.markdown import MarkdownReader
    from briefing_gen.readers.plain_text import PlainTextReader
    from briefing_gen.readers.site_text import load_site_profiles

    site_readers: list[Reader] = list(load_site_profiles())
    return [HtmlReader(), *site_readers, MarkdownReader(), PlainTextReader()]


class ReaderRegistry:
    def __init__(self, readers: list[Reader] | None = None, max_bytes: int | None = None):
        self.readers = readers if readers is not None else default_readers()
        self.max_bytes = max_bytes  # the size limit of a source file (None: decode.DEFAULT_MAX_BYTES)

    @property
    def extensions(self) -> set[str]:
        return {ext for reader in self.readers for ext in reader.extensions}

    def choose(self, path: Path, text: str) -> Reader:
        """The reader for `path`: by extension, then by sniffing the text.

        A reader may also claim files of other extensions whose text is in its layout
        (`sniff_extensions`: an HTML page saved as `.txt`); it is asked first, and never
        becomes the fallback for those extensions.
        """
        suffix = path.suffix.lower()
        candidates = [r for r in self.readers if suffix in r.extensions]
        if not candidates:
            known = ", ".join(sorted(self.extensions))
            raise ArticleError(f"no reader for '{suffix or 'no extension'}' files (known: {known})", SkipReason.NO_READER)
        sniffers = [r for r in self.readers if suffix in getattr(r, "sniff_extensions", ()) and r not in candidates]
        for reader in [*sniffers, *candidates]:
            if reader.sniff(text):
                return reader
        return candidates[-1]

    def read(self, path: Path, source: str | None = None, max_bytes: int | None = None) -> Article:
        text = read_text(path, max_bytes=max_bytes if max_bytes is not None else self.max_bytes)
        reader = self.choose(path, text)
        try:
            article = reader.read(source or str(path), text)
        except (ArticleError, MemoryError):
            raise
        except Exception as error:  # a reader's bug on one hostile file must not stop the build
            detail = fold_space(str(error))[:200]
            raise ArticleError(f"the {reader.name} reader failed: {type(error).__name__}{': ' + detail if detail else ''}", SkipReason.READER_FAILED) from error
        article = remove_invisible(article)
        # A checked, percent-encoded web address; anything else is kept as text, never a link.
        article.url = web_address(article.url) or article.url
        if not article.published:
            article.published = date_in_file_name(path.name)
        if not article.authors:
            article.authors = author_in_closing_bio(article.paragraphs, article.title or "")  # an opinion page's closing line about its writer
        if not article.paragraphs:
            raise ArticleError("no article text found (only headers or site furniture)", SkipReason.FURNITURE_ONLY)
        article.paragraphs = split_long_paragraphs(article.paragraphs)
        return article


_NAME_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)-(\d\d)-(\d\d)(?!\d)")


def date_in_file_name(name: str) -> str | None:
    """The date a saved file's name carries ("breitbart_2015-11-11_debate.txt"), when the article
    itself gives none: archives and scrapers name files so, and a briefing without a date can join
    no timeline or story."""
    match = _NAME_DATE.search(name)
    if match is None:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3])).isoformat()
    except ValueError:
        return None  # "2015-13-45" is no date


__all__ = ["Article", "ArticleError", "Reader", "ReaderRegistry", "date_in_file_name"]
